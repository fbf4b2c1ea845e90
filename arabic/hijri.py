"""Hijri dates of the Umm al-Qura calendar, as Arabic readers write them: "9 رمضان 1442 هـ".

Umm al-Qura is Saudi Arabia's official calendar, computed in advance (KACST),
and the one the Gulf's agencies and most Arabic sites print beside a Gregorian
date. ``hijridate`` holds its published tables, from 1 Muharram 1343 to the end
of 1500 AH (1 August 1924 to 16 November 2077); a day outside them has no Hijri
date here rather than a guessed one.

Only a day has a Hijri date: a Gregorian month or year straddles two Hijri
months or years, so "أبريل 2021" is shown without one.
"""

from __future__ import annotations

import datetime

from hijridate import Gregorian, Hijri

from .numbers import Digits


def _umm_al_qura(day: datetime.date) -> Hijri | None:
    try:
        return Gregorian.fromdate(day).to_hijri()
    except OverflowError:  # hijridate's answer to a day outside its tables
        return None


def hijri_date(day: datetime.date) -> tuple[int, int, int] | None:
    """(year, month, day) of ``day`` in the Umm al-Qura calendar, or None outside its tables."""
    hijri = _umm_al_qura(day)
    return hijri.datetuple() if hijri else None


def format_hijri(day: datetime.date, digits: Digits) -> str:
    """``day`` as a Hijri date in words, "9 رمضان 1442 هـ", or "" outside the calendar's tables.

    The months have ``hijridate``'s Arabic names ("ربيع الثاني", "جمادى الآخرة"),
    and "هـ" marks the Hijri year.
    """
    hijri = _umm_al_qura(day)
    if hijri is None:
        return ""
    return f"{digits.write(hijri.day)} {hijri.month_name('ar')} {digits.write(hijri.year)} {hijri.notation('ar')}"
