"""Light stemming: proclitics and suffixes cut without a dictionary, every reading kept.

A light stemmer cuts affixes without a dictionary. Where a cut is ambiguous it
does not guess: ``stems`` gives every reading, the index stores them all at the
word's position, and a query word matches a document word when they share one.
"""

from __future__ import annotations

import functools

from pyarabic import araby

from .function_words import is_stop_word
from .lexicon import is_noun, takes_feminine
from .normalization import normalize, strip_marks

# Proclitics written glued to the next word: a conjunction (و ف), then a
# preposition (ب ك ل), then the article ال. When ل precedes ال the alef is not
# written: ل + الجزائر = للجزائر, ل + اللجنة = للجنة.
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")
_SHORTEST_STEM = 2


@functools.lru_cache(maxsize=65536)
def proclitic_readings(word: str) -> tuple[tuple[int, str], ...]:
    """Each way to read a normalised word as proclitics plus a remainder.

    Gives ``(prefix_length, remainder)`` pairs, the remainder as it would be
    written on its own; the word itself comes first with a prefix length of 0.
    A remainder shorter than two letters is never proposed. Cached: a text's
    words repeat, and linking asks for every one of them.
    """
    readings: dict[str, int] = {}
    for conjunction in _CONJUNCTIONS:
        for preposition in _PREPOSITIONS:
            prefix = conjunction + preposition
            rest = word[len(prefix) :]
            if not word.startswith(prefix) or len(rest) < _SHORTEST_STEM:
                continue
            candidates = [rest]
            if preposition == "ل" and rest.startswith("ل"):
                candidates += ["ا" + rest, "ال" + rest]
            for candidate in candidates:
                readings.setdefault(candidate, len(prefix))
    return tuple((length, candidate) for candidate, length in readings.items())


# Guards, each against a trap a naive stemmer falls into:
# - No stem is shorter than three letters (two after the article), because most
#   Arabic roots have three: "بيان" keeps its ان (not "بي"), "سنة" its ة (not
#   "سن", tooth), "تبون" its ون, "الأمين" stays apart from "الأمن".
# - A single proclitic (و ف ب ك ل) is only one reading: "وزير" is indexed as both
#   "وزير" and "زير", so "الوزير" (whose stem is "وزير") still meets it. Lucene
#   strips the و and loses "الوزير"; it never strips ب ك ل and loses "لتبون".
# - Frequent words whose first letter only looks like a proclitic are never
#   split, so "وزارة" (ministry) is not read as و + "زارة" and never meets "زار"
#   (visited), nor "بيان" (statement) "يان", nor "لجنة" (committee) "جنة".
# - Names of countries that end like a suffix keep it: "لبنان" is not "لبن"
#   (milk), "السودان" not "سود" (black), "البحرين" not "بحر" (sea).
# - A joined compound name is never stemmed: "نورالدين" does not lose its ين.

_STEM_MIN = 3
_AFTER_ARTICLE_MIN = 2
# Checked in this order, each at most once: pronouns, the plural of verbs
# ("بحثوا"), then plural and dual endings. A final ي stays: it is the nisba
# ("عسكري", military) far more often than a pronoun, and the adjective is
# not its base noun ("عسكر", soldiers).
_SUFFIXES = tuple(normalize(suffix) for suffix in "هما كما ها هم هن كم نا ه وا تين تان ات ون ين ان".split())
# The plural ون follows participles of four letters or more ("مسؤولون",
# "ساهدون"); three letters and ون are mostly one word ("تعاون", "قانون"). The
# dual ين and ان do follow three letters ("البلدين", "الطرفان").
_SHORTEST_BEFORE = {"ون": _STEM_MIN + 1}
_PRONOUNS = frozenset(normalize(suffix) for suffix in "هما كما ها هم هن كم نا ه".split())
_TAA = normalize("ة")
_NISBA = "ي"
# The article with what may precede it; "لل" is ل + ال, or ل before a word that
# starts with ل ("لليبيا"), so both readings are kept.
_ARTICLES = ("ولل", "فلل", "وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "لل", "ال")
_PROCLITICS = ("وب", "وك", "ول", "فب", "فك", "فل", "و", "ف", "ب", "ك", "ل")
# Never cut: countries that end like a suffix, and the names of the archive's
# people and places that would be cut to a common word ("الدبيبة" is not
# "دبيب", creeping; "سيالة" not "سيال", fluid).
_UNCUT = frozenset(
    normalize(word)
    for word in """
    الله لبنان سودان عمان إيران يابان يونان باكستان أفغانستان بحرين فلسطين
    تونس كردستان أذربيجان الشيشان
    دبيبة سيالة
    """.split()
)
# Nouns whose ة is part of them, missing from the lexicon beside an adjective
# that would claim them: "قاعدة" (a base) is not the feminine of "قاعد" (sitting).
_OWN_TAA = frozenset(normalize(word) for word in "قاعدة".split())


def _cut_suffixes(word: str) -> tuple[str, ...]:
    """The word without its suffixes, plus a second reading where a pronoun
    followed a taa marbuta ("حكومتها" is "حكومة" + ها, so it meets "حكومة")."""
    if word in _UNCUT or word.endswith("ستان"):
        return (word,)
    readings = []
    for suffix in _SUFFIXES:
        if suffix == "ان" and _is_ifaal(word):
            continue
        if word.endswith(suffix) and len(word) - len(suffix) >= _SHORTEST_BEFORE.get(suffix, _STEM_MIN):
            rest = word[: -len(suffix)]
            if suffix == _TAA:
                word, *others = _taa_or_pronoun(word)
                readings += others
                if word != rest:
                    break
            elif suffix in ("تين", "تان"):
                return (*_cut_suffixes(rest + _TAA), *readings)
            elif suffix == "ات":
                word, *others = _feminine_plural(rest)
                readings += others
            else:
                word = rest
            if (
                suffix in _PRONOUNS
                and rest.endswith("ت")
                and not rest.endswith("ات")
                and len(rest) > _STEM_MIN
            ):
                readings += _cut_suffixes(rest[:-1] + _TAA)
    return tuple(dict.fromkeys((word, *readings)))


def _taa_or_pronoun(word: str) -> tuple[str, ...]:
    """A word ending in ه (a taa marbuta, or the pronoun "his"), read as the lexicon says.

    The nisba keeps its ي ("العسكرية" is عسكري); a noun of the lexicon keeps
    its ة ("حكومة", "منظمة" beside the participle منظم), unless the word
    without it is a noun too ("وفده" is also وفد + his); an adjective that
    takes ة loses it ("كبيرة" is كبير); any other word is read both ways
    ("بلاده" is بلاد + his).
    """
    rest = word[:-1]
    if rest.endswith(_NISBA):
        return (rest,)
    if word in _OWN_TAA:
        return (word,)
    if is_noun(word):
        return (rest, word) if is_noun(rest) and not takes_feminine(rest) else (word,)
    if takes_feminine(rest):
        return (rest,)
    return (rest, word)


def _feminine_plural(rest: str) -> tuple[str, ...]:
    """The singular of a plural in ات, without its ات: "حكومات" is حكومة, "اجتماعات" اجتماع."""
    if rest.endswith(_NISBA) or (is_noun(rest) and not is_noun(rest + _TAA)):
        return (rest,)
    if is_noun(rest + _TAA):
        return (rest + _TAA,)
    return (rest, rest + _TAA)


def _is_ifaal(word: str) -> bool:
    """Whether a word has the shape إفعال, whose final ان belongs to the root when
    the root ends in ن: "إعلان" (declaration) is not "أعلى" (highest) + ان."""
    return len(word) == 5 and word[0] == "ا" and word[3:] == "ان"


_NOT_PROCLITIC = frozenset(
    _cut_suffixes(normalize(word))[0]
    for word in """
    وزير وزارة وزراء وزاري وفد وطن وطني وقت وضع وكالة وكيل ولاية والي وسط وسيط
    وساطة وثيقة وثائق وحدة واحد وحيد وجود وصول ورقة وعد وفاة وقف واقع وجهة ورشة وسيلة وسائل
    وارد وفق وقع ولد فريق فرنسا فترة فكرة فرصة فقط فصل فوز فندق فلسطين
    بيان بلد بلاد بلدية بحث بنك برلمان برنامج بعثة بريطانيا بروكسل بكين بيروت
    لقاء لجنة ليبيا لبنان لندن لغة لواء كتاب كلمة كبير كبار كندا كتلة كامل كافة بناء بيئة
    كمال كريم بشير بلال فيصل فؤاد فاطمة وليد وائل لطفي
    """.split()
)


# Words whose spelling with ى is another word than with ي, both in the lexicon:
# "المبنى" (the building) and "المبني" (built on), "المنفى" (exile) and
# "المنفي" (al-Menfi, a name), "القوى" (the powers) and "القوي" (strong).
# Chosen by hand among the lexicon's pairs, which also hold mere variants of
# one word ("فتاوى", "فتاوي"). Normalised, that is with ي.
_SPELT_WITH_MAQSURA = frozenset(normalize(word) for word in "مبنى معنى مستوى منفى قوى غنى منحنى".split())


@functools.lru_cache(maxsize=1 << 17)
def stems(word: str, accusative: bool = False, maqsura: bool = False) -> tuple[str, ...]:
    """Every stem a normalised word can be read as, the likeliest first.

    ``accusative`` says the written word ended in tanween fath ("رئيساً"): its
    final alef is the case ending, not part of the word. ``maqsura`` says it
    ended in ى, which keeps a word of ``_SPELT_WITH_MAQSURA`` apart from its
    twin in ي. Cached, because a text's words repeat far more than they vary.
    """
    readings = _stems(word, accusative)
    if not maqsura:
        return readings
    return tuple(
        reading[:-1] + araby.ALEF_MAKSURA if reading in _SPELT_WITH_MAQSURA else reading
        for reading in readings
    )


def _stems(word: str, accusative: bool) -> tuple[str, ...]:
    if accusative and word.endswith("ا") and len(word) > _STEM_MIN:
        word = word[:-1]
    if word in _UNCUT:
        return (word,)
    for article in _ARTICLES:
        rest = word[len(article) :]
        if word.startswith(article) and len(rest) >= _AFTER_ARTICLE_MIN:
            readings = _cut_suffixes(rest)
            if article.endswith("لل"):
                readings += _cut_suffixes("ل" + rest)
            return tuple(dict.fromkeys(readings))
    readings = _cut_suffixes(word)
    for proclitic in _PROCLITICS:
        rest = word[len(proclitic) :]
        # The last letter taken as a proclitic must not begin a word that owns it.
        owner = word[len(proclitic) - 1 :]
        if (
            word.startswith(proclitic)
            and len(rest) >= _STEM_MIN
            and _cut_suffixes(owner)[0] not in _NOT_PROCLITIC
        ):
            readings += _cut_suffixes(rest)
    return tuple(dict.fromkeys(readings))


@functools.lru_cache(maxsize=1 << 17)
def bare_forms(word: str) -> tuple[str, ...]:
    """The word without the proclitics glued to it: each run of them, outermost first, and the article.

    What a quoted phrase accepts for a word typed without them: "والاتفاقيه"
    gives "الاتفاقيه" and "اتفاقيه", so the phrase "الاتفاقية الأمنية" finds
    "والاتفاقية الأمنية". A proclitic is taken off only where ``stems`` would
    take it: never from a word that owns the letter ("وزير" gives nothing).
    A function word gives only function words ("وفي" gives "في").
    """
    if word in _UNCUT:
        return ()
    forms = [
        rest
        for length, rest in proclitic_readings(word)[1:]
        if (len(rest) >= _STEM_MIN or is_stop_word(rest))
        and _cut_suffixes(word[length - 1 :])[0] not in _NOT_PROCLITIC
    ]
    forms += [
        form[2:]
        for form in (word, *forms)
        if form.startswith("ال") and len(form) - 2 >= _AFTER_ARTICLE_MIN and form not in _UNCUT
    ]
    if is_stop_word(word):
        forms = [form for form in forms if is_stop_word(form)]
    return tuple(dict.fromkeys(form for form in forms if form != word))


def ends_with_maqsura(written: str) -> bool:
    """Whether a word as written ends in alef maqsura ("المبنى"), marks and tatweel aside."""
    return strip_marks(written).endswith(araby.ALEF_MAKSURA)


def is_accusative(word: str, written: str) -> bool:
    """Whether a normalised word's final alef is the tanween fath of its written form ("رئيساً")."""
    return word.endswith("ا") and araby.FATHATAN in written[-2:]
