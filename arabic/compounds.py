"""Compound names: "عبد المجيد" and "عبدالمجيد" are one name however they are spaced."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from .function_words import is_stop_word
from .normalization import normalize
from .stemming import proclitic_readings

# "عبد المجيد" and "عبدالمجيد", "نور الدين" and "نورالدين", "أبو بكر" and
# "أبوبكر" are one name however they are spaced. The index holds both: a
# joined name also as its two words (so the phrase "عبد المجيد" meets it), and
# two words that form a name also joined (so "عبدالمجيد" meets them). A query
# word is never split: whatever the document's spacing, the index has its form.

_SERVANT = "عبد"  # عبد + a divine name with the article: عبدالله, عبدالمجيد
_KUNYA = frozenset({"ابو", "ابي", "ابا"})  # أبو + a name: أبوبكر, أبوظبي
_HONORIFIC_TAILS = frozenset({"الدين", "الله", "الاسلام"})  # نورالدين, نصرالله


@dataclass(frozen=True, slots=True)
class Compound:
    """A compound name found in one word: where its head ends, and its joined form."""

    split: int
    joined: str


def _joined(head: str, tail: str) -> str:
    # The kunya declines (أبو, أبي, أبا) but the name is one: "أبي بكر" is أبوبكر.
    return ("ابو" if head in _KUNYA else head) + tail


def _compound_of_bare_word(word: str) -> tuple[str, str] | None:
    if word.startswith(_SERVANT + "ال") and len(word) >= len(_SERVANT) + 4:
        return _SERVANT, word[len(_SERVANT) :]
    # At least three letters after the kunya, so "أبواب" (doors) stays a word.
    if word[:3] in _KUNYA and len(word) >= 6:
        return word[:3], word[3:]
    for tail in _HONORIFIC_TAILS:
        head = word[: -len(tail)]
        # "والدين" (parents) and "خالدين" (eternal) end like نورالدين; a head
        # of one letter, with the article, or ending in و is no name.
        if word.endswith(tail) and len(head) >= 2 and not head.startswith("ال") and not head.endswith("و"):
            return head, tail
    return None


@functools.lru_cache(maxsize=1 << 16)
def compound_name(word: str) -> Compound | None:
    """The compound name a normalised word is written as, with any proclitic before it."""
    for prefix_length, rest in proclitic_readings(word):
        parts = _compound_of_bare_word(rest) if word.endswith(rest) else None
        if parts:
            head, tail = parts
            return Compound(prefix_length + len(head), _joined(head, tail))
    return None


def joined_names(first: str, second: str) -> tuple[str, ...]:
    """The compound names two consecutive normalised words make when joined."""
    # Most pairs are no name: rule them out before looking at proclitics.
    if not (first.endswith(_SERVANT) or first[-3:] in _KUNYA or second in _HONORIFIC_TAILS):
        return ()
    if is_stop_word(second) or len(second) < 2:
        return ()
    heads = [rest for _, rest in proclitic_readings(first) if first.endswith(rest)]
    return tuple(
        dict.fromkeys(
            _joined(head, second)
            for head in heads
            if (head == _SERVANT and second.startswith("ال"))
            or head in _KUNYA
            or (second in _HONORIFIC_TAILS and not is_stop_word(head))
        )
    )


def split_compounds(text: str, spans: Iterator[tuple[str, int, int]]) -> Iterator[tuple[str, int, int]]:
    """Word spans of ``text`` with each compound name written joined cut into its two words."""
    for word, start, end in spans:
        compound = compound_name(word)
        if compound is None:
            yield word, start, end
        else:
            cut = start + written_length(text[start:end], compound.split)
            yield word[: compound.split], start, cut
            yield word[compound.split :], cut, end


def written_length(written: str, normalized_length: int) -> int:
    """How many characters of ``written`` make its first ``normalized_length`` normalised ones."""
    produced = 0
    for index, char in enumerate(written):
        if produced >= normalized_length:
            return index
        produced += len(normalize(char))
    return len(written)
