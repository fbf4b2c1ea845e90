"""Suggested names: spans a text gives the words of a name that the archive does not know.

The linker finds the names the gazetteer holds; this module reads the cues
around the others (``arabic.suggestion_cues``) so that an editor can add them:

- a title or an office, then a name of two to four words: "وزير الخارجية
  التونسي عثمان الجرندي" (the office's own words, "الخارجية التونسي", are
  not the name, nor is a nationality, a verb or a word of time after it);
- a given name, then the rest of a name: "هانيبال القذافي";
- a body's head word and the words that qualify it: "المفوضية الوطنية العليا
  للانتخابات", stopping at a preposition, a verb or punctuation;
- an agreement described with its year: "اتفاقية التعاون الأمني بين البلدين
  الموقعة سنة 2012" (``archive.agreement_suggestions``).

It reads one text and knows nothing of the database; a span that overlaps a
name the gazetteer links is never suggested, nor a name that writes a spelling
the gazetteer knows, where the linker gave it to something else. Every cue looks
a bounded number of words ahead, so a text of any length is read in linear time.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

from pyarabic import araby

from arabic.compounds import joined_names, written_length
from arabic.country_cues import nationality
from arabic.function_words import is_stop_word
from arabic.lexicon import is_noun, is_plural_noun
from arabic.name_cues import is_bare_given_name, names_a_sport
from arabic.normalization import Word, ends_with_tanween, strip_marks, words
from arabic.stemming import proclitic_readings
from arabic.suggestion_cues import (
    definite,
    ends_a_name,
    given_name_before_lineage,
    glued_definite,
    lineage,
    media_head,
    of_the_united_nations,
    office_noun,
    office_place,
    office_word,
    organization_head,
    person_title,
    prepositional,
    traffic,
)

from .agreement_suggestions import described_agreements
from .linking_rules import Span

PERSON, ORGANIZATION, AGREEMENT = "person", "organization", "agreement"
# A person's name is two to four words: "عثمان الجرندي", "محمد ولد الشيخ الغزواني".
FEWEST_NAME_WORDS, MOST_NAME_WORDS = 2, 4
# Its parts: a given name, a father's name the press often keeps, and a family name
# ("أحمد أبو الغيط" is two parts, "أبو الغيط" one; "محمد إدريس ديبي", "موسى فقي محمد" three).
MOST_NAME_PARTS = 3
# The words of an office between a title and the name: "رئيس أركان الجيش الوطني الشعبي".
MOST_OFFICE_WORDS = 5
# "وزارة الداخلية والجماعات المحلية والتهيئة العمرانية" is six words.
MOST_ORGANIZATION_WORDS = 7
# A name opens with no word that ends in a pronoun; an office may: "رئيس مجلس إدارتها".
_PRONOUNS = ("ها", "هم", "هما")


@dataclass(frozen=True, slots=True)
class SuggestedName:
    """A name written at ``start:end`` of a text, of ``kind``, that the word ``cue`` suggested."""

    start: int
    end: int
    text: str
    kind: str
    cue: str


class Linker(Protocol):
    """What the suggester asks of a gazetteer: the names it links in a text, and the spellings it knows."""

    entity_by_key: Mapping[str, int]  # each spelling's normalised words joined without spaces

    def find(self, text: str) -> list[Span]: ...


def suggest_names(text: str, gazetteer: Linker) -> list[SuggestedName]:
    """The names ``text`` writes after a cue that the gazetteer does not link, in order, none overlapping."""
    return suggest_beside(text, gazetteer.find(text), known=gazetteer.entity_by_key)


def suggest_beside(
    text: str, linked: Iterable[Span], tokens: list[Word] | None = None, known: Container[str] = ()
) -> list[SuggestedName]:
    """``suggest_names`` where the spans linked in ``text`` are known already: none of them is suggested.

    ``tokens`` are the text's ``words``, when the caller has them already. Nor is a name that
    writes a spelling of ``known`` (keys of the gazetteer: normalised words joined without
    spaces) where the linker gave it to something else, as it does "المجلس الرئاسي" followed
    by "في اليمن": an editor accepting it would give a second entity the spelling, which then
    names neither.
    """
    reader = _Reader(text, list(words(text)) if tokens is None else tokens, list(linked))
    candidates = sorted(
        [*reader.people(), *reader.organizations(), *reader.agreements()],
        key=lambda name: (name.start, name.start - name.end),  # the longest first where two start together
    )
    kept: list[SuggestedName] = []
    for name in candidates:
        if (not kept or name.start >= kept[-1].end) and not _known(name, known):
            kept.append(name)
    repeated = [
        name for name in reader.surnames_again(kept) if not any(_overlap(name, other) for other in kept)
    ]
    return sorted(kept + repeated, key=lambda name: name.start)


def _overlap(one: SuggestedName, other: SuggestedName) -> bool:
    return one.start < other.end and other.start < one.end


def _known(name: SuggestedName, known: Container[str]) -> bool:
    """Whether a name writes a known spelling, or its spelling with a yaa for a hamza seat, as the linker reads it."""
    key = "".join(word.text for word in words(name.text))
    return key in known or key.replace(araby.HAMZA, araby.YEH) in known


class _Reader:
    def __init__(self, text: str, tokens: list[Word], linked: list[Span]):
        self.text = text
        self.tokens = tokens
        ends = [token.end for token in tokens]
        self.linked = [False] * len(tokens)
        for span in linked:
            index = bisect.bisect_right(ends, span.start)
            while index < len(tokens) and tokens[index].start < span.end:
                self.linked[index] = True
                index += 1

    def word(self, index: int) -> str:
        return self.tokens[index].text

    def written(self, index: int) -> str:
        return self.text[self.tokens[index].start : self.tokens[index].end]

    def joined(self, index: int) -> bool:
        """Whether word ``index`` exists and follows the word before it with no punctuation between."""
        if not 0 < index < len(self.tokens):
            return False
        return not self.text[self.tokens[index - 1].end : self.tokens[index].start].strip()

    def suggestion(
        self, first: int, end: int, prefix: int, kind: str, cue: tuple[int, int]
    ) -> SuggestedName | None:
        """Words ``first`` to ``end`` after ``prefix`` letters of proclitics, unless the gazetteer links one.

        ``cue`` is the index of the word that suggested them and the length of its proclitics.
        """
        if any(self.linked[first:end]):
            return None
        start = self.tokens[first].start + written_length(self.written(first), prefix)
        stop = self.tokens[end - 1].end
        cue_index, cue_prefix = cue
        cue_written = self.written(cue_index)
        cue_word = cue_written[written_length(cue_written, cue_prefix) :]
        return SuggestedName(start, stop, self.text[start:stop], kind, cue_word)

    # People

    def people(self) -> Iterator[SuggestedName]:
        for index in range(len(self.tokens)):
            title = person_title(self.word(index))
            if title is not None:
                first = self._after_office(index + 1)
                if self.joined(first):
                    yield from self._person(first, cue=(index, title))
            elif (prefix := self._given_name(index)) is not None:
                yield from self._person(index, cue=(index, prefix), prefix=prefix)

    def _after_office(self, index: int) -> int:
        """The first word after an office's own words: "الخارجية الجزائري", "لدى ليبيا", "مجلس إدارتها"."""
        for _ in range(MOST_OFFICE_WORDS):
            word = self.word(index) if self.joined(index) else ""
            if word and self.linked[index] and definite(word):
                index += 1  # a known body or country the office names: "الأمين العام لاتحاد المغرب العربي"
            elif word and office_place(word) and self.joined(index + 1):
                index += 2
            elif word and organization_head(self.word(index - 1)) == 0 and self._governed(index):
                index += 1  # "رئيس حركة مجتمع السلم"
            elif word and self._definite_given_name(index):
                break  # "الأمين العام لاتحاد المغرب العربي الطيب البكوش": the name begins
            elif word and (definite(word) or nationality(word) or office_word(word) or self._pronoun(index)):
                index += 1
            else:
                break
        return index

    def _definite_given_name(self, index: int) -> bool:
        """Whether word ``index`` is a given name written with the article: "الطيب", "السعيد", "الأسعد".

        A given name shaped like an adjective ("العربي", "المهدي") or a title ("الأمين") may
        as well belong to the office, and is not taken for one; before بن or ولد, the word
        is read by ``given_name_before_lineage``.
        """
        word = self.word(index)
        if self.joined(index + 1) and lineage(self.word(index + 1)):
            return given_name_before_lineage(word)  # "المختار ولد داداه"
        return (
            word.startswith("ال")
            and is_bare_given_name(word)
            and not word.endswith("ي")
            and person_title(word) is None
        )

    def _pronoun(self, index: int) -> bool:
        """Whether word ``index`` ends in a pronoun, as an office's words may ("مجلس إدارتها") and a name does not."""
        return strip_marks(self.written(index)).endswith(_PRONOUNS)

    def _given_name(self, index: int) -> int | None:
        return _given_name(self.word(index))

    def _person(self, first: int, cue: tuple[int, int], prefix: int = 0) -> Iterator[SuggestedName]:
        end = self._name_end(first)
        if end - first >= FEWEST_NAME_WORDS and (name := self.suggestion(first, end, prefix, PERSON, cue)):
            yield name

    def _name_end(self, first: int) -> int:
        """The end of a name from word ``first``: a given name and a family name, each of one or more words.

        A word that makes a compound with the word before ("عبد الله", "سيف
        الإسلام") is part of the same part, and so are بن or ولد and the word after
        them: "فرحات بن قدارة" is one part, "محمد ولد الشيخ الغزواني" two.
        """
        end, parts = first, 0
        while (
            end - first < MOST_NAME_WORDS
            and (end == first or self.joined(end))
            and self._name_word(end, end == first)
        ):
            before = self.word(end - 1) if end > first else ""
            word = self.word(end)
            same_part = before and (lineage(word) or lineage(before) or joined_names(before, word))
            if not same_part:
                parts += 1
                if parts > MOST_NAME_PARTS or (parts == MOST_NAME_PARTS and not self._last_part(end)):
                    break
            end += 1
        return end

    def _last_part(self, index: int) -> bool:
        """Whether word ``index`` may be a third part of a name, not the noun a verb before the name takes.

        "استقبل محمد إدريس ديبي" ends with a family name; in "قدّم أحمد عطاف أوراق
        اعتماده" the third word is the object: a noun of the lexicon, a word with the
        article, with or without a glued proclitic, or the plural in ات of such a noun ("انتقد
        النائب علي سالم قرارات الحكومة"), ends the name there, unless it is a given name ("موسى فقي محمد").
        """
        word = self.word(index)
        if is_bare_given_name(word):
            return True
        return not (
            definite(word)
            or any(is_noun(rest) or is_plural_noun(rest) for _, rest in proclitic_readings(word))
        )

    def _name_word(self, index: int, first: bool) -> bool:
        """Whether word ``index`` may be part of a person's name (its first word, when ``first``)."""
        if index >= len(self.tokens):
            return False
        word, written = self.word(index), self.written(index)
        after_lineage = not first and lineage(self.word(index - 1))
        return not (
            any(char.isdigit() for char in word)
            or is_stop_word(word, written)
            or ends_with_tanween(written)
            or (office_noun(word) and not after_lineage)
            or (first and self._pronoun(index))
            or nationality(word)
            or ends_a_name(word)
            or prepositional(word, written, first)
            or glued_definite(word)
            or organization_head(word) is not None
            or (
                first
                and definite(word)
                and self._given_name(index) is None
                and not self._definite_given_name(index)
            )
        )

    def surnames_again(self, names: list[SuggestedName]) -> Iterator[SuggestedName]:
        """A person's family name written alone after the full name: "وأكد البكوش" after "الطيب البكوش".

        The press names a person in full once, then by the family name; a family name that
        is also a given name or a common noun ("محمد", "عطاء") is not read alone.
        """
        starts = [token.start for token in self.tokens]
        for name in names:
            if name.kind != PERSON:
                continue
            first = bisect.bisect_left(starts, name.start)
            last = bisect.bisect_left(starts, name.end) - 1
            surname = self.word(last)
            bare = surname[2:] if surname.startswith("ال") else surname
            if last <= first or len(bare) < 4 or is_bare_given_name(surname) or is_noun(surname):
                continue
            for index in range(last + 1, len(self.tokens)):
                for length, rest in proclitic_readings(self.word(index)):
                    if rest == surname and not self._name_word(index + 1, first=False):
                        if found := self.suggestion(index, index + 1, length, PERSON, cue=(first, 0)):
                            yield found
                        break

    # Organisations

    def organizations(self) -> Iterator[SuggestedName]:
        for index in range(len(self.tokens)):
            prefix = organization_head(self.word(index))
            if prefix is None:
                continue
            head_definite = self.word(index)[prefix:].startswith("ال") or glued_definite(self.word(index))
            # A head without the article may govern another: "حزب جبهة التحرير الوطني".
            first = index + 1
            if (
                not head_definite
                and self.joined(first)
                and (organization_head(self.word(first)) == 0 or self._governed(first))
            ):
                first += 1
            if self.joined(first) and traffic(self.word(index), self.word(first)):
                continue
            end = first
            while (
                end - index < MOST_ORGANIZATION_WORDS
                and self.joined(end)
                and not self.linked[end]
                and (self._qualifier(end) or (end > first and self._remit(end)))
            ):
                end += 1
            end = self._sport(end)
            qualifiers = [self.word(position) for position in range(first, end)]
            proper_name = first > index + 1 and media_head(self.word(index)) is not None  # "صحيفة لوفيغارو"
            if not (qualifiers or proper_name) or (
                qualifiers and not head_definite and not definite(qualifiers[0])
            ):
                continue  # "محكمة جزائرية" is a court, not a body's name
            if head_definite and all(nationality(word) or of_the_united_nations(word) for word in qualifiers):
                continue  # "الحكومة الليبية" is the government, not a name; "البعثة الأممية" the UN's
            if name := self.suggestion(index, end, prefix, ORGANIZATION, cue=(index, prefix)):
                yield name

    def _governed(self, index: int) -> bool:
        """Whether word ``index`` is a noun without the article that a definite word qualifies in turn.

        A body's head may govern a noun that governs the rest: "حركة مجتمع السلم",
        "هيئة علماء المسلمين"; a media outlet's head may take a proper name: "قناة
        ليبيا الأحرار", "صحيفة لوفيغارو".
        """
        if not self.joined(index) or definite(self.word(index)) or nationality(self.word(index)):
            return False
        word = self.word(index)
        if media_head(self.word(index - 1)) is not None:
            return not (word.endswith("يه") or ends_a_name(word) or is_stop_word(word, self.written(index)))
        return is_noun(word) and self.joined(index + 1) and definite(self.word(index + 1))

    def _remit(self, index: int) -> bool:
        """Whether word ``index`` is ل and a noun that a qualifier of the body's name governs in turn.

        A body's name may end with its remit: "الهيئة الوطنية لمكافحة الفساد", "المجلس الأعلى
        لشؤون الأسرة". A body or a title after ل is whom something is said to or given to
        ("وقال المتحدث باسم اللجنة العليا لوكالة الأنباء"), not a remit; and a nationality
        closes a name, so ل after it says what for ("خطوات المجلس العسكري السوداني لتسليم السلطة").
        """
        word = self.word(index)
        rest = word[1:]
        return (
            word.startswith("ل")
            and not nationality(self.word(index - 1))
            and not glued_definite(word)
            and is_noun(rest)
            and organization_head(rest) is None
            and person_title(rest) is None
            and self.joined(index + 1)
            and not self.linked[index + 1]
            and definite(self.word(index + 1))
            and self._qualifier(index + 1)
        )

    def _sport(self, index: int) -> int:
        """The end of a federation's sport from word ``index``: "لكرة القدم", "للملاكمة"; ``index`` if none."""
        if not (self.joined(index) and names_a_sport(self.word(index))):
            return index
        index += 1
        return index + 1 if self.joined(index) and definite(self.word(index)) else index

    def _qualifier(self, index: int) -> bool:
        """Whether word ``index`` qualifies a body's head: a noun or an adjective with the article, a nationality.

        A word with ب glued to its article is a phrase after the name ("الحركة بالجنرال"), and a
        title or a given name with the article opens a person's name ("رئيس غرفة التجارة السيد
        سمير الحلبي", "لاتحاد المغرب العربي الطيب البكوش").
        """
        word, written = self.word(index), self.written(index)
        return (
            (definite(word) or nationality(word) is not None)
            and not word.startswith("بال")
            and person_title(word) is None
            and not self._definite_given_name(index)
            and not is_stop_word(word, written)
            and not ends_a_name(word)
            and not ends_with_tanween(written)
        )

    # Agreements

    def agreements(self) -> Iterator[SuggestedName]:
        for first, end, prefix in described_agreements(self):
            if name := self.suggestion(first, end, prefix, AGREEMENT, cue=(first, prefix)):
                yield name


@functools.lru_cache(maxsize=65536)
def _given_name(word: str) -> int | None:
    """The length of a conjunction before a given name that opens a name ("وهانيبال"), or None.

    Cached: it is asked of every word of a text.
    """
    for length, rest in proclitic_readings(word):
        if word[:length] in ("", "و", "ف") and is_bare_given_name(rest) and not rest.startswith("ال"):
            return length
    return None
