"""``manage.py generate_articles N [--seed S] [--corpus seeds|news]``: a thin adapter over archive.synthetic."""

from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from archive.synthetic.storing import CORPORA, write_synthetic_articles

DEFAULT_CORPUS = next(iter(CORPORA))


class Command(BaseCommand):
    help = (
        "يولّد N مقالًا مربوطة بكياناتها لقياس الأداء: من جمل المقالات الأولية (seeds) "
        "أو من قوالب أخبار بمفردات متنوعة (news). البذرة نفسها تعطي المقالات نفسها."
    )

    def add_arguments(self, parser):
        # Read as text, so that a bad count or corpus gets the Arabic messages below, not argparse's.
        parser.add_argument("count", metavar="N", help="عدد المقالات: عدد صحيح موجب")
        parser.add_argument("--seed", type=int, default=0, help="بذرة التوليد (0 إن لم تُعطَ)")
        parser.add_argument(
            "--corpus",
            default=DEFAULT_CORPUS,
            help=f"المدوّنة: {' أو '.join(CORPORA)} ({DEFAULT_CORPUS} إن لم تُعطَ)",
        )

    def handle(self, *args, count: str, seed: int, corpus: str, **options):
        try:
            number = int(count)
        except ValueError:
            number = 0
        if number < 1:
            raise CommandError(f"عدد المقالات «{count}» غير صالح؛ اكتب عددًا صحيحًا موجبًا، مثل 10000.")
        if corpus not in CORPORA:
            raise CommandError(f"المدوّنة «{corpus}» غير معروفة؛ اختر إحداها: {'، '.join(CORPORA)}.")
        try:
            report = write_synthetic_articles(number, seed, corpus)
        except IntegrityError as error:
            # The content of an article is unique: the same seed gives the same articles again.
            raise CommandError(
                "بعض المقالات المولّدة محفوظة من قبل (أهي البذرة نفسها؟) فلم يُحفظ شيء؛ "
                "أعد الأمر مع ‎--seed مختلفة."
            ) from error
        self.stdout.write(self.style.SUCCESS(report.summary()))
