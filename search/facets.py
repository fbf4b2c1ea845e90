"""Facet counts from sets of documents, kept per index reader.

Whoosh's own grouping scores and collects every hit through Python objects;
here each facet value's documents are read once per segment as a frozenset
(kept on the segment's reader, which outlives a commit that leaves the
segment as it was: ``search.reopening``), joined once per index reader, and a
search's count for a value is the size of an intersection done in C.
A value held by many documents is also kept as a bitmap (an integer, a bit a
document), and so is a large search's set of documents once per search: their
count is then an AND and a count of bits over a few kilobytes, whatever the
number of documents both hold.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Set

# A value held by at least this many documents is counted by bitmap, when the search found as many.
BITMAP_FROM = 256


class FacetCounter:
    def __init__(self, reader):
        self._reader = reader
        self._documents: dict[str, dict[str, frozenset[int]]] = {}
        self._bitmaps: dict[str, dict[str, int]] = {}

    def documents(self, field: str) -> dict[str, frozenset[int]]:
        """Each value of ``field`` and the documents that hold it."""
        if field not in self._documents:
            parts: dict[str, list[frozenset[int]]] = {}
            for leaf, offset in self._reader.leaf_readers():
                for value, held in _segment_documents(leaf, field).items():
                    parts.setdefault(value, []).append(
                        frozenset(map(offset.__add__, held)) if offset else held
                    )
            self._documents[field] = {
                value: held[0] if len(held) == 1 else frozenset().union(*held)
                for value, held in parts.items()
            }
        return self._documents[field]

    def counts(self, fields: Iterable[str], documents: Set[int]) -> dict[str, list[tuple[str, int]]]:
        """For each of ``fields``, (value, count) for the values ``documents`` hold, the most frequent first."""
        bitmap = self._bitmap(documents) if len(documents) >= BITMAP_FROM else None
        return {field: self._counts(field, documents, bitmap) for field in fields}

    def _counts(self, field: str, documents: Set[int], bitmap: int | None) -> list[tuple[str, int]]:
        bitmaps = self._value_bitmaps(field) if bitmap is not None else {}
        counts = (
            (value, (bitmap & bitmaps[value]).bit_count() if value in bitmaps else len(documents & held))
            for value, held in self.documents(field).items()
        )
        return sorted(
            ((value, count) for value, count in counts if count), key=lambda item: (-item[1], item[0])
        )

    def _value_bitmaps(self, field: str) -> dict[str, int]:
        if field not in self._bitmaps:
            self._bitmaps[field] = {
                value: self._bitmap(held)
                for value, held in self.documents(field).items()
                if len(held) >= BITMAP_FROM
            }
        return self._bitmaps[field]

    def _bitmap(self, documents: Collection[int]) -> int:
        """``documents`` as an integer whose bit ``n`` says whether document ``n`` is one of them."""
        bits = bytearray((self._reader.doc_count_all() + 7) // 8)
        for docnum in documents:
            bits[docnum >> 3] |= 1 << (docnum & 7)
        return int.from_bytes(bits, "little")


def _segment_documents(reader, field: str) -> dict[str, frozenset[int]]:
    """Each value of ``field`` in one segment and its documents there, read once per segment reader."""
    cached = reader.__dict__.setdefault("_facet_documents", {})
    if field not in cached:
        cached[field] = (
            {value: frozenset(reader.postings(field, value).all_ids()) for value in reader.field_terms(field)}
            if field in reader.schema
            else {}
        )
    return cached[field]
