"""The review queue: suggested names accepted, rejected or taken as aliases, and mentions decided, in the admin."""

import secrets

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from archive.linking import relink_queued, save_linked
from archive.models import Alias, Article, Mention, NameSuggestion, Organization, Person, RelinkTask

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:archive_namesuggestion_changelist"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", secrets.token_urlsafe())


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def mashal_article(db) -> Article:
    """An article naming a minister the archive does not know; its queue emptied, so that each test
    decides on the suggestions it makes (test_name_queue.py holds what linking queues)."""
    article = save_linked(Article(body="وصل الوزير عبد القادر مساهل إلى طرابلس، وقال مساهل إن الحوار مستمر."))
    article.name_suggestions.all().delete()
    return article


def suggest(article: Article, text: str, kind: str = "person", confidence: float = 0.4) -> NameSuggestion:
    """The suggestion of ``text`` in ``article``, as linking queued it or made here, of ``kind``."""
    start = article.body.index(text)
    suggestion, _ = NameSuggestion.objects.update_or_create(
        article=article,
        start=start,
        end=start + len(text),
        defaults={"text": text, "kind": kind, "confidence": confidence, "state": "pending"},
    )
    return suggestion


def act(client, action: str, suggestions, **extra):
    data = {"action": action, "_selected_action": [s.pk for s in suggestions], **extra}
    return client.post(reverse(CHANGELIST), data, follow=True)


def test_accepting_a_name_creates_the_entity_and_links_the_articles_that_name_it(
    editor_client, editor, mashal_article
):
    suggestion = suggest(mashal_article, "عبد القادر مساهل")
    other = save_linked(Article(body="التقى عبد القادر مساهل نظيره."))
    response = act(editor_client, "accept", [suggestion])
    assert "قُبلت" in response.content.decode()
    person = Person.objects.get(name="عبد القادر مساهل")
    suggestion.refresh_from_db()
    assert (suggestion.state, suggestion.entity_id, suggestion.decided_by) == ("accepted", person.pk, editor)
    assert suggestion.decided_at is not None
    assert RelinkTask.objects.filter(entity_id=person.pk).exists(), "no manual step: the queue relinks"
    relink_queued()  # what the index writer does next
    for article in (mashal_article, other):
        assert person.pk in article.mentions.standing().values_list("entity_id", flat=True)


def test_accepting_takes_its_kind_from_the_suggestion_and_makes_one_entity_per_name(editor_client):
    first = save_linked(Article(body="أعلنت حركة البناء الوطني موقفها."))
    second = save_linked(Article(body="قالت حركة البناء الوطني إنها تشارك."))
    act(
        editor_client,
        "accept",
        [
            suggest(first, "حركة البناء الوطني", "organization"),
            suggest(second, "حركة البناء الوطني", "organization"),
        ],
    )
    assert Organization.objects.filter(name="حركة البناء الوطني").count() == 1
    assert not Person.objects.exists()


def test_accept_as_alias_adds_the_spelling_to_the_entity_chosen(editor_client, mashal_article):
    person = Person.objects.create(name="عبد القادر مساهل")
    relink_queued()
    suggestion = suggest(mashal_article, "مساهل")
    page = act(editor_client, "accept_as_alias", [suggestion])
    assert "قبول الأسماء صيغًا أخرى" in page.content.decode(), "an intermediate form asks for the entity"
    act(editor_client, "accept_as_alias", [suggestion], apply="yes", entity=str(person.pk))
    assert list(Alias.objects.filter(entity=person).values_list("name", flat=True)) == ["مساهل"]
    suggestion.refresh_from_db()
    assert (suggestion.state, suggestion.entity_id) == ("accepted", person.pk)
    relink_queued()
    assert len(mashal_article.mentions.filter(entity=person)) == 2


@pytest.mark.parametrize("entity", ["", "999999", "-1", "abc", "<script>", "1" * 400, "1.5"])
def test_accept_as_alias_with_no_such_entity_is_refused_in_arabic(editor_client, mashal_article, entity):
    suggestion = suggest(mashal_article, "مساهل")
    response = act(editor_client, "accept_as_alias", [suggestion], apply="yes", entity=entity)
    assert response.status_code == 200
    page = response.content.decode()
    assert "اختر" in page and "<script>" not in page
    suggestion.refresh_from_db()
    assert suggestion.state == "pending" and not Alias.objects.exists()


def test_a_second_submit_changes_nothing_and_says_so(editor_client, mashal_article):
    suggestion = suggest(mashal_article, "عبد القادر مساهل")
    act(editor_client, "accept", [suggestion])
    decided_at = NameSuggestion.objects.get().decided_at
    response = act(editor_client, "reject", [suggestion])
    assert "لم يبقَ فيما اخترت شيء بانتظار المراجعة" in response.content.decode()
    again = act(editor_client, "accept", [suggestion])
    assert "لم يبقَ" in again.content.decode()
    assert Person.objects.count() == 1
    assert NameSuggestion.objects.get().decided_at == decided_at


def test_a_rejected_suggestion_is_not_accepted_later(editor_client, mashal_article):
    suggestion = suggest(mashal_article, "عبد القادر مساهل")
    act(editor_client, "reject", [suggestion])
    act(
        editor_client,
        "accept_as_alias",
        [suggestion],
        apply="yes",
        entity=str(Person.objects.create(name="س").pk),
    )
    suggestion.refresh_from_db()
    assert suggestion.state == "rejected" and not Alias.objects.exists()


@pytest.mark.parametrize("selected", [[], ["999999"], ["abc"], ["<b>"]])
def test_an_action_on_nothing_or_on_no_such_row_is_no_error(editor_client, mashal_article, selected):
    suggest(mashal_article, "مساهل")
    response = editor_client.post(
        reverse(CHANGELIST), {"action": "accept", "_selected_action": selected}, follow=True
    )
    assert response.status_code == 200
    assert set(NameSuggestion.objects.values_list("state", flat=True)) == {"pending"}


def test_the_queue_puts_the_least_certain_first_and_filters(editor_client, mashal_article):
    sure = suggest(mashal_article, "عبد القادر مساهل", confidence=0.9)
    unsure = suggest(mashal_article, "طرابلس", "organization", confidence=0.2)
    rows = editor_client.get(reverse(CHANGELIST)).context["cl"].result_list
    assert list(rows) == [unsure, sure]
    for query, expected in (
        ({"kind": "person"}, [sure]),
        ({"confidence": "low"}, [unsure]),
        ({"article__id__exact": mashal_article.pk}, [unsure, sure]),
    ):
        assert list(editor_client.get(reverse(CHANGELIST), query).context["cl"].result_list) == expected, (
            query
        )
    for hostile in (
        {"confidence": "<x>"},
        {"kind": "x" * 5000},
        {"article__id__exact": "abc"},
        {"state": "<b>"},
    ):
        assert editor_client.get(reverse(CHANGELIST), hostile).status_code in (200, 302)


def test_suggestions_are_never_shown_to_readers(client, mashal_article):
    suggest(mashal_article, "عبد القادر مساهل")
    page = client.get(mashal_article.get_absolute_url()).content.decode()
    assert "عبد القادر مساهل" in page and "مساهل</a>" not in page
    assert not Person.objects.exists()


def test_the_mention_list_confirms_and_rejects_and_a_delete_rejects(
    editor_client, editor, visit_article, libya
):
    changelist = reverse("admin:archive_mention_changelist")
    automatic = list(visit_article.mentions.order_by("start"))
    editor_client.post(changelist, {"action": "accept", "_selected_action": [automatic[0].pk]})
    editor_client.post(changelist, {"action": "reject", "_selected_action": [automatic[1].pk]})
    states = dict(Mention.objects.values_list("pk", "state"))
    assert (states[automatic[0].pk], states[automatic[1].pk]) == ("confirmed", "rejected")
    assert Mention.objects.get(pk=automatic[1].pk).decided_by == editor
    editor_client.post(reverse("admin:archive_mention_delete", args=[automatic[2].pk]), {"post": "yes"})
    assert Mention.objects.get(pk=automatic[2].pk).state == "rejected"
    save_linked(visit_article)
    assert Mention.objects.get(pk=automatic[2].pk).state == "rejected", "the linker does not bring it back"


def test_decided_rows_leave_the_queue_unless_asked_for(editor_client, mashal_article):
    accepted, waiting = suggest(mashal_article, "عبد القادر مساهل"), suggest(mashal_article, "طرابلس")
    act(editor_client, "accept", [accepted])

    def rows(**query):
        return list(editor_client.get(reverse(CHANGELIST), query).context["cl"].result_list)

    assert rows() == [waiting]
    assert rows(state="accepted") == [accepted]
    assert set(rows(state="all")) == {accepted, waiting}
