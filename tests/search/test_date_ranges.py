"""An article dated to a year or a month is a period: a date range keeps it when they overlap,
and a date order puts it at the start of its period, in the search as in the article list."""

import pytest
from django.urls import reverse

from archive.dates import PartialDate
from archive.models import Article

# The seeds dated as precisely as a clipping may be: a year, a month, a day.
DATES = {
    "resolve": PartialDate(2020, 12, 31),
    "koni": PartialDate(2021),
    "security": PartialDate(2021, 4, 21),
    "delegation": PartialDate(2021, 6),
    "siala": PartialDate(2022, 1, 1),
}


@pytest.fixture
def dated_seeds(seeds, reindex) -> dict[str, Article]:
    for name, date in DATES.items():
        Article.objects.filter(pk=seeds[name].pk).update(
            published_on=date.first_day, date_precision=date.precision
        )
    reindex()
    return seeds


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"date_from": "2021-06"}, {"koni", "delegation", "siala"}),
        ({"date_to": "2021-01"}, {"resolve", "koni"}),
        ({"date_from": "2021-06-15", "date_to": "2021-06-20"}, {"koni", "delegation"}),
        ({"date_from": "2021-07", "date_to": "2021-12"}, {"koni"}),
        ({"date_from": "2021-04-21", "date_to": "2021-04-21"}, {"koni", "security"}),
        ({"date_from": "2022"}, {"siala"}),
        ({"date_to": "2020"}, {"resolve"}),
        ({"date_from": "جوان 2021", "date_to": "حزيران 2021"}, {"koni", "delegation"}),
    ],
    ids=[
        "from-a-later-month",
        "to-an-earlier-month",
        "days-inside",
        "months-inside",
        "one-day",
        "after",
        "before",
        "month-names",
    ],
)
def test_a_date_range_keeps_every_article_whose_period_overlaps_it(
    search_api, listed_by_api, dated_seeds, params, found
):
    payload = search_api(params)
    assert set(listed_by_api(payload)) == found
    assert payload["total"] == len(found)


def test_sorted_oldest_first_a_year_stands_at_the_start_of_its_year(search_api, listed_by_api, dated_seeds):
    oldest = ["resolve", "koni", "security", "delegation", "siala"]
    assert listed_by_api(search_api({"sort": "oldest"})) == oldest
    assert listed_by_api(search_api({"sort": "newest"})) == oldest[::-1]


def test_the_article_list_puts_an_imprecise_date_where_the_search_does(
    client, search_api, listed_by_api, dated_seeds
):
    listed = client.get(reverse("archive:article-list")).context["articles"]
    names = {article.pk: name for name, article in dated_seeds.items()}
    assert [names[article.pk] for article in listed] == listed_by_api(search_api({"sort": "newest"}))


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("جوان 2021", True),
        ("حزيران 2021", True),
        ("يونيو 2021", True),
        ("يونية ٢٠٢١", True),
        ("جوان 2020", False),
        ("أوت 2021", False),
    ],
)
def test_a_month_typed_in_any_region_s_name_finds_the_articles_of_that_month(
    search_api, listed_by_api, dated_seeds, typed, found
):
    assert ("delegation" in listed_by_api(search_api({"q": typed}))) is found


def test_a_month_s_name_alone_is_searched_as_the_word_typed(search_api, dated_seeds):
    """ "آب" beside no number is a father, not August: it finds no article by its date."""
    assert search_api({"q": "حزيران"})["total"] == 0


@pytest.mark.parametrize("typed", ["أوت", "31 جوان 2021", "<b>2021</b>", "2021" * 2500, "جوان/أوت 2021"])
def test_a_hostile_date_is_refused_with_an_arabic_message_quoting_it_isolated(client, dated_seeds, typed):
    response = client.get(reverse("search:search"), {"date_from": typed})
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "\u2068" in page
        and "\u2069" in page
        and ("تاريخ غير مفهوم" in page or "غير موجود في التقويم" in page)
    )
