"""Numbers written for Arabic readers: Arabic-Indic digits and nouns that agree with them."""

from __future__ import annotations

from typing import NamedTuple

_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


class CountedNoun(NamedTuple):
    """The forms of a counted noun, in CLDR's plural categories of Arabic.

    one, two, few (3-10), many (11-99), other (100, 101, 102...).
    """

    one: str
    two: str
    few: str
    many: str
    other: str


def arabic_digits(value: object) -> str:
    """Write a number with Arabic-Indic digits, as the CLDR's "ar" locale does."""
    return str(value).translate(_ARABIC_DIGITS)


def arabic_number(value) -> str:
    """1234 → "١٬٢٣٤": Arabic-Indic digits and the Arabic thousands separator."""
    try:
        grouped = f"{int(value):,}".replace(",", "٬")
    except (TypeError, ValueError):
        return str(value)
    return arabic_digits(grouped)


def arabic_count(value, noun: CountedNoun) -> str:
    """A number with ``noun`` in the form Arabic grammar asks for.

    مقال واحد، مقالان، ٣ مقالات، ١١ مقالًا، ١٠٠ مقال; no article at all reads "٠ مقالات".
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
    return f"{arabic_number(number)} {form}"
