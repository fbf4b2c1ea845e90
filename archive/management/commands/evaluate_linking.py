"""``manage.py evaluate_linking PATH``: the linker's precision and recall on marked paragraphs, and the names it suggests."""

from argparse import ArgumentTypeError

from django.core.management.base import BaseCommand, CommandError

from archive.evaluation import CaseFileError, Score, evaluate, load_cases
from archive.numerals import number, percent


def fraction(value: str) -> float:
    try:
        share = float(value)
    except ValueError:
        share = -1.0
    if not 0 <= share <= 1:
        raise ArgumentTypeError(f"«{value}» ليست نسبة: يُنتظر عدد بين 0 و1، مثل 0.9")
    return share


def count(value: str) -> int:
    if not value.isdecimal():
        raise ArgumentTypeError(f"«{value}» ليس عددًا صحيحًا غير سالب")
    return int(value)


class Command(BaseCommand):
    help = (
        "يقيس دقة ربط الكيانات واستدعاءه على فقرات عُلِّمت أسماؤها (JSON Lines)، دون حفظ شيء، "
        "ويخرج بخطأ إن لم تبلغ الأرقامُ الحدودَ المعطاة."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="ملف JSON Lines، فقرة في كل سطر")
        parser.add_argument("--min-precision", type=fraction, metavar="P", help="أدنى دقة مقبولة (0 إلى 1)")
        parser.add_argument("--min-recall", type=fraction, metavar="R", help="أدنى استدعاء مقبول (0 إلى 1)")
        parser.add_argument(
            "--max-lookalikes", type=count, metavar="N", help="أكثر عدد مقبول من أشباه الأسماء المربوطة"
        )
        parser.add_argument(
            "--min-suggested",
            type=fraction,
            metavar="S",
            help="أدنى نسبة مقبولة من الأسماء التي لا يعرفها الأرشيف واقتُرحت (0 إلى 1)",
        )

    def handle(
        self,
        *args,
        path: str,
        verbosity: int,
        min_precision,
        min_recall,
        max_lookalikes,
        min_suggested,
        **options,
    ):
        try:
            score = evaluate(load_cases(path))
        except CaseFileError as error:
            raise CommandError(str(error)) from error
        self._table(score)
        if verbosity >= 2:
            self._details(score)
        if shortfalls := self._shortfalls(score, min_precision, min_recall, max_lookalikes, min_suggested):
            raise CommandError("لم يبلغ الربط الحدود: " + "؛ ".join(shortfalls) + ".")

    def _table(self, score: Score) -> None:
        rows = [
            ("الفقرات", number(score.paragraphs)),
            ("الإشارات المعلَّمة", number(score.gold)),
            ("الإشارات المربوطة", number(score.linked)),
            ("الصحيحة منها", number(score.correct)),
            ("الدقة", percent(score.precision)),
            ("الاستدعاء", percent(score.recall)),
            (
                "أشباه أسماء رُبطت",
                f"{number(score.lookalikes_linked)} من {number(score.lookalikes)}",
            ),
            ("أسماء لا يعرفها الأرشيف", number(score.unknown)),
            (
                "اقتُرح منها",
                f"{number(score.unknown_suggested)} ({percent(score.suggested_share)})",
            ),
            (
                "اقتراحات ليست منها",
                f"{number(len(score.false_suggestions))} من {number(score.suggested)}",
            ),
        ]
        width = max(len(label) for label, _ in rows)
        for label, value in rows:
            self.stdout.write(f"{label.ljust(width)}  {value}")

    def _details(self, score: Score) -> None:
        for link in score.wrong:
            self.stdout.write(f"ربط خاطئ، السطر {number(link.line)}: «{link.text}» ← {link.slug}")
        for link in score.missed:
            self.stdout.write(f"فائت، السطر {number(link.line)}: «{link.text}» ({link.slug})")
        for link in score.false_suggestions:
            self.stdout.write(f"اقتراح خاطئ، السطر {number(link.line)}: «{link.text}» ({link.slug})")
        for link in score.unsuggested:
            self.stdout.write(f"لم يُقترح، السطر {number(link.line)}: «{link.text}» ({link.slug})")

    @staticmethod
    def _shortfalls(
        score: Score,
        min_precision: float | None,
        min_recall: float | None,
        max_lookalikes: int | None,
        min_suggested: float | None,
    ) -> list[str]:
        shortfalls = []
        if min_precision is not None and score.precision < min_precision:
            shortfalls.append(f"الدقة {percent(score.precision)} دون {percent(min_precision)}")
        if min_recall is not None and score.recall < min_recall:
            shortfalls.append(f"الاستدعاء {percent(score.recall)} دون {percent(min_recall)}")
        if max_lookalikes is not None and score.lookalikes_linked > max_lookalikes:
            shortfalls.append(
                f"رُبط {number(score.lookalikes_linked)} من أشباه الأسماء، والحد {number(max_lookalikes)}"
            )
        if min_suggested is not None and score.suggested_share < min_suggested:
            shortfalls.append(
                f"اقتُرح {percent(score.suggested_share)} من الأسماء غير المعروفة، دون {percent(min_suggested)}"
            )
        return shortfalls
