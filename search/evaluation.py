"""Every match of a query and its score, from postings read once per segment.

Whoosh finds a query's matches by walking its matchers one document at a time
in Python: nine tenths of a search's time, and it grows with the archive. A
segment never changes but for the documents deleted from it, so here each
word's postings in a segment are read once per process into arrays; a query's
matches are set operations done in C over them, and each match is scored by
Whoosh's own scorer (global statistics, the field's lengths). The scores are
Whoosh's but for the order in which a document's words are summed.

Words, OR, AND, -word and phrases (scored as their words are, kept where the
words follow each other: the positions of a word are read when a phrase
first asks for them). Anything else (a NOT, which Whoosh scores as a match; a
phrase with a slop) is left to Whoosh: ``matches`` answers None.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import OrderedDict
from contextlib import suppress

from whoosh import query as whoosh_query
from whoosh.scoring import BM25FScorer

from .ranking import field_lengths

Scores = dict[int, float]

# Postings kept per process, in documents and positions (12 and 4 bytes each): 50 MB at most.
KEPT_POSTINGS = 4_000_000

_kept: OrderedDict[tuple, _Postings] = OrderedDict()
_kept_size = 0


class _Unsupported(Exception):
    """A query this module does not evaluate; Whoosh does."""


def matches(searcher, parsed: whoosh_query.Query) -> Scores | None:
    """Each document ``parsed`` matches (global number) and its score; None when Whoosh must answer."""
    found: Scores = {}
    scorers = _Scorers(searcher)
    try:
        for subsearcher, offset in searcher.leaf_searchers():
            scores = _scores(subsearcher, parsed, scorers)
            found.update({offset + docnum: score for docnum, score in scores.items()} if offset else scores)
    except _Unsupported:
        return None
    return found


class _Scorers(dict):
    """Whoosh's BM25F scorer of each word, from the whole index's statistics: made once a search."""

    def __init__(self, searcher):
        super().__init__()
        self.searcher = searcher

    def __missing__(self, key: tuple[str, str]) -> BM25FScorer:
        scorer = self.searcher.weighting.scorer(self.searcher, *key)
        if not isinstance(scorer, BM25FScorer) or type(scorer)._score is not BM25FScorer._score:
            raise _Unsupported(key)  # another formula than the one ``_term_scores`` computes
        self[key] = scorer
        return scorer


def _scores(searcher, parsed: whoosh_query.Query, scorers: _Scorers) -> Scores:
    """The matches of ``parsed`` in one segment's ``searcher``, by the segment's document numbers."""
    kind = type(parsed)
    if kind is whoosh_query.Term:
        found = _term_scores(searcher, parsed, scorers)
    elif kind is whoosh_query.Or and not parsed.scale:
        found = _summed([_scores(searcher, sub, scorers) for sub in parsed.subqueries], either=True)
    elif kind is whoosh_query.And:
        found = _summed([_scores(searcher, sub, scorers) for sub in parsed.subqueries], either=False)
    elif kind is whoosh_query.AndNot:
        found = _without(_scores(searcher, parsed.a, scorers), _scores(searcher, parsed.b, scorers))
    elif kind is whoosh_query.Sequence and parsed.slop == 1 and parsed.ordered:
        parts = parsed.subqueries
        found = _summed([_scores(searcher, part, scorers) for part in parts], either=False)
        found = _in_order(searcher, parts, found) if found else found
    else:
        raise _Unsupported(parsed)
    boost = parsed.boost
    return {docnum: score * boost for docnum, score in found.items()} if boost != 1.0 else found


def _summed(parts: list[Scores], either: bool) -> Scores:
    """Documents in any (``either``) or all of ``parts``, each scored the sum of its scores there."""
    if not parts:
        return {}
    if either:
        summed = dict(parts[0])
        for part in parts[1:]:
            for docnum, score in part.items():
                summed[docnum] = summed.get(docnum, 0.0) + score
        return summed
    common = set(min(parts, key=len))
    for part in parts:
        common.intersection_update(part.keys())
    return {docnum: sum(part[docnum] for part in parts) for docnum in common}


def _without(found: Scores, excluded: Scores) -> Scores:
    if not excluded:
        return found
    return {docnum: score for docnum, score in found.items() if docnum not in excluded}


def _term_scores(searcher, term: whoosh_query.Term, scorers: _Scorers) -> Scores:
    field, text = term.fieldname, term.text
    if field not in searcher.schema:
        raise _Unsupported(term)
    if (field, text) not in searcher.reader():
        return {}
    scorer, lengths = scorers[field, text], field_lengths(searcher, field)
    postings = _postings(searcher, field, text)
    # Whoosh's ``bm25``, to the last bit, without two calls a document.
    idf, avgfl, b, k1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    return {
        docnum: idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * lengths[docnum] / avgfl)))
        for docnum, tf in zip(postings.ids, postings.weights, strict=True)
    }


def _in_order(searcher, parts: list[whoosh_query.Query], found: Scores) -> Scores:
    """The documents of ``found`` where a form of each of ``parts`` follows a form of the one before.

    Whoosh's ``Sequence`` with a slop of 1: each word at the position after the last.
    """
    forms = [_forms_of(part) for part in parts]
    where = [[_postings(searcher, term.fieldname, term.text) for term in terms] for terms in forms]
    kept = {}
    for docnum, score in found.items():
        starts = _positions(where[0], docnum)
        for following in where[1:]:
            after = _positions(following, docnum)
            starts = {position + 1 for position in starts if position + 1 in after}
            if not starts:
                break
        if starts:
            kept[docnum] = score
    return kept


def _forms_of(part: whoosh_query.Query) -> list[whoosh_query.Term]:
    """The terms of one word of a phrase: one, or any of several."""
    if type(part) is whoosh_query.Term:
        return [part]
    if type(part) is whoosh_query.Or and all(type(sub) is whoosh_query.Term for sub in part.subqueries):
        return part.subqueries
    raise _Unsupported(part)


def _positions(postings: list[_Postings], docnum: int) -> set[int]:
    """Where in document ``docnum`` any of the terms of ``postings`` stands."""
    return {position for one in postings for position in one.positions_in(docnum)}


class _Postings:
    """A term's postings in one segment: the documents holding it (deleted ones aside), its weight in
    each, and, read when a phrase first asks, its positions."""

    def __init__(self, reader, field: str, text: str):
        self._reader, self._field, self._text = reader, field, text
        self.ids, self.weights = array("I"), array("d")
        self._flat: array | None = None
        self._starts: array | None = None
        if (field, text) not in reader:
            return
        matcher = reader.postings(field, text)
        while matcher.is_active():
            self.ids.append(matcher.id())
            self.weights.append(matcher.weight())
            matcher.next()

    @property
    def size(self) -> int:
        """The numbers it holds, as counted against ``KEPT_POSTINGS``."""
        return len(self.ids) + (len(self._flat) if self._flat is not None else 0)

    def positions_in(self, docnum: int) -> array:
        index = bisect_left(self.ids, docnum)
        if index == len(self.ids) or self.ids[index] != docnum:
            return array("I")
        if self._flat is None:
            self._read_positions()
        return self._flat[self._starts[index] : self._starts[index + 1]]

    def _read_positions(self) -> None:
        global _kept_size
        flat, starts = array("I"), array("I", [0])
        matcher = self._reader.postings(self._field, self._text)
        if not matcher.supports("positions"):
            raise _Unsupported(self._field)
        while matcher.is_active():
            flat.extend(matcher.value_as("positions"))
            starts.append(len(flat))
            matcher.next()
        self._flat, self._starts = flat, starts
        _kept_size += len(flat)


def _postings(searcher, field: str, text: str) -> _Postings:
    """The postings of ``text`` in one segment, read once while the segment stays as it is."""
    global _kept_size
    reader = searcher.reader()
    segment = reader.segment()
    key = (segment.segment_id(), segment.deleted_count(), field, text) if segment else None
    kept = _kept.get(key)
    if kept is not None:
        with suppress(KeyError):  # forgotten meanwhile by another thread
            _kept.move_to_end(key)
        return kept
    postings = _Postings(reader, field, text)
    if key is not None:
        _kept[key] = postings
        _kept_size += postings.size
        while _kept_size > KEPT_POSTINGS and len(_kept) > 1:
            _kept_size -= _kept.popitem(last=False)[1].size
    return postings
