"""archive.linking: saving an article links it to the entities its body names."""

import itertools

import pytest
from django.db.models.signals import post_save

from arabic.normalization import normalize
from archive.linking import Gazetteer, link_mentions
from archive.models import Alias, Article, Country, Mention, Organization, Place
from tests.conftest import person

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
    article = Article.objects.create(body=f"استقبل الرئيس {written} الوفد.")
    assert [m.entity_id for m in article.mentions.all()] == [tebboune.id]
    assert normalize(article.mentions.get().surface).replace(" ", "") in {"عبدالمجيدتبون"}


def test_a_split_written_name_meets_a_joined_alias(db):
    nour = person("نورالدين مقري")
    article = Article.objects.create(body="وحضر الجنرال نور الدين مقري الاجتماع.")
    assert linked(article) == [("نور الدين مقري", "نورالدين مقري")]
    assert article.mentions.get().entity_id == nour.id


def test_the_longest_name_wins_and_mentions_never_overlap(tebboune, algeria):
    council = Organization.objects.create(name="المجلس الرئاسي")
    libyan_council = Organization.objects.create(name="المجلس الرئاسي الليبي")
    capital = Place.objects.create(name="الجزائر العاصمة", country=algeria)
    article = Article.objects.create(
        body="التقى المجلس الرئاسي الليبي بالجزائر العاصمة، ثم المجلس الرئاسي وحده، وتبون في الجزائر."
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
    article = Article.objects.create(body="قال الوزير الجزائري إن الجزائريين والجزائرية مستعدون.")
    assert linked(article) == []


def test_proclitics_with_the_article_are_accepted(algeria, libya):
    article = Article.objects.create(body="دعم للجزائر وبالجزائر ولليبيا فلليبيا.")
    assert [surface for surface, _ in linked(article)] == ["لجزائر", "الجزائر", "ليبيا", "ليبيا"]
    for mention in article.mentions.all():
        # After ل the article's alef is not written: ل + الجزائر = للجزائر.
        written = {normalize(mention.surface), normalize("ا" + mention.surface)}
        assert normalize(mention.entity.name) in written


def test_a_spelling_shared_by_two_entities_is_left_for_an_editor(algeria):
    Place.objects.create(name="الجزائر", country=algeria)
    article = Article.objects.create(body="وصل الوفد إلى الجزائر.")
    assert linked(article) == []


def test_editing_the_body_moves_mentions_with_it(visit_article):
    visit_article.body = "مقدمة جديدة. " + visit_article.body
    visit_article.save()
    for mention in visit_article.mentions.all():
        assert normalize(mention.surface) in {normalize(s) for s in mention.entity.spellings()} | {"بوقادوم"}
    assert len(linked(visit_article)) == 5


def test_linking_twice_changes_nothing(visit_article):
    before = list(visit_article.mentions.values_list("id", "entity_id", "start", "end"))
    link_mentions(visit_article)
    assert list(visit_article.mentions.values_list("id", "entity_id", "start", "end")) == before


def test_a_confirmed_mention_survives_relinking_while_the_text_still_names_it(visit_article, libya):
    # A confirmed mention over words that do not name Libya is dropped; one over
    # "ليبيا" is kept as it is.
    hand_made = Mention.objects.create(article=visit_article, entity=libya, start=0, end=4, confirmed=True)
    link_mentions(visit_article)
    assert not Mention.objects.filter(pk=hand_made.pk).exists(), "a span that does not name Libya is dropped"
    automatic = visit_article.mentions.get(entity=libya)
    automatic.confirmed = True
    automatic.save()
    link_mentions(visit_article)
    assert visit_article.mentions.get(entity=libya).pk == automatic.pk


def test_an_alias_added_later_is_found_on_relinking(db):
    country = Country.objects.create(name="تشاد")
    article = Article.objects.create(body="وقعت جمهورية التشاد على الاتفاق.")
    assert linked(article) == []
    Alias.objects.create(entity=country, name="التشاد")
    link_mentions(article)
    assert linked(article) == [("التشاد", "تشاد")]


def test_gazetteer_finds_nothing_in_text_without_names():
    assert Gazetteer([(1, "ليبيا")]).find("") == []
    assert Gazetteer([(1, "ليبيا")]).find("،،، !!! ...") == []


def test_an_article_whose_post_save_work_fails_is_not_kept(db):
    """Saving and what post_save writes (mentions, the search queue) commit together."""

    def fail(**kwargs):
        raise RuntimeError("the receiver failed")

    post_save.connect(fail, sender=Article, dispatch_uid="test-failing-receiver")
    try:
        with pytest.raises(RuntimeError):
            Article.objects.create(title="لن يُحفظ", body="نص لن يُحفظ.")
    finally:
        post_save.disconnect(sender=Article, dispatch_uid="test-failing-receiver")
    assert not Article.objects.exists()
