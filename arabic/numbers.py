"""Numbers written for Arabic readers: in one style of digits, and nouns that agree with them.

Arabic is written with two sets of digits: the Western ones (0-9), which the
newspapers of the Maghreb print, and the Arabic-Indic ones (٠-٩) of the Arab
East. A site shows one of them everywhere; every function here is told which.
"""

from __future__ import annotations

import enum
from typing import NamedTuple

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


class Digits(enum.StrEnum):
    """The digits a number is written with, and the separators that go with them (CLDR "ar")."""

    WESTERN = "western"
    ARABIC_INDIC = "arabic-indic"

    def write(self, value: object) -> str:
        """``value`` as text, its digits in this style: 2021 → "٢٠٢١" in Arabic-Indic."""
        text = str(value)
        return text.translate(_ARABIC_INDIC) if self is Digits.ARABIC_INDIC else text

    @property
    def thousands(self) -> str:
        return "٬" if self is Digits.ARABIC_INDIC else ","

    @property
    def decimal(self) -> str:
        return "٫" if self is Digits.ARABIC_INDIC else "."

    @property
    def percent(self) -> str:
        return "٪" if self is Digits.ARABIC_INDIC else "%"


class CountedNoun(NamedTuple):
    """The forms of a counted noun, in CLDR's plural categories of Arabic.

    one, two, few (3-10), many (11-99), other (100, 101, 102...).
    """

    one: str
    two: str
    few: str
    many: str
    other: str


def arabic_number(value, digits: Digits) -> str:
    """1234 → "1,234" or "١٬٢٣٤": grouped thousands, in the style of ``digits``."""
    try:
        grouped = f"{int(value):,}".replace(",", digits.thousands)
    except (TypeError, ValueError):
        return str(value)
    return digits.write(grouped)


def arabic_decimal(value: float, places: int, digits: Digits) -> str:
    """2.5 → "2.5" or "٢٫٥": a fraction with ``places`` decimals, in the style of ``digits``."""
    whole, _, fraction = f"{value:.{places}f}".partition(".")
    return arabic_number(whole, digits) + (digits.decimal + digits.write(fraction) if fraction else "")


def arabic_percent(fraction: float, places: int, digits: Digits) -> str:
    """0.847 → "84.7%" or "٨٤٫٧٪": a fraction as a percentage, in the style of ``digits``."""
    return arabic_decimal(fraction * 100, places, digits) + digits.percent


def arabic_count(value, noun: CountedNoun, digits: Digits) -> str:
    """A number with ``noun`` in the form Arabic grammar asks for.

    مقال واحد، مقالان، 3 مقالات، 11 مقالًا، 100 مقال; no article at all reads "0 مقالات".
    """
    try:
        number = int(value)
    except (TypeError, ValueError):
        return str(value)
    if number == 1:
        return noun.one
    if number == 2:
        return noun.two
    remainder = number % 100
    form = noun.few if number == 0 or 3 <= remainder <= 10 else noun.many if remainder >= 11 else noun.other
    return f"{arabic_number(number, digits)} {form}"
