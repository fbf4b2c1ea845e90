"""What a search page shows around its results: facet groups, chips, sort, export and page links.

Each is plain data with its URL made, so the page's template and the API only
render it. Every state of the page is its URL: a link changes one parameter of
the current query and goes back to the first page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.urls import reverse

from archive.citations.formats import EXPORT_FORMATS, FORMATS
from archive.latin_names import Resemblance
from archive.models import ENTITY_MODELS, Source
from archive.paging import url_with
from archive.timeline import Counts

from .forms import SORTS, SearchForm
from .search_indexes import FACETS, MONTH_FACET

# The heading of each facet: the kinds' Arabic plurals, the sources', and the years'.
HEADINGS = {
    **{kind: model._meta.verbose_name_plural for kind, model in ENTITY_MODELS.items()},
    "source": Source._meta.verbose_name_plural,
    "year": "السنوات",
}
DATE_BOUNDS = (("date_from", "من"), ("date_to", "إلى"))


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass(frozen=True, slots=True)
class FacetGroup:
    parameter: str
    heading: str
    values: list[FacetValue]


@dataclass(frozen=True, slots=True)
class Link:
    """A labelled link; ``current`` marks the one the page is showing."""

    label: str
    url: str
    current: bool = False


@dataclass(frozen=True, slots=True)
class NameInArabic:
    """A name the archive knows, as its Arabic texts write it, the Latin spelling it was found by, and its search."""

    name: str
    spelling: str
    url: str


def _toggled(query: QueryDict, parameter: str, value: str, present: bool) -> str:
    """The URL with ``value`` of a repeatable ``parameter`` added or removed, on page one."""
    query = query.copy()
    query.pop("page", None)
    values = [v for v in query.getlist(parameter) if v != value]
    query.setlist(parameter, [*values, value] if present else values)
    return "?" + query.urlencode()


def most_frequent(facets: dict[str, list[tuple[str, int]]], most: int) -> dict[str, list[tuple[str, int]]]:
    """Each facet's ``most`` most frequent values; the counts come most frequent first."""
    return {facet: values[:most] for facet, values in facets.items()}


def facet_groups(
    query: QueryDict, form: SearchForm, facets: dict[str, list[tuple[str, int]]], labels: dict
) -> list[FacetGroup]:
    """Every facet, in order, with each value's count and the link that selects or clears it."""
    groups = []
    for facet in FACETS:
        chosen = set(form.filters.get(facet, ()))
        values = [
            FacetValue(
                value,
                labels[facet, value],
                count,
                value in chosen,
                _toggled(query, facet, value, present=value not in chosen),
            )
            for value, count in facets.get(facet, ())
        ]
        groups.append(FacetGroup(facet, HEADINGS[facet], values))
    return groups


def chips(query: QueryDict, form: SearchForm, labels: dict) -> list[Link]:
    """Each filter in force, and the URL without it."""
    links = [
        Link(labels.get((facet, value), value), _toggled(query, facet, value, present=False))
        for facet, values in form.filters.items()
        for value in values
    ]
    for bound, heading in DATE_BOUNDS:
        if form.cleaned_data.get(bound):
            links.append(Link(f"{heading} {form.cleaned_data[bound]}", url_with(query, **{bound: ""})))
    return links


def sort_links(query: QueryDict, form: SearchForm) -> list[Link]:
    """One link per order of the results; the default order needs no parameter."""
    default = next(iter(SORTS))
    return [
        Link(order.label, url_with(query, sort="" if key == default else key), form.order == key)
        for key, order in SORTS.items()
    ]


def dated_counts(facets: dict[str, list[tuple[str, int]]]) -> Counts:
    """The articles of each month, and those dated only by a year, from the year and month facets."""
    counts: Counts = {}
    for value, count in facets.get(MONTH_FACET, ()):
        year, month = value.split("-")
        counts[int(year), int(month)] = count
    for value, count in facets.get("year", ()):
        in_months = sum(n for (year, _), n in counts.items() if year == int(value))
        counts[int(value), None] = count - in_months
    return counts


def export_links(query: QueryDict) -> list[Link]:
    """One link per file the results are exported as, with the search's parameters and no page."""
    return [
        Link(
            FORMATS[extension].name,
            reverse("search:export", kwargs={"extension": extension}) + url_with(query),
        )
        for extension in EXPORT_FORMATS
    ]


def names_in_arabic(query: QueryDict, resemblances: list[Resemblance]) -> list[NameInArabic]:
    """Each name a Latin query may mean, with the URL of the same search in Arabic letters."""
    return [
        NameInArabic(found.entity.name, found.spelling, url_with(query, q=found.entity.name))
        for found in resemblances
    ]
