""" "هل تقصد": another spelling of a query, from the words the archive holds.

Asked only when a search finds little. Each word that the index knows in no
reading is replaced by the archive's closest word (fewest edits, then most
frequent: Whoosh's ``ReaderCorrector``, where haystack's picks the longest),
written as an article writes it; the suggestion is offered only if it finds
more than the query did.
"""

from __future__ import annotations

from whoosh import query as whoosh_query
from whoosh.qparser import QueryParser

from .arabic import normalize, strip_marks, word_spans

# Marks of the query syntax around a word, kept as typed.
_SYNTAX = "\"'()-+"
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}


def _known(searcher, parser: QueryParser, word: str) -> bool:
    """Whether any reading of ``word`` is in the index."""
    return any(searcher.doc_frequency(field, text) for field, text in parser.parse(word).iter_all_terms())


def _as_written(searcher, field: str, word: str) -> str:
    """``word`` (normalised) as the first document holding it writes it."""
    for hit in searcher.search(whoosh_query.Term(field, word), limit=1):
        for text in hit.fields().values():
            for normalized, start, end in word_spans(str(text)):
                if normalized == word:
                    return strip_marks(str(text)[start:end])
    return word


def suggest(searcher, text: str, parser: QueryParser, words_field: str, hits: int) -> str | None:
    corrector = searcher.corrector(words_field)
    suggested, changed = [], False
    for typed in text.split():
        bare = typed.strip(_SYNTAX)
        word = normalize(bare)
        if typed in _OPERATORS or not word or _known(searcher, parser, bare):
            suggested.append(typed)
            continue
        candidates = [c for c in corrector.suggest(word, limit=2, maxdist=2, prefix=1) if c != word]
        if candidates:
            typed, changed = typed.replace(bare, _as_written(searcher, words_field, candidates[0])), True
        suggested.append(typed)
    if not changed:
        return None
    suggestion = " ".join(suggested)
    return suggestion if len(searcher.search(parser.parse(suggestion), limit=1)) > hits else None
