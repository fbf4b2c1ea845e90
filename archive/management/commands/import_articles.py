"""``manage.py import_articles PATH...``: a thin adapter over archive.importing."""

import contextlib
import sys
from collections.abc import Callable, Iterator

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.importing import ImportFailure, import_paths
from archive.priority import giving_way

IMPORT_NICENESS = 10


class Command(BaseCommand):
    help = (
        "يستورد مقالات من ملفات نصية (‎.txt) أو JSON Lines (‎.jsonl) أو من مجلدات تحويها. "
        "يُتخطّى المكرر، ولا يُحفظ شيء إن كان في أحد الملفات خطأ. "
        "يعرض شريط تقدّم إن كان الخرج طرفيةً."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="ملف ‎.txt أو ‎.jsonl، أو مجلد")

    def handle(self, *args, paths: list[str], verbosity: int, **options):
        try:
            # A background job: readers of the site come first for the processor.
            with giving_way(IMPORT_NICENESS), self._progress_bar(verbosity > 0) as progress:
                report = import_paths(paths, progress)
        except ImportFailure as error:
            raise CommandError(str(error)) from error
        for skipped in report.skipped:
            self.stdout.write(str(skipped))
        self.stdout.write(self.style.SUCCESS(report.summary()))

    @contextlib.contextmanager
    def _progress_bar(self, wanted: bool) -> Iterator[Callable[[int, int], None]]:
        """Articles stored, their rate and the time left, on a terminal; nothing in a log or a pipe.

        Only a terminal shows a bar, and on a terminal standard error is the
        process's own; Django's wrapper of it would end each redraw with a new line.
        """
        bar = None

        def advance(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                shown = wanted and self.stderr.isatty()
                bar = tqdm(total=total, file=sys.stderr, disable=not shown, desc="استيراد", unit=" مقال")
            bar.update(done - bar.n)

        try:
            yield advance
        finally:
            if bar is not None:
                bar.close()
