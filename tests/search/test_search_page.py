"""The search page, end to end over the five seed articles: what a query finds and what it shows.

Each row of ``QUERIES`` is a query typed the way people type, with the seed
articles it must list and those it must not. The expectations come from reading
the seed texts (fixtures/seeds/*.txt) and the mentions of fixtures/articles.json,
not from running the search. test_search_api.py runs the same table through the
JSON API.

The tests only read, so the seeds are loaded, committed and indexed once for the
module (``committed_seeds``); a test that dates them (``catalogued_seeds``) does so
in its own transaction and its own index folder.
"""

from __future__ import annotations

import html
import re
from contextlib import contextmanager
from itertools import pairwise
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse
from haystack import connections

from arabic.normalization import normalize
from arabic.numbers import arabic_digits
from arabic.stemming import stems
from archive.dates import PartialDate
from archive.models import Article, Entity, Source

SEARCH = reverse("search:search")

# The seed articles, by the slug fixtures/articles.json gives each.
SEED_SLUGS = {
    # 000: Moussa al-Koni meets President Tebboune in Algiers; the quadripartite security agreement.
    "koni": "عقد-نائب-المجلس-الرئاسي-الليبي-موسى-الكوني-اليوم",
    # 001: the one titled and dated seed (2021-04-21): Boukadoum's security talks in Tripoli.
    "security": "الاستقرار-الأمني-يتصدر-مباحثات-بوقادوم-في-ليبيا",
    # 002: Boukadoum's delegation in Tripoli: al-Menfi, al-Dbeibah, Najla al-Mangoush.
    "delegation": "وصل-وزير-الخارجية-الجزائري-صبري-بوقادوم-برفقة-وزير",
    # 003: titled: Algeria "resolved" to help Libya; al-Dramchi, the draft drugs agreement.
    "resolve": "الجزائر-عازمة-على-مواصلة-جهودها-لمساعدة-ليبيا-في",
    # 004: Mohamed Siala asks for Algerian support; Abdelkader Messahel in Tunis.
    "siala": "طالب-المفوض-من-قبل-المجلس-الرئاسي-الليبي-محمد",
}
ALL = frozenset(SEED_SLUGS)


def row(params: dict, found: str, *, id: str):
    """A query, the seeds it must list (space separated), and the rest, which it must not."""
    must = frozenset(found.split())
    assert must <= ALL, id
    return pytest.param(params, must, ALL - must, id=id)


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
    # Quoted phrases: the exact words, in order, after normalisation.
    row({"q": '"الاتفاقية الأمنية الرباعية"'}, "koni", id="phrase"),
    row({"q": '"الاتفاقيه"'}, "koni", id="quoted-word-is-exact"),
    row({"q": "الاتفاقيه"}, "koni delegation resolve", id="unquoted-word-is-stemmed"),
    row({"q": '"وزير الداخلية"'}, "security delegation resolve", id="phrase-of-two-words"),
    row({"q": '"الرئيس الجزائري"'}, "koni security delegation", id="phrase-with-adjective"),
    row({"q": '"تبون عبدالمجيد"'}, "", id="phrase-in-the-wrong-order"),
    row({"q": '"العشريه السوداء"'}, "resolve", id="phrase-normalised"),
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


def seed_articles() -> dict[str, Article]:
    """The seed articles in the database, by name."""
    return {name: Article.objects.get(slug=slug) for name, slug in SEED_SLUGS.items()}


# Dates and sources given to the seeds for the tests of order and of ranges;
# only "security" states its date in the source text.
CATALOGUE = {
    "koni": (PartialDate(2021, 5, 27), "صحيفة الشروق"),
    "security": (PartialDate(2021, 4, 21), "العرب"),
    "delegation": (PartialDate(2021, 4, 19), "العرب"),
    "resolve": (PartialDate(2016, 12), "صحيفة الشروق"),
    "siala": (PartialDate(2016, 4), None),
}
NEWEST_FIRST = ["koni", "security", "delegation", "resolve", "siala"]


def catalogue(seeds: dict[str, Article]) -> dict[str, Article]:
    """Date the seeds and give most a source as ``CATALOGUE`` says, then index them again."""
    names = {source for _, source in CATALOGUE.values() if source}
    sources = {name: Source.objects.create(name=name) for name in names}
    for name, (date, source) in CATALOGUE.items():
        Article.objects.filter(pk=seeds[name].pk).update(
            published_on=date.first_day, date_precision=date.precision, source=sources.get(source)
        )
    call_command("rebuild_index", interactive=False, verbosity=0)
    return seed_articles()


@contextmanager
def index_folder(path: str):
    """haystack's default connection writes and reads the index in ``path`` for the block."""
    info = connections.connections_info["default"]
    previous = info["PATH"]
    info["PATH"] = path
    connections.reload("default")
    try:
        yield path
    finally:
        info["PATH"] = previous
        connections.reload("default")


@contextmanager
def committed_seeds(path: str, django_db_blocker):
    """The seed archive committed to the database and indexed in ``path``; the database emptied after.

    For a module of tests that only read: one load instead of one per test.
    """
    with index_folder(path):
        with django_db_blocker.unblock():
            call_command("loaddata", "entities", "articles", verbosity=0)
            call_command("rebuild_index", interactive=False, verbosity=0)
        try:
            yield
        finally:
            with django_db_blocker.unblock():
                call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="module")
def search_index_path(tmp_path_factory) -> str:
    """One index folder for the module (conftest's gives each test its own)."""
    return str(tmp_path_factory.mktemp("whoosh_index"))


@pytest.fixture(scope="module", autouse=True)
def seed_archive(search_index_path, django_db_setup, django_db_blocker):
    with committed_seeds(search_index_path, django_db_blocker):
        yield


@pytest.fixture
def seeds(db) -> dict[str, Article]:
    return seed_articles()


@pytest.fixture
def catalogued_seeds(seeds, tmp_path):
    """The seeds as ``CATALOGUE`` dates them, in this test's transaction and index folder."""
    with index_folder(str(tmp_path / "whoosh_index")):
        yield catalogue(seeds)


# Reading the page -------------------------------------------------------------

_RESULT = re.compile(r'<li class="result card">(.*?)</li>', re.S)
_RESULT_URL = re.compile(r'<h3 class="card-title"><a href="([^"]+)">')
MARK = re.compile(r"<mark>(.*?)</mark>", re.S)


def get_page(client, params) -> str:
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response.content.decode()


def result_blocks(page: str) -> list[str]:
    """Each result of the page, as HTML, in order."""
    return _RESULT.findall(page)


def listed(page: str, seeds: dict[str, Article]) -> list[str]:
    """The seed names of the results, in order; anything else by its URL."""
    names = {article.get_absolute_url(): name for name, article in seeds.items()}
    urls = [html.unescape(_RESULT_URL.search(block).group(1)) for block in result_blocks(page)]
    return [names.get(url, url) for url in urls]


def marked(fragment: str) -> list[str]:
    """The strings marked in a piece of HTML, as the reader sees them."""
    return [html.unescape(text) for text in MARK.findall(fragment)]


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


def readings(text: str) -> set[str]:
    """Every form a text's words can be read as: normalised, stemmed, and the words joined."""
    words = normalize(text).split()
    forms = {"".join(words)}
    for word in words:
        forms |= {word, *stems(word)}
    return forms


def query_readings(query: str) -> set[str]:
    """``readings`` of a query's words, and of each two consecutive words joined (a compound name)."""
    words = [word for word in re.findall(r"[^\W_]+", query) if word not in ("OR", "AND", "NOT")]
    forms = set().union(*(readings(word) for word in words)) if words else set()
    return forms | {normalize(first + second) for first, second in pairwise(words)}


def collapsed(text: str) -> str:
    """Text with runs of white space as one space, as snippets show it."""
    return " ".join(text.split())


# What a query finds -----------------------------------------------------------


def check_listing(names: list[str], found: set[str], not_found: set[str]) -> None:
    """Every seed a row names is listed, none it excludes is, and nothing that is not an article."""
    assert found <= set(names), f"missing {found - set(names)}"
    assert not not_found & set(names), f"should not list {not_found & set(names)}"
    assert set(names) <= ALL, "only articles are listed"


@pytest.mark.parametrize(("params", "found", "not_found"), QUERIES)
def test_page_lists_the_articles_a_query_must_find_and_none_it_must_not(
    client, seeds, params, found, not_found
):
    """Every seed the row names is listed, none it excludes is, and nothing that is not an article."""
    page = get_page(client, params)
    check_listing(listed(page, seeds), found, not_found)
    if not found:
        assert "لم نجد مقالات تطابق بحثك." in page


def test_table_covers_at_least_thirty_queries_with_something_to_find_and_to_miss():
    assert len(QUERIES) >= 30
    assert sum(1 for case in QUERIES if case.values[1] and case.values[2]) >= 30


# Highlighting -----------------------------------------------------------------

HIGHLIGHTS = [
    # query, surface forms that must be marked somewhere among the results
    pytest.param("اتفاقيه", {"الاتفاقية", "اتفاقية", "اتفاقيات"}, id="taa-marbuta-as-haa"),
    pytest.param("عبد المجيد", {"عبدالمجيد", "عبد المجيد"}, id="split-name"),
    pytest.param("عبدالمجيد", {"عبدالمجيد", "عبد المجيد"}, id="joined-name"),
    pytest.param("الارهاب", {"الإرهاب", "الارهاب"}, id="bare-alef"),
    pytest.param("لبوقادوم", {"بوقادوم"}, id="proclitic"),
    pytest.param("نور الدين", {"نورالدين", "نور الدين"}, id="honorific-name"),
]


@pytest.mark.parametrize(("query", "surfaces"), HIGHLIGHTS)
def test_page_marks_the_words_a_query_matched_as_the_article_writes_them(client, seeds, query, surfaces):
    """Each marked string is copied from its article and is a reading of a query word; the
    spellings the query stands for are all marked somewhere."""
    page = get_page(client, {"q": query})
    wanted = query_readings(query)
    articles = {article.get_absolute_url(): article for article in seeds.values()}
    every_mark = set()
    for block in result_blocks(page):
        article = articles[html.unescape(_RESULT_URL.search(block).group(1))]
        marks = marked(block)
        assert marks, f"nothing marked in {article.slug}"
        for mark in marks:
            assert mark in collapsed(article.body) or mark in article.display_title, mark
            assert readings(mark) & wanted, f"{mark!r} is no reading of {query!r}"
        every_mark.update(marks)
    assert surfaces <= every_mark


def test_page_marks_a_compound_name_whole_and_not_another_name_sharing_its_first_word(client, seeds):
    """ "عبد المجيد" marks "عبد المجيد" / "عبدالمجيد", never the "عبد" of "عبد الحميد"."""
    page = get_page(client, {"q": "عبد المجيد"})
    marks = [mark for block in result_blocks(page) for mark in marked(block)]
    assert "عبد" not in marks
    assert all(normalize(mark).replace(" ", "") == "عبدالمجيد" for mark in marks), marks


def test_page_never_marks_an_excluded_word(client, seeds):
    """ "بوقادوم OR NOT بلجود" lists "delegation" for بوقادوم; its title holds both names, and
    only بوقادوم is marked."""
    page = get_page(client, {"q": "بوقادوم OR NOT بلجود"})
    blocks = dict(zip(listed(page, seeds), result_blocks(page), strict=True))
    title = re.search(r'<h3 class="card-title">(.*?)</h3>', blocks["delegation"], re.S).group(1)
    assert "بلجود" in title
    assert "<mark>بوقادوم</mark>" in title
    for block in blocks.values():
        assert not [mark for mark in marked(block) if "بلجود" in mark]


def test_page_never_marks_a_word_excluded_with_a_minus(client, seeds):
    page = get_page(client, {"q": "الحدود -تونس"})
    marks = [mark for block in result_blocks(page) for mark in marked(block)]
    assert marks
    assert not [mark for mark in marks if "تونس" in readings(mark)]


# Suggestions, help, entities --------------------------------------------------


def test_page_suggests_the_archive_spelling_of_a_misspelt_word_and_the_suggestion_finds_articles(
    client, seeds
):
    """ "الجزاير" (yaa for the hamza seat) finds nothing; "هل تقصد: الجزائر" links to a search that does."""
    page = get_page(client, {"q": "الجزاير"})
    assert "لم نجد مقالات تطابق بحثك." in page
    assert "هل تقصد" in page
    target = link(page, "الجزائر")
    assert params_of(target) == {"q": ["الجزائر"]}
    suggested = get_page(client, params_of(target))
    assert set(listed(suggested, seeds)) == ALL


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}], ids=["no-parameters", "empty", "spaces"])
def test_page_without_a_query_shows_how_to_search(client, seeds, params):
    page = get_page(client, params)
    assert 'id="search-help"' in page
    assert "كيف تبحث" in page
    assert '<ol class="results"' not in page


def test_page_with_only_a_date_range_lists_the_articles_in_it(client, seeds):
    """A date range alone is a search, as the API treats it: removing the last facet chip
    of "?person=…&date_from=2021" must not fall back to the help and drop the dates."""
    page = get_page(client, {"date_from": "2021"})
    assert listed(page, seeds) == ["security"]


@pytest.mark.parametrize(
    ("query", "entity"),
    [("تبون", "عبد المجيد تبون"), ("عبد المجيد", "عبد المجيد تبون"), ("المنقوش", "نجلاء المنقوش")],
    ids=["alias", "split-name", "surname"],
)
def test_page_shows_the_entities_a_query_names_above_the_results(client, seeds, query, entity):
    page = get_page(client, {"q": query})
    assert "كيانات تطابق" in page
    matches = page[
        page.index('class="entity-matches"') : page.index("</section>", page.index("كيانات تطابق"))
    ]
    assert f'href="{Entity.objects.get(name=entity).get_absolute_url()}"' in matches
    assert page.index('class="entity-matches"') < page.index('<ol class="results"')


def test_page_shows_no_entity_block_when_the_query_names_no_entity(client, seeds):
    page = get_page(client, {"q": "المرتزقة"})
    assert listed(page, seeds) == ["koni"]
    assert "كيانات تطابق" not in page


# Pages, facets, chips: every state is a URL --------------------------------------


def test_page_number_past_the_end_shows_the_last_page(client, seeds, settings):
    settings.ARCHIVE_SEARCH_PAGE_SIZE = 2
    page = get_page(client, {"q": "ليبيا", "page": "99"})
    assert "الصفحة ٣ من ٣" in page
    assert len(listed(page, seeds)) == 1


def test_pages_together_list_every_result_once_and_link_to_each_other(client, seeds, settings):
    settings.ARCHIVE_SEARCH_PAGE_SIZE = 2
    first = get_page(client, {"q": "ليبيا"})
    second = get_page(client, params_of(link(first, "التالية ←")))
    third = get_page(client, params_of(link(second, "التالية ←")))
    names = listed(first, seeds) + listed(second, seeds) + listed(third, seeds)
    assert sorted(names) == sorted(ALL)
    assert params_of(link(second, "→ السابقة")) == {"q": ["ليبيا"], "page": ["1"]}
    assert 'rel="next"' not in third


def test_facet_link_adds_its_filter_to_the_url_and_its_chip_removes_it(client, seeds):
    page = get_page(client, {"q": "ليبيا"})
    narrowed_url = link(facets(page), "عبد المجيد تبون")
    assert params_of(narrowed_url) == {"q": ["ليبيا"], "person": ["عبد-المجيد-تبون"]}
    narrowed = get_page(client, params_of(narrowed_url))
    assert set(listed(narrowed, seeds)) == {"koni", "security", "delegation"}
    chip = link(narrowed, "إزالة عبد المجيد تبون")
    assert params_of(chip) == {"q": ["ليبيا"]}
    assert set(listed(get_page(client, params_of(chip)), seeds)) == ALL


def test_date_chip_removes_only_its_date(client, seeds):
    page = get_page(client, {"q": "ليبيا", "date_from": "2021", "person": "صبري-بوقادوم"})
    assert listed(page, seeds) == ["security"]
    chip = link(page, f"إزالة من {arabic_digits(2021)}")
    assert params_of(chip) == {"q": ["ليبيا"], "person": ["صبري-بوقادوم"]}
    assert set(listed(get_page(client, params_of(chip)), seeds)) == {"security", "delegation"}


def test_page_facet_counts_are_the_articles_of_the_results_mentioning_each_entity(client, seeds):
    """For "الحدود" (koni, security, delegation, siala): Tebboune ٣, Boukadoum ٢, Messahel ١."""
    page = get_page(client, {"q": "الحدود"})
    results = [seeds[name] for name in listed(page, seeds)]
    for slug in ("عبد-المجيد-تبون", "صبري-بوقادوم", "عبد-القادر-مساهل", "الجزائر", "تشاد"):
        entity = Entity.objects.get(slug=slug)
        count = sum(1 for article in results if article.mentions.filter(entity=entity).exists())
        assert re.search(
            rf">{re.escape(entity.name)}</a> <span class=\"count\">{arabic_digits(count)}</span>",
            facets(page),
        ), entity.name


def test_sort_links_keep_the_query_and_name_the_order(client, seeds):
    page = get_page(client, {"q": "ليبيا", "person": "صبري-بوقادوم"})
    assert params_of(link(page, "الأحدث")) == {"q": ["ليبيا"], "person": ["صبري-بوقادوم"], "sort": ["newest"]}
    assert params_of(link(page, "الأقدم")) == {"q": ["ليبيا"], "person": ["صبري-بوقادوم"], "sort": ["oldest"]}


# Order and dates ----------------------------------------------------------------


@pytest.mark.parametrize(("sort", "order"), [("newest", NEWEST_FIRST), ("oldest", NEWEST_FIRST[::-1])])
def test_page_sorts_by_date(client, catalogued_seeds, sort, order):
    assert listed(get_page(client, {"q": "ليبيا", "sort": sort}), catalogued_seeds) == order


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_date_order_lists_dated_articles_before_undated_ones(client, seeds, sort):
    """Only "security" has a date. An undated article is neither the newest nor the oldest:
    either order lists it after the dated ones, as the article list does (nulls last)."""
    assert listed(get_page(client, {"q": "ليبيا", "sort": sort}), seeds)[0] == "security"


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
def test_page_lists_exactly_the_articles_of_a_date_range_or_source(client, catalogued_seeds, params, found):
    if "source" in params:
        params = {"source": Source.objects.get(name=params["source"]).slug}
    page = get_page(client, {"q": "ليبيا", **params})
    assert set(listed(page, catalogued_seeds)) == found
