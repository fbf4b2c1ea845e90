"""arabic.dates: a date written as precisely as it is known, in Arabic-Indic digits."""

import pytest

from arabic.dates import format_date, weekday


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((2021,), "٢٠٢١"),
        ((2021, 4), "أبريل ٢٠٢١"),
        ((2021, 4, 21), "٢١ أبريل ٢٠٢١"),
        ((1999, 12, 1), "١ ديسمبر ١٩٩٩"),
        ((2020, 1), "يناير ٢٠٢٠"),
    ],
)
def test_a_date_names_only_the_parts_it_knows(parts, expected):
    assert format_date(*parts) == expected


@pytest.mark.parametrize(
    ("date", "name"), [((2021, 4, 21), "الأربعاء"), ((2024, 2, 29), "الخميس"), ((2000, 1, 2), "الأحد")]
)
def test_a_day_is_named_as_a_dateline_names_it(date, name):
    assert weekday(*date) == name
