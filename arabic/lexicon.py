"""A lexicon of Arabic nouns (Arramooz), for the endings a light stemmer would otherwise guess at.

Arramooz lists some 30,000 nouns and adjectives with their properties. It
knows that "حكومة" and "منظمة" are nouns of their own, whose ة is part of the
word, and that "كبير" and "مشترك" take a feminine ة ("كبيرة" is كبير). Read
once, from the SQLite file the arramooz-pysqlite package ships; every word is
normalised as the archive normalises text.
"""

from __future__ import annotations

import functools
import sqlite3
from contextlib import closing
from importlib import metadata, resources

from .normalization import normalize

_DISTRIBUTION = "arramooz-pysqlite"


@functools.cache
def _nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Every noun, and the nouns that take a feminine ة, normalised."""
    path = resources.files("arramooz") / "data" / "arabicdictionary.sqlite"
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as lexicon:
        rows = lexicon.execute("SELECT unvocalized, feminable FROM nouns").fetchall()
    return (
        frozenset(normalize(word) for word, _ in rows),
        frozenset(normalize(word) for word, feminable in rows if feminable),
    )


def is_noun(word: str) -> bool:
    """Whether a normalised word is a noun or an adjective of the lexicon, as it stands."""
    return word in _nouns()[0]


def is_plural_noun(word: str) -> bool:
    """Whether a normalised word is the plural in ات of a noun of the lexicon: "محادثات" of "محادثة", "قرارات" of "قرار"."""
    stem = word[:-2]
    return word.endswith("ات") and len(stem) > 2 and (is_noun(stem + "ه") or is_noun(stem))


def takes_feminine(word: str) -> bool:
    """Whether a normalised adjective (or participle) of the lexicon has a feminine in ة: "كبير"."""
    return word in _nouns()[1]


def lexicon_version() -> str:
    """The lexicon's version, which decides how words are stemmed: an index records it."""
    return metadata.version(_DISTRIBUTION)
