"""Mark the words a query matched, whatever their surface form.

A word is marked when the analysis that indexed it gives one of the terms the
query searched for: "والاتفاقية" is marked for "اتفاقيه", "عبدالمجيد" for "عبد
المجيد". haystack's own highlighter would read the text with an English
stemmer, and its template highlighter matches raw substrings; neither knows
Arabic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from whoosh import query as whoosh_query

from arabic.compounds import compound_name
from arabic.function_words import is_function_word
from arabic.normalization import normalize, normalize_with_offsets

from .analysis import arabic_analyzer, exact_analyzer, unglued

ELLIPSIS = "…"
_SPACES = re.compile(r"\s+")
# What may stand between two marked words of one run: spaces on one line, and function words.
_BETWEEN_WORDS = re.compile(r"[^\S\n]+")


@dataclass(frozen=True, slots=True)
class QueryTerms:
    """The terms a query searched for, by field: stemmed words and exact words."""

    stems: frozenset[str]
    exact: frozenset[str]

    @classmethod
    def of(
        cls, parsed: whoosh_query.Query, stem_field: str = "text", exact_field: str = "text_exact"
    ) -> QueryTerms:
        terms = list(_wanted_terms(parsed))
        return cls(
            frozenset(text for field, text in terms if field == stem_field),
            frozenset(text for field, text in terms if field == exact_field),
        )


def _wanted_terms(parsed: whoosh_query.Query):
    """Every (field, text) the query asks for; excluded words are not wanted."""
    if isinstance(parsed, whoosh_query.Not):
        return
    if isinstance(parsed, whoosh_query.AndNot):
        yield from _wanted_terms(parsed.a)
    elif isinstance(parsed, whoosh_query.Term):
        yield parsed.fieldname, parsed.text
    else:
        for child in parsed.children():
            yield from _wanted_terms(child)


@dataclass(frozen=True, slots=True)
class Highlighted:
    """Text in runs, each marked or not: HTML, every run escaped, the marked ones in ``<mark>``."""

    segments: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.segments)

    def __html__(self) -> SafeString:
        return mark_safe(
            "".join(
                f"<mark>{escape(text)}</mark>" if marked else escape(text) for text, marked in self.segments
            )
        )

    # Django's templates render str(value), not __html__.
    __str__ = __html__

    @property
    def marked(self) -> list[str]:
        return [text for text, marked in self.segments if marked]


_STEMMED, _EXACT = arabic_analyzer(), exact_analyzer()


def matched_spans(text: str, terms: QueryTerms) -> list[tuple[int, int]]:
    """Character spans of ``text`` that the query's terms matched, merged and in order."""
    spans = set()
    for analyzer, wanted in ((_STEMMED, terms.stems), (_EXACT, terms.exact)):
        if wanted:
            spans.update(
                (token.startchar, token.endchar)
                for token in analyzer(text, chars=True)
                if token.text in wanted
            )
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or _joins_a_run(text[merged[-1][1] : start])):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _joins_a_run(gap: str) -> bool:
    """Whether the text between two marked words makes them one run: spaces and function words only.

    A sentence pasted into the box marks most of its words; marked one by one,
    with "في" or "أن" left out between them, it reads as a checkerboard. Marked as
    a run it reads as the phrase found. A paragraph's end or punctuation ends a run.
    """
    between = _BETWEEN_WORDS.split(gap)
    if between[0] or between[-1]:
        return False
    return all(is_function_word(normalize(word), word) for word in between[1:-1])


def _segments(text: str, spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[str, bool]]:
    segments, cursor = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start > cursor:
            segments.append((text[cursor:span_start], False))
        segments.append((text[span_start:span_end], True))
        cursor = span_end
    if cursor < end:
        segments.append((text[cursor:end], False))
    return segments


def highlight(text: str, terms: QueryTerms) -> Highlighted:
    """All of ``text``, its matched words marked: for titles."""
    return Highlighted(tuple(_segments(text, matched_spans(text, terms), 0, len(text))))


def _likely_starts(text: str, terms: QueryTerms) -> list[int]:
    """Where in ``text`` a matched word may be: a term found inside the normalised text.

    A cheap pass in C over the whole body, so that only the chosen window is
    analysed. A stem is part of the word it came from; a joined name is
    written joined or spaced.
    """
    normalized, offsets = normalize_with_offsets(text)
    needles = set()
    for term in terms.stems | {unglued(term) for term in terms.exact}:
        needles.add(term)
        compound = compound_name(term)
        if compound:
            needles.add(f"{term[: compound.split]} {term[compound.split :]}")
    starts = []
    for needle in needles:
        found = normalized.find(needle)
        while found >= 0:
            start = offsets[found]
            if " " in needle or _word_matches(text, start, terms):
                starts.append(start)
            found = normalized.find(needle, found + len(needle))
    return sorted(starts)


def _word_matches(text: str, start: int, terms: QueryTerms) -> bool:
    """Whether the word of ``text`` around ``start`` is one the query matched: a stem found inside
    a word may belong to another one ("ارهاب" inside "الإرهابية", the adjective)."""
    first = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    last = min(
        (end for end in (text.find(" ", start), text.find("\n", start)) if end >= 0), default=len(text)
    )
    return bool(matched_spans(text[first:last], terms))


def _densest_window(starts: list[int], length: int) -> int:
    """The start of the ``length`` characters holding the most of ``starts``."""
    best, best_count, last = starts[0], 0, 0
    for first, start in enumerate(starts):
        while last < len(starts) and starts[last] < start + length:
            last += 1
        if last - first > best_count:
            best, best_count = start, last - first
    return best


def snippet(text: str, terms: QueryTerms, length: int) -> Highlighted:
    """About ``length`` characters of ``text`` around the most matches, cut at spaces."""
    starts = _likely_starts(text, terms)
    start = max(0, _densest_window(starts, length) - length // 5) if starts else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + length // 5 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = text[start:end]
    spans = [(start + s, start + e) for s, e in matched_spans(window, terms)]
    segments = [(_SPACES.sub(" ", part), marked) for part, marked in _segments(text, spans, start, end)]
    if start > 0:
        segments.insert(0, (ELLIPSIS + " ", False))
    if end < len(text):
        segments.append((" " + ELLIPSIS, False))
    return Highlighted(tuple(segments))
