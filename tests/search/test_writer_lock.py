"""One write at a time, whatever writes the index: the queue's writer, update_index, rebuild_index, clear_index.

haystack's commands read a batch of objects before they write it. Unless they
read and write it holding the index write lock that the writer holds for each
of its batches, a rebuild can write its old copy of an article over the newer
one the writer has just written, and the index stays stale with an empty queue.
"""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from haystack import connections
from whoosh.index import open_dir

from archive.models import Article
from search.backends import ArchiveSearchQuerySet
from search.indexing import drain, index_write_lock
from search.models import IndexTask

ROOT = Path(__file__).resolve().parents[2]
NEW_TITLE = "عنوان صححه المحرر أثناء إعادة البناء"
# Seconds a bounded wait may take before the test fails saying what it waited for.
DEADLINE = 60


def titles() -> dict[int, str]:
    """The indexed articles' titles, by primary key."""
    return {int(result.pk): result.title for result in ArchiveSearchQuerySet().models(Article)}


def article(title: str = "قمة الجزائر") -> Article:
    return Article.objects.create(title=title, body="انعقدت القمة العربية في الجزائر.")


class Holder(threading.Thread):
    """Holds the index write lock in a thread of its own, as a rebuild's batch would, until released."""

    def __init__(self):
        super().__init__(daemon=True)
        self.holding, self.release = threading.Event(), threading.Event()

    def run(self):
        with index_write_lock():
            self.holding.set()
            self.release.wait(DEADLINE)

    def __enter__(self):
        self.start()
        assert self.holding.wait(DEADLINE), "the holder never took the write lock"
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.join(DEADLINE)


# In one process ---------------------------------------------------------------


@pytest.mark.django_db
def test_a_batch_haystack_read_before_an_edit_is_written_as_the_edit_left_it():
    """update() reads its objects again under the write lock: the copy haystack read earlier is not written."""
    stale = article()
    Article.objects.filter(pk=stale.pk).update(title=NEW_TITLE)  # the edit, after haystack's read
    backend = connections["default"].get_backend()
    backend.update(connections["default"].get_unified_index().get_index(Article), [stale])
    assert titles() == {stale.pk: NEW_TITLE}


@pytest.mark.django_db
def test_update_index_remove_keeps_an_article_created_since_it_read_the_database():
    """remove() writes, rather than removes, the document of an object that exists now."""
    created = article()
    drain()
    connections["default"].get_backend().remove(f"archive.article.{created.pk}")
    assert set(titles()) == {created.pk}
    Article.objects.filter(pk=created.pk).delete()
    connections["default"].get_backend().remove(f"archive.article.{created.pk}")
    assert titles() == {}


def test_the_write_lock_taken_again_in_the_same_thread_does_not_wait_for_itself():
    nested = threading.Event()

    def take_twice():
        with index_write_lock(), index_write_lock():
            nested.set()

    thread = threading.Thread(target=take_twice, daemon=True)
    thread.start()
    thread.join(DEADLINE)
    assert nested.is_set(), "a second take of the write lock in one thread waited for the first"


@pytest.mark.slow
@pytest.mark.django_db
def test_the_writer_waits_for_a_batch_holding_the_write_lock_and_stops_when_asked_losing_nothing():
    saved = article()
    stop = threading.Event()
    with Holder():
        threading.Timer(0.5, stop.set).start()  # SIGTERM, while the writer waits
        assert drain(stop=stop) == 0
        assert IndexTask.objects.count() == 1
    assert drain() == 1
    assert titles() == {saved.pk: saved.title}


@pytest.mark.slow
@pytest.mark.django_db
def test_rebuild_index_waits_for_the_write_lock_saying_so_and_then_writes_everything(caplog):
    saved = article()
    with Holder() as holder, caplog.at_level(logging.WARNING, logger="search.indexing"):
        threading.Timer(0.5, holder.release.set).start()
        call_command("rebuild_index", interactive=False, verbosity=0)
    assert "ينتظر قفل الكتابة في الفهرس" in caplog.text
    assert titles() == {saved.pk: saved.title}


# The race, as it happens in production: the writer and a rebuild in their own processes


# Where a rebuild's batch may meet an edit, by the backend method it is about to run:
# the objects of the batch that method receives, and how long the edit waits for the writer.
MOMENTS = {
    # haystack has read the batch and not yet called the backend, which holds no lock yet:
    # the writer writes the edit at once.
    "update": (lambda index, objects, *rest: objects, DEADLINE),
    # The backend holds the write lock and has read the batch again, not written it: the
    # writer cannot write the edit until the batch is written (code without the lock does).
    "apply_changes": (lambda updated, *rest: [obj for _, obj in updated], 3),
}


def rebuild_with_an_edit(pk: int, title: str, moment: str) -> None:
    """Run ``rebuild_index``; when the batch holding article ``pk`` reaches the backend's
    ``moment`` method, save ``title`` for that article and wait until the writer has
    emptied the queue, or the moment's patience runs out; then let the batch go on.

    Run in the rebuild's own process, through ``manage.py shell -c``.
    """
    from search.backends import ArabicWhooshSearchBackend

    method = getattr(ArabicWhooshSearchBackend, moment)
    objects_of, patience = MOMENTS[moment]
    edited = threading.Event()

    def after_an_edit(backend, *args, **kwargs):
        if not edited.is_set() and any(isinstance(o, Article) and o.pk == pk for o in objects_of(*args)):
            edited.set()
            newer = Article.objects.get(pk=pk)
            newer.title = title
            newer.save()
            deadline = time.monotonic() + patience
            while IndexTask.objects.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
        return method(backend, *args, **kwargs)

    setattr(ArabicWhooshSearchBackend, moment, after_an_edit)
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert edited.is_set(), f"the rebuild never wrote article {pk}"


class Archive:
    """An archive in its own folder: a SQLite file and an index, used by processes of its own."""

    def __init__(self, folder: Path):
        self.folder, self.index, self.log = folder, folder / "index", folder / "writer.log"
        self.log.touch()

    def manage(self, *args: str, **options) -> subprocess.Popen:
        env = {**os.environ, "ARCHIVE_DATA_DIR": str(self.folder), "ARCHIVE_INDEX_PATH": str(self.index)}
        env["LOG_LEVEL"] = "INFO"  # start_writer waits for the writer's "running" line
        env.pop("DATABASE_URL", None)
        return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env, text=True, **options)

    def run(self, *args: str) -> None:
        process = self.manage(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors

    def start_writer(self) -> subprocess.Popen:
        with self.log.open("a") as log:
            writer = self.manage("index_writer", stdout=log, stderr=log)
        self.wait(lambda: "كاتب الفهرس يعمل" in self.log.read_text(), "the writer to start", writer)
        return writer

    def query(self, sql: str) -> list[tuple]:
        with sqlite3.connect(self.folder / "archive.sqlite3", timeout=20) as database:
            return database.execute(sql).fetchall()

    def wait_until_queue_is_empty(self, writer: subprocess.Popen) -> None:
        self.wait(lambda: self.query("SELECT count(*) FROM search_indextask") == [(0,)], "the queue", writer)

    def indexed_titles(self) -> dict[int, str]:
        with open_dir(self.index).searcher() as searcher:
            return {
                int(document["django_id"]): document["title"]
                for document in searcher.documents(django_ct="archive.article")
            }

    def wait(self, condition, what: str, writer: subprocess.Popen) -> None:
        deadline = time.monotonic() + DEADLINE
        while not condition():
            if time.monotonic() > deadline or writer.poll() is not None:
                writer.kill()
                pytest.fail(f"waited for {what} in vain; writer log:\n{self.log.read_text()}")
            time.sleep(0.1)


@pytest.fixture
def archive(tmp_path) -> Archive:
    archive = Archive(tmp_path)
    archive.run("migrate", "--noinput", "--verbosity", "0")
    archive.run("loaddata", "entities", "articles", "--verbosity", "0")
    return archive


@pytest.mark.slow
@pytest.mark.parametrize("moment", MOMENTS)
def test_a_rebuild_running_while_an_editor_saves_leaves_the_newer_edit_in_the_index(archive, moment):
    writer = archive.start_writer()
    try:
        archive.wait_until_queue_is_empty(writer)
        [(pk,)] = archive.query("SELECT min(id) FROM archive_article")
        archive.run(
            "shell",
            "--verbosity",
            "0",
            "-c",
            "from tests.search.test_writer_lock import rebuild_with_an_edit; "
            f"rebuild_with_an_edit({pk}, {NEW_TITLE!r}, {moment!r})",
        )
        archive.wait_until_queue_is_empty(writer)
    finally:
        writer.send_signal(signal.SIGTERM)
        writer.wait(timeout=30)
    assert archive.query(f"SELECT title FROM archive_article WHERE id = {pk}") == [(NEW_TITLE,)]
    assert archive.indexed_titles()[pk] == NEW_TITLE, "the rebuild wrote its old copy over the edit"
    assert set(archive.indexed_titles()) == {pk for (pk,) in archive.query("SELECT id FROM archive_article")}
