"""Dates as Arabic readers write them: "21 أبريل 2021", as precise as the date is known.

The archive shows one name for each month and reads all of them. Its sources
are Algerian and Libyan, and the Arab world writes months three ways:

- the names of the Arab East and of the news agencies, "يناير… ديسمبر", which
  Libyan papers print and every Arabic reader knows: these are shown;
- the Maghreb's, from French: "جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت" in
  Algeria and Tunisia, "يوليوز، غشت، شتنبر، نونبر، دجنبر" in Morocco;
- the Levant's and Iraq's Syriac names, "كانون الثاني، شباط، آذار…".

Every one of them is read, in a date typed in a form, in a file imported or
beside a number in the search box. Libya's Jamahiriya names ("النوار",
"الربيع", "الماء"…) are not: they are everyday words, and no source since
2011 writes them.
"""

from __future__ import annotations

import datetime
import re

from .normalization import normalize
from .numbers import Digits

# Each month's names, the one shown first, then the Egyptian spellings, the Maghreb's and the Levant's.
MONTH_NAMES = (
    ("يناير", "جانفي", "كانون الثاني"),
    ("فبراير", "فيفري", "شباط"),
    ("مارس", "آذار"),
    ("أبريل", "أفريل", "نيسان"),
    ("مايو", "ماي", "أيار"),
    ("يونيو", "يونية", "جوان", "حزيران"),
    ("يوليو", "يولية", "جويلية", "يوليوز", "تموز"),
    ("أغسطس", "أوت", "غشت", "آب"),
    ("سبتمبر", "شتنبر", "أيلول"),
    ("أكتوبر", "تشرين الأول"),
    ("نوفمبر", "نونبر", "تشرين الثاني"),
    ("ديسمبر", "دجنبر", "كانون الأول"),
)
MONTHS = tuple(names[0] for names in MONTH_NAMES)

# Every name as ``normalize`` writes it ("أبريل", "ابريل" and "إبريل" meet), with its month.
_MONTH_OF = {normalize(name): number for number, names in enumerate(MONTH_NAMES, 1) for name in names}

# Monday first, as Python's ``date.weekday()`` counts.
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")


def _alternatives(names) -> str:
    """A regex alternation of ``names``, longest first, any run of spaces inside a name."""
    return "|".join(
        r"\s+".join(map(re.escape, name.split())) for name in sorted(names, key=len, reverse=True)
    )


_MONTH = _alternatives(_MONTH_OF)
_WEEKDAY = _alternatives(normalize(day) for day in WEEKDAYS)
# 2021, 2021-04, 2021/04/21: the forms people type in a date box, and ISO 8601's.
_NUMERIC = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?")
# [weekday،] [21] أبريل[/نيسان] 2021, as a dateline or a person writes it.
_WRITTEN = re.compile(
    rf"(?:(?:{_WEEKDAY})\s*[,،]?\s*)?(?:(\d{{1,2}})\s+)?({_MONTH})(?:\s*/\s*({_MONTH}))?\s*[,،]?\s+(\d{{4}})"
)


def month_number(name: str) -> int | None:
    """The month a name writes, in any spelling or region ("أوت" → 8), or None."""
    return _MONTH_OF.get(" ".join(normalize(name).split()))


def read_date(text: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a date as it is typed, or None when ``text`` is no date.

    "2021", "2021-04", "2021/04/21", "أبريل 2021", "21 أوت 2021",
    "الأربعاء 21 نيسان/أبريل 2021", in either style of digits. A day or a month
    out of the calendar is read all the same: checking it is the caller's.
    """
    normalized = " ".join(normalize(text).split())
    if match := _NUMERIC.fullmatch(normalized):
        year, month, day = match.groups()
        return int(year), int(month) if month else None, int(day) if day else None
    if match := _WRITTEN.fullmatch(normalized):
        day, name, other, year = match.groups()
        month = month_number(name)
        if other and month_number(other) != month:
            return None
        return int(year), month, int(day) if day else None
    return None


def weekday(year: int, month: int, day: int) -> str:
    """The Arabic name of the day of the week of a date: a news dateline names it ("الأربعاء")."""
    return WEEKDAYS[datetime.date(year, month, day).weekday()]


def format_date(year: int, month: int | None, day: int | None, digits: Digits) -> str:
    """A year, a month of a year or a day, with the month's shown name: "أبريل 2021"."""
    parts = []
    if day is not None:
        parts.append(digits.write(day))
    if month is not None:
        parts.append(MONTHS[month - 1])
    parts.append(digits.write(year))
    return " ".join(parts)
