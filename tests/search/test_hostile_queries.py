"""Whatever a visitor types, or edits into the URL, the search answers, and safely.

The page answers 200 (a refused parameter is shown as an error on the page);
the API answers 200, or 400 with its errors in Arabic when the form refuses.
A page number that names no page answers 404 with an Arabic message, on both.
Never a 500 or a traceback, and what the visitor typed is escaped. How fast it
answers is measured by ``manage.py bench_search``, not here.

The requests only read, so the seeds are loaded and indexed once for the module.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import conf
from search.search_indexes import FACETS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_index")]

SEARCH = reverse("search:search")
API = reverse("search:api-search")

# Tags the search page never has: any in the HTML came from a visitor.
FOREIGN_TAGS = ("<script", "<img", "<svg", "<iframe")


@pytest.fixture
def check_page(client, no_such_page):
    """The page answers 200 without a traceback, and shows the query only escaped; or no such page."""

    def check(params: dict) -> str:
        response = client.get(SEARCH, params)
        if response.status_code == 404 and "page" in params:
            return no_such_page(response)
        assert response.status_code == 200
        page = response.content.decode()
        assert "Traceback" not in page
        assert not [tag for tag in FOREIGN_TAGS if tag in page.lower()], "a typed tag is shown unescaped"
        query = params.get("q")
        if isinstance(query, str):
            assert f'name="q" value="{escape(query)}"' in page
        return page

    return check


@pytest.fixture
def check_api(client, refused, no_such_page):
    """The API answers 200 with results, or 400 with Arabic errors, without a traceback; or no such page."""

    def check(params: dict) -> tuple[int, dict]:
        response = client.get(API, params)
        if response.status_code == 404 and "page" in params:
            no_such_page(response)
            return 404, response.json()
        assert response.status_code in (200, 400)
        assert "Traceback" not in response.content.decode()
        payload = response.json()
        if response.status_code == 400:
            refused(response)
        else:
            assert {"total", "page", "pages", "results", "facets"} <= set(payload)
        return response.status_code, payload

    return check


# Queries ----------------------------------------------------------------------

HOSTILE_QUERIES = [
    pytest.param('"ليبيا', id="open-quote"),
    pytest.param('ليبيا" تونس', id="close-quote"),
    pytest.param('"""', id="quotes-only"),
    pytest.param("((ليبيا", id="open-brackets"),
    pytest.param("ليبيا))", id="close-brackets"),
    pytest.param(")(", id="brackets-only"),
    pytest.param("(" * 2000 + "ليبيا", id="deep-brackets"),
    pytest.param("[ليبيا TO تونس]", id="range"),
    pytest.param("{ليبيا}", id="braces"),
    pytest.param("*", id="star"),
    pytest.param("ليب*", id="prefix-star"),
    pytest.param("*:*", id="match-all"),
    pytest.param("?", id="question-mark"),
    pytest.param("ل?بيا", id="wildcard"),
    pytest.param("~", id="tilde"),
    pytest.param("ليبيا~2", id="fuzzy"),
    pytest.param('"ليبيا تونس"~3', id="slop"),
    pytest.param("^", id="caret"),
    pytest.param("ليبيا^10", id="boost"),
    pytest.param("AND", id="lone-and"),
    pytest.param("OR", id="lone-or"),
    pytest.param("NOT", id="lone-not"),
    pytest.param("ليبيا AND", id="trailing-and"),
    pytest.param("OR ليبيا", id="leading-or"),
    pytest.param("NOT NOT ليبيا", id="double-not"),
    pytest.param("ليبيا ( -)", id="sign-before-a-bracket"),
    pytest.param("( -ليبيا ) تونس", id="group-of-an-excluded-word-only"),
    pytest.param('( + ) "', id="signs-and-brackets-only"),
    pytest.param("AND OR NOT ANDNOT ANDMAYBE", id="operators-only"),
    pytest.param("title:", id="field-prefix"),
    pytest.param("title:ليبيا", id="field-query"),
    pytest.param("body:ليبيا people:عبد-المجيد-تبون", id="stored-and-facet-fields"),
    pytest.param("django_ct:archive.article", id="django-ct"),
    pytest.param("django_id:1 OR id:archive.article.1", id="django-id"),
    pytest.param("text:* OR text_exact:*", id="content-fields"),
    pytest.param("x" * 10_000, id="10000-latin"),
    pytest.param(("ليبيا " * 1700)[:10_000], id="10000-arabic"),
    pytest.param(("الجزاير " * 1250)[:10_000], id="10000-misspelt"),
    pytest.param(('"' + "عبد المجيد " * 1000)[:10_000], id="10000-phrase"),
    pytest.param("".join(map(chr, range(32))), id="control-characters"),
    pytest.param("ليبيا\x00تونس", id="nul-inside-a-word"),
    pytest.param("\x00", id="nul"),
    pytest.param("\u202eليبيا", id="right-to-left-override"),
    pytest.param("ليبيا\u200fتونس\u200e", id="bidi-marks"),
    pytest.param("\u202e\u200f\u200e\u2066\ufeff", id="invisible-only"),
    pytest.param("🇱🇾 ليبيا 🙂", id="emoji-and-words"),
    pytest.param("🙂", id="emoji-only"),
    pytest.param("ليبيا' OR '1'='1", id="sql-or"),
    pytest.param("'; DROP TABLE archive_article; --", id="sql-drop"),
    pytest.param('"><script>alert(1)</script>', id="script-breaking-out"),
    pytest.param("<script>alert('ليبيا')</script>", id="script-with-a-word"),
    pytest.param("<img src=x onerror=alert(1)> الجزاير", id="html-with-a-suggestion"),
    pytest.param("=", id="lone-equals"),
    pytest.param('="', id="equals-before-an-open-quote"),
    pytest.param('=""', id="equals-before-an-empty-phrase"),
    pytest.param('=="ليبيا" ="=" -="تونس"', id="equals-doubled-quoted-and-excluded"),
    pytest.param('="في على"', id="exact-phrase-of-function-words"),
    pytest.param("-", id="lone-minus"),
    pytest.param("-ليبيا", id="only-excluded"),
    pytest.param("--ليبيا ++تونس", id="double-signs"),
    pytest.param("\\", id="backslash"),
    pytest.param("%00 %s %n", id="format-strings"),
    pytest.param("في على من", id="function-words-only"),
    pytest.param("عبد عبد عبد عبد", id="compound-heads-only"),
    pytest.param("٠١٢٣٤٥٦٧٨٩", id="arabic-digits"),
    pytest.param("ﻻ ﷲ", id="presentation-forms"),
    pytest.param("İ" * 50, id="letter-whose-lower-case-is-two"),
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_any_query_is_answered_by_the_page_and_the_api(check_page, check_api, query):
    check_page({"q": query})
    check_api({"q": query})


def test_query_longer_than_the_limit_is_refused_in_arabic(check_page, check_api):
    """``ARCHIVE_SEARCH_MAX_QUERY_LENGTH`` characters are the most a query may have."""
    query = "ليبيا " * (conf.get("MAX_QUERY_LENGTH") // 6 + 1)
    status, _ = check_api({"q": query})
    assert status == 400, f"{len(query)} characters accepted"
    assert 'role="alert"' in check_page({"q": query})


def test_script_typed_anywhere_is_shown_as_text(check_page):
    params = {
        "q": "<script>alert(1)</script> ليبيا",
        "date_from": "<script>alert(2)</script>",
        "person": "<script>alert(3)</script>",
    }
    page = check_page(params)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ليبيا" in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page


# Every other parameter ----------------------------------------------------------

PAGES = ["-1", "0", "-99999999999999999999", "99999999999999999999999999", "1e9", "abc", "٢", "1.5", "", " "]
PAGES += ["\x00", "9" * 5000, "0x10", "NaN", "inf", "<script>"]
SORTS = ["newest", "NEWEST", "relevance", "", "random", "-published", "published", "title", "django_id"]
SORTS += ["<script>", "\x00"]
DATES = ["0000", "0001", "9999", "9999-12", "9999-12-31", "10000", "2021-13", "2021-02-30", "-2021", "abc"]
DATES += ["2021-04-21T00:00", "' OR 1=1", "\x00", "🙂", "2021-1-1", "٢٠٢١-٠٤", " 2021 ", "2021--04"]
DATES += ["<script>", "1" * 5000, "أوت", "31 جوان 2021", "جوان/أوت 2021", "كانون 2021", "أوت " * 3000]
FILTER_VALUES = ["<script>alert(1)</script>", "x y", "", "-", "_", "a" * 2000, "' OR '1'='1", "*", "title:x"]
FILTER_VALUES += ["people:*", "\u202e", "١٢", "NOT", "OR", '"', "\x00", "🙂", "عبد-المجيد-تبون"]

PARAMETERS = [
    *(pytest.param({"q": "ليبيا", "page": value}, id=f"page-{i}") for i, value in enumerate(PAGES)),
    *(pytest.param({"q": "ليبيا", "sort": value}, id=f"sort-{i}") for i, value in enumerate(SORTS)),
    *(
        pytest.param({"q": "ليبيا", bound: value}, id=f"{bound}-{i}")
        for bound in ("date_from", "date_to")
        for i, value in enumerate(DATES)
    ),
    pytest.param({"q": "ليبيا", "date_from": "9999-12", "date_to": "9999-12"}, id="dates-at-the-end-of-time"),
    pytest.param({"q": "ليبيا", "date_from": "2022", "date_to": "2021"}, id="dates-reversed"),
    *(
        pytest.param({"q": "ليبيا", name: value}, id=f"{name}-{i}")
        for name in FACETS
        for i, value in enumerate(FILTER_VALUES)
    ),
    pytest.param({"q": "ليبيا", "person": ["عبد-المجيد-تبون"] * 50}, id="filter-repeated"),
    pytest.param({"q": "ليبيا", "person": [f"p{i}" for i in range(200)]}, id="many-filters"),
    pytest.param({"q": ["ليبيا", "تونس"]}, id="q-repeated"),
    pytest.param({"q": "ليبيا", "page": ["1", "2", "99"]}, id="page-repeated"),
    pytest.param({"q": "ليبيا", "sort": ["newest", "oldest"]}, id="sort-repeated"),
    pytest.param({"q": "ليبيا", "date_from": ["2021", "2022"]}, id="date-repeated"),
    pytest.param({"person": "عبد-المجيد-تبون", "page": "-1", "sort": "oldest"}, id="no-query"),
    pytest.param({"q": "ليبيا", "unknown": "<script>", "page[]": "1"}, id="unknown-parameters"),
]


@pytest.mark.parametrize("params", PARAMETERS)
def test_any_page_sort_date_or_filter_value_is_answered(check_page, check_api, params):
    check_page(params)
    check_api(params)


# Properties ---------------------------------------------------------------------

_LETTERS = "".join(map(chr, [*range(0x0621, 0x063B), *range(0x0641, 0x064B)]))
_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"
_WORDS = ["الجزائر", "ليبيا", "عبد", "المجيد", "نور", "الدين", "تبون", "الاتفاقية", "على", "في", "و", "ب"]
_SYNTAX = ['"', "(", ")", "-", "+", "*", "?", "~", "^", ":", "OR", "AND", "NOT", "title:", "\u200f", "<", "&"]
ARABIC_QUERIES = st.builds(
    lambda parts, separator: separator.join(parts),
    st.lists(
        st.one_of(
            st.text(alphabet=_LETTERS + _MARKS, min_size=1, max_size=8),
            st.sampled_from(_WORDS),
            st.sampled_from(_SYNTAX),
        ),
        max_size=12,
    ),
    st.sampled_from([" ", ""]),
)
# The client and the database transaction are set up once for all the examples
# of a test: the requests only read, so one example cannot change another.
PROPERTY = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@PROPERTY
@given(query=st.text())
def test_any_text_is_answered_by_the_page_and_the_api(check_page, check_api, query):
    check_page({"q": query})
    check_api({"q": query})


@PROPERTY
@given(query=ARABIC_QUERIES)
def test_any_mix_of_arabic_words_and_query_syntax_is_answered(check_page, check_api, query):
    check_page({"q": query})
    status, payload = check_api({"q": query})
    if status == 200:
        assert len(payload["results"]) <= payload["total"]


@PROPERTY
@given(
    parameter=st.sampled_from(["page", "sort", "date_from", "date_to", *FACETS]),
    value=st.one_of(st.text(), st.from_regex(r"\A[-\w]{1,20}\Z"), st.from_regex(r"\A\d{4}(-\d{1,2}){0,2}\Z")),
)
def test_any_value_of_any_parameter_is_answered_and_lists_no_more_than_it_counts(
    check_page, check_api, parameter, value
):
    """Whatever narrows the search, the API lists only articles, and no more than its total."""
    params = {"q": "ليبيا", parameter: value}
    check_page(params)
    status, payload = check_api(params)
    if status == 200:
        assert len(payload["results"]) <= payload["total"]
        assert all("/articles/" in result["url"] for result in payload["results"])
