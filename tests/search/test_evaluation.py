"""The archive's evaluation of a query (``search.evaluation``) finds what Whoosh's own matchers find,
each document scored as Whoosh scores it, and forgets what it read of a segment once that changes.

Over the seed articles and generated news, in an index of several segments, one of them with
deleted documents: every query of the benchmark and of the phrase tests.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from haystack import connections
from whoosh.collectors import SortingCollector

from archive.linking import save_linked
from archive.models import Article
from archive.synthetic.storing import write_synthetic_articles
from search.evaluation import matches
from search.indexing import drain
from search.management.commands.bench_search import QUERIES
from search.ranking import TopAndEveryCollector, first_by, sort_field, sort_order

pytestmark = pytest.mark.django_db

# Phrases of every length and form, words the index lacks, operators Whoosh scores its own way.
MORE = [
    '"وزير الخارجية الجزائري صبري"',
    '"في ليبيا"',
    '="الاتفاقية الامنية"',
    '"الامنية الاتفاقية"',
    '"عبد المجيد تبون"',
    '"المجلس الرئاسي"~3',
    "الامن NOT الجزائر",
    "ليبيا OR (تونس -الجزائر)",
    '"زنجبيلات ليبيا" OR تبون',
    "في",
]


@pytest.fixture
def segmented_index(settings, search_index_path) -> None:
    """Seeds and 300 news articles in one segment, 40 more in a second, 10 of the first deleted."""
    settings.ARCHIVE_SEARCH_SMALL_SEGMENT = 1  # no segment merged with another
    call_command("loaddata", "entities", "articles", verbosity=0)
    write_synthetic_articles(300, 0, "news")
    call_command("rebuild_index", interactive=False, verbosity=0)
    write_synthetic_articles(40, 1, "news")
    drain()
    for article in Article.objects.order_by("pk")[:10]:
        article.delete()
    drain()


def whoosh_scores(searcher, parsed) -> dict[int, float]:
    collector = TopAndEveryCollector(searcher.doc_count_all())
    searcher.search_with_collector(parsed, collector)
    return {hit.docnum: hit.score for hit in collector.results()}


def test_every_query_finds_what_whoosh_finds_scored_as_whoosh_scores(segmented_index):
    backend = connections["default"].get_backend()
    searcher = backend.searcher()
    leaves = [reader for reader, _ in searcher.reader().leaf_readers()]
    assert len(leaves) >= 2 and any(reader.has_deletions() for reader in leaves)
    answered, differing = [], []
    for typed in [*QUERIES, *MORE]:
        parsed = backend.text_parser.parse(typed)
        ours = matches(searcher, parsed)
        if ours is None:
            continue
        answered.append(typed)
        theirs = whoosh_scores(searcher, parsed)
        if ours.keys() != theirs.keys() or any(ours[d] != pytest.approx(theirs[d], rel=1e-12) for d in ours):
            differing.append(typed)
    assert not differing
    # Whoosh answers only a NOT and a phrase with a slop.
    assert set(QUERIES + MORE) - set(answered) == {'"المجلس الرئاسي"~3', "الامن NOT الجزائر"}


def test_the_queries_found_are_many_and_the_phrases_fewer_than_their_words(segmented_index):
    """Not a comparison of two empty answers: the generated news say these words and phrases."""
    backend = connections["default"].get_backend()
    searcher = backend.searcher()
    found = {typed: matches(searcher, backend.text_parser.parse(typed)) for typed in QUERIES}
    assert sum(bool(scores) for scores in found.values()) >= 40
    words = matches(searcher, backend.text_parser.parse("وزير الخارجية"))
    assert 0 < len(found['"وزير الخارجية الجزائري"']) < len(words)


@pytest.mark.parametrize("sort_by", [["-published"], ["published"]], ids=["newest", "oldest"])
def test_a_sorted_search_orders_as_whoosh_s_sorting_collector(segmented_index, sort_by):
    """By date, undated articles last either way, equal dates by document as Whoosh orders them."""
    backend = connections["default"].get_backend()
    searcher = backend.searcher()
    order = sort_order(sort_by)
    for typed in ["ليبيا", '"وزير الخارجية"', "الجزائر OR تونس"]:
        parsed = backend.text_parser.parse(typed)
        collector = SortingCollector(sort_field(order), 300, order[1])
        searcher.search_with_collector(parsed, collector)
        theirs = [(hit.docnum, hit.score) for hit in collector.results()]
        assert len(theirs) >= 20, typed
        assert first_by(searcher, matches(searcher, parsed), order, 300) == theirs, typed


def test_an_article_deleted_after_its_words_were_read_is_found_no_more(settings, search_index_path):
    """Read straight from the evaluation: a search also keeps to the documents of its models."""
    settings.ARCHIVE_SEARCH_SMALL_SEGMENT = 1  # the deletion stays in the segment the words were read from
    backend = connections["default"].get_backend()
    first, _ = (
        save_linked(Article(title="الزيتون", body=f"ارتفعت صادرات الزيتون {n} في المئة.")) for n in (10, 20)
    )
    drain()

    def found(typed: str) -> int:
        return len(matches(backend.searcher(), backend.text_parser.parse(typed)))

    assert (found("الزيتون"), found('"صادرات الزيتون"')) == (2, 2)
    first.delete()
    drain()
    assert (found("الزيتون"), found('"صادرات الزيتون"')) == (1, 1)


def test_an_excluded_word_excludes_the_first_article_found_in_a_segment_too(search_index_path, search_api):
    """Whoosh's own AND NOT keeps the first document of a segment holding the wanted word when an
    earlier one holds the excluded word: it never compares the two before the first step."""
    # Read forwards or backwards, the segment starts with an article that says only تونس, then one
    # that says ليبيا and تونس.
    said = ["تونس", "ليبيا ثم تونس", "ليبيا وحدها", "ليبيا ثم تونس مجددا", "تونس مجددا"]
    for words in said:
        save_linked(Article(title="زيارة", body=f"زار الوفد {words}."))
    drain()
    assert search_api({"q": "ليبيا -تونس"})["total"] == 1
