"""archive.latin_names: a query typed in Latin letters is answered with the names whose Latin
spellings it resembles, over the seed entities and their press spellings."""

from __future__ import annotations

import pytest

from archive.latin_names import MOST_WORDS, is_latin, latin_words, resembling
from archive.models import Alias, Person


def names(text: str) -> list[str]:
    return [found.entity.name for found in resembling(text)]


@pytest.mark.parametrize(
    ("typed", "first", "why"),
    [
        ("Tebbune", "عبد المجيد تبون", "a letter left out"),
        ("tebboune", "عبد المجيد تبون", "the press's spelling, in lower case"),
        ("Abdelmajid Tebboun", "عبد المجيد تبون", "both words near"),
        ("Dbeiba", "عبد الحميد الدبيبة", "the last letter left out"),
        ("Boukadom", "صبري بوقادوم", "a letter left out"),
        ("ALGERIE", "الجزائر", "the French name without its accent, in capitals"),
        ("Algérie", "الجزائر", "the French name with its accent"),
        ("Libia", "ليبيا", "a letter replaced"),
    ],
)
def test_a_latin_name_near_a_press_spelling_names_the_entity_first(seeded, typed, first, why):
    assert names(typed)[:1] == [first], why


def test_each_name_comes_with_its_likest_latin_spelling(seeded):
    [found] = resembling("Tebbune")
    assert found.spelling == "Tebboune"


@pytest.mark.parametrize(
    "typed",
    ["Trump", "", "   ", "al el of", "2021", "تبون", "<>&\"'", "\x00\x1f", "x" * 10_000],
    ids=["unlike", "empty", "spaces", "short-words", "digits", "arabic", "signs", "control", "10000-letters"],
)
def test_nothing_like_a_latin_spelling_names_nothing(seeded, typed):
    assert resembling(typed) == []


def test_markup_around_a_name_is_read_as_words_and_the_name_found_first(seeded):
    found = resembling("<script>alert('Tebbune')</script>")
    assert (found[0].entity.name, found[0].spelling) == ("عبد المجيد تبون", "Tebboune")
    assert all(Alias.objects.filter(entity=item.entity, name=item.spelling).exists() for item in found)


def test_the_latin_words_of_mixed_scripts_are_read_and_the_arabic_ones_left(seeded):
    assert names("Tebbune تبون")[:1] == ["عبد المجيد تبون"]
    assert latin_words("Tebbune تبون Algérie ١٢") == ["tebbune", "algerie"]


def test_a_long_query_reads_a_bounded_number_of_its_words(seeded):
    """A thousand words cost as much as six: a name past them is not read."""
    filler = [f"qx{chr(97 + index % 26)}{chr(97 + index // 26 % 26)}" for index in range(1000)]
    assert names(" ".join([*filler[:MOST_WORDS], "Tebbune"])) == []
    assert names(" ".join(["Tebbune", *filler])) == ["عبد المجيد تبون"]
    assert names("Tebbune " * 2000) == ["عبد المجيد تبون"]


def test_names_are_at_most_the_limit_and_best_first(seeded):
    found = names("Union")
    assert 1 < len(found) <= 5
    assert len(names("Union Tebbune Libia Dbeiba Algerie Boukadom")) == 5


def test_an_entity_no_article_mentions_is_not_offered(seeded):
    unmentioned = Person.objects.create(name="تبون آخر")
    Alias.objects.create(entity=unmentioned, name="Tebbune")
    assert "تبون آخر" not in names("Tebbune")


@pytest.mark.parametrize(
    ("typed", "latin"),
    [
        ("Tebboune", True),
        ("<b>Tebboune</b>", True),
        ("تبون", False),
        ("Tebboune تبون", False),
        ("2021", False),
    ],
)
def test_a_query_is_latin_with_latin_letters_and_no_arabic_ones(typed, latin):
    assert is_latin(typed) is latin
