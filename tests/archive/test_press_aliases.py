"""The press's spellings of the seed entities: in the fixture for a new archive, by a migration for an older one."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from archive.linking import relink_queued, save_linked
from archive.models import Alias, Article, Entity, RelinkTask

pytestmark = pytest.mark.django_db

migration = importlib.import_module("archive.migrations.0005_press_aliases")
PRESS_ALIASES = migration.PRESS_ALIASES


def press_aliases() -> set[tuple[str, str]]:
    return set(
        Alias.objects.filter(name__in=[n for names in PRESS_ALIASES.values() for n in names]).values_list(
            "entity__name", "name"
        )
    )


EXPECTED = {(entity, name) for entity, names in PRESS_ALIASES.items() for name in names}


@pytest.fixture
def older_archive(db) -> None:
    """The seed entities as an archive made before the press's spellings holds them, nothing queued."""
    call_command("loaddata", "entities", verbosity=0)
    Alias.objects.filter(name__in=[name for _, name in EXPECTED]).delete()
    RelinkTask.objects.all().delete()


def test_the_fixture_holds_every_spelling_the_migration_adds():
    call_command("loaddata", "entities", verbosity=0)
    assert press_aliases() == EXPECTED


def test_an_older_archive_gets_the_spellings_and_its_articles_are_linked_with_them(older_archive):
    article = save_linked(Article(body="وقال Abdelmadjid Tebboune إن الجامعة العربية ستجتمع في Alger."))
    assert not article.mentions.exists()
    migration.add_aliases(apps, None)
    assert press_aliases() == EXPECTED
    assert set(RelinkTask.objects.values_list("entity_id", flat=True)) == set(
        Entity.objects.filter(name__in=PRESS_ALIASES).values_list("id", flat=True)
    )
    relink_queued()
    assert sorted(m.entity.name for m in article.mentions.all()) == [
        "الجزائر العاصمة",
        "جامعة الدول العربية",
        "عبد المجيد تبون",
    ]


def test_migrating_twice_adds_and_queues_nothing_more(older_archive):
    migration.add_aliases(apps, None)
    RelinkTask.objects.all().delete()
    migration.add_aliases(apps, None)
    assert press_aliases() == EXPECTED
    assert not RelinkTask.objects.exists()


def test_an_entity_an_editor_renamed_is_left_alone_and_migrating_back_removes_the_spellings(older_archive):
    Entity.objects.filter(name="طرابلس").update(name="طرابلس الغرب")
    migration.add_aliases(apps, None)
    assert ("طرابلس الغرب", "Tripoli") not in press_aliases()
    assert ("ليبيا", "Libya") in press_aliases()
    migration.remove_aliases(apps, None)
    assert press_aliases() == set()
    assert Alias.objects.filter(name="القذافي").exists(), "the curated spellings stay"
