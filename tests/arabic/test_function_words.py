"""arabic.function_words: the words that never decide what an article is about."""

import pytest

from arabic.function_words import function_word_form, is_stop_word


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
