"""arabic.country_cues: which country a word names, and when a country's name names something else."""

import pytest

from arabic.country_cues import (
    country_in,
    country_ruled,
    is_accusative_adjective,
    names_a_person,
    names_a_province,
    names_another_place,
    names_the_capital,
    nationality,
    part_of_another_country,
    republic_names,
)
from arabic.normalization import normalize


def n(text: str) -> str:
    return normalize(text)


def test_south_sudan_holds_sudan_but_south_libya_is_libya():
    assert part_of_another_country(n("جنوب"), n("السودان"))
    assert part_of_another_country(n("وجنوب"), n("السودان"))
    assert not part_of_another_country(n("جنوب"), n("ليبيا"))
    assert not part_of_another_country(n("شمال"), n("السودان"))


@pytest.mark.parametrize(
    ("word", "country", "why"),
    [
        ("اليمني", "اليمن", "the masculine with the article"),
        ("الفلسطينية", "فلسطين", "the feminine"),
        ("اللبنانية", "لبنان", "طرابلس اللبنانية is in Lebanon"),
        ("الليبيين", "ليبيا", "the plural"),
        ("جزائري", "الجزائر", "without the article"),
        ("الوطني", None, "national is no nationality"),
        ("المشتركة", None, "an adjective of no country"),
        ("", None, "no word at all"),
    ],
)
def test_nationality_adjectives_name_their_country(word, country, why):
    assert nationality(n(word)) == (n(country) if country else None), why


def test_the_capital_after_a_countrys_name():
    assert names_the_capital(n("العاصمة"))
    assert not names_the_capital(n("الليبية"))
    assert not names_the_capital("")


@pytest.mark.parametrize(
    ("before", "name", "expected", "why"),
    [
        ("وفدا", "ليبيا", True, "وفدًا ليبيًا, a Libyan delegation"),
        ("موقفا", "تركيا", True, "موقفًا تركيًا, a Turkish stance"),
        ("حلا", "ليبيا", True, "حلًّا ليبيًّا, a Libyan solution"),
        ("وفدا", "تونس", False, "a name not in يا is no such adjective"),
        ("مؤخرا", "ليبيا", False, "an adverb: زار مؤخرا ليبيا"),
        ("أما", "ليبيا", False, "a function word: أما ليبيا فـ"),
        ("عرفتها", "ليبيا", False, "a verb with an attached pronoun"),
        ("زاروا", "ليبيا", False, "a verb in the plural"),
        ("ولليبيا", "ليبيا", False, "a name in يا before another"),
        ("الوفد", "ليبيا", False, "a definite noun takes no indefinite adjective"),
        ("إلى", "ليبيا", False, "a preposition"),
    ],
)
def test_a_name_in_ya_after_an_indefinite_accusative_noun_is_an_adjective(before, name, expected, why):
    assert is_accusative_adjective(n(before), n(name)) is expected, why


def test_a_republics_official_name():
    assert list(republic_names(n("تونس"))) == [[n("الجمهورية"), n("التونسية")]]
    assert list(republic_names(n("الجزائر"))) == [[n("الجمهورية"), n("الجزائرية")]]
    assert list(republic_names(n("أطلانتس"))) == [], "a country of no known adjective"


@pytest.mark.parametrize(
    ("following", "country", "why"),
    [
        ("في مالي وحدها", "مالي", "في and a country's name"),
        ("بالعراق أمس", "العراق", "ب glued to the country's name"),
        ("في شمال سوريا", "سوريا", "a compass word between"),
        ("في جنوب السودان", "جنوب السودان", "South Sudan, not Sudan"),
        ("في تونس", None, "Tunis: the body may have met in the capital of that name"),
        ("في عمان", None, "Amman is spelt like Oman"),
        ("في العاصمة", None, "no country"),
        ("بيان", None, "a word that only begins with ب"),
        ("في", None, "nothing after في"),
    ],
)
def test_a_country_named_after_fi_or_bi(following, country, why):
    assert country_in(n(following).split()) == (n(country) if country else None), why


@pytest.mark.parametrize(
    ("before", "country", "after", "expected", "why"),
    [
        ("إلى", "الصومال", "الإيطالي", True, "a colony named by its ruler's nationality"),
        ("باسم", "الكونغو", "البلجيكي", True, "after a noun in construct too"),
        ("حدود", "ليبيا", "المصرية", False, "Libya's borders with Egypt"),
        ("موارد", "تونس", "المالية", False, "financial, spelt like Malian"),
        ("في", "ليبيا", "الليبية", False, "its own nationality"),
        ("في", "ليبيا", "الجديدة", False, "no nationality"),
    ],
)
def test_a_countrys_name_before_another_countrys_nationality(before, country, after, expected, why):
    assert names_another_place(n(before), n(country), n(after)) is expected, why


@pytest.mark.parametrize(
    ("following", "country", "why"),
    [
        ("الذي حكم تشاد سنوات", "تشاد", "a relative pronoun, a verb of rule and the country"),
        ("التي تتولى إدارة السودان", "السودان", "a noun of rule between the verb and the country"),
        ("الذي قاد الجزائر", "الجزائر", "a country spelt like its capital is the country here"),
        ("الذي زار تشاد", None, "a visit rules nothing"),
        ("حكم تشاد", None, "no relative pronoun: the body's own clause says it"),
        ("الذي حكم طويلا", None, "no country"),
        ("الذي حكم", None, "nothing after the verb"),
    ],
)
def test_a_country_a_body_is_said_to_have_ruled(following, country, why):
    assert country_ruled(n(following).split()) == (n(country) if country else None), why


@pytest.mark.parametrize(
    ("before", "expected", "why"),
    [
        ("الحاجة", True, "a woman called after the country"),
        ("والخالة", True, "after و"),
        ("السيدة", False, "سيدة ليبيا الأولى is the country's first lady"),
        ("نظيرتها", False, "a counterpart is another country"),
    ],
)
def test_a_form_of_address_before_a_countrys_name_makes_it_a_persons(before, expected, why):
    assert names_a_person(n(before)) is expected, why


@pytest.mark.parametrize(
    ("before", "after", "expected", "why"),
    [
        ("ولاية", "الشمالية", True, "a province bearing the country's name"),
        ("بإقليم", "", True, "a region, after ب"),
        ("ولاية", "في", False, "a mandate held in a body: the country's"),
        ("حكومة", "", False, "no province"),
    ],
)
def test_a_province_bearing_a_countrys_name(before, after, expected, why):
    assert names_a_province(n(before), n(after)) is expected, why
