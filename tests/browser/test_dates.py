"""Dates read in the order they are written, in a real browser: inside Arabic text the bidi
algorithm would draw "2021-04-30" as 30-04-2021, unless each date is isolated."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from archive.dates import PartialDate

from .pages import (
    DESKTOP,
    PHONE,
    bidi_of,
    log_in,
    make_article,
    reads_left_to_right,
    reads_right_to_left,
)

pytestmark = pytest.mark.browser

SCREENS = [pytest.param(DESKTOP, id="desktop"), pytest.param(PHONE, id="phone")]
ISO_DAY = ["2021", "04", "21"]


@pytest.fixture
def dated_article(transactional_db):
    return make_article(
        "وزير الخارجية في طرابلس", "وصل الوزير إلى طرابلس.", published=PartialDate(2021, 4, 21)
    )


@pytest.mark.parametrize("screen", SCREENS)
def test_an_article_s_date_is_an_isolate_read_day_month_year_from_the_right(
    new_page, site, dated_article, screen
):
    page = new_page(viewport=screen)
    for path in (dated_article.get_absolute_url(), "/"):
        page.goto(site(path))
        date = page.locator(".meta time").first
        expect(date).to_have_text("21 أبريل 2021")
        assert bidi_of(date) == {"direction": "rtl", "unicodeBidi": "isolate"}, path
        assert reads_right_to_left(date, ["21", "أبريل", "2021"]), path


@pytest.mark.parametrize("screen", SCREENS)
def test_the_search_form_s_date_boxes_and_hint_read_left_to_right(new_page, site, transactional_db, screen):
    page = new_page(viewport=screen)
    page.goto(site("/search/"))
    page.locator("details.advanced summary").click()
    for box in ("#search-from", "#search-to"):
        assert bidi_of(page.locator(box))["direction"] == "ltr", box
    expect(page.locator("#search-to")).to_have_attribute("placeholder", "2021-04-30")
    example = page.locator(".search-help bdi", has_text="2021-04-21")
    assert bidi_of(example) == {"direction": "ltr", "unicodeBidi": "isolate"}
    assert reads_left_to_right(example, ISO_DAY)


@pytest.mark.parametrize("screen", SCREENS)
def test_a_refused_date_is_quoted_as_it_was_typed(new_page, site, transactional_db, screen):
    page = new_page(viewport=screen)
    page.goto(site("/search/?q=ليبيا&date_to=2021-04-31"))
    error = page.locator(".errors p")
    expect(error).to_contain_text("غير موجود في التقويم")
    assert reads_left_to_right(error, ["2021", "04", "31"])
    # The same words without the isolates: the measure sees the flip the bidi algorithm makes.
    error.evaluate("(p) => { p.textContent = p.textContent.replace(/[\\u2066-\\u2069]/g, ''); }")
    assert reads_right_to_left(error, ["2021", "04", "31"])


@pytest.mark.parametrize("screen", SCREENS)
def test_the_admin_s_date_box_help_error_and_list_read_as_written(
    new_page, site, editor, dated_article, screen
):
    page = new_page(viewport=screen)
    log_in(page, site, editor)
    page.goto(site("/admin/archive/article/add/"))
    assert bidi_of(page.locator("#id_published"))["direction"] == "ltr"
    help_example = page.locator("#id_published_helptext bdi", has_text="2021-04-21")
    assert reads_left_to_right(help_example, ISO_DAY)

    page.locator("#id_body").fill("نص جديد عن الجزائر.")
    page.locator("#id_published").fill("2021-04-31")
    page.locator("[name=_save]").click()
    error = page.locator(".errorlist li", has_text="غير موجود في التقويم")
    assert reads_left_to_right(error, ["2021", "04", "31"])

    page.goto(site("/admin/archive/article/"))
    date = page.locator("td.field-published_display time")
    assert bidi_of(date) == {"direction": "rtl", "unicodeBidi": "isolate"}
    assert reads_right_to_left(date, ["21", "أبريل", "2021"])
