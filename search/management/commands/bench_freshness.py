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

import time
import uuid
from collections.abc import Callable

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.models import Article
from search.backends import ArchiveSearchQuerySet
from search.benchmarks.figures import percentile
from search.benchmarks.writer_process import WriterFailed, running_writer, wait_until


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
            wait_until(_searched_for(article, word), timeout, f"a search to find the article saved as {word}")
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
