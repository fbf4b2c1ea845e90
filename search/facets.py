"""Facet counts from sets of documents, kept per index reader.

Whoosh's own grouping scores and collects every hit through Python objects;
here each facet value's documents are read once per reader as a frozenset, and
a search's count for a value is the size of an intersection done in C. When a
search matches most of the archive, the count is taken from the documents it
left out, which are fewer.
"""

from __future__ import annotations

from collections.abc import Set


class FacetCounter:
    def __init__(self, reader):
        self._reader = reader
        self._documents: dict[str, dict[str, frozenset[int]]] = {}
        self._every: frozenset[int] | None = None

    def documents(self, field: str) -> dict[str, frozenset[int]]:
        """Each value of ``field`` and the documents that hold it."""
        if field not in self._documents:
            reader = self._reader
            self._documents[field] = (
                {
                    value: frozenset(reader.postings(field, value).all_ids())
                    for value in reader.field_terms(field)
                }
                if field in reader.schema
                else {}
            )
        return self._documents[field]

    def counts(self, field: str, documents: Set[int]) -> list[tuple[str, int]]:
        """(value, count) for the values ``documents`` hold, the most frequent first."""
        holders = self.documents(field).items()
        if self._every is None:
            self._every = frozenset(self._reader.all_doc_ids())
        if 2 * len(documents) > len(self._every):
            left_out = self._every - documents
            counts = ((value, len(held) - len(held & left_out)) for value, held in holders)
        else:
            counts = ((value, len(documents & held)) for value, held in holders)
        return sorted(
            ((value, count) for value, count in counts if count), key=lambda item: (-item[1], item[0])
        )
