"""Words that say which country a word names, and when a country's name names something else.

Nationality adjectives and the countries they name, a country's official name, a country's
name inside another's ("جنوب السودان"), before "العاصمة", or read as an adjective, and the
country a body is said to be in or to rule. Each list is data, written as a reader writes it
and normalised once here; each test takes a normalised word (with any proclitic) and answers
for the word without it. The linker (``archive.linking_rules``) decides with them; this module
only knows Arabic.
"""

from __future__ import annotations

from collections.abc import Iterator

from .function_words import is_stop_word
from .name_cues import bare_readings, cue_words
from .normalization import normalize

# Nationality adjectives (nisba) and the country each names: "المجلس الرئاسي
# اليمني" is Yemen's council, "طرابلس اللبنانية" the Lebanese city. Written
# without the article, in the masculine; "اليمنية", "يمنيون" read as "يمني".
_NATIONALITIES = {
    normalize(adjective): normalize(country)
    for adjective, country in [
        ("ليبي", "ليبيا"),
        ("جزائري", "الجزائر"),
        ("تونسي", "تونس"),
        ("مغربي", "المغرب"),
        ("موريتاني", "موريتانيا"),
        ("مصري", "مصر"),
        ("سوداني", "السودان"),
        ("تشادي", "تشاد"),
        ("نيجري", "النيجر"),
        ("مالي", "مالي"),
        ("يمني", "اليمن"),
        ("سوري", "سوريا"),
        ("عراقي", "العراق"),
        ("لبناني", "لبنان"),
        ("فلسطيني", "فلسطين"),
        ("أردني", "الأردن"),
        ("سعودي", "السعودية"),
        ("قطري", "قطر"),
        ("إماراتي", "الإمارات"),
        ("كويتي", "الكويت"),
        ("بحريني", "البحرين"),
        ("عماني", "عمان"),
        ("صومالي", "الصومال"),
        ("تركي", "تركيا"),
        ("إيراني", "إيران"),
        ("فرنسي", "فرنسا"),
        ("إيطالي", "إيطاليا"),
        ("روسي", "روسيا"),
        ("أمريكي", "الولايات المتحدة"),
        ("بريطاني", "بريطانيا"),
        ("إسباني", "إسبانيا"),
        ("ألماني", "ألمانيا"),
        ("بلجيكي", "بلجيكا"),
    ]
}
_NISBA_ENDINGS = ("", "ه", "ون", "ين")


def nationality(word: str) -> str | None:
    """The normalised name of the country a nationality adjective names, or None.

    "الليبية" and "الليبيين" name ليبيا; a word that is no nationality names none.
    """
    for rest in bare_readings(word):
        for ending in _NISBA_ENDINGS:
            country = _NATIONALITIES.get(rest[: len(rest) - len(ending)]) if rest.endswith(ending) else None
            if country:
                return country
    return None


# A republic's official name is "الجمهورية" and the feminine of its adjective: "الجمهورية
# التونسية" is تونس, "الجمهورية الجزائرية" الجزائر (its longer name goes on with
# "الديمقراطية الشعبية", which the shorter already names).
_REPUBLIC = normalize("الجمهورية")


def republic_names(country: str) -> Iterator[list[str]]:
    """The normalised words of "الجمهورية" and the adjective of a normalised country's name."""
    for adjective, named in _NATIONALITIES.items():
        if named == country and " " not in adjective:
            yield [_REPUBLIC, "ال" + adjective + "ه"]


# Countries whose name holds another country's: "جنوب السودان" is not السودان.
# Written as two words: the word before the name, and the name.
_COUNTRIES_HOLDING_A_COUNTRY = frozenset({(normalize("جنوب"), normalize("السودان"))})


def part_of_another_country(before: str, name: str) -> bool:
    """Whether a normalised country's name, after the word ``before``, is part of another country's name."""
    return any((rest, name) in _COUNTRIES_HOLDING_A_COUNTRY for rest in bare_readings(before))


# A country's name followed by "العاصمة" is the capital that shares its name: "تونس العاصمة",
# "الكويت العاصمة", "جيبوتي العاصمة" are cities, as the press writes them to tell them apart.
_CAPITAL = normalize("العاصمة")


def names_the_capital(word_after: str) -> bool:
    """Whether the normalised word after a country's name makes it the capital city of that name."""
    return word_after == _CAPITAL


# A country's name ending in يا is spelt as the indefinite accusative of its adjective once the
# tanween is left unwritten: "استقبل وفدا ليبيا" is a Libyan delegation, "اتخذ موقفا تركيا"
# a Turkish stance. After an indefinite noun written with the accusative alef, the name is that
# adjective. Adverbs in the accusative ("زار مؤخرا ليبيا"), function words ("أما ليبيا"), a
# word itself in يا ("ولليبيا فلليبيا", "رسميا") and a verb or noun ending in an attached
# pronoun or the plural's alef ("عرفتها ليبيا", "زارنا", "زاروا ليبيا") are no such noun.
_ACCUSATIVE_ADVERBS = cue_words(
    """
    مؤخرا حاليا سابقا لاحقا رسميا مجددا أخيرا غدا قريبا تقريبا فعلا مرارا يوميا سنويا شهريا
    أسبوعيا جدا دائما أبدا معا كثيرا قليلا خصوصا تحديدا أولا ثانيا ثالثا عموما
    """
)


_NO_ACCUSATIVE_ENDINGS = ("يا", "ها", "نا", "وا", "ما")


def is_accusative_adjective(before: str, name: str) -> bool:
    """Whether a normalised country's name ending in يا, after the word ``before``, is an adjective."""
    return (
        name.endswith("يا")
        and len(before) > 2
        and before.endswith("ا")
        and not before.endswith(_NO_ACCUSATIVE_ENDINGS)
        and not before.startswith("ال")
        and before not in _ACCUSATIVE_ADVERBS
        and not is_stop_word(before)
    )


# A body or a place followed by "في" or "ب" and a country's name is that country's: "البرلمان
# الانتقالي في مالي", "مجلس السيادة بالسودان". A compass word may stand between ("في شمال
# العراق"), and "في جنوب السودان" names South Sudan. A country spelt like a capital city is left
# out, as the body may have met there: "اجتمع المجلس في تونس" (Tunis), "في الكويت", "في عمان" (Amman).
_IN = normalize("في")
_COMPASS = cue_words("شمال جنوب شرق غرب وسط")
_CAPITAL_NAMESAKES = cue_words("الجزائر تونس الكويت جيبوتي عمان")
_COUNTRY_NAMES = frozenset(name for name in _NATIONALITIES.values() if " " not in name) - _CAPITAL_NAMESAKES


def country_in(following: list[str]) -> str | None:
    """The normalised country named by "في" or "ب" and its name at the start of the normalised words ``following``.

    ["في", "اليمن"] and ["باليمن"] give اليمن, ["في", "جنوب", "السودان"] جنوب السودان; none
    when the words place nothing in a country, or in one spelt like a capital city.
    """
    if not following:
        return None
    first, rest = following[0], following[1:]
    if first == _IN and rest:
        first, rest = rest[0], rest[1:]
    elif first.startswith("ب") and len(first) > 3:
        first = first[1:]
    else:
        return None
    if first in _COMPASS and rest:
        if part_of_another_country(first, rest[0]):
            return f"{first} {rest[0]}"
        first = rest[0]
    return first if first in _COUNTRY_NAMES else None


# A country's name followed by another country's nationality is another place's name: "الكونغو
# البلجيكي" was a colony, "الصومال الإيطالي" another. After a border noun the nationality is the
# border's ("حدود ليبيا المصرية" are Libya's borders with Egypt), and "المالية" after a country's
# name is more often financial than Malian ("موارد تونس المالية").
_BORDERS = cue_words("حدود تخوم")
_COUNTRIES_OF_A_COMMON_ADJECTIVE = cue_words("مالي")


def names_another_place(before: str, country: str, after: str) -> bool:
    """Whether a normalised country's name, between the words ``before`` and ``after``, is part of another place's name."""
    named = nationality(after)
    return (
        named is not None
        and named != country
        and named not in _COUNTRIES_OF_A_COMMON_ADJECTIVE
        and not any(rest in _BORDERS for rest in bare_readings(before))
    )


# A body followed by a relative clause saying it ruled or led a country is that country's: "المجلس
# العسكري الذي حكم موريتانيا", "الحكومة التي تتولى إدارة السودان". A noun of rule may stand between
# the verb and the country ("الذي تولى قيادة تشاد"). Here a country spelt like its capital is the
# country: a body rules a country, not a city.
_RELATIVES = cue_words("الذي التي")
_VERBS_OF_RULE = cue_words(
    "حكم حكمت يحكم تحكم قاد قادت يقود تقود تولى تولت يتولى تتولى أدار أدارت يدير تدير ترأس يترأس"
)
_NOUNS_OF_RULE = cue_words("قيادة حكم رئاسة إدارة شؤون زمام مقاليد")
_EVERY_COUNTRY = frozenset(_NATIONALITIES.values())


def country_ruled(following: list[str]) -> str | None:
    """The normalised country a relative pronoun and a verb of rule, opening ``following``, say was ruled.

    ["الذي", "حكم", "تشاد"] and ["التي", "تولت", "قيادة", "تشاد"] give تشاد; none when the
    words say nothing of ruling a country.
    """
    if len(following) < 3 or following[0] not in _RELATIVES or following[1] not in _VERBS_OF_RULE:
        return None
    ruled = following[2:]
    if ruled[0] in _NOUNS_OF_RULE and len(ruled) > 1:
        ruled = ruled[1:]
    return ruled[0] if ruled[0] in _EVERY_COUNTRY else None


# A woman may be named after a country, as many are in the Maghreb: after a form of address the
# name is hers ("قالت الحاجة تونس إن المحصول تراجع", "الخالة ليبيا"). "السيدة" is left out:
# "سيدة ليبيا الأولى" is the country's first lady.
_FORMS_OF_ADDRESS = cue_words("حاج حاجة خالة")


def names_a_person(word_before: str) -> bool:
    """Whether the normalised word before a country's name is a form of address, making it a person's name."""
    return any(rest in _FORMS_OF_ADDRESS for rest in bare_readings(word_before))


# A province may bear a country's name: "ولاية النيجر" is a Nigerian state, "ولاية تونس" the
# governorate of the capital, "إقليم تشاد" a region of a neighbour. "ولاية" is also a mandate,
# whose holder a country may be; a mandate is held in a body, so "في" after the name leaves it
# the country's: "ولاية الجزائر في مجلس الأمن".
_PROVINCES = cue_words("ولاية إقليم")


def names_a_province(word_before: str, word_after: str) -> bool:
    """Whether a normalised country's name, between ``word_before`` and ``word_after``, names a province."""
    return word_after != _IN and any(rest in _PROVINCES for rest in bare_readings(word_before))
