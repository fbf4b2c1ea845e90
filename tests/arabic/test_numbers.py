"""Numbers and counts written for Arabic readers."""

import pytest

from arabic.numbers import CountedNoun, arabic_count, arabic_number

ARTICLES = CountedNoun("مقال واحد", "مقالان", "مقالات", "مقالًا", "مقال")


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (0, "٠ مقالات"),
        (1, "مقال واحد"),
        (2, "مقالان"),
        (3, "٣ مقالات"),
        (10, "١٠ مقالات"),
        (11, "١١ مقالًا"),
        (99, "٩٩ مقالًا"),
        (100, "١٠٠ مقال"),
        (102, "١٠٢ مقال"),
        (103, "١٠٣ مقالات"),
        (1111, "١٬١١١ مقالًا"),
        ("x", "x"),
    ],
)
def test_arabic_count_agrees_noun_and_number(number, expected):
    assert arabic_count(number, ARTICLES) == expected


def test_arabic_number_uses_arabic_digits_and_separator():
    assert arabic_number(1234567) == "١٬٢٣٤٬٥٦٧"
    assert arabic_number(None) == "None"
