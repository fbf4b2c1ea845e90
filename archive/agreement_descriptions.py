"""Agreements described rather than named: "الاتفاقية الأمنية الموقعة بين البلدين سنة 2001".

The press names an agreement by what it is and when it was signed more often
than by its title. A description names an agreement of the archive when, in
one clause (no comma nor sentence end inside it), a word for an agreement is
followed within a few words by the year it was signed, and the words between
share a word of the agreement's own name ("أمني" for "الاتفاق الأمني الجزائري
الليبي"), and the text names every country party to it. A description that
fits two agreements, or that covers a name the gazetteer found, names nothing.
The cue words are data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from arabic.normalization import Word, normalize, words
from arabic.stemming import proclitic_readings, stems

# Words for an agreement, as the press writes them; compared by stem.
AGREEMENT_WORDS = frozenset(
    stem for word in "اتفاق اتفاقية معاهدة بروتوكول".split() for stem in stems(normalize(word))
)
# Words of a name that say nothing of what the agreement is about: they cannot tell two apart.
GENERIC_WORDS = frozenset(
    stem
    for word in "بين حول بشأن في من ل على مع ثنائية مشترك تحيين مشروع جديد".split()
    for stem in stems(normalize(word))
)
# How many words after the word for an agreement the year may stand: "اتفاق امني في أغسطس 2001".
MOST_WORDS = 8
# A year as a word: four digits, perhaps glued to a proclitic or followed by م (ميلادي).
YEAR = re.compile(r"^\D{0,2}(\d{4})م?$")
# What ends a clause between two words.
CLAUSE_END = re.compile(r"[.!?؟\n،,;:؛]")


@dataclass(frozen=True, slots=True)
class AgreementFacts:
    """What a description is checked against: the signing year, the words of the name, the country parties."""

    entity_id: int
    year: int
    name_stems: frozenset[str]
    country_ids: frozenset[int]

    @classmethod
    def of(
        cls, entity_id: int, year: int, spellings: Iterable[str], country_ids: Iterable[int]
    ) -> AgreementFacts:
        found = {stem for spelling in spellings for word in words(spelling) for stem in stems(word.text)}
        return cls(
            entity_id, year, frozenset(found - AGREEMENT_WORDS - GENERIC_WORDS), frozenset(country_ids)
        )


@dataclass(frozen=True, slots=True)
class Description:
    """Words ``first`` to ``last`` describe the agreement; the first word's proclitics (``prefix`` letters) are not part of it."""

    entity_id: int
    first: int
    prefix: int
    last: int


def descriptions(
    text: str, tokens: list[Word], named: dict[int, set[int]], agreements: list[AgreementFacts]
) -> list[Description]:
    """The descriptions of ``agreements`` in ``text``; ``named`` maps each entity the text names to its words' indexes."""
    found = []
    for index, token in enumerate(tokens):
        prefix = _agreement_word(token.text)
        if prefix is None or index in _taken(named):
            continue
        described = _described(text, tokens, index, named, agreements)
        if described:
            found.append(Description(described[0], index, prefix, described[1]))
    return found


def _taken(named: dict[int, set[int]]) -> set[int]:
    return {index for indexes in named.values() for index in indexes}


def _agreement_word(word: str) -> int | None:
    """How many letters of proclitics precede a word for an agreement ("بالاتفاق" → 1); None for any other word."""
    lengths = [length for length, rest in proclitic_readings(word) if set(stems(rest)) & AGREEMENT_WORDS]
    return max(lengths, default=None)


def _described(
    text: str, tokens: list[Word], first: int, named: dict[int, set[int]], agreements: list[AgreementFacts]
) -> tuple[int, int] | None:
    """(agreement, last word) of the only agreement the words from ``first`` describe, if exactly one."""
    taken, between = _taken(named), set()
    for last in range(first + 1, min(first + 1 + MOST_WORDS, len(tokens))):
        if last in taken or CLAUSE_END.search(text, tokens[last - 1].end, tokens[last].start):
            return None
        year = YEAR.match(tokens[last].text)
        if year:
            fitting = [
                agreement.entity_id
                for agreement in agreements
                if agreement.year == int(year.group(1))
                and agreement.name_stems & between
                and all(country in named for country in agreement.country_ids)
            ]
            return (fitting[0], last) if len(fitting) == 1 else None
        between |= set(stems(tokens[last].text))
    return None
