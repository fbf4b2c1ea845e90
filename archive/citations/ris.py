"""Citations as RIS, the tagged format EndNote, Zotero and most databases import.

Each line is a two-letter tag, two spaces, a hyphen and a space, then the
value; a reference opens with ``TY`` (NEWS: a newspaper article) and closes
with ``ER``; lines end with CR LF (the RIS specification). Values are one
line each: the fields build them so.
"""

from __future__ import annotations

from collections.abc import Iterable

from .fields import ARCHIVE_NAME, Citation


def _reference(citation: Citation) -> list[tuple[str, str]]:
    published = citation.published
    tags = [
        ("TY", "NEWS"),
        ("ID", citation.key),
        ("TI", citation.title),
        ("T2", citation.outlet),
        # RIS dates are YYYY/MM/DD/, a part the source did not give left empty.
        ("PY", str(published.year) if published else ""),
        ("DA", _ris_date(published.year, published.month, published.day) if published else ""),
        ("UR", citation.permalink),
        ("Y2", _ris_date(citation.accessed.year, citation.accessed.month, citation.accessed.day)),
        ("DB", ARCHIVE_NAME),
        ("LA", citation.language),
        ("N1", f"التاريخ الهجري: {citation.hijri}" if citation.hijri else ""),
    ]
    return [(tag, value) for tag, value in tags if value] + [("ER", "")]


def _ris_date(year: int, month: int | None, day: int | None) -> str:
    return f"{year:04d}/" + "".join(f"{part:02d}/" if part else "/" for part in (month, day))


def render(citations: Iterable[Citation]) -> str:
    return "".join(f"{tag}  - {value}\r\n" for citation in citations for tag, value in _reference(citation))
