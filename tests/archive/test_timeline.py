"""The timeline of coverage: its bars laid out from counts, and drawn on an entity's page from the database."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.http import QueryDict

from archive.dates import PartialDate
from archive.linking import save_linked
from archive.models import Article
from archive.timeline import timeline

BARS = re.compile(r'<li class="timeline-bar">(.*?)</li>', re.S)


def laid_out(counts, query: str = ""):
    line = timeline(counts, QueryDict(query))
    return line and [(bar.label, bar.count, bar.level) for bar in line.bars]


@pytest.mark.parametrize(
    ("counts", "unit", "bars"),
    [
        ({}, None, None),
        ({(2021, None): 0}, None, None),
        (
            {(2016, 4): 1, (2016, 12): 1, (2021, 4): 2, (2021, 5): 1},
            "year",
            [("2016", 2, 7), ("2017", 0, 0), ("2018", 0, 0), ("2019", 0, 0), ("2020", 0, 0), ("2021", 3, 10)],
        ),
        ({(2021, 4): 2, (2021, 6): 1}, "month", [("أبريل", 2, 10), ("مايو", 0, 0), ("يونيو", 1, 5)]),
        ({(2020, 12): 1, (2021, 1): 4}, "month", [("ديسمبر", 1, 3), ("يناير 2021", 4, 10)]),
        ({(2020, 1): 1, (2021, 6): 1}, "year", [("2020", 1, 10), ("2021", 1, 10)]),
        ({(2021, None): 5}, "year", [("2021", 5, 10)]),
        ({(2019, None): 1, (2021, 4): 1}, "year", [("2019", 1, 10), ("2020", 0, 0), ("2021", 1, 10)]),
        ({(1000, None): 1, (2021, None): 1}, "year", [("1000", 1, 10), ("2021", 1, 10)]),
    ],
    ids=[
        "nothing",
        "zero",
        "years-with-gaps",
        "months",
        "months-across-new-year",
        "too-long-for-months",
        "year-only",
        "year-only-outside-the-months",
        "centuries-apart-show-only-their-years",
    ],
)
def test_bars_are_years_or_months_filled_in_between_and_ten_levels_high(counts, unit, bars):
    assert laid_out(counts) == bars
    if unit:
        assert timeline(counts, QueryDict()).by_month == (unit == "month")


def test_a_bar_links_to_its_period_keeping_the_rest_of_the_query_and_leaving_its_page():
    line = timeline({(2021, 4): 2, (2021, 5): 0, (2021, 6): 1}, QueryDict("q=ليبيا&page=3&date_from=2020"))
    april, may, _ = line.bars
    assert parse_qs(urlsplit(april.url).query) == {
        "q": ["ليبيا"],
        "date_from": ["2021-04"],
        "date_to": ["2021-04"],
    }
    assert may.url == "" and april.period == "أبريل 2021"


def test_articles_dated_only_by_a_year_are_counted_apart_from_the_months():
    line = timeline({(2021, None): 2, (2021, 4): 1}, QueryDict())
    assert line.by_month and line.year_only == 2


# The entity page ---------------------------------------------------------------------


@pytest.fixture
def covered(tebboune, db):
    """Five articles naming Tebboune: two in April 2021, one in May 2021, one in 2016 (year only), one undated."""
    for body, date in [
        ("قال الرئيس تبون في أبريل.", PartialDate(2021, 4, 2)),
        ("أكد الرئيس تبون في أبريل.", PartialDate(2021, 4, 20)),
        ("استقبل الرئيس تبون في مايو.", PartialDate(2021, 5)),
        ("زار الرئيس تبون في ٢٠١٦.", PartialDate(2016)),
        ("تحدث الرئيس تبون بلا تاريخ.", None),
    ]:
        article = save_linked(Article(body=body))
        article.published = date
        article.save()
    save_linked(Article(body="خبر لا يذكره.", published_on="2018-01-01", date_precision="day"))
    return tebboune


def bars(page: str) -> list[tuple[str, str]]:
    """Each bar's words for a screen reader and its link (empty without one)."""
    found = []
    for block in BARS.findall(page):
        spoken = re.search(r'<span class="visually-hidden">(.*?)</span>', block).group(1)
        href = re.search(r'<a href="([^"]*)"', block)
        found.append((spoken, html.unescape(href.group(1)) if href else ""))
    return found


def test_entity_page_draws_its_articles_by_year_from_the_database(client, covered):
    page = client.get(covered.get_absolute_url()).content.decode()
    assert "التغطية حسب السنة" in page
    drawn = bars(page)
    assert [spoken for spoken, _ in drawn] == [
        "2016: مقال واحد",
        *(f"{arabic}: لا مقالات" for arabic in ("2017", "2018", "2019", "2020")),
        "2021: 3 مقالات",
    ]
    assert drawn[-1][1] == "?date_from=2021&date_to=2021" and drawn[1][1] == ""


def test_a_years_bar_narrows_the_entitys_articles_to_that_year_drawn_by_month(client, covered):
    response = client.get(covered.get_absolute_url() + "?date_from=2021&date_to=2021")
    page = response.content.decode()
    assert len(response.context["articles"]) == 3
    assert "المقالات التي تذكره (2021)" in page and "التغطية حسب الشهر" in page
    assert bars(page) == [
        ("أبريل 2021: مقالان", "?date_from=2021-04&date_to=2021-04"),
        ("مايو 2021: مقال واحد", "?date_from=2021-05&date_to=2021-05"),
    ]
    april = client.get(covered.get_absolute_url() + "?date_from=2021-04&date_to=2021-04")
    assert len(april.context["articles"]) == 2


@pytest.mark.parametrize(
    "dates",
    [
        {"date_from": "2021-13"},
        {"date_from": "<script>"},
        {"date_from": "2022", "date_to": "2021"},
        {"date_to": "0999"},
        {"date_from": "9" * 5000},
        {"date_from": "\x00"},
    ],
)
def test_a_refused_period_is_said_in_arabic_and_the_page_lists_every_article(client, covered, dates):
    response = client.get(covered.get_absolute_url(), dates)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<div class="errors" role="alert">' in page and "<script>" not in page.split("</header>", 1)[1]
    assert len(response.context["articles"]) == 5


def test_an_entity_no_dated_article_mentions_has_no_timeline(client, tebboune, db):
    save_linked(Article(body="قال الرئيس تبون بلا تاريخ."))
    assert "timeline" not in client.get(tebboune.get_absolute_url()).content.decode()
