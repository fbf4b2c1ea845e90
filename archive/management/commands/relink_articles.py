"""``manage.py relink_articles``: link every article again, after new aliases."""

from django.core.management.base import BaseCommand

from arabic.numbers import arabic_count
from archive.linking import relink
from archive.models import Article


class Command(BaseCommand):
    help = "يعيد ربط كل المقالات بالكيانات، بعد إضافة كيانات أو صيغ أسماء جديدة."

    def handle(self, *args, **options):
        count = relink()
        self.stdout.write(self.style.SUCCESS(f"أعيد ربط {arabic_count(count, Article.COUNTED)}."))
