"""Browsing pages answer in Arabic, right to left, escape what users wrote, and never 500."""

import html
import xml.etree.ElementTree as ElementTree

import pytest
from django.urls import reverse

from archive.dates import PartialDate
from archive.linking import save_linked
from archive.models import Agreement, Article, Organization, Place, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive_pages(visit_article, algeria):
    """One page of each kind over a small archive."""
    council = Organization.objects.create(name="المجلس الرئاسي الليبي")
    tripoli = Place.objects.create(name="طرابلس")
    pact = Agreement.objects.create(name="الاتفاق الأمني", signed_on="2001-08-01", signed_precision="month")
    pact.parties.add(algeria)
    visit_article.source = Source.objects.create(name="وكالة الأنباء")
    visit_article.published = PartialDate(2021, 4, 21)
    visit_article.save()
    person = visit_article.mentions.filter(entity__kind="person").first().entity
    return [
        reverse("archive:home"),
        reverse("archive:article-list"),
        visit_article.get_absolute_url(),
        person.get_absolute_url(),
        algeria.get_absolute_url(),
        council.get_absolute_url(),
        tripoli.get_absolute_url(),
        pact.get_absolute_url(),
        *(
            reverse(f"archive:{kind}-list")
            for kind in ("person", "organization", "country", "place", "agreement")
        ),
    ]


def test_every_page_answers_in_arabic_right_to_left(client, archive_pages):
    for url in archive_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="ar" dir="rtl">' in response.content.decode(), url


def test_article_page_links_each_mention_to_its_entity_inline(client, visit_article):
    page = client.get(visit_article.get_absolute_url()).content.decode()
    for mention in visit_article.mentions.select_related("entity"):
        assert f'href="{mention.entity.get_absolute_url()}"' in page
    assert ">عبدالمجيد تبون</a>" in page
    assert page.count("<p>", page.index('class="article-body"')) >= 2, "paragraphs kept"


def test_article_page_writes_the_date_for_arabic_readers_and_only_as_precise_as_known(client, visit_article):
    visit_article.published = PartialDate(2021, 4)
    visit_article.save()
    page = client.get(visit_article.get_absolute_url()).content.decode()
    assert '<time datetime="2021-04" dir="rtl">أبريل 2021</time>' in page


def test_article_page_gives_the_hijri_date_beside_a_day_and_none_beside_a_month(client, visit_article):
    visit_article.published = PartialDate(2021, 4, 21)
    visit_article.save()
    meta = client.get(visit_article.get_absolute_url()).content.decode().split('<p class="meta">')[1].lstrip()
    assert meta.startswith(
        '<time datetime="2021-04-21" dir="rtl">21 أبريل 2021</time> '
        '<span class="hijri">الموافق <time datetime="2021-04-21" dir="rtl">9 رمضان 1442 هـ</time></span>'
    )
    visit_article.published = PartialDate(2021, 5)
    visit_article.save()
    page = client.get(visit_article.get_absolute_url()).content.decode()
    assert 'class="hijri"' not in page and "هـ" not in page


def test_script_in_an_article_body_comes_out_escaped(client, tebboune):
    article = save_linked(
        Article(
            title="<b>عنوان</b>",
            body='قال الرئيس تبون <script>alert("x")</script> و<img src=x onerror=alert(1)>.',
        )
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert "<b>عنوان</b>" not in page
    assert ">تبون</a>" in page, "the mention is still linked around escaped text"


def test_entity_page_lists_the_articles_that_mention_it(client, visit_article, tebboune):
    other = save_linked(Article(body="مقال لا يذكر أحدا."))
    page = client.get(tebboune.get_absolute_url()).content.decode()
    assert visit_article.get_absolute_url() in page
    assert other.get_absolute_url() not in page


def test_previous_and_next_follow_the_publication_date(client, db):
    older = save_linked(Article(body="الأقدم."))
    older.published = PartialDate(2019)
    older.save()
    middle = save_linked(Article(body="الأوسط."))
    middle.published = PartialDate(2020, 5, 1)
    middle.save()
    newer = save_linked(Article(body="الأحدث."))
    newer.published = PartialDate(2021, 1, 1)
    newer.save()
    response = client.get(middle.get_absolute_url())
    assert response.context["older_article"] == older
    assert response.context["newer_article"] == newer


def test_article_list_filters_by_source_year_and_country(client, visit_article, algeria, db):
    visit_article.published = PartialDate(2021, 4, 21)
    visit_article.source = Source.objects.create(name="الشروق")
    visit_article.save()
    other = save_linked(Article(body="خبر من تونس."))
    url = reverse("archive:article-list")
    for query in ({"source": visit_article.source.slug}, {"year": 2021}, {"country": algeria.slug}):
        articles = list(client.get(url, query).context["articles"])
        assert articles == [visit_article], query
    assert other in client.get(url).context["articles"]


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"source": "<script>"},
        {"country": "' OR 1=1 --"},
    ],
)
def test_hostile_query_parameters_get_a_page_not_an_error(client, visit_article, query):
    response = client.get(reverse("archive:article-list"), query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</header>", 1)[1]


PAGED_LISTS = ["archive:article-list", "archive:person-list", "archive:country-list"]
NO_PAGES = ["2", "99", "999999", "0", "-1", "abc", "1.5", "1e3", "٢", "<script>", "9" * 5000, "\x00"]


@pytest.mark.parametrize("url", PAGED_LISTS)
@pytest.mark.parametrize("page", NO_PAGES)
def test_a_page_number_that_names_no_page_is_an_arabic_404(client, visit_article, no_such_page, url, page):
    """Every list here has one page: past it, zero, negative or not a whole number, there is none."""
    message = no_such_page(client.get(reverse(url), {"page": page}))
    assert "<script>" not in message.split("</header>", 1)[1]


@pytest.mark.parametrize("page", ["", "1", " 1 ", "١"])
def test_the_first_page_is_asked_for_by_no_number_or_by_one_in_either_digits(client, visit_article, page):
    response = client.get(reverse("archive:article-list"), {"page": page})
    assert response.status_code == 200
    assert visit_article in response.context["articles"]


def test_an_empty_list_still_has_its_first_page(client, db):
    assert client.get(reverse("archive:article-list"), {"page": "1"}).status_code == 200


def test_unknown_pages_get_the_arabic_404(client, db):
    for url in ("/nowhere/", "/articles/لا-يوجد/", "/people/nobody/"):
        response = client.get(url)
        assert response.status_code == 404
        assert "الصفحة غير موجودة" in response.content.decode()


def test_server_error_page_is_arabic_and_needs_no_database(client):
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert 'lang="ar" dir="rtl"' in page and "حدث خطأ في الخادم" in page


def test_listing_pages_query_the_database_a_fixed_number_of_times(
    client, tebboune, django_assert_max_num_queries
):
    source = Source.objects.create(name="المصدر")
    for number in range(30):
        save_linked(Article(body=f"قال تبون في الخبر رقم {number}.", source=source))
    with django_assert_max_num_queries(8):
        client.get(reverse("archive:article-list"))
    with django_assert_max_num_queries(8):
        client.get(reverse("archive:home"))
    with django_assert_max_num_queries(8):
        client.get(tebboune.get_absolute_url())
    article = Article.objects.last()
    with django_assert_max_num_queries(8):
        client.get(article.get_absolute_url())


def test_feed_lists_the_newest_articles_in_arabic(client, visit_article):
    response = client.get(reverse("archive:article-feed"))
    assert response.status_code == 200
    feed = response.content.decode()
    assert 'xml:lang="ar"' in feed and "<language>ar</language>" in feed
    assert visit_article.get_absolute_url() in feed
    assert "<title>بوقادوم في طرابلس</title>" in feed


def test_sitemap_lists_every_article_and_entity(client, visit_article):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert visit_article.get_absolute_url() in sitemap
    for mention in visit_article.mentions.select_related("entity"):
        assert mention.entity.get_absolute_url() in sitemap


def test_entity_page_pages_through_every_article_that_mentions_it(client, tebboune):
    for number in range(25):
        save_linked(Article(body=f"قال الرئيس تبون في الخبر رقم {number}."))
    first = client.get(tebboune.get_absolute_url())
    last = client.get(tebboune.get_absolute_url(), {"page": "2"})
    shown = {*first.context["articles"], *last.context["articles"]}
    assert len(shown) == 25
    assert "25 مقالًا" in first.content.decode()
    assert client.get(tebboune.get_absolute_url(), {"page": "zz"}).status_code == 404
    assert client.get(tebboune.get_absolute_url(), {"page": "3"}).status_code == 404


def test_feed_descriptions_carry_an_articles_markup_as_text_never_as_html(client, db):
    """Feed readers read a description as HTML: markup in a body must reach them escaped."""
    body = 'انظر <a href="javascript:alert(1)">هنا</a> & <script>alert(2)</script> النص.'
    save_linked(Article(title="مقال بعلامات", body=body))
    feed = ElementTree.fromstring(client.get(reverse("archive:article-feed")).content)
    description = feed.find("channel/item/description").text
    assert "<a" not in description and "<script" not in description
    assert html.unescape(description).endswith("\n" + body)


def test_feed_items_are_dated_when_published_and_only_else_when_added(client, db):
    from archive.dates import PartialDate

    dated = save_linked(Article(title="مقال مؤرخ", body="نص مؤرخ."))
    dated.published = PartialDate(2019, 3)
    dated.save()
    save_linked(Article(title="مقال بلا تاريخ", body="نص بلا تاريخ."))
    feed = ElementTree.fromstring(client.get(reverse("archive:article-feed")).content)
    dates = {item.find("title").text: item.find("pubDate").text for item in feed.findall("channel/item")}
    assert "01 Mar 2019" in dates["مقال مؤرخ"]
    assert "2019" not in dates["مقال بلا تاريخ"]


def test_the_home_page_has_one_search_box_the_heros(client, visit_article):
    """The header's box would be a second one above the hero's: the home page keeps the hero's only."""
    page = client.get(reverse("archive:home")).content.decode()
    assert page.count('role="search"') == 1 and 'id="home-search-q"' in page
    assert 'id="header-search-q"' in client.get(reverse("archive:article-list")).content.decode()


def test_an_article_page_names_its_permalink_and_shares_its_arabic_title_and_lede(client, visit_article):
    page = client.get(visit_article.get_absolute_url()).content.decode()
    permalink = f"http://testserver{visit_article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{permalink}">' in page
    assert f'<meta property="og:title" content="{visit_article.title}">' in page
    assert '<meta property="og:description" content="وصل وزير الخارجية' in page
    # Another URL of the same page (a query string) names the same permalink.
    shared = client.get(visit_article.get_absolute_url(), {"utm": "x"}).content.decode()
    assert f'<link rel="canonical" href="{permalink}">' in shared


def test_robots_keep_search_engines_to_the_articles_and_point_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert {"Disallow: /admin/", "Disallow: /search/", "Disallow: /api/"} <= set(lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines
