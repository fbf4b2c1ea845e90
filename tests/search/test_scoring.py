"""search.ranking.CachedLengthBM25F: Whoosh's BM25F, with each document's field length read once.

The shortcut must change nothing but the time: every query gives every
document exactly the score Whoosh's own ``BM25F`` gives it, in an index of
several segments with a deleted document (lengths are read per segment, by
the segment's document numbers) and in the seeded archive's own index.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from haystack import connections
from whoosh import scoring
from whoosh.index import create_in
from whoosh.writing import NO_MERGE

from search.query import KEY_FIELD, TEXT_FIELD, ArabicQueryParser, text_schema
from search.ranking import CachedLengthBM25F, TopAndEveryCollector

QUERIES = [
    pytest.param("ليبيا", id="a-word-in-most-documents"),
    pytest.param("الحدود", id="a-word-with-a-proclitic-in-the-text"),
    pytest.param("عبد المجيد تبون", id="a-compound-name"),
    pytest.param("وزير الخارجية", id="two-words"),
    pytest.param('"الجريمة المنظمة"', id="a-phrase"),
    pytest.param("تبون OR المنفي", id="or"),
    pytest.param("الامن -الجزائر", id="exclusion"),
    pytest.param("في على من", id="function-words-only"),
]
WEIGHTINGS = [
    pytest.param({}, id="whoosh-defaults"),
    pytest.param({"B": 0.3, "K1": 2.0}, id="other-b-and-k1"),
]


def paragraphs() -> list[str]:
    """Every paragraph of the seed articles: documents of many lengths."""
    texts = sorted(Path(settings.BASE_DIR, "fixtures", "seeds").glob("*.txt"))
    return [line for path in texts for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def segmented_index(tmp_path_factory):
    """The seed paragraphs in three segments, left unmerged, one paragraph deleted."""
    index = create_in(tmp_path_factory.mktemp("bm25f"), text_schema())
    documents = list(enumerate(paragraphs()))
    for part in (documents[0::3], documents[1::3], documents[2::3]):
        writer = index.writer()
        for key, text in part:
            writer.add_document(**{KEY_FIELD: str(key), TEXT_FIELD: text})
        writer.commit(mergetype=NO_MERGE)
    with index.writer() as writer:
        writer.delete_by_term(KEY_FIELD, "1")
    with index.reader() as reader:
        assert len(reader.leaf_readers()) == 3
    return index


def scores(index, weighting, parsed) -> dict[int, float]:
    with index.searcher(weighting=weighting) as searcher:
        return {hit.docnum: hit.score for hit in searcher.search(parsed, limit=None)}


@pytest.mark.parametrize("options", WEIGHTINGS)
@pytest.mark.parametrize("query", QUERIES)
def test_shortcut_scores_every_document_as_whoosh_bm25f_does_across_segments(segmented_index, query, options):
    parsed = ArabicQueryParser(TEXT_FIELD, segmented_index.schema).parse(query)
    expected = scores(segmented_index, scoring.BM25F(**options), parsed)
    assert expected, f"{query!r} finds nothing to compare"
    assert scores(segmented_index, CachedLengthBM25F(**options), parsed) == pytest.approx(expected)


@pytest.mark.parametrize("query", QUERIES)
def test_shortcut_scores_the_seeded_archive_as_whoosh_bm25f_does(seeds, query):
    """The archive's own schema (text and its exact twin), as its backend parses the query."""
    backend = connections["default"].get_backend()
    backend.setup()
    parsed = backend.text_parser.parse(query)
    expected = scores(backend.index, scoring.BM25F(), parsed)
    assert expected, f"{query!r} finds nothing to compare"
    assert scores(backend.index, CachedLengthBM25F(), parsed) == pytest.approx(expected)


@pytest.mark.parametrize("limit", [1, 3, 20])
def test_the_collector_counts_every_match_of_an_or_whatever_the_page_holds(tmp_path, limit):
    """Three articles name both men, forty-one one of them: once the page holds articles naming both,
    no article naming one can reach it, yet each is matched, counted and so faceted."""
    index = create_in(tmp_path, text_schema())
    with index.writer() as writer:
        for key, text in enumerate(["تبون"] + ["تبون والمنفي"] * 3 + ["تبون"] * 20 + ["المنفي"] * 20):
            writer.add_document(**{KEY_FIELD: str(key), TEXT_FIELD: f"{text} في الجزائر"})
    parsed = ArabicQueryParser(TEXT_FIELD, index.schema).parse("تبون OR المنفي")
    with index.searcher(weighting=CachedLengthBM25F()) as searcher:
        collector = TopAndEveryCollector(limit)
        searcher.search_with_collector(parsed, collector)
        assert len(collector.docset) == 44
        assert len(collector.results().top_n) == limit
