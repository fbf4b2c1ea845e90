"""How results are scored, collected and ordered: Whoosh's own parts, made cheaper where they are slow."""

from __future__ import annotations

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


def sort_field(sort_by) -> tuple[sorting.FacetType | None, bool]:
    """Whoosh's sort key and direction from haystack's ``order_by`` (one field).

    A document without a value (an undated article) sorts last either way.
    """
    if not sort_by:
        return None, False
    field, reverse = sort_by[0].lstrip("-"), sort_by[0].startswith("-")
    last = 0 if reverse else 2**64 - 1
    return sorting.TranslateFacet(lambda value: value or last, sorting.FieldFacet(field)), reverse
