"""The hand-curated entities fixture: it loads, it is consistent, it links the seeds."""

from __future__ import annotations

import datetime
import io
import json
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from arabic.normalization import normalize, words
from archive.linking import save_linked
from archive.models import (
    ENTITY_MODELS,
    Agreement,
    Alias,
    Article,
    Country,
    Entity,
    Mention,
    Organization,
    Person,
    Place,
)

SEEDS = Path(settings.BASE_DIR) / "fixtures" / "seeds"
MODELS = (Entity, Country, Place, Organization, Person, Agreement, Alias)


def load_entities() -> None:
    call_command("loaddata", "entities", verbosity=0)


def counts() -> dict[str, int]:
    result = {model.__name__: model.objects.count() for model in MODELS}
    result["parties"] = Agreement.parties.through.objects.count()
    result["related"] = Agreement.related.through.objects.count()
    return result


def key(text: str) -> str:
    """A spelling as the linker looks it up: its normalised words, joined."""
    return "".join(word.text for word in words(text))


def entity(name: str) -> Entity:
    return Entity.objects.get(name=name)


# ---------------------------------------------------------------- loading


@pytest.mark.django_db
def test_fixture_loads_and_loading_twice_changes_nothing():
    load_entities()
    first = counts()
    records = json.loads((Path(settings.BASE_DIR) / "fixtures" / "entities.json").read_text(encoding="utf-8"))
    assert first["Entity"] == sum(record["model"] == "archive.entity" for record in records) > 0
    assert first["Alias"] == sum(record["model"] == "archive.alias" for record in records) > 0
    snapshot = list(Entity.objects.order_by("pk").values_list("pk", "kind", "name", "slug"))

    load_entities()

    assert counts() == first
    assert list(Entity.objects.order_by("pk").values_list("pk", "kind", "name", "slug")) == snapshot


# ---------------------------------------------------------------- derived fields


@pytest.mark.django_db
def test_every_entity_has_exactly_the_row_of_its_kind():
    load_entities()
    for item in Entity.objects.all():
        rows = {kind: model.objects.filter(pk=item.pk).exists() for kind, model in ENTITY_MODELS.items()}
        assert [kind for kind, present in rows.items() if present] == [item.kind], item.name


@pytest.mark.django_db
def test_derived_fields_equal_what_save_computes():
    load_entities()
    stored = {e.pk: (e.kind, e.slug, e.normalized_name) for e in Entity.objects.all()}
    assert len({slug for _, slug, _ in stored.values()}) == len(stored)
    for pk, (_, _, normalized_name) in stored.items():
        assert normalized_name == normalize(Entity.objects.get(pk=pk).name)

    # Recompute kind and slug through save(): free the slug first, so that
    # unique_slug does not meet the row itself.
    for pk in stored:
        Entity.objects.filter(pk=pk).update(slug=f"placeholder-{pk}")
    for kind, model in ENTITY_MODELS.items():
        for item in model.objects.all():
            item.kind, item.slug = "", ""
            item.save()
            assert (item.kind, item.slug, item.normalized_name) == stored[item.pk], item.name
            assert item.kind == kind

    for alias in Alias.objects.all():
        assert alias.normalized == normalize(alias.name), alias.name


@pytest.mark.django_db
def test_no_spelling_is_shared_by_two_entities():
    """The linker ignores a spelling that two entities share: none may be."""
    load_entities()
    owners = defaultdict(set)
    for item in Entity.objects.prefetch_related("aliases"):
        for spelling in item.spellings():
            owners[key(spelling)].add(item.name)
    shared = {spelling: names for spelling, names in owners.items() if len(names) > 1}
    assert shared == {}


# ---------------------------------------------------------------- content

PEOPLE = {
    "موسى الكوني": "ليبيا",
    "عبد المجيد تبون": "الجزائر",
    "صبري بوقادوم": "الجزائر",
    "كمال بلجود": "الجزائر",
    "نور الدين مقري": "الجزائر",
    "عبد الحميد الدبيبة": "ليبيا",
    "محمد المنفي": "ليبيا",
    "نجلاء المنقوش": "ليبيا",
    "محمد أمين الدرامشي": "الجزائر",
    "خالد المازن": "ليبيا",
    "محمد سيالة": "ليبيا",
    "عبد القادر مساهل": "الجزائر",
    "فايز السراج": "ليبيا",
    "معمر القذافي": "ليبيا",
}


@pytest.mark.django_db
def test_the_fourteen_people_with_role_and_country():
    load_entities()
    people = {p.name: p for p in Person.objects.select_related("country")}
    assert set(people) == set(PEOPLE)
    for name, country in PEOPLE.items():
        assert people[name].role, name
        assert people[name].country.name == country, name
    assert people["صبري بوقادوم"].role == "وزير الخارجية الجزائري"
    assert people["محمد أمين الدرامشي"].role == (
        "الأمين العام لوزارة الداخلية والجماعات المحلية والتهيئة العمرانية"
    )


@pytest.mark.django_db
def test_compound_names_carry_both_spellings_the_texts_use():
    load_entities()
    for name, spellings in {
        "عبد المجيد تبون": {"عبدالمجيد تبون", "عبد المجيد تبون", "تبون"},
        "نور الدين مقري": {"نورالدين مقري", "نور الدين مقري"},
        "عبد الحميد الدبيبة": {"عبدالحميد الدبيبة", "عبد الحميد الدبيبة", "الدبيبة"},
    }.items():
        assert spellings <= set(entity(name).spellings())


@pytest.mark.django_db
def test_places_and_organisations_are_in_their_country():
    load_entities()
    places = {p.name: p.country.name for p in Place.objects.select_related("country")}
    assert places == {
        "الجزائر العاصمة": "الجزائر",
        "طرابلس": "ليبيا",
        "سبها": "ليبيا",
        "غدامس": "ليبيا",
        "الدبداب": "الجزائر",
        "تنلكوم": "الجزائر",
    }
    organisations = {o.name: o.country and o.country.name for o in Organization.objects.select_related()}
    assert organisations["المجلس الرئاسي الليبي"] == "ليبيا"
    assert organisations["حكومة الوحدة الوطنية"] == "ليبيا"
    assert organisations["حكومة الوفاق الوطني"] == "ليبيا"
    assert organisations["وزارة الخارجية الجزائرية"] == "الجزائر"
    assert organisations["اتحاد المغرب العربي"] is None


@pytest.mark.django_db
def test_agreements_dates_status_parties_and_relations():
    load_entities()
    agreements = {a.name: a for a in Agreement.objects.prefetch_related("parties", "related")}
    first = agreements["الاتفاق الأمني الجزائري الليبي"]
    update = agreements["تحيين الاتفاق الأمني الجزائري الليبي"]
    assert (first.signed_on, first.signed_precision) == (datetime.date(2001, 8, 1), "month")
    assert str(first.signed) == "أغسطس 2001"
    assert (update.signed_on, update.signed_precision) == (datetime.date(2012, 2, 1), "month")
    assert list(update.related.all()) == [first]
    assert list(first.related.all()) == [update]
    for agreement in (first, update):
        assert {p.name for p in agreement.parties.all()} == {"الجزائر", "ليبيا"}

    quadrilateral = agreements["الاتفاقية الأمنية الرباعية"]
    assert {p.name for p in quadrilateral.parties.all()} == {"ليبيا", "تشاد", "النيجر", "السودان"}
    draft = agreements["مشروع اتفاقية ثنائية لمكافحة المخدرات والمؤثرات العقلية"]
    assert draft.status == Agreement.Status.DRAFT
    assert "اتفاقية اتحاد المغرب العربي" in agreements
    # No date is invented: only the two the texts state are stored.
    assert {a.name for a in agreements.values() if a.signed_on} == {first.name, update.name}


# ---------------------------------------------------------------- linking the seeds

EXPECTED = {
    "000": {
        "موسى الكوني",
        "عبد المجيد تبون",
        "المجلس الرئاسي الليبي",
        "الجزائر العاصمة",
        "الاتفاقية الأمنية الرباعية",
        "الجزائر",
        "ليبيا",
        "تشاد",
        "النيجر",
        "السودان",
        "سبها",
    },
    "001": {
        "صبري بوقادوم",
        "كمال بلجود",
        "نور الدين مقري",
        "عبد المجيد تبون",
        "عبد الحميد الدبيبة",
        "محمد المنفي",
        "معمر القذافي",
        "اللجنة التنفيذية العليا المشتركة",
        "المجلس الرئاسي الليبي",
        "حكومة الوحدة الوطنية",
        "المديرية العامة للوثائق والأمن الخارجي",
        "طرابلس",
        "الجزائر",
        "ليبيا",
    },
    "002": {
        "صبري بوقادوم",
        "كمال بلجود",
        "نور الدين مقري",
        "عبد المجيد تبون",
        "عبد الحميد الدبيبة",
        "محمد المنفي",
        "نجلاء المنقوش",
        "المجلس الرئاسي الليبي",
        "حكومة الوحدة الوطنية",
        "المجلس الأعلى للدولة",
        "اللجنة التنفيذية العليا المشتركة",
        "وزارة الخارجية الجزائرية",
        "المديرية العامة للوثائق والأمن الخارجي",
        "تنظيم داعش",
        "اتفاقية اتحاد المغرب العربي",
        "طرابلس",
        "الدبداب",
        "غدامس",
        "تنلكوم",
        "الجزائر",
        "ليبيا",
    },
    "003": {
        "محمد أمين الدرامشي",
        "خالد المازن",
        "وزارة الداخلية والجماعات المحلية والتهيئة العمرانية",
        "وزارة الداخلية الليبية",
        "حكومة الوفاق الوطني",
        "اللجنة الأمنية المشتركة",
        "اللجنة الكبرى المشتركة",
        "مشروع اتفاقية ثنائية لمكافحة المخدرات والمؤثرات العقلية",
        "الاتفاق الأمني الجزائري الليبي",
        "الجزائر العاصمة",
        "طرابلس",
        "الجزائر",
        "ليبيا",
    },
    "004": {
        "محمد سيالة",
        "عبد القادر مساهل",
        "فايز السراج",
        "المجلس الرئاسي الليبي",
        "حكومة الوفاق الوطني",
        "تنظيم داعش",
        "اتحاد المغرب العربي",
        "الاتحاد الإفريقي",
        "جامعة الدول العربية",
        "طرابلس",
        "الجزائر",
        "ليبيا",
        "تونس",
    },
}


@pytest.fixture
def seeds(db) -> dict[str, Article]:
    """The five seed articles, saved after the entities (the save links them)."""
    load_entities()
    paths = sorted(SEEDS.glob("*.txt"))
    assert [path.name[:3] for path in paths] == sorted(EXPECTED)
    return {path.name[:3]: save_linked(Article(body=path.read_text(encoding="utf-8"))) for path in paths}


def mentioned(article: Article) -> set[str]:
    return set(Entity.objects.filter(mentions__article=article).values_list("name", flat=True))


def surfaces(article: Article, name: str) -> list[str]:
    return [m.surface for m in article.mentions.filter(entity__name=name)]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_each_seed_links_exactly_the_entities_it_names(seeds, seed):
    assert mentioned(seeds[seed]) == EXPECTED[seed]


def test_both_spellings_of_compound_names_link_the_same_person(seeds):
    assert "عبدالمجيد تبون" in surfaces(seeds["000"], "عبد المجيد تبون")
    assert "عبدالمجيد تبون" in surfaces(seeds["001"], "عبد المجيد تبون")
    assert "عبد المجيد تبون" in surfaces(seeds["002"], "عبد المجيد تبون")
    assert "تبون" in surfaces(seeds["001"], "عبد المجيد تبون")
    assert "نورالدين مقري" in surfaces(seeds["001"], "نور الدين مقري")
    assert "نور الدين مقري" in surfaces(seeds["002"], "نور الدين مقري")
    assert "عبدالحميد الدبيبة" in surfaces(seeds["001"], "عبد الحميد الدبيبة")
    assert "عبد الحميد الدبيبة" in surfaces(seeds["002"], "عبد الحميد الدبيبة")


def test_algiers_is_the_city_and_not_the_country(seeds):
    assert surfaces(seeds["000"], "الجزائر العاصمة") == ["العاصمة الجزائر"]
    assert surfaces(seeds["003"], "الجزائر العاصمة") == ["الجزائر العاصمة"]


def reads_as(surface: str, spellings: list[str]) -> bool:
    """Whether the text at a mention is one of the spellings.

    The mention starts after glued proclitics; after the preposition ل the
    article's alef is not written (للمنفي = ل + المنفي, so the span is "لمنفي"),
    nor its lam before a lam (للجنة = ل + اللجنة, so the span is "لجنة").
    """
    found = key(surface)
    readings = {found, "ا" + found, "ال" + found} if found.startswith("ل") else {found}
    return bool(readings & {key(spelling) for spelling in spellings})


def describes(mention: Mention) -> bool:
    """Whether a mention of an agreement describes it by its signing year: "اتفاق امني في أغسطس 2001"."""
    agreement = Agreement.objects.filter(pk=mention.entity_id).first()
    return bool(agreement and agreement.signed_on) and mention.surface.endswith(str(agreement.signed_on.year))


def test_every_mention_reads_as_one_of_its_entity_spellings_or_describes_an_agreement(seeds):
    for article in seeds.values():
        for mention in article.mentions.select_related("entity").prefetch_related("entity__aliases"):
            assert reads_as(mention.surface, mention.entity.spellings()) or describes(mention), (
                mention.surface,
                mention.entity,
            )


def test_the_2001_security_agreement_is_linked_where_the_seed_describes_it(seeds):
    assert surfaces(seeds["003"], "الاتفاق الأمني الجزائري الليبي") == ["اتفاق امني في أغسطس 2001"]
    # Its update of 2012 is described next to a joint committee's name, which the description may not cover.
    assert surfaces(seeds["003"], "تحيين الاتفاق الأمني الجزائري الليبي") == []


def test_no_two_mentions_overlap(seeds):
    for article in seeds.values():
        spans = sorted(Mention.objects.filter(article=article).values_list("start", "end"))
        assert spans, article
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start


ADJECTIVES = {"الجزائري", "الجزائرية", "الجزائريين", "جزائري", "جزائرية", "الليبي", "الليبية", "الليبيين"}


def test_nisba_adjectives_are_not_the_countries(seeds):
    algeria, libya = entity("الجزائر"), entity("ليبيا")
    adjectives = {key(adjective) for adjective in ADJECTIVES}
    for article in seeds.values():
        for mention in article.mentions.filter(entity__in=[algeria, libya]):
            assert key(mention.surface) not in adjectives, mention.surface


def test_generic_phrases_are_not_linked(seeds):
    # 004 "تشكيل حكومة وحدة وطنية" is any such government, not حكومة الوحدة الوطنية.
    assert "حكومة الوحدة الوطنية" not in mentioned(seeds["004"])
    # 003 "وزير الداخلية الليبي" and "وزارة الداخلية" alone name no curated entity.
    assert not any("وزير" in m.surface for m in seeds["003"].mentions.all())


def test_an_adjective_with_tanween_is_not_the_country(seeds):
    assert "ليبياً" not in surfaces(seeds["000"], "ليبيا")


# ---------------------------------------------------------------- the seed articles fixture


def article_rows() -> set[tuple]:
    return set(Article.objects.values_list("title", "body", "published_on", "date_precision", "content_hash"))


def mention_rows() -> set[tuple]:
    return set(Mention.objects.values_list("article__content_hash", "entity_id", "start", "end"))


@pytest.mark.django_db
def test_seed_articles_fixture_loads_twice_without_change():
    """`make run` loads the fixtures every time it starts: nothing may double."""
    call_command("loaddata", "entities", "articles", verbosity=0)
    first = (article_rows(), mention_rows())
    call_command("loaddata", "entities", "articles", verbosity=0)
    assert (article_rows(), mention_rows()) == first
    assert len(first[0]) == 5 and first[1]


@pytest.mark.django_db
def test_seed_articles_fixture_is_what_import_and_linking_make_today():
    """The fixture's articles and mentions are the importer's and the linker's, not typed by hand.

    When this fails after a change to import or linking, rebuild the fixture
    with `make articles-fixture`.
    """
    call_command("loaddata", "entities", "articles", verbosity=0)
    from_fixture = (article_rows(), mention_rows())
    Article.objects.all().delete()
    call_command("import_articles", str(SEEDS), stdout=io.StringIO())
    assert (article_rows(), mention_rows()) == from_fixture
