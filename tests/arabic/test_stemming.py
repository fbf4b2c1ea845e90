"""arabic.stemming: proclitics read off, suffixes cut, and the traps of a light stemmer avoided."""

import json
from pathlib import Path

import pytest

from arabic.lexicon import is_noun
from arabic.normalization import normalize, words
from arabic.stemming import bare_forms, is_accusative, proclitic_readings, stems


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("لبوقادوم", "بوقادوم"),
        ("وبوقادوم", "بوقادوم"),
        ("بالجزاير", "الجزاير"),
        ("وللجزاير", "الجزاير"),
        ("للجنه", "اللجنه"),
        ("فليبيا", "ليبيا"),
        ("كالعاده", "العاده"),
    ],
)
def test_proclitic_readings_offer_the_word_without_its_proclitics(word, reading):
    assert reading in {rest for _, rest in proclitic_readings(word)}


def test_proclitic_readings_start_with_the_word_itself_and_never_leave_one_letter():
    readings = list(proclitic_readings("وبه"))
    assert readings[0] == (0, "وبه")
    assert all(len(rest) >= 2 for _, rest in readings)


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("الاتفاقية", "اتفاقي"),
        ("اتفاقيتين", "اتفاقي"),
        ("والاتفاقيات", "اتفاقي"),
        ("للجزائر", "جزاءر"),
        ("بالجزائر", "جزاءر"),
        ("وللجزائر", "جزاءر"),
        ("مباحثاتها", "مباحثه"),
        ("حكومتها", "حكومه"),
        ("الحكومة", "حكومه"),
        ("المسؤولين", "مسءول"),
        ("بحثوا", "بحث"),
        ("لتبون", "تبون"),
        ("وليبيا", "ليبيا"),
    ],
)
def test_stems_include_the_stem_of_every_form(word, stem):
    assert stem in stems(normalize(word))


@pytest.mark.parametrize(
    ("word", "not_a_stem", "trap"),
    [
        ("وزارة", "زار", "ministry is not و + visited"),
        ("وزير", "زير", "minister is not و + زير"),
        ("بيان", "بي", "a statement is not two letters"),
        ("كبار", "بار", "elders are not ك + bar"),
        ("لجنة", "جنه", "a committee is not ل + paradise"),
        ("لبنان", "لبن", "Lebanon is not milk"),
        ("السودان", "سود", "Sudan is not black"),
        ("البحرين", "بحر", "Bahrain is not the sea"),
        ("سنة", "سن", "a year is not a tooth"),
        ("تبون", "تب", "a name of four letters keeps its ون"),
        ("التعاون", "تعا", "cooperation is not a plural of three letters"),
        ("قانون", "قان", "a law is not a plural either"),
        ("إعلان", "اعل", "a declaration is not أعلى (highest) with ان"),
        ("كمال", "مال", "the name Kamal is not ك + money"),
        ("الأمين", "امن", "the secretary is not security"),
        ("العسكرية", "عسكر", "the military (adjective) is not soldiers (its base noun)"),
        ("العسكريين", "عسكر", "nor are the military men"),
        ("الجزائري", "جزاءر", "Algerian is not Algeria"),
        ("قاعدة", "قاعد", "a base is not sitting"),
        ("الحكومة", "حكوم", "the lexicon's nouns keep their ة"),
        ("الدبيبة", "دبيب", "a name of the archive is not creeping"),
        ("سيالة", "سيال", "nor fluid"),
    ],
)
def test_stems_do_not_fall_into_a_light_stemmers_traps(word, not_a_stem, trap):
    assert not_a_stem not in stems(normalize(word)), trap


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        ("عسكري العسكرية العسكريين عسكريون عسكريات", "عسكري"),
        ("كبير كبيرة الكبيرة", "كبير"),
        ("حكومة الحكومة حكومات حكومتها", "حكومه"),
        ("اجتماع اجتماعات", "اجتماع"),
        ("بلاد بلاده", "بلاد"),
    ],
)
def test_the_forms_of_one_word_share_a_stem(forms, stem):
    """A nisba's own forms, an adjective and its feminine, a noun and its plural in ات, a pronoun."""
    assert all(stem in stems(normalize(form)) for form in forms.split())


def test_ambiguous_proclitic_keeps_both_readings():
    assert stems("وقال") == ("وقال", "قال")
    assert stems("لليبيا") == ("يبيا", "ليبيا")


def test_tanween_alef_is_a_case_ending_not_part_of_the_word():
    assert stems("رءيسا", accusative=True) == ("رءيس",)
    assert stems("رءيسا") == ("رءيسا",)


def test_a_final_alef_is_accusative_only_under_tanween_fath():
    assert is_accusative("رءيسا", "رئيساً")
    assert not is_accusative("رءيسا", "رئيسا")
    assert not is_accusative("سلب", "سلبًا")


def _names_of_people_and_places() -> list[str]:
    """Every spelling of the seed entities that are people, places or countries (fixtures/entities.json)."""
    rows = json.loads((Path(__file__).parents[2] / "fixtures" / "entities.json").read_text(encoding="utf-8"))
    named = {
        row["pk"] for row in rows if row["model"] in ("archive.person", "archive.place", "archive.country")
    }
    return [
        row["fields"]["name"]
        for row in rows
        if (row["model"] == "archive.entity" and row["pk"] in named)
        or (row["model"] == "archive.alias" and row["fields"]["entity"] in named)
    ]


def test_no_name_of_the_archive_is_cut_to_a_common_word():
    """A name loses its proclitics and article, never an ending that makes it a word of the lexicon:
    "صبري" is not "صبر" (patience), "الدبيبة" not "دبيب", "مقري" not "مقر"."""
    names = _names_of_people_and_places()
    assert len(names) > 50
    cut = {
        word.text: stem
        for name in names
        for word in words(name)
        for stem in stems(word.text)
        if stem not in {word.text, *bare_forms(word.text)} and is_noun(stem)
    }
    assert cut == {}
