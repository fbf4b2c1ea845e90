"""Context rules: a spelling matched in a text names its entity only if the words around it agree.

The gazetteer finds every spelling; these rules then drop the matches that
name something else, reading the words beside each match with the cues of
``arabic.name_cues`` and ``arabic.country_cues``:

- a family name alone ("تبون") names the person only when the article also
  gives the full name, or the person's given name stands a word or two before
  it ("عبد الحميد محمد الدبيبة"), or a title the person's role holds
  ("الرئيس تبون"; any title when no role is recorded; an honorific or "نظيره" whatever the
  role), or the sentence names the person's country ("وأكد تبون أن الجزائر...");
- a family name after a given name that is not the person's ("خالد تبون") is
  another member of the family, after a word for a family or a tribe ("أسرة
  القذافي", "آل الدبيبة") the family, and after a district, a town or a village
  ("منطقة العلوي") the place named after them;
- a family name written as the common word it is spelt like ("المنفى", exile)
  is that word, and one shaped like an adjective (a nisba, a passive participle)
  right after a definite noun that is no word of the person's role ("البعد الكوني",
  "الزعيم المنفي", "اللوح المنقوش") is that adjective.

A country's, a place's or a body's name that names something else ("نهر النيجر", "مطار
طرابلس", "المجلس الرئاسي اليمني") is told by ``archive.namesakes``.

A family name alone after a noun of reign, or a verb of rule with its object, is the ruler's
("في عهد القذافي", "المدينة التي حكمها القذافي"), and after the body the person's role heads,
in the construct, the head's ("حكومة الدبيبة", whose role is رئيس حكومة الوحدة الوطنية).

A family name alone is also the person's when the article names the body the
person's role heads ("المجلس الرئاسي" for "المنفي", whose role is رئيس المجلس
الرئاسي). A family name the gazetteer reads off a full name, with no alias of
its own ("المنقوش" of "نجلاء المنقوش"), needs the full name, the person's own
given name or a title: the press writes a surname alone once it has given the
whole name. A family name after the person's own given name and a middle name
("محمد يونس المنفي") is one mention, from the given name on.

A dropped match still takes its words, so no shorter name inside it is linked.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from arabic.compounds import joined_names
from arabic.function_words import is_stop_word
from arabic.name_cues import (
    is_common_word,
    is_given_name,
    is_honorific,
    names_a_family,
    names_a_reign,
    names_a_settlement,
    names_a_thing_called_after,
    shaped_like_an_adjective,
    title_stems,
)
from arabic.normalization import Word, normalize, words
from arabic.stemming import proclitic_readings, stems

from .namesakes import names_something_else, quoted_with_a_number

# How many words before a family name may hold its title or given names:
# "وزير الخارجية الجزائري بوقادوم".
WINDOW = 3
# What ends a sentence: a full stop, a question or exclamation mark, a line break.
SENTENCE_END = re.compile(r"[.!?؟\n]")


@dataclass(frozen=True, slots=True)
class Span:
    entity_id: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EntityFacts:
    """What the rules know of an entity besides its spellings."""

    kind: str
    country: str = ""  # its country's name, normalised; a country's is its own
    role_stems: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()  # the words of its names before the family name
    role: str = ""  # a person's role as written: "رئيس المجلس الرئاسي"
    # A joint body's countries, for one the archive records without a country: those of the archive.
    shared_by: frozenset[str] = frozenset()
    role_bodies: frozenset[int] = frozenset()  # the entities its role names

    @classmethod
    def of(cls, kind: str, country: str = "", role: str = "") -> EntityFacts:
        role_stems = frozenset(stem for word in words(role) for stem in stems(word.text))
        return cls(kind, normalize(country), role_stems, role=role)


@dataclass(frozen=True, slots=True)
class Match:
    """A spelling found at words ``first`` to ``last``; ``family_name`` when it is a person's surname alone.

    ``read_off`` when that surname is no alias of the person's but the last word of a full name.
    """

    span: Span
    first: int
    last: int
    facts: EntityFacts
    family_name: bool = False
    read_off: bool = False


def judge(text: str, tokens: list[Word], matches: list[Match]) -> list[Span]:
    """The spans of the matches that the words around them do not give to something else."""
    context = _Context(text, tokens, matches)
    kept = [match for match in matches if not context.names_something_else(match)]
    countries = [match for match in kept if match.facts.kind == "country"]
    named = {match.span.entity_id for match in kept if not match.family_name}
    supported = named | {
        match.span.entity_id
        for match in kept
        if context.own_given_name(match)
        or context.titled(match)
        or context.reign(match)
        or context.heads_the_body_before(match)
        or (
            not match.read_off
            and (context.country_beside(match, countries) or bool(match.facts.role_bodies & named))
        )
    }
    return [context.whole_name(match) for match in kept if match.span.entity_id in supported]


class _Context:
    def __init__(self, text: str, tokens: list[Word], matches: list[Match]):
        self.text = text
        self.tokens = tokens
        self.sentence_ends = [end.start() for end in SENTENCE_END.finditer(text)]
        # The last word of the match before each match: its words are another name's.
        lasts = [-1, *(match.last for match in matches)]
        self._previous_last = {match.first: lasts[number] for number, match in enumerate(matches)}

    def sentence(self, offset: int) -> int:
        return bisect.bisect(self.sentence_ends, offset)

    def before(self, index: int) -> list[str]:
        """Up to ``WINDOW`` words before word ``index``, nearest first, that no punctuation parts from it."""
        found = []
        for position in range(index - 1, max(index - WINDOW, 0) - 1, -1):
            if self.text[self.tokens[position].end : self.tokens[position + 1].start].strip():
                break
            found.append(self.tokens[position].text)
        return found

    def free_before(self, match: Match) -> list[str]:
        """``before`` the match, but for the words of the name found before it: "عبد" of "عبد المجيد
        تبون" is no given name of the مساهل after it."""
        return self.before(match.first)[: match.first - self._previous_last.get(match.first, -1) - 1]

    def after(self, index: int) -> str:
        """The word right after word ``index``, when no punctuation parts them."""
        if index + 1 >= len(self.tokens):
            return ""
        gap = self.text[self.tokens[index].end : self.tokens[index + 1].start]
        return "" if gap.strip() else self.tokens[index + 1].text

    def following(self, index: int, count: int) -> list[str]:
        """Up to ``count`` words after word ``index``, nearest first, that no punctuation parts from it."""
        found: list[str] = []
        while len(found) < count and (word := self.after(index + len(found))):
            found.append(word)
        return found

    def names_something_else(self, match: Match) -> bool:
        before = self.before(match.first)
        if match.family_name:
            written = self.text[self.tokens[match.last].start : self.tokens[match.last].end]
            return (
                is_common_word(written)
                or bool(before and _names_a_place_or_a_family(before[0]))
                or self._another_family_member(match, before)
                or self._adjective(match, before)
            )
        facts, name = match.facts, [token.text for token in self.tokens[match.first : match.last + 1]]
        quoted = quoted_with_a_number(self.text, self.tokens, match.first, match.last)
        following = self.following(match.last, 4)
        return names_something_else(
            facts.kind, facts.country, facts.shared_by, name, before, following, quoted
        )

    def whole_name(self, match: Match) -> Span:
        """The match's span, begun at the person's own given name when a middle name parts them.

        "محمد يونس المنفي" is one mention: the family name, then back over the
        middle name to the given name, so long as no title or function word
        stands between.
        """
        if not match.family_name:
            return match.span
        start = match.span.start
        for offset, word in enumerate(self.free_before(match), 1):
            if (title_stems(word) and not is_given_name(word)) or is_stop_word(word):
                break
            token = self.tokens[match.first - offset]
            for length, rest in proclitic_readings(word):
                if rest in match.facts.given_names:
                    start = skip_prefix(self.text, token.start, length)
                    break
        return Span(match.span.entity_id, start, match.span.end)

    def own_given_name(self, match: Match) -> bool:
        """The person's own given name before the family name, a middle name between: "عبد الحميد محمد الدبيبة"."""
        return bool(set(self.free_before(match)) & match.facts.given_names)

    def _another_family_member(self, match: Match, before: list[str]) -> bool:
        """A given name before the family name that is none of the person's own: "خالد تبون"."""
        if not before or self.own_given_name(match):
            return False
        compound = len(before) > 1 and joined_names(before[1], before[0])
        return is_given_name(before[0]) or bool(compound)

    def country_beside(self, match: Match, countries: list[Match]) -> bool:
        """The person's country named in the sentence of the family name: "وأكد تبون أن الجزائر"."""
        sentence = self.sentence(match.span.start)
        return any(
            country.facts.country == match.facts.country and self.sentence(country.span.start) == sentence
            for country in countries
        )

    def _adjective(self, match: Match, before: list[str]) -> bool:
        """A family name shaped like an adjective right after a definite noun is that adjective.

        "البعد الكوني" is the cosmic dimension, "الزعيم المنفي" the exiled
        leader and "اللوح المنقوش" the engraved tablet; after a title or an honorific
        ("الرئيس المنفي", "السيد الدرامشي") it is a name, and so after a word of the
        person's own role ("وزيرة الخارجية والتعاون الدولي المنقوش") and after a function
        word ("إلى المنفي", whose إلى is spelt like a word with the article).
        """
        name = self.tokens[match.last].text
        return (
            bool(before)
            and not title_stems(before[0])
            and not is_stop_word(before[0])
            and not set(stems(before[0])) & match.facts.role_stems
            and any(rest.startswith("ال") for rest in _readings(before[0]))
            and any(shaped_like_an_adjective(rest) for rest in _readings(name))
            and not self.titled(match)
        )

    def heads_the_body_before(self, match: Match) -> bool:
        """A word of the person's role, no title, in the construct before the family name: "حكومة الدبيبة".

        With the article the word ends a phrase of its own ("المجلس المنفي" is no council of his).
        """
        before = self.before(match.first)
        return (
            bool(before)
            and not title_stems(before[0])
            and bool(set(stems(before[0])) & match.facts.role_stems)
            and not any(rest.startswith("ال") for rest in _readings(before[0]))
        )

    def reign(self, match: Match) -> bool:
        """A noun of reign right before the family name: "في عهد القذافي" is the ruler's."""
        before = self.before(match.first)
        return bool(before) and names_a_reign(before[0])

    def titled(self, match: Match) -> bool:
        """A title the person's role holds, in the words before the family name: "الرئيس تبون".

        Any title will do for a person whose role the archive does not record, and an
        honorific or "نظيره" for anyone ("السيد تبون", "استقبل نظيره بوقادوم").
        """
        role = match.facts.role_stems
        return any(
            is_honorific(word) or (title_stems(word) & role if role else title_stems(word))
            for word in self.before(match.first)
        )


def skip_prefix(text: str, start: int, prefix_length: int) -> int:
    """The offset in ``text`` after ``prefix_length`` normalised letters from ``start``."""
    position = start
    while prefix_length:
        prefix_length -= len(normalize(text[position]))
        position += 1
    while position < len(text) and not normalize(text[position]):
        position += 1  # a diacritic on the proclitic stays with it
    return position


def _names_a_place_or_a_family(word_before: str) -> bool:
    """Whether a normalised word before a family name makes it a place's or a family's name.

    "ملعب القذافي" is a stadium, "منطقة العلوي" a district, "أسرة الدبيبة" the family.
    """
    return any(
        names(word_before) for names in (names_a_thing_called_after, names_a_settlement, names_a_family)
    )


def _readings(word: str) -> list[str]:
    """The word without each run of proclitics it may carry: "والكوني" is also "الكوني"."""
    return [rest for _, rest in proclitic_readings(word)]


def family_names(spellings: Mapping[int, list[list[str]]], facts: Mapping[int, EntityFacts]) -> set[str]:
    """The keys of people's spellings that are a family name alone: the last word of a longer spelling."""
    keys = set()
    for entity_id, names in spellings.items():
        if entity_id not in facts or facts[entity_id].kind != "person":
            continue
        lasts = {name[-1] for name in names if len(name) > 1}
        keys |= {name[0] for name in names if len(name) == 1 and name[0] in lasts}
    return keys


def given_names(names: list[list[str]]) -> frozenset[str]:
    """The words of a person's spellings before the family name, and each compound they make joined."""
    found = set()
    for name in names:
        head = name[:-1]
        found |= set(head)
        found |= {joined for pair in itertools.pairwise(head) for joined in joined_names(*pair)}
    return frozenset(found)
