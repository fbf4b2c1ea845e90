"""A search's results exported as CSV and CSL-JSON: the page's parameters, the page's order, a cap.

The files are read back with ``csv`` and citeproc-py; what a search finds is
held by the search's own tests, so here the export is compared with the API's
answer to the same parameters.
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import hypothesis
import pytest
from citeproc import types
from citeproc.source.json import CiteProcJSON
from django.urls import reverse
from hypothesis import strategies as st

from archive.linking import save_linked
from archive.models import Article
from search.indexing import drain
from search.search_indexes import FACETS

pytestmark = pytest.mark.django_db

HEADERS = ["العنوان", "المصدر", "التاريخ", "التاريخ الهجري", "الرابط الدائم", "الرابط الأصلي"]
_ARABIC = re.compile("[\u0621-\u064a]")


def export_url(extension: str) -> str:
    return reverse("search:export", kwargs={"extension": extension})


@pytest.fixture
def exported(client):
    """The export's file for some parameters, which must download as UTF-8 with a 200."""

    def get(extension: str, params: dict) -> str:
        response = client.get(export_url(extension), params)
        assert response.status_code == 200, response.content.decode()
        assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
        assert response["Content-Disposition"].endswith(f".{extension}")
        return response.content.decode("utf-8")

    return get


def csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "the byte order mark that tells a spreadsheet the file is UTF-8"
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    assert reader.fieldnames == HEADERS
    return list(reader)


def csl_items(text: str) -> list[dict]:
    """The items of a CSL-JSON export, which citeproc-py reads without one variable it does not know."""
    items = json.loads(text)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        CiteProcJSON(items)
    assert all(item["type"] in vars(types).values() for item in items)
    return items


def api_urls(search_api, params: dict) -> list[str]:
    """The permalinks of the API's results for ``params``, every page of them, in order."""
    payload = search_api({**params, "page": 1})
    urls = [result["url"] for result in payload["results"]]
    for page in range(2, payload["pages"] + 1):
        urls += [result["url"] for result in search_api({**params, "page": page})["results"]]
    return urls


# What is exported -------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"q": "ليبيا"},
        {"q": "بوقادوم", "sort": "oldest"},
        {"q": "الجزائر", "country": "ليبيا"},
        {"date_from": "2021-04", "date_to": "2021-05", "sort": "newest"},
        {},
    ],
    ids=["words", "sorted", "faceted", "date-range", "nothing-asked-is-everything"],
)
def test_the_csv_holds_every_result_of_the_search_in_the_order_the_api_gives(
    exported, search_api, catalogued_seeds, params
):
    rows = csv_rows(exported("csv", params))
    assert rows, "the search finds articles"
    assert [row["الرابط الدائم"] for row in rows] == api_urls(search_api, params)


def test_the_csv_has_the_title_source_dates_in_both_calendars_and_links(exported, catalogued_seeds):
    security = catalogued_seeds["security"]
    (row,) = [
        row
        for row in csv_rows(exported("csv", {"q": "بوقادوم"}))
        if row["الرابط الدائم"].endswith(security.get_absolute_url())
    ]
    assert row == {
        "العنوان": security.title,
        "المصدر": "العرب",
        "التاريخ": "2021-04-21",
        "التاريخ الهجري": "9 رمضان 1442 هـ",
        "الرابط الدائم": "http://testserver" + security.get_absolute_url(),
        "الرابط الأصلي": security.url,
    }


def test_the_csl_json_cites_the_same_articles_as_the_csv(exported, catalogued_seeds):
    params = {"q": "ليبيا", "sort": "newest"}
    items = csl_items(exported("json", params))
    assert [item["URL"] for item in items] == [
        row["الرابط الدائم"] for row in csv_rows(exported("csv", params))
    ]
    assert {item["id"] for item in items} <= {
        f"archive-{article.pk}" for article in catalogued_seeds.values()
    }
    security = next(item for item in items if item["title"] == catalogued_seeds["security"].title)
    assert security["issued"] == {"date-parts": [[2021, 4, 21]]}
    assert security["container-title"] == "العرب"


def test_a_page_number_is_ignored_the_export_starts_at_the_first_result(exported, seeds):
    first = exported("csv", {"q": "ليبيا"})
    assert exported("csv", {"q": "ليبيا", "page": "2"}) == first
    assert exported("csv", {"q": "ليبيا", "page": "-1"}) == first


def test_a_search_that_finds_nothing_exports_the_headers_alone(exported, seeds):
    assert csv_rows(exported("csv", {"q": "كوكب"})) == []
    assert csl_items(exported("json", {"q": "كوكب"})) == []


# The cap ----------------------------------------------------------------------------


def test_the_export_holds_at_most_the_cap_the_first_results_in_order(exported, search_api, seeds, settings):
    settings.ARCHIVE_SEARCH_EXPORT_LIMIT = 2
    everything = api_urls(search_api, {"q": "ليبيا"})
    assert len(everything) > 2
    assert [row["الرابط الدائم"] for row in csv_rows(exported("csv", {"q": "ليبيا"}))] == everything[:2]
    assert len(csl_items(exported("json", {"q": "ليبيا"}))) == 2


# The links on the search page ------------------------------------------------------------


def test_the_results_page_links_both_exports_with_its_parameters_and_states_the_cap(
    search_page, seeds, settings
):
    settings.ARCHIVE_SEARCH_EXPORT_LIMIT = 2
    settings.ARCHIVE_SEARCH_PAGE_SIZE = 1  # so that there is a page 2, which the exports leave out
    params = {"q": "ليبيا", "country": "ليبيا", "sort": "newest", "page": "2"}
    page = search_page(params)
    links = {
        label: url
        for url, label in re.findall(r'<a href="([^"]+)" rel="nofollow" download>([^<]+)</a>', page)
    }
    assert set(links) == {"CSV", "CSL-JSON"}
    for label, extension in (("CSV", "csv"), ("CSL-JSON", "json")):
        url = urlsplit(links[label].replace("&amp;", "&"))
        assert url.path == export_url(extension)
        assert parse_qs(url.query) == {"q": ["ليبيا"], "country": ["ليبيا"], "sort": ["newest"]}
    assert "(حدّ التصدير: مقالان، فتُصدَّر أولى النتائج بترتيبها)" in page


def test_the_results_page_states_the_cap_alone_when_every_result_fits(search_page, seeds):
    page = search_page({"q": "ليبيا"})
    assert "(حدّ التصدير: 1,000 مقال)" in page


# Hostile parameters -----------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"q": "ليبيا " * 200},
        {"q": "***"},
        {"q": "x" * 10_000},
        {"q": "ليبيا\x00تونس"},
        {"date_from": "غدا"},
        {"date_from": "2021-13"},
        {"date_to": "0999"},
        {"date_from": "2022", "date_to": "2021"},
        {"person": "<script>alert(1)</script>"},
        {"country": "ليبيا' OR '1'='1"},
        {"sort": "random"},
        {"sort": ["newest", "x" * 500]},
    ],
    ids=[
        "query-too-long",
        "no-words",
        "10000-latin",
        "nul",
        "no-date",
        "month-13",
        "before-the-archive",
        "range-reversed",
        "markup-as-a-filter",
        "sql-as-a-filter",
        "unknown-order",
        "repeated-order",
    ],
)
@pytest.mark.parametrize("extension", ["csv", "json"])
def test_refused_parameters_get_the_search_page_with_its_arabic_errors_status_400(
    client, seeds, params, extension
):
    response = client.get(export_url(extension), params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page = response.content.decode()
    errors = re.search(r'<div class="errors" role="alert">(.*?)</div>', page, re.S)
    assert errors and _ARABIC.search(errors.group(1)), "the error is said in Arabic"
    assert "<script>alert" not in page


@pytest.mark.parametrize(
    "query",
    [
        '"ليبيا',
        "(" * 200 + "ليبيا",
        "ليبيا\x07تونس",
        "\u202eليبيا",
        "<img src=x> ليبيا",
        "title:ليبيا",
        "ليبيا~2",
    ],
)
def test_a_query_the_search_reads_as_text_exports_without_error(client, seeds, query):
    for extension in ("csv", "json"):
        assert client.get(export_url(extension), {"q": query}).status_code == 200


@hypothesis.settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture],
)
@hypothesis.given(
    parameter=st.sampled_from(["q", "page", "sort", "date_from", "date_to", *FACETS]),
    value=st.one_of(st.text(), st.from_regex(r"\A[-\w]{1,20}\Z"), st.from_regex(r"\A\d{4}(-\d{1,2}){0,2}\Z")),
    extension=st.sampled_from(["csv", "json"]),
)
def test_any_value_of_any_parameter_exports_or_is_refused_never_a_server_error(
    client, seeds, parameter, value, extension
):
    response = client.get(export_url(extension), {"q": "ليبيا", parameter: value})
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        text = response.content.decode()
        if extension == "csv":
            urls = [row["الرابط الدائم"] for row in csv_rows(text)]
        else:
            urls = [item["URL"] for item in csl_items(text)]
        assert all("/articles/" in url for url in urls), "only articles are exported"


@pytest.mark.parametrize("extension", ["xml", "bib", "CSV", "csv.exe", ""])
def test_a_format_the_export_does_not_offer_is_not_found(client, db, extension):
    assert client.get(f"/search/export.{extension}", {"q": "ليبيا"}).status_code == 404


def test_a_title_a_spreadsheet_would_run_as_a_formula_is_exported_as_text(exported, db):
    save_linked(Article(title='=HYPERLINK("http://example.org","كوكب")', body="خبر عن كوكب."))
    save_linked(Article(title="-1+1 كوكب", body="خبر آخر عن كوكب."))
    drain()
    titles = sorted(row["العنوان"] for row in csv_rows(exported("csv", {"q": "كوكب"})))
    assert titles == ["'-1+1 كوكب", '\'=HYPERLINK("http://example.org","كوكب")']


def test_while_the_index_cannot_be_read_the_export_says_so_in_arabic_with_a_503(
    client, db, search_index_path
):
    save_linked(Article(title="قمة", body="انعقدت القمة في الجزائر."))
    drain()
    (Path(search_index_path) / "_MAIN_999.toc").write_bytes(b"not a table of contents")
    response = client.get(export_url("csv"), {"q": "القمة"})
    assert response.status_code == 503 and "يُعاد بناؤه" in response.content.decode()
