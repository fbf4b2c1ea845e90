"""Suggested names ranked by how often they recur: a name many articles write is likelier a name.

A cue alone is weak evidence ("الرئيس" may precede a common noun); the same
words suggested in article after article, after different cues, are strong.
Suggestions are grouped by their normalised words joined without spaces (so
"عبد الله باتيلي" and "عبدالله باتيلي" are one name) and their kind, and each
group's confidence grows with the articles that write it and its distinct cues,
so that an editor's review queue shows the strongest first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from arabic.normalization import name_key, normalize

from .models import Article
from .suggesting import Linker, SuggestedName, suggest_names

# Each article or distinct cue beyond the first halves the doubt that remains.
DOUBT_PER_EVIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class RankedName:
    """A suggested name across texts: its commonest spelling, where it is written, and how sure that is."""

    key: str
    kind: str
    text: str
    articles: tuple[Hashable, ...]
    cues: tuple[str, ...]
    suggestions: int
    confidence: float


def confidence(articles: int, cues: int) -> float:
    """1 - ½ⁿ for n pieces of evidence: each article and each cue beyond the first."""
    evidence = articles + max(cues - 1, 0)
    return 1 - DOUBT_PER_EVIDENCE**evidence


def rank(documents: Iterable[tuple[Hashable, str]], gazetteer: Linker) -> list[RankedName]:
    """The names suggested in ``documents`` (an id and a text each), the most confident first."""
    found: dict[tuple[str, str], list[tuple[Hashable, SuggestedName]]] = defaultdict(list)
    for document, text in documents:
        for name in suggest_names(text, gazetteer):
            found[(name_key(name.text), name.kind)].append((document, name))
    ranked = [_ranked(key, kind, suggestions) for (key, kind), suggestions in found.items()]
    return sorted(ranked, key=lambda name: (-name.confidence, -name.suggestions, name.key))


def rank_archive(gazetteer: Linker) -> list[RankedName]:
    """The names suggested in every article of the archive, each with the primary keys of its articles."""
    bodies = Article.objects.values_list("pk", "body").iterator(chunk_size=500)
    return rank(bodies, gazetteer)


def _ranked(key: str, kind: str, suggestions: list[tuple[Hashable, SuggestedName]]) -> RankedName:
    articles = tuple(dict.fromkeys(document for document, _ in suggestions))
    cues = tuple(sorted({normalize(name.cue) for _, name in suggestions}))
    spelling, _ = Counter(name.text for _, name in suggestions).most_common(1)[0]
    return RankedName(
        key=key,
        kind=kind,
        text=spelling,
        articles=articles,
        cues=cues,
        suggestions=len(suggestions),
        confidence=confidence(len(articles), len(cues)),
    )
