"""``manage.py import_articles PATH...``: a thin adapter over archive.importing."""

from django.core.management.base import BaseCommand, CommandError

from archive.importing import ImportFailure, import_paths


class Command(BaseCommand):
    help = (
        "يستورد مقالات من ملفات نصية (‎.txt) أو JSON Lines (‎.jsonl) أو من مجلدات تحويها. "
        "يُتخطّى المكرر، ولا يُحفظ شيء إن كان في أحد الملفات خطأ."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="ملف ‎.txt أو ‎.jsonl، أو مجلد")

    def handle(self, *args, paths: list[str], **options):
        try:
            report = import_paths(paths)
        except ImportFailure as error:
            raise CommandError(str(error)) from error
        for skipped in report.skipped:
            self.stdout.write(str(skipped))
        self.stdout.write(self.style.SUCCESS(report.summary()))
