"""Normalisation: one written form for the spellings of one word, traceable to the original text.

Normalisation is one ``str.translate`` table built from PyArabic's character
constants (calling PyArabic once per word is far slower and gives the same
result), applied character by character so that every normalised character can
be traced back to its offset in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from pyarabic import araby

# Characters that carry no meaning for matching and are dropped: the harakat and
# shadda (PyArabic's TASHKEEL), tatweel, the superscript alef, Quranic annotation
# marks (U+0610-U+061A, U+06D6-U+06ED), and invisible format characters that a
# copy from a web page or a word processor leaves inside words: zero-width
# (U+200B-U+200D, U+FEFF), bidi marks and embeddings (U+200E-U+200F,
# U+202A-U+202E, U+2066-U+2069, U+061C) and the soft hyphen.
_DROPPED = (
    "".join(araby.TASHKEEL)
    + araby.TATWEEL
    + araby.SMALL_ALEF
    + "".join(map(chr, range(0x0610, 0x061B)))
    + "".join(map(chr, range(0x06D6, 0x06EE)))
    + "\u200b\u200c\u200d\ufeff\u200e\u200f\u061c\u00ad"
    + "".join(map(chr, range(0x202A, 0x202F)))
    + "".join(map(chr, range(0x2066, 0x206A)))
)

_FOLDED = {
    # Alef with hamza or madda, and alef wasla, are written as bare alef by most
    # typists (Lucene's ArabicNormalizationFilter does the same).
    araby.ALEF_MADDA: araby.ALEF,
    araby.ALEF_HAMZA_ABOVE: araby.ALEF,
    araby.ALEF_HAMZA_BELOW: araby.ALEF,
    araby.ALEF_WASLA: araby.ALEF,
    # Alef maqsura is typed as yaa ("على" / "علي"); taa marbuta as haa.
    araby.ALEF_MAKSURA: araby.YEH,
    araby.TEH_MARBUTA: araby.HEH,
    # Hamza on waw and on yaa are both standard spellings of one word in
    # different countries ("مسؤول" in the Maghreb and the Gulf, "مسئول" in
    # Egypt): both become the bare hamza so that the two spellings meet.
    araby.WAW_HAMZA: araby.HAMZA,
    araby.YEH_HAMZA: araby.HAMZA,
    # Persian and Urdu look-alikes that keyboards outside the Arab world produce.
    "\u06a9": araby.KAF,  # keheh
    "\u06cc": araby.YEH,  # farsi yeh
    "\u06d2": araby.YEH,  # yeh barree
    "\u06be": araby.HEH,  # heh doachashmee
    "\u06c1": araby.HEH,  # heh goal
    "\u06c0": araby.HEH,  # heh with yeh above
}


def _translation_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(ch): None for ch in _DROPPED}
    table.update({ord(src): dst for src, dst in _FOLDED.items()})
    # Arabic-Indic and Eastern Arabic-Indic digits read as the same numbers.
    for western, *others in zip("0123456789", araby.NUMBERS_EAST, "۰۱۲۳۴۵۶۷۸۹", strict=True):
        table.update({ord(other): western for other in others})
    # Presentation forms (ligatures such as ﻻ, isolated and final letter shapes)
    # come from old PDFs; their compatibility decomposition is the plain letters.
    for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)]:
        plain = unicodedata.normalize("NFKC", chr(code))
        if plain != chr(code):
            table[code] = plain.translate(table)
    return table


_TABLE = _translation_table()
IGNORABLE = frozenset(_DROPPED)
# Characters whose normal form is not exactly one character: the dropped ones,
# the ligatures, and U+0130 (İ), the one letter whose lower case is two.
_RESIZED_CHARS = "".join(chr(code) for code, to in _TABLE.items() if to is None or len(to) != 1) + "\u0130"
_RESIZED = re.compile(f"[{re.escape(_RESIZED_CHARS)}]")
_WORD = re.compile(r"[^\W_]+")


def normalize(text: str) -> str:
    """Fold the spellings of one word into one form, and Latin into lower case."""
    return text.translate(_TABLE).lower()


_MARKS_ONLY = {ord(char): None for char in _DROPPED}


def strip_marks(text: str) -> str:
    """Drop diacritics, tatweel and invisible characters, keeping every letter as written."""
    return text.translate(_MARKS_ONLY)


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` and give, for each output character, its index in ``text``."""
    pieces: list[str] = []
    offsets: list[int] = []
    cursor = 0
    # Runs between resized characters keep their length, so they map one to one.
    for match in _RESIZED.finditer(text):
        index = match.start()
        piece = normalize(text[index])
        pieces += [normalize(text[cursor:index]), piece]
        offsets += [*range(cursor, index), *[index] * len(piece)]
        cursor = index + 1
    pieces.append(normalize(text[cursor:]))
    offsets += range(cursor, len(text))
    return "".join(pieces), offsets


@dataclass(frozen=True, slots=True)
class Word:
    """A word in normalised form, with its span in the original text."""

    text: str
    start: int
    end: int


def words(text: str) -> Iterator[Word]:
    """The words of ``text``, normalised, with offsets into the original text.

    A span ends after any trailing dropped marks (a final tanween, a tatweel), so
    that it covers the word as the reader sees it.
    """
    for word, start, end in word_spans(text):
        yield Word(word, start, end)


def name_key(text: str) -> str:
    """The normalised words of a name joined without spaces: one key for "عبد الله" and "عبدالله"."""
    return "".join(word for word, _, _ in word_spans(text))


def word_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """``words`` as plain tuples, for the analyzer, which reads millions of them."""
    normalized, offsets = normalize_with_offsets(text)
    length = len(text)
    for match in _WORD.finditer(normalized):
        end = offsets[match.end() - 1] + 1
        while end < length and text[end] in IGNORABLE:
            end += 1
        yield match.group(), offsets[match.start()], end


_TANWEEN = frozenset((araby.FATHATAN, araby.DAMMATAN, araby.KASRATAN))


def ends_with_tanween(written: str) -> bool:
    """Whether a word as written ends with tanween, the mark of an indefinite noun.

    A proper name with the article or an alef ending never takes it, so "ليبياً"
    ("Libyan", an adverb) is not the country ليبيا.
    """
    stripped = written.rstrip(araby.TATWEEL)
    return bool(stripped) and stripped[-1] in _TANWEEN


def _variants() -> dict[str, str]:
    """Each normalised character, and every character that ``normalize`` folds into it."""
    variants: dict[str, str] = {}
    for code, folded in _TABLE.items():
        if folded is not None and len(folded) == 1:
            variants[folded] = variants.get(folded, folded) + chr(code)
    return variants


_VARIANTS = _variants()
# Between two letters of a name: the characters normalisation drops (marks, tatweel,
# invisible ones), spaces and punctuation, in any number. The dropped ones are named:
# PostgreSQL counts a diacritic as a word character where Python does not.
_BETWEEN_LETTERS = r"(?:\W|[" + "".join(sorted(set(_DROPPED))) + "])*"


def written_forms_pattern(text: str) -> str:
    """A regular expression that finds, in any text, every way of writing ``text``.

    Each letter stands for all the characters ``normalize`` folds into it (and
    a Latin letter for both cases); between two letters may stand diacritics,
    tatweel, spaces or punctuation, so "عبد المجيد" also finds "عبدالمجيد"
    and "عبدُ المَجيد". It finds more than the words themselves (a letter run
    inside a longer word): a filter for the texts that may name something,
    to be read word by word afterwards. Only syntax that Python's ``re`` and
    PostgreSQL's regular expressions share is used, so a database can run it.
    """
    letters = [char for char in normalize(text) if _WORD.fullmatch(char)]
    classes = []
    for letter in letters:
        forms = _VARIANTS.get(letter, letter) + letter.upper()
        classes.append("[" + "".join(dict.fromkeys(re.escape(form) for form in forms)) + "]")
    return _BETWEEN_LETTERS.join(classes)
