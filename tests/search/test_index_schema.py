"""An index built with another schema is told apart from the code's, and the writer rebuilds it.

haystack opens any index with the code's schema, so an old index (facets named
``people``, an analyzer pickled as ``search.arabic``) answers wrongly without
an error; Whoosh, asked for the schema the index was built with, cannot even
unpickle one whose analyzer has moved.
"""

from __future__ import annotations

import io
import logging
import sys
import types

import pytest
from django.core.management import call_command
from haystack import connections
from whoosh.analysis import RegexTokenizer
from whoosh.fields import KEYWORD, TEXT
from whoosh.index import create_in, open_dir

from archive.models import Article
from search.analysis import ArabicStemFilter, arabic_analyzer, rules_digest
from search.backends import ArchiveSearchQuerySet
from search.index_schema import built_with_another_schema, code_schema
from search.models import IndexTask

pytestmark = pytest.mark.django_db


class ArabicTokenizer(RegexTokenizer):
    """The analyzer as an older archive pickled it, from a module that is gone: ``search.arabic``."""


def gone_analyzer(monkeypatch):
    """A context in which ``search.arabic.ArabicTokenizer`` exists, so Whoosh can pickle it."""
    context = monkeypatch.context()
    patch = context.__enter__()
    module = types.ModuleType("search.arabic")
    module.ArabicTokenizer = ArabicTokenizer
    patch.setattr(ArabicTokenizer, "__module__", "search.arabic")
    patch.setitem(sys.modules, "search.arabic", module)
    return context


def old_schema(kind: str):
    """The code's schema, changed as an older archive built it."""
    schema = code_schema()
    if kind == "renamed facets":
        for old, new in (("people", "person"), ("countries", "country")):
            schema.remove(new)
            schema.add(old, KEYWORD(stored=True, commas=True, scorable=False))
    elif kind == "dates without their last day":
        schema.remove("published_until")
    elif kind == "other rules of stemming":
        older = arabic_analyzer()
        next(item for item in older.items if isinstance(item, ArabicStemFilter)).rules = "older rules"
        schema.remove("text")
        schema.add("text", TEXT(analyzer=older, stored=False))
    else:  # "moved analyzer"
        schema.remove("text")
        schema.add("text", TEXT(analyzer=ArabicTokenizer(), stored=False))
    return schema


def build_old_index(path: str, kind: str, monkeypatch) -> None:
    """An index of the seed articles, written with Whoosh directly in an older schema."""
    context = gone_analyzer(monkeypatch)
    try:
        index = create_in(path, old_schema(kind))
        with index.writer() as writer:
            for article in Article.objects.all():
                writer.add_document(
                    id=f"archive.article.{article.pk}",
                    django_ct="archive.article",
                    django_id=str(article.pk),
                    text=f"{article.title}\n{article.body}",
                    title=article.display_title,
                    **({"people": "عبد-المجيد-تبون"} if kind == "renamed facets" else {}),
                )
    finally:
        context.__exit__(None, None, None)
    connections.reload("default")


def facet_counts(name: str) -> list:
    return ArchiveSearchQuerySet().models(Article).facet(name).facet_counts()["fields"][name]


@pytest.fixture
def seeds():
    """The seed articles in the database, none of them queued."""
    call_command("loaddata", "entities", "articles", verbosity=0)
    IndexTask.objects.all().delete()


def test_an_index_built_by_the_backend_is_the_code_schema(seeds):
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert not built_with_another_schema()


def test_a_missing_or_empty_index_folder_is_not_another_schema(search_index_path):
    assert not built_with_another_schema()  # an empty folder
    connections.connections_info["default"]["PATH"] = f"{search_index_path}/not-made-yet"
    connections.reload("default")
    assert not built_with_another_schema()


def test_an_analyzer_from_a_module_that_is_gone_makes_whoosh_fail_and_counts_as_another_schema(
    seeds, search_index_path, monkeypatch
):
    build_old_index(search_index_path, "moved analyzer", monkeypatch)
    with pytest.raises(ModuleNotFoundError):
        open_dir(search_index_path)
    assert built_with_another_schema()


@pytest.mark.parametrize(
    "kind", ["renamed facets", "moved analyzer", "dates without their last day", "other rules of stemming"]
)
def test_the_writer_rebuilds_an_index_built_with_another_schema(
    seeds, search_index_path, monkeypatch, caplog, kind
):
    build_old_index(search_index_path, kind, monkeypatch)
    assert built_with_another_schema()
    with caplog.at_level(logging.WARNING, logger="search.indexing"):
        call_command("index_writer", once=True, stdout=io.StringIO())
    assert "بُني فهرس البحث بمخطط غير مخطط الشيفرة الحالية" in caplog.text
    assert not built_with_another_schema()
    assert ArchiveSearchQuerySet().models(Article).count() == Article.objects.count() == 5
    assert ArchiveSearchQuerySet().models(Article).matching("بوقادوم").count()
    assert facet_counts("person") and facet_counts("country")
    assert IndexTask.objects.count() == 0


def test_an_old_index_written_to_since_with_the_code_schema_still_counts_as_another_schema(
    seeds, search_index_path, monkeypatch
):
    """Each commit pickles the writer's schema, the code's; the old segments keep their old fields."""
    build_old_index(search_index_path, "renamed facets", monkeypatch)
    with open_dir(search_index_path, schema=code_schema()).writer() as writer:
        writer.add_document(id="archive.article.999", django_ct="archive.article", django_id="999")
    assert "people" not in open_dir(search_index_path).schema  # the table of contents looks current
    assert built_with_another_schema()


def test_the_rules_of_analysis_change_with_their_code_and_data_not_with_comments():
    """The digest pickled with the analyzer: a reworded comment or docstring is the same rules."""
    rules = rules_digest(["STEM_MIN = 3\n\n\ndef cut(word):\n    return word[:STEM_MIN]\n"], "0.4.2")
    reworded = '"""Stems."""\nSTEM_MIN = 3  # letters\n\n\ndef cut(word):\n    """Cut."""\n    return word[:STEM_MIN]\n'
    assert rules_digest([reworded], "0.4.2") == rules
    assert rules_digest(["STEM_MIN = 2\n\n\ndef cut(word):\n    return word[:STEM_MIN]\n"], "0.4.2") != rules
    assert rules_digest(["STEM_MIN = 3\n\n\ndef cut(word):\n    return word[:STEM_MIN]\n"], "0.4.3") != rules
