"""The Whoosh analyzer: the Arabic package's words, stems and names as Whoosh tokens.

A thin composition over ``arabic``: a tokenizer and three filters, one analyzer
for the index and the queries alike, and an unstemmed twin for exact phrases.
The analyzer's import path is pickled into the index's schema: after moving or
renaming anything here, rebuild the index (the writer does so by itself when it
finds an index built with another schema).
"""

from __future__ import annotations

import functools
from itertools import groupby

from whoosh.analysis import Filter, Token, Tokenizer

from arabic.compounds import compound_name, joined_names, split_compounds
from arabic.function_words import function_word_form, is_stop_word
from arabic.normalization import word_spans
from arabic.stemming import is_accusative, stems


class ArabicTokenizer(Tokenizer):
    """Normalised words with their positions and their spans in the original text.

    Arabic and Latin words and numbers in any digits; punctuation splits,
    invisible characters do not. For the index, a compound name written as one
    word is two ("عبدالمجيد" is "عبد" and "المجيد"), so that the phrase "عبد
    المجيد" finds it; the positions after it move on by one. Each token also
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
        for pos, (word, start, end) in enumerate(_spans(value, mode == "query"), start_pos):
            token.text, token.pos, token.written, token.compound = word, pos, value[start:end], False
            token.startchar, token.endchar = start_char + start, start_char + end
            if keeporiginal:
                token.original = token.written
            yield token


@functools.lru_cache(maxsize=4)
def _spans(value: str, query: bool) -> tuple[tuple[str, int, int], ...]:
    """The words of ``value``, read once for the two fields that index the same text."""
    spans = word_spans(value)
    return tuple(spans if query else split_compounds(value, spans))


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

    With ``stemming`` off, the word stays as normalised: the exact field, where a
    quoted phrase matches the words as written, whatever their spelling.
    """

    def __init__(self, stemming: bool = True):
        self.stemming = stemming

    def __call__(self, tokens):
        for token in tokens:
            if token.function_word or token.compound or not self.stemming:
                yield token
            else:
                for stem in stems(token.text, is_accusative(token.text, token.written)):
                    token.text = stem
                    yield token
            if token.mode != "query" and token.joined:
                # A joined name spans both of its words.
                token.startchar = token.joined_start
                for joined in token.joined:
                    token.text = joined
                    yield token


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
