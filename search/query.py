"""Reading a searcher's query the way the index reads documents.

Whoosh's parser splits a query on spaces, runs the field's analyzer on each
word, and joins whatever comes out with AND, or for a quoted phrase asks for the
tokens one after another. The archive's analyzer gives several stems at one
position where a word can be read more than one way; this parser asks for any
of them there (OR) instead of all of them, in words and in phrases alike.
"""

from __future__ import annotations

import functools
from itertools import groupby

from whoosh import query
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import QueryParser, syntax
from whoosh.qparser.plugins import (
    GroupPlugin,
    OperatorsPlugin,
    PhrasePlugin,
    Plugin,
    PlusMinusPlugin,
    WhitespacePlugin,
)

from arabic.compounds import joined_names
from arabic.dates import MONTHS, month_number
from arabic.normalization import normalize

from .analysis import arabic_analyzer

TEXT_FIELD = "text"
KEY_FIELD = "key"


def _alternatives(field, fieldname, text, *, removestops, boost=1.0, phrase=False, as_typed=False):
    """One query per position of the analysed text: its token, or any of its tokens."""
    tokens = field.analyzer(
        text, positions=True, mode="query", removestops=removestops, phrase=phrase, as_typed=as_typed
    )
    by_position = groupby(tokens, key=lambda token: token.pos)
    for _, group in by_position:
        terms = [query.Term(fieldname, term, boost=boost) for term in dict.fromkeys(t.text for t in group)]
        yield terms[0] if len(terms) == 1 else query.Or(terms, boost=boost)


# A quoted phrase; with "=" before it, its words exactly as typed (no proclitic added).
EXACT_MARK = "="
_PHRASE = f'(?P<as_typed>{EXACT_MARK})?"(?P<text>.*?)"(~(?P<slop>[1-9][0-9]*))?'


class _ArabicPhrasePlugin(PhrasePlugin):
    """Quoted phrases whose words may each have several readings, stop words kept.

    Each word of a phrase also finds itself with proclitics glued to it, as an
    unquoted word does ("الاتفاقية" finds "والاتفاقية"); ``="..."`` asks for
    the words as typed.
    """

    class PhraseNode(PhrasePlugin.PhraseNode):
        def __init__(self, text, textstartchar, slop=1, as_typed=False):
            super().__init__(text, textstartchar, slop)
            self.as_typed = as_typed

        def query(self, parser):
            fieldname = self.fieldname or parser.phrase_field or parser.fieldname
            field = parser.schema[fieldname]
            parts = list(
                _alternatives(
                    field, fieldname, self.text, removestops=False, phrase=True, as_typed=self.as_typed
                )
            )
            if len(parts) == 1:
                return parts[0]
            return query.Sequence(parts, slop=self.slop, boost=self.boost) if parts else query.NullQuery

    class PhraseTagger(PhrasePlugin.PhraseTagger):
        def create(self, parser, match):
            node = super().create(parser, match)
            as_typed = match.group("as_typed") is not None
            return _ArabicPhrasePlugin.PhraseNode(node.text, node.textstartchar, node.slop, as_typed)

    def __init__(self):
        super().__init__(_PHRASE)

    def taggers(self, parser):
        return [(self.PhraseTagger(self.expr), 0)]


class _CompoundNamePlugin(Plugin):
    """Read two typed words that make one name ("عبد المجيد") as that name.

    The parser splits on spaces before any analysis; without this, "عبد المجيد"
    would find "عبد" and "المجيد" anywhere in an article, and mark every "عبد".
    Runs after spaces are removed and before -word and operators apply.
    """

    def filters(self, parser):
        return [(self.join_names, 505)]

    def join_names(self, parser, group):
        joined = group.empty_copy()
        for node in group:
            if isinstance(node, syntax.GroupNode):
                node = self.join_names(parser, node)
            previous = joined[-1] if len(joined) else None
            names = (
                joined_names(normalize(previous.text), normalize(node.text))
                if type(node) is syntax.WordNode and type(previous) is syntax.WordNode
                else ()
            )
            if names and previous.fieldname == node.fieldname:
                previous.text, previous.endchar = names[0], node.endchar
            else:
                joined.append(node)
        return joined


class _MonthNamePlugin(Plugin):
    """Read a month's name beside a number ("أوت 2021", "5 كانون الثاني") as any of its names.

    An article's date is indexed with the name the site shows ("أغسطس"); the
    searcher may write the Maghreb's or the Levant's. The typed name is still
    searched for, for the texts that write it. A name alone is left as typed:
    "آب" is also a father.
    """

    def filters(self, parser):
        return [(self.widen_months, 506)]

    def widen_months(self, parser, group):
        nodes = [
            self.widen_months(parser, node) if isinstance(node, syntax.GroupNode) else node for node in group
        ]
        widened, index = group.empty_copy(), 0
        while index < len(nodes):
            span = _month_span(nodes, index)
            if span:
                typed = nodes[index : index + span]
                shown = syntax.WordNode(MONTHS[month_number(" ".join(node.text for node in typed)) - 1])
                shown.set_fieldname(typed[0].fieldname)
                shown.set_range(typed[0].startchar, typed[-1].endchar)
                name = typed[0] if span == 1 else syntax.AndGroup(typed)
                widened.append(syntax.OrGroup([name, shown]))
            else:
                widened.append(nodes[index])
            index += span or 1
        return widened


def _month_span(nodes: list, index: int) -> int:
    """How many words from ``index`` name a month beside a number (2 for "كانون الثاني"), or 0."""
    for span in (2, 1):
        typed = nodes[index : index + span]
        if len(typed) < span or not all(type(node) is syntax.WordNode for node in typed):
            continue
        if month_number(" ".join(node.text for node in typed)) is None:
            continue
        beside = [
            nodes[index - 1] if index else None,
            nodes[index + span] if index + span < len(nodes) else None,
        ]
        if any(type(node) is syntax.WordNode and normalize(node.text).isdecimal() for node in beside):
            return span
    return 0


# The marks and the words that are query syntax, not text.
SYNTAX_MARKS = "\"'()+-="
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_NO_MARKS = str.maketrans(dict.fromkeys(SYNTAX_MARKS, " "))


def _as_plain_words(text: str) -> str:
    """``text`` with no query syntax: quotes, brackets, signs and operators dropped."""
    return " ".join(word for word in text.translate(_NO_MARKS).split() if word not in OPERATORS)


class ArabicQueryParser(QueryParser):
    """Whoosh's parser over the Arabic analyzer, with the syntax searchers use.

    Words, "quoted phrases" (matched against ``phrase_field`` when given: the
    unstemmed words, proclitics allowed, or ``="..."`` the words as typed), OR, AND, NOT, -word and brackets. Nothing else is syntax: a
    typed ``title:``, ``*``, ``?``, ``~`` or ``^`` is text, so no query can name
    an internal field or expand to the whole lexicon.
    """

    def __init__(self, fieldname, schema, keep_stop_words=False, phrase_field=None):
        plugins = [
            WhitespacePlugin(),
            _ArabicPhrasePlugin(),
            GroupPlugin(),
            OperatorsPlugin(),
            # A sign is an operator only before a word ("-تونس"), never inside one ("2021-04-21"),
            # and only when a word follows it: a sign before a bracket or a quote is text.
            PlusMinusPlugin(plusexpr=r"(?<!\S)\+(?=[^\s()\"])", minusexpr=r"(?<!\S)-(?=[^\s()\"])"),
            _CompoundNamePlugin(),
            _MonthNamePlugin(),
        ]
        super().__init__(fieldname, schema, plugins=plugins)
        self.keep_stop_words = keep_stop_words
        self.phrase_field = phrase_field

    def parse(self, text, normalize=True, debug=False):
        """Parse ``text``; a query of function words only ("في", "على") searches for them.

        Whoosh's parser fails on some runs of operators ("NOT NOT", a group
        holding only an excluded word followed by more): such a query is read
        again as plain words, its syntax ignored.
        """
        try:
            parsed = super().parse(text, normalize=normalize, debug=debug)
        except (IndexError, ValueError, TypeError, AttributeError, NotImplementedError):
            parsed = super().parse(_as_plain_words(text), normalize=normalize, debug=debug)
        if parsed is query.NullQuery and not self.keep_stop_words:
            keeping = ArabicQueryParser(self.fieldname, self.schema, True, self.phrase_field)
            return keeping.parse(text, normalize=normalize, debug=debug)
        return parsed

    def term_query(self, fieldname, text, termclass, boost=1.0, tokenize=True, removestops=True):
        field = self.schema[fieldname] if self.schema and fieldname in self.schema else None
        if field is None or field.analyzer is None or not tokenize:
            return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
        removestops = removestops and not self.keep_stop_words
        parts = list(_alternatives(field, fieldname, text, removestops=removestops, boost=boost))
        if len(parts) > 1:
            return query.And(parts)
        return parts[0] if parts else None


def text_schema() -> Schema:
    """The smallest schema of keyed, analysed texts: for tools and checks that need no article."""
    return Schema(**{KEY_FIELD: ID(stored=True, unique=True), TEXT_FIELD: TEXT(analyzer=arabic_analyzer())})


@functools.cache
def _text_parser() -> ArabicQueryParser:
    return ArabicQueryParser(TEXT_FIELD, text_schema())


def query_tokens(text: str) -> list[str | list[str]]:
    """What the query parser searches for when ``text`` is typed in the search box."""
    return searched_tokens(_text_parser().parse(text))


def searched_tokens(parsed: query.Query) -> list[str | list[str]]:
    """What a parsed query looks for, in order: a token, or a list of alternatives.

    Excluded words (``-word``, ``NOT``) are left out: nothing is searched for them.
    """
    if isinstance(parsed, query.Term):
        return [parsed.text]
    if isinstance(parsed, query.Or) and all(isinstance(sub, query.Term) for sub in parsed.subqueries):
        return [[sub.text for sub in parsed.subqueries]]
    if isinstance(parsed, query.Not):
        return []
    if isinstance(parsed, query.AndNot):
        return searched_tokens(parsed.a)
    return [token for sub in getattr(parsed, "subqueries", ()) for token in searched_tokens(sub)]
