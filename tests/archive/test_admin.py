"""The editors' admin: Arabic, normalised search, and new articles linked at once."""

import re
import secrets

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from archive.dates import PartialDate
from archive.linking import Gazetteer, relink, relink_queued, save_linked
from archive.models import Agreement, Alias, Article, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = get_user_model().objects.create_superuser(
        "editor", "editor@example.org", secrets.token_urlsafe()
    )
    client.force_login(editor)
    return client


def article_form(**fields):
    """The add-article form as a browser posts it, with an empty mentions inline."""
    data = {
        "title": "",
        "body": "",
        "published": "",
        "source": "",
        "url": "",
        "language": "ar",
        "mentions-TOTAL_FORMS": "0",
        "mentions-INITIAL_FORMS": "0",
        "mentions-MIN_NUM_FORMS": "0",
        "mentions-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


def test_adding_an_article_in_the_admin_links_its_mentions(editor_client, tebboune, boukadoum):
    response = editor_client.post(
        reverse("admin:archive_article_add"),
        article_form(
            title="زيارة", body="استقبل الرئيس عبد المجيد تبون ضيفه صبري بوقادوم.", published="2021-04"
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(title="زيارة")
    assert sorted(m.entity_id for m in article.mentions.all()) == sorted([tebboune.id, boukadoum.id])
    assert str(article.published) == "أبريل 2021"
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert f'href="{tebboune.get_absolute_url()}"' in page


def test_saving_an_article_in_the_admin_queues_the_names_it_writes_and_editing_them_out_clears_them(
    editor_client,
):
    body = "استقبل الرئيس نظيره ثم وزير الخارجية التونسي عثمان الجرندي في مكتبه."
    response = editor_client.post(reverse("admin:archive_article_add"), article_form(title="لقاء", body=body))
    assert response.status_code == 302
    article = Article.objects.get(title="لقاء")
    queued = article.name_suggestions.filter(state="pending")
    assert list(queued.values_list("text", "kind")) == [("عثمان الجرندي", "person")]
    response = editor_client.post(
        reverse("admin:archive_article_change", args=[article.pk]),
        article_form(title="لقاء", body="استقبل الرئيس نظيره في مكتبه."),
    )
    assert response.status_code == 302
    assert not queued.exists()


def test_an_admin_save_reads_the_gazetteer_once(editor_client, tebboune, monkeypatch):
    """Linking runs once per save, after the editor's own mention edits, never again from a signal."""
    built = []
    from_database = Gazetteer.from_database.__func__
    monkeypatch.setattr(
        Gazetteer, "from_database", classmethod(lambda cls: built.append(1) or from_database(cls))
    )
    response = editor_client.post(
        reverse("admin:archive_article_add"), article_form(title="زيارة", body="استقبل الرئيس تبون ضيفه.")
    )
    assert response.status_code == 302
    assert len(built) == 1
    assert [m.entity_id for m in Article.objects.get(title="زيارة").mentions.all()] == [tebboune.id]


def mention_forms(article: Article, changes: dict[int, dict[str, str]]) -> dict[str, str]:
    """The mentions inline of an existing article as the change form posts it, with ``changes`` by index."""
    mentions = list(article.mentions.order_by("start"))
    data = {
        "mentions-TOTAL_FORMS": str(len(mentions)),
        "mentions-INITIAL_FORMS": str(len(mentions)),
        "mentions-MIN_NUM_FORMS": "0",
        "mentions-MAX_NUM_FORMS": "1000",
    }
    for index, mention in enumerate(mentions):
        fields = {
            "id": str(mention.pk),
            "article": str(article.pk),
            "entity": str(mention.entity_id),
            "start": str(mention.start),
            "end": str(mention.end),
            "state": mention.state,
            **changes.get(index, {}),
        }
        data.update(
            {f"mentions-{index}-{name}": value for name, value in fields.items() if value is not None}
        )
    return data


def test_editing_an_article_keeps_the_mention_an_editor_confirmed_and_relinks_the_rest(
    editor_client, visit_article, boukadoum
):
    first = visit_article.mentions.order_by("start").first()
    assert first.entity_id == boukadoum.id
    data = article_form(title=visit_article.title, body=visit_article.body + "\n\nوعاد بوقادوم إلى الجزائر.")
    data.update(mention_forms(visit_article, {0: {"state": "confirmed"}}))
    response = editor_client.post(reverse("admin:archive_article_change", args=[visit_article.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    visit_article.refresh_from_db()
    mentions = list(visit_article.mentions.order_by("start"))
    assert mentions[0].pk == first.pk and mentions[0].state == "confirmed"
    surfaces = [visit_article.body[m.start : m.end] for m in mentions]
    assert surfaces[-2:] == ["بوقادوم", "الجزائر"], "the new paragraph is linked on the same save"
    assert [m.state for m in mentions].count("confirmed") == 1


def test_an_alias_added_in_the_admin_links_the_articles_that_use_it(editor_client, db):
    article = save_linked(Article(body="وصل الوزير مساهل إلى طرابلس."))
    person = Person.objects.create(name="عبد القادر مساهل")
    relink_queued()
    assert not article.mentions.exists()
    response = editor_client.post(
        reverse("admin:archive_person_change", args=[person.pk]),
        {
            "name": person.name,
            "role": "",
            "country": "",
            "description": "",
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-MIN_NUM_FORMS": "0",
            "aliases-MAX_NUM_FORMS": "1000",
            "aliases-0-name": "مساهل",
        },
    )
    assert response.status_code == 302
    relink_queued()  # what the index writer does next
    assert [m.entity_id for m in article.mentions.all()] == [person.id]


def test_the_same_text_twice_is_refused_with_a_link_to_the_first(editor_client, visit_article):
    response = editor_client.post(reverse("admin:archive_article_add"), article_form(body=visit_article.body))
    assert response.status_code == 200
    assert "محفوظ في الأرشيف من قبل" in response.content.decode()
    assert Article.objects.count() == 1


@pytest.mark.parametrize("typed", ["2021-13", "أمس", "2021-02-30", "x" * 500])
def test_a_date_that_does_not_exist_is_refused_and_nothing_is_saved(editor_client, typed):
    response = editor_client.post(
        reverse("admin:archive_article_add"), article_form(body="نص جديد.", published=typed)
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Article.objects.exists()


def test_admin_search_reads_arabic_as_the_search_page_does(editor_client, visit_article, db):
    """Hamza, clitics and suffixes are read as the index reads them, not as SQL LIKE would."""
    other = Article.objects.create(title="الأمن في المنطقة", body="وقّع البلدان الاتفاقيات الأمنية.")
    call_command("update_index", verbosity=0)
    changelist = reverse("admin:archive_article_changelist")
    for query in ("الامن", "اتفاقيه", "امنيه", '"الاتفاقيات الامنيه"'):
        assert list(editor_client.get(changelist, {"q": query}).context["cl"].result_list) == [other], query
    assert not editor_client.get(changelist, {"q": "الامن -المنطقه"}).context["cl"].result_list
    response = editor_client.get(reverse("admin:archive_person_changelist"), {"q": "عبدالمجيد"})
    assert [p.name for p in response.context["cl"].result_list] == ["عبد المجيد تبون"]


def test_admin_stays_arabic_and_right_to_left_for_an_english_browser(editor_client):
    response = editor_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = response.content.decode()
    assert 'lang="ar"' in page and 'dir="rtl"' in page
    assert "إدارة الأرشيف" in page


def test_every_admin_list_and_form_opens(editor_client, visit_article, tebboune):
    agreement = Agreement.objects.create(name="اتفاقية")
    for name in ("article", "person", "organization", "country", "place", "agreement", "source"):
        assert editor_client.get(reverse(f"admin:archive_{name}_changelist")).status_code == 200, name
        assert editor_client.get(reverse(f"admin:archive_{name}_add")).status_code == 200, name
    for url in (
        reverse("admin:archive_article_change", args=[visit_article.pk]),
        reverse("admin:archive_person_change", args=[tebboune.pk]),
        reverse("admin:archive_agreement_change", args=[agreement.pk]),
    ):
        assert editor_client.get(url).status_code == 200, url


def test_an_alias_added_inline_is_stored_normalised(editor_client, algeria):
    response = editor_client.post(
        reverse("admin:archive_person_add"),
        {
            "name": "نور الدين مقري",
            "role": "مدير",
            "country": algeria.pk,
            "description": "",
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-MIN_NUM_FORMS": "0",
            "aliases-MAX_NUM_FORMS": "1000",
            "aliases-0-name": "نورالدين مقري",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(name="نور الدين مقري")
    assert list(Alias.objects.filter(entity=person).values_list("normalized", flat=True)) == ["نورالدين مقري"]


def test_relink_action_links_old_articles_to_a_new_alias(editor_client, db):
    article = save_linked(Article(body="وصل الوزير مساهل إلى طرابلس."))
    person = Person.objects.create(name="عبد القادر مساهل")
    Alias.objects.create(entity=person, name="مساهل")
    editor_client.post(
        reverse("admin:archive_article_changelist"),
        {"action": "relink", "_selected_action": [article.pk]},
    )
    assert [m.entity_id for m in article.mentions.all()] == [person.id]


def test_anonymous_visitors_cannot_reach_the_admin(client, db):
    response = client.get(reverse("admin:archive_article_add"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_date_box_is_left_to_right_and_its_help_isolates_each_iso_example(editor_client):
    page = editor_client.get(reverse("admin:archive_article_add")).content.decode()
    assert re.search(r'<input type="text" name="published"[^>]* dir="ltr"', page)
    for example in ("2021", "2021-04", "2021-04-21"):
        assert f'(<bdi dir="ltr">{example}</bdi>)' in page


def test_a_date_written_with_an_algerian_month_name_is_saved(editor_client):
    response = editor_client.post(
        reverse("admin:archive_article_add"), article_form(body="نص جديد.", published="21 أوت 2021")
    )
    assert response.status_code == 302
    assert Article.objects.get().published == PartialDate(2021, 8, 21)


def test_a_refused_date_is_quoted_isolated_so_it_reads_as_typed(editor_client):
    response = editor_client.post(
        reverse("admin:archive_article_add"), article_form(body="نص جديد.", published="2021-04-31")
    )
    assert "التاريخ «\u20682021-04-31\u2069» غير موجود في التقويم." in response.content.decode()


@pytest.mark.parametrize(
    ("digits", "date", "mentions"), [("western", "أبريل 2021", "5"), ("arabic-indic", "أبريل ٢٠٢١", "٥")]
)
def test_the_article_list_shows_dates_isolated_and_counts_in_the_site_s_digits(
    editor_client, visit_article, settings, digits, date, mentions
):
    settings.ARCHIVE_DIGITS = digits
    visit_article.published = PartialDate(2021, 4)
    visit_article.save()
    assert visit_article.mentions.count() == 5
    page = editor_client.get(reverse("admin:archive_article_changelist")).content.decode()
    assert (
        f'<td class="field-published_display"><time datetime="2021-04" dir="rtl">{date}</time></td>' in page
    )
    assert f'<td class="field-mention_count">{mentions}</td>' in page
    updated = re.search(
        r'<td class="field-updated_display"><time datetime="[^"]+" dir="rtl">([^<]+)</time>', page
    )
    other_digits = "[0-9]" if digits == "arabic-indic" else "[\u0660-\u0669]"
    assert updated and re.search(r"\d", updated[1]) and not re.search(other_digits, updated[1])


def with_new_mention(data: dict[str, str], article: Article, entity_id, start, end) -> dict[str, str]:
    """The change form's data with one more mention row, as the inline's "add another" posts it."""
    index = int(data["mentions-TOTAL_FORMS"])
    data.update(
        {
            f"mentions-{index}-article": str(article.pk),
            f"mentions-{index}-entity": str(entity_id),
            f"mentions-{index}-start": str(start),
            f"mentions-{index}-end": str(end),
            f"mentions-{index}-state": "automatic",
            "mentions-TOTAL_FORMS": str(index + 1),
        }
    )
    return data


def test_a_mention_linked_by_hand_on_words_the_linker_does_not_know_is_kept_as_confirmed(
    editor_client, visit_article, tebboune
):
    data = article_form(title=visit_article.title, body=visit_article.body)
    data.update(mention_forms(visit_article, {}))
    start = visit_article.body.index("وزير الخارجية")
    with_new_mention(data, visit_article, tebboune.pk, start, start + len("وزير الخارجية"))
    response = editor_client.post(reverse("admin:archive_article_change", args=[visit_article.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    relink()
    mention = visit_article.mentions.get(start=start)
    assert (mention.surface, mention.entity_id, mention.state) == ("وزير الخارجية", tebboune.pk, "confirmed")
    assert mention.decided_by.username == "editor" and mention.decided_at


def test_deleting_a_mention_in_the_article_form_rejects_it_and_the_next_save_does_not_bring_it_back(
    editor_client, visit_article, libya
):
    index = [m.entity_id for m in visit_article.mentions.order_by("start")].index(libya.pk)
    data = article_form(title=visit_article.title, body=visit_article.body)
    data.update(mention_forms(visit_article, {index: {"DELETE": "on"}}))
    url = reverse("admin:archive_article_change", args=[visit_article.pk])
    assert editor_client.post(url, data).status_code == 302
    assert visit_article.mentions.get(entity=libya).state == "rejected"
    data = article_form(title=visit_article.title, body=visit_article.body)
    data.update(mention_forms(visit_article, {}))
    assert editor_client.post(url, data).status_code == 302
    assert [m.state for m in visit_article.mentions.filter(entity=libya)] == ["rejected"]
    assert libya.pk not in visit_article.mentions.standing().values_list("entity_id", flat=True)


@pytest.mark.parametrize(("start", "end"), [(0, 10_000), (5, 5), (9, 3), ("x", "y"), (-1, 4), ("", "")])
def test_a_hand_made_mention_outside_the_body_is_refused_in_arabic(
    editor_client, visit_article, tebboune, start, end
):
    data = article_form(title=visit_article.title, body=visit_article.body)
    data.update(mention_forms(visit_article, {}))
    with_new_mention(data, visit_article, tebboune.pk, start, end)
    before = list(visit_article.mentions.values_list("pk", "state"))
    response = editor_client.post(reverse("admin:archive_article_change", args=[visit_article.pk]), data)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert list(visit_article.mentions.values_list("pk", "state")) == before


def test_the_review_lists_open(editor_client, visit_article):
    for name in ("mention", "namesuggestion"):
        page = editor_client.get(reverse(f"admin:archive_{name}_changelist")).content.decode()
        assert "review_queue.js" in page and 'id="review-keys"' in page and "<script>" not in page
