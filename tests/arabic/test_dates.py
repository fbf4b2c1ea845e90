"""arabic.dates: a date written as precisely as it is known, in Arabic-Indic digits."""

import pytest

from arabic.dates import format_date


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
