"""The proof: processes editing at once, the writer stopped or killed, and the index ends equal to the database.

Everything runs as it does in production: a SQLite file, ``manage.py
index_writer`` as its own process, and editors in their own processes, some
edits in a transaction as the admin makes them, others as a script does. The
test then reads the index with Whoosh itself and the database with sqlite3,
document by document.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import pytest
from whoosh.index import exists_in, open_dir

ROOT = Path(__file__).resolve().parents[2]
EDITORS = 4
EDITS = 30
# Seconds the queue may take to empty once the editors are done.
QUEUE_DEADLINE = 60

pytestmark = pytest.mark.slow


# --- Run in the editors' processes, through ``manage.py shell -c`` ----------------


def edit_articles(editor: int, edits: int, start_at: float) -> None:
    """Create, retitle and delete articles from ``start_at`` on, as fast as it can.

    Every other edit runs in a transaction, on any editor's article, as the
    admin edits; the others as a script would, outside one, on the editor's own
    articles: a bare save() of an article another editor has just deleted would
    insert it again, and two such saves would clash.
    """
    from django.db import transaction

    from archive.models import Article

    choose = random.Random(editor)
    mine = Article.objects.filter(body__startswith=f"كتب المحرر {editor} ")
    time.sleep(max(0.0, start_at - time.time()))
    for number in range(edits):
        in_transaction = number % 2 == 0
        action = "create" if number < 6 else choose.choice(["create", "retitle", "retitle", "delete"])
        with transaction.atomic() if in_transaction else nullcontext():
            article = (Article.objects if in_transaction else mine).order_by("?").first()
            if action == "create" or article is None:
                Article.objects.create(
                    title=f"مقال المحرر {editor} رقم {number}", body=f"كتب المحرر {editor} النص رقم {number}."
                )
            elif action == "retitle":
                article.title = f"عنوان جديد من المحرر {editor} رقم {number}"
                article.save()
            else:
                article.delete()


def save_and_wait_until_found(word: str, seconds: float) -> None:
    """Save an article saying ``word`` as the admin does, then search for it until a search finds it.

    Exits with a message saying what was not found once ``seconds`` have passed:
    a bound for a writer that never writes, not a measure (``manage.py bench_freshness`` measures).
    """
    from django.db import transaction

    from archive.models import Article
    from search.backends import ArchiveSearchQuerySet

    with transaction.atomic():
        article = Article.objects.create(title=f"خبر عن {word}", body=f"نص الخبر عن {word}.")
    deadline = time.monotonic() + seconds
    while article.pk not in {
        int(result.pk) for result in ArchiveSearchQuerySet().models(Article).matching(word)
    }:
        if time.monotonic() > deadline:
            raise SystemExit(f"a search for {word!r} still does not find the article saved {seconds} s ago")
        time.sleep(0.05)


# --- The archive, in its own folder --------------------------------------------------


@dataclass
class Archive:
    folder: Path

    @property
    def index(self) -> Path:
        return self.folder / "index"

    @property
    def env(self) -> dict[str, str]:
        env = {
            **os.environ,
            "ARCHIVE_DATA_DIR": str(self.folder),
            "ARCHIVE_INDEX_PATH": str(self.index),
            "LOG_LEVEL": "INFO",  # start_writer waits for the writer's "running" line
        }
        env.pop("DATABASE_URL", None)
        return env

    def manage(self, *args: str, **options) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, text=True, **options
        )

    def shell(self, code: str) -> subprocess.Popen:
        return self.manage(
            "shell", "--verbosity", "0", "-c", code, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )

    def start_writer(self) -> subprocess.Popen:
        with (self.folder / "writer.log").open("a") as log:
            writer = self.manage("index_writer", stdout=log, stderr=log)
        try:
            self.wait(lambda: "كاتب الفهرس يعمل" in self.writer_log(), 20, "the writer to start")
        except BaseException:
            writer.kill()
            raise
        return writer

    def writer_log(self) -> str:
        return (self.folder / "writer.log").read_text()

    def start_editor(self, editor: int, edits: int, start_at: float = 0.0) -> subprocess.Popen:
        return self.shell(
            f"from tests.search.test_concurrent_edits import edit_articles; "
            f"edit_articles({editor}, {edits}, {start_at})"
        )

    def start_editors(self) -> list[subprocess.Popen]:
        """The editors, each in its own process, all starting their edits at the same moment."""
        start_at = time.time() + 2
        return [self.start_editor(editor, EDITS, start_at) for editor in range(EDITORS)]

    def queued(self) -> int:
        with self._database() as database:
            return database.execute("SELECT count(*) FROM search_indextask").fetchone()[0]

    def wait_until_queue_is_empty(self) -> None:
        self.wait(lambda: self.queued() == 0, QUEUE_DEADLINE, "the queue to empty")

    def articles(self) -> dict[str, str]:
        with self._database() as database:
            return {str(pk): title for pk, title in database.execute("SELECT id, title FROM archive_article")}

    def indexed_articles(self) -> dict[str, str]:
        if not exists_in(self.index):
            return {}
        with open_dir(self.index).searcher() as searcher:
            return {
                document["django_id"]: document["title"]
                for document in searcher.documents(django_ct="archive.article")
            }

    def _database(self) -> sqlite3.Connection:
        return sqlite3.connect(self.folder / "archive.sqlite3", timeout=20)

    def wait(self, condition, seconds: float, what: str) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            assert time.monotonic() < deadline, (
                f"waited {seconds} s for {what}; writer log:\n{self.writer_log()}"
            )
            time.sleep(0.1)


def finish(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors


def stop(writer: subprocess.Popen) -> None:
    """SIGTERM, as honcho sends it: the writer finishes its batch and exits cleanly."""
    writer.send_signal(signal.SIGTERM)
    assert writer.wait(timeout=30) == 0


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    """A migrated, empty archive database, made once and copied for each test."""
    folder = tmp_path_factory.mktemp("migrated")
    assert Archive(folder).manage("migrate", "--noinput", "--verbosity", "0").wait(timeout=120) == 0
    return folder / "archive.sqlite3"


@pytest.fixture
def archive(tmp_path, migrated) -> Archive:
    shutil.copy(migrated, tmp_path / "archive.sqlite3")
    (tmp_path / "writer.log").touch()
    return Archive(tmp_path)


def test_four_editors_at_once_leave_the_index_equal_to_the_database(archive):
    writer = archive.start_writer()
    try:
        finish(archive.start_editors())
        archive.wait_until_queue_is_empty()
    finally:
        stop(writer)
    articles = archive.articles()
    assert articles, "the editors left no article to compare"
    assert archive.indexed_articles() == articles


def test_a_writer_killed_mid_way_loses_nothing_once_another_writer_runs(archive):
    writer = archive.start_writer()
    editors = archive.start_editors()
    try:
        archive.wait(archive.indexed_articles, 30, "the writer to write a first batch")
        writer.kill()
        assert writer.wait(timeout=10) == -signal.SIGKILL
        finish(editors)
        finish([archive.start_editor(EDITORS, EDITS)])  # and more edits, with no writer running
        assert archive.queued()
    finally:
        for process in (writer, *editors):
            process.kill()  # nothing, for those that have ended
    writer = archive.start_writer()  # the lock died with the killed writer
    try:
        archive.wait_until_queue_is_empty()
    finally:
        stop(writer)
    assert archive.indexed_articles() == archive.articles()


def test_an_index_folder_deleted_under_the_running_writer_is_written_again_whole(archive):
    writer = archive.start_writer()
    try:
        finish([archive.start_editor(0, edits=3)])
        archive.wait_until_queue_is_empty()
        shutil.rmtree(archive.index)
        finish([archive.start_editor(1, edits=1)])
        archive.wait_until_queue_is_empty()
    finally:
        stop(writer)
    assert archive.articles(), "the editors saved articles"
    assert archive.indexed_articles() == archive.articles()


def test_an_article_saved_in_another_process_becomes_searchable(archive):
    """An editor's process saves; the writer, in its own process, writes it; a search then finds it.

    Three saves, so the later ones reach an index the writer has already written.
    How soon is a figure of ``manage.py bench_freshness``, never asserted here.
    """
    writer = archive.start_writer()
    try:
        for word in ("الحدود", "التعاون", "الاستقرار"):
            saver = archive.shell(
                f"from tests.search.test_concurrent_edits import save_and_wait_until_found; "
                f"save_and_wait_until_found({word!r}, {QUEUE_DEADLINE})"
            )
            _, errors = saver.communicate(timeout=QUEUE_DEADLINE + 60)
            assert saver.returncode == 0, f"{errors}\nwriter log:\n{archive.writer_log()}"
    finally:
        stop(writer)
