"""Citations as CSL-JSON, the input of Zotero, Mendeley, pandoc and every CSL processor.

The schema is the Citation Style Language's ``csl-data.json``: an array of
items; a newspaper article is "article-newspaper", its paper the
"container-title", and a date as precise as it is known is its "date-parts".
The Hijri date, which CSL has no variable for, is in the "note".
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable

from ..dates import PartialDate
from .fields import ARCHIVE_NAME, Citation


def _date_parts(date: PartialDate | datetime.date) -> dict:
    parts = [date.year, date.month, date.day]
    return {"date-parts": [[part for part in parts if part is not None]]}


def item(citation: Citation) -> dict:
    """One CSL item; a field the archive does not know is left out rather than empty."""
    fields = {
        "id": citation.key,
        "type": "article-newspaper",
        "title": citation.title,
        "container-title": citation.outlet,
        "issued": _date_parts(citation.published) if citation.published else None,
        "URL": citation.permalink,
        "accessed": _date_parts(citation.accessed),
        "archive": ARCHIVE_NAME,
        "language": citation.language,
        "note": f"التاريخ الهجري: {citation.hijri}" if citation.hijri else "",
    }
    return {name: value for name, value in fields.items() if value}


def render(citations: Iterable[Citation]) -> str:
    """The items as a JSON array, Arabic written as itself in UTF-8."""
    return json.dumps([item(citation) for citation in citations], ensure_ascii=False, indent=2) + "\n"
