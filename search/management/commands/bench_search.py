"""``manage.py bench_search``: build time, index size and search latency, as figures.

Rebuilds the whole index from the database (run ``generate_articles`` first for
a large archive), then runs every query of ``QUERIES`` a few times through the
JSON API (the view, facets on) and through the backend alone, and prints p50,
p95 and max latencies. The first round warms the index's own caches and is not
counted with the others; its API figures are printed apart, as the first
answer to each query in a new process (each word's postings read from the
index files). The headline is cold: every answer the archive keeps
(``search.answers``) is forgotten before each query, as after a commit; kept
answers are measured apart. ``--results`` writes what each query finds, and
``--compare`` says which queries find otherwise than a file written before:
an optimisation must leave the set and the top ten as they were.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from haystack import connections

from archive.models import Article
from search.answers import forget_all
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
    # Words no article has: the search finds nothing and pays for the suggestion.
    "زنجبيلات",
    '"قرطبيون ليبيا"',
    "الجزاىرييون الغواصات",
]
# How many results of each query ``--results`` compares in order.
TOP = 10


def _found(query: str) -> dict:
    """What ``query`` finds: the first ``TOP`` as [primary key, score] in order, then every primary key.

    Every key in one request: haystack's iteration asks a page at a time, and
    pages of equal scores may overlap.
    """
    search = ArchiveSearchQuerySet().models(Article).matching(query)
    top = [[int(result.pk), round(result.score, 4)] for result in search[:TOP]]
    found = search.values_list("pk", flat=True)[: max(search.count(), 1)]
    return {"top": top, "all": sorted(int(pk) for pk in found)}


def _same_top(found: list, expected: list) -> bool:
    """The same scores in the same order, held by the same articles, but for the order of equal scores
    and which of those tied at the last place made the cut (the index's order of documents decides)."""
    if [score for _, score in found] != [score for _, score in expected]:
        return False
    last = found[-1][1] if found else None
    return {pk for pk, score in found if score != last} == {pk for pk, score in expected if score != last}


def _read_results(path: Path) -> dict:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CommandError(f"--compare: تعذّرت قراءة الملف {path}: {error}") from error
    if not isinstance(found, dict) or not all(
        isinstance(entry, dict) and {"top", "all"} <= entry.keys() for entry in found.values()
    ):
        raise CommandError(f"--compare: الملف {path} ليس مما كتبه --results.")
    return found


def size_on_disk(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


class Command(BaseCommand):
    help = "يقيس زمن بناء الفهرس وحجمه وزمن الاستجابة للبحث (p50 وp95) عبر الواجهة البرمجية والمحرك وحده."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=3, help="جولات القياس بعد جولة الإحماء")
        parser.add_argument("--no-rebuild", action="store_true", help="يقيس الفهرس القائم دون إعادة بنائه")
        parser.add_argument("--results", type=Path, help="ملف JSON يُكتب فيه ما يجده كل استعلام")
        parser.add_argument(
            "--compare", type=Path, help="ملف JSON كتبه --results من قبل، يُقارن به ما يُوجد الآن"
        )

    def handle(
        self, *args, rounds: int, no_rebuild: bool, results: Path | None, compare: Path | None, **options
    ):
        if rounds < 1:
            raise CommandError("--rounds: جولة واحدة على الأقل.")
        expected = _read_results(compare) if compare else None
        articles = Article.objects.count()
        self.stdout.write(f"archive: {articles:,} articles, {len(QUERIES)} queries, {rounds} rounds")
        if not no_rebuild:
            started = time.perf_counter()
            call_command("rebuild_index", interactive=False, verbosity=0)
            self.stdout.write(f"rebuild_index: {time.perf_counter() - started:.1f} s")
        path = Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
        self.stdout.write(f"index size: {size_on_disk(path) / 2**20:.1f} MiB")
        connections.reload("default")

        client = Client(HTTP_HOST="localhost")

        def cold(query: str):
            forget_all()
            return client.get("/api/search", {"q": query})

        # The first round reads each query's postings from the index files; later rounds find them read.
        self._report("API, cold (no kept answer)", rounds, cold, first="API, first asked in the process")
        self._report("API, kept answers", rounds, lambda q: client.get("/api/search", {"q": q}))
        self._report("backend, facets on", rounds, self._backend_search)
        self._report("backend, no facets", rounds, lambda q: len(self._page(q)))
        found = {query: _found(query) for query in QUERIES}
        if results:
            results.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
            self.stdout.write(f"results: {results}")
        if expected is not None:
            self._compare(found, expected)

    def _compare(self, found: dict, expected: dict) -> None:
        """Print the queries whose set or top ten differ from ``expected``, or that none does."""
        differing = [
            query
            for query in QUERIES
            if query in expected
            and (
                found[query]["all"] != expected[query]["all"]
                or not _same_top(found[query]["top"], expected[query]["top"])
            )
        ]
        compared = sum(query in expected for query in QUERIES)
        self.stdout.write(
            f"compared with the file: {compared - len(differing)} of {compared} queries find the same"
        )
        for query in differing:
            self.stdout.write(f"  differs: {query}")

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

    def _report(self, label: str, rounds: int, run, first: str | None = None) -> None:
        """Time ``rounds`` of every query after a round that warms the process, reported as ``first`` if named."""
        warming, timings = [], []
        for round_number in range(rounds + 1):
            for query in QUERIES:
                started = time.perf_counter()
                run(query)
                (timings if round_number else warming).append((time.perf_counter() - started) * 1000)
        if first:
            self._print(first, warming)
        self._print(label, timings)

    def _print(self, label: str, timings: list[float]) -> None:
        self.stdout.write(
            f"{label:<32} p50 {percentile(timings, 0.5):7.1f} ms   p95 {percentile(timings, 0.95):7.1f} ms"
            f"   max {max(timings):7.1f} ms   mean {statistics.fmean(timings):6.1f} ms"
        )
