""" "هل تقصد": another spelling of a query, from the words the archive holds.

Asked only when a search finds little. Each word that the index knows in no
reading is replaced by the archive's closest word (fewest edits, then most
frequent: Whoosh's ``ReaderCorrector``, where haystack's picks the longest),
written as an article writes it; the suggestion is offered only if it finds
more than the query did.
"""

from __future__ import annotations

from whoosh import query as whoosh_query
from whoosh.qparser import QueryParser

from arabic.function_words import is_function_word
from arabic.normalization import normalize, strip_marks, word_spans

from .analysis import unglued
from .query import OPERATORS, SYNTAX_MARKS


def _known(searcher, parser: QueryParser, word: str) -> bool:
    """Whether any reading of ``word`` is in the index."""
    return any(searcher.doc_frequency(field, text) for field, text in parser.parse(word).iter_all_terms())


def _as_written(searcher, field: str, word: str) -> str:
    """``word`` (normalised) as the first document holding it writes it."""
    for hit in searcher.search(whoosh_query.Term(field, word), limit=1):
        for text in hit.fields().values():
            for normalized, start, end in word_spans(str(text)):
                if normalized == word:
                    return strip_marks(str(text)[start:end])
    return word


def _worth_offering(word: str) -> bool:
    """A number is no misspelling of another ("2012" for "2021"), nor is a name a function word ("بأن");
    a form the index holds for a word with proclitics is no word to offer.

    ``word`` is as the index holds it, where "على" keeps its ى (``function_word_form``):
    it is normalised to be looked up, and its ى tells it from the name "علي".
    """
    return (
        not any(char.isdigit() for char in word)
        and not is_function_word(normalize(word), word)
        and word == unglued(word)
    )


def _most_edits(word: str) -> int:
    """Edits a word may be from its replacement: two, but one in a word of three letters or fewer.

    Two edits leave one letter of "بكر" ("بان"): another word, not a spelling of it.
    Lucene's spell checker asks the same (an accuracy of 0.5, edits over length).
    """
    return min(2, len(word) // 2)


def _replaced(typed: str, replacements: dict[str, str]) -> str:
    """A typed word with its replacement, the syntax marks around it kept."""
    bare = typed.strip(SYNTAX_MARKS)
    return (
        typed.replace(bare, replacements[bare]) if typed not in OPERATORS and bare in replacements else typed
    )


# Distinct words looked up at most, so that a long query costs a bounded time.
MAX_WORDS = 8


def suggest(searcher, text: str, parser: QueryParser, words_field: str, hits: int) -> str | None:
    corrector = searcher.corrector(words_field)
    replacements: dict[str, str] = {}
    for bare in dict.fromkeys(typed.strip(SYNTAX_MARKS) for typed in text.split() if typed not in OPERATORS):
        word = normalize(bare)
        if len(replacements) >= MAX_WORDS or not word or word.isdigit() or _known(searcher, parser, bare):
            continue
        candidates = [
            candidate
            for candidate in corrector.suggest(word, limit=4, maxdist=_most_edits(word), prefix=1)
            if candidate != word and _worth_offering(candidate)
        ]
        replacements[bare] = _as_written(searcher, words_field, candidates[0]) if candidates else bare
    if all(bare == written for bare, written in replacements.items()):
        return None
    suggestion = " ".join(_replaced(typed, replacements) for typed in text.split())
    return suggestion if len(searcher.search(parser.parse(suggestion), limit=1)) > hits else None
