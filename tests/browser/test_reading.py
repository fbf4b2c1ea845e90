"""What readers count on, checked in a real browser: Arabic pages, right to left, safe and reachable."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from .pages import (
    PHONE,
    SmallArchive,
    assert_fits_a_phone,
    make_article,
    page_direction,
    platform_fonts,
    snap,
)

pytestmark = pytest.mark.browser


def path_of(archive: SmallArchive, name: str) -> str:
    """The path of one of the reader's pages, by a short name."""
    return {
        "home": "/",
        "article-list": "/articles/",
        "article": archive.visit.get_absolute_url(),
        "person": archive.tebboune.get_absolute_url(),
        "people": "/people/",
        "not-found": "/لا-توجد-صفحة-بهذا-الاسم/",
    }[name]


@pytest.mark.parametrize("name", ["home", "article-list", "article"])
def test_reader_pages_are_arabic_and_right_to_left(page, site, small_archive, name):
    response = page.goto(site(path_of(small_archive, name)))

    assert response.status == 200
    assert page_direction(page) == {"lang": "ar", "dir": "rtl", "body": "rtl"}
    snap(page, name, widths=(1280, 375))


def test_person_named_in_an_article_is_a_link_to_their_page_listing_the_article(page, site, small_archive):
    person_url = small_archive.tebboune.get_absolute_url()
    page.goto(site(small_archive.visit.get_absolute_url()))

    # The body writes the name joined ("عبدالمجيد"), the person is "عبد المجيد تبون".
    mention = page.locator(".article-body a.mention", has_text="عبدالمجيد تبون")
    expect(mention).to_have_count(1)
    expect(mention).to_have_attribute("href", person_url)
    expect(page.locator(".article-body a.mention", has_text="الجزائر")).to_have_attribute(
        "href", small_archive.algeria.get_absolute_url()
    )

    mention.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == person_url
    expect(page.locator("h1")).to_have_text("عبد المجيد تبون")
    listed = page.locator("#content .card-title a", has_text=small_archive.visit.title)
    expect(listed).to_be_visible()
    expect(listed).to_have_attribute("href", small_archive.visit.get_absolute_url())


def test_markup_written_in_an_article_is_shown_as_text_and_never_runs(page, site, transactional_db):
    planted = make_article(
        "عنوان فيه <b>وسم</b> <script>window.__pwned_title=1</script>",
        "نص عادي قبل الوسم.\n\n"
        '<script>window.__pwned=1</script> ثم صورة <img src=x onerror="window.__pwned_img=1">.',
    )

    for path in (planted.get_absolute_url(), "/", "/articles/"):
        page.goto(site(path))
        page.wait_for_load_state("load")
        ran = page.evaluate("() => [window.__pwned, window.__pwned_img, window.__pwned_title]")
        assert ran == [None, None, None], f"markup from an article ran on {path}"
        assert page.locator("#content script, #content img, #content b").count() == 0

    page.goto(site(planted.get_absolute_url()))
    body = page.locator(".article-body")
    expect(body).to_contain_text("<script>window.__pwned=1</script>")
    expect(body).to_contain_text('<img src=x onerror="window.__pwned_img=1">')
    expect(page.locator("h1")).to_have_text("عنوان فيه <b>وسم</b> <script>window.__pwned_title=1</script>")
    expect(body.get_by_text("<script>window.__pwned=1</script>", exact=False)).to_be_visible()


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "article-list",
        "article",
        "person",
        "people",
        "not-found",
    ],
)
def test_no_reader_page_scrolls_sideways_on_a_phone(new_page, site, small_archive, name):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page.goto(site(path_of(small_archive, name)))

    assert_fits_a_phone(page)


def test_a_web_address_quoted_in_an_article_wraps_on_a_phone(new_page, site, transactional_db):
    # Agency copy often ends with its source's address, one "word" wider than a phone.
    article = make_article(
        "وكالة الأنباء: الرئيس يستقبل وفدا",
        "استقبل الرئيس وفدا رفيع المستوى.\n\n"
        "المصدر: https://www.aps.dz/ar/algerie/123456-%D8%A7%D9%84%D8%B1%D8%A6%D9%8A%D8%B3-%D8%AA%D8%A8%D9%88%D9%86",
    )
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page.goto(site(article.get_absolute_url()))

    assert_fits_a_phone(page)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content(page, site, small_archive):
    page.goto(site("/"))

    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert focused == "skip-link"
    skip = page.locator("a.skip-link")
    expect(skip).to_have_text("انتقل إلى المحتوى")
    # Seen by whoever pressed Tab: on screen once focused.
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"], box

    page.keyboard.press("Enter")
    expect(page.locator("main#content")).to_be_focused()
    page.keyboard.press("Tab")
    # The next stop is inside the main content, not back in the header.
    assert page.evaluate("() => document.getElementById('content').contains(document.activeElement)")


def test_unknown_address_shows_the_arabic_not_found_page_with_status_404(page, site, small_archive):
    response = page.goto(site(path_of(small_archive, "not-found")))

    assert response.status == 404
    assert page_direction(page) == {"lang": "ar", "dir": "rtl", "body": "rtl"}
    expect(page.locator("h1")).to_have_text("الصفحة غير موجودة")
    snap(page, "not-found", widths=(1280, 375))
    page.get_by_role("link", name="العودة إلى الصفحة الرئيسية").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/"


def test_arabic_text_is_drawn_with_the_arabic_fonts_the_stylesheet_names(page, site, small_archive):
    page.goto(site(small_archive.visit.get_absolute_url()))
    page.evaluate("() => document.fonts.ready")

    body_fonts = platform_fonts(page, ".article-body p")
    heading_fonts = platform_fonts(page, "a.brand")

    # Not a fallback (DejaVu, a box for every letter): the Arabic faces themselves.
    assert body_fonts.get("Noto Naskh Arabic", 0) > 0, body_fonts
    assert heading_fonts.get("Noto Sans Arabic", 0) > 0, heading_fonts
    assert all("Arabic" in family for family in body_fonts | heading_fonts), body_fonts | heading_fonts


def test_every_link_on_the_home_and_article_pages_leads_to_a_page(page, site, small_archive):
    checked: set[str] = set()
    for path in ("/", small_archive.visit.get_absolute_url()):
        page.goto(site(path))
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map((link) => link.href)")
        for href in hrefs:
            target = href.split("#")[0]
            if not target.startswith(site("/")) or target in checked:
                continue
            checked.add(target)
            status = page.request.get(target).status
            assert status == 200, f"{path} links to {unquote(target)}, which answers {status}"
    assert len(checked) >= 10, checked
