"""archive.dates: a date known to the year, the month or the day, read as people type it, shown as
Arabic readers write it, stored so that no invented day can be; and the form field that reads it."""

from __future__ import annotations

import datetime

import pytest
from django import forms
from django.db import IntegrityError, transaction

from archive.dates import PartialDate, Precision
from archive.forms import PartialDateFormField
from archive.models import Article

# What a person typed is quoted between isolates (U+2068 ... U+2069), so it reads as typed.
NOT_UNDERSTOOD = "تاريخ غير مفهوم «\u2068{}\u2069»: اكتب السنة، أو السنة-الشهر، أو السنة-الشهر-اليوم، أو الشهر بالحروف والسنة."
NOT_IN_CALENDAR = "التاريخ «\u2068{}\u2069» غير موجود في التقويم."

# Reading ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2021", PartialDate(2021)),
        ("2021-04", PartialDate(2021, 4)),
        ("2021-04-21", PartialDate(2021, 4, 21)),
        ("2021-4-1", PartialDate(2021, 4, 1)),
        ("2021/04/21", PartialDate(2021, 4, 21)),
        ("2021/04", PartialDate(2021, 4)),
        ("٢٠٢١-٠٤-٢١", PartialDate(2021, 4, 21)),
        ("٢٠١٦/٠٤", PartialDate(2016, 4)),
        ("۲۰۲۱", PartialDate(2021)),
        (" 2021-04 ", PartialDate(2021, 4)),
        ("2020-02-29", PartialDate(2020, 2, 29)),
        ("21 أوت 2021", PartialDate(2021, 8, 21)),
        ("جانفي 2020", PartialDate(2020, 1)),
        ("كانون الثاني ٢٠٢٠", PartialDate(2020, 1)),
        ("5 يونيو 2019", PartialDate(2019, 6, 5)),
    ],
    ids=[
        "year",
        "month",
        "day",
        "one-digit-month-and-day",
        "slashes",
        "slash-month",
        "arabic-indic-digits",
        "arabic-indic-digits-with-slash",
        "persian-digits",
        "spaces-around",
        "leap-day",
        "algerian-month-name",
        "maghreb-month-alone",
        "levantine-month-name",
        "egyptian-month-name",
    ],
)
def test_parse_reads_a_year_a_month_or_a_day_as_people_type_it(text, date):
    parsed = PartialDate.parse(text)
    assert parsed == date
    assert parsed.precision == date.precision


@pytest.mark.parametrize(
    "text",
    [
        "",
        "أمس",
        "21",
        "20210",
        "2021-",
        "2021-04-21T10:00",
        "21-04-2021",
        "2021-04-21-01",
        "2021.04",
        "-2021",
    ],
    ids=[
        "empty",
        "words",
        "two-digit-year",
        "five-digit-year",
        "trailing-dash",
        "time",
        "day-first",
        "too-many-parts",
        "dots",
        "negative",
    ],
)
def test_parse_refuses_text_that_is_no_date_saying_how_to_write_one(text):
    with pytest.raises(ValueError) as refused:
        PartialDate.parse(text)
    assert str(refused.value) == NOT_UNDERSTOOD.format(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("2021-13", id="month-13"),
        pytest.param("2021-00", id="month-0"),
        pytest.param("2021-02-29", id="no-leap-day"),
        pytest.param("2021-04-31", id="april-31"),
        pytest.param("2021-04-00", id="day-0"),
        pytest.param("0000", id="year-0"),
        pytest.param("٢٠٢١-١٣", id="arabic-indic-month-13"),
        pytest.param("31 جوان 2021", id="june-31-in-algerian"),
    ],
)
def test_parse_refuses_a_date_the_calendar_does_not_have_saying_so(text):
    with pytest.raises(ValueError) as refused:
        PartialDate.parse(text)
    assert str(refused.value) == NOT_IN_CALENDAR.format(text)


@pytest.mark.parametrize(
    "text",
    ["<script>alert(1)</script>", "\x00", "2021-04-21<b>", "🙂", "أوت"],
    ids=["markup", "nul", "date-then-markup", "emoji", "month-without-year"],
)
def test_parse_refuses_hostile_text_quoting_it_isolated(text):
    with pytest.raises(ValueError) as refused:
        PartialDate.parse(text)
    assert str(refused.value) == NOT_UNDERSTOOD.format(text)


def test_parse_quotes_a_huge_input_cut_short():
    with pytest.raises(ValueError) as refused:
        PartialDate.parse("2021" * 2500)
    assert len(str(refused.value)) < 200 and "…" in str(refused.value)


def test_a_day_without_a_month_is_no_date():
    with pytest.raises(ValueError, match="a day needs a month"):
        PartialDate(2021, None, 21)


@pytest.mark.parametrize(
    ("date", "precision", "first_day"),
    [
        (PartialDate(2021), Precision.YEAR, datetime.date(2021, 1, 1)),
        (PartialDate(2021, 4), Precision.MONTH, datetime.date(2021, 4, 1)),
        (PartialDate(2021, 4, 21), Precision.DAY, datetime.date(2021, 4, 21)),
    ],
    ids=["year", "month", "day"],
)
def test_a_partial_date_sorts_as_the_first_day_of_its_period(date, precision, first_day):
    assert (date.precision, date.first_day) == (precision, first_day)


# Showing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "shown"),
    [
        (PartialDate(2021), "2021"),
        (PartialDate(2021, 4), "أبريل 2021"),
        (PartialDate(2021, 4, 21), "21 أبريل 2021"),
        (PartialDate(2016, 12, 1), "1 ديسمبر 2016"),
        (PartialDate(2016, 1), "يناير 2016"),
    ],
    ids=["year", "month", "day", "first-of-december", "january"],
)
def test_str_shows_the_date_in_arabic_as_precise_as_known_and_no_more(date, shown):
    assert str(date) == shown


def test_str_shows_the_digits_the_site_is_set_to(settings):
    settings.ARCHIVE_DIGITS = "arabic-indic"
    assert str(PartialDate(2021, 4, 21)) == "٢١ أبريل ٢٠٢١"
    settings.ARCHIVE_DIGITS = "western"
    assert str(PartialDate(2021, 4, 21)) == "21 أبريل 2021"


@pytest.mark.parametrize(
    ("date", "hijri"),
    [
        (PartialDate(2021, 4, 21), "9 رمضان 1442 هـ"),
        (PartialDate(2021, 4), ""),
        (PartialDate(2021), ""),
        (PartialDate(1900, 1, 1), ""),
    ],
    ids=["day", "month", "year", "before-the-umm-al-qura-tables"],
)
def test_only_a_date_known_to_the_day_has_a_hijri_date(date, hijri):
    """A Gregorian month or year straddles two Hijri ones: guessing one would invent a date."""
    assert date.hijri == hijri


def test_the_hijri_date_is_in_the_digits_the_site_is_set_to(settings):
    settings.ARCHIVE_DIGITS = "arabic-indic"
    assert PartialDate(2021, 4, 21).hijri == "٩ رمضان ١٤٤٢ هـ"


@pytest.mark.parametrize(
    ("date", "first_day", "last_day"),
    [
        (PartialDate(2021), datetime.date(2021, 1, 1), datetime.date(2021, 12, 31)),
        (PartialDate(2021, 4), datetime.date(2021, 4, 1), datetime.date(2021, 4, 30)),
        (PartialDate(2020, 2), datetime.date(2020, 2, 1), datetime.date(2020, 2, 29)),
        (PartialDate(2021, 4, 21), datetime.date(2021, 4, 21), datetime.date(2021, 4, 21)),
    ],
    ids=["year", "month", "leap-february", "day"],
)
def test_a_partial_date_spans_its_whole_period(date, first_day, last_day):
    assert (date.first_day, date.last_day) == (first_day, last_day)


@pytest.mark.parametrize(
    ("date", "iso"),
    [
        (PartialDate(2021), "2021"),
        (PartialDate(2021, 4), "2021-04"),
        (PartialDate(2021, 4, 21), "2021-04-21"),
        (PartialDate(2021, 4, 1), "2021-04-01"),
    ],
    ids=["year", "month", "day", "first-of-a-month-known-to-the-day"],
)
def test_isoformat_gives_iso_8601_reduced_precision(date, iso):
    assert date.isoformat() == iso


@pytest.mark.parametrize(
    "date", [PartialDate(2021), PartialDate(2021, 4), PartialDate(2021, 4, 21), PartialDate(1999, 12, 31)]
)
def test_isoformat_reads_back_as_the_same_date(date):
    assert PartialDate.parse(date.isoformat()) == date


# Storing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_day", "precision", "date"),
    [
        (datetime.date(2021, 1, 1), Precision.YEAR, PartialDate(2021)),
        (datetime.date(2021, 4, 1), Precision.MONTH, PartialDate(2021, 4)),
        (datetime.date(2021, 4, 21), Precision.DAY, PartialDate(2021, 4, 21)),
        (None, "", None),
        (None, Precision.DAY, None),
        (datetime.date(2021, 4, 21), "", None),
    ],
    ids=["year", "month", "day", "none", "precision-without-date", "date-without-precision"],
)
def test_from_stored_gives_back_the_date_as_precise_as_it_was_stored(first_day, precision, date):
    assert PartialDate.from_stored(first_day, precision) == date


@pytest.mark.parametrize(
    "date", [PartialDate(2021), PartialDate(2021, 4), PartialDate(2021, 4, 21), None], ids=str
)
def test_an_article_stores_and_gives_back_its_partial_date(db, date):
    article = Article.objects.create(title="قمة الجزائر", body="انعقدت القمة العربية في الجزائر.")
    article.published = date
    article.save()
    article.refresh_from_db()
    assert article.published == date


@pytest.mark.parametrize(
    ("published_on", "precision"),
    [
        (datetime.date(2021, 4, 21), Precision.MONTH),
        (datetime.date(2021, 4, 1), Precision.YEAR),
        (datetime.date(2021, 1, 21), Precision.YEAR),
        (datetime.date(2021, 4, 21), ""),
        (None, Precision.DAY),
    ],
    ids=[
        "month-precision-on-the-21st",
        "year-precision-on-april-1st",
        "year-precision-on-january-21st",
        "date-without-precision",
        "precision-without-date",
    ],
)
def test_the_database_refuses_an_inconsistent_stored_date(db, published_on, precision):
    """``partial_date_constraints``: a month or a year is stored as its first day, and both parts or neither."""
    article = Article.objects.create(title="قمة الجزائر", body="انعقدت القمة العربية في الجزائر.")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(published_on=published_on, date_precision=precision)


@pytest.mark.parametrize(
    ("published_on", "precision"),
    [
        (datetime.date(2021, 4, 21), Precision.DAY),
        (datetime.date(2021, 4, 1), Precision.MONTH),
        (datetime.date(2021, 1, 1), Precision.YEAR),
        (None, ""),
    ],
    ids=["day", "month", "year", "undated"],
)
def test_the_database_accepts_a_consistent_stored_date(db, published_on, precision):
    article = Article.objects.create(title="قمة الجزائر", body="انعقدت القمة العربية في الجزائر.")
    Article.objects.filter(pk=article.pk).update(published_on=published_on, date_precision=precision)
    article.refresh_from_db()
    assert (article.published_on, article.date_precision) == (published_on, precision)


# The form field -------------------------------------------------------------------


@pytest.mark.parametrize("value", ["", "   ", None], ids=["empty", "spaces", "none"])
def test_form_field_reads_an_empty_box_as_no_date(value):
    assert PartialDateFormField().clean(value) is None


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2021", PartialDate(2021)),
        ("٢٠٢١/٠٤", PartialDate(2021, 4)),
        ("2021-04-21", PartialDate(2021, 4, 21)),
    ],
    ids=["year", "arabic-indic-month", "day"],
)
def test_form_field_reads_a_partial_date(value, date):
    assert PartialDateFormField().clean(value) == date


@pytest.mark.parametrize(
    ("value", "message"),
    [("أمس", NOT_UNDERSTOOD.format("أمس")), ("2021-13", NOT_IN_CALENDAR.format("2021-13"))],
    ids=["not-a-date", "not-in-the-calendar"],
)
def test_form_field_refuses_bad_input_with_the_arabic_message(value, message):
    with pytest.raises(forms.ValidationError) as refused:
        PartialDateFormField().clean(value)
    assert refused.value.messages == [message]


def test_form_field_shows_a_partial_date_as_iso_in_the_box():
    """A form shown again keeps the date as typed, to its precision: "2021-04", never a day."""
    field = PartialDateFormField()
    assert field.prepare_value(PartialDate(2021, 4)) == "2021-04"
    assert field.prepare_value("أمس") == "أمس"


def test_form_field_is_optional_unless_asked():
    assert PartialDateFormField().required is False
    with pytest.raises(forms.ValidationError):
        PartialDateFormField(required=True).clean("")
