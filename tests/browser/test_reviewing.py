"""The review queue in a real browser: names accepted and rejected by click, in bulk and by keyboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from archive.models import NameSuggestion, Person

from .pages import log_in, make_article

pytestmark = pytest.mark.browser

QUEUE = "/admin/archive/namesuggestion/"


@pytest.fixture
def suggestions(transactional_db) -> list[NameSuggestion]:
    """Three names one article writes that the archive does not know, the least certain first."""
    article = make_article("زيارة", "التقى عبد القادر مساهل ونجلاء المنقوش وخالد المازن في طرابلس.")
    rows = []
    for text, confidence in (("خالد المازن", 0.2), ("نجلاء المنقوش", 0.5), ("عبد القادر مساهل", 0.9)):
        start = article.body.index(text)
        rows.append(
            NameSuggestion.objects.update_or_create(
                article=article,
                start=start,
                end=start + len(text),
                defaults={"text": text, "kind": "person", "confidence": confidence},
            )[0]
        )
    return rows


def states() -> dict[str, str]:
    return dict(NameSuggestion.objects.values_list("text", "state"))


def test_an_editor_accepts_a_name_by_clicking_and_the_person_is_made(page, site, editor, suggestions):
    log_in(page, site, editor)
    page.goto(site(QUEUE))
    page.locator("#result_list tbody tr", has_text="نجلاء المنقوش").locator("input.action-select").check()
    page.locator("select[name=action]").select_option("accept")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("قُبلت")
    assert states()["نجلاء المنقوش"] == "accepted"
    assert list(Person.objects.values_list("name", flat=True)) == ["نجلاء المنقوش"]


def test_an_editor_rejects_several_names_at_once(page, site, editor, suggestions):
    log_in(page, site, editor)
    page.goto(site(QUEUE))
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("reject")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("رُفضت")
    assert set(states().values()) == {"rejected"}


def test_the_keyboard_moves_chooses_accepts_and_rejects(page, site, editor, suggestions):
    log_in(page, site, editor)
    page.goto(site(QUEUE))
    expect(page.locator("#review-keys")).to_contain_text("j")
    rows = page.locator("#result_list tbody tr")
    expect(rows.first).to_contain_text("خالد المازن")  # the least certain first

    page.keyboard.press("j")
    expect(rows.nth(0)).to_have_class(re.compile("review-current"))
    page.keyboard.press("a")
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert states() == {"خالد المازن": "accepted", "نجلاء المنقوش": "pending", "عبد القادر مساهل": "pending"}

    page.locator("select[name=action]").blur()
    for key in "jjjkxjxr":  # down to the second row, choose it and the third, reject both
        page.keyboard.press(key)
    expect(page.locator(".messagelist .success")).to_contain_text("رُفضت")
    assert states() == {
        "خالد المازن": "accepted",
        "نجلاء المنقوش": "rejected",
        "عبد القادر مساهل": "rejected",
    }


def test_a_name_written_in_an_article_saved_in_the_admin_waits_in_the_queue_and_is_accepted_by_keyboard(
    page, site, editor, transactional_db
):
    log_in(page, site, editor)
    page.goto(site("/admin/archive/article/add/"))
    page.locator("#id_title").fill("الجرندي في الجزائر")
    page.locator("#id_body").fill("حلّ وزير الخارجية التونسي عثمان الجرندي بالجزائر في زيارة عمل قصيرة.")
    page.locator("[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.goto(site(QUEUE))
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("عثمان الجرندي")
    page.keyboard.press("j")
    expect(rows.first).to_have_class(re.compile("review-current"))
    page.keyboard.press("a")
    expect(page.locator(".messagelist .success")).to_contain_text("قُبلت")
    assert states() == {"عثمان الجرندي": "accepted"}
    assert list(Person.objects.values_list("name", flat=True)) == ["عثمان الجرندي"]
