"""The timeline above a search's results: counted by the index (year and month facets), each bar narrowing the dates."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

BAR = re.compile(r'<li class="timeline-bar">.*?<span class="visually-hidden">(.*?)</span>', re.S)
BAR_LINK = re.compile(r'<li class="timeline-bar"><a href="([^"]*)"')


def spoken(page: str) -> list[str]:
    return BAR.findall(page)


def test_results_are_drawn_by_year_with_the_years_between(search_page, catalogued_seeds):
    """Two seeds of 2016, three of 2021, and none in the years between."""
    page = search_page({"q": "ليبيا"})
    assert "التغطية حسب السنة" in page
    assert spoken(page) == [
        "2016: مقالان",
        *(f"{y}: لا مقالات" for y in ("2017", "2018", "2019", "2020")),
        "2021: 3 مقالات",
    ]
    # The timeline sits above the results.
    assert page.index('class="timeline"') < page.index('<ol class="results"')


def test_a_years_bar_narrows_the_search_to_it_and_its_months_are_then_drawn(
    search_page, listed_on_page, catalogued_seeds
):
    links = [html.unescape(url) for url in BAR_LINK.findall(search_page({"q": "ليبيا", "sort": "newest"}))]
    year_2021 = next(url for url in links if "2021" in url)
    assert parse_qs(urlsplit(year_2021).query) == {
        "q": ["ليبيا"],
        "sort": ["newest"],
        "date_from": ["2021"],
        "date_to": ["2021"],
    }
    narrowed = search_page(parse_qs(urlsplit(year_2021).query))
    assert "التغطية حسب الشهر" in narrowed
    assert listed_on_page(narrowed) == ["koni", "security", "delegation"]
    assert all(re.fullmatch(r"\S+ 2021: .+", words) for words in spoken(narrowed))


def test_month_counts_match_the_database(search_page, catalogued_seeds):
    page = search_page({"q": "ليبيا", "date_from": "2021-04", "date_to": "2021-05"})
    assert spoken(page) == ["أبريل 2021: مقالان", "مايو 2021: مقال واحد"]


def test_undated_results_draw_no_timeline(search_page, seeds):
    """Only "security" is dated among the seeds as loaded: one bar; a search of undated ones, none."""
    assert spoken(search_page({"q": "ليبيا"})) == ["أبريل 2021: مقال واحد"]
    assert 'class="timeline"' not in search_page({"q": "المقريف"})


@pytest.mark.parametrize("bounds", [{"date_from": "9999-12", "date_to": "9999-12"}, {"date_from": "1000"}])
def test_periods_at_the_ends_of_time_draw_what_they_find(search_page, catalogued_seeds, bounds):
    page = search_page({"q": "ليبيا", **bounds})
    assert len(spoken(page)) <= 6
