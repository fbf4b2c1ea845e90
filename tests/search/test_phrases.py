"""Quoted phrases as Arabic is written: each word may carry the proclitics glued to it in the text.

Over the five seed articles, in a real Whoosh index with the archive's two
text fields: every two-word phrase of the seeds, typed without a glued
conjunction, finds every seed that says it with or without one ("الاتفاقية
الأمنية" finds "والاتفاقية الأمنية"); ``="..."`` finds the words exactly as
typed; the words of a phrase stay in order.
"""

import re
from itertools import pairwise
from pathlib import Path

import pytest
from django.conf import settings
from whoosh.fields import ID, TEXT, Schema
from whoosh.index import create_in

from arabic.normalization import normalize, strip_marks, words
from search.analysis import arabic_analyzer, exact_analyzer
from search.query import ArabicQueryParser

SEEDS = {
    path.stem: path.read_text(encoding="utf-8")
    for path in Path(settings.BASE_DIR, "fixtures", "seeds").glob("*.txt")
}
# A conjunction glued before the article: "والاتفاقية", "فالأمن".
_CONJUNCTION = re.compile("^[وف]ال...")


def _pairs(text: str) -> list[tuple[str, str]]:
    """Each two consecutive words of a line of ``text``, as written (marks dropped) and normalised:
    a phrase does not run from one line to the next."""
    return [
        pair
        for line in text.splitlines()
        for pair in pairwise((strip_marks(line[word.start : word.end]), word.text) for word in words(line))
    ]


_SAID = {name: {(first[1], second[1]) for first, second in _pairs(text)} for name, text in SEEDS.items()}


def _phrases() -> set[tuple[str, str]]:
    """Every two consecutive words of the seeds as written, without a conjunction glued before an article."""
    return {
        (first[1:] if _CONJUNCTION.match(normalize(first)) else first, second)
        for text in SEEDS.values()
        for (first, _), (second, _) in _pairs(text)
    }


def _saying(first: str, second: str) -> set[str]:
    """The seeds that say the phrase, with or without a conjunction glued to its first word."""
    said = {(normalize(conjunction + first), normalize(second)) for conjunction in ("", "و", "ف")}
    return {name for name, pairs in _SAID.items() if said & pairs}


PHRASES = sorted(_phrases())


@pytest.fixture(scope="module")
def search(tmp_path_factory):
    schema = Schema(
        key=ID(stored=True, unique=True),
        text=TEXT(analyzer=arabic_analyzer()),
        text_exact=TEXT(analyzer=exact_analyzer()),
    )
    index = create_in(tmp_path_factory.mktemp("index"), schema)
    with index.writer() as writer:
        for name, text in SEEDS.items():
            writer.add_document(key=name, text=text, text_exact=text)
    parser = ArabicQueryParser("text", index.schema, phrase_field="text_exact")
    with index.searcher() as searcher:
        yield lambda typed: {hit["key"] for hit in searcher.search(parser.parse(typed), limit=None)}


def test_the_seeds_say_phrases_with_a_glued_conjunction():
    assert len(PHRASES) > 1000
    assert any(
        _saying(first, second)
        != {name for name, pairs in _SAID.items() if (normalize(first), normalize(second)) in pairs}
        for first, second in PHRASES
    )


def test_every_phrase_finds_every_seed_that_says_it_with_or_without_a_glued_conjunction(search):
    missed = {
        f"{first} {second}": sorted(_saying(first, second) - search(f'"{first} {second}"'))
        for first, second in PHRASES
    }
    assert {phrase: seeds for phrase, seeds in missed.items() if seeds} == {}


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ('"الاتفاقية الامنية"', "والاتفاقية الأمنية"),
        ('"الجزائر وليبيا"', "للجزائر وليبيا"),
        ('"في ليبيا"', "وفي ليبيا"),
        ('"عبد المجيد تبون"', "لعبد المجيد تبون"),
        ('"الرئيس عبدالمجيد"', "الرئيس عبد المجيد تبون"),
        ('"الرئيس عبد المجيد"', "للرئيس عبدالمجيد تبون"),
        ('"اتفاقية أمنية"', "بالاتفاقية الأمنية"),
    ],
)
def test_a_phrase_finds_its_words_with_proclitics_glued(tmp_path, typed, written):
    assert _found(tmp_path, typed, written)


@pytest.mark.parametrize(
    ("typed", "written", "why"),
    [
        ('="الاتفاقية الامنية"', "والاتفاقية الأمنية", "= asks for the words as typed"),
        ('"زير الخارجية"', "وزير الخارجية", "the و of وزير is part of the word"),
        ('"لجنة"', "جنة", "proclitics are added to the typed word, never taken from it"),
        ('"الامنية الاتفاقية"', "والاتفاقية الأمنية", "the words stay in order"),
        ('"والاتفاقية الامنية"', "الاتفاقية الأمنية", "a typed conjunction is asked for"),
        ('"والاتفاقية"', "بالاتفاقية", "proclitics keep their order: و then ب then ال"),
        ('"الرئيس الجزائري"', "قال الرئيس\nالجزائري تبون", "a phrase does not run from one line to the next"),
        ('"تبون عبدالمجيد"', "تبون\nعبد المجيد تبون", "nor from a spelling of a name to the next"),
    ],
)
def test_a_phrase_does_not_find_other_words(tmp_path, typed, written, why):
    assert not _found(tmp_path, typed, written), why


def test_an_exact_phrase_finds_the_words_as_typed(tmp_path):
    assert _found(tmp_path, '="الاتفاقية الامنية"', "تفعيل الاتفاقية الأمنية الرباعية")


def _found(folder, typed: str, written: str) -> bool:
    schema = Schema(
        key=ID(stored=True), text=TEXT(analyzer=arabic_analyzer()), text_exact=TEXT(analyzer=exact_analyzer())
    )
    index = create_in(folder, schema)
    with index.writer() as writer:
        writer.add_document(key="one", text=written, text_exact=written)
    parser = ArabicQueryParser("text", index.schema, phrase_field="text_exact")
    with index.searcher() as searcher:
        return len(searcher.search(parser.parse(typed))) == 1
