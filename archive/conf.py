"""The archive's settings, read when used so that tests can override them.

``ARCHIVE_DIGITS``: the digits every number and date of the site is shown
with, "western" (2021, the default: the archive's Algerian and Libyan sources
print them, so a date reads as the article beside it does) or "arabic-indic" (٢٠٢١).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from arabic.numbers import Digits

DEFAULT_DIGITS = Digits.WESTERN


def digits() -> Digits:
    """The one style of digits the pages, the admin and the messages show."""
    value = getattr(settings, "ARCHIVE_DIGITS", DEFAULT_DIGITS)
    try:
        return Digits(value)
    except ValueError:
        choices = ", ".join(f'"{style}"' for style in Digits)
        raise ImproperlyConfigured(f"ARCHIVE_DIGITS is {value!r}: it must be one of {choices}.") from None
