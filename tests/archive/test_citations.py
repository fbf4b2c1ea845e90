"""Citing an article: the Arabic reference on its page, and its CSL-JSON, RIS and BibTeX files.

Each file is read back by a library that reads the format (bibtexparser, rispy,
citeproc-py), so the archive writes what reference managers import, not what
the archive's own code would read back.
"""

from __future__ import annotations

import io
import json
import re
import warnings
from urllib.parse import quote

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter, types
from citeproc.source.json import CiteProcJSON
from django.urls import reverse
from django.utils import timezone

from archive.dates import PartialDate
from archive.linking import save_linked
from archive.models import Article, Source

pytestmark = pytest.mark.django_db

# A bibliography style of the Citation Style Language that prints every variable the archive writes.
PLAIN_STYLE = b"""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="ar">
  <info><title>Every variable</title><id>every-variable</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=" | ">
    <text variable="container-title"/>
    <text variable="title"/>
    <date variable="issued" form="numeric" date-parts="year-month-day"/>
    <text variable="URL"/>
    <date variable="accessed" form="numeric" date-parts="year-month-day"/>
    <text variable="archive"/>
    <text variable="note"/>
  </group></layout></bibliography>
</style>"""
# Every character LaTeX, BibTeX, RIS or JSON treats specially, and a line break.
HOSTILE_TITLE = 'بيان {غير متوازن} } \\ % & $ # _ @ "مقتبس" ثم\nسطر'


@pytest.fixture
def cited(visit_article) -> Article:
    """The visit to Tripoli, published by a paper on 21 April 2021 (9 Ramadan 1442)."""
    visit_article.source = Source.objects.create(name="العرب")
    visit_article.published = PartialDate(2021, 4, 21)
    visit_article.save()
    return visit_article


def download(client, article: Article, extension: str):
    url = reverse("archive:article-citation", kwargs={"slug": article.slug, "extension": extension})
    return client.get(url)


def text_of(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"].endswith("; charset=utf-8")
    return response.content.decode("utf-8")


def permalink(article: Article) -> str:
    return "http://testserver" + article.get_absolute_url()


def bibtex_entry(text: str, latex: bool = True):
    """The one entry of ``text``; ``latex`` decodes its LaTeX (not for ``url``, which biblatex reads verbatim)."""
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()] if latex else [])
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    (entry,) = library.entries
    return entry


def csl_bibliography(items: list[dict]) -> list[str]:
    """The items rendered by citeproc-py; a variable CSL does not define fails (citeproc warns of it)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(
        CitationStylesStyle(io.BytesIO(PLAIN_STYLE), validate=False), source, formatter.plain
    )
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return [str(reference) for reference in bibliography.bibliography()]


# The reference on the page -------------------------------------------------------------


def reference_on_page(client, article: Article) -> str:
    page = client.get(article.get_absolute_url()).content.decode()
    box = re.search(r'<p class="reference" id="reference">(.*?)</p>', page, re.S)
    assert box, "no cite box"
    return box.group(1)


def plain(html_text: str) -> str:
    return re.sub(r"<[^>]+>", "", html_text)


def test_the_cite_box_writes_an_arabic_reference_with_both_calendars_and_the_canonical_permalink(
    client, cited
):
    today = timezone.localdate()
    reference = reference_on_page(client, cited)
    assert plain(reference) == (
        f"العرب، «بوقادوم في طرابلس»، 21 أبريل 2021 الموافق 9 رمضان 1442 هـ، أرشيف الأخبار الدبلوماسية، "
        f"{permalink(cited)}، تاريخ الاطلاع: {today.day} {_MONTHS[today.month - 1]} {today.year}."
    )
    page = client.get(cited.get_absolute_url()).content.decode()
    assert f'<link rel="canonical" href="{permalink(cited)}">' in page
    assert f'<a href="{permalink(cited)}" dir="ltr">' in reference, "the link reads left to right"


_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")  # fmt: skip


def test_an_undated_article_without_a_source_is_cited_by_its_title_and_no_date(client, visit_article):
    reference = plain(reference_on_page(client, visit_article))
    assert reference.startswith("«بوقادوم في طرابلس»، د.ت.، أرشيف الأخبار الدبلوماسية، ")
    assert "هـ" not in reference


def test_a_date_known_to_the_month_is_cited_without_a_hijri_date(client, cited):
    cited.published = PartialDate(2021, 4)
    cited.save()
    reference = plain(reference_on_page(client, cited))
    assert "العرب، «بوقادوم في طرابلس»، أبريل 2021، أرشيف" in reference
    assert "الموافق" not in reference and "هـ" not in reference


def test_the_cite_box_follows_the_sites_digits(client, cited, settings):
    settings.ARCHIVE_DIGITS = "arabic-indic"
    reference = plain(reference_on_page(client, cited))
    assert "٢١ أبريل ٢٠٢١ الموافق ٩ رمضان ١٤٤٢ هـ" in reference


def test_markup_in_a_title_is_escaped_in_the_cite_box(client, db):
    article = save_linked(Article(title="<script>alert(1)</script> عنوان", body="نص."))
    reference = reference_on_page(client, article)
    assert "<script>" not in reference and "«&lt;script&gt;alert(1)&lt;/script&gt; عنوان»" in reference


def test_the_cite_box_links_each_download_with_its_media_type(client, cited):
    page = client.get(cited.get_absolute_url()).content.decode()
    for extension, media_type, name in (
        ("json", "application/vnd.citationstyles.csl+json", "CSL-JSON"),
        ("ris", "application/x-research-info-systems", "RIS"),
        ("bib", "application/x-bibtex", "BibTeX"),
    ):
        url = reverse("archive:article-citation", kwargs={"slug": cited.slug, "extension": extension})
        assert f'<a href="{url}" type="{media_type}" rel="nofollow" download>{name}</a>' in page


# The files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extension", "media_type"),
    [
        ("json", "application/vnd.citationstyles.csl+json"),
        ("ris", "application/x-research-info-systems"),
        ("bib", "application/x-bibtex"),
    ],
)
def test_each_format_downloads_as_a_utf8_file_named_for_the_article(client, cited, extension, media_type):
    response = download(client, cited, extension)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{media_type}; charset=utf-8"
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote(cited.slug)}.{extension}"


def test_bibtex_is_read_by_bibtexparser_with_the_arabic_fields(client, cited):
    text = text_of(download(client, cited, "bib"))
    assert bibtex_entry(text, latex=False)["url"] == permalink(cited)
    entry = bibtex_entry(text)
    assert (entry.entry_type, entry.key) == ("article", f"archive-{cited.pk}")
    fields = {field.key: field.value for field in entry.fields if field.key != "url"}
    assert fields == {
        "entrysubtype": "newspaper",
        "title": "بوقادوم في طرابلس",
        "journaltitle": "العرب",
        "date": "2021-04-21",
        "urldate": timezone.localdate().isoformat(),
        "langid": "arabic",
        "note": "التاريخ الهجري: 9 رمضان 1442 هـ",
    }


def test_ris_is_read_by_rispy_as_a_newspaper_article(client, cited):
    text = text_of(download(client, cited, "ris"))
    assert text.startswith("TY  - NEWS\r\n") and text.endswith("ER  - \r\n")
    (reference,) = rispy.loads(text)
    today = timezone.localdate()
    assert reference == {
        "type_of_reference": "NEWS",
        "id": f"archive-{cited.pk}",
        "title": "بوقادوم في طرابلس",
        "secondary_title": "العرب",
        "year": "2021",
        "date": "2021/04/21/",
        "urls": [permalink(cited)],
        "access_date": f"{today:%Y/%m/%d}/",
        "name_of_database": "أرشيف الأخبار الدبلوماسية",
        "language": "ar",
        "notes": ["التاريخ الهجري: 9 رمضان 1442 هـ"],
    }


def test_csl_json_is_an_array_of_items_a_csl_processor_renders(client, cited):
    items = json.loads(text_of(download(client, cited, "json")))
    assert isinstance(items, list) and len(items) == 1
    assert items[0]["type"] in vars(types).values()
    today = timezone.localdate()
    assert csl_bibliography(items) == [
        f"العرب | بوقادوم في طرابلس | 21/4/2021 | {permalink(cited)} | {today.day}/{today.month}/{today.year}"
        " | أرشيف الأخبار الدبلوماسية | التاريخ الهجري: 9 رمضان 1442 هـ"
    ]


@pytest.mark.parametrize(
    ("date", "csl_parts", "ris_date", "bibtex_date"),
    [
        (PartialDate(2016, 4), [[2016, 4]], "2016/04//", "2016-04"),
        (PartialDate(2016), [[2016]], "2016///", "2016"),
    ],
)
def test_a_partial_date_is_cited_as_precise_as_known_and_without_a_hijri_date(
    client, cited, date, csl_parts, ris_date, bibtex_date
):
    cited.published = date
    cited.save()
    (item,) = json.loads(text_of(download(client, cited, "json")))
    assert item["issued"] == {"date-parts": csl_parts} and "note" not in item
    (reference,) = rispy.loads(text_of(download(client, cited, "ris")))
    assert reference["date"] == ris_date and "notes" not in reference
    entry = bibtex_entry(text_of(download(client, cited, "bib")))
    assert entry["date"] == bibtex_date and "note" not in entry.fields_dict


def test_an_undated_article_without_a_source_is_an_online_reference_with_no_date(client, visit_article):
    (item,) = json.loads(text_of(download(client, visit_article, "json")))
    assert "issued" not in item and "container-title" not in item
    (reference,) = rispy.loads(text_of(download(client, visit_article, "ris")))
    assert not {"year", "date", "secondary_title"} & reference.keys()
    entry = bibtex_entry(text_of(download(client, visit_article, "bib")))
    assert entry.entry_type == "online"
    assert not {"date", "journaltitle", "entrysubtype"} & entry.fields_dict.keys()


def test_special_characters_of_a_title_survive_every_format(client, db):
    article = save_linked(Article(title=HOSTILE_TITLE, body="نص البيان."))
    on_one_line = " ".join(HOSTILE_TITLE.split())
    assert bibtex_entry(text_of(download(client, article, "bib")))["title"] == on_one_line
    (reference,) = rispy.loads(text_of(download(client, article, "ris")))
    assert reference["title"] == on_one_line
    (item,) = json.loads(text_of(download(client, article, "json")))
    assert item["title"] == on_one_line


def test_bibtex_writes_latex_specials_as_text_commands(client, db):
    article = save_linked(Article(title="أ^ب~ج", body="نص."))
    text = text_of(download(client, article, "bib"))
    assert r"title = {أ\textasciicircum{}ب\textasciitilde{}ج}," in text


@pytest.mark.parametrize("extension", ["csv", "xml", "BIB", "bib.exe", "json/", ""])
def test_a_format_the_article_page_does_not_offer_is_not_found(client, cited, extension):
    response = client.get(f"{cited.get_absolute_url()}cite.{extension}")
    assert response.status_code == 404


def test_search_engines_are_kept_off_the_citation_files(client, db):
    """They are the article page again, in other formats (RFC 9309 reads ``*`` in a path)."""
    assert "Disallow: /articles/*/cite." in client.get("/robots.txt").content.decode().splitlines()


def test_the_citation_of_an_unknown_article_is_not_found(client, db):
    assert client.get("/articles/لا-مقال/cite.bib").status_code == 404
