""" "هل تقصد": a word the archive does not know is offered another spelling of it, never a function
word, a number, or a word that shares little with it.

Over the seed articles, through the API (the page shows the same suggestion).
"""

from __future__ import annotations

import pytest

from arabic.function_words import is_function_word
from arabic.normalization import normalize


def edits(first: str, second: str) -> int:
    """Levenshtein's distance: letters inserted, deleted or replaced to make one word the other."""
    previous = list(range(len(second) + 1))
    for row, letter in enumerate(first, 1):
        current = [row]
        for column, other in enumerate(second, 1):
            current.append(
                min(previous[column] + 1, current[-1] + 1, previous[column - 1] + (letter != other))
            )
        previous = current
    return previous[-1]


def offered(typed: str, suggestion: str) -> list[tuple[str, str]]:
    """Each typed word the suggestion replaced, with its replacement, normalised."""
    return [
        (normalize(word), normalize(other))
        for word, other in zip(typed.split(), suggestion.split(), strict=True)
        if word != other
    ]


# Each was once offered a function word: "على" for the name "علي" (the index keeps the preposition's ى),
# "بان" (بأن) for "بكر", "الي بين" for "ابو بكر".
TYPED = ["علي", "علا", "عنن", "علي بين", "ابو بكر", "بكر", "بينن", "لكنن", "الي بين", "مثلل", "الجزاير"]


@pytest.mark.parametrize("typed", TYPED)
def test_a_suggestion_offers_no_function_word_and_no_number_in_place_of_a_word(search_api, seeds, typed):
    suggestion = search_api({"q": typed})["suggestion"]
    if suggestion is None:
        return
    replaced = offered(typed, suggestion)
    assert replaced, suggestion
    for _, word in replaced:
        assert not is_function_word(word, word), suggestion
        assert not any(char.isdigit() for char in word), suggestion


@pytest.mark.parametrize("typed", TYPED)
def test_a_word_of_three_letters_is_offered_only_words_one_edit_from_it(search_api, seeds, typed):
    """Two edits leave one letter of "بكر": "بان" is another word, not its spelling."""
    suggestion = search_api({"q": typed})["suggestion"]
    for word, other in offered(typed, suggestion) if suggestion else ():
        assert edits(word, other) <= (1 if len(word) <= 3 else 2), suggestion


@pytest.mark.parametrize("typed", ["علي", "علا", "علي بين"])
def test_the_name_ali_is_never_offered_the_preposition_ala(search_api, seeds, typed):
    assert "على" not in (search_api({"q": typed})["suggestion"] or "").split()


def test_a_misspelt_word_is_still_offered_the_archive_s_spelling(search_api, seeds):
    assert search_api({"q": "الجزاير"})["suggestion"] == "الجزائر"
