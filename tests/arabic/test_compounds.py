"""arabic.compounds: a compound name found in one word, or made by two."""

import pytest

from arabic.compounds import compound_name, joined_names, split_compounds
from arabic.normalization import word_spans


@pytest.mark.parametrize(
    ("word", "joined"),
    [("عبدالمجيد", "عبدالمجيد"), ("لعبدالمجيد", "عبدالمجيد"), ("نورالدين", "نورالدين"), ("ابيبكر", "ابوبكر")],
)
def test_a_joined_compound_name_is_found(word, joined):
    assert compound_name(word).joined == joined


@pytest.mark.parametrize("word", ["ابواب", "والدين", "خالدين", "الله", "عبد", "عبدال"])
def test_words_that_only_look_like_compound_names_are_left_alone(word):
    assert compound_name(word) is None


def test_two_spaced_words_join_only_when_they_form_a_name():
    assert joined_names("عبد", "المجيد") == ("عبدالمجيد",)
    assert joined_names("ابي", "بكر") == ("ابوبكر",)
    assert joined_names("عبد", "كريم") == ()
    assert joined_names("في", "الدين") == ()


def test_a_joined_name_is_split_into_its_two_written_words():
    text = "استقبل عبدالمجيد تبون"
    spans = [(word, text[start:end]) for word, start, end in split_compounds(text, word_spans(text))]
    assert spans == [("استقبل", "استقبل"), ("عبد", "عبد"), ("المجيد", "المجيد"), ("تبون", "تبون")]
