"""Any search as an Atom feed (``/search/feed/``), read as a feed reader reads it, and the page that links to it."""

from __future__ import annotations

import html

import feedparser
import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

FEED = reverse("search:feed")


@pytest.fixture
def feed_of(client):
    """The search feed for some parameters, well formed, as feedparser reads it."""

    def get(params: dict) -> feedparser.FeedParserDict:
        response = client.get(FEED, params)
        assert response.status_code == 200, response.content.decode()
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        return feed

    return get


def names(feed, seeds) -> list[str]:
    by_url = {f"http://testserver{article.get_absolute_url()}": name for name, article in seeds.items()}
    return [by_url.get(entry.link, entry.link) for entry in feed.entries]


def test_feed_lists_what_the_search_finds_newest_first_whatever_the_pages_order(feed_of, catalogued_seeds):
    newest_first = sorted(
        catalogued_seeds, key=lambda name: catalogued_seeds[name].published_on, reverse=True
    )
    for sort in ("", "oldest", "relevance"):
        assert names(feed_of({"q": "ليبيا", "sort": sort, "page": "7"}), catalogued_seeds) == newest_first


def test_feed_narrows_as_the_search_does_and_names_it(feed_of, catalogued_seeds):
    feed = feed_of({"q": "ليبيا", "date_from": "2016", "date_to": "2016"})
    assert set(names(feed, catalogued_seeds)) == {"resolve", "siala"}
    assert "«ليبيا»" in feed.feed.title and feed.feed.language == "ar"
    assert html.unescape(feed.feed.link).endswith(
        "/search/?q=%D9%84%D9%8A%D8%A8%D9%8A%D8%A7&date_from=2016&date_to=2016"
    )


def test_feed_items_are_dated_identified_and_titled_as_the_articles(feed_of, catalogued_seeds):
    security = catalogued_seeds["security"]
    (entry,) = [e for e in feed_of({"q": "ليبيا"}).entries if e.link.endswith(security.get_absolute_url())]
    assert entry.id == f"http://testserver{security.get_absolute_url()}"
    assert entry.title == security.display_title
    assert entry.published.startswith("2021-04-21T00:00:00")


def test_a_search_that_finds_nothing_is_an_empty_feed(feed_of, seeds):
    assert feed_of({"q": "كلمةلاتوجد"}).entries == []


HOSTILE = [
    {"q": "x" * 10_000},
    {"q": "\x00"},
    {"q": "🙂"},
    {"date_from": "2021-13"},
    {"date_from": "2022", "date_to": "2021"},
    {"date_to": "0001"},
    {"person": "<script>alert(1)</script>"},
]


@pytest.mark.parametrize("params", HOSTILE)
def test_refused_parameters_get_their_arabic_message_as_text(client, seeds, params):
    response = client.get(FEED, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert any("\u0621" <= ch <= "\u064a" for ch in text) and "Traceback" not in text


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"((ليبيا'},
        {"q": "ليبيا OR"},
        {"person": "nobody"},
        {"page": "abc"},
        {"sort": "<script>"},
        {"q": "ليبيا"},
    ],
)
def test_any_other_parameters_give_a_feed(feed_of, seeds, params):
    feed_of(params)


def test_search_page_links_to_its_feed_and_declares_it(client, seeds, settings):
    """The feed is the search's, whatever page of it and in whatever order the page shows it."""
    settings.ARCHIVE_SEARCH_PAGE_SIZE = 2
    page = client.get(
        reverse("search:search"), {"q": "ليبيا", "sort": "oldest", "page": "2"}
    ).content.decode()
    url = f"{FEED}?q=%D9%84%D9%8A%D8%A8%D9%8A%D8%A7"
    assert f'<link rel="alternate" type="application/atom+xml" title="تابع هذا البحث" href="{url}">' in page
    assert f'<a href="{url}" type="application/atom+xml">تابع هذا البحث</a>' in page


@settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parameter=st.sampled_from(["q", "date_from", "date_to", "person", "source", "year", "sort", "page"]),
    value=st.text(),
)
def test_any_value_of_any_parameter_gives_a_feed_or_an_arabic_refusal(client, seeds, parameter, value):
    response = client.get(FEED, {parameter: value})
    assert response.status_code in (200, 400), response.content
    if response.status_code == 400:
        assert any("\u0621" <= ch <= "\u064a" for ch in response.content.decode())
    else:
        assert not feedparser.parse(response.content).bozo
