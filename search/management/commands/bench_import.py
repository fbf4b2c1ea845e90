"""``manage.py bench_import N``: an import through the queue, as figures, then the search over it.

Writes N news-like articles (the articles ``generate_articles N --corpus
news`` stores, for the same N and seed) as JSON Lines, imports them with
``manage.py import_articles``, then indexes what the import queued with
``manage.py index_writer --once``: each a process of its own, timed whole,
with its peak memory. It prints the import's rate, the time from the import's
end until every article is searchable (no writer runs meanwhile: the worst
case), the index's size and segments, and ``bench_search``'s latencies over
the index as the queue left it (not rebuilt).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from archive.synthetic.storing import CORPORA
from search.benchmarks.writers import write_articles

from .bench_search import size_on_disk


class Command(BaseCommand):
    help = (
        "يستورد N مقالًا إخباريًا مولّدًا عبر import_articles ثم يفهرسها كاتب الفهرس، ويطبع معدل الاستيراد "
        "والزمن حتى تصير كلها قابلة للبحث والذاكرة القصوى لكل منهما، ثم أزمنة البحث في الفهرس الناتج."
    )

    def add_arguments(self, parser):
        # Read as text, so that a bad count gets the Arabic message below, not argparse's.
        parser.add_argument("count", metavar="N", help="عدد المقالات: عدد صحيح موجب")
        parser.add_argument("--seed", type=int, default=0, help="بذرة التوليد (0 إن لم تُعطَ)")
        parser.add_argument("--rounds", type=int, default=2, help="جولات قياس البحث بعد جولة الإحماء")

    def handle(self, *args, count: str, seed: int, rounds: int, **options):
        number = int(count) if count.isdecimal() else 0
        if number < 1:
            raise CommandError(f"عدد المقالات «{count}» غير صالح؛ اكتب عددًا صحيحًا موجبًا، مثل 10000.")
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "articles.jsonl"
            write_articles(source, CORPORA["news"].articles(number, seed))
            seconds, peak = _timed("import_articles", str(source))
            self.stdout.write(
                f"import_articles: {number:,} articles in {seconds:.1f} s "
                f"({number / seconds:,.0f} a second), peak {peak:,.0f} MiB"
            )
        seconds, peak = _timed("index_writer", "--once")
        self.stdout.write(
            f"index_writer --once: every article searchable {seconds:.1f} s after the import's end, "
            f"peak {peak:,.0f} MiB"
        )
        path = Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
        segments = len(list(path.glob("*.seg")))
        self.stdout.write(
            f"index after the queue: {size_on_disk(path) / 2**20:.1f} MiB in {segments} segments"
        )
        call_command("bench_search", no_rebuild=True, rounds=rounds, stdout=self.stdout)


def _timed(*command: str) -> tuple[float, float]:
    """Run ``manage.py command`` to its end: its wall time in seconds and its peak memory in MiB."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), *command], stdout=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise CommandError(f"manage.py {' '.join(command)} انتهى بالرمز {process.returncode}.")
    return seconds, usage.ru_maxrss / 1024
