"""arabic.suggestion_cues: the words that open and close a name the archive does not know."""

import pytest

from arabic.normalization import normalize
from arabic.suggestion_cues import (
    agreement_head,
    definite,
    ends_a_name,
    given_name_before_lineage,
    glued_definite,
    lineage,
    media_head,
    of_the_united_nations,
    office_noun,
    office_word,
    organization_head,
    person_title,
    prepositional,
    traffic,
)


def n(text: str) -> str:
    return normalize(text)


@pytest.mark.parametrize(
    ("word", "proclitics", "why"),
    [
        ("الرئيس", 0, "a title with the article"),
        ("والسفيرة", 1, "after و, in the feminine"),
        ("للمبعوث", 1, "ل before the article"),
        ("العقيد", 0, "a rank"),
        ("الجزائري", None, "a nationality is no title"),
        ("محمد", None, "a given name is no title"),
    ],
)
def test_titles_are_read_with_their_proclitics(word, proclitics, why):
    assert person_title(n(word)) == proclitics, why


@pytest.mark.parametrize(
    ("word", "proclitics", "why"),
    [
        ("وزارة", 0, "a ministry, not و + زارة"),
        ("لمنظمة", 1, "after ل"),
        ("والمجلس", 1, "after و, with the article"),
        ("بالبرلمان", 1, "after ب, with the article"),
        ("الوزير", None, "a minister is a person's title"),
    ],
)
def test_heads_of_bodies_are_read_with_their_proclitics(word, proclitics, why):
    assert organization_head(n(word)) == proclitics, why


def test_an_agreement_head_is_one_word_or_a_memorandum_and_its_understanding():
    assert agreement_head(n("واتفاقية")) == (1, 1)
    assert agreement_head(n("مذكرة"), n("تفاهم")) == (0, 2)
    assert agreement_head(n("مذكرة"), n("اعتقال")) is None
    assert agreement_head(n("التعاون")) is None


@pytest.mark.parametrize(
    ("word", "ends", "why"),
    [
        ("قال", True, "a verb of reporting"),
        ("وأكدت", True, "a verb after و, in the feminine"),
        ("أمس", True, "a word of time"),
        ("الأحد", True, "a weekday"),
        ("أوت", True, "a month in the Maghreb's spelling"),
        ("بعد", True, "an adverb the function words leave out"),
        ("السابق", True, "an adjective that follows a name"),
        ("التابع", True, "مجلس السلم والأمن التابع للاتحاد الإفريقي"),
        ("لعمامرة", False, "a surname that starts like ل"),
        ("بوقادوم", False, "a surname that starts like ب"),
        ("سنة", True, "a year's word without the article: سنة 1992"),
        ("تتناول", True, "the present of a verb whose stem takes ت"),
        ("ويستعرض", True, "the present of a verb in است, after و"),
        ("تعزيز", True, "a verbal noun on the pattern تفعيل"),
        ("توفيق", False, "a given name on that pattern"),
        ("تبون", False, "a surname in ت, too short for a verb"),
        ("مشاورات", True, "a long plural of a noun of the lexicon"),
        ("عرفات", False, "a plural as short as a family name may be one"),
    ],
)
def test_words_that_end_a_name(word, ends, why):
    assert ends_a_name(n(word)) is ends, why


@pytest.mark.parametrize(
    ("word", "is_definite", "is_glued", "why"),
    [
        ("الخارجية", True, False, "the article"),
        ("للانتخابات", True, True, "ل before the article"),
        ("والتهيئة", True, True, "و before the article"),
        ("اللافي", True, False, "a surname with the article"),
        ("لعمامرة", False, False, "ل that is the surname's own"),
        ("الي", False, False, "too short to carry the article"),
    ],
)
def test_the_article_alone_or_after_a_proclitic(word, is_definite, is_glued, why):
    assert (definite(n(word)), glued_definite(n(word))) == (is_definite, is_glued), why


def test_nouns_and_words_of_office_are_no_names():
    assert office_noun(n("نظيره")) and office_noun(n("الوفد"))
    assert office_word(n("أركان")) and office_word(n("مجلس")) and not office_word(n("عثمان"))
    assert lineage(n("بن")) and lineage(n("ولد")) and not lineage(n("بنت الجيران"))


@pytest.mark.parametrize(
    ("written", "first", "expected", "why"),
    [
        ("بجائزة", False, True, "ب and a feminine noun"),
        ("لمنطقة", True, True, "ل and a feminine noun, opening a name"),
        ("لعمامرة", False, False, "ل inside a name is the surname's own"),
        ("بلحاج", False, False, "no feminine ending"),
        ("بوريطة", False, False, "a Maghrebi surname in بو, inside a name"),
        ("بوزارة", True, True, "opening a name, ب and a feminine noun all the same"),
    ],
)
def test_a_preposition_and_a_feminine_noun_is_a_phrase(written, first, expected, why):
    assert prepositional(n(written), written, first) is expected, why


def test_media_heads_are_bodies_heads_too():
    assert media_head(n("صحيفة")) == 0 and media_head(n("لقناة")) == 1
    assert organization_head(n("بوابة")) == 0, "an outlet's name is suggested as a body's"
    assert media_head(n("وزارة")) is None


@pytest.mark.parametrize(
    ("head", "following", "expected", "why"),
    [
        ("حركة", "العبور", True, "traffic across a border"),
        ("وحركة", "المسافرين", True, "after the conjunction"),
        ("حركة", "النهضة", False, "a movement named after an idea"),
        ("هيئة", "العبور", False, "only حركة is also traffic"),
    ],
)
def test_traffic_after_haraka_is_no_movement(head, following, expected, why):
    assert traffic(n(head), n(following)) is expected, why


@pytest.mark.parametrize(
    ("word", "expected", "why"),
    [
        ("المختار", True, "a given name with the article"),
        ("الشاذلي", True, "a word of no lexicon, shaped like an adjective all the same"),
        ("الأسبق", False, "an adjective after a name: the surname opens with بن"),
        ("الدائم", False, "an adjective of the lexicon ends the office"),
        ("الخارجية", False, "the feminine of an adjective of the lexicon"),
        ("الموريتاني", False, "a nationality ends the office"),
        ("الرئيس", False, "a title"),
        ("مختار", False, "no article: the suggester reads it as any name word"),
    ],
)
def test_the_word_before_ben_or_ould_as_a_given_name(word, expected, why):
    assert given_name_before_lineage(n(word)) is expected, why


def test_the_adjective_of_the_united_nations():
    assert of_the_united_nations(n("الأممية")) and of_the_united_nations(n("والأممي"))
    assert not of_the_united_nations(n("الدولية")), "البنك الدولي is a name"
