"""``manage.py relink_articles``: link every article again, after new aliases."""

from django.core.management.base import BaseCommand

from archive.linking import relink
from archive.models import Article
from archive.numerals import count


class Command(BaseCommand):
    help = "يعيد ربط كل المقالات بالكيانات، بعد إضافة كيانات أو صيغ أسماء جديدة."

    def handle(self, *args, **options):
        relinked = relink()
        self.stdout.write(self.style.SUCCESS(f"أعيد ربط {count(relinked, Article.COUNTED)}."))
