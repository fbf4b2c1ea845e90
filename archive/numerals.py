"""Numbers as the site shows them: ``arabic.numbers`` in the digits ``ARCHIVE_DIGITS`` names.

Every number a page, the admin or a message shows goes through here, so one
setting decides the digits of all of them.
"""

from __future__ import annotations

from arabic.numbers import CountedNoun, arabic_count, arabic_decimal, arabic_number, arabic_percent

from . import conf


def figures(value: object) -> str:
    """``value``'s digits in the site's style, nothing grouped: a year, a page number."""
    return conf.digits().write(value)


def number(value) -> str:
    """A number with its thousands grouped: 1,234 or ١٬٢٣٤."""
    return arabic_number(value, conf.digits())


def decimal(value: float, places: int) -> str:
    return arabic_decimal(value, places, conf.digits())


def percent(fraction: float, places: int = 1) -> str:
    """A fraction as a percentage: 84.7% or ٨٤٫٧٪."""
    return arabic_percent(fraction, places, conf.digits())


def count(value, noun: CountedNoun) -> str:
    """A number and the noun it counts, as Arabic grammar asks: "3 مقالات"."""
    return arabic_count(value, noun, conf.digits())
