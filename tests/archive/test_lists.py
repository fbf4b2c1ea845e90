"""Lists of articles show what each says and where it came from; an article page steps through the one order."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from arabic.sentences import lede
from archive.dates import PartialDate
from archive.linking import save_linked
from archive.models import Article, Source

pytestmark = pytest.mark.django_db

CARD = re.compile(r'<article class="card">(.*?)</article>', re.S)


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("وصل الوزير إلى ليبيا. ثم عاد.", "وصل الوزير إلى ليبيا.", "the first sentence"),
        ("هل يعود السلام؟ نعم.", "هل يعود السلام؟", "an Arabic question mark ends a sentence"),
        ("\n\n  عنوان فرعي\nنص.", "عنوان فرعي", "the first line that says something"),
        ("كلمة " * 50, " ".join(["كلمة"] * 40) + "…", "a sentence too long is cut to its opening words"),
        ("", "", "nothing to say"),
    ],
)
def test_lede_is_the_first_sentence_or_the_opening_words(text, expected, why):
    assert lede(text) == expected, why


@pytest.fixture
def listed(db):
    """Three articles: with a source and an original, with an original but no source, with neither (and no date)."""
    agency = Source.objects.create(name="وكالة الأنباء الجزائرية")
    with_source = save_linked(
        Article(
            title="مع مصدر",
            body="وصل الوزير إلى ليبيا اليوم. ثم عاد.",
            source=agency,
            url="https://example.org/a",
        )
    )
    with_source.published = PartialDate(2021, 4, 21)
    with_source.save()
    save_linked(
        Article(
            title="رابط بلا مصدر", body="أعلنت الوزارة <b>الخبر</b>. وتفاصيل.", url="https://example.org/b"
        )
    )
    save_linked(Article(title="بلا شيء", body="نص بلا مصدر ولا تاريخ."))
    return agency


def cards(page: str) -> dict[str, str]:
    return {re.search(r'<a href="[^"]+">([^<]+)</a>', card).group(1): card for card in CARD.findall(page)}


@pytest.mark.parametrize("url", [reverse("archive:home"), reverse("archive:article-list")])
def test_each_listed_article_shows_its_lede_source_date_and_original(client, listed, url):
    shown = cards(client.get(url).content.decode())
    assert '<p class="lede">وصل الوزير إلى ليبيا اليوم.</p>' in shown["مع مصدر"]
    assert "وكالة الأنباء الجزائرية" in shown["مع مصدر"] and "21 أبريل 2021" in shown["مع مصدر"]
    assert 'href="https://example.org/a"' in shown["مع مصدر"]
    # The original link does not wait for a source; markup in a lede is text.
    assert 'href="https://example.org/b"' in shown["رابط بلا مصدر"]
    assert "أعلنت الوزارة &lt;b&gt;الخبر&lt;/b&gt;." in shown["رابط بلا مصدر"]
    assert "الرابط الأصلي" not in shown["بلا شيء"] and "تاريخ غير مذكور" in shown["بلا شيء"]


def test_an_article_page_links_its_original_without_a_source(client, listed):
    article = Article.objects.get(title="رابط بلا مصدر")
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<a href="https://example.org/b" rel="noopener nofollow">الرابط الأصلي</a>' in page


def test_previous_and_next_step_through_the_order_of_the_list_dated_then_undated(client, db):
    """The list's order, newest first then the undated ones; each page's neighbours are the list's."""
    for title, date in [
        ("الأقدم", PartialDate(2019)),
        ("بلا تاريخ أول", None),
        ("الأحدث", PartialDate(2021, 1, 1)),
        ("بلا تاريخ ثان", None),
        ("الأوسط", PartialDate(2020, 5, 1)),
        ("الأوسط أيضا", PartialDate(2020, 5, 1)),
    ]:
        article = save_linked(Article(title=title, body=f"نص {title}."))
        article.published = date
        article.save()
    listed = list(client.get(reverse("archive:article-list")).context["articles"])
    assert [a.title for a in listed] == [
        "الأحدث",
        "الأوسط أيضا",
        "الأوسط",
        "الأقدم",
        "بلا تاريخ ثان",
        "بلا تاريخ أول",
    ]
    for before, article, after in zip([None, *listed[:-1]], listed, [*listed[1:], None], strict=True):
        context = client.get(article.get_absolute_url()).context
        assert (context["newer_article"], context["older_article"]) == (before, after), article.title


def test_an_article_page_names_its_neighbours_in_time_only_when_both_are_dated(client, db):
    """From the oldest dated article, the next is the latest undated one: a step in the list, not in time."""
    newer, older, undated = (
        save_linked(Article(title=t, body=f"نص {t}.")) for t in ("الأحدث", "الأقدم", "بلا تاريخ")
    )
    for article, date in ((newer, PartialDate(2021)), (older, PartialDate(2020))):
        article.published = date
        article.save()
    page = html.unescape(client.get(older.get_absolute_url()).content.decode())
    assert f'<a rel="next" href="{newer.get_absolute_url()}"><span>المقال الأحدث</span> الأحدث</a>' in page
    assert (
        f'<a rel="prev" href="{undated.get_absolute_url()}"><span>التالي في قائمة المقالات</span> بلا تاريخ</a>'
        in page
    )
