"""The JSON API, end to end over the five seed articles: the page's answers, for programs.

What each query finds is held by test_search_expectations.py, through the page
and the API alike, and the snippets' marks by test_search_highlighting.py. Here:
the shape of an answer, facet counts checked against the database's mentions,
dates and sources, suggestions, pages, order, refusals, and the article API. As
for the page, the seeds are committed and indexed once for the module.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.db.models import Count
from django.urls import reverse

from archive.models import Article, Entity, Mention, Source
from search import conf as search_conf
from search.search_indexes import ENTITY_FACETS, FACETS

API = reverse("search:api-search")
ARABIC = re.compile("[\u0621-\u064a]")


# The shape of an answer ----------------------------------------------------------


def test_api_answer_has_the_documented_shape(search_api, listed_by_api, seeds):
    payload = search_api({"q": "بوقادوم"})
    assert set(payload) == {"query", "total", "page", "pages", "suggestion", "results", "facets"}
    assert sorted(listed_by_api(payload)) == ["delegation", "security"]
    assert (payload["query"], payload["total"], payload["page"], payload["pages"]) == (
        "بوقادوم",
        len(payload["results"]),
        1,
        1,
    )
    assert payload["suggestion"] is None
    for result in payload["results"]:
        assert set(result) == {"id", "title", "url", "date", "source", "snippet", "score"}
        assert isinstance(result["id"], int) and isinstance(result["score"], float)
        assert result["url"].startswith("http://testserver/articles/")
        assert "<mark>" in result["snippet"]
    security = seeds["security"]
    (shown,) = [result for result in payload["results"] if result["id"] == security.pk]
    assert shown["title"] == security.display_title
    assert (shown["date"], shown["source"]) == (security.published.isoformat(), None)
    assert set(payload["facets"]) == set(FACETS)
    for values in payload["facets"].values():
        for value in values:
            assert set(value) == {"value", "label", "count"} and value["count"] > 0


def test_api_result_ids_and_urls_name_the_same_article(search_api, seeds):
    results = search_api({"q": "ليبيا"})["results"]
    assert results
    for result in results:
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
def test_api_facet_counts_are_the_results_mentioning_each_entity_by_the_database(search_api, seeds, query):
    """The entities mentioned most in the results are the facet's values, counting the results that mention each."""
    payload = search_api({"q": query})
    ids = [result["id"] for result in payload["results"]]
    assert payload["total"] == len(ids)
    for parameter in ENTITY_FACETS:
        shown, counted = facet_counts(payload, parameter), mentioned_counts(ids, parameter)
        assert len(shown) == min(len(counted), search_conf.get("FACET_VALUES")), parameter
        assert shown == {slug: counted[slug] for slug in shown}, parameter
        left_out = [n for slug, n in counted.items() if slug not in shown]
        assert all(n <= min(shown.values()) for n in left_out), "none left out is mentioned more"
        for value in payload["facets"][parameter]:
            assert value["label"] == Entity.objects.get(slug=value["value"]).name


def test_api_year_and_source_counts_are_the_results_dated_and_sourced_so(search_api, catalogued_seeds):
    payload = search_api({"q": "الحدود"})
    results = Article.objects.filter(pk__in=[result["id"] for result in payload["results"]])
    years = results.values("published_on__year").annotate(n=Count("pk"))
    assert facet_counts(payload, "year") == {str(row["published_on__year"]): row["n"] for row in years}
    sources = results.exclude(source=None).values("source__slug").annotate(n=Count("pk"))
    assert facet_counts(payload, "source") == {row["source__slug"]: row["n"] for row in sources}
    for value in payload["facets"]["year"]:
        assert value["label"] == value["value"]
    for value in payload["facets"]["source"]:
        assert value["label"] == Source.objects.get(slug=value["value"]).name


def test_api_filtering_by_a_facet_value_finds_as_many_articles_as_it_counted(search_api, seeds):
    payload = search_api({"q": "ليبيا"})
    assert any(payload["facets"][parameter] for parameter in ENTITY_FACETS)
    for parameter in ENTITY_FACETS:
        for value in payload["facets"][parameter]:
            narrowed = search_api({"q": "ليبيا", parameter: value["value"]})
            assert narrowed["total"] == value["count"], (parameter, value["value"])


# Suggestions ---------------------------------------------------------------------


def test_api_suggests_the_archive_spelling_and_the_suggestion_finds_articles(
    search_api, listed_by_api, seeds
):
    payload = search_api({"q": "الجزاير"})
    assert (payload["total"], payload["suggestion"]) == (0, "الجزائر")
    assert set(listed_by_api(search_api({"q": payload["suggestion"]}))) == set(seeds)


def test_api_suggests_nothing_when_the_query_finds_enough(search_api, seeds):
    assert search_api({"q": "الجزائر"})["suggestion"] is None


# Pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["99", "4", "0", "-3", "abc", "1.5"])
def test_api_page_that_names_no_page_is_a_json_404_in_arabic(client, seeds, settings, no_such_page, page):
    """Every seed says ليبيا: five results, two a page, make three pages and no other."""
    settings.ARCHIVE_SEARCH_PAGE_SIZE = 2
    message = no_such_page(client.get(reverse("search:api-search"), {"q": "ليبيا", "page": page}))
    assert "3" in message


def test_api_pages_together_return_every_result_once(search_api, listed_by_api, seeds, settings):
    settings.ARCHIVE_SEARCH_PAGE_SIZE = 2
    pages = search_api({"q": "ليبيا"})["pages"]
    names = [
        name
        for page in range(1, pages + 1)
        for name in listed_by_api(search_api({"q": "ليبيا", "page": page}))
    ]
    assert sorted(names) == sorted(seeds)


@pytest.mark.parametrize("page", ["", "1", "١"])
def test_api_first_page_is_no_number_or_one(search_api, seeds, settings, page):
    settings.ARCHIVE_SEARCH_PAGE_SIZE = 2
    assert search_api({"q": "ليبيا", "page": page})["page"] == 1


# Order and dates -------------------------------------------------------------------


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_api_sorts_by_date_and_gives_each_date_as_precise_as_known(
    search_api, listed_by_api, catalogued_seeds, sort
):
    """The order of the dates the database holds; each result's date as precise as stored, and its source."""
    newest_first = sorted(
        catalogued_seeds, key=lambda name: catalogued_seeds[name].published_on, reverse=True
    )
    order = newest_first if sort == "newest" else newest_first[::-1]
    payload = search_api({"q": "ليبيا", "sort": sort})
    assert listed_by_api(payload) == order
    for name, result in zip(order, payload["results"], strict=True):
        article = catalogued_seeds[name]
        source = article.source.name if article.source else None
        assert (result["date"], result["source"]) == (article.published.isoformat(), source)


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_api_date_order_returns_dated_articles_before_undated_ones(search_api, listed_by_api, seeds, sort):
    """Only "security" has a date; either order returns it before the undated seeds."""
    assert [name for name, article in seeds.items() if article.published_on] == ["security"]
    assert listed_by_api(search_api({"q": "ليبيا", "sort": sort}))[0] == "security"


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
def test_api_returns_exactly_the_articles_of_a_date_range(
    search_api, listed_by_api, catalogued_seeds, params, found
):
    payload = search_api({"q": "ليبيا", **params})
    assert set(listed_by_api(payload)) == found
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
def test_api_refuses_parameters_it_cannot_read_with_an_arabic_message(client, refused, seeds, params):
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
    assert mentions.exists()
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


@pytest.mark.parametrize(("sort", "scored"), [("relevance", True), ("newest", False), ("oldest", False)])
def test_a_score_is_given_only_for_results_in_order_of_relevance(search_api, seeds, sort, scored):
    """Sorted by date, the score would be the sort key, which explains nothing."""
    results = search_api({"q": "ليبيا", "sort": sort})["results"]
    assert results
    assert all(isinstance(result["score"], float) == scored for result in results)
    assert all((result["score"] is None) != scored for result in results)
