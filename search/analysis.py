"""The Whoosh analyzer: the Arabic package's words, stems and names as Whoosh tokens.

A thin composition over ``arabic``: a tokenizer and three filters, one analyzer
for the index and the queries alike, and an unstemmed twin for phrases. The
twin also holds, at each word's position, the word without its proclitics,
marked with ``GLUED``: a quoted word finds itself with و ف ب ك ل or ال glued
to it ("الاتفاقية" finds "والاتفاقية"), and an exact phrase (``="..."``)
finds only the words as typed.
The analyzer's import path is pickled into the index's schema: after moving or
renaming anything here, rebuild the index (the writer does so by itself when it
finds an index built with another schema). So is ``RULES``, a digest of this
module's code and of the ``arabic`` code and data it follows: an index built
with other rules of analysis counts as built with another schema, and is
rebuilt too.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib
import inspect
from itertools import groupby

from whoosh.analysis import Filter, Token, Tokenizer

from arabic.compounds import compound_name, joined_names, split_compounds
from arabic.function_words import function_word_form, is_stop_word
from arabic.lexicon import lexicon_version
from arabic.normalization import word_spans
from arabic.stemming import bare_forms, ends_with_maqsura, is_accusative, stems

_RULE_MODULES = (
    __name__,
    "arabic.normalization",
    "arabic.stemming",
    "arabic.lexicon",
    "arabic.compounds",
    "arabic.function_words",
)


def rules_digest(sources: list[str], data_version: str) -> str:
    """A digest of the code of the modules the analyzer follows, docstrings and comments aside, and of its data.

    Read from their syntax trees, so that a reformatted file or a reworded
    comment does not count as new rules, and a changed list or rule does.
    """
    digest = hashlib.sha256(data_version.encode())
    for source in sources:
        tree = ast.parse(source)
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
                if isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
                    node.body = body[1:] or [ast.Pass()]
        digest.update(ast.dump(tree).encode())
    return digest.hexdigest()[:16]


RULES = rules_digest(
    [inspect.getsource(importlib.import_module(name)) for name in _RULE_MODULES], lexicon_version()
)

# Marks a form that had proclitics before it in the text. No normalised word
# holds it: the tokenizer's words are letters and digits only.
GLUED = "+"


def unglued(term: str) -> str:
    """An exact field's term as a word: without the mark of a glued form."""
    return term.removeprefix(GLUED)


class ArabicTokenizer(Tokenizer):
    """Normalised words with their positions and their spans in the original text.

    Arabic and Latin words and numbers in any digits; punctuation splits,
    invisible characters do not; a line break leaves a position empty. For the
    index, a compound name written as one
    word is two ("عبدالمجيد" is "عبد" and "المجيد"), so that the phrase "عبد
    المجيد" finds it; the positions after it move on by one. So it is in a
    quoted phrase (``phrase``), whose words keep the index's positions: "الرئيس
    عبدالمجيد" asks for three words one after another. Each token also
    carries ``written``, the word as it appears, which tells "على" from "علي".
    """

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        # One token, refilled for each word, as Whoosh's own tokenizers do.
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        whole = mode == "query" and not kwargs.get("phrase", False)
        pos, previous_end = start_pos - 1, None
        for word, start, end in _spans(value, whole):
            # A line break leaves a position empty, so that no phrase runs from one line of a
            # document to the next: its title, its paragraphs, each spelling of a name.
            pos += 2 if previous_end is not None and "\n" in value[previous_end:start] else 1
            previous_end = end
            token.text, token.pos, token.written, token.compound = word, pos, value[start:end], False
            token.startchar, token.endchar = start_char + start, start_char + end
            if keeporiginal:
                token.original = token.written
            yield token


@functools.lru_cache(maxsize=4)
def _spans(value: str, whole: bool) -> tuple[tuple[str, int, int], ...]:
    """The words of ``value``, compound names ``whole`` or cut in two, read once for the two fields
    that index the same text."""
    spans = word_spans(value)
    return tuple(spans if whole else split_compounds(value, spans))


class CompoundNameFilter(Filter):
    """Give the second word of a compound name its joined form; give a query the joined form.

    In the index, "المجيد" after "عبد" also carries "عبدالمجيد", spanning both
    words, whether they were written apart or (split by the tokenizer) together.
    A query word that is a compound name is searched for in its joined form,
    which the index has for either spacing.
    """

    def __call__(self, tokens):
        previous_text, previous_start = "", 0
        for token in tokens:
            if token.mode == "query":
                compound = compound_name(token.text)
                if compound is not None:
                    token.text, token.compound = compound.joined, True
            else:
                token.joined, token.joined_start = joined_names(previous_text, token.text), previous_start
                # Read before yielding: the filters after this one rewrite the token.
                previous_text, previous_start = token.text, token.startchar
            yield token


class ArabicStopFilter(Filter):
    """Mark function words; drop them from a query, keep them in the index.

    Kept in the index, they hold their positions, so a quoted phrase matches
    word for word; they are marked ``function_word``, not Whoosh's ``stopped``,
    which would keep them out of the index. A query asks for them only inside
    quotes (``removestops`` off), where the order of every word matters.
    """

    def __call__(self, tokens):
        for token in tokens:
            token.function_word = is_stop_word(token.text, token.written)
            if token.function_word and token.mode == "query" and token.removestops:
                continue
            if token.function_word:
                token.text = function_word_form(token.text)
            yield token


class ArabicStemFilter(Filter):
    """Replace each word with its stems, and any joined name, at its position.

    With ``stemming`` off, the word stays as normalised, beside its forms
    without proclitics, marked: the exact field of phrases. A query word asks
    for itself, or (unless ``as_typed``) for itself with proclitics before it.
    """

    def __init__(self, stemming: bool = True):
        self.stemming = stemming
        # Pickled with the schema: an index built with other rules is told apart (search.index_schema).
        self.rules = RULES

    def __call__(self, tokens):
        for token in tokens:
            for text in self._forms(token):
                token.text = text
                yield token
            if token.mode != "query" and token.joined:
                # A joined name spans both of its words.
                token.startchar = token.joined_start
                for joined in token.joined:
                    token.text = joined
                    yield token

    def _forms(self, token) -> tuple[str, ...]:
        word = token.text
        if token.compound or (token.function_word and self.stemming):
            return (word,)
        if self.stemming:
            return stems(word, is_accusative(word, token.written), ends_with_maqsura(token.written))
        if token.mode != "query":
            return (word, *(GLUED + form for form in bare_forms(word)))
        return (word,) if getattr(token, "as_typed", False) else (word, GLUED + word)


def arabic_analyzer():
    """The analyzer of every Arabic text field, in the index and in queries alike."""
    return ArabicTokenizer() | CompoundNameFilter() | ArabicStopFilter() | ArabicStemFilter()


def exact_analyzer():
    """Normalised words, unstemmed: what a quoted phrase or an exact name is matched against."""
    return ArabicTokenizer() | CompoundNameFilter() | ArabicStopFilter() | ArabicStemFilter(stemming=False)


def indexed_tokens(text: str) -> list[str | list[str]]:
    """The tokens the index stores for ``text``, position by position; several at one are a list."""
    tokens = arabic_analyzer()(text, positions=True, mode="index")
    return [_one_or_all([token.text for token in group]) for _, group in groupby(tokens, lambda t: t.pos)]


def _one_or_all(texts: list[str]) -> str | list[str]:
    return texts[0] if len(texts) == 1 else texts
