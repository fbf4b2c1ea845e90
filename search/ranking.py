"""How results are scored, collected and ordered: Whoosh's own parts, made cheaper where they are slow."""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from whoosh import scoring, sorting
from whoosh.collectors import TopCollector


class CachedLengthBM25F(scoring.BM25F):
    """Whoosh's BM25F, reading each document's field length from a list kept per segment.

    Stock BM25F reads the length from disk for every hit of every term: a
    quarter of a search's time when the words are common. Only a segment's
    searcher scores documents; the whole index's lends its statistics.
    """

    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf)
        if isinstance(scorer, scoring.BM25FScorer) and searcher.is_atomic():
            scorer.dfl = field_lengths(searcher, fieldname).__getitem__
        return scorer


def field_lengths(searcher, fieldname: str) -> list[int]:
    """The length of ``fieldname`` in each document of the segment ``searcher`` reads, read once.

    Kept on the segment's reader, which outlives a commit that leaves the segment as it was.
    """
    reader = searcher.reader()
    cached = reader.__dict__.setdefault("_field_lengths", {})
    if fieldname not in cached:
        length = reader.doc_field_length
        cached[fieldname] = [length(docnum, fieldname, 1) for docnum in range(reader.doc_count_all())]
    return cached[fieldname]


class TopAndEveryCollector(TopCollector):
    """The best ``limit`` documents by score, and every match: page, count and facets in one pass.

    Whoosh's own top-N collector can skip blocks that cannot reach the page, but
    then counts the matches in a second pass; in news, where the words searched
    for are in most articles, it seldom skips, and the second pass costs a third.
    Nor does it replace its matcher as the page fills (``replace=0``): Whoosh
    would drop the words of an OR whose best score cannot reach the page, and
    with them the articles only they match, from the count and the facets.
    """

    def __init__(self, limit: int):
        super().__init__(limit, usequality=False, replace=0)

    def _collect(self, global_docnum, score):
        self.docset.add(global_docnum)
        return super()._collect(global_docnum, score)


def sort_order(sort_by) -> tuple[str, bool] | None:
    """haystack's ``order_by`` (one field) as the field and whether in reverse, or None for by score."""
    if not sort_by:
        return None
    return sort_by[0].lstrip("-"), sort_by[0].startswith("-")


def _last(reverse: bool) -> int:
    """The key of a document without a value (an undated article): last either way."""
    return 0 if reverse else 2**64 - 1


def sort_field(order: tuple[str, bool]) -> sorting.FacetType:
    """Whoosh's sort key for a ``sort_order``."""
    field, reverse = order
    last = _last(reverse)
    return sorting.TranslateFacet(lambda value: value or last, sorting.FieldFacet(field))


def best(scores: dict[int, float], limit: int) -> list[tuple[int, float]]:
    """The ``limit`` best (document, score), as Whoosh orders them: by score, then by document.

    The cut-off score is found among the scores alone, in C; only the
    documents that reach it are sorted.
    """
    if len(scores) > limit:
        lowest = heapq.nlargest(limit, scores.values())[-1]
        scores = {docnum: score for docnum, score in scores.items() if score >= lowest}
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]


def first_by(
    searcher, documents: Iterable[int], order: tuple[str, bool], limit: int
) -> list[tuple[int, int]]:
    """The first ``limit`` (document, key) of ``documents`` in ``order``, as Whoosh's sorting collector
    orders them: by key, then by document, both reversed in reverse."""
    field, reverse = order
    values, last = _column(searcher.reader(), field), _last(reverse)
    keyed = [(values[docnum] or last, docnum) for docnum in documents]
    first = heapq.nlargest(limit, keyed) if reverse else heapq.nsmallest(limit, keyed)
    return [(docnum, key) for key, docnum in first]


def _column(reader, field: str) -> list[int]:
    """``field``'s sort column for every document of the index ``reader`` reads, from its segments'
    columns, each read once per segment reader."""
    cached = reader.__dict__.setdefault("_columns", {})
    if field not in cached:
        cached[field] = [value for leaf, _ in reader.leaf_readers() for value in _segment_column(leaf, field)]
    return cached[field]


def _segment_column(leaf, field: str) -> list[int]:
    columns = leaf.__dict__.setdefault("_columns", {})
    if field not in columns:
        count = leaf.doc_count_all()
        columns[field] = (
            list(leaf.column_reader(field, translate=False)) if leaf.has_column(field) else [0] * count
        )
    return columns[field]
