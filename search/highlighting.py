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
from whoosh import query as whoosh_query

from .arabic import arabic_analyzer, exact_analyzer

ELLIPSIS = "…"
_SPACES = re.compile(r"\s+")


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
    """Text in runs, each marked or not; escaped when rendered as HTML."""

    segments: tuple[tuple[str, bool], ...]

    def __str__(self) -> str:
        return "".join(text for text, _ in self.segments)

    def __html__(self) -> str:
        return "".join(
            f"<mark>{escape(text)}</mark>" if marked else escape(text) for text, marked in self.segments
        )

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
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


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


def snippet(text: str, terms: QueryTerms, length: int) -> Highlighted:
    """About ``length`` characters of ``text`` around the most matches, cut at spaces."""
    spans = matched_spans(text, terms)
    start = 0
    if spans:
        best = max(range(len(spans)), key=lambda i: sum(1 for s, e in spans[i:] if e <= spans[i][0] + length))
        start = max(0, spans[best][0] - length // 5)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[best][0] else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    segments = _segments(text, spans, start, end)
    segments = [(_SPACES.sub(" ", part), marked) for part, marked in segments]
    if start > 0:
        segments.insert(0, (ELLIPSIS + " ", False))
    if end < len(text):
        segments.append((" " + ELLIPSIS, False))
    return Highlighted(tuple(segments))
