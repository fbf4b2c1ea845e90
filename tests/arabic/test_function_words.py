"""arabic.function_words: the words that never decide what an article is about."""

import pytest

from arabic.function_words import function_word_form, is_function_word, is_stop_word
from arabic.normalization import normalize


@pytest.mark.parametrize(
    ("word", "written", "expected"),
    [
        ("في", "في", True),
        ("وفي", "وفي", True),
        ("علي", "على", True),
        ("علي", "علي", False),
        ("ليبيا", "ليبيا", False),
    ],
)
def test_function_words_are_recognised_alone_and_after_a_conjunction(word, written, expected):
    assert is_stop_word(word, written) is expected


def test_the_preposition_ala_is_indexed_apart_from_the_name_ali():
    assert function_word_form("علي") == "على"
    assert function_word_form("وعلي") == "وعلى"
    assert function_word_form("في") == "في"


@pytest.mark.parametrize(
    ("written", "expected", "why"),
    [
        ("بأن", True, "أن behind a joined ب"),
        ("لأن", True, "أن behind a joined ل"),
        ("كذلك", True, "ذلك behind a joined ك"),
        ("في", True, "a function word alone"),
        ("وعلى", True, "a function word after و"),
        ("بعلى", True, "the preposition على, its ى written"),
        ("بعلي", False, "with Ali: the name, its ي written"),
        ("لبنان", False, "a name that starts with ل"),
        ("بما", True, "ما behind a joined ب"),
        ("ليبيا", False, "a name"),
    ],
)
def test_a_function_word_behind_a_joined_preposition_is_one_too(written, expected, why):
    assert is_function_word(normalize(written), written) is expected, why
