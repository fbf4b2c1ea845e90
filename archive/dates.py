"""Partial dates: a year, a month or a day, as precise as the source states.

A date is stored as the first day of the period it names plus its precision,
so that it is never shown as a day the source did not give. It is a range:
"2021" is every day of 2021, so a search between June and December 2021 finds
it, as does one up to January 2021 (``first_day`` to ``last_day``). Sorted,
it stands at the start of its period: "2021" before "2021-01-05", and, the
first days being equal, beside "2021-01" and "2021-01-01", by id.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Q

from arabic.bidi import quoted
from arabic.dates import format_date, read_date
from arabic.hijri import format_hijri

from . import conf


class Precision(models.TextChoices):
    YEAR = "year", "سنة"
    MONTH = "month", "شهر"
    DAY = "day", "يوم"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Raises for a date the calendar does not have; a month or a day of 0 included.
        datetime.date(self.year, 1 if self.month is None else self.month, 1 if self.day is None else self.day)

    @property
    def precision(self) -> str:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        """The last day of the period the date names: a year's 31 December, a month's last day."""
        if self.day is not None:
            return self.first_day
        month = self.month or 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read "2021", "2021-04", "2021-04-21" (also with /), or "21 أوت 2021" in any month's name.

        Either style of digits. Raises ``ValueError`` with a message for the
        person who typed it, quoting the text isolated so it reads as typed.
        """
        parts = read_date(text)
        if parts is None:
            raise ValueError(
                f"تاريخ غير مفهوم {quoted(text.strip())}: اكتب السنة، أو السنة-الشهر، أو السنة-الشهر-اليوم، "
                "أو الشهر بالحروف والسنة."
            )
        try:
            return cls(*parts)
        except ValueError:
            raise ValueError(f"التاريخ {quoted(text.strip())} غير موجود في التقويم.") from None

    @classmethod
    def from_stored(cls, first_day: datetime.date | None, precision: str | None):
        if first_day is None or not precision:
            return None
        return cls(
            first_day.year,
            first_day.month if precision != Precision.YEAR else None,
            first_day.day if precision == Precision.DAY else None,
        )

    def __str__(self) -> str:
        """The date as an Arabic reader expects it: "21 أبريل 2021", in the site's digits."""
        return format_date(self.year, self.month, self.day, conf.digits())

    @property
    def hijri(self) -> str:
        """The Umm al-Qura date of a day, "9 رمضان 1442 هـ" in the site's digits; "" for a year or a month.

        A Gregorian month or year straddles two Hijri ones, so only a date known
        to the day has a Hijri date (and only within the calendar's tables, 1924-2077).
        """
        return format_hijri(self.first_day, conf.digits()) if self.day is not None else ""

    def isoformat(self) -> str:
        """ISO 8601 reduced precision: "2021", "2021-04" or "2021-04-21"."""
        return self.first_day.isoformat()[: {"year": 4, "month": 7, "day": 10}[self.precision]]


def stored_partial_date(date_field: str, precision_field: str) -> property:
    """A model's partial date, read from and written to its two stored fields: the first day and the precision.

    A ``property``, so that the model's constructor takes it as a keyword too.
    """

    def read(instance) -> PartialDate | None:
        return PartialDate.from_stored(getattr(instance, date_field), getattr(instance, precision_field))

    def write(instance, value: PartialDate | None) -> None:
        setattr(instance, date_field, value.first_day if value else None)
        setattr(instance, precision_field, value.precision if value else "")

    return property(read, write)


def partial_date_constraints(date_field: str, precision_field: str, prefix: str):
    """Database checks that a stored partial date is consistent.

    Both parts are set or neither is (an empty precision), and the stored day is the first of the
    period for a month or year precision, so no invented day can be stored.
    """
    date_is_null = Q(**{f"{date_field}__isnull": True})
    precision_is_null = Q(**{precision_field: ""})
    first_of_period = (
        Q(**{precision_field: Precision.DAY})
        | Q(**{precision_field: Precision.MONTH, f"{date_field}__day": 1})
        | Q(**{precision_field: Precision.YEAR, f"{date_field}__day": 1, f"{date_field}__month": 1})
    )
    return [
        models.CheckConstraint(
            condition=(date_is_null & precision_is_null) | (~date_is_null & first_of_period),
            name=f"{prefix}_partial_date_consistent",
        )
    ]
