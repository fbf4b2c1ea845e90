"""Facet counts over hundreds of results, where values held by many documents are counted by
bitmaps (``search.facets``), are the database's: for the whole archive and for a common word."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db.models import Count

from archive.models import Article, Mention
from archive.synthetic.storing import write_synthetic_articles
from search import conf as search_conf
from search import facets
from search.search_indexes import ENTITY_FACETS

pytestmark = pytest.mark.django_db


# Counted by bitmap from 64 documents up, so that a few hundred articles are counted both ways.
BITMAP_FROM = 64


@pytest.fixture
def large_archive(search_index_path, monkeypatch) -> None:
    monkeypatch.setattr(facets, "BITMAP_FROM", BITMAP_FROM)
    call_command("loaddata", "entities", "articles", verbosity=0)
    write_synthetic_articles(400, 0, "news")
    call_command("rebuild_index", interactive=False, verbosity=0)


def every_result(search_api, params: dict) -> list[int]:
    ids, page = [], 1
    while True:
        payload = search_api({**params, "page": page})
        ids += [result["id"] for result in payload["results"]]
        if page >= payload["pages"]:
            return ids
        page += 1


@pytest.mark.parametrize("params", [{}, {"q": "ليبيا"}], ids=["archive", "common word"])
def test_counts_of_hundreds_of_results_are_the_database_s(search_api, large_archive, params):
    payload = search_api(params)
    ids = every_result(search_api, params)
    assert payload["total"] == len(ids) >= BITMAP_FROM
    shown_values = search_conf.get("FACET_VALUES")
    for kind in ENTITY_FACETS:
        rows = (
            Mention.objects.filter(article_id__in=ids, entity__kind=kind)
            .values("entity__slug")
            .annotate(articles=Count("article", distinct=True))
        )
        counted = {row["entity__slug"]: row["articles"] for row in rows}
        shown = {value["value"]: value["count"] for value in payload["facets"][kind]}
        assert len(shown) == min(len(counted), shown_values), kind
        assert shown == {slug: counted[slug] for slug in shown}, kind
    # The bitmaps were used: a country is held by more documents than the threshold.
    assert max(value["count"] for value in payload["facets"]["country"]) >= BITMAP_FROM
    years = Article.objects.filter(pk__in=ids).values("published_on__year").annotate(n=Count("pk"))
    counted = {str(row["published_on__year"]): row["n"] for row in years if row["published_on__year"]}
    shown = {value["value"]: value["count"] for value in payload["facets"]["year"]}
    assert shown and shown == {year: counted[year] for year in shown}
