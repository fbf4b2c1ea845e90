"""The names whose Latin spellings resemble a query typed in Latin letters.

The archive's texts are Arabic. A reader who types a name as the foreign press
spells it finds its articles only when the spelling is one of the name's aliases
("Tebboune"); a near miss ("Tebbune") finds nothing. The Latin aliases the
archive keeps tell which names such a query means, to be searched in Arabic.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db.models import Exists, OuterRef

from .models import Alias, Entity, Mention

_LATIN_LETTER = re.compile("[A-Za-z]")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_FOLDED_WORD = re.compile("[a-z]+")

# How alike two words must be: difflib's ratio, twice the letters they share in order over the
# letters of both. "Tebbune" and "Tebboune" make 0.93, "Menfy" and "Menfi" 0.8, "Trump" and "Tripoli" 0.5.
CUTOFF = 0.75
# A word shorter than this ("al", "el", "of", "de") names nothing by itself.
SHORTEST_WORD = 3
# The words of a query read at most, and the letters of each: any query costs a bounded time.
MOST_WORDS = 6
LONGEST_WORD = 30


@dataclass(frozen=True, slots=True)
class Resemblance:
    """A name the query may mean, and its Latin spelling that the query resembles."""

    entity: Entity
    spelling: str


def is_latin(text: str) -> bool:
    """Words in Latin letters and none in Arabic ones: a query that the Arabic texts do not write."""
    return bool(_LATIN_LETTER.search(text)) and not _ARABIC_LETTER.search(text)


def latin_words(text: str) -> list[str]:
    """The Latin words of ``text``, case and accents folded ("Algérie" is "algerie"); the rest is left out."""
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return _FOLDED_WORD.findall("".join(char for char in decomposed if not unicodedata.combining(char)))


def resembling(text: str, limit: int = 5) -> list[Resemblance]:
    """The entities whose Latin aliases resemble the Latin words of ``text``, best first.

    An entity is offered when an alias has a word like one of the query's; the
    more of the query's words its alias answers, and the closer, the earlier it
    comes. Only entities some article mentions: a name that finds nothing helps
    no one.
    """
    wanted = list(
        dict.fromkeys(word[:LONGEST_WORD] for word in latin_words(text) if len(word) >= SHORTEST_WORD)
    )[:MOST_WORDS]
    if not wanted:
        return []
    aliases = Alias.objects.filter(
        Exists(Mention.objects.filter(entity=OuterRef("entity"))), name__regex="[A-Za-z]"
    ).values_list("entity_id", "name")
    # Each entity's likest alias: the most of the query's words answered, the closest, the shortest.
    best: dict[int, tuple[tuple[int, float, int], str]] = {}
    for entity_id, name in aliases:
        words = latin_words(name)
        alike = [likeness for likeness in (_likeness(word, words) for word in wanted) if likeness >= CUTOFF]
        score = (len(alike), sum(alike), -len(name))
        if alike and (entity_id not in best or score > best[entity_id][0]):
            best[entity_id] = (score, name)
    ranked = sorted(best, key=lambda entity_id: (best[entity_id][0], -entity_id), reverse=True)[:limit]
    entities = Entity.objects.in_bulk(ranked)
    return [Resemblance(entities[entity_id], best[entity_id][1]) for entity_id in ranked]


def _likeness(word: str, words: list[str]) -> float:
    """How alike ``word`` is to the likest of ``words``; the cheap bounds first, as difflib's own lookups do."""
    likest = 0.0
    for other in words:
        matcher = SequenceMatcher(None, word, other, autojunk=False)
        if matcher.real_quick_ratio() > likest and matcher.quick_ratio() > likest:
            likest = max(likest, matcher.ratio())
    return likest
