"""Citations as a CSV table, for a spreadsheet: one row an article, Arabic headers.

The file starts with a UTF-8 byte order mark, without which Excel reads UTF-8
as the machine's code page and shows Arabic as mojibake. A cell that starts
with ``=``, ``+``, ``-``, ``@`` or a tab or CR would run as a formula in a spreadsheet
(OWASP, "CSV Injection"): it is written after an apostrophe, which the
spreadsheet shows as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from .fields import Citation

BYTE_ORDER_MARK = "\ufeff"
HEADERS = ("العنوان", "المصدر", "التاريخ", "التاريخ الهجري", "الرابط الدائم", "الرابط الأصلي")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _row(citation: Citation) -> tuple[str, ...]:
    """The date in ISO 8601 (2021, 2021-04 or 2021-04-21), which sorts as text and reads in any locale."""
    published = citation.published
    return (
        _cell(citation.title),
        _cell(citation.outlet),
        published.isoformat() if published else "",
        citation.hijri,
        citation.permalink,
        _cell(citation.original_url),
    )


def render(citations: Iterable[Citation]) -> str:
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(_row(citation) for citation in citations)
    return out.getvalue()
