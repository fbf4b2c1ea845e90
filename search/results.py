"""One page of a search, run once, with the names its facets show."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from haystack.models import SearchResult
from haystack.query import SearchQuerySet

from archive.models import Entity, Source
from archive.numerals import figures
from archive.paging import checked_page, requested_page

from .backends import ArchiveSearchQuerySet
from .search_indexes import ENTITY_FACETS


@dataclass
class ResultPage:
    results: list[SearchResult]
    total: int
    number: int
    page_size: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str | None = None

    @property
    def page_count(self) -> int:
        return max(1, math.ceil(self.total / self.page_size))

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.page_size + 1 if self.results else 0


def run(search: SearchQuerySet, page: str | None, page_size: int) -> ResultPage:
    """The page of ``search`` that the ``page`` parameter names, or ``NoSuchPage`` (``archive.paging``)."""
    number = requested_page(page) or 1
    start = (number - 1) * page_size
    results = search[start : start + page_size]
    total = search.count()
    checked_page(page, max(1, math.ceil(total / page_size)))
    facets = search.facet_counts().get("fields", {})
    return ResultPage(list(results), total, number, page_size, facets, search.spelling_suggestion() or None)


def facet_labels(facets: dict[str, list[tuple[str, int]]]) -> dict[tuple[str, str], str]:
    """The name shown for each (field, value) of the facets: two queries whatever their number."""
    entity_slugs = {value for facet in ENTITY_FACETS for value, _ in facets.get(facet, ())}
    names = (
        dict(Entity.objects.filter(slug__in=entity_slugs).values_list("slug", "name")) if entity_slugs else {}
    )
    source_slugs = {value for value, _ in facets.get("source", ())}
    sources = (
        dict(Source.objects.filter(slug__in=source_slugs).values_list("slug", "name")) if source_slugs else {}
    )
    labels = {}
    for facet, values in facets.items():
        for value, _ in values:
            label = sources.get(value) if facet == "source" else names.get(value)
            labels[facet, value] = figures(value) if facet == "year" else label or value
    return labels


def matching_entities(text: str, limit: int = 5) -> list[SearchResult]:
    """The entities of the faceted kinds that the query names, best first."""
    return list(ArchiveSearchQuerySet().models(Entity).matching(text)[:limit])
