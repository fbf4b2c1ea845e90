"""arabic.hijri: a day's Umm al-Qura date, checked against the dates Saudi Arabia published."""

import datetime

import pytest
from hijridate import Hijri

from arabic.hijri import format_hijri, hijri_date
from arabic.numbers import Digits


@pytest.mark.parametrize(
    ("day", "hijri", "why"),
    [
        (datetime.date(2018, 5, 15), (1439, 8, 29), "the Royal Court's statement on Ramadan 1439"),
        (datetime.date(2018, 8, 10), (1439, 11, 28), "the Supreme Court's call to sight Dhu al-Hijjah 1439"),
        (datetime.date(2018, 9, 10), (1439, 12, 30), "the last day of 1439, a 30-day Dhu al-Hijjah"),
        (datetime.date(2018, 9, 11), (1440, 1, 1), "1 Muharram 1440, the next day: a year's boundary"),
        (datetime.date(2021, 4, 12), (1442, 8, 30), "30 Sha'ban 1442, the eve of Ramadan"),
        (datetime.date(2021, 4, 13), (1442, 9, 1), "1 Ramadan 1442"),
        (datetime.date(2021, 4, 21), (1442, 9, 9), "the seed article's date, eight days into Ramadan"),
        (datetime.date(2021, 4, 30), (1442, 9, 18), "the last day of a Gregorian month"),
        (datetime.date(2021, 5, 1), (1442, 9, 19), "the first day of the next one"),
        (datetime.date(2021, 5, 12), (1442, 9, 30), "30 Ramadan 1442, a 30-day Ramadan"),
        (datetime.date(2021, 5, 13), (1442, 10, 1), "1 Shawwal 1442, Eid al-Fitr"),
        (datetime.date(2022, 7, 29), (1443, 12, 30), "the last day of 1443"),
        (datetime.date(2022, 7, 30), (1444, 1, 1), "1 Muharram 1444"),
    ],
)
def test_a_day_has_the_umm_al_qura_date_saudi_arabia_published(day, hijri, why):
    """Each row is an Umm al-Qura date Saudi Arabia published, or a day counted from one.

    The sources are the statements the Saudi Press Agency carried for the Supreme Court and
    the Royal Court, which give both calendars: Sha'ban 29, 1439 = 15 May 2018; Dhu al-Qa'dah
    28, 1439 = 10 August 2018; Dhu al-Hijjah 30, 1439 = 10 September 2018 and 1 Muharram 1440
    the next day; 1 Ramadan 1442 = 13 April 2021, Sha'ban 1442 completed on 12 April, 1 Shawwal
    on 13 May; Dhu al-Hijjah 1443 completed on 29 July 2022 and 1 Muharram 1444 on 30 July. The
    calendar's month beginnings for 1356-1500 AH are tabulated in R. H. van Gent, "The Umm
    al-Qura Calendar of Saudi Arabia" (Utrecht University,
    webspace.science.uu.nl/~gent0113/islam/ummalqura.htm), for checking further rows.
    """
    assert hijri_date(day) == hijri, why


@pytest.mark.parametrize(
    ("digits", "shown"),
    [(Digits.WESTERN, "9 رمضان 1442 هـ"), (Digits.ARABIC_INDIC, "٩ رمضان ١٤٤٢ هـ")],
)
def test_a_hijri_date_is_written_in_words_in_the_digits_asked(digits, shown):
    assert format_hijri(datetime.date(2021, 4, 21), digits) == shown


def test_the_months_of_the_year_are_named_in_order():
    firsts = [Hijri(1442, month, 1).to_gregorian() for month in range(1, 13)]
    assert [format_hijri(day, Digits.WESTERN).removeprefix("1 ").removesuffix(" 1442 هـ") for day in firsts] == [
        "محرم", "صفر", "ربيع الأول", "ربيع الثاني", "جمادى الأولى", "جمادى الآخرة",
        "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "day",
    [
        datetime.date(1, 1, 1),
        datetime.date(1924, 7, 31),
        datetime.date(2077, 11, 17),
        datetime.date(9999, 12, 31),
    ],
)
def test_a_day_outside_the_calendars_tables_has_no_hijri_date_rather_than_a_guess(day):
    assert hijri_date(day) is None
    assert format_hijri(day, Digits.WESTERN) == ""


def test_the_first_and_last_days_of_the_tables_have_hijri_dates():
    assert hijri_date(datetime.date(1924, 8, 1)) == (1343, 1, 1)
    assert hijri_date(datetime.date(2077, 11, 16)) == (1500, 12, 30)
