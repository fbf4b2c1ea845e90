"""The index's schema as built and as written to disk: Arabic analysis in both text fields,
facet values kept whole, shown fields stored and never indexed.

haystack silently gives a text field without an analyzer Whoosh's English
``StemmingAnalyzer``; these tests fail if any field falls back to it.
"""

from __future__ import annotations

import pytest
from haystack import connections
from whoosh import query as whoosh_query
from whoosh.analysis import CompositeAnalyzer, StemFilter
from whoosh.fields import KEYWORD, STORED, TEXT
from whoosh.index import open_dir

from archive.models import Article, Mention
from search.analysis import arabic_analyzer, exact_analyzer
from search.search_indexes import ENTITY_FACETS, FACETS

SAMPLES = [
    "والاتفاقية",
    "عبدالمجيد تبون",
    "الرئيس الجزائري عبد المجيد تبون",
    "وشدد على أن علي",
    "المسؤولين الليبيين",
]
# Fields whose values a result page shows, never searched.
STORED_ONLY = ("title", "url", "date", "source_name", "kind")


def tokens(analyzer, text: str, **options) -> list[tuple[str, int, int, int]]:
    return [
        (token.text, token.pos, token.startchar, token.endchar)
        for token in analyzer(text, positions=True, chars=True, **options)
    ]


def texts(analyzer, text: str) -> list[str]:
    return [token.text for token in analyzer(text)]


@pytest.fixture
def backend(search_index_path):
    backend = connections["default"].get_backend()
    backend.setup()
    return backend


@pytest.fixture
def schema(backend):
    return backend.schema


@pytest.mark.parametrize("mode", ["index", "query"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_text_field_reads_with_the_arabic_analyzer(schema, sample, mode):
    assert isinstance(schema["text"], TEXT)
    assert tokens(schema["text"].analyzer, sample, mode=mode) == tokens(arabic_analyzer(), sample, mode=mode)


@pytest.mark.parametrize("mode", ["index", "query"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_exact_field_reads_with_the_unstemmed_analyzer(schema, sample, mode):
    assert isinstance(schema["text_exact"], TEXT)
    assert tokens(schema["text_exact"].analyzer, sample, mode=mode) == tokens(
        exact_analyzer(), sample, mode=mode
    )


def test_the_two_text_fields_read_a_word_with_clitics_differently(schema):
    """ "والاتفاقية": the text field holds its stem "اتفاقي", the exact field the word, normalised,
    and its forms without proclitics, marked as glued."""
    assert texts(schema["text"].analyzer, "والاتفاقية") == ["اتفاقي"]
    assert texts(schema["text_exact"].analyzer, "والاتفاقية") == ["والاتفاقيه", "+الاتفاقيه", "+اتفاقيه"]


def test_content_field_is_the_arabic_text_field(backend):
    assert backend.content_field_name == "text"


def test_no_field_stems_english(schema):
    """No analyzer holds Whoosh's StemFilter (StemmingAnalyzer's), and "connections" stays whole."""
    analyzed = [(name, field.analyzer) for name, field in schema.items() if getattr(field, "analyzer", None)]
    assert {"text", "text_exact"} <= {name for name, _ in analyzed}
    for name, analyzer in analyzed:
        parts = analyzer.items if isinstance(analyzer, CompositeAnalyzer) else [analyzer]
        assert not [part for part in parts if isinstance(part, StemFilter)], name
        assert "connect" not in texts(analyzer, "connections running"), name
    assert "spelling" not in schema


@pytest.mark.parametrize("name", FACETS)
def test_facet_field_is_an_unscored_keyword_field_that_keeps_values_whole(schema, name):
    """Values are split at commas only: "الجزائر العاصمة" stays one value, with its space."""
    field = schema[name]
    assert isinstance(field, KEYWORD) and field.stored and not field.scorable
    assert texts(field.analyzer, "الجزائر العاصمة,عبد-المجيد-تبون") == ["الجزائر العاصمة", "عبد-المجيد-تبون"]


@pytest.mark.parametrize("name", STORED_ONLY)
def test_shown_field_is_stored_and_not_indexed(schema, name):
    assert isinstance(schema[name], STORED)
    assert schema[name].stored and not schema[name].indexed


def test_indexed_facet_values_are_the_mentioned_entities_slugs_whole(backend, indexed_seeds):
    reader = backend.searcher().reader()
    for kind in ENTITY_FACETS:
        slugs = set(Mention.objects.filter(entity__kind=kind).values_list("entity__slug", flat=True))
        assert {term.decode() for term in reader.lexicon(kind)} == slugs, kind
    years = {
        str(day.year)
        for day in Article.objects.exclude(published_on=None).values_list("published_on", flat=True)
    }
    assert {term.decode() for term in reader.lexicon("year")} == years != set()


def test_stored_fields_hold_no_terms_and_text_fields_store_nothing(backend, indexed_seeds):
    searcher = backend.searcher()
    indexed = set(searcher.reader().indexed_field_names())
    assert {"text", "text_exact", "person", "year"} <= indexed
    assert not indexed & set(STORED_ONLY)
    documents = list(searcher.all_stored_fields())
    articles = [document for document in documents if document["django_ct"] == "archive.article"]
    assert len(articles) == Article.objects.count() and all("title" in document for document in articles)
    assert not [document for document in documents if {"text", "text_exact"} & set(document)]
    assert searcher.search(whoosh_query.Term("title", "ليبيا")).is_empty()


def test_the_index_keeps_no_body_and_word_positions_only_where_phrases_are_matched(backend, indexed_seeds):
    """The database holds the bodies and phrases read the exact field: the index is a fifth smaller for each."""
    reader = backend.searcher().reader()
    assert not [document for document in reader.all_stored_fields() if "body" in document]
    assert reader.schema["text_exact"].format.supports("positions")
    assert not reader.schema["text"].format.supports("positions")


def test_index_on_disk_keeps_the_arabic_analyzers(indexed_seeds, search_index_path):
    """The schema pickled in the index folder, as another process opens it."""
    schema = open_dir(search_index_path).schema
    for sample in SAMPLES:
        assert tokens(schema["text"].analyzer, sample) == tokens(arabic_analyzer(), sample)
        assert tokens(schema["text_exact"].analyzer, sample) == tokens(exact_analyzer(), sample)
