"""Numbers and counts written for Arabic readers, in either style of digits."""

import pytest

from arabic.numbers import CountedNoun, Digits, arabic_count, arabic_decimal, arabic_number, arabic_percent

ARTICLES = CountedNoun("مقال واحد", "مقالان", "مقالات", "مقالًا", "مقال")


@pytest.mark.parametrize(
    ("number", "western", "arabic_indic"),
    [
        (0, "0 مقالات", "٠ مقالات"),
        (1, "مقال واحد", "مقال واحد"),
        (2, "مقالان", "مقالان"),
        (3, "3 مقالات", "٣ مقالات"),
        (10, "10 مقالات", "١٠ مقالات"),
        (11, "11 مقالًا", "١١ مقالًا"),
        (99, "99 مقالًا", "٩٩ مقالًا"),
        (100, "100 مقال", "١٠٠ مقال"),
        (102, "102 مقال", "١٠٢ مقال"),
        (103, "103 مقالات", "١٠٣ مقالات"),
        (1111, "1,111 مقالًا", "١٬١١١ مقالًا"),
        ("x", "x", "x"),
    ],
)
def test_arabic_count_agrees_noun_and_number_in_the_digits_asked(number, western, arabic_indic):
    assert arabic_count(number, ARTICLES, Digits.WESTERN) == western
    assert arabic_count(number, ARTICLES, Digits.ARABIC_INDIC) == arabic_indic


@pytest.mark.parametrize(
    ("digits", "grouped", "fraction", "percentage"),
    [(Digits.WESTERN, "1,234,567", "3.2", "66.7%"), (Digits.ARABIC_INDIC, "١٬٢٣٤٬٥٦٧", "٣٫٢", "٦٦٫٧٪")],
)
def test_each_style_has_its_own_digits_and_separators(digits, grouped, fraction, percentage):
    assert arabic_number(1234567, digits) == grouped
    assert arabic_decimal(3.24, 1, digits) == fraction
    assert arabic_percent(2 / 3, 1, digits) == percentage
    assert arabic_number(None, digits) == "None"


def test_the_styles_are_named_as_the_setting_names_them():
    assert Digits("western") is Digits.WESTERN and Digits("arabic-indic") is Digits.ARABIC_INDIC
