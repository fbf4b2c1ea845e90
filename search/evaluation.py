"""Every match of a query and its score, from postings read once per segment.

Whoosh finds a query's matches by walking its matchers one document at a time
in Python: nine tenths of a search's time, and it grows with the archive. A
segment never changes but for the documents deleted from it, so here each
word's postings in a segment are read once per process into arrays. A query
is then evaluated in two steps: which documents it matches, by set operations
done in C (and, for a phrase, its words' positions in the documents holding
them all); then the score of those documents alone, by Whoosh's own BM25F
(the whole index's statistics, the field's lengths). The scores are Whoosh's
but for the order in which a document's words are summed.

Words, OR, AND, -word and phrases. Anything else (a NOT, which Whoosh scores
as a match; a phrase with a slop) is left to Whoosh: ``matches`` answers None.
"""

from __future__ import annotations

import functools
import operator
from array import array
from bisect import bisect_left
from collections import OrderedDict
from contextlib import suppress

from whoosh import query as whoosh_query
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25FScorer

from .postings import CompactLeafMatcher
from .ranking import field_lengths

Scores = dict[int, float]

# Postings kept per process, in numbers (documents, weights, positions): about 60 MB at most.
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
            segment = _Segment(subsearcher, scorers)
            scores = segment.scores(parsed, segment.documents(parsed))
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
            raise _Unsupported(key)  # another formula than the one ``_Segment.term_scores`` computes
        self[key] = scorer
        return scorer


class _Segment:
    """One segment's answers to the parts of a query: which documents, then their scores."""

    def __init__(self, searcher, scorers: _Scorers):
        self.searcher, self.scorers = searcher, scorers
        self._documents: dict[int, set[int]] = {}

    def documents(self, parsed: whoosh_query.Query) -> set[int]:
        """The documents of the segment ``parsed`` matches, read once a search for each part."""
        key = id(parsed)
        if key not in self._documents:
            self._documents[key] = self._matched(parsed)
        return self._documents[key]

    def _matched(self, parsed: whoosh_query.Query) -> set[int]:
        kind = type(parsed)
        if kind is whoosh_query.Term:
            return set(self.postings(parsed).ids)
        if kind is whoosh_query.Or and not parsed.scale:
            return set().union(*map(self.documents, parsed.subqueries))
        if kind is whoosh_query.And:
            return self._common(parsed.subqueries)
        if kind is whoosh_query.AndNot:
            return self.documents(parsed.a) - self.documents(parsed.b)
        if kind is whoosh_query.Sequence and parsed.slop == 1 and parsed.ordered:
            return self._in_order(parsed.subqueries, self._common(parsed.subqueries))
        raise _Unsupported(parsed)

    def _common(self, parts: list[whoosh_query.Query]) -> set[int]:
        sets = sorted(map(self.documents, parts), key=len)
        return sets[0].intersection(*sets[1:])

    def scores(self, parsed: whoosh_query.Query, within: set[int]) -> Scores:
        """The scores of the documents of ``within`` that ``parsed`` matches."""
        kind = type(parsed)
        if kind is whoosh_query.Term:
            found = self.term_scores(parsed, within)
        elif kind is whoosh_query.Or:
            found = _summed([self.scores(sub, within) for sub in parsed.subqueries])
        else:
            matched = within & self.documents(parsed)
            scored = [parsed.a] if kind is whoosh_query.AndNot else parsed.subqueries
            found = _summed([self.scores(part, matched) for part in scored])
        boost = parsed.boost
        return {docnum: score * boost for docnum, score in found.items()} if boost != 1.0 else found

    def term_scores(self, term: whoosh_query.Term, within: set[int]) -> Scores:
        """Whoosh's ``bm25``, to the last bit, without two calls a document."""
        postings = self.postings(term)
        if not postings.ids or not within:
            return {}
        scorer = self.scorers[term.fieldname, term.text]
        lengths = field_lengths(self.searcher, term.fieldname)
        idf, avgfl, b, k1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
        if 2 * len(within) >= len(postings.ids):
            weights = (pair for pair in zip(postings.ids, postings.weights, strict=True) if pair[0] in within)
        else:
            weight_of = postings.weight_of()
            weights = ((docnum, weight_of[docnum]) for docnum in within & weight_of.keys())
        return {
            docnum: idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * lengths[docnum] / avgfl)))
            for docnum, tf in weights
        }

    def postings(self, term: whoosh_query.Term) -> _Postings:
        if term.fieldname not in self.searcher.schema:
            raise _Unsupported(term)
        return _postings(self.searcher, term.fieldname, term.text)

    def _in_order(self, parts: list[whoosh_query.Query], candidates: set[int]) -> set[int]:
        """The documents of ``candidates`` where a form of each of ``parts`` follows a form of the one
        before: Whoosh's ``Sequence`` with a slop of 1, each word at the position after the last."""
        where = [[self.postings(term) for term in _forms_of(part)] for part in parts]
        kept = set()
        for docnum in candidates:
            ends = _positions(where[0], docnum)
            for following in where[1:]:
                after = _positions(following, docnum)
                ends = [position + 1 for position in ends if position + 1 in after]
                if not ends:
                    break
            if ends:
                kept.add(docnum)
        return kept


def _summed(parts: list[Scores]) -> Scores:
    """Each document of any of ``parts``, scored the sum of its scores there, first part to last."""
    if not parts:
        return {}
    summed = dict(parts[0])
    for part in parts[1:]:
        both = {docnum: summed[docnum] + part[docnum] for docnum in summed.keys() & part.keys()}
        summed.update(part)
        summed.update(both)
    return summed


def _forms_of(part: whoosh_query.Query) -> list[whoosh_query.Term]:
    """The terms of one word of a phrase: one, or any of several."""
    if type(part) is whoosh_query.Term:
        return [part]
    if type(part) is whoosh_query.Or and all(type(sub) is whoosh_query.Term for sub in part.subqueries):
        return part.subqueries
    raise _Unsupported(part)


def _positions(postings: list[_Postings], docnum: int) -> array:
    """Where in document ``docnum`` any of the terms of ``postings`` stands."""
    found = [one.positions_in(docnum) for one in postings]
    return found[0] if len(found) == 1 else functools.reduce(operator.add, found)


class _Postings:
    """A term's postings in one segment: the documents holding it (deleted ones aside) and its weight
    in each; read when first asked for, the weights by document and the positions."""

    def __init__(self, reader, field: str, text: str):
        self._reader, self._field, self._text = reader, field, text
        self.ids, self.weights = array("I"), array("d")
        self._weight_of: dict[int, float] | None = None
        self._flat: array | None = None
        self._starts: array | None = None
        if (field, text) not in reader:
            return
        matcher = reader.postings(field, text)
        leaf = matcher.child if isinstance(matcher, FilterMatcher) else matcher
        if isinstance(leaf, CompactLeafMatcher):
            self._read_blocks(leaf, reader.deleted_docs_set)
            return
        while matcher.is_active():
            self.ids.append(matcher.id())
            self.weights.append(matcher.weight())
            matcher.next()

    def _read_blocks(self, leaf: CompactLeafMatcher, deleted: frozenset[int]) -> None:
        """Every posting a block at a time, the deleted documents' left out."""
        for ids, weights in leaf.blocks():
            if deleted:
                kept = [
                    (docnum, weight)
                    for docnum, weight in zip(ids, weights, strict=True)
                    if docnum not in deleted
                ]
                ids, weights = [docnum for docnum, _ in kept], [weight for _, weight in kept]
            self.ids.extend(ids)
            self.weights.extend(list(weights))

    @property
    def size(self) -> int:
        """The numbers it holds, as counted against ``KEPT_POSTINGS``."""
        return (
            2 * len(self.ids)
            + (len(self._weight_of) if self._weight_of is not None else 0)
            + (len(self._flat) if self._flat is not None else 0)
        )

    def weight_of(self) -> dict[int, float]:
        if self._weight_of is None:
            self._weight_of = dict(zip(self.ids, self.weights, strict=True))
            _count(len(self._weight_of))
        return self._weight_of

    def positions_in(self, docnum: int) -> array:
        index = bisect_left(self.ids, docnum)
        if index == len(self.ids) or self.ids[index] != docnum:
            return array("I")
        if self._flat is None:
            self._read_positions()
        return self._flat[self._starts[index] : self._starts[index + 1]]

    def _read_positions(self) -> None:
        flat, starts = array("I"), array("I", [0])
        matcher = self._reader.postings(self._field, self._text)
        if not matcher.supports("positions"):
            raise _Unsupported(self._field)
        while matcher.is_active():
            flat.extend(matcher.value_as("positions"))
            starts.append(len(flat))
            matcher.next()
        self._flat, self._starts = flat, starts
        _count(len(flat))


def _count(numbers: int) -> None:
    global _kept_size
    _kept_size += numbers


def _postings(searcher, field: str, text: str) -> _Postings:
    """The postings of ``text`` in one segment, read once while the segment stays as it is."""
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
        _count(postings.size)
        while _kept_size > KEPT_POSTINGS and len(_kept) > 1:
            _count(-_kept.popitem(last=False)[1].size)
    return postings
