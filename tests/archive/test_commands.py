"""seed_archive and relink_articles: safe to repeat, and never undo an editor's work."""

import io

import pytest
from django.core.management import call_command

from archive.models import Alias, Article, Country, Mention

pytestmark = pytest.mark.django_db


def run(command: str) -> str:
    out = io.StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def test_seed_archive_fills_an_empty_archive_once():
    assert "حُمّلت" in run("seed_archive")
    before = (Article.objects.count(), Mention.objects.count())
    assert before[0] == 5 and before[1] > 0
    assert "لم يُحمَّل شيء" in run("seed_archive")
    assert (Article.objects.count(), Mention.objects.count()) == before


def test_seed_archive_never_puts_back_what_an_editor_changed():
    run("seed_archive")
    edited = Article.objects.get(title__startswith="الاستقرار")
    edited.title = "عنوان صححه محرر"
    edited.save()
    deleted_id = Article.objects.exclude(pk=edited.pk).first().pk
    Article.objects.filter(pk=deleted_id).delete()
    run("seed_archive")
    assert Article.objects.get(pk=edited.pk).title == "عنوان صححه محرر"
    assert not Article.objects.filter(pk=deleted_id).exists()


def test_seed_archive_leaves_an_archive_with_only_entities_alone():
    Country.objects.create(name="مصر")
    run("seed_archive")
    assert not Article.objects.exists()


def test_relink_articles_links_old_articles_to_a_new_alias():
    article = Article.objects.create(body="وصلت بعثة من جمهورية تشاد.")
    chad = Country.objects.create(name="جمهورية تشاد الشقيقة")
    assert not article.mentions.exists()
    Alias.objects.create(entity=chad, name="جمهورية تشاد")
    assert "أعيد ربط مقال واحد" in run("relink_articles")
    assert [m.surface for m in article.mentions.all()] == ["جمهورية تشاد"]
