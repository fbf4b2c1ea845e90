"""The search page, end to end over the five seed articles: what it shows around the results.

What each query finds, on the page and in the API alike, is held by
test_search_expectations.py and the marks by test_search_highlighting.py; here
are the page's own parts: suggestions, help, entities, pages, facets, chips,
sort links and the order of its results. The tests only read, so the seeds are
committed and indexed once for the module (``seeds``); a test that dates them
(``catalogued_seeds``) does so in its own transaction and its own index folder.
"""

from __future__ import annotations

import html
import math
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from archive.models import Article, Entity, Source

NOTHING_FOUND = "لم نجد مقالات تطابق بحثك."


def link(page: str, text: str) -> str:
    """The target of the link whose text, or aria-label, is ``text``."""
    match = re.search(rf'<a [^>]*href="([^"]*)"[^>]*>{re.escape(text)}</a>', page) or re.search(
        rf'<a href="([^"]*)" aria-label="{re.escape(text)}"', page
    )
    assert match, f"no link {text!r}"
    return html.unescape(match.group(1))


def facets(page: str) -> str:
    """The side column of facet links."""
    return page[page.index('<aside class="side facets"') :]


def params_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


# Suggestions, help, entities --------------------------------------------------


def test_page_suggests_the_archive_spelling_of_a_misspelt_word_and_the_suggestion_finds_articles(
    search_page, listed_on_page, seeds
):
    """ "الجزاير" (yaa for the hamza seat) finds nothing; "هل تقصد: الجزائر" links to a search that does."""
    page = search_page({"q": "الجزاير"})
    assert NOTHING_FOUND in page
    assert "هل تقصد" in page
    target = link(page, "الجزائر")
    assert params_of(target) == {"q": ["الجزائر"]}
    assert set(listed_on_page(search_page(params_of(target)))) == set(seeds)


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}], ids=["no-parameters", "empty", "spaces"])
def test_page_without_a_query_shows_how_to_search(search_page, seeds, params):
    page = search_page(params)
    assert 'id="search-help"' in page
    assert "كيف تبحث" in page
    assert '<ol class="results"' not in page


@pytest.mark.parametrize("page", ["2", "99", "0", "abc", "\x00"])
@pytest.mark.parametrize("query", ["", "   "], ids=["empty", "spaces"])
def test_the_help_without_a_query_is_one_page_and_past_it_an_arabic_404(
    client, seeds, no_such_page, query, page
):
    no_such_page(client.get(reverse("search:search"), {"q": query, "page": page}))
    no_such_page(client.get(reverse("search:search"), {"page": page}))
    assert client.get(reverse("search:search"), {"q": query, "page": "1"}).status_code == 200


@pytest.mark.parametrize("query", ["كلمةلاتوجد", "Ouagadougou", "ليبيا -ليبيا"])
def test_a_search_that_finds_nothing_shows_how_to_search_and_where_to_browse(search_page, seeds, query):
    page = search_page({"q": query})
    assert NOTHING_FOUND in page
    assert 'id="search-help"' in page and "كيف تبحث" in page
    assert link(page, "كل المقالات، الأحدث أولًا") == reverse("archive:article-list")
    for kind in ("person", "organization", "country", "place", "agreement"):
        assert f'href="{reverse(f"archive:{kind}-list")}"' in page.split('class="browse"', 1)[1]


@pytest.mark.parametrize(
    ("query", "hinted"),
    [
        ("Ouagadougou", True),
        ("ouagadougou summit OR niamey", True),
        ("كلمةلاتوجد", False),
        ("كلمةلاتوجد OR Ouagadougou", False),
    ],
)
def test_a_query_in_latin_letters_alone_that_finds_nothing_is_told_to_type_arabic(
    search_page, seeds, query, hinted
):
    assert ("اكتب الكلمات بالحروف العربية" in search_page({"q": query})) == hinted


def test_a_search_that_finds_something_shows_neither_help_nor_browsing(search_page, seeds):
    page = search_page({"q": "ليبيا"})
    assert 'id="search-help"' not in page and 'class="browse"' not in page


@pytest.mark.parametrize(
    ("query", "entity"),
    [("تبون", "عبد المجيد تبون"), ("عبد المجيد", "عبد المجيد تبون"), ("المنقوش", "نجلاء المنقوش")],
    ids=["alias", "split-name", "surname"],
)
def test_page_shows_the_entities_a_query_names_above_the_results(search_page, seeds, query, entity):
    page = search_page({"q": query})
    assert "كيانات تطابق" in page
    matches = page[
        page.index('class="entity-matches"') : page.index("</section>", page.index("كيانات تطابق"))
    ]
    assert f'href="{Entity.objects.get(name=entity).get_absolute_url()}"' in matches
    assert page.index('class="entity-matches"') < page.index('<ol class="results"')


def test_page_shows_no_entity_block_when_the_query_names_no_entity(search_page, listed_on_page, seeds):
    page = search_page({"q": "المرتزقة"})
    assert listed_on_page(page) == ["koni"]
    assert "كيانات تطابق" not in page


def names_in_arabic(page: str) -> str:
    """The block of names a Latin query may mean; empty when there is none."""
    start = page.find('class="names-in-arabic"')
    return page[start : page.index("</section>", start)] if start >= 0 else ""


def test_a_latin_name_that_finds_nothing_links_to_the_arabic_names_it_resembles(
    search_page, listed_on_page, seeds
):
    """ "Tebbune" is near "Tebboune", an alias of تبون: the page links to the search for his name in Arabic."""
    page = search_page({"q": "Tebbune", "date_from": "2010"})
    assert NOTHING_FOUND in page
    names = names_in_arabic(page)
    assert "Tebboune" in names
    target = link(names, "عبد المجيد تبون")
    assert params_of(target) == {"q": ["عبد المجيد تبون"], "date_from": ["2010"]}
    assert listed_on_page(search_page(params_of(target)))


@pytest.mark.parametrize(
    "query",
    ["Tebboune", "Ouagadougou", "كلمةلاتوجد", "تبون Tebbune"],
    ids=["found", "like-no-name", "arabic", "mixed-scripts"],
)
def test_no_names_are_offered_to_a_query_that_finds_articles_or_is_not_latin_alone(search_page, seeds, query):
    assert names_in_arabic(search_page({"q": query})) == ""


@pytest.mark.parametrize(
    "query",
    ["<script>alert('Tebbune')</script>", '"Tebbune', "Tebbune " * 60, "T" + "e" * 490 + "bune"],
    ids=["markup", "unbalanced-quote", "many-words", "one-long-word"],
)
def test_hostile_latin_queries_get_the_page_with_names_as_text(search_page, seeds, query):
    page = search_page({"q": query})
    assert "<script>alert" not in page
    assert NOTHING_FOUND in page
    names = names_in_arabic(page)
    assert ("عبد المجيد تبون" in names) == ("Tebbune" in query)


# The form -----------------------------------------------------------------------


def search_form(page: str) -> str:
    return page[
        page.index('<form class="search-page-form"') : page.index("</form>", page.index("search-page-form"))
    ]


def test_the_page_has_one_search_form_holding_the_words_the_dates_and_the_order_labelled_in_arabic(
    search_page, seeds
):
    page = search_page({"q": "ليبيا", "date_from": "2016", "sort": "oldest", "person": "صبري-بوقادوم"})
    assert page.count('role="search"') == 1
    form = search_form(page)
    for control, name in [
        ("search-q", "q"),
        ("search-from", "date_from"),
        ("search-to", "date_to"),
        ("search-sort", "sort"),
    ]:
        assert re.search(rf'id="{control}"[^>]* name="{name}"', form), control
        assert re.search(rf'<label for="{control}"[^>]*>[\u0600-\u06ff]', form), control
    assert '<option value="oldest" selected>' in form
    assert '<input type="hidden" name="person" value="صبري-بوقادوم">' in form
    # Dates or an order asked for are shown, not folded away.
    assert '<details class="advanced" open>' in form


def test_the_default_order_is_sent_as_no_value_and_the_options_are_folded(search_page, seeds):
    form = search_form(search_page({"q": "ليبيا"}))
    assert '<option value="" selected>' in form
    assert '<details class="advanced">' in form


# Pages, facets, chips: every state is a URL --------------------------------------


def test_page_number_past_the_end_is_an_arabic_404_naming_the_pages(client, seeds, settings, no_such_page):
    """Every seed says ليبيا: with two results a page, there are three pages, and no page 99."""
    settings.ARCHIVE_SEARCH_PAGE_SIZE = 2
    last = math.ceil(Article.objects.count() / 2)
    message = no_such_page(client.get(reverse("search:search"), {"q": "ليبيا", "page": "99"}))
    assert f"من 1 إلى {last}" in message


def test_pages_together_list_every_result_once_and_link_to_each_other(
    search_page, listed_on_page, seeds, settings
):
    """Following "next" from the first page of ليبيا lists every seed once; each later page links back."""
    settings.ARCHIVE_SEARCH_PAGE_SIZE = 2
    pages = [search_page({"q": "ليبيا"})]
    while 'rel="next"' in pages[-1]:
        assert len(pages) <= len(seeds), "more pages than articles"
        pages.append(search_page(params_of(link(pages[-1], "التالية ←"))))
    names = [name for page in pages for name in listed_on_page(page)]
    assert sorted(names) == sorted(seeds)
    assert len(pages) == math.ceil(len(seeds) / 2)
    for number, page in enumerate(pages[1:], start=1):
        back = {"q": ["ليبيا"], "page": [str(number)]}
        assert params_of(link(page, "→ السابقة")) == back


def test_facet_link_adds_its_filter_to_the_url_and_its_chip_removes_it(search_page, listed_on_page, seeds):
    page = search_page({"q": "ليبيا"})
    narrowed_url = link(facets(page), "عبد المجيد تبون")
    assert params_of(narrowed_url) == {"q": ["ليبيا"], "person": ["عبد-المجيد-تبون"]}
    narrowed = search_page(params_of(narrowed_url))
    assert set(listed_on_page(narrowed)) == {"koni", "security", "delegation"}
    chip = link(narrowed, "إزالة عبد المجيد تبون")
    assert params_of(chip) == {"q": ["ليبيا"]}
    assert set(listed_on_page(search_page(params_of(chip)))) == set(seeds)


def test_date_chip_removes_only_its_date(search_page, listed_on_page, seeds):
    page = search_page({"q": "ليبيا", "date_from": "2021", "person": "صبري-بوقادوم"})
    assert listed_on_page(page) == ["security"]
    chip = link(page, "إزالة من 2021")
    assert params_of(chip) == {"q": ["ليبيا"], "person": ["صبري-بوقادوم"]}
    assert set(listed_on_page(search_page(params_of(chip)))) == {"security", "delegation"}


def test_page_facet_counts_are_the_articles_of_the_results_mentioning_each_entity(
    search_page, listed_on_page, seeds
):
    """For "الحدود", each entity's count is the number of listed articles that mention it, by the database."""
    page = search_page({"q": "الحدود"})
    results = [seeds[name] for name in listed_on_page(page)]
    for slug in ("عبد-المجيد-تبون", "صبري-بوقادوم", "عبد-القادر-مساهل", "الجزائر", "تشاد"):
        entity = Entity.objects.get(slug=slug)
        count = sum(1 for article in results if article.mentions.filter(entity=entity).exists())
        assert count, f"no result mentions {entity.name}: choose another entity"
        assert re.search(
            rf">{re.escape(entity.name)}</a> <span class=\"count\">{count}</span>",
            facets(page),
        ), entity.name


def test_sort_links_keep_the_query_and_name_the_order(search_page, seeds):
    page = search_page({"q": "ليبيا", "person": "صبري-بوقادوم"})
    assert params_of(link(page, "الأحدث")) == {"q": ["ليبيا"], "person": ["صبري-بوقادوم"], "sort": ["newest"]}
    assert params_of(link(page, "الأقدم")) == {"q": ["ليبيا"], "person": ["صبري-بوقادوم"], "sort": ["oldest"]}


# Order and dates ----------------------------------------------------------------


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_page_sorts_by_date(search_page, listed_on_page, catalogued_seeds, sort):
    """The order of the dates the database holds, newest or oldest first."""
    newest_first = sorted(
        catalogued_seeds, key=lambda name: catalogued_seeds[name].published_on, reverse=True
    )
    order = newest_first if sort == "newest" else newest_first[::-1]
    assert listed_on_page(search_page({"q": "ليبيا", "sort": sort})) == order


def test_results_give_the_hijri_date_of_a_day_when_asked_and_the_links_keep_asking(
    search_page, catalogued_seeds
):
    """2021-04-21 was 9 Ramadan 1442 (Umm al-Qura); a month has no Hijri date; unasked, none is shown."""
    asked = search_page({"q": "ليبيا", "hijri": "1"})
    assert "9 رمضان 1442" in asked and "15 شوال 1442" in asked
    assert asked.count('class="hijri"') == 3  # the three articles dated to the day, not the months
    assert 'id="search-hijri" type="checkbox" name="hijri" value="1" checked' in asked
    assert params_of(link(asked, "الأقدم"))["hijri"] == ["1"]
    assert 'class="hijri"' not in search_page({"q": "ليبيا"})
    for hostile in ("<script>", "\x00", "9" * 5000):
        assert "<script>" not in search_page({"q": "ليبيا", "hijri": hostile}).split("</header>", 1)[1]


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_date_order_lists_dated_articles_before_undated_ones(search_page, listed_on_page, seeds, sort):
    """Only "security" has a date. An undated article is neither the newest nor the oldest:
    either order lists it after the dated ones, as the article list does (nulls last)."""
    assert [name for name, article in seeds.items() if article.published_on] == ["security"]
    assert listed_on_page(search_page({"q": "ليبيا", "sort": sort}))[0] == "security"


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"date_from": "2021"}, {"koni", "security", "delegation"}),
        ({"date_from": "2021-04-20", "date_to": "2021-04-30"}, {"security"}),
        ({"date_to": "2016"}, {"resolve", "siala"}),
        ({"date_from": "2016-06", "date_to": "2016-12-31"}, {"resolve"}),
        ({"year": "2016"}, {"resolve", "siala"}),
        ({"source": "صحيفة الشروق"}, {"koni", "resolve"}),
    ],
    ids=["from-year", "day-range", "to-year", "month-to-day", "year-facet", "source-facet"],
)
def test_page_lists_exactly_the_articles_of_a_date_range_or_source(
    search_page, listed_on_page, catalogued_seeds, params, found
):
    if "source" in params:
        params = {"source": Source.objects.get(name=params["source"]).slug}
    assert set(listed_on_page(search_page({"q": "ليبيا", **params}))) == found
