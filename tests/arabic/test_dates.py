"""arabic.dates: a date written as precisely as it is known, and read in any region's month names."""

import pytest

from arabic.dates import MONTHS, format_date, month_number, read_date, weekday
from arabic.numbers import Digits


@pytest.mark.parametrize(
    ("parts", "western", "arabic_indic"),
    [
        ((2021, None, None), "2021", "٢٠٢١"),
        ((2021, 4, None), "أبريل 2021", "أبريل ٢٠٢١"),
        ((2021, 4, 21), "21 أبريل 2021", "٢١ أبريل ٢٠٢١"),
        ((1999, 12, 1), "1 ديسمبر 1999", "١ ديسمبر ١٩٩٩"),
        ((2020, 1, None), "يناير 2020", "يناير ٢٠٢٠"),
    ],
)
def test_a_date_names_only_the_parts_it_knows_in_the_digits_asked(parts, western, arabic_indic):
    assert format_date(*parts, Digits.WESTERN) == western
    assert format_date(*parts, Digits.ARABIC_INDIC) == arabic_indic


def test_the_months_shown_are_the_agencies_names():
    assert MONTHS == (
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "month", "why"),
    [
        ("جانفي", 1, "Algeria and Tunisia"),
        ("فيفري", 2, "Algeria and Tunisia"),
        ("أفريل", 4, "Algeria and Tunisia"),
        ("افريل", 4, "typed without hamza"),
        ("ماي", 5, "the Maghreb"),
        ("جوان", 6, "Algeria and Tunisia"),
        ("جويلية", 7, "Algeria and Tunisia"),
        ("جويليه", 7, "taa marbuta typed as haa"),
        ("أوت", 8, "Algeria and Tunisia"),
        ("يوليوز", 7, "Morocco"),
        ("غشت", 8, "Morocco"),
        ("شتنبر", 9, "Morocco"),
        ("نونبر", 11, "Morocco"),
        ("دجنبر", 12, "Morocco"),
        ("كانون الثاني", 1, "the Levant: two words"),
        ("كانون   الأول", 12, "the Levant, spaced twice"),
        ("شباط", 2, "the Levant"),
        ("آذار", 3, "the Levant"),
        ("نيسان", 4, "the Levant"),
        ("أيار", 5, "the Levant"),
        ("حزيران", 6, "the Levant"),
        ("تموز", 7, "the Levant"),
        ("آب", 8, "the Levant"),
        ("أيلول", 9, "the Levant"),
        ("تشرين الأول", 10, "the Levant"),
        ("تشرين الثاني", 11, "the Levant"),
        ("إبريل", 4, "Egypt's hamza below"),
        ("يونية", 6, "Egypt"),
        ("يولية", 7, "Egypt"),
        ("أغسطس", 8, "the name shown"),
        ("الربيع", None, "Libya's old names are everyday words"),
        ("كانون", None, "half a name"),
        ("", None, "nothing"),
    ],
)
def test_every_region_s_name_of_a_month_is_read(name, month, why):
    assert month_number(name) == month, why


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("2021", (2021, None, None)),
        ("٢٠٢١-٠٤", (2021, 4, None)),
        ("2021/04/21", (2021, 4, 21)),
        (" 2021-04-21 ", (2021, 4, 21)),
        ("أوت 2021", (2021, 8, None)),
        ("21 جوان 2021", (2021, 6, 21)),
        ("٥ كانون الثاني ٢٠٢٠", (2020, 1, 5)),
        ("الأربعاء، 21 نيسان/أبريل 2021", (2021, 4, 21)),
        ("فيفري، 2019", (2019, 2, None)),
        ("\u20682021-04-30\u2069", (2021, 4, 30)),
        ("2021-13", (2021, 13, None)),
    ],
)
def test_a_date_is_read_as_it_is_typed_in_any_region(text, parts):
    assert read_date(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "",
        "أوت",
        "21 أوت",
        "أوت 21",
        "نيسان/أيار 2021",
        "2021 أوت",
        "21-04-2021",
        "x2021",
        "<b>2021</b>",
        "1" * 500,
    ],
)
def test_what_is_no_date_is_not_read_as_one(text):
    assert read_date(text) is None


@pytest.mark.parametrize(
    ("date", "name"), [((2021, 4, 21), "الأربعاء"), ((2024, 2, 29), "الخميس"), ((2000, 1, 2), "الأحد")]
)
def test_a_day_is_named_as_a_dateline_names_it(date, name):
    assert weekday(*date) == name
