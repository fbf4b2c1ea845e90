"""Reading a searcher's query the way the index reads documents.

Whoosh's parser splits a query on spaces, runs the field's analyzer on each
word, and joins whatever comes out with AND, or for a quoted phrase asks for the
tokens one after another. The archive's analyzer gives several stems at one
position where a word can be read more than one way; this parser asks for any
of them there (OR) instead of all of them, in words and in phrases alike.
"""

from __future__ import annotations

from itertools import groupby

from whoosh import query
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import QueryParser
from whoosh.qparser.plugins import PhrasePlugin, PlusMinusPlugin

from search.arabic import arabic_analyzer

TEXT_FIELD = "text"
KEY_FIELD = "key"


def _alternatives(field, fieldname, text, *, removestops, boost=1.0):
    """One query per position of the analysed text: its token, or any of its tokens."""
    tokens = field.analyzer(text, positions=True, mode="query", removestops=removestops)
    by_position = groupby(tokens, key=lambda token: token.pos)
    for _, group in by_position:
        terms = [query.Term(fieldname, term, boost=boost) for term in dict.fromkeys(t.text for t in group)]
        yield terms[0] if len(terms) == 1 else query.Or(terms, boost=boost)


class _ArabicPhrasePlugin(PhrasePlugin):
    """Quoted phrases whose words may each have several readings, stop words kept."""

    class PhraseNode(PhrasePlugin.PhraseNode):
        def query(self, parser):
            fieldname = self.fieldname or parser.fieldname
            field = parser.schema[fieldname]
            parts = list(_alternatives(field, fieldname, self.text, removestops=False))
            if len(parts) == 1:
                return parts[0]
            return query.Sequence(parts, slop=self.slop, boost=self.boost) if parts else query.NullQuery

    class PhraseTagger(PhrasePlugin.PhraseTagger):
        def create(self, parser, match):
            node = super().create(parser, match)
            return _ArabicPhrasePlugin.PhraseNode(node.text, node.textstartchar, node.slop)

    def taggers(self, parser):
        return [(self.PhraseTagger(self.expr), 0)]


class ArabicQueryParser(QueryParser):
    """Whoosh's parser (words, quotes, OR, NOT, -word) over the Arabic analyzer."""

    def __init__(self, fieldname, schema, keep_stop_words=False, **kwargs):
        super().__init__(fieldname, schema, **kwargs)
        self.remove_plugin_class(PhrasePlugin)
        self.add_plugins([_ArabicPhrasePlugin(), PlusMinusPlugin()])
        self.keep_stop_words = keep_stop_words

    def parse(self, text, normalize=True, debug=False):
        """Parse ``text``; a query of function words only ("في", "على") searches for them."""
        parsed = super().parse(text, normalize=normalize, debug=debug)
        if parsed is query.NullQuery and not self.keep_stop_words:
            keeping = ArabicQueryParser(self.fieldname, self.schema, keep_stop_words=True)
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
