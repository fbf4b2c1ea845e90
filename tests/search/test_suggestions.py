""" "هل تقصد": a word the archive does not know is offered another spelling of it, never a function
word, a number, or a word that shares little with it.

Over the seed articles, through the API (the page shows the same suggestion).
"""

from __future__ import annotations

import pytest

from arabic.function_words import is_function_word
from arabic.normalization import normalize
from archive.linking import save_linked
from archive.models import Article
from search.indexing import drain


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


@pytest.mark.django_db
def test_a_suggestion_follows_each_commit_and_counts_a_word_in_every_segment(search_api, settings):
    """The words of each segment are read once and kept: a word committed after a suggestion was
    made is offered at once, and a word's frequency is its sum over the segments that hold it."""
    settings.ARCHIVE_SEARCH_SMALL_SEGMENT = 1  # each commit its own segment, never merged
    typed = "تمبكتوو"

    def add(body: str) -> None:
        save_linked(Article(title="أخبار الساحل", body=body))
        drain()

    add("وصل الوفد إلى تمبكتوا. تمبكتوا مدينة قديمة.")
    assert search_api({"q": typed})["suggestion"] == "تمبكتوا"
    add("غادر الوفد تمبكتو مساء.")
    assert search_api({"q": typed})["suggestion"] == "تمبكتوا"
    add("عادت تمبكتو إلى الأخبار، وتمبكتو مدينة المخطوطات.")
    assert search_api({"q": typed})["suggestion"] == "تمبكتو"


@pytest.mark.django_db
def test_a_word_only_a_body_holds_is_offered_as_the_body_writes_it(search_api):
    """The index holds words normalised ("الساءحون") and no body; the offer is read from the article."""
    save_linked(Article(title="زيارة إلى نواكشوط", body="وصل السائحون إلى نواكشوط أمس."))
    drain()
    assert search_api({"q": "السايحون"})["suggestion"] == "السائحون"
