"""Two countries' relation and an agreement's events in a real browser, at a desktop's size and a phone's."""

from __future__ import annotations

from urllib.parse import quote, unquote

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from archive.models import Agreement, AgreementEvent

from .pages import DESKTOP, PHONE, assert_fits_a_phone, page_direction, snap

pytestmark = pytest.mark.browser

SIZES = [pytest.param(DESKTOP, id="desktop"), pytest.param(PHONE, id="phone")]
SECURITY_AGREEMENT = "الاتفاق الأمني الجزائري الليبي"


@pytest.fixture
def seeded_archive(transactional_db) -> Agreement:
    """The seed articles and entities; the 2001 agreement's signing reported by the article describing it."""
    call_command("loaddata", "entities", "articles", verbosity=0)
    agreement = Agreement.objects.get(name=SECURITY_AGREEMENT)
    agreement.events.get(kind=AgreementEvent.Kind.SIGNED).articles.add(agreement.mentions.get().article)
    return agreement


def open_at(new_page, size: dict) -> Page:
    if size == PHONE:
        return new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    return new_page(viewport=size)


@pytest.mark.parametrize("size", SIZES)
def test_a_reader_goes_from_a_country_to_its_relation_with_another(new_page, site, seeded_archive, size):
    page = open_at(new_page, size)
    page.goto(site(f"/countries/{quote('ليبيا')}/"))
    page.locator(".relations").get_by_role("link", name="ليبيا والجزائر").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("الجزائر وليبيا")
    assert unquote(page.url).endswith("/relations/الجزائر/ليبيا/")
    assert page_direction(page) == {"lang": "ar", "dir": "rtl", "body": "rtl"}
    expect(
        page.locator(".relation-agreements").get_by_role("link", name=SECURITY_AGREEMENT, exact=True)
    ).to_be_visible()
    expect(page.locator(".joint-bodies")).to_contain_text("اللجنة الأمنية المشتركة")
    expect(page.locator(".officials").first).to_contain_text("عبد المجيد تبون")
    expect(page.locator(".visits mark").first).to_be_visible()
    expect(page.locator("#shared-title")).to_contain_text("5 مقالات")
    feed = page.locator('link[rel="alternate"][type="application/atom+xml"]').last
    assert unquote(feed.get_attribute("href")) == "/relations/الجزائر/ليبيا/atom/"
    snap(page, f"relation-{size['width']}")
    if size == PHONE:
        assert_fits_a_phone(page)


def test_the_reversed_order_lands_on_the_one_relation_page(page, site, seeded_archive):
    page.goto(site(f"/relations/{quote('ليبيا')}/{quote('الجزائر')}/"))
    assert unquote(page.url).endswith("/relations/الجزائر/ليبيا/")


@pytest.mark.parametrize("size", SIZES)
def test_an_agreement_page_shows_its_events_in_order_with_dates_and_articles(
    new_page, site, seeded_archive, size
):
    page = open_at(new_page, size)
    page.goto(site(seeded_archive.get_absolute_url()))
    events = page.locator(".events > li")
    expect(events).to_have_count(2)
    expect(events.nth(0).locator(".event-kind")).to_have_text("التوقيع")
    expect(events.nth(0).locator("time")).to_have_text("أغسطس 2001")
    expect(events.nth(1).locator(".event-kind")).to_have_text("التحيين")
    expect(events.nth(1).locator("time")).to_have_text("فبراير 2012")
    expect(events.nth(0).locator(".event-articles a")).to_have_count(1)
    expect(page.locator(".in-context mark").first).to_have_text("اتفاق امني في أغسطس 2001")
    snap(page, f"agreement-{size['width']}")
    if size == PHONE:
        assert_fits_a_phone(page)
