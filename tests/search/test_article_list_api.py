"""``/api/articles``: every article from the database, page by page, narrowed as ``/api/search`` narrows."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from archive.models import Source

pytestmark = pytest.mark.django_db

API = reverse("search:api-articles")


@pytest.fixture
def articles_api(client):
    def get(params: dict | None = None) -> dict:
        response = client.get(API, params or {})
        assert response.status_code == 200, response.content.decode()
        assert response["Content-Type"].startswith("application/json")
        return response.json()

    return get


def names(payload: dict, seeds: dict) -> list[str]:
    by_path = {article.get_absolute_url(): name for name, article in seeds.items()}
    return [by_path[urlsplit(result["url"]).path] for result in payload["results"]]


def test_lists_every_article_newest_first_with_what_a_list_shows(articles_api, catalogued_seeds):
    payload = articles_api()
    newest_first = sorted(catalogued_seeds, key=lambda n: catalogued_seeds[n].published_on, reverse=True)
    assert (payload["total"], payload["page"], payload["pages"]) == (5, 1, 1)
    assert names(payload, catalogued_seeds) == newest_first
    security = next(r for r in payload["results"] if r["date"] == "2021-04-21")
    assert security["source"] == "العرب" and security["lede"] and security["title"]
    assert set(security) == {"id", "title", "url", "date", "source", "original_url", "lede"}


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"date_from": "2021"}, {"koni", "security", "delegation"}),
        ({"date_from": "2021-04-20", "date_to": "2021-04-30"}, {"security"}),
        ({"date_from": "2016-06", "date_to": "2016-12-31"}, {"resolve"}),
        ({"year": "2016"}, {"resolve", "siala"}),
        ({"year": ["2016", "2021"]}, set()),
        ({"person": "صبري-بوقادوم"}, None),
        ({"source": "صحيفة الشروق"}, {"koni", "resolve"}),
        ({"q": "كلمةلاتوجد", "year": "2016"}, {"resolve", "siala"}),
    ],
    ids=["from-year", "day-range", "month-to-day", "year", "two-years", "person", "source", "words-ignored"],
)
def test_narrows_as_the_search_api_does(articles_api, client, catalogued_seeds, params, found):
    if "source" in params:
        params = {"source": Source.objects.get(name=params["source"]).slug}
    listed = set(names(articles_api(params), catalogued_seeds))
    if found is None:  # the same articles as the search without words
        searched = client.get(reverse("search:api-search"), params).json()["results"]
        found = {name for name, a in catalogued_seeds.items() if a.pk in {r["id"] for r in searched}}
        assert found
    assert listed == found


def test_oldest_first_lists_undated_articles_last_as_the_search_does(articles_api, seeds):
    assert names(articles_api({"sort": "oldest"}), seeds)[0] == "security"
    assert names(articles_api({"sort": "newest"}), seeds)[0] == "security"


def test_pages_list_every_article_once(articles_api, seeds, settings, no_such_page, client):
    settings.ARCHIVE_SEARCH_PAGE_SIZE = 2
    pages = [articles_api({"page": str(number)}) for number in (1, 2, 3)]
    assert [p["pages"] for p in pages] == [3, 3, 3]
    assert sorted(n for p in pages for n in names(p, seeds)) == sorted(seeds)
    assert "3" in no_such_page(client.get(API, {"page": "4"}))


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1e3", "9" * 5000, "<script>", "\x00"])
def test_a_page_that_names_no_page_is_a_json_404_in_arabic(client, seeds, no_such_page, page):
    no_such_page(client.get(API, {"page": page}))


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2021-13"},
        {"date_from": "2022", "date_to": "2021"},
        {"date_to": "0999"},
        {"person": "<script>alert(1)</script>"},
        {"sort": "random"},
        {"year": "' OR 1=1"},
    ],
)
def test_refused_parameters_are_a_json_400_in_arabic(client, seeds, refused, params):
    refused(client.get(API, params))


@pytest.mark.parametrize("params", [{"year": "99999999999999999999"}, {"year": "0"}, {"person": "nobody"}])
def test_values_that_name_nothing_list_nothing(articles_api, seeds, params):
    assert articles_api(params)["total"] == 0


def test_an_unknown_address_under_the_api_names_the_article_list(client, db):
    response = client.get("/api/nowhere")
    assert response.status_code == 404 and "/api/articles" in response.json()["errors"][0]
