"""Partial dates: a year, a month or a day, as precise as the source states.

A date is stored as the first day of the period it names plus its precision,
so that it sorts and filters as a date but is never shown as a day the source
did not give.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from django.db import models
from django.db.models import Q

from arabic.dates import format_date
from arabic.normalization import normalize

_ISO_PARTIAL = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?")


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
        """Read "2021", "2021-04" or "2021-04-21" (also with / and Arabic digits).

        Raises ``ValueError`` with a message for the person who typed it.
        """
        match = _ISO_PARTIAL.fullmatch(normalize(text.strip()))
        if not match:
            raise ValueError(f"تاريخ غير مفهوم «{text}»: اكتب السنة، أو السنة-الشهر، أو السنة-الشهر-اليوم.")
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            return cls(year, month, day)
        except ValueError:
            raise ValueError(f"التاريخ «{text}» غير موجود في التقويم.") from None

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
        """The date as an Arabic reader expects it: "٢١ أبريل ٢٠٢١"."""
        return format_date(self.year, self.month, self.day)

    def isoformat(self) -> str:
        """ISO 8601 reduced precision: "2021", "2021-04" or "2021-04-21"."""
        return self.first_day.isoformat()[: {"year": 4, "month": 7, "day": 10}[self.precision]]


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
