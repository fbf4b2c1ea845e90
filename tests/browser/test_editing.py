"""What editors count on, checked in a real browser: an Arabic admin that links and finds what they save."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from search.indexing import drain

from .pages import log_in, make_small_archive, page_direction, snap

pytestmark = pytest.mark.browser

# A browser set to English: the admin must still answer in Arabic, right to left.
ENGLISH_BROWSER = {"locale": "en-US", "extra_http_headers": {"Accept-Language": "en"}}
RTL_ARABIC = {"lang": "ar", "dir": "rtl", "body": "rtl"}


def test_editor_adds_an_article_in_the_arabic_admin_and_finds_the_person_linked_on_the_site(
    new_page, site, editor, transactional_db
):
    archive = make_small_archive()
    page = new_page(**ENGLISH_BROWSER)

    page.goto(site("/admin/"))
    assert urlsplit(page.url).path == "/admin/login/"
    assert page_direction(page) == RTL_ARABIC
    expect(page.locator("#login-form [type=submit]")).to_have_value("ادخل")
    log_in(page, site, editor)
    expect(page.locator("#site-name")).to_have_text("إدارة الأرشيف")

    page.goto(site("/admin/archive/article/add/"))
    assert page_direction(page) == RTL_ARABIC
    expect(page.locator("label[for=id_body]")).to_have_text("النص:")
    page.locator("#id_title").fill("تبون يلتقي سفير ليبيا")
    page.locator("#id_body").fill("التقى الرئيس عبدالمجيد تبون سفير ليبيا في الجزائر العاصمة.")
    page.locator("#id_published").fill("2021-04")
    snap(page, "admin-article-add", widths=(1280, 375))
    page.locator("[name=_continue]").click()

    expect(page.locator(".messagelist .success")).to_be_visible()
    page.locator("a.viewsitelink").click()
    page.wait_for_load_state()

    assert urlsplit(page.url).path.startswith("/articles/")
    expect(page.locator("h1")).to_have_text("تبون يلتقي سفير ليبيا")
    # The one date box said a month: the page shows that month, and no invented day.
    expect(page.locator("article .meta time")).to_have_attribute("datetime", "2021-04")
    expect(page.locator("article .meta time")).to_have_text("أبريل 2021")
    mention = page.locator(".article-body a.mention-person")
    expect(mention).to_have_text("عبدالمجيد تبون")
    expect(mention).to_have_attribute("href", archive.tebboune.get_absolute_url())


def test_admin_article_search_for_alamn_without_hamza_finds_the_title_saying_al_amn(
    page, site, editor, small_archive
):
    # The admin's search asks the index: write what the ORM queued, as the index writer would.
    drain()
    log_in(page, site, editor)
    page.goto(site("/admin/archive/article/"))

    page.locator("#searchbar").fill("الامن")
    page.locator("#searchbar").press("Enter")
    page.wait_for_load_state()

    results = page.locator("#result_list tbody tr")
    expect(results).to_have_count(1)
    expect(results).to_contain_text(small_archive.security.title)
    assert "الأمن" in small_archive.security.title


def test_a_date_the_calendar_lacks_is_refused_in_arabic_and_the_typed_text_is_kept(
    page, site, editor, small_archive
):
    log_in(page, site, editor)
    page.goto(site("/admin/archive/article/add/"))
    body = "نص لم يحفظ بعد عن زيارة الرئيس عبدالمجيد تبون."
    page.locator("#id_body").fill(body)
    page.locator("#id_published").fill("2021-13")
    page.locator("[name=_save]").click()

    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".field-published .errorlist")).to_contain_text("غير موجود في التقويم")
    expect(page.locator("#id_body")).to_have_value(body)
    expect(page.locator("#id_published")).to_have_value("2021-13")
