"""``manage.py seed_archive``: load the seed articles into an empty archive."""

from django.core.management.base import BaseCommand

from archive.seeding import seed_if_empty


class Command(BaseCommand):
    help = "يحمّل المقالات الأولية وكياناتها إلى أرشيف فارغ، ولا يمسّ أرشيفًا فيه بيانات."

    def handle(self, *args, **options):
        if seed_if_empty():
            self.stdout.write(self.style.SUCCESS("حُمّلت المقالات الأولية وكياناتها."))
        else:
            self.stdout.write("الأرشيف فيه بيانات؛ لم يُحمَّل شيء.")
