"""arabic.name_cues: the words beside a name that say whose name it is."""

import pytest

from arabic.name_cues import (
    completes_a_things_name,
    definite_forms,
    family_name_of,
    is_bare_given_name,
    is_common_word,
    is_given_name,
    is_honorific,
    is_joint,
    names_a_citys_feature,
    names_a_document,
    names_a_family,
    names_a_feature,
    names_a_reign,
    names_a_settlement,
    names_a_sport,
    names_a_thing_called_after,
    names_another_body,
    names_its_members,
    press_spellings,
    shaped_like_an_adjective,
    short_forms,
    title_stems,
)
from arabic.normalization import normalize


def n(text: str) -> str:
    return normalize(text)


@pytest.mark.parametrize(
    ("word", "is_title", "why"),
    [
        ("الرئيس", True, "the president, with the article"),
        ("والرئيس", True, "after the conjunction"),
        ("للوزير", True, "ل + ال before a lam"),
        ("وزيرة", True, "the feminine"),
        ("العقيد", True, "a rank"),
        ("الروائي", False, "a novelist is no office"),
        ("الجزائري", False, "a nationality is no title"),
        ("رئاسة", False, "the presidency is not the president"),
    ],
)
def test_titles_and_offices_are_recognised_with_their_proclitics(word, is_title, why):
    assert bool(title_stems(n(word))) is is_title, why


@pytest.mark.parametrize(
    ("word", "expected", "why"),
    [
        ("خالد", True, "a given name"),
        ("وإبراهيم", True, "after the conjunction"),
        ("هانيبال", True, "a name the press gives a Gaddafi son"),
        ("نجل", False, "son of: a kinship word, not a name"),
        ("الرئيس", False, "a title"),
        ("رجل", False, "a common noun"),
    ],
)
def test_given_names(word, expected, why):
    assert is_given_name(n(word)) is expected, why


def test_a_bare_given_name_reads_no_proclitic_off_the_word():
    """ "لخالد" is ل and a given name, but as it stands no given name; "صالح" is one."""
    assert is_bare_given_name(n("خالد")) and is_bare_given_name(n("صالح"))
    assert not is_bare_given_name(n("لخالد")) and not is_bare_given_name(n("لصالح"))


@pytest.mark.parametrize(
    ("word", "expected", "why"),
    [
        ("نهر", True, "نهر النيجر is a river"),
        ("بحيرة", True, "بحيرة تشاد is a lake"),
        ("وحوض", True, "a basin, after the conjunction"),
        ("جمهورية", False, "جمهورية النيجر is the country"),
        ("دولة", False, "دولة ليبيا is the country"),
        ("جنوب", False, "جنوب ليبيا is a region of Libya"),
    ],
)
def test_features_that_take_a_countrys_name(word, expected, why):
    assert names_a_feature(n(word)) is expected, why


@pytest.mark.parametrize(
    ("written", "expected", "why"),
    [
        ("المنفى", True, "exile, written with alef maqsura"),
        ("والمنفى", True, "exile after the conjunction"),
        ("المنفي", False, "the surname, written with yaa"),
        ("المنفَى", True, "a diacritic changes nothing"),
        ("القذافى", False, "an Egyptian spelling of a surname that is no common word"),
    ],
)
def test_common_words_spelt_like_a_surname(written, expected, why):
    assert is_common_word(written) is expected, why


def test_press_spellings_of_a_name():
    def spellings(name: str, family_name: bool) -> list[str]:
        return [" ".join(tokens) for tokens in press_spellings(n(name).split(), family_name)]

    assert spellings("عبد الحميد الدبيبة", True) == [n("عبد الحميد دبيبة")]
    assert spellings("المجلس الرئاسي الليبي", False) == ["المجلس الرياسي الليبي"]
    assert spellings("المنفي", True) == [], "a surname alone without its article is a common word"
    assert spellings("المجلس الأعلى للدولة", False) == [], "only a person's family name loses its article"
    assert spellings("تبون", True) == []


@pytest.mark.parametrize(
    ("word", "expected", "why"),
    [
        ("قناة", True, "قناة ليبيا الأحرار is a channel"),
        ("صحيفة", True, "صحيفة الجزائر is a newspaper"),
        ("وملعب", True, "ملعب القذافي is a stadium, after the conjunction"),
        ("بشارع", True, "شارع تونس is a street, after a preposition"),
        ("معرض", True, "معرض وهران is a fair, not the city"),
        ("لمهرجان", True, "a festival, after ل"),
        ("سفارة", False, "سفارة الجزائر is the country's embassy: the country is named"),
        ("إذاعة", False, "إذاعة الجزائر is the state's radio"),
        ("جمهورية", False, "جمهورية النيجر is the country"),
        ("صالون", True, "a book fair named after its city"),
        ("مولودية", True, "a football club named after its city"),
        ("الأهلي", True, "a club, written with the article as the press does"),
        ("شركة", True, "a company in the construct is named after the country"),
        ("الشركة", False, "with the article the country is the verb's object: أبلغت الشركة تونس"),
    ],
)
def test_things_called_after_a_name(word, expected, why):
    assert names_a_thing_called_after(n(word)) is expected, why


@pytest.mark.parametrize(
    ("word", "expected", "why"),
    [
        ("لكرة", True, "الاتحاد الإفريقي لكرة القدم"),
        ("للملاكمة", True, "ل + ال before a sport"),
        ("لألعاب", True, "الاتحاد العربي لألعاب القوى"),
        ("الليبي", False, "a nationality is no sport"),
        ("للسلم", False, "مجلس السلم is no federation"),
    ],
)
def test_sports_after_a_bodys_name(word, expected, why):
    assert names_a_sport(n(word)) is expected, why


def test_short_forms_of_a_bodys_name():
    def shorter(name: str) -> list[str]:
        return [" ".join(tokens) for tokens in short_forms(n(name).split())]

    assert shorter("حكومة الوفاق الوطني") == [n("حكومة الوفاق")]
    assert shorter("حكومة الوحدة الوطنية") == [n("حكومة الوحدة")]
    assert shorter("المجلس الوطني") == [], "two words stay to name the body"
    assert shorter("اللجنة الأمنية المشتركة") == [], "only a national qualifier is dropped"


@pytest.mark.parametrize(
    ("name", "family_name", "why"),
    [
        ("نجلاء المنقوش", "المنقوش", "a family name with the article"),
        ("نور الدين مقري", "مقري", "after a compound given name"),
        ("علي صالح", None, "a last word that is a given name"),
        ("أحمد زين", None, "too short to tell from a common word"),
        ("المنفي", None, "a name of one word"),
    ],
)
def test_the_family_name_a_full_name_ends_with(name, family_name, why):
    assert family_name_of(n(name).split()) == (n(family_name) if family_name else None), why


def test_a_joint_bodys_name_and_the_nouns_of_a_reign():
    assert is_joint(n("اللجنة الأمنية المشتركة").split())
    assert not is_joint(n("المجلس الرئاسي").split())
    assert names_a_reign(n("عهد")) and names_a_reign(n("وأيام"))
    assert not names_a_reign(n("عام")), "a year is no reign"


@pytest.mark.parametrize(
    ("word", "expected", "why"),
    [
        ("السيد", True, "an honorific"),
        ("والسيدة", True, "the feminine, after the conjunction"),
        ("نظيره", True, "his counterpart, with the attached pronoun"),
        ("نظيرتها", True, "her counterpart"),
        ("الروائي", False, "a profession is no honorific"),
        ("الوزير", False, "a title, which must agree with the role"),
    ],
)
def test_honorifics_and_counterparts_fit_any_person(word, expected, why):
    assert is_honorific(n(word)) is expected, why


@pytest.mark.parametrize(
    ("word", "expected", "why"),
    [
        ("عائلة", True, "a family"),
        ("وأسرة", True, "a household, after the conjunction"),
        ("آل", True, "آل, the house of"),
        ("لقبيلة", True, "a tribe, after ل"),
        ("نجل", False, "a son names his father as the father"),
        ("رئيس", False, "a title"),
    ],
)
def test_words_for_a_family_or_a_tribe(word, expected, why):
    assert names_a_family(n(word)) is expected, why


@pytest.mark.parametrize(
    ("before", "after", "expected", "why"),
    [
        ("مهرجان", "الدولي", True, "مهرجان قرطاج الدولي: the masculine agrees with the festival"),
        ("مطار", "الدولي", True, "مطار وهران الدولي"),
        ("منفذ", "الدولي", False, "a crossing's adjective: the crossing may be the place"),
        ("مكانة", "الدولية", False, "the feminine may be the city's own standing"),
        ("في", "الجديدة", False, "no adjective of a thing named after the city"),
    ],
)
def test_the_masculine_international_after_a_citys_name(before, after, expected, why):
    assert completes_a_things_name(n(before), n(after)) is expected, why


@pytest.mark.parametrize(
    ("after", "expected", "why"),
    [
        ("المفتوحة", True, "an open university is another institution"),
        ("الافتراضي", True, "a virtual one too"),
        ("الموازية", True, "a parallel government is a rival body"),
        ("الليبية", False, "a nationality is judged by the country, not here"),
        ("الأطراف", False, "a definite object after the body's name"),
    ],
)
def test_qualifiers_that_make_a_bodys_name_another_bodys(after, expected, why):
    assert names_another_body(n(after)) is expected, why


@pytest.mark.parametrize(
    ("word", "expected", "why"),
    [
        ("الكوني", True, "a nisba"),
        ("الانتقالية", True, "a feminine nisba"),
        ("المنقوش", True, "a passive participle, مفعول"),
        ("المحجوب", True, "another مفعول"),
        ("منقوش", False, "an indefinite word takes no definite noun's place"),
        ("الدبيبة", False, "no adjective's shape"),
        ("الذي", False, "a relative pronoun, too short to be a nisba"),
        ("المجلس", False, "مفعل, not مفعول"),
    ],
)
def test_the_shapes_of_an_adjective_a_family_name_may_have(word, expected, why):
    assert shaped_like_an_adjective(n(word)) is expected, why


@pytest.mark.parametrize(
    ("word", "expected", "why"),
    [
        ("خليج", True, "خليج سرت is the gulf"),
        ("بحوض", True, "a basin, after ب"),
        ("وادي", True, "a valley"),
        ("واحة", False, "an oasis is its town"),
        ("مدينة", False, "the city itself"),
    ],
)
def test_features_that_take_a_citys_name(word, expected, why):
    assert names_a_citys_feature(n(word)) is expected, why


@pytest.mark.parametrize(
    ("word", "expected", "why"),
    [
        ("منطقة", True, "a district named after a family"),
        ("بمنطقة", True, "after ب"),
        ("وقرية", True, "a village, after و"),
        ("المنطقة", False, "with the article it ends a phrase: it governs no name"),
        ("شارع", False, "a street is a thing called after a name, another list"),
    ],
)
def test_districts_and_villages_a_family_name_may_name(word, expected, why):
    assert names_a_settlement(n(word)) is expected, why


@pytest.mark.parametrize(
    ("after", "expected", "why"),
    [
        ("للصحفيين", True, "ل and a profession, the article between"),
        ("لأرباب", True, "ل and a trade's employers"),
        ("للمحامين", True, "lawyers"),
        ("رجال", False, "no ل: the body calls on them"),
        ("للشباب", False, "the youth are no trade"),
        ("للانتخابات", False, "a remit, not members"),
    ],
)
def test_trades_a_union_after_a_bodys_name_unites(after, expected, why):
    assert names_its_members(n(after)) is expected, why


@pytest.mark.parametrize(
    ("before", "after", "expected", "why"),
    [
        ("إعلان", "الذي", True, "a declaration, then its relative pronoun"),
        ("بميثاق", "الموقع", True, "a charter, after ب, then a participle of signing"),
        ("مسار", "المنبثق", True, "a process"),
        ("إعلان", "استعدادها", False, "a verbal noun and its object: the country announces"),
        ("إعلان", "التي", False, "the feminine agrees with the country"),
        ("اتفاق", "الموقع", False, "an agreement may be the country's own"),
    ],
)
def test_a_declaration_or_a_charter_named_after_a_place(before, after, expected, why):
    assert names_a_document(n(before), n(after)) is expected, why


@pytest.mark.parametrize(
    ("word", "expected", "why"),
    [
        ("حكمها", True, "a verb of rule with its object: the family name after it is the subject"),
        ("يحكمهم", True, "the present tense, its object the people"),
        ("يقودها", False, "anyone leads: المصالحة التي يقودها المنفي may be the exiled one's"),
        ("حكمت", False, "no object pronoun: the family name may be its object"),
        ("كتبها", False, "a verb of no rule"),
    ],
)
def test_a_verb_of_rule_with_its_object_is_read_as_a_reign(word, expected, why):
    assert names_a_reign(n(word)) is expected, why


@pytest.mark.parametrize(
    ("name", "expected", "why"),
    [
        (
            "مشروع اتفاقية ثلاثية لحماية الحدود المشتركة",
            [
                "مشروع الاتفاقية الثلاثية لحماية الحدود المشتركة",
                "المشروع الاتفاقية الثلاثية لحماية الحدود المشتركة",
            ],
            "a construct, then a noun and its adjective before the remit",
        ),
        (
            "مذكرة تفاهم حول تبادل الخبرات",
            ["مذكرة التفاهم حول تبادل الخبرات", "المذكرة التفاهم حول تبادل الخبرات"],
            "the remit opens with حول",
        ),
        ("اتفاقية تعاون قضائي", [], "no remit: any such agreement"),
        ("اتفاقية اتحاد المغرب العربي", [], "a proper name goes on with a definite word"),
        ("الاتفاقية الأمنية الرباعية للجوار", [], "already definite"),
    ],
)
def test_the_definite_spellings_of_an_agreements_indefinite_name(name, expected, why):
    found = [" ".join(tokens) for tokens in definite_forms(n(name).split())]
    assert found == [n(form) for form in expected], why
