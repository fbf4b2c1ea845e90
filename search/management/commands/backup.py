"""``manage.py backup PATH [--force]``: a thin adapter over search.backup."""

from django.core.management.base import BaseCommand, CommandError

from search.backup import BackupError, back_up


class Command(BaseCommand):
    help = (
        "يكتب في PATH نسخة احتياطية متسقة من قاعدة بيانات الأرشيف والموقع وكاتب الفهرس يعملان "
        "(SQLite: واجهة النسخ الاحتياطي الحي؛ PostgreSQL: pg_dump بصيغته المخصصة)، "
        "يقرؤها مالكها وحده (0600) لأن فيها بصمات كلمات مرور المحررين. "
        "فهرس البحث لا يُنسخ: يُبنى من قاعدة البيانات عند الاستعادة (manage.py restore)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="الملف الذي تُكتب فيه النسخة")
        parser.add_argument("--force", action="store_true", help="يستبدل الملف إن كان موجودًا")

    def handle(self, *args, path: str, force: bool, **options):
        try:
            report = back_up(path, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(report.summary()))
