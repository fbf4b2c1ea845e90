"""Following the archive in a real browser: the timeline of coverage, the feed of a search, an empty search.

Each test builds a small archive through the ORM and drains the index queue
before the browser asks; each runs at a desktop's size and at a phone's.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from playwright.sync_api import Page, expect

from archive.dates import PartialDate
from archive.models import Article, Person
from search.indexing import drain

from .pages import DESKTOP, PHONE, assert_fits_a_phone, make_article, make_person, snap

pytestmark = pytest.mark.browser

SIZES = [pytest.param(DESKTOP, id="desktop"), pytest.param(PHONE, id="phone")]


@dataclass(frozen=True)
class CoveredArchive:
    tebboune: Person
    articles: dict[str, Article]


@pytest.fixture
def covered(transactional_db) -> CoveredArchive:
    """Four articles on the security agreement naming Tebboune: 2016, 2019, April and May 2021; all indexed."""
    tebboune = make_person("عبد المجيد تبون", "عبدالمجيد تبون", role="الرئيس الجزائري")
    articles = {
        date.isoformat(): make_article(
            f"الاتفاقية الأمنية في {date}",
            f"تحدث الرئيس عبدالمجيد تبون عن الاتفاقية الأمنية في {date}.",
            published=date,
        )
        for date in (
            PartialDate(2016, 12),
            PartialDate(2019, 3, 10),
            PartialDate(2021, 4, 2),
            PartialDate(2021, 5),
        )
    }
    drain()
    return CoveredArchive(tebboune, articles)


def open_at(new_page, size: dict) -> Page:
    if size == PHONE:
        return new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    return new_page(viewport=size)


def bar_words(page: Page) -> list[str]:
    """What a screen reader says of each bar."""
    return page.locator(".timeline-bar .visually-hidden").all_inner_texts()


def fits(page: Page, size: dict) -> None:
    if size == PHONE:
        assert_fits_a_phone(page)


@pytest.mark.parametrize("size", SIZES)
def test_a_bar_of_the_search_timeline_narrows_the_results_to_its_year_then_its_month(
    new_page, site, covered, size
):
    page = open_at(new_page, size)
    page.goto(site("/search/?q=الاتفاقية"))
    timeline = page.get_by_role("region", name="التغطية حسب السنة")
    expect(timeline).to_be_visible()
    assert bar_words(page) == [
        "2016: مقال واحد",
        "2017: لا مقالات",
        "2018: لا مقالات",
        "2019: مقال واحد",
        "2020: لا مقالات",
        "2021: مقالان",
    ]
    # The tallest bar is drawn taller than a lower one, by the stylesheet alone.
    heights = page.locator(".timeline-bar .bar").evaluate_all(
        "bars => bars.map(b => b.getBoundingClientRect().height)"
    )
    assert heights[-1] > heights[0] > 0 == heights[1]
    fits(page, size)
    snap(page, f"search-timeline-{size['width']}")

    timeline.get_by_role("link", name="2021: مقالان").click()
    page.wait_for_load_state()
    assert parse_qs(urlsplit(page.url).query) == {
        "q": ["الاتفاقية"],
        "date_from": ["2021"],
        "date_to": ["2021"],
    }
    expect(page.locator("ol.results > li")).to_have_count(2)
    expect(page.get_by_role("region", name="التغطية حسب الشهر")).to_be_visible()
    assert bar_words(page) == ["أبريل 2021: مقال واحد", "مايو 2021: مقال واحد"]

    page.get_by_role("link", name="مايو 2021: مقال واحد").click()
    page.wait_for_load_state()
    expect(page.locator("ol.results > li .card-title")).to_have_text([covered.articles["2021-05"].title])
    fits(page, size)


@pytest.mark.parametrize("size", SIZES)
def test_a_bar_of_an_entitys_timeline_narrows_its_articles(new_page, site, covered, size):
    page = open_at(new_page, size)
    page.goto(site(covered.tebboune.get_absolute_url()))
    expect(page.locator(".timeline-bar")).to_have_count(6)
    fits(page, size)
    snap(page, f"entity-timeline-{size['width']}")
    page.get_by_role("link", name="2019: مقال واحد").click()
    page.wait_for_load_state()
    expect(page.locator("article.card .card-title")).to_have_text([covered.articles["2019-03-10"].title])
    expect(page.get_by_role("heading", name="المقالات التي تذكره (2019): مقال واحد")).to_be_visible()


def test_the_search_links_to_its_feed_which_lists_its_articles(page, site, covered):
    page.goto(site("/search/?q=الاتفاقية&date_from=2021"))
    declared = page.locator('link[rel=alternate][type="application/atom+xml"][title="تابع هذا البحث"]')
    follow = page.get_by_role("link", name="تابع هذا البحث")
    expect(follow).to_be_visible()
    assert declared.get_attribute("href") == follow.get_attribute("href")
    response = page.request.get(site(follow.get_attribute("href")))
    assert response.ok and response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.body())
    assert [entry.title for entry in feed.entries] == [
        covered.articles["2021-05"].title,
        covered.articles["2021-04-02"].title,
    ]


@pytest.mark.parametrize("size", SIZES)
def test_an_empty_search_shows_how_to_search_where_to_browse_and_to_type_arabic(
    new_page, site, covered, size
):
    page = open_at(new_page, size)
    page.goto(site("/search/"))
    page.locator("#search-q").fill("Tebboune")
    page.locator("#search-q").press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".result-count")).to_have_text("لم نجد مقالات تطابق بحثك.")
    expect(page.get_by_role("heading", name="كيف تبحث")).to_be_visible()
    expect(page.get_by_role("note")).to_contain_text("اكتب الكلمات بالحروف العربية")
    expect(page.locator(".timeline")).to_have_count(0)
    fits(page, size)
    snap(page, f"search-empty-{size['width']}")
    page.get_by_role("navigation", name="تصفّح الأرشيف").get_by_role("link", name="الأشخاص").click()
    page.wait_for_load_state()
    expect(page.get_by_role("link", name=covered.tebboune.name)).to_be_visible()
