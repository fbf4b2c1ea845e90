"""A histogram of coverage: how many articles each year (or month) has, each bar a link to that period.

The counts come from wherever the list comes from (the index's facets for a
search, the database for an entity's page); this module only lays them out.
Years are the unit, unless the month-dated articles span little more than a
year, when months are: a click on a year's bar so leads to its months.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.http import QueryDict

from arabic.dates import MONTHS

from .dates import PartialDate
from .numerals import figures
from .paging import url_with

# Months are the unit when the month-dated articles span at most this many months.
MOST_MONTHS = 15
# Past this many years, only the years that have articles get a bar.
MOST_EMPTY_YEARS = 60
# Bars are drawn in this many heights (CSS classes level-1 … level-10; level-0 is empty).
LEVELS = 10

Counts = dict[tuple[int, int | None], int]


@dataclass(frozen=True, slots=True)
class Bar:
    label: str  # what the axis shows: a year, or a month's name
    period: str  # the period in full, for a screen reader: "أبريل ٢٠٢١"
    count: int
    level: int
    url: str  # the list narrowed to this period; empty for an empty period


@dataclass(frozen=True, slots=True)
class Timeline:
    by_month: bool
    bars: list[Bar]
    # Articles dated only by a year, which a histogram of months cannot place.
    year_only: int = 0

    @property
    def heading(self) -> str:
        return "التغطية حسب الشهر" if self.by_month else "التغطية حسب السنة"


def timeline(counts: Counts, query: QueryDict) -> Timeline | None:
    """The bars of ``counts`` ((year, month or None) → articles), linked from ``query``; None with no dated article."""
    counts = {key: count for key, count in counts.items() if count > 0}
    if not counts:
        return None
    months = sorted(key for key in counts if key[1] is not None)
    years = sorted({year for year, _ in counts})
    if (
        months
        and _span(months[0], months[-1]) <= MOST_MONTHS
        and months[0][0] <= years[0]
        and years[-1] <= months[-1][0]
    ):
        return _by_month(counts, months, query)
    return _by_year(counts, years, query)


def _span(first: tuple[int, int], last: tuple[int, int]) -> int:
    return (last[0] - first[0]) * 12 + last[1] - first[1] + 1


def _by_month(counts: Counts, months: list[tuple[int, int]], query: QueryDict) -> Timeline:
    (year, month), bars = months[0], []
    peak = max(counts[key] for key in months)
    for _ in range(_span(months[0], months[-1])):
        count, iso = counts.get((year, month), 0), f"{year:04d}-{month:02d}"
        label = MONTHS[month - 1] if month != 1 or year == months[0][0] else f"{MONTHS[0]} {figures(year)}"
        bars.append(_bar(label, str(PartialDate(year, month)), count, peak, iso, query))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    year_only = sum(count for (_, month), count in counts.items() if month is None)
    return Timeline(True, bars, year_only)


def _by_year(counts: Counts, years: list[int], query: QueryDict) -> Timeline:
    totals = {year: 0 for year in years}
    for (year, _), count in counts.items():
        totals[year] += count
    if years[-1] - years[0] < MOST_EMPTY_YEARS:
        totals = {year: totals.get(year, 0) for year in range(years[0], years[-1] + 1)}
    peak = max(totals.values())
    return Timeline(
        False,
        [
            _bar(figures(year), str(PartialDate(year)), count, peak, f"{year:04d}", query)
            for year, count in totals.items()
        ],
    )


def _bar(label: str, period: str, count: int, peak: int, iso: str, query: QueryDict) -> Bar:
    level = math.ceil(LEVELS * count / peak) if count else 0
    return Bar(label, period, count, level, url_with(query, date_from=iso, date_to=iso) if count else "")
