"""What searchers count on, checked in a real browser: Arabic queries that find, narrow, sort and stay safe.

Every test builds a small archive through the ORM and drains the index queue
(the index writer's job, ``search.indexing.drain``) before the browser asks.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import Page, expect

from archive.dates import PartialDate
from archive.models import Alias, Article, Country, Person
from search.indexing import drain

from .pages import (
    DESKTOP,
    PHONE,
    TALL_PHONE,
    as_phone,
    horizontal_overflow,
    log_in,
    make_article,
    make_person,
    page_direction,
    snap,
)

pytestmark = pytest.mark.browser


# --- The archive searched ---------------------------------------------------------------


@dataclass(frozen=True)
class AgreementArchive:
    algeria: Country
    tebboune: Person
    boukadoum: Person
    signed: Article
    talks: Article
    border: Article
    meeting: Article


def make_agreement_archive() -> AgreementArchive:
    """Three dated articles about a security agreement, one about a meeting, all indexed.

    The agreement is written "الاتفاقية" and "والاتفاقية"; Tebboune is named in two
    of the three, Boukadoum in one; the meeting shares no word of the agreement's.
    """
    algeria = Country.objects.create(name="الجزائر")
    tebboune = make_person("عبد المجيد تبون", "عبدالمجيد تبون", role="الرئيس الجزائري", country=algeria)
    boukadoum = make_person("صبري بوقادوم", "بوقادوم", role="وزير الخارجية الجزائري", country=algeria)
    signed = make_article(
        "الجزائر وليبيا توقعان الاتفاقية الأمنية",
        "أعلن الرئيس عبدالمجيد تبون أن الاتفاقية الأمنية مع ليبيا دخلت حيز التنفيذ.\n\n"
        "وتنص على تبادل المعلومات بين أجهزة البلدين، والاتفاقية مفتوحة لانضمام دول الجوار.",
        published=PartialDate(2021, 5, 27),
    )
    talks = make_article(
        "بوقادوم يبحث في طرابلس تفعيل الاتفاقية الأمنية",
        "بحث وزير الخارجية صبري بوقادوم في طرابلس تفعيل الاتفاقية الأمنية بين البلدين "
        "وتبادل المعلومات على الحدود.",
        published=PartialDate(2019, 3, 10),
    )
    border = make_article(
        "تبون: الاتفاقية الأمنية تحمي حدود الجزائر",
        "قال الرئيس عبدالمجيد تبون إن حماية الحدود المشتركة مع ليبيا والاتفاقية الأمنية "
        "بين البلدين أولوية للجزائر.",
        published=PartialDate(2016, 12),
    )
    meeting = make_article(
        "اجتماع وزراء الداخلية في تونس",
        "عقد وزراء الداخلية اجتماعا في تونس لبحث مكافحة الجريمة المنظمة.",
        published=PartialDate(2020, 1, 15),
    )
    drain()
    return AgreementArchive(algeria, tebboune, boukadoum, signed, talks, border, meeting)


@pytest.fixture
def archive(transactional_db) -> AgreementArchive:
    return make_agreement_archive()


# --- Reading the page -------------------------------------------------------------------


def result_titles(page: Page) -> list[str]:
    """The titles of the listed results, in the order shown."""
    return page.locator("ol.results > li .card-title").all_inner_texts()


def query_of(page: Page) -> dict[str, list[str]]:
    """The parameters of the page's address."""
    return parse_qs(urlsplit(page.url).query)


def search_again(page: Page) -> None:
    """Ask for the same results page again, as a reader who searches once more.

    A new navigation, not a reload: only the page is asked for (the stylesheet comes
    from the cache), over the connection kept alive, so the same server thread answers
    both times, as one long-lived gunicorn worker answers its readers.
    """
    page.goto(page.url)


def search_for(page: Page, site, text: str) -> None:
    """Type ``text`` in the search page's box and press Enter."""
    page.goto(site("/search/"))
    page.locator("#search-q").fill(text)
    page.locator("#search-q").press("Enter")
    page.wait_for_load_state()


# --- Finding ----------------------------------------------------------------------------


def test_header_search_for_taa_marbuta_as_haa_marks_the_words_as_written_in_the_snippets(page, site, archive):
    """Typed in the header, "اتفاقيه" finds the agreement articles, "الاتفاقية" and "والاتفاقية" marked."""
    page.goto(site("/articles/"))
    box = page.locator("#header-search-q")
    box.fill("اتفاقيه")
    box.press("Enter")
    page.wait_for_load_state()

    assert urlsplit(page.url).path == "/search/"
    assert query_of(page) == {"q": ["اتفاقيه"]}
    assert page_direction(page) == {"lang": "ar", "dir": "rtl", "body": "rtl"}
    assert sorted(result_titles(page)) == sorted(
        [archive.signed.title, archive.talks.title, archive.border.title]
    )
    marks = page.locator("ol.results .snippet mark")
    expect(marks.first).to_be_visible()
    # As the reader sees them: the words of the text, clitics and taa marbuta as written.
    assert set(marks.all_inner_texts()) == {"الاتفاقية", "والاتفاقية"}
    expect(
        page.locator("ol.results .snippet", has=page.locator("mark", has_text="والاتفاقية"))
    ).to_have_count(2)
    expect(page.locator("#search-q")).to_have_value("اتفاقيه")
    snap(page, "search-results", widths=(1280, 375))


def test_a_facet_link_narrows_the_results_and_its_chip_takes_the_filter_off_even_after_a_reload(
    page, site, archive
):
    """The person facet narrows to the articles naming them; the state is the URL; the chip undoes it."""
    page.goto(site("/search/?q=اتفاقيه"))
    everything = sorted(result_titles(page))
    assert len(everything) == 3
    expect(page.locator("ul.chips")).to_have_count(0)

    page.locator("aside.facets a", has_text=archive.tebboune.name).click()
    page.wait_for_load_state()

    narrowed = sorted([archive.signed.title, archive.border.title])
    assert query_of(page) == {"q": ["اتفاقيه"], "person": [archive.tebboune.slug]}
    assert sorted(result_titles(page)) == narrowed
    chip = page.get_by_role("link", name=f"إزالة {archive.tebboune.name}")
    expect(chip).to_be_visible()
    expect(page.locator("aside.facets a", has_text=archive.tebboune.name)).to_have_attribute(
        "aria-current", "true"
    )

    # A shared or reloaded address shows the same narrowed page.
    page.reload()
    assert sorted(result_titles(page)) == narrowed
    expect(chip).to_be_visible()

    chip.click()
    page.wait_for_load_state()
    assert query_of(page) == {"q": ["اتفاقيه"]}
    assert sorted(result_titles(page)) == everything
    expect(page.locator("ul.chips")).to_have_count(0)


def test_sort_links_order_the_results_newest_or_oldest_first_and_say_so_in_the_url(page, site, archive):
    """Newest first ("الأحدث") lists the agreement articles 2021, 2019, 2016; oldest first ("الأقدم") reversed."""
    newest_first = [archive.signed.title, archive.talks.title, archive.border.title]
    page.goto(site("/search/?q=اتفاقيه"))
    sort = page.locator("nav.sort")

    sort.get_by_role("link", name="الأحدث").click()
    page.wait_for_load_state()
    assert query_of(page) == {"q": ["اتفاقيه"], "sort": ["newest"]}
    assert result_titles(page) == newest_first
    expect(sort.locator("[aria-current=true]")).to_have_text("الأحدث")

    sort.get_by_role("link", name="الأقدم").click()
    page.wait_for_load_state()
    assert query_of(page) == {"q": ["اتفاقيه"], "sort": ["oldest"]}
    assert result_titles(page) == newest_first[::-1]
    expect(sort.locator("[aria-current=true]")).to_have_text("الأقدم")


def test_a_misspelt_query_offers_did_you_mean_with_a_link_that_finds_articles(page, site, archive):
    """A search for "الجزاير" (yaa for hamza on yaa) offers "الجزائر", and the offer finds the articles."""
    search_for(page, site, "الجزاير")

    suggestion = page.locator("p.suggestion")
    expect(suggestion).to_contain_text("هل تقصد")
    link = suggestion.get_by_role("link", name="الجزائر")
    expect(link).to_be_visible()

    link.click()
    page.wait_for_load_state()
    assert query_of(page) == {"q": ["الجزائر"]}
    assert archive.border.title in result_titles(page)
    expect(page.locator("ol.results mark").first).to_be_visible()


# --- Help and hostile input -------------------------------------------------------------

HOSTILE_QUERIES = {
    "unbalanced-quote": '"الاتفاقية الأمنية',
    "script": "<script>alert('script')</script>",
    "img-onerror": '<img src=x onerror="alert(1)"> الاتفاقية',
    "only-syntax": '( OR "" -',
    "600-characters": "الاتفاقية " * 60,
}


def test_an_empty_search_page_shows_how_to_search(page, site, archive):
    """/search/ with nothing asked explains the syntax instead of listing anything."""
    page.goto(site("/search/"))

    help_box = page.locator("#search-help")
    expect(help_box.get_by_role("heading", name="كيف تبحث")).to_be_visible()
    expect(help_box).to_contain_text("OR")
    expect(page.locator("ol.results")).to_have_count(0)


def test_hostile_input_typed_in_the_box_gives_a_message_or_results_and_no_script_runs(page, site, archive):
    """Unbalanced quotes, markup and an over-long query: an Arabic page every time, never an error page."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site("/search/"))

    for name, text in HOSTILE_QUERIES.items():
        box = page.locator("#search-q")
        box.fill(text)
        with page.expect_response(lambda response: response.request.is_navigation_request()) as answer:
            box.press("Enter")
        page.wait_for_load_state()

        assert answer.value.status == 200, name
        assert page_direction(page)["lang"] == "ar", name
        expect(page.locator("h1"), name).to_have_text("البحث في الأرشيف")
        answered = page.locator("#content .errors[role=alert], #content .result-count")
        expect(answered, name).to_have_count(1)
        assert any("\u0600" <= char <= "\u06ff" for char in answered.inner_text()), name
        # What was typed is shown back as text, in the box, never as markup.
        # (The box takes 500 characters at most: the 600 are cut as they are typed.)
        assert page.locator("#search-q").input_value().strip() == text[:500].strip(), name
        assert page.locator("#content script, #content img").count() == 0, name
    assert dialogs == []


def test_a_query_longer_than_the_box_allows_is_refused_in_arabic(page, site, archive):
    """600 characters sent by a link (the box stops at 500) get the reason in Arabic, not an error page."""
    response = page.goto(site("/search/?q=" + "الاتفاقية " * 60))

    assert response.status == 200
    expect(page.locator(".errors[role=alert]")).to_contain_text("الاستعلام أطول من")
    expect(page.locator("ol.results")).to_have_count(0)


# --- The browser's search engine --------------------------------------------------------


def test_the_opensearch_description_is_linked_from_the_head_and_points_at_the_search_page(
    page, site, archive
):
    """Browsers find the archive's OpenSearch description in <head>; its HTML template is /search/?q=."""
    page.goto(site("/"))
    link = page.locator('head link[rel="search"]')
    expect(link).to_have_attribute("type", "application/opensearchdescription+xml")
    href = page.evaluate("() => document.querySelector('head link[rel=search]').href")

    response = page.request.get(href)

    assert response.status == 200
    assert response.headers["content-type"].startswith("application/opensearchdescription+xml")
    namespace = {"os": "http://a9.com/-/spec/opensearch/1.1/"}
    description = ElementTree.fromstring(response.body())
    html = description.find("os:Url[@type='text/html']", namespace)
    assert html is not None, response.text()
    assert html.get("template").startswith(site("/search/?q={searchTerms}")), html.get("template")
    assert description.findtext("os:Language", namespaces=namespace) == "ar"


# --- Edits reach the search -------------------------------------------------------------


def test_an_article_added_in_the_admin_is_found_once_written_and_gone_once_deleted(
    page, site, editor, archive
):
    """The search finds what the writer (drained here) has written: the new article, marked; then not, deleted.

    Each change is searched for before and after the writer runs, in a row, as one
    long-lived server worker answers a reader who searches again.
    """
    title = "مهرجان الطاسيلي يستقبل وفدا ليبيا"
    log_in(page, site, editor)
    page.goto(site("/admin/archive/article/add/"))
    page.locator("#id_title").fill(title)
    page.locator("#id_body").fill("افتتح في جانت مهرجان الطاسيلي للتراث بحضور وفد ليبي.")
    page.locator("#id_published").fill("2022-02")
    page.locator("[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    change_page = page.url

    page.goto(site("/search/?q=طاسيلي"))
    assert result_titles(page) == []
    drain()
    search_again(page)
    assert result_titles(page) == [title]
    expect(page.locator("ol.results .card-title mark")).to_have_text("الطاسيلي")
    expect(page.locator("ol.results .snippet mark")).to_have_text("الطاسيلي")

    page.goto(change_page)
    page.locator("a.deletelink").click()
    page.locator("#content form [type=submit]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert not Article.objects.filter(title=title).exists()

    page.goto(site("/search/?q=طاسيلي"))
    assert result_titles(page) == [title]
    drain()
    search_again(page)
    assert result_titles(page) == []
    expect(page.locator(".result-count")).to_have_text("لم نجد مقالات تطابق بحثك.")


def test_an_article_retitled_in_the_admin_is_listed_once_under_its_new_title(page, site, editor, archive):
    """Until the writer runs the search shows the old title; once it has, the article once, as it is now."""
    retitled = "بوقادوم والمنفي يبحثان في طرابلس تفعيل الاتفاقية"
    log_in(page, site, editor)
    page.goto(site(f"/admin/archive/article/{archive.talks.pk}/change/"))
    page.locator("#id_title").fill(retitled)
    page.locator("[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.goto(site("/search/?q=طرابلس"))
    assert result_titles(page) == [archive.talks.title]

    drain()
    search_again(page)
    assert result_titles(page) == [retitled]


# --- Related articles -------------------------------------------------------------------


def test_an_article_page_lists_related_articles_sharing_its_words_but_not_itself(page, site, archive):
    """The box "مقالات ذات صلة" on an agreement article lists the other agreement articles, never itself."""
    page.goto(site(archive.signed.get_absolute_url()))

    expect(page.get_by_role("heading", name="مقالات ذات صلة")).to_be_visible()
    related = page.locator("ul.related a")
    hrefs = [unquote(href) for href in related.evaluate_all("links => links.map((a) => a.pathname)")]
    assert hrefs, "no related article listed"
    assert unquote(archive.signed.get_absolute_url()) not in hrefs
    others = {unquote(article.get_absolute_url()) for article in (archive.talks, archive.border)}
    assert others <= set(hrefs), hrefs


# --- Phones -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/search/?q=اتفاقيه&person=عبد-المجيد-تبون", "/search/"],
    ids=["narrowed-results", "help"],
)
def test_the_search_page_does_not_scroll_sideways_on_a_phone(new_page, site, archive, path):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page.goto(site(path))

    measured = horizontal_overflow(page)
    assert measured["innerWidth"] == PHONE["width"], measured
    assert measured["scrollWidth"] <= measured["innerWidth"], measured


# --- The page as a reader sees it ----------------------------------------------------

SCREENS = [
    pytest.param(DESKTOP, id="desktop"),
    pytest.param(PHONE, id="small-phone"),
    pytest.param(TALL_PHONE, id="phone"),
]


def open_on(new_page, screen: dict) -> Page:
    return new_page(viewport=screen) if screen == DESKTOP else new_page(**as_phone(screen))


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("query", ["اتفاقيه", "تبون"], ids=["results-with-a-timeline", "naming-a-person"])
def test_the_first_result_s_title_is_on_screen_before_any_scrolling(new_page, site, archive, screen, query):
    """Form, count, entities and order come first; the timeline and the facets wait below the results on a phone."""
    page = open_on(new_page, screen)
    page.goto(site(f"/search/?q={query}"))
    expect(page.locator(".timeline")).to_have_count(1)

    title = page.locator("ol.results > li .card-title").first
    box = title.bounding_box()
    assert page.evaluate("() => window.scrollY") == 0
    assert box["y"] + box["height"] < screen["height"], box
    if screen != DESKTOP:
        results_end = page.locator("ol.results").bounding_box()
        for below in (".timeline", "aside.facets"):
            assert page.locator(below).bounding_box()["y"] >= results_end["y"] + results_end["height"], below
    snap(page, f"search-first-result-{query}-{screen['width']}")


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize(
    "path", ["/search/", "/search/?q=اتفاقيه", "/search/?q=Tebbune"], ids=["help", "results", "none"]
)
def test_the_search_page_shows_exactly_one_search_form(new_page, site, archive, screen, path):
    page = open_on(new_page, screen)
    page.goto(site(path))
    visible = page.locator("form[role=search]").filter(visible=True)
    expect(visible).to_have_count(1)
    expect(visible.locator("#search-q")).to_be_visible()


@pytest.mark.parametrize("screen", SCREENS)
def test_the_home_page_shows_exactly_one_search_form_the_hero_s(new_page, site, archive, screen):
    page = open_on(new_page, screen)
    page.goto(site("/"))
    visible = page.locator("form[role=search]").filter(visible=True)
    expect(visible).to_have_count(1)
    expect(visible.locator("#home-search-q")).to_be_in_viewport()


def test_the_form_s_words_dates_and_order_are_reached_and_sent_by_keyboard(page, site, archive):
    """Tab from the box to the folded options, open them with Enter, fill them, and send with Enter."""
    page.goto(site("/search/"))
    page.locator("#search-q").fill("اتفاقيه")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="بحث")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("details.advanced summary")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("من تاريخ")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_label("من تاريخ")).to_be_focused()
    page.keyboard.type("2019")
    page.keyboard.press("Tab")
    expect(page.get_by_label("إلى تاريخ")).to_be_focused()
    page.keyboard.press("Tab")
    sort = page.get_by_label("الترتيب")
    expect(sort).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(sort).to_have_value("newest")
    page.keyboard.press("Shift+Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert query_of(page) == {"q": ["اتفاقيه"], "date_from": ["2019"], "sort": ["newest"]}
    assert result_titles(page) == [archive.signed.title, archive.talks.title]
    expect(page.locator("details.advanced")).to_have_attribute("open", "")


@pytest.mark.parametrize(
    "screen", [pytest.param(DESKTOP, id="desktop"), pytest.param(TALL_PHONE, id="phone")]
)
def test_a_latin_name_that_finds_nothing_offers_the_arabic_name_to_search(new_page, site, archive, screen):
    """ "Tebbune" finds nothing; the archive spells تبون "Tebboune" in Latin, so his Arabic name is offered."""
    Alias.objects.create(entity=archive.tebboune, name="Tebboune")
    page = open_on(new_page, screen)
    search_for(page, site, "Tebbune")
    expect(page.locator(".result-count")).to_have_text("لم نجد مقالات تطابق بحثك.")
    names = page.get_by_role("region", name="أسماء في الأرشيف تشبه ما كتبت")
    expect(names).to_contain_text("Tebboune")
    snap(page, f"search-latin-names-{screen['width']}")

    names.get_by_role("link", name=archive.tebboune.name).click()
    page.wait_for_load_state()
    assert query_of(page) == {"q": [archive.tebboune.name]}
    assert sorted(result_titles(page)) == sorted([archive.signed.title, archive.border.title])


def test_a_pasted_sentence_is_marked_as_one_run(page, site, archive):
    """Its words matched but "أن" and "مع", the sentence reads as one highlighted run, not word by word."""
    sentence = "أعلن الرئيس عبدالمجيد تبون أن الاتفاقية الأمنية مع ليبيا دخلت حيز التنفيذ"
    search_for(page, site, sentence)
    expect(page.locator("ol.results > li")).to_have_count(1)
    expect(page.locator("ol.results .snippet mark").first).to_have_text(sentence)
