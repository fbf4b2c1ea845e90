"""What a query finds among the five seed articles, asked through the search page and the JSON API alike.

Each row of ``QUERIES`` is a query typed the way people type, with the seed
articles it must list; every other seed it must not list. The expectations come
from reading the seed texts (fixtures/seeds/*.txt) and the mentions of
fixtures/articles.json, not from running the search. Each row runs through both
interfaces: the test ids read ``page-<row>`` and ``api-<row>``.
"""

from __future__ import annotations

import pytest


def row(params: dict, found: str, *, id: str):
    """A query and the seeds it must list (space separated); it must list none of the others."""
    return pytest.param(params, frozenset(found.split()), id=id)


QUERIES = [
    # Hamza and alef: "resolve" writes only "الارهاب", bare; the others "الإرهاب" too.
    row({"q": "الإرهاب"}, "koni security delegation resolve siala", id="hamza-typed-finds-bare-alef"),
    row({"q": "أمله"}, "resolve siala", id="hamza-typed-finds-both-spellings"),
    # Hamza on yaa ("الشئون") meets hamza on waw ("الشؤون"); "شأنها" is another word.
    row({"q": "الشئون"}, "resolve siala", id="hamza-on-yaa-meets-hamza-on-waw"),
    # Alef maqsura typed as yaa.
    row({"q": "موسي الكوني"}, "koni", id="alef-maqsura-as-yaa"),
    row({"q": "الكبري"}, "security resolve", id="alef-maqsura-as-yaa-with-clitic"),
    # Taa marbuta typed as haa.
    row({"q": "سياله"}, "siala", id="taa-marbuta-as-haa"),
    row({"q": "الدبيبه"}, "security delegation", id="taa-marbuta-as-haa-in-a-name"),
    # Diacritics and tatweel, in the query or in the text ("تخيّم").
    row({"q": "مُسَاهِل"}, "siala", id="diacritics-in-the-query"),
    row({"q": "تخيم"}, "security", id="shadda-in-the-text"),
    row({"q": "القـــذافي"}, "security", id="tatweel-in-the-query"),
    # Proclitics glued to the query word or to the text's word.
    row({"q": "لبوقادوم"}, "security delegation", id="lam-glued-to-a-name"),
    row({"q": "بطرابلس"}, "security delegation resolve siala", id="baa-glued-to-a-city"),
    row({"q": "والسودان"}, "koni", id="waw-and-article-not-the-black-decade"),
    row({"q": "للمنفي"}, "security delegation", id="lam-lam-glued-to-a-name"),
    row({"q": "وبالحوار"}, "koni resolve", id="three-proclitics"),
    # Suffixes: dual, pronouns, plural.
    row({"q": "اتفاقيتين"}, "koni delegation resolve", id="dual-finds-singular-and-plural"),
    row({"q": "جهودهم"}, "koni resolve", id="pronoun-suffix"),
    row({"q": "العلاقه"}, "security delegation", id="singular-finds-plural"),
    row({"q": "مدارس"}, "security", id="text-word-with-pronoun"),
    # Compound names, joined or split, in the query or in the text.
    row({"q": "عبد المجيد"}, "koni security delegation", id="split-name-finds-both-spellings"),
    row({"q": "عبدالمجيد"}, "koni security delegation", id="joined-name-finds-both-spellings"),
    row({"q": "نور الدين"}, "security delegation", id="split-honorific-name"),
    row({"q": "نورالدين"}, "security delegation", id="joined-honorific-name"),
    row({"q": "عبدالقادر"}, "siala", id="joined-name-finds-split-text"),
    row({"q": "عبد الحميد"}, "security delegation", id="split-name-not-another-abd"),
    # Quoted phrases: the unstemmed words, in order, after normalisation.
    row({"q": '"الاتفاقية الأمنية الرباعية"'}, "koni", id="phrase"),
    row({"q": '"الاتفاقيه"'}, "koni", id="quoted-word-is-exact"),
    row({"q": "الاتفاقيه"}, "koni delegation resolve", id="unquoted-word-is-stemmed"),
    row({"q": '"وزير الداخلية"'}, "security delegation resolve", id="phrase-of-two-words"),
    row({"q": '"الرئيس الجزائري"'}, "koni security delegation", id="phrase-with-adjective"),
    row({"q": '"تبون عبدالمجيد"'}, "", id="phrase-in-the-wrong-order"),
    row({"q": '"العشريه السوداء"'}, "resolve", id="phrase-normalised"),
    # A phrase finds its words with a conjunction glued to them ("والجريمة المنظمة"); = asks for them as typed.
    row({"q": '"الجريمة المنظمة"'}, "security delegation resolve", id="phrase-with-glued-conjunction"),
    row({"q": '"الأمن الخارجي"'}, "security delegation", id="phrase-only-written-glued"),
    row({"q": '="الجريمة المنظمة"'}, "resolve", id="exact-phrase-as-typed"),
    # OR and -word.
    row({"q": "سيالة OR الكوني"}, "koni siala", id="or"),
    row({"q": "المنقوش OR الدرامشي"}, "delegation resolve", id="or-of-names"),
    row({"q": "الحدود -تونس"}, "koni security delegation", id="exclusion-with-clitic"),
    row({"q": "تبون -الكوني"}, "security delegation", id="exclusion"),
    row({"q": "بوقادوم -المنقوش"}, "security", id="exclusion-of-a-name"),
    # Facet filters, alone or with words; repeated values all apply.
    row({"q": "ليبيا", "person": "عبد-المجيد-تبون"}, "koni security delegation", id="person-filter"),
    row({"q": "الحدود", "country": "تشاد"}, "koni", id="country-filter"),
    row({"organization": "تنظيم-داعش"}, "delegation siala", id="organization-filter-alone"),
    row({"agreement": "اتفاقية-اتحاد-المغرب-العربي"}, "delegation", id="agreement-filter-alone"),
    row({"person": ["صبري-بوقادوم", "نجلاء-المنقوش"]}, "delegation", id="two-people-both-mentioned"),
    row({"person": "موسى-الكوني", "organization": "تنظيم-داعش"}, "", id="filters-no-article-meets"),
    row({"q": "ليبيا", "year": "2021"}, "security", id="year-filter"),
    # Dates: only "security" has one (2021-04-21).
    row({"q": "ليبيا", "date_from": "2021"}, "security", id="from-a-year"),
    row({"q": "ليبيا", "date_from": "2021-04", "date_to": "2021-04-21"}, "security", id="month-to-day"),
    row({"q": "ليبيا", "date_to": "2021-04-20"}, "", id="range-before-every-date"),
]

INTERFACES = ["page", "api"]
NOTHING_FOUND = "لم نجد مقالات تطابق بحثك."


@pytest.fixture
def listed_through(search_page, listed_on_page, search_api, listed_by_api):
    """For each interface, the names it lists for some parameters, once it has kept its own promises.

    The page says so when it lists nothing; the API's total counts exactly the
    results it returns (the seeds are fewer than a page).
    """

    def through_page(params) -> list[str]:
        page = search_page(params)
        names = listed_on_page(page)
        if not names:
            assert NOTHING_FOUND in page
        return names

    def through_api(params) -> list[str]:
        payload = search_api(params)
        assert payload["total"] == len(payload["results"])
        return listed_by_api(payload)

    return {"page": through_page, "api": through_api}


@pytest.mark.parametrize(("params", "found"), QUERIES)
@pytest.mark.parametrize("interface", INTERFACES)
def test_search_lists_the_articles_a_query_must_find_and_none_it_must_not(
    listed_through, seeds, interface, params, found
):
    """Every seed the row names is listed, no other seed is, and nothing that is not an article."""
    assert found <= set(seeds), f"the row names no seed {found - set(seeds)}"
    names = set(listed_through[interface](params))
    assert found <= names, f"missing {found - names}"
    assert not names & (set(seeds) - found), f"should not list {names & (set(seeds) - found)}"
    assert names <= set(seeds), "only articles are listed"


@pytest.mark.parametrize("interface", INTERFACES)
def test_a_date_range_alone_is_a_search(listed_through, seeds, interface):
    """A date range with no words lists the articles in it, on the page as in the API: removing the
    last facet chip of "?person=…&date_from=2021" must not fall back to the help and drop the dates."""
    dated = {
        name for name, article in seeds.items() if article.published_on and article.published_on.year >= 2021
    }
    assert dated, "no seed is dated 2021 or later"
    assert set(listed_through[interface]({"date_from": "2021"})) == dated
