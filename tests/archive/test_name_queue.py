"""archive.name_queue: linking an article fills the review queue with the names it writes that no entity has."""

import io
import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from archive.linking import relink, relink_queued, save_linked
from archive.models import Alias, Article, NameSuggestion, Organization, Person
from archive.reviewing import accept_names, reject_names

pytestmark = pytest.mark.django_db

JERANDI = "وصل وزير الخارجية التونسي عثمان الجرندي إلى الجزائر صباح اليوم في زيارة رسمية."
JERANDI_AGAIN = "وقال وزير الخارجية التونسي عثمان الجرندي إن الحوار مع ليبيا مستمر."
WITHOUT_HIM = "وصل الوفد التونسي إلى الجزائر صباح اليوم في زيارة رسمية."


def pending(article: Article) -> list[tuple[str, str]]:
    return list(NameSuggestion.objects.filter(article=article, state="pending").values_list("text", "kind"))


def editor():
    return get_user_model().objects.create_user("editor")


def import_jsonl(tmp_path: Path, *bodies: str) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"body": body}, ensure_ascii=False) + "\n" for body in bodies))
    call_command("import_articles", str(path), stdout=io.StringIO())


def test_saving_an_article_queues_the_name_it_writes_after_a_title():
    article = save_linked(Article(body=JERANDI))
    assert pending(article) == [("عثمان الجرندي", "person")]
    suggestion = NameSuggestion.objects.get()
    assert (suggestion.cue, 0 < suggestion.confidence < 1) == ("وزير", True)


def test_editing_the_name_out_of_the_article_takes_its_suggestion_away():
    article = save_linked(Article(body=JERANDI))
    article.body = WITHOUT_HIM
    save_linked(article)
    assert pending(article) == []


def test_saving_the_same_text_again_keeps_the_row_an_editor_may_have_open():
    article = save_linked(Article(body=JERANDI))
    first = NameSuggestion.objects.get().pk
    save_linked(article)
    assert list(NameSuggestion.objects.values_list("pk", flat=True)) == [first]


def test_a_name_written_by_more_articles_is_more_confident_in_each():
    one = save_linked(Article(body=JERANDI))
    alone = NameSuggestion.objects.get(article=one).confidence
    save_linked(Article(body=JERANDI_AGAIN))
    confidences = set(NameSuggestion.objects.values_list("confidence", flat=True))
    assert len(confidences) == 1 and confidences.pop() > alone
    Article.objects.exclude(pk=one.pk).delete()
    save_linked(one)
    assert NameSuggestion.objects.get(article=one).confidence == alone


def test_a_rejected_name_stays_rejected_when_the_article_is_saved_again_however_it_is_spaced():
    article = save_linked(Article(body=JERANDI))
    reject_names(NameSuggestion.objects.all(), editor())
    article.body = "التقى وزير الخارجية التونسي عثمان  الجرنـدي نظيره الليبي في طرابلس."
    save_linked(article)
    assert pending(article) == []
    assert list(NameSuggestion.objects.values_list("state", flat=True)) == ["rejected"]


def test_a_rejected_name_stays_rejected_through_an_import_and_a_relink(tmp_path):
    article = save_linked(Article(body=JERANDI))
    reject_names(NameSuggestion.objects.all(), editor())
    import_jsonl(tmp_path, JERANDI, JERANDI_AGAIN)  # the first is the stored article again: skipped
    assert pending(article) == []
    Person.objects.create(name="نجلاء المنقوش")
    relink_queued()
    relink()
    assert pending(article) == []
    assert NameSuggestion.objects.get(article=article).state == "rejected"
    assert [
        (text, state)
        for text, state in NameSuggestion.objects.exclude(article=article).values_list("text", "state")
    ] == [("عثمان الجرندي", "pending")], "rejected in one article, still a question in another"


def test_an_accepted_name_is_linked_and_not_suggested_again():
    article = save_linked(Article(body=JERANDI))
    accept_names(NameSuggestion.objects.all(), editor())
    relink_queued()
    other = save_linked(Article(body=JERANDI_AGAIN))
    save_linked(article)
    assert pending(article) == [] and pending(other) == []
    jerandi = Person.objects.get(name="عثمان الجرندي")
    assert other.mentions.filter(entity=jerandi).exists()


def test_a_name_accepted_in_one_article_is_not_suggested_in_another_before_the_linker_links_it():
    """The gazetteer of an import may predate the decision: the queue still knows the name is settled."""
    article = save_linked(Article(body=JERANDI))
    NameSuggestion.objects.update(state="accepted")
    other = save_linked(Article(body=JERANDI_AGAIN))
    assert pending(other) == []
    assert pending(article) == []


def test_a_new_alias_takes_the_suggestion_away_when_its_articles_are_relinked():
    article = save_linked(Article(body=JERANDI))
    person = Person.objects.create(name="الجرندي الوزير")
    Alias.objects.create(entity=person, name="عثمان الجرندي")
    relink_queued()
    assert pending(article) == []


def test_importing_a_jsonl_file_queues_the_names_its_articles_write(tmp_path):
    import_jsonl(
        tmp_path,
        JERANDI,
        JERANDI_AGAIN,
        "أعلنت المفوضية الوطنية العليا للانتخابات في ليبيا موعد الاقتراع.",
    )
    queued = NameSuggestion.objects.filter(state="pending")
    assert sorted(queued.values_list("text", flat=True)) == [
        "المفوضية الوطنية العليا للانتخابات",
        "عثمان الجرندي",
        "عثمان الجرندي",
    ]
    assert queued.get(kind="organization").confidence < queued.filter(kind="person").first().confidence


@pytest.mark.parametrize(
    "body",
    [
        "",
        "\x01\x07\x1b\x7f" * 50,
        "وزير\x01 عثمان\x1b الجرندي\u200f\u202e وصل",
        "وزير الخارجية " + "ع" * 5000 + " " + "ج" * 5000,
        "وزيـ" + "ـ" * 400 + "ـر الخارجية عثمان الجرندي",
        (JERANDI + " ") * 2000,
        "وزير " * 20000,
    ],
    ids=["empty", "control", "control-in-name", "huge-words", "long-cue", "repeated", "cues-only"],
)
def test_hostile_text_is_saved_and_queues_only_what_fits(body):
    """Control characters (NUL is refused by the forms and the importer before), huge words, long cues."""
    article = save_linked(Article(body=body))
    for suggestion in NameSuggestion.objects.filter(article=article):
        assert len(suggestion.text) <= 300 and len(suggestion.cue) <= 200
        assert body[suggestion.start : suggestion.end] == suggestion.text


def test_a_known_spelling_the_linker_gives_to_another_countrys_body_is_not_queued(libya):
    """Accepted, it would make a second entity of "المجلس الرئاسي", and the spelling would name neither."""
    council = Organization.objects.create(name="المجلس الرئاسي الليبي", country=libya)
    Alias.objects.create(entity=council, name="المجلس الرئاسي")
    article = save_linked(Article(body="واستقبل رئيس المجلس الرئاسي في اليمن وفدا أمميا."))
    assert not article.mentions.exists()
    assert pending(article) == []
