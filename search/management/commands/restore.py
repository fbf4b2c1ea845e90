"""``manage.py restore PATH [--force]``: a thin adapter over search.backup."""

from django.core.management.base import BaseCommand, CommandError

from search.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "يستعيد الأرشيف من نسخة كتبها manage.py backup إلى أرشيف فارغ، ثم يطبّق ما جدّ من ترحيلات، "
        "ويحذف مهام الفهرسة التي جاءت مع النسخة، ويبني فهرس البحث من قاعدة البيانات مرة واحدة "
        "(فالفهرس لا يُنسخ). يُفحص الملف قبل أن يُمسّ الأرشيف، ويُرفض أرشيف فيه مقالات أو كيانات "
        "إلا مع ‎--force."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="ملف النسخة الاحتياطية")
        parser.add_argument(
            "--force", action="store_true", help="يستبدل قاعدة بيانات فيها مقالات أو كيانات، كلها"
        )

    def handle(self, *args, path: str, force: bool, **options):
        try:
            report = restore(path, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(report.summary()))
