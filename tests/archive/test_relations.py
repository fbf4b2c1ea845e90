"""Pages built from the links between entities: companions, mentions in context, two countries, their feeds."""

from __future__ import annotations

from urllib.parse import quote

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.keyword_context import in_context
from archive.linking import save_linked
from archive.models import Article, Country, Entity
from archive.relations import Relation, co_mentioned

pytestmark = pytest.mark.django_db

ALGERIA_LIBYA = "/relations/الجزائر/ليبيا/"


def entity(name: str) -> Entity:
    return Entity.objects.get(name=name)


def relation_url(first: str, second: str, suffix: str = "") -> str:
    return f"/relations/{quote(first)}/{quote(second)}/{suffix}"


def arabic_404(response) -> str:
    page = response.content.decode()
    assert response.status_code == 404 and 'lang="ar"' in page and "Traceback" not in page
    return page


# ---------------------------------------------------------------- queries


def test_companions_are_counted_in_one_query_whatever_the_number_of_articles(seeded):
    algeria = entity("الجزائر")
    with CaptureQueriesContext(connection) as queries:
        companions = list(co_mentioned(algeria, ["person", "organization"]))
    assert len(queries) == 1
    counts = {companion.name: companion.shared for companion in companions}
    # Boukadoum is named in two seed articles that name Algeria, Tebboune in three.
    assert counts["عبد المجيد تبون"] == 3 and counts["صبري بوقادوم"] == 2
    assert [c.shared for c in companions] == sorted((c.shared for c in companions), reverse=True)
    assert "الجزائر" not in counts


def test_a_mention_in_context_is_its_sentence_with_the_name_marked():
    text = "جملة أولى. وقال الرئيس تبون إن البلدين متفقان. جملة أخيرة."
    start = text.index("تبون")
    found = in_context(text, start, start + 4)
    assert (found.before, found.mention, found.after) == ("وقال الرئيس ", "تبون", " إن البلدين متفقان.")


def test_a_long_sentence_is_cut_at_a_word_either_side():
    text = "كلمة " * 60 + "تبون" + " كلمة" * 60
    start = text.index("تبون")
    found = in_context(text, start, start + 4, width=30)
    assert found.before.startswith("…") and found.after.endswith("…")
    assert len(found.before) <= 31 and len(found.after) <= 31
    assert "كلمة" in found.before and " كلم…" not in found.after


def test_the_relation_of_two_countries_is_the_same_in_either_order(seeded):
    algeria, libya = Country.objects.get(name="الجزائر"), Country.objects.get(name="ليبيا")
    assert Relation.of(libya, algeria) == Relation.of(algeria, libya)
    with pytest.raises(ValueError):
        Relation.of(algeria, algeria)


def test_the_relation_holds_the_articles_agreements_officials_and_joint_bodies_of_both(seeded):
    relation = Relation.of(Country.objects.get(name="الجزائر"), Country.objects.get(name="ليبيا"))
    assert relation.articles().count() == 5
    agreements = [(agreement.name, agreement.between) for agreement in relation.agreements()]
    # Their own agreements first, as they were signed, the undated last; then those their articles name.
    assert agreements[:3] == [
        ("الاتفاق الأمني الجزائري الليبي", True),
        ("تحيين الاتفاق الأمني الجزائري الليبي", True),
        ("مشروع اتفاقية ثنائية لمكافحة المخدرات والمؤثرات العقلية", True),
    ]
    assert ("الاتفاقية الأمنية الرباعية", False) in agreements
    officials = relation.officials()
    algerians = {person.name for person in officials[relation.first]}
    libyans = {person.name for person in officials[relation.second]}
    assert {"عبد المجيد تبون", "صبري بوقادوم"} <= algerians and "محمد المنفي" in libyans
    assert not algerians & libyans
    bodies = {body.name for body in relation.joint_bodies()}
    assert {"اللجنة التنفيذية العليا المشتركة", "اللجنة الأمنية المشتركة"} <= bodies
    assert "المجلس الرئاسي الليبي" not in bodies
    visits = relation.visits()
    assert visits and all(visit.sentence.mention in visit.article.body for visit in visits)


def test_two_countries_no_article_shares_have_an_empty_relation(seeded):
    relation = Relation.of(Country.objects.get(name="تونس"), Country.objects.get(name="تشاد"))
    assert relation.articles().count() == 0
    assert list(relation.joint_bodies()) == [] and relation.visits() == []
    assert relation.officials() == {relation.first: [], relation.second: []}


# ---------------------------------------------------------------- pages


def test_the_relation_page_shows_both_countries_their_agreement_and_articles(client, seeded):
    response = client.get(ALGERIA_LIBYA)
    assert response.status_code == 200
    page = response.content.decode()
    assert "الاتفاق الأمني الجزائري الليبي" in page and "اللجنة الأمنية المشتركة" in page
    assert "<mark>" in page
    assert 'type="application/atom+xml"' in page and relation_url("الجزائر", "ليبيا", "atom/") in page


def test_the_other_order_redirects_to_the_canonical_one_keeping_the_page(client, seeded):
    response = client.get("/relations/ليبيا/الجزائر/", {"page": "1"})
    assert response.status_code == 301
    assert response["Location"] == relation_url("الجزائر", "ليبيا") + "?page=1"


@pytest.mark.parametrize(
    "first, second, says",
    [
        ("الجزائر", "الجزائر", "دولتين مختلفتين"),
        ("الجزائر", "لا-توجد", "لا دولة"),
        ("الجزائر", "عبد-المجيد-تبون", "لا دولة"),  # a person, not a country
        ("<img src=x onerror=alert(1)>", "ليبيا", "لا دولة"),
        ("الجزائر", "ل" * 5000, "لا دولة"),
    ],
)
def test_a_relation_that_is_not_two_known_countries_is_an_arabic_404(client, seeded, first, second, says):
    for suffix in ("", "atom/"):
        response = client.get(f"/relations/{first}/{second}/{suffix}")
        page = arabic_404(response)
        assert says in page and "<img" not in page


def test_a_page_past_the_shared_articles_is_an_arabic_404(client, seeded, no_such_page):
    no_such_page(client.get(ALGERIA_LIBYA, {"page": "2"}))
    no_such_page(client.get(ALGERIA_LIBYA, {"page": "<b>"}))


def test_a_country_with_no_shared_article_has_an_empty_relation_page(client, seeded):
    response = client.get(relation_url("تشاد", "تونس"))
    assert response.status_code == 200
    assert "لا مقال في الأرشيف يذكر البلدين معًا بعد" in response.content.decode()


def test_a_country_page_links_the_relations_with_the_countries_named_beside_it(client, seeded):
    page = client.get(entity("ليبيا").get_absolute_url()).content.decode()
    assert relation_url("الجزائر", "ليبيا") in page
    assert relation_url("ليبيا", "الجزائر") not in page


def test_an_entity_page_lists_its_companions_and_each_mention_in_its_sentence(client, seeded):
    page = client.get(entity("صبري بوقادوم").get_absolute_url()).content.decode()
    assert "يُذكر معه في المقالات نفسها" in page and "كمال بلجود" in page
    assert "<mark>بوقادوم</mark>" in page and "<mark>صبري بوقادوم</mark>" in page


def test_an_entity_page_quotes_article_text_escaped(client, algeria):
    save_linked(Article(title="نص", body="قالت <script>alert(1)</script> الجزائر اليوم."))
    page = client.get(algeria.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


# ---------------------------------------------------------------- feeds


def test_an_entity_feed_lists_the_newest_articles_that_mention_it(client, seeded):
    agreement = entity("الاتفاق الأمني الجزائري الليبي")
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert f'href="{agreement.get_feed_url()}"' in page
    feed = feedparser.parse(client.get(agreement.get_feed_url()).content)
    assert not feed.bozo and feed.feed.title.endswith(agreement.name)
    assert [entry.title for entry in feed.entries] == [
        article.display_title for article in Article.objects.mentioning(agreement)
    ]
    assert feed.entries


def test_a_relation_feed_lists_the_articles_naming_both_in_the_archive_order(client, seeded):
    feed = feedparser.parse(client.get(ALGERIA_LIBYA + "atom/").content)
    assert not feed.bozo and "الجزائر" in feed.feed.title and "ليبيا" in feed.feed.title
    relation = Relation.of(Country.objects.get(name="الجزائر"), Country.objects.get(name="ليبيا"))
    assert [entry.link for entry in feed.entries] == [
        "http://testserver" + article.get_absolute_url() for article in relation.articles()
    ]


def test_an_unknown_entity_feed_is_an_arabic_404(client, seeded):
    arabic_404(client.get(reverse("archive:organization-atom", kwargs={"slug": "لا-توجد"})))
    # A country's slug under another kind's prefix names nothing.
    arabic_404(client.get(reverse("archive:person-atom", kwargs={"slug": "الجزائر"})))


def test_the_relation_and_agreement_pages_write_numbers_and_dates_in_the_site_s_digits(
    client, seeded, settings
):
    settings.ARCHIVE_DIGITS = "arabic-indic"
    relation = client.get(ALGERIA_LIBYA).content.decode()
    assert "٥ مقالات" in relation and "أغسطس ٢٠٠١" in relation
    agreement = client.get(entity("الاتفاق الأمني الجزائري الليبي").get_absolute_url()).content.decode()
    assert "فبراير ٢٠١٢" in agreement and "فبراير 2012" not in agreement


def page_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_an_entity_page_and_a_relation_page_make_as_many_queries_for_many_articles_as_for_few(client, seeded):
    algeria = entity("الجزائر")
    urls = [algeria.get_absolute_url(), ALGERIA_LIBYA]
    few = [page_queries(client, url) for url in urls]
    for number in range(8):
        save_linked(
            Article(title=f"زيارة {number}", body=f"زار وفد من الجزائر ليبيا للمرة {number} والتقى المنفي.")
        )
    assert [page_queries(client, url) for url in urls] == few
