"""``manage.py bench_freshness``: how long a saved article takes to be found by a search, as figures.

Against the configured archive (``ARCHIVE_DATA_DIR``, migrated), as in
production: ``manage.py index_writer`` runs as its own process, and this one
saves articles one at a time, each in a transaction as the admin saves, then
searches for a word only that article holds until the search finds it. It
prints the p50, p95 and maximum of the seconds from each save's commit to the
first search that finds it. The writer looks at the queue every
``ARCHIVE_SEARCH_WRITER_POLL_INTERVAL`` seconds, which bounds the figures from below.

The articles saved are deleted at the end, the writer removes them from the
index, and it is stopped (SIGTERM) whatever happens; on an error, a deletion it
had no time to write stays queued for the next writer.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.models import Article
from search.backends import ArchiveSearchQuerySet
from search.indexing import heartbeat_path
from search.models import IndexTask

from .bench_search import percentile

# Seconds between two searches for an article just saved.
SEARCH_INTERVAL = 0.005


class WriterFailed(Exception):
    """The index writer stopped, or did not do in time what the benchmark waits for."""


@contextmanager
def running_writer(timeout: float) -> Iterator[subprocess.Popen]:
    """``manage.py index_writer`` as its own process, for the block; stopped with SIGTERM however it ends.

    The block starts once the writer has made a whole turn of its loop (healed
    the index, drained the queue) and the queue is empty; leaving it normally
    waits until the queue is empty again. Stopped as honcho stops it, and
    killed if it has not exited 30 seconds later.
    """
    with tempfile.TemporaryFile("w+") as log:
        started = time.time()
        writer = subprocess.Popen(
            [sys.executable, str(settings.BASE_DIR / "manage.py"), "index_writer"],
            env=os.environ.copy(),
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        alive = _alive(writer, log)
        # Terminated itself, the benchmark still stops its writer: SIGTERM unwinds as an exit does.
        previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)

        def queue_is_empty() -> bool:
            return alive() and not IndexTask.objects.exists()

        try:
            first_turn = _beat_after(started, alive, timeout, "the index writer to start")
            _beat_after(first_turn, alive, timeout, "the index writer to finish its first turn")
            _wait(queue_is_empty, timeout, "the index writer to empty the queue")
            yield writer
            _wait(queue_is_empty, timeout, "the index writer to write the last changes")
        finally:
            signal.signal(signal.SIGTERM, previous)
            writer.send_signal(signal.SIGTERM)
            try:
                writer.wait(timeout=30)
            except subprocess.TimeoutExpired:
                writer.kill()
                writer.wait()


def _exit_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)


def _alive(writer: subprocess.Popen, log) -> Callable[[], bool]:
    """A check that raises ``WriterFailed``, with what the writer said, once it has exited."""

    def alive() -> bool:
        if writer.poll() is None:
            return True
        log.seek(0)
        raise WriterFailed(f"index_writer exited with status {writer.returncode}:\n{log.read()}")

    return alive


def _beat_after(moment: float, alive: Callable[[], bool], timeout: float, what: str) -> float:
    """When the writer next touched its heartbeat file (once a turn of its loop) after ``moment``."""
    heartbeat = heartbeat_path()

    def beaten() -> bool:
        return alive() and heartbeat.exists() and heartbeat.stat().st_mtime > moment

    _wait(beaten, timeout, what)
    return heartbeat.stat().st_mtime


def _wait(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Return once ``condition`` holds, asking every ``SEARCH_INTERVAL``; ``WriterFailed`` after ``timeout``."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise WriterFailed(f"waited {timeout:g} s for {what}")
        time.sleep(SEARCH_INTERVAL)


def _searched_for(article: Article, word: str) -> Callable[[], bool]:
    """Whether a search for ``word`` finds ``article``, each time it is asked."""
    return lambda: any(
        int(result.pk) == article.pk for result in ArchiveSearchQuerySet().models(Article).matching(word)
    )


def measure_freshness(count: int, timeout: float) -> list[float]:
    """Save ``count`` articles one at a time; for each, the seconds from its commit until a search finds it.

    The index writer must be running. The articles are deleted before returning.
    """
    run = uuid.uuid4().hex[:8]
    saved: list[Article] = []
    delays = []
    try:
        for number in range(count):
            word = f"freshness{run}n{number}"
            with transaction.atomic():
                article = Article.objects.create(
                    title=f"قياس سرعة الفهرسة {number}", body=f"خبر لقياس سرعة الفهرسة، رقمه {word}."
                )
            committed = time.perf_counter()
            saved.append(article)
            _wait(_searched_for(article, word), timeout, f"a search to find the article saved as {word}")
            delays.append(time.perf_counter() - committed)
    finally:
        for article in saved:
            article.delete()
    return delays


class Command(BaseCommand):
    help = (
        "يقيس المدة بين حفظ مقال وظهوره في نتائج البحث (p50 وp95 والأقصى)، "
        "وكاتب الفهرس يعمل في عملية مستقلة كما في التشغيل الفعلي."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=20, help="عدد المقالات التي تُحفظ واحدًا بعد آخر")
        parser.add_argument(
            "--timeout", type=float, default=60.0, help="أقصى ما يُنتظر (ثوانٍ) لبدء الكاتب ولظهور كل مقال"
        )

    def handle(self, *args, articles: int, timeout: float, **options):
        if articles < 1:
            raise CommandError("--articles: مقال واحد على الأقل.")
        self.stdout.write(f"archive: {Article.objects.count():,} articles; saving {articles}, one at a time")
        try:
            with running_writer(timeout):
                delays = measure_freshness(articles, timeout)
        except WriterFailed as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{'seconds from commit to found':<32} p50 {percentile(delays, 0.5):6.3f} s"
            f"   p95 {percentile(delays, 0.95):6.3f} s   max {max(delays):6.3f} s"
        )
