"""``manage.py bench_analysis``: the analyzer's throughput beside Whoosh's StemmingAnalyzer.

Both read the same text, the seed articles repeated to at least a million
words, with positions and character offsets as the index asks for them. Each
figure is the best of a few rounds, so a busy machine spoils as little as it can.
"""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from whoosh.analysis import StemmingAnalyzer

from arabic.normalization import word_spans
from search.analysis import arabic_analyzer


def _seconds_to_analyse(analyzer, documents: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    tokens = 0
    for document in documents:
        for _ in analyzer(document, positions=True, chars=True, mode="index"):
            tokens += 1
    return time.perf_counter() - started, tokens


class Command(BaseCommand):
    help = "يقيس سرعة المحلّل العربي (كلمة في الثانية) مقارنةً بـ StemmingAnalyzer من Whoosh على النص نفسه."

    def add_arguments(self, parser):
        parser.add_argument("--words", type=int, default=1_000_000, help="أقل عدد من الكلمات يُحلَّل")
        parser.add_argument("--rounds", type=int, default=3, help="عدد الجولات، ويُؤخذ أسرعها")

    def handle(self, *args, words: int, rounds: int, **options):
        seeds = [
            path.read_text(encoding="utf-8")
            for path in sorted(Path(settings.BASE_DIR, "fixtures", "seeds").glob("*.txt"))
        ]
        seed_words = sum(1 for text in seeds for _ in word_spans(text))
        repeats = -(-max(words, 1) // seed_words)
        documents = seeds * repeats
        total_words = seed_words * repeats
        self.stdout.write(
            f"text: {len(seeds)} seed articles x {repeats} = {len(documents)} documents, {total_words:,} words"
        )
        self.stdout.write(f"{'analyzer':<26}{'seconds':>9}{'words/s':>12}{'tokens':>12}{'tokens/s':>12}")
        timings = {}
        for name, analyzer in (
            ("whoosh StemmingAnalyzer", StemmingAnalyzer()),
            ("arabic analyzer", arabic_analyzer()),
        ):
            seconds, tokens = min(_seconds_to_analyse(analyzer, documents) for _ in range(max(rounds, 1)))
            timings[name] = seconds
            self.stdout.write(
                f"{name:<26}{seconds:>9.2f}{total_words / seconds:>12,.0f}{tokens:>12,}{tokens / seconds:>12,.0f}"
            )
        ratio = timings["arabic analyzer"] / timings["whoosh StemmingAnalyzer"]
        self.stdout.write(f"time ratio, arabic / whoosh: {ratio:.2f} (target: at most 1.50)")
