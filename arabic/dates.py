"""Dates as Arabic readers write them: "٢١ أبريل ٢٠٢١", as precise as the date is known."""

from __future__ import annotations

import datetime

from .numbers import arabic_digits

# The month names of the Arab East and of most Arabic news agencies.
MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)


# Monday first, as Python's ``date.weekday()`` counts.
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")


def weekday(year: int, month: int, day: int) -> str:
    """The Arabic name of the day of the week of a date: a news dateline names it ("الأربعاء")."""
    return WEEKDAYS[datetime.date(year, month, day).weekday()]


def format_date(year: int, month: int | None = None, day: int | None = None) -> str:
    """A year, a month of a year or a day, in Arabic-Indic digits: "أبريل ٢٠٢١"."""
    parts = []
    if day is not None:
        parts.append(arabic_digits(day))
    if month is not None:
        parts.append(MONTHS[month - 1])
    parts.append(arabic_digits(year))
    return " ".join(parts)
