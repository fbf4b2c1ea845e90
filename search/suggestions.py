""" "هل تقصد": another spelling of a query, from the words the archive holds.

Asked only when a search finds little. Each word that the index knows in no
reading is replaced by the archive's most frequent word within a few edits of
it that starts with the same letter (as Whoosh's ``ReaderCorrector`` ranks them,
where haystack's picks the longest), written as an article writes it; the
suggestion is offered only if it finds more than the query did.

Whoosh measures the distance to every word of the field in Python, a tenth of
a second at 10,000 articles; here each segment's words are read once per
process (a segment never changes) and measured in C by RapidFuzz.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh import query as whoosh_query
from whoosh.qparser import QueryParser

from arabic.function_words import is_function_word
from arabic.normalization import normalize, strip_marks, word_spans

from .analysis import unglued
from .query import OPERATORS, SYNTAX_MARKS


def _known(searcher, parser: QueryParser, word: str) -> bool:
    """Whether any reading of ``word`` is in the index."""
    return any(searcher.doc_frequency(field, text) for field, text in parser.parse(word).iter_all_terms())


def _as_written(searcher, field: str, word: str, texts: Callable[[dict], Iterable[str]]) -> str:
    """``word`` (normalised) as the first document holding it writes it, in its ``texts``."""
    for docnum in islice(searcher.docs_for_query(whoosh_query.Term(field, word)), 1):
        for text in texts(searcher.stored_fields(docnum)):
            for normalized, start, end in word_spans(text):
                if normalized == word:
                    return strip_marks(text[start:end])
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


class _SegmentWords:
    """The words of one field in one segment, by first letter, and how often each occurs."""

    def __init__(self, reader, field: str):
        decode = reader.schema[field].from_bytes
        self.frequency = {decode(text): info.weight() for text, info in reader.iter_field(field)}
        self.by_letter: dict[str, list[str]] = {}
        for word in self.frequency:
            self.by_letter.setdefault(word[:1], []).append(word)

    def within(self, word: str, edits: int) -> list[str]:
        """The words at most ``edits`` from ``word`` (Whoosh's Damerau-Levenshtein: OSA) sharing its first letter."""
        found = process.extract(
            word, self.by_letter.get(word[:1], ()), scorer=OSA.distance, score_cutoff=edits, limit=None
        )
        return [candidate for candidate, _, _ in found]


# The words of the segments of the index as last read, by segment and field: a merge's new
# segment is read once, and the segments it replaced are forgotten.
_segment_words: dict[tuple[str, str], _SegmentWords] = {}


def _closest(searcher, field: str, word: str) -> str | None:
    """The most frequent word worth offering within ``_most_edits`` of ``word``, its first letter the same."""
    readers = {
        (reader.segment().segment_id(), field): reader
        for reader, _ in searcher.reader().leaf_readers()
        if reader.segment() is not None and field in reader.schema
    }
    for key in [key for key in _segment_words if key[1] == field and key not in readers]:
        del _segment_words[key]
    frequency: dict[str, int] = {}
    for key, reader in readers.items():
        words = _segment_words.get(key)
        if words is None:
            words = _segment_words[key] = _SegmentWords(reader, field)
        for candidate in words.within(word, _most_edits(word)):
            frequency[candidate] = frequency.get(candidate, 0) + words.frequency[candidate]
    ranked = sorted(frequency, key=lambda candidate: (-frequency[candidate], candidate))
    return next((c for c in ranked if c != word and _worth_offering(c)), None)


# Distinct words looked up at most, so that a long query costs a bounded time.
MAX_WORDS = 8


def suggest(
    searcher,
    text: str,
    parser: QueryParser,
    words_field: str,
    hits: int,
    texts: Callable[[dict], Iterable[str]],
) -> str | None:
    """Another spelling of ``text`` that finds more than its ``hits``, or None.

    ``texts`` gives what a document says from its stored fields: the words
    offered are written as there.
    """
    replacements: dict[str, str] = {}
    for bare in dict.fromkeys(typed.strip(SYNTAX_MARKS) for typed in text.split() if typed not in OPERATORS):
        word = normalize(bare)
        if len(replacements) >= MAX_WORDS or not word or word.isdigit() or _known(searcher, parser, bare):
            continue
        closest = _closest(searcher, words_field, word)
        replacements[bare] = _as_written(searcher, words_field, closest, texts) if closest else bare
    if all(bare == written for bare, written in replacements.items()):
        return None
    suggestion = " ".join(_replaced(typed, replacements) for typed in text.split())
    finds = searcher.docs_for_query(parser.parse(suggestion))
    return suggestion if len(list(islice(finds, hits + 1))) > hits else None
