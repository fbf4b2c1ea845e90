"""Dates and figures as pages show them, each isolated so that the Arabic around it cannot reorder it.

Every element with a ``dir`` attribute is a bidi isolate (HTML's rendering
rules: ``[dir] { unicode-bidi: isolate }``): a date in Arabic words keeps its
order beside any text, and an ISO date ("2021-04-21") reads left to right,
where the bidi algorithm would otherwise show "21-04-2021" after an Arabic letter.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from arabic.dates import format_date

from . import conf
from .dates import PartialDate


def date_html(value: PartialDate | str | None) -> SafeString | str:
    """A partial date, or its ISO form from the index, as ``<time>`` in words: "21 أبريل 2021".

    Text that is no date (an index built by older code) is shown as it is, isolated.
    """
    if not value:
        return ""
    date = _as_date(value)
    if date is None:
        return format_html("<bdi>{}</bdi>", value)
    return format_html('<time datetime="{}" dir="rtl">{}</time>', date.isoformat(), date)


def hijri_html(value: PartialDate | str | None) -> SafeString | str:
    """The Hijri date beside a day's Gregorian one, "الموافق 9 رمضان 1442 هـ"; nothing for a year or a month."""
    value = _as_date(value) if value else None
    if not value or not value.hijri:
        return ""
    return format_html(
        '<span class="hijri">الموافق <time datetime="{}" dir="rtl">{}</time></span>',
        value.isoformat(),
        value.hijri,
    )


def _as_date(value: PartialDate | str) -> PartialDate | None:
    """The date itself, or read from its ISO form in the index; None for text that is no date."""
    try:
        return value if isinstance(value, PartialDate) else PartialDate.parse(value)
    except ValueError:
        return None


def ltr_html(text: str) -> SafeString:
    """Figures that read left to right (an ISO date, a command) kept so inside Arabic text."""
    return format_html('<bdi dir="ltr">{}</bdi>', text)


def moment(value: datetime.datetime) -> SafeString:
    """A stored time in the site's time zone and digits, isolated: "21 أبريل 2021، 14:05"."""
    local, digits = timezone.localtime(value), conf.digits()
    shown = f"{format_date(local.year, local.month, local.day, digits)}، {digits.write(f'{local:%H:%M}')}"
    return format_html('<time datetime="{}" dir="rtl">{}</time>', local.isoformat(timespec="minutes"), shown)
