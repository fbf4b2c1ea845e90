"""Namesakes: a country's, a place's or a body's name that, by the words around it, names something else.

``archive.linking_rules`` asks this module of every match that is not a family name alone,
with the words beside it (normalised, none across punctuation), read with the cues of
``arabic.name_cues`` and ``arabic.country_cues``:

- a country's name after a river, a lake or a basin ("نهر النيجر", "بحيرة تشاد"), inside
  another country's name ("جنوب السودان"), before another country's nationality ("الصومال
  الإيطالي") or "العاصمة" ("تونس العاصمة"), after a province ("ولاية النيجر") or a form of
  address ("الحاجة تونس", a woman), or in يا after an indefinite accusative noun ("وفدا ليبيا");
- a country's or a city's name after a channel, a newspaper, a street, a building, a fair, a club
  or a company ("قناة ليبيا الأحرار", "مطار طرابلس", "مولودية وهران", "شركة ليبيا للاتصالات"),
  a city's before the masculine "الدولي" ("ماراثون وهران الدولي") or after a gulf ("خليج سرت"),
  and either after a declaration before the words that say it was issued ("إعلان نواكشوط
  الصادر"); either quoted with a number is a ship's, a satellite's or a plan's («تونس 3»);
- a body's name before a sport ("الاتحاد الإفريقي لكرة القدم"), a trade it unites ("الاتحاد
  العربي للمحامين") or a qualifier of another body ("الجامعة العربية الافتراضية");
- a body or a place of one country followed by another country's nationality ("المجلس
  الرئاسي اليمني"), by "في" and another country's name ("المجلس الرئاسي في العراق"), or by a
  clause saying it ruled another country ("المجلس العسكري الذي حكم تشاد"), is that country's,
  and a joint body recorded without a country, followed by the nationality of a country the
  archive records nothing of ("اللجنة الكبرى المشتركة الجزائرية التونسية"), is that country's.
"""

from __future__ import annotations

import re

from arabic.country_cues import (
    country_in,
    country_ruled,
    is_accusative_adjective,
    names_a_person,
    names_a_province,
    names_another_place,
    names_the_capital,
    nationality,
    part_of_another_country,
)
from arabic.name_cues import (
    completes_a_things_name,
    names_a_citys_feature,
    names_a_document,
    names_a_feature,
    names_a_sport,
    names_a_thing_called_after,
    names_another_body,
    names_its_members,
    shaped_like_an_adjective,
)
from arabic.normalization import Word

# Kinds that belong to one country, and so are not another country's.
NATIONAL_KINDS = frozenset({"organization", "place"})
# Kinds whose name a ship, a satellite or a plan takes.
_PLACE_KINDS = frozenset({"country", "place"})
# Quotation marks the press opens and closes a title with: «», “” and straight ones.
_OPENING_QUOTE = re.compile(r"[«“\"]\s*$")
_CLOSING_QUOTE = re.compile(r"^\s*[»”\"]")


def names_something_else(
    kind: str,
    country: str,
    shared_by: frozenset[str],
    name: list[str],
    before: list[str],
    following: list[str],
    quoted: bool = False,
) -> bool:
    """Whether a name of ``kind`` (its normalised words ``name``) names something else.

    ``country`` is its entity's country and ``shared_by`` a joint body's countries; ``before``
    the words before the name, nearest first, ``following`` those after it, and ``quoted``
    whether it is quoted with a number (``quoted_with_a_number``).
    """
    word_before = before[0] if before else ""
    after = following[0] if following else ""
    if quoted and kind in _PLACE_KINDS:
        return True
    if kind == "country":
        return (
            names_the_capital(after)
            or names_another_place(word_before, country, after)
            or names_a_document(word_before, after)
            or names_a_province(word_before, after)
            or bool(
                word_before
                and (
                    names_a_feature(word_before)
                    or names_a_thing_called_after(word_before)
                    or names_a_person(word_before)
                    or part_of_another_country(word_before, name[0])
                    or is_accusative_adjective(word_before, name[0])
                )
            )
        )
    if kind == "place":
        one_word = len(name) == 1  # "معبر تنلكوم الدولي" is the crossing's own name
        if (
            names_a_thing_called_after(word_before)
            or names_a_citys_feature(word_before)
            or names_a_document(word_before, after)
            or (one_word and completes_a_things_name(word_before, after))
        ):
            return True
    if kind == "organization" and (
        names_a_sport(after) or names_another_body(after) or names_its_members(after)
    ):
        return True
    if shared_by:
        countries = [nationality(word) for word in following[:2]]
        return any(named is not None and named not in shared_by for named in countries)
    if kind in NATIONAL_KINDS and country:
        return _another_countrys(country, name, following)
    return False


def _another_countrys(own: str, name: list[str], following: list[str]) -> bool:
    """A body or a place of the country ``own`` named as another country's.

    By that country's nationality right after it ("المجلس الرئاسي اليمني"), by "في" or "ب"
    and its name, right after it or after one adjective ("رئيس البرلمان في مالي", "الحكومة
    الانتقالية في تشاد"), or by a clause saying it ruled that country ("المجلس العسكري الذي
    حكم تشاد"), unless its own name says its country ("... الليبي في العراق").
    """
    country = nationality(following[0]) if following else None
    if country is not None:
        return country != own
    if any(nationality(word) == own for word in name):
        return False
    if ruled := country_ruled(following):
        return ruled != own
    if following and shaped_like_an_adjective(following[0]):
        following = following[1:]
    country = country_in(following)
    return country is not None and country != own


def quoted_with_a_number(text: str, tokens: list[Word], first: int, last: int) -> bool:
    """Whether words ``first`` to ``last`` open a quotation that a number closes: «الجزائر 2».

    A name quoted with a number is what is called after it, a ship, a satellite or a plan
    («ليبيا 1», «تونس 2030»); unquoted, the number may count the country's deeds ("زارها 3 مرات").
    """
    number = last + 1
    if number >= len(tokens) or not tokens[number].text.isdigit():
        return False
    opening = text[tokens[first - 1].end if first else 0 : tokens[first].start]
    closing = text[tokens[number].end : tokens[number + 1].start if number + 1 < len(tokens) else len(text)]
    return bool(_OPENING_QUOTE.search(opening) and _CLOSING_QUOTE.search(closing))
