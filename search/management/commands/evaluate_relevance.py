"""``manage.py evaluate_relevance``: how well the search meets the word pairs and the held-out queries.

Prints, for each set, what it found of what it should and of what it should
not; ``--verbosity 2`` lists each miss and each wrong match. Writes nothing.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.relevance import score_pairs, score_queries


class Command(BaseCommand):
    help = "يقيس دقة البحث على أزواج الكلمات (للضبط) وعلى الاستعلامات المحجوزة للتقييم."

    def add_arguments(self, parser):
        folder = Path(settings.BASE_DIR, "fixtures", "relevance")
        parser.add_argument("--pairs", type=Path, default=folder / "pairs.tsv", help="أزواج الكلمات (TSV)")
        parser.add_argument(
            "--heldout", type=Path, default=folder / "heldout.json", help="الفقرات والاستعلامات"
        )

    def handle(self, *args, pairs: Path, heldout: Path, verbosity: int, **options):
        try:
            scores = (("pairs (tuning)", score_pairs(pairs)), ("held-out queries", score_queries(heldout)))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise CommandError(f"تعذّرت قراءة ملفَّي التقييم {pairs} و{heldout}: {error!r}") from error
        for name, score in scores:
            self.stdout.write(f"{name}: {score}")
            if verbosity > 1:
                for error in score.errors:
                    self.stdout.write(f"  {error}")
