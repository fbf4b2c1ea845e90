"""archive.linking: saving an article links it to the entities its body names."""

import itertools

import pytest
from django.db.models.signals import post_save

from arabic.normalization import normalize
from archive.linking import Gazetteer, link_mentions, relink_queued, save_linked
from archive.models import Alias, Article, Country, Organization, Person, Place, RelinkTask

pytestmark = pytest.mark.django_db


def linked(article: Article) -> list[tuple[str, str]]:
    """(surface text, entity name) of each mention, in body order."""
    return [(m.surface, m.entity.name) for m in article.mentions.select_related("entity").order_by("start")]


def test_saving_an_article_links_every_name_with_offsets_into_the_original_text(visit_article):
    assert linked(visit_article) == [
        ("صبري بوقادوم", "صبري بوقادوم"),
        ("ليبيا", "ليبيا"),
        ("عبدالمجيد تبون", "عبد المجيد تبون"),
        ("الجزائر", "الجزائر"),
        ("بوقادوم", "صبري بوقادوم"),
    ]


def test_a_name_glued_to_a_preposition_is_found_and_the_mention_starts_after_it(visit_article):
    mention = visit_article.mentions.get(entity__name="صبري بوقادوم", start__gt=50)
    assert visit_article.body[mention.start - 1 : mention.end] == "لبوقادوم"
    assert mention.surface == "بوقادوم"


@pytest.mark.parametrize(
    "written",
    ["عبد المجيد تبون", "عبدالمجيد تبون", "عبدُالمجيد تبّون", "عبد المجيد  تبون", "وعبدالمجيد تبون"],
)
def test_both_spellings_of_a_compound_name_link_to_the_same_person(tebboune, written):
    article = save_linked(Article(body=f"استقبل الرئيس {written} الوفد."))
    assert [m.entity_id for m in article.mentions.all()] == [tebboune.id]
    assert normalize(article.mentions.get().surface).replace(" ", "") in {"عبدالمجيدتبون"}


def test_a_split_written_name_meets_a_joined_alias(db):
    nour = Person.objects.create(name="نورالدين مقري")
    article = save_linked(Article(body="وحضر الجنرال نور الدين مقري الاجتماع."))
    assert linked(article) == [("نور الدين مقري", "نورالدين مقري")]
    assert article.mentions.get().entity_id == nour.id


def test_the_longest_name_wins_and_mentions_never_overlap(tebboune, algeria):
    council = Organization.objects.create(name="المجلس الرئاسي")
    libyan_council = Organization.objects.create(name="المجلس الرئاسي الليبي")
    capital = Place.objects.create(name="الجزائر العاصمة", country=algeria)
    article = save_linked(
        Article(
            body="التقى المجلس الرئاسي الليبي بالجزائر العاصمة، ثم المجلس الرئاسي وحده، وتبون في الجزائر."
        )
    )
    assert linked(article) == [
        ("المجلس الرئاسي الليبي", libyan_council.name),
        ("الجزائر العاصمة", capital.name),
        ("المجلس الرئاسي", council.name),
        ("تبون", tebboune.name),
        ("الجزائر", algeria.name),
    ]
    spans = sorted((m.start, m.end) for m in article.mentions.all())
    assert all(end <= next_start for (_, end), (next_start, _) in itertools.pairwise(spans))


def test_a_name_inside_a_longer_word_is_not_a_mention(algeria):
    article = save_linked(Article(body="قال الوزير الجزائري إن الجزائريين والجزائرية مستعدون."))
    assert linked(article) == []


def test_proclitics_with_the_article_are_accepted(algeria, libya):
    article = save_linked(Article(body="دعم للجزائر وبالجزائر ولليبيا فلليبيا."))
    assert [surface for surface, _ in linked(article)] == ["لجزائر", "الجزائر", "ليبيا", "ليبيا"]
    for mention in article.mentions.all():
        # After ل the article's alef is not written: ل + الجزائر = للجزائر.
        written = {normalize(mention.surface), normalize("ا" + mention.surface)}
        assert normalize(mention.entity.name) in written


def test_a_spelling_shared_by_two_entities_is_left_for_an_editor(algeria):
    Place.objects.create(name="الجزائر", country=algeria)
    article = save_linked(Article(body="وصل الوفد إلى الجزائر."))
    assert linked(article) == []


def test_editing_the_body_moves_mentions_with_it(visit_article):
    visit_article.body = "مقدمة جديدة. " + visit_article.body
    save_linked(visit_article)
    for mention in visit_article.mentions.all():
        assert normalize(mention.surface) in {normalize(s) for s in mention.entity.spellings()} | {"بوقادوم"}
    assert len(linked(visit_article)) == 5


def test_linking_twice_changes_nothing(visit_article):
    before = list(visit_article.mentions.values_list("id", "entity_id", "start", "end"))
    link_mentions(visit_article, Gazetteer.from_database())
    assert list(visit_article.mentions.values_list("id", "entity_id", "start", "end")) == before


def test_an_alias_added_later_links_the_articles_that_use_it_once_the_queue_is_drained(db):
    country = Country.objects.create(name="تشاد")
    relink_queued()
    article = save_linked(Article(body="وقعت جمهوريةُ التّشاد على الاتفاق."))
    assert linked(article) == []
    Alias.objects.create(entity=country, name="التشاد")
    assert RelinkTask.objects.filter(entity_id=country.pk).exists()
    assert relink_queued() == 1
    assert linked(article) == [("التّشاد", "تشاد")]
    assert not RelinkTask.objects.exists()


def test_a_removed_alias_unlinks_the_articles_that_only_used_it(db):
    country = Country.objects.create(name="تشاد")
    alias = Alias.objects.create(entity=country, name="التشاد")
    article = save_linked(Article(body="وقعت جمهورية التشاد على الاتفاق."))
    assert linked(article) == [("التشاد", "تشاد")]
    alias.delete()
    relink_queued()
    assert linked(article) == []


def test_a_renamed_entity_links_the_articles_that_write_its_new_name(db):
    place = Place.objects.create(name="مرسى مطروح")
    article = save_linked(Article(body="انعقد اللقاء في مدينة العلمين الساحلية."))
    place.name = "العلمين"
    place.save()
    relink_queued()
    assert linked(article) == [("العلمين", "العلمين")]


def test_only_the_articles_that_may_write_a_changed_entitys_name_are_read_again(db, monkeypatch):
    country = Country.objects.create(name="تشاد")
    save_linked(Article(body="وصل الوفد إلى النيجر."))
    naming = save_linked(Article(body="وصل الوفد إلى جمهوريـة تشاد."))
    read = []
    find = Gazetteer.find
    monkeypatch.setattr(
        Gazetteer, "find", lambda self, text, *tokens: read.append(text) or find(self, text, *tokens)
    )
    Alias.objects.create(entity=country, name="جمهورية تشاد")
    relink_queued()
    assert read == [naming.body]


def test_fixtures_queue_no_relinking_since_they_carry_their_mentions(db):
    from django.core.management import call_command

    call_command("loaddata", "entities", verbosity=0)
    assert not RelinkTask.objects.exists()


def test_gazetteer_finds_nothing_in_text_without_names():
    assert Gazetteer([(1, "ليبيا")]).find("") == []
    assert Gazetteer([(1, "ليبيا")]).find("،،، !!! ...") == []


def test_an_article_whose_post_save_work_fails_is_not_kept(db):
    """Saving, linking and what post_save writes (the queues) commit together, or not at all."""

    def fail(**kwargs):
        raise RuntimeError("the receiver failed")

    post_save.connect(fail, sender=Article, dispatch_uid="test-failing-receiver")
    try:
        with pytest.raises(RuntimeError):
            save_linked(Article(title="لن يُحفظ", body="نص لن يُحفظ."))
    finally:
        post_save.disconnect(sender=Article, dispatch_uid="test-failing-receiver")
    assert not Article.objects.exists()
