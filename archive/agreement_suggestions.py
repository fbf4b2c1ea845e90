"""Agreements a text describes with their year, where the suggester reads a name to propose.

"اتفاقية التعاون الأمني بين البلدين الموقعة سنة 2012", "مذكرة تفاهم في مجال الطاقة الموقعة
في 12 أوت 2022": a head word (``arabic.suggestion_cues``), the subject, then the parties, the
signing and the date, up to the year. The suggester (``archive.suggesting``) hands over its
reading of the text's words and makes a name of each description found; this module only says
where descriptions begin and end. Every one ends with its year, so a text with no year is not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from arabic.function_words import is_stop_word
from arabic.normalization import Word, normalize
from arabic.suggestion_cues import (
    agreement_head,
    agreement_parties,
    agreement_signing,
    agreement_when,
    ends_a_name,
)

# The words describing an agreement before its date: "التعاون الأمني ومكافحة الإرهاب".
MOST_SUBJECT_WORDS = 5
# "في 12 أوت" before the year.
MOST_DATE_WORDS = 3
# "في" inside an agreement's subject: "مذكرة تفاهم في مجال الطاقة".
_FIELD = normalize("في")
_FIELDS = frozenset(normalize(word) for word in "مجال مجالات ميدان".split())


class Words(Protocol):
    """A text's words as the suggester reads them: normalised, as written, and whether punctuation parts them."""

    tokens: list[Word]

    def word(self, index: int) -> str: ...

    def written(self, index: int) -> str: ...

    def joined(self, index: int) -> bool: ...


def described_agreements(text: Words) -> Iterator[tuple[int, int, int]]:
    """(first word, word after the last, length of the first word's proclitics) of each agreement described."""
    if not any(_year(token.text) for token in text.tokens):
        return
    for index in range(len(text.tokens)):
        following = text.word(index + 1) if text.joined(index + 1) else ""
        head = agreement_head(text.word(index), following)
        if head is None:
            continue
        prefix, head_words = head
        end = _dated(text, _subject(text, index + head_words))
        if end is not None:
            yield index, end, prefix


def _subject(text: Words, index: int) -> int | None:
    """The first word after an agreement's subject ("التعاون الأمني"), or None when it has none."""
    start = index
    while index - start < MOST_SUBJECT_WORDS and text.joined(index):
        word = text.word(index)
        if word == _FIELD and text.joined(index + 1) and text.word(index + 1) in _FIELDS:
            index += 2
        elif _subject_word(text, index):
            index += 1
        else:
            break
    return index if index > start else None


def _subject_word(text: Words, index: int) -> bool:
    word = text.word(index)
    return not (
        any(char.isdigit() for char in word)
        or is_stop_word(word, text.written(index))
        or ends_a_name(word)
        or agreement_signing(word)
        or agreement_when(word)
    )


def _dated(text: Words, index: int | None) -> int | None:
    """The end of "بين البلدين الموقعة في 12 أوت 2012" from ``index``, or None when no year follows."""
    if index is None:
        return None
    if text.joined(index + 1) and text.word(index) == "بين" and agreement_parties(text.word(index + 1)):
        index += 2
    if text.joined(index) and agreement_signing(text.word(index)):
        index += 1
    for _ in range(MOST_DATE_WORDS):
        if not (text.joined(index) and (agreement_when(text.word(index)) or _day(text.word(index)))):
            break
        index += 1
    if text.joined(index) and _year(text.word(index)):
        return index + 1
    return None


def _day(word: str) -> bool:
    return word.isdecimal() and len(word) <= 2


def _year(word: str) -> bool:
    return word.isdecimal() and len(word) == 4
