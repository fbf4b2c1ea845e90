"""Every edit reaches the index through the queue: saved, edited, deleted, linked, rolled back, failed.

The queue is drained in the test's own process (``drain``, or ``index_writer
--once``); test_concurrent_edits.py runs the writer as its own process.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from whoosh.index import LockError, open_dir

from archive.linking import save_linked
from archive.models import Alias, Article, Entity, Source
from search.backends import ArchiveSearchQuerySet
from search.indexing import drain, heal, writer_lock
from search.models import IndexTask
from search.search_indexes import ENTITY_FACETS

pytestmark = pytest.mark.django_db


def found(text: str, model=Article) -> set[int]:
    """The primary keys of the ``model`` objects a search for ``text`` finds."""
    return {int(result.pk) for result in ArchiveSearchQuerySet().models(model).matching(text)}


def queued() -> list[str]:
    return [str(task) for task in IndexTask.objects.all()]


def indexed(model=Article) -> int:
    return ArchiveSearchQuerySet().models(model).count()


def people_facet() -> list[tuple[str, int]]:
    """The people facet of all articles, as the search page counts it."""
    return ArchiveSearchQuerySet().models(Article).facet("person").facet_counts()["fields"]["person"]


def test_a_saved_article_is_queued_and_found_once_the_queue_is_drained():
    article = save_linked(Article(title="قمة الجزائر", body="انعقدت القمة العربية في الجزائر."))
    assert queued() == [f"archive.article.{article.pk}"]
    assert found("القمة") == set()
    assert drain() == 1
    assert found("القمة") == {article.pk}
    assert queued() == []


def test_an_edited_article_is_found_by_its_new_words_only():
    article = save_linked(Article(title="قمة الجزائر", body="انعقدت القمة العربية في الجزائر."))
    drain()
    article.title, article.body = "مؤتمر تونس", "انعقد المؤتمر في تونس."
    article.save()
    drain()
    assert found("المؤتمر") == {article.pk}
    assert found("القمة") == set()


def test_a_deleted_article_is_gone_from_the_index():
    article = save_linked(Article(title="قمة الجزائر", body="انعقدت القمة العربية في الجزائر."))
    drain()
    pk = article.pk
    article.delete()
    assert queued() == [f"archive.article.{pk}"]
    drain()
    assert found("القمة") == set()
    assert indexed() == 0


def test_a_mention_an_editor_adds_or_removes_changes_the_article_document(tebboune, decided):
    """An article's document holds the spellings and the facet of every entity it mentions."""
    article = save_linked(Article(title="استقبال", body="استقبل الرئيس وفدا ليبيا."))
    drain()
    assert found("تبون") == set()
    mention = decided(article, tebboune, 7, 13)
    drain()
    assert found("تبون") == {article.pk}
    assert people_facet() == [(tebboune.slug, 1)]
    mention.delete()
    drain()
    assert found("تبون") == set()
    assert people_facet() == []


def test_an_alias_added_or_removed_changes_the_entity_and_the_articles_that_mention_it(tebboune):
    article = save_linked(Article(title="زيارة", body="استقبل الرئيس عبدالمجيد تبون وفدا."))
    drain()
    alias = Alias.objects.create(entity=tebboune, name="Abdelmadjid Tebboune")
    drain()
    assert found("Tebboune") == {article.pk}
    assert found("Tebboune", Entity) == {tebboune.pk}
    alias.delete()
    drain()
    assert found("Tebboune") == found("Tebboune", Entity) == set()


def test_relinking_after_a_new_alias_queues_the_articles_it_links(tebboune):
    """Linking creates mentions in bulk, without post_save; the articles it links are still queued."""
    article = save_linked(Article(title="زيارة", body="التقى الرئيس الجزائري ضيفه في قصر المرادية."))
    drain()
    assert found("تبون") == set()
    Alias.objects.create(entity=tebboune, name="الرئيس الجزائري")
    drain()
    call_command("relink_articles", stdout=io.StringIO())
    drain()
    assert found("تبون") == {article.pk}


def test_a_renamed_entity_is_found_by_its_new_name_in_the_articles_that_mention_it(tebboune):
    article = save_linked(Article(title="زيارة", body="استقبل الرئيس عبدالمجيد تبون وفدا."))
    drain()
    tebboune.name = "Abdelmadjid Tebboune"
    tebboune.save()
    drain()
    assert found("Abdelmadjid") == {article.pk}
    assert found("Abdelmadjid", Entity) == {tebboune.pk}


def test_a_renamed_source_is_shown_under_its_new_name_in_its_articles():
    source = Source.objects.create(name="وكالة الأنباء")
    article = save_linked(Article(title="قمة الجزائر", body="انعقدت القمة العربية.", source=source))
    drain()
    source.name = "وكالة الأنباء الجزائرية"
    source.save()
    drain()
    assert [result.source_name for result in ArchiveSearchQuerySet().models(Article)] == [source.name]
    assert found("القمة") == {article.pk}


def test_an_edit_rolled_back_queues_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        save_linked(Article(title="مسودة", body="نص لم يحفظ."))
        raise RuntimeError("the editor's request failed after the save")
    assert queued() == []


def test_a_batch_that_cannot_be_written_stays_queued_and_is_written_once_the_index_is_free(
    settings, search_index_path
):
    settings.ARCHIVE_SEARCH_WRITE_LOCK_TIMEOUT = 0.2
    save_linked(Article(title="قمة الجزائر", body="انعقدت القمة العربية في الجزائر."))
    drain()
    article = save_linked(Article(title="مؤتمر تونس", body="انعقد المؤتمر في تونس."))
    other_writer = open_dir(search_index_path).writer()  # holds Whoosh's write lock, as another process would
    try:
        with pytest.raises(LockError):
            drain()
        assert queued() == [f"archive.article.{article.pk}"]
    finally:
        other_writer.cancel()
    assert drain() == 1
    assert found("المؤتمر") == {article.pk}


def test_loading_fixtures_queues_every_article_and_entity_they_hold():
    call_command("loaddata", "entities", "articles", verbosity=0)
    drain()
    assert indexed(Article) == Article.objects.count() > 0
    assert indexed(Entity) == Entity.objects.filter(kind__in=ENTITY_FACETS).count()


def test_index_writer_once_fills_an_empty_index_from_the_database():
    """A new index, or a deleted index folder, heals itself: every object is queued again."""
    call_command("loaddata", "entities", "articles", verbosity=0)
    IndexTask.objects.all().delete()
    out = io.StringIO()
    call_command("index_writer", once=True, stdout=out)
    assert indexed(Article) == Article.objects.count() > 0
    assert indexed(Entity) == Entity.objects.filter(kind__in=ENTITY_FACETS).count()
    assert queued() == []
    assert "فُهرست التغييرات المنتظرة" in out.getvalue()


def test_filling_an_empty_index_queues_each_object_once_beside_what_was_queued_already():
    """An import queued its articles before the writer found the index empty: each is written once."""
    call_command("loaddata", "entities", "articles", verbosity=0)
    IndexTask.objects.exclude(model="archive.article").delete()
    before = queued()
    assert before and {task.rpartition(".")[0] for task in before} == {"archive.article"}
    heal()
    added = queued()[len(before) :]
    assert added and set(added).isdisjoint(before) and len(added) == len(set(added))
    assert (
        len(set(before) | set(added))
        == Article.objects.count() + Entity.objects.filter(kind__in=ENTITY_FACETS).count()
    )


def test_a_second_writer_is_refused_with_a_message_saying_why():
    with writer_lock(), pytest.raises(CommandError, match="كاتب آخر للفهرس يعمل الآن"):
        call_command("index_writer", once=True)


def test_rebuild_index_and_update_index_still_write_the_whole_index():
    call_command("loaddata", "entities", "articles", verbosity=0)
    call_command("rebuild_index", interactive=False, verbosity=0)
    stored = Article.objects.count()
    assert indexed(Article) == stored > 0
    Article.objects.first().delete()
    call_command("update_index", remove=True, verbosity=0)
    assert indexed(Article) == stored - 1


def test_an_imported_article_is_found_once_the_queue_is_drained(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(
        '{"title": "قمة وهران", "body": "انعقدت قمة المغرب العربي في وهران.", "date": "2022-11"}\n'
    )
    call_command("import_articles", str(path), stdout=io.StringIO())
    drain()
    assert found("وهران") == set(Article.objects.values_list("pk", flat=True)) != set()


def test_the_writer_puts_right_an_index_that_holds_other_documents_than_the_database():
    """An index copied back from an old backup, or missing segments: with the queue empty, counts must agree."""
    kept = Article.objects.create(title="قمة الجزائر", body="انعقدت القمة العربية في الجزائر.")
    gone = Article.objects.create(title="مؤتمر تونس", body="انعقد المؤتمر في تونس.")
    drain()
    gone_pk = gone.pk
    gone.delete()
    missing = Article.objects.create(title="لقاء وهران", body="انعقد اللقاء في وهران.")
    IndexTask.objects.all().delete()  # the queue lost: the index still has "gone" and lacks "missing"
    assert found("المؤتمر") == {gone_pk} and found("وهران") == set()
    call_command("index_writer", once=True, stdout=io.StringIO())
    assert found("المؤتمر") == set()
    assert found("وهران") == {missing.pk} and found("القمة") == {kept.pk}
    assert indexed(Article) == Article.objects.count()


def test_an_imports_worth_of_queue_is_written_by_several_processes_with_the_edits_queued_in_it(
    settings, search_index_path
):
    """A queue longer than a large batch is analysed in parallel; an edit and a delete queued in it hold."""
    settings.ARCHIVE_SEARCH_PARALLEL_BATCH = 220
    settings.ARCHIVE_SEARCH_INDEX_PROCESSES = 2
    settings.ARCHIVE_SEARCH_SMALL_SEGMENT = 1  # no merge: each batch's segments stay apart
    articles = [
        Article.objects.create(title=f"اجتماع رقم {number}", body=f"عقدت اللجنة اجتماعها {number} في وهران.")
        for number in range(250)
    ]
    pks = {article.pk for article in articles}
    edited, deleted = articles[3], articles[4]
    deleted_pk = deleted.pk
    edited.body = "عقدت اللجنة اجتماعها في تلمسان."
    edited.save()
    deleted.delete()
    assert drain() == 252
    assert found("وهران") == pks - {edited.pk, deleted_pk}
    assert found("تلمسان") == {edited.pk}
    assert indexed() == 249
    # Two batches: the first 220 tasks, in parallel (articles 0-219 as they are now, the deleted one
    # removed), then the 32 left (30 new articles, the edited one again, the delete again).
    segments = [leaf.doc_count_all() for leaf, _ in open_dir(search_index_path).reader().leaf_readers()]
    assert sum(segments[:-1]) == 219 and segments[-1] == 31
