"""``manage.py import_articles PATH...``: a thin adapter over archive.importing."""

from django.core.management.base import BaseCommand, CommandError

from arabic.numbers import arabic_count, arabic_number
from archive.importing import ImportFailure, import_paths
from archive.models import Article
from archive.priority import giving_way

IMPORT_NICENESS = 10


class Command(BaseCommand):
    help = (
        "يستورد مقالات من ملفات نصية (‎.txt) أو JSON Lines (‎.jsonl) أو من مجلدات تحويها. "
        "يُتخطّى المكرر، ولا يُحفظ شيء إن كان في أحد الملفات خطأ."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="ملف ‎.txt أو ‎.jsonl، أو مجلد")

    def handle(self, *args, paths: list[str], verbosity: int, **options):
        try:
            # A background job: readers of the site come first for the processor.
            with giving_way(IMPORT_NICENESS):
                report = import_paths(paths, self._progress if verbosity else None)
        except ImportFailure as error:
            raise CommandError(str(error)) from error
        for skipped in report.skipped:
            self.stdout.write(str(skipped))
        self.stdout.write(self.style.SUCCESS(report.summary()))

    def _progress(self, done: int, total: int) -> None:
        """A line a batch, on standard error."""
        self.stderr.write(f"قُرئ {arabic_number(done)} من {arabic_count(total, Article.COUNTED)}…")
