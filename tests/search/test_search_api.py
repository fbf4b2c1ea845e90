"""The JSON API, end to end over the five seed articles: the page's answers, for programs.

The table of queries is the one the search page is held to (test_search_page.py);
facet counts are checked against the database's mentions, dates and sources. As
there, the seeds are committed and indexed once for the module.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.db.models import Count
from django.urls import reverse

from arabic.numbers import arabic_digits
from archive.models import Article, Entity, Mention, Source
from tests.search.test_search_page import (  # noqa: F401  the module's seeded archive
    ALL,
    CATALOGUE,
    HIGHLIGHTS,
    NEWEST_FIRST,
    QUERIES,
    catalogue,
    catalogued_seeds,
    check_listing,
    collapsed,
    committed_seeds,
    index_folder,
    marked,
    query_readings,
    readings,
    search_index_path,
    seed_archive,
    seed_articles,
    seeds,
)

API = reverse("search:api-search")
ARABIC = re.compile("[\u0621-\u064a]")
ENTITY_FACETS = ("person", "organization", "country", "agreement")


def search(client, params) -> dict:
    response = client.get(API, params)
    assert response.status_code == 200, response.content.decode()
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def listed(payload: dict, seeds: dict[str, Article]) -> list[str]:
    """The seed names of the results, in order; anything else by its URL."""
    names = {article.get_absolute_url(): name for name, article in seeds.items()}
    return [names.get(urlsplit(result["url"]).path, result["url"]) for result in payload["results"]]


def refused(response) -> list[str]:
    """The errors of a refused request, which must be a 400 with messages in Arabic."""
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors and all(ARABIC.search(message) for message in errors), errors
    return errors


# What a query finds -----------------------------------------------------------


@pytest.mark.parametrize(("params", "found", "not_found"), QUERIES)
def test_api_returns_the_articles_a_query_must_find_and_none_it_must_not(
    client, seeds, params, found, not_found
):
    """The same expectations as the page; the total counts exactly the results listed."""
    payload = search(client, params)
    check_listing(listed(payload, seeds), found, not_found)
    assert payload["total"] == len(payload["results"])


def test_api_with_only_a_date_range_returns_the_articles_in_it(client, seeds):
    assert listed(search(client, {"date_from": "2021"}), seeds) == ["security"]


# The shape of an answer ----------------------------------------------------------


def test_api_answer_has_the_documented_shape(client, seeds):
    payload = search(client, {"q": "بوقادوم"})
    assert set(payload) == {"query", "total", "page", "pages", "suggestion", "results", "facets"}
    assert (payload["query"], payload["total"], payload["page"], payload["pages"]) == ("بوقادوم", 2, 1, 1)
    assert payload["suggestion"] is None
    assert sorted(listed(payload, seeds)) == ["delegation", "security"]
    for result in payload["results"]:
        assert set(result) == {"id", "title", "url", "date", "source", "snippet", "score"}
        assert isinstance(result["id"], int) and isinstance(result["score"], float)
        assert result["url"].startswith("http://testserver/articles/")
        assert "<mark>" in result["snippet"]
    security = next(result for result in payload["results"] if result["id"] == seeds["security"].pk)
    assert security["title"] == "الاستقرار الأمني يتصدر مباحثات بوقادوم في ليبيا"
    assert (security["date"], security["source"]) == ("2021-04-21", None)
    assert set(payload["facets"]) == {*ENTITY_FACETS, "source", "year"}
    for values in payload["facets"].values():
        for value in values:
            assert set(value) == {"value", "label", "count"} and value["count"] > 0


def test_api_result_ids_and_urls_name_the_same_article(client, seeds):
    for result in search(client, {"q": "ليبيا"})["results"]:
        article = Article.objects.get(pk=result["id"])
        assert urlsplit(result["url"]).path == article.get_absolute_url()
        assert result["title"] == article.display_title


# Facets -------------------------------------------------------------------------


def mentioned_counts(article_ids: list[int], kind: str) -> dict[str, int]:
    """For each entity of ``kind`` the articles mention, how many of them do: from the database."""
    rows = (
        Mention.objects.filter(article_id__in=article_ids, entity__kind=kind)
        .values("entity__slug")
        .annotate(articles=Count("article", distinct=True))
    )
    return {row["entity__slug"]: row["articles"] for row in rows}


def facet_counts(payload: dict, parameter: str) -> dict[str, int]:
    return {value["value"]: value["count"] for value in payload["facets"][parameter]}


@pytest.mark.parametrize("query", ["ليبيا", "الحدود", "عبد المجيد", "اتفاقيه", "المنقوش OR الدرامشي"])
def test_api_facet_counts_are_the_results_mentioning_each_entity_by_the_database(client, seeds, query):
    """Every entity mentioned in the results is a facet value, counting the results that mention it."""
    payload = search(client, {"q": query})
    ids = [result["id"] for result in payload["results"]]
    assert payload["total"] == len(ids)
    for parameter in ENTITY_FACETS:
        assert facet_counts(payload, parameter) == mentioned_counts(ids, parameter), parameter
        for value in payload["facets"][parameter]:
            assert value["label"] == Entity.objects.get(slug=value["value"]).name


def test_api_year_and_source_counts_are_the_results_dated_and_sourced_so(client, catalogued_seeds):
    payload = search(client, {"q": "الحدود"})
    results = Article.objects.filter(pk__in=[result["id"] for result in payload["results"]])
    years = results.values("published_on__year").annotate(n=Count("pk"))
    assert facet_counts(payload, "year") == {str(row["published_on__year"]): row["n"] for row in years}
    sources = results.exclude(source=None).values("source__slug").annotate(n=Count("pk"))
    assert facet_counts(payload, "source") == {row["source__slug"]: row["n"] for row in sources}
    for value in payload["facets"]["year"]:
        assert value["label"] == arabic_digits(value["value"])
    for value in payload["facets"]["source"]:
        assert value["label"] == Source.objects.get(slug=value["value"]).name


def test_api_filtering_by_a_facet_value_finds_as_many_articles_as_it_counted(client, seeds):
    payload = search(client, {"q": "ليبيا"})
    for parameter in ENTITY_FACETS:
        for value in payload["facets"][parameter]:
            narrowed = search(client, {"q": "ليبيا", parameter: value["value"]})
            assert narrowed["total"] == value["count"], (parameter, value["value"])


# Highlighting -------------------------------------------------------------------


@pytest.mark.parametrize(("query", "surfaces"), HIGHLIGHTS)
def test_api_snippets_mark_the_words_a_query_matched_as_the_article_writes_them(
    client, seeds, query, surfaces
):
    """Each marked string is copied from the article's body and is a reading of a query word."""
    wanted = query_readings(query)
    every_mark = set()
    for result in search(client, {"q": query})["results"]:
        body = collapsed(Article.objects.get(pk=result["id"]).body)
        marks = marked(result["snippet"])
        assert marks, f"nothing marked in article {result['id']}"
        for mark in marks:
            assert mark in body, mark
            assert readings(mark) & wanted, f"{mark!r} is no reading of {query!r}"
        every_mark.update(marks)
    assert surfaces <= every_mark


@pytest.mark.parametrize(
    ("query", "excluded"), [("بوقادوم OR NOT بلجود", "بلجود"), ("الحدود -تونس", "تونس")], ids=["not", "minus"]
)
def test_api_never_marks_an_excluded_word(client, seeds, query, excluded):
    payload = search(client, {"q": query})
    marks = [mark for result in payload["results"] for mark in marked(result["snippet"])]
    assert marks
    assert not [mark for mark in marks if excluded in readings(mark)]


def test_api_marks_a_compound_name_whole(client, seeds):
    payload = search(client, {"q": "عبد المجيد"})
    marks = [mark for result in payload["results"] for mark in marked(result["snippet"])]
    assert {"عبدالمجيد", "عبد المجيد"} <= set(marks)
    assert "عبد" not in marks


# Suggestions ---------------------------------------------------------------------


def test_api_suggests_the_archive_spelling_and_the_suggestion_finds_articles(client, seeds):
    payload = search(client, {"q": "الجزاير"})
    assert (payload["total"], payload["suggestion"]) == (0, "الجزائر")
    assert set(listed(search(client, {"q": payload["suggestion"]}), seeds)) == ALL


def test_api_suggests_nothing_when_the_query_finds_enough(client, seeds):
    assert search(client, {"q": "الجزائر"})["suggestion"] is None


# Pages ---------------------------------------------------------------------------


def test_api_page_past_the_end_is_the_last_page(client, seeds, settings):
    settings.ARCHIVE_SEARCH_PAGE_SIZE = 2
    payload = search(client, {"q": "ليبيا", "page": "99"})
    assert (payload["total"], payload["page"], payload["pages"], len(payload["results"])) == (5, 3, 3, 1)


def test_api_pages_together_return_every_result_once(client, seeds, settings):
    settings.ARCHIVE_SEARCH_PAGE_SIZE = 2
    names = [
        name for page in (1, 2, 3) for name in listed(search(client, {"q": "ليبيا", "page": page}), seeds)
    ]
    assert sorted(names) == sorted(ALL)


@pytest.mark.parametrize("page", ["0", "-3", "abc", ""])
def test_api_nonsense_page_number_is_the_first_page(client, seeds, settings, page):
    settings.ARCHIVE_SEARCH_PAGE_SIZE = 2
    assert search(client, {"q": "ليبيا", "page": page})["page"] == 1


# Order and dates -------------------------------------------------------------------


@pytest.mark.parametrize(("sort", "order"), [("newest", NEWEST_FIRST), ("oldest", NEWEST_FIRST[::-1])])
def test_api_sorts_by_date_and_gives_each_date_as_precise_as_known(client, catalogued_seeds, sort, order):
    payload = search(client, {"q": "ليبيا", "sort": sort})
    assert listed(payload, catalogued_seeds) == order
    for name, result in zip(order, payload["results"], strict=True):
        date, source = CATALOGUE[name]
        assert (result["date"], result["source"]) == (date.isoformat(), source)


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_api_date_order_returns_dated_articles_before_undated_ones(client, seeds, sort):
    """Only "security" has a date; either order returns it before the undated seeds."""
    assert listed(search(client, {"q": "ليبيا", "sort": sort}), seeds)[0] == "security"


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"date_from": "2021"}, {"koni", "security", "delegation"}),
        ({"date_from": "2021-04-20", "date_to": "2021-04-30"}, {"security"}),
        ({"date_to": "2016"}, {"resolve", "siala"}),
        ({"date_from": "2016-06", "date_to": "2016-12-31"}, {"resolve"}),
        ({"date_from": "٢٠١٦", "date_to": "٢٠١٦/٠٤"}, {"siala"}),
        ({"date_from": "2022"}, set()),
    ],
    ids=["from-year", "day-range", "to-year", "month-to-day", "arabic-digits", "after-all"],
)
def test_api_returns_exactly_the_articles_of_a_date_range(client, catalogued_seeds, params, found):
    payload = search(client, {"q": "ليبيا", **params})
    assert set(listed(payload, catalogued_seeds)) == found
    assert payload["total"] == len(found)


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "random"},
        {"date_from": "2021-13"},
        {"date_to": "أمس"},
        {"date_from": "2021", "date_to": "2020"},
    ],
    ids=["sort", "month", "words", "reversed-range"],
)
def test_api_refuses_parameters_it_cannot_read_with_an_arabic_message(client, seeds, params):
    refused(client.get(API, {"q": "ليبيا", **params}))


# One article ----------------------------------------------------------------------


def test_article_api_returns_the_article_and_every_entity_it_mentions(client, seeds):
    article = seeds["delegation"]
    response = client.get(reverse("search:api-article", args=[article.pk]))
    assert response.status_code == 200
    payload = response.json()
    assert (payload["id"], payload["title"], payload["body"]) == (
        article.pk,
        article.display_title,
        article.body,
    )
    assert urlsplit(payload["url"]).path == article.get_absolute_url()
    assert (payload["date"], payload["source"]) == (None, None)
    mentions = Mention.objects.filter(article=article)
    assert {entity["id"] for entity in payload["entities"]} == set(mentions.values_list("entity", flat=True))
    for entity in payload["entities"]:
        stored = Entity.objects.get(pk=entity["id"])
        assert (entity["name"], entity["kind"]) == (stored.name, stored.kind)
        assert urlsplit(entity["url"]).path == stored.get_absolute_url()
        assert len(entity["mentions"]) == mentions.filter(entity=stored).count()
        for mention in entity["mentions"]:
            assert ARABIC.search(article.body[mention["start"] : mention["end"]]), mention


@pytest.mark.parametrize("pk", ["offset", str(2**70)], ids=["past-the-last", "past-any-integer"])
def test_article_api_answers_an_unknown_id_with_a_404_in_arabic(client, seeds, pk):
    if pk == "offset":
        pk = str(Article.objects.order_by("-pk").first().pk + 1000)
    response = client.get(reverse("search:api-article", args=[pk]))
    assert response.status_code == 404
    (message,) = response.json()["errors"]
    assert ARABIC.search(message) and pk in message
