"""arabic.normalization: what counts as the same word, and where it sits in the text."""

import re

import pytest

from arabic.normalization import (
    ends_with_tanween,
    name_key,
    normalize,
    normalize_with_offsets,
    strip_marks,
    words,
    written_forms_pattern,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("الأمن", "الامن"),
        ("إعلان", "اعلان"),
        ("آفاق", "افاق"),
        ("ٱلله", "الله"),
        ("على", "علي"),
        ("الاتفاقية", "الاتفاقيه"),
        ("مُحَمَّدٌ", "محمد"),
        ("ليبيـــا", "ليبيا"),
        ("مسؤول", "مسءول"),
        ("مسئول", "مسءول"),
        ("کتاب", "كتاب"),
        ("فارسی", "فارسي"),
        ("٢٠٢١/٠٤/٢١", "2021/04/21"),
        ("۱۴", "14"),
        ("ﻻ", "لا"),
        ("OPEC", "opec"),
        ("عبد\u200cالمجيد", "عبدالمجيد"),
        ("\u200fليبيا\u200e", "ليبيا"),
    ],
)
def test_normalize_folds_spelling_variants(typed, expected):
    assert normalize(typed) == expected


def test_normalize_keeps_hamza_seats_apart_from_plain_waw_and_yaa():
    """ؤ and ئ fold to ء, not to و and ي, so "سؤال" never meets a word spelt "سوال"."""
    assert normalize("سؤال") != normalize("سوال")
    assert normalize("رئيس") != normalize("رييس")


@pytest.mark.parametrize("text", ["الأَمْنُ والاستقرار", "ﻻ يُمكن", "abc ١٢٣", "", "ـــ", "İstanbul ﻷ", "ً"])
def test_offsets_trace_each_normalised_character_to_its_original(text):
    normalized, offsets = normalize_with_offsets(text)
    assert normalized == normalize(text)
    assert len(offsets) == len(normalized)
    assert offsets == sorted(offsets)
    for char, offset in zip(normalized, offsets, strict=True):
        assert normalize(text[offset]).find(char) >= 0


def test_words_report_spans_in_the_original_text():
    text = "قال الرئيسُ «عبدالمجيد» تبّون: نعم."
    found = list(words(text))
    assert [word.text for word in found] == ["قال", "الرءيس", "عبدالمجيد", "تبون", "نعم"]
    assert [text[word.start : word.end] for word in found] == ["قال", "الرئيسُ", "عبدالمجيد", "تبّون", "نعم"]


def test_words_are_not_split_by_invisible_characters():
    assert [word.text for word in words("عبد\u200cالمجيد")] == ["عبدالمجيد"]


@pytest.mark.parametrize(
    ("written", "expected"), [("ليبياً", True), ("سلباً", True), ("ليبيا", False), ("محمدٌ", True), ("", False)]
)
def test_ends_with_tanween_marks_indefinite_words(written, expected):
    assert ends_with_tanween(written) is expected


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        ("عبد الله باتيلي", "عبدالله باتيلي", "a compound name written joined"),
        ("عثمان  الجرندي", "عثمان الجرنـدي", "a double space, a tatweel"),
        ("أحمد أبو الغيط", "احمد ابو الغيط", "hamza on alif typed bare"),
        ("المفوضيةُ الوطنية", "المفوضية، الوطنية", "a diacritic, a comma between the words"),
    ],
)
def test_name_key_is_one_for_every_spelling_and_spacing_of_a_name(first, second, why):
    assert name_key(first) == name_key(second), why


def test_name_key_keeps_different_names_apart():
    assert name_key("عثمان الجرندي") != name_key("عثمان الجندي")
    assert name_key("") == name_key("،؛ ") == ""


def test_strip_marks_keeps_letters_as_written():
    assert strip_marks("الرئيسُ الجزائريّ ليبيـا\u200f") == "الرئيس الجزائري ليبيا"


@pytest.mark.parametrize(
    ("spelling", "text"),
    [
        ("عبد المجيد تبون", "استقبل الرئيس عبدالمجيد تبّون ضيفه"),
        ("عبدالمجيد تبون", "ولعبد المجيد تـبون رأي"),
        ("مسؤول", "قال مسئول في الوزارة"),
        ("الاتفاقية الأمنية", "وقّعا الإتفاقيّة الامنيه"),
        ("Tebboune", "President TEBBOUNE said"),
        ("ليبيا", "وصل إلى ﻟﻴﺒﻴﺎ"),
    ],
)
def test_written_forms_pattern_finds_every_way_of_writing_a_name(spelling, text):
    assert re.search(written_forms_pattern(spelling), text)


@pytest.mark.parametrize(("spelling", "text"), [("تشاد", "وصل إلى النيجر"), ("مصر", "مطر غزير")])
def test_written_forms_pattern_does_not_find_other_words(spelling, text):
    assert not re.search(written_forms_pattern(spelling), text)


def test_written_forms_pattern_of_no_letters_is_empty():
    assert written_forms_pattern("،،، ...") == ""
