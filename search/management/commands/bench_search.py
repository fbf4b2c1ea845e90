"""``manage.py bench_search``: build time, index size and search latency, as figures.

Rebuilds the whole index from the database (run ``generate_articles`` first for
a large archive), then runs every query of ``QUERIES`` a few times through the
JSON API (the view, facets on) and through the backend alone, and prints p50
and p95 latencies. The first round warms caches and is not counted.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test import Client
from haystack import connections

from archive.models import Article
from search.backends import ArchiveSearchQuerySet
from search.benchmarks.figures import percentile
from search.search_indexes import FACETS

# Queries as searchers type them: words, variants, clitics, names, phrases, operators.
QUERIES = [
    "ليبيا",
    "الجزائر",
    "الامن",
    "اتفاقيه",
    "الاتفاقية الامنية",
    "تبون",
    "عبد المجيد تبون",
    "عبدالمجيد",
    "نور الدين مقري",
    "بوقادوم",
    "وزير الخارجية",
    "المجلس الرئاسي",
    "حكومة الوحدة الوطنية",
    "الحدود",
    "الارهاب",
    "تهريب المخدرات",
    "الجريمة المنظمة",
    "التعاون الامني",
    "مسئول",
    "المسؤولين الليبيين",
    "طرابلس",
    "دول الجوار",
    "السودان",
    "تشاد والنيجر",
    "اللجنة المشتركة",
    "الاستقرار",
    "زيارة رسمية",
    "الحوار",
    "المصالحة الوطنية",
    '"المجلس الرئاسي"',
    '"الاتفاق على"',
    '"وزير الخارجية الجزائري"',
    "تبون OR المنفي",
    "الدبيبة OR السراج",
    "ليبيا -تونس",
    "الامن -الجزائر",
    "(تبون OR بوقادوم) ليبيا",
    "الجزاير",
    "مساهل",
    "الاتحاد الافريقي",
    "جامعة الدول العربية",
    "المغرب العربي",
    "الانتخابات",
    "دعم",
]


def _size_on_disk(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


class Command(BaseCommand):
    help = "يقيس زمن بناء الفهرس وحجمه وزمن الاستجابة للبحث (p50 وp95) عبر الواجهة البرمجية والمحرك وحده."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=3, help="جولات القياس بعد جولة الإحماء")
        parser.add_argument("--no-rebuild", action="store_true", help="يقيس الفهرس القائم دون إعادة بنائه")

    def handle(self, *args, rounds: int, no_rebuild: bool, **options):
        articles = Article.objects.count()
        self.stdout.write(f"archive: {articles:,} articles, {len(QUERIES)} queries, {rounds} rounds")
        if not no_rebuild:
            started = time.perf_counter()
            call_command("rebuild_index", interactive=False, verbosity=0)
            self.stdout.write(f"rebuild_index: {time.perf_counter() - started:.1f} s")
        path = Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
        self.stdout.write(f"index size: {_size_on_disk(path) / 2**20:.1f} MiB")
        connections.reload("default")

        client = Client(HTTP_HOST="localhost")
        self._report("API /api/search, facets on", rounds, lambda q: client.get("/api/search", {"q": q}))
        self._report("backend, facets on", rounds, self._backend_search)
        self._report("backend, no facets", rounds, lambda q: len(self._page(q)))

    @staticmethod
    def _page(query: str):
        return ArchiveSearchQuerySet().models(Article).matching(query).highlight()[:20]

    @staticmethod
    def _backend_search(query: str) -> int:
        search = ArchiveSearchQuerySet().models(Article).matching(query).highlight()
        for facet in FACETS:
            search = search.facet(facet)
        page = search[:20]
        return len(page) + len(search.facet_counts())

    def _report(self, label: str, rounds: int, run) -> None:
        timings = []
        for round_number in range(rounds + 1):
            for query in QUERIES:
                started = time.perf_counter()
                run(query)
                if round_number:
                    timings.append((time.perf_counter() - started) * 1000)
        self.stdout.write(
            f"{label:<32} p50 {percentile(timings, 0.5):7.1f} ms   p95 {percentile(timings, 0.95):7.1f} ms"
            f"   max {max(timings):7.1f} ms   mean {statistics.fmean(timings):6.1f} ms"
        )
