"""``manage.py analyze``: the tokens the index stores for a text, or a query searches for.

It calls the analyzer and the query parser the search itself uses, so what it
prints is what the archive does, not a description of it.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from archive import numerals
from search.analysis import indexed_tokens
from search.query import query_tokens

DOCUMENT, QUERY = "document", "query"


class Command(BaseCommand):
    help = (
        "يحلّل نصًّا كما يحلّله الفهرس (document) أو محلّل الاستعلام (query). "
        "بلا ‎--text يقرأ من الدخل القياسي سطور JSON، كل سطر سلسلة نصية، "
        "ويكتب لكل سطر مصفوفة JSON بالرموز مرتّبة بمواضعها."
    )

    def add_arguments(self, parser):
        parser.add_argument("--role", choices=[DOCUMENT, QUERY], default=DOCUMENT, help="نص مفهرس أم استعلام")
        parser.add_argument("--text", help="نص واحد تُطبع رموزه للقراءة")

    def handle(self, *args, role: str, text: str | None, **options):
        analyse = query_tokens if role == QUERY else indexed_tokens
        if text is not None:
            for tokens in analyse(text):
                self.stdout.write(" | ".join(tokens) if isinstance(tokens, list) else tokens)
            return
        texts = [
            self._read_line(number, line) for number, line in enumerate(sys.stdin.read().splitlines(), 1)
        ]
        for one in texts:
            self.stdout.write(json.dumps(analyse(one), ensure_ascii=False))

    @staticmethod
    def _read_line(number: int, line: str) -> str:
        """One input line as a string; a line that is not one stops the run before any output."""
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise CommandError(f"السطر {numerals.number(number)}: ليس JSON صالحًا ({error.msg}).") from error
        if not isinstance(value, str):
            raise CommandError(f"السطر {number}: المتوقع سلسلة نصية بين علامتي تنصيص.")
        return value
