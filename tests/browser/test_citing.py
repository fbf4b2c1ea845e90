"""What researchers count on, checked in a real browser: the cite box of an article and the search's exports.

The copy button is the archive's one script (static/js/cite.js, no inline code:
the Content-Security-Policy refuses it, and any refusal fails the test).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from archive.dates import PartialDate
from archive.models import Source
from search.indexing import drain

from .pages import SmallArchive, snap

pytestmark = pytest.mark.browser


@pytest.fixture
def cited(small_archive) -> SmallArchive:
    """The visit, published by a paper on 21 April 2021 (9 Ramadan 1442), and indexed."""
    visit = small_archive.visit
    visit.source = Source.objects.create(name="الشروق")
    visit.published = PartialDate(2021, 4, 21)
    visit.save()
    drain()
    return small_archive


def downloaded(page: Page, link_name: str) -> tuple[str, str]:
    """Click the link named ``link_name``; the file's suggested name and its text, line ends as sent."""
    with page.expect_download() as download:
        page.get_by_role("link", name=link_name, exact=True).click()
    path = download.value.path()
    return download.value.suggested_filename, Path(path).read_bytes().decode("utf-8")


def test_the_cite_box_reads_the_arabic_reference_and_copies_it(new_page, site, cited):
    page = new_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site(cited.visit.get_absolute_url()))
    box = page.get_by_role("region", name="استشهد بهذا المقال")
    expect(box).to_be_visible()
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    reference = box.locator(".reference").inner_text()
    assert reference.startswith(
        "الشروق، «الرئيس تبون يستقبل وفدا ليبيا»، 21 أبريل 2021 الموافق 9 رمضان 1442 هـ، أرشيف الأخبار الدبلوماسية، "
        f"{canonical}، تاريخ الاطلاع: "
    )
    expect(page.locator(".meta .hijri")).to_have_text("الموافق 9 رمضان 1442 هـ")

    copy = box.get_by_role("button", name="انسخ المرجع")
    copy.click()
    expect(box.get_by_role("status")).to_have_text("نُسخ المرجع.")
    assert page.evaluate("() => navigator.clipboard.readText()") == reference.strip()
    snap(page, "cite-box", widths=(1280, 375))


def test_each_citation_downloads_from_the_cite_box(page, site, cited):
    page.goto(site(cited.visit.get_absolute_url()))
    name, text = downloaded(page, "CSL-JSON")
    assert name == f"{cited.visit.slug}.json"
    assert json.loads(text)[0]["title"] == "الرئيس تبون يستقبل وفدا ليبيا"
    name, text = downloaded(page, "RIS")
    assert name == f"{cited.visit.slug}.ris" and text.startswith("TY  - NEWS\r\n")
    assert "T2  - الشروق\r\n" in text
    name, text = downloaded(page, "BibTeX")
    assert name == f"{cited.visit.slug}.bib" and text.startswith(f"@article{{archive-{cited.visit.pk},")
    assert "  journaltitle = {الشروق},\n" in text


def test_the_search_results_download_as_csv_and_csl_json(page, site, cited):
    page.goto(site("/search/?q=تبون"))
    expect(page.locator(".export-limit")).to_have_text("(حدّ التصدير: 1,000 مقال)")
    name, text = downloaded(page, "CSV")
    assert name == "نتائج-البحث.csv"
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [(row["العنوان"], row["التاريخ الهجري"]) for row in rows] == [
        ("الرئيس تبون يستقبل وفدا ليبيا", "9 رمضان 1442 هـ")
    ]
    name, text = downloaded(page, "CSL-JSON")
    assert name == "نتائج-البحث.json"
    assert [item["container-title"] for item in json.loads(text)] == ["الشروق"]
