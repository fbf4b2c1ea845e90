"""The feeds of the newest articles, read as a feed reader reads them (feedparser): Atom and RSS alike."""

from __future__ import annotations

import datetime
import html

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from archive.dates import PartialDate
from archive.linking import save_linked
from archive.models import Article

pytestmark = pytest.mark.django_db

FEEDS = ["archive:article-atom", "archive:article-feed"]


def utc(moment: datetime.datetime) -> tuple[int, ...]:
    """A moment as feedparser gives it: UTC, to the second."""
    return moment.astimezone(datetime.UTC).timetuple()[:6]


def dated(title: str, body: str, published: PartialDate | None) -> Article:
    article = save_linked(Article(title=title, body=body))
    article.published = published
    article.save()
    return article


@pytest.fixture
def read(client):
    """A feed as feedparser reads it, which must be well formed."""

    def get(name: str, params: dict | None = None) -> feedparser.FeedParserDict:
        response = client.get(reverse(name), params or {})
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        return feed

    return get


def test_atom_feed_is_atom_in_arabic_and_declared_by_every_page(client, read, visit_article):
    feed = read("archive:article-atom")
    assert feed.version == "atom10"
    assert feed.feed.language == "ar" and "أحدث المقالات" in feed.feed.title
    page = client.get(reverse("archive:home")).content.decode()
    atom = reverse("archive:article-atom")
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="أحدث المقالات (Atom)" href="{atom}">'
        in page
    )


@pytest.mark.parametrize("name", FEEDS)
def test_items_are_titled_linked_and_identified_by_their_permalink_on_every_read(read, visit_article, name):
    first, again = read(name), read(name)
    (entry,) = first.entries
    permalink = f"http://testserver{visit_article.get_absolute_url()}"
    assert (entry.title, entry.link, entry.id) == (visit_article.title, permalink, permalink)
    assert [e.id for e in again.entries] == [entry.id]


@pytest.mark.parametrize("name", FEEDS)
def test_items_are_dated_when_published_and_else_when_added_which_they_say(read, db, name):
    dated("مقال مؤرخ", "نص مؤرخ.", PartialDate(2019, 3, 14))
    undated = dated("مقال بلا تاريخ", "نص بلا تاريخ.", None)
    entries = {entry.title: entry for entry in read(name).entries}
    # The first moment of the day where the archive is (TIME_ZONE), which a reader shows in UTC.
    midnight = datetime.datetime(2019, 3, 14, tzinfo=timezone.get_current_timezone())
    assert entries["مقال مؤرخ"].published_parsed[:6] == utc(midnight)
    assert "لم يذكر المصدر تاريخ نشره" not in html.unescape(entries["مقال مؤرخ"].summary)
    assert entries["مقال بلا تاريخ"].published_parsed[:6] == utc(undated.created_at)
    assert "لم يذكر المصدر تاريخ نشره" in html.unescape(entries["مقال بلا تاريخ"].summary)


def test_atom_items_carry_an_articles_markup_as_text_never_as_html(read, db):
    body = 'انظر <a href="javascript:alert(1)">هنا</a> & <script>alert(2)</script> النص.'
    dated("مقال بعلامات", body, PartialDate(2020))
    (entry,) = read("archive:article-atom").entries
    # feedparser strips markup it takes for HTML: the body arrives whole only as escaped text.
    assert entry.summary == html.escape(body)
    assert "<script" not in entry.summary and "<a " not in entry.summary


@pytest.mark.parametrize("params", [{"page": "99"}, {"q": "<script>"}, {"x": "\x00"}])
def test_the_feeds_ignore_parameters_they_do_not_read(read, visit_article, params):
    assert len(read("archive:article-atom", params).entries) == 1
