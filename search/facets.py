"""Facet counts from sets of documents, kept per index reader.

Whoosh's own grouping scores and collects every hit through Python objects;
here each facet value's documents are read once per reader as a frozenset, and
a search's count for a value is the size of an intersection done in C.
"""

from __future__ import annotations


class FacetCounter:
    def __init__(self, reader):
        self._reader = reader
        self._documents: dict[str, dict[str, frozenset[int]]] = {}

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

    def counts(self, field: str, documents: frozenset[int]) -> list[tuple[str, int]]:
        """(value, count) for the values ``documents`` hold, the most frequent first."""
        counts = ((value, len(documents & holders)) for value, holders in self.documents(field).items())
        return sorted(
            ((value, count) for value, count in counts if count), key=lambda item: (-item[1], item[0])
        )
