"""The search page shows its counts, years and dates in the digits ``ARCHIVE_DIGITS`` names."""

import re

import pytest

ARABIC_INDIC = re.compile("[\u0660-\u0669]")


def test_by_default_the_search_page_shows_western_digits_only(search_page, catalogued_seeds):
    page = search_page({"q": "ليبيا"})
    assert not ARABIC_INDIC.search(page)
    assert "5 مقالات" in page and ">21 أبريل 2021</time>" in page and ">2021</a>" in page


@pytest.mark.parametrize("params", [{"q": "ليبيا"}, {"q": "ليبيا", "date_from": "2021"}])
def test_with_arabic_indic_digits_counts_years_and_dates_use_them(
    search_page, catalogued_seeds, settings, params
):
    settings.ARCHIVE_DIGITS = "arabic-indic"
    page = search_page(params)
    assert ">٢١ أبريل ٢٠٢١</time>" in page and ">٢٠٢١</a>" in page
    assert re.search(r'<span class="count">[٠-٩]+</span>', page)
    assert not re.search(r'<span class="count">[0-9]+</span>', page)


def test_the_api_keeps_machine_digits_whatever_the_pages_show(search_api, catalogued_seeds, settings):
    settings.ARCHIVE_DIGITS = "arabic-indic"
    payload = search_api({"q": "ليبيا"})
    assert payload["total"] == 5
    assert {result["date"] for result in payload["results"]} >= {"2021-04-21"}
