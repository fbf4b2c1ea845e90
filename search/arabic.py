"""Arabic text handling for the whole archive: one definition of "the same word".

No Django: text in; normalised words, stems and Whoosh tokens out. The admin's
search, entity linking and the search index all import it, so a spelling that
meets another here meets it everywhere. In order: normalisation, words, stop
words, light stemming, compound names, and the Whoosh analyzer composed of them.

Normalisation is one ``str.translate`` table built from PyArabic's character
constants (calling PyArabic once per word is far slower and gives the same
result), applied character by character so that every normalised character can
be traced back to its offset in the original text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from pyarabic import araby
from whoosh.analysis import Filter, Token, Tokenizer

# Characters that carry no meaning for matching and are dropped: the harakat and
# shadda (PyArabic's TASHKEEL), tatweel, the superscript alef, Quranic annotation
# marks (U+0610-U+061A, U+06D6-U+06ED), and invisible format characters that a
# copy from a web page or a word processor leaves inside words: zero-width
# (U+200B-U+200D, U+FEFF), bidi marks and embeddings (U+200E-U+200F,
# U+202A-U+202E, U+2066-U+2069, U+061C) and the soft hyphen.
_DROPPED = (
    "".join(araby.TASHKEEL)
    + araby.TATWEEL
    + araby.SMALL_ALEF
    + "".join(map(chr, range(0x0610, 0x061B)))
    + "".join(map(chr, range(0x06D6, 0x06EE)))
    + "\u200b\u200c\u200d\ufeff\u200e\u200f\u061c\u00ad"
    + "".join(map(chr, range(0x202A, 0x202F)))
    + "".join(map(chr, range(0x2066, 0x206A)))
)

_FOLDED = {
    # Alef with hamza or madda, and alef wasla, are written as bare alef by most
    # typists (Lucene's ArabicNormalizationFilter does the same).
    araby.ALEF_MADDA: araby.ALEF,
    araby.ALEF_HAMZA_ABOVE: araby.ALEF,
    araby.ALEF_HAMZA_BELOW: araby.ALEF,
    araby.ALEF_WASLA: araby.ALEF,
    # Alef maqsura is typed as yaa ("على" / "علي"); taa marbuta as haa.
    araby.ALEF_MAKSURA: araby.YEH,
    araby.TEH_MARBUTA: araby.HEH,
    # Hamza on waw and on yaa are both standard spellings of one word in
    # different countries ("مسؤول" in the Maghreb and the Gulf, "مسئول" in
    # Egypt): both become the bare hamza so that the two spellings meet.
    araby.WAW_HAMZA: araby.HAMZA,
    araby.YEH_HAMZA: araby.HAMZA,
    # Persian and Urdu look-alikes that keyboards outside the Arab world produce.
    "\u06a9": araby.KAF,  # keheh
    "\u06cc": araby.YEH,  # farsi yeh
    "\u06d2": araby.YEH,  # yeh barree
    "\u06be": araby.HEH,  # heh doachashmee
    "\u06c1": araby.HEH,  # heh goal
    "\u06c0": araby.HEH,  # heh with yeh above
}


def _translation_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(ch): None for ch in _DROPPED}
    table.update({ord(src): dst for src, dst in _FOLDED.items()})
    # Arabic-Indic and Eastern Arabic-Indic digits read as the same numbers.
    for western, *others in zip("0123456789", araby.NUMBERS_EAST, "۰۱۲۳۴۵۶۷۸۹", strict=True):
        table.update({ord(other): western for other in others})
    # Presentation forms (ligatures such as ﻻ, isolated and final letter shapes)
    # come from old PDFs; their compatibility decomposition is the plain letters.
    for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)]:
        plain = unicodedata.normalize("NFKC", chr(code))
        if plain != chr(code):
            table[code] = plain.translate(table)
    return table


_TABLE = _translation_table()
_IGNORABLE = frozenset(_DROPPED)
# Characters whose normal form is not exactly one character: the dropped ones,
# the ligatures, and U+0130 (İ), the one letter whose lower case is two.
_RESIZED_CHARS = "".join(chr(code) for code, to in _TABLE.items() if to is None or len(to) != 1) + "\u0130"
_RESIZED = re.compile(f"[{re.escape(_RESIZED_CHARS)}]")
_WORD = re.compile(r"[^\W_]+")


def normalize(text: str) -> str:
    """Fold the spellings of one word into one form, and Latin into lower case."""
    return text.translate(_TABLE).lower()


_MARKS_ONLY = {ord(char): None for char in _DROPPED}


def strip_marks(text: str) -> str:
    """Drop diacritics, tatweel and invisible characters, keeping every letter as written."""
    return text.translate(_MARKS_ONLY)


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` and give, for each output character, its index in ``text``."""
    pieces: list[str] = []
    offsets: list[int] = []
    cursor = 0
    # Runs between resized characters keep their length, so they map one to one.
    for match in _RESIZED.finditer(text):
        index = match.start()
        piece = normalize(text[index])
        pieces += [normalize(text[cursor:index]), piece]
        offsets += [*range(cursor, index), *[index] * len(piece)]
        cursor = index + 1
    pieces.append(normalize(text[cursor:]))
    offsets += range(cursor, len(text))
    return "".join(pieces), offsets


@dataclass(frozen=True, slots=True)
class Word:
    """A word in normalised form, with its span in the original text."""

    text: str
    start: int
    end: int


def words(text: str) -> Iterator[Word]:
    """The words of ``text``, normalised, with offsets into the original text.

    A span ends after any trailing dropped marks (a final tanween, a tatweel), so
    that it covers the word as the reader sees it.
    """
    for word, start, end in word_spans(text):
        yield Word(word, start, end)


def word_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """``words`` as plain tuples, for the analyzer, which reads millions of them."""
    normalized, offsets = normalize_with_offsets(text)
    length = len(text)
    for match in _WORD.finditer(normalized):
        end = offsets[match.end() - 1] + 1
        while end < length and text[end] in _IGNORABLE:
            end += 1
        yield match.group(), offsets[match.start()], end


_TANWEEN = frozenset((araby.FATHATAN, araby.DAMMATAN, araby.KASRATAN))


def ends_with_tanween(written: str) -> bool:
    """Whether a word as written ends with tanween, the mark of an indefinite noun.

    A proper name with the article or an alef ending never takes it, so "ليبياً"
    ("Libyan", an adverb) is not the country ليبيا.
    """
    stripped = written.rstrip(araby.TATWEEL)
    return bool(stripped) and stripped[-1] in _TANWEEN


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


# Stop words -------------------------------------------------------------------
#
# Function words, written as ``normalize`` writes them. They are indexed like
# any other word, so a quoted phrase that contains one ("الاتفاق على التعاون")
# still matches word for word; the query parser leaves them out of unquoted
# queries, so "في" or "على" never decides which article ranks first.
_STOP_WORDS = frozenset(
    normalize(word)
    for word in """
    في من إلى على عن مع عند لدى منذ حتى خلال بين ضد
    هذا هذه هذان هاتان هؤلاء ذلك تلك أولئك هنا هناك
    الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي
    ما ماذا لماذا كيف متى أين أي كل بعض
    هو هي هم هما هن أنا نحن أنت أنتم
    كان كانت كانوا يكون تكون ليس ليست
    لم لن لا قد لقد سوف أن إن أنه أنها إنه إنها
    أو أم ثم بل لكن كما إذا إذ لو لولا إلا أما أيضا يا
    له لها لهم لهما به بها بهم فيه فيها فيهم منه منها منهم
    عنه عنها عنهم عليه عليها عليهم إليه إليها
    """.split()
)
# "على" (on) and the name "علي" (Ali) are one word once alef maqsura is folded;
# only the spelling with ى is the preposition.
_NAMES_SPELT_LIKE_STOP_WORDS = frozenset({"علي"})
# Each function word also glued to the conjunctions و and ف: "وفي", "فقد".
_STOP_FORMS = frozenset(
    prefix + word for word in _STOP_WORDS - _NAMES_SPELT_LIKE_STOP_WORDS for prefix in ("", "و", "ف")
)
_NAME_FORMS = frozenset(prefix + word for word in _NAMES_SPELT_LIKE_STOP_WORDS for prefix in ("", "و", "ف"))


def is_stop_word(word: str, written: str = "") -> bool:
    """Whether a normalised word is a function word, alone or after و or ف.

    ``written`` is the word as it appears in the text; it tells "على" from "علي".
    """
    if word in _NAME_FORMS:
        return strip_marks(written).endswith(araby.ALEF_MAKSURA)
    return word in _STOP_FORMS


# Light stemming ---------------------------------------------------------------
#
# A light stemmer cuts affixes without a dictionary. Where a cut is ambiguous it
# does not guess: ``stems`` gives every reading, the index stores them all at the
# word's position, and a query word matches a document word when they share one.
#
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
# ("بحثوا"), plural, dual and feminine endings, then the nisba and taa marbuta
# (written ه once normalised).
_SUFFIXES = tuple(
    normalize(suffix) for suffix in "هما كما ها هم هن كم نا ه وا تين تان ات ون ين ان ية ة ي".split()
)
# The plural ون follows participles of four letters or more ("مسؤولون",
# "ساهدون"); three letters and ون are mostly one word ("تعاون", "قانون"). The
# dual ين and ان do follow three letters ("البلدين", "الطرفان").
_SHORTEST_BEFORE = {"ون": _STEM_MIN + 1}
_PRONOUNS = frozenset(normalize(suffix) for suffix in "هما كما ها هم هن كم نا ه ي".split())
# The article with what may precede it; "لل" is ل + ال, or ل before a word that
# starts with ل ("لليبيا"), so both readings are kept.
_ARTICLES = ("ولل", "فلل", "وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "لل", "ال")
_PROCLITICS = ("وب", "وك", "ول", "فب", "فك", "فل", "و", "ف", "ب", "ك", "ل")
_UNCUT = frozenset(
    normalize(word)
    for word in """
    الله لبنان سودان عمان إيران يابان يونان باكستان أفغانستان بحرين فلسطين
    تونس كردستان أذربيجان الشيشان
    """.split()
)


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
            word = word[: -len(suffix)]
            if suffix in _PRONOUNS and word.endswith("ت") and len(word) > _STEM_MIN:
                readings += _cut_suffixes(word[:-1] + "ه")
    return (word, *readings)


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


@functools.lru_cache(maxsize=1 << 17)
def stems(word: str, accusative: bool = False) -> tuple[str, ...]:
    """Every stem a normalised word can be read as, the likeliest first.

    ``accusative`` says the written word ended in tanween fath ("رئيساً"): its
    final alef is the case ending, not part of the word. Cached, because a
    text's words repeat far more than they vary.
    """
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


# Compound names ---------------------------------------------------------------
#
# "عبد المجيد" and "عبدالمجيد", "نور الدين" and "نورالدين", "أبو بكر" and
# "أبوبكر" are one name however they are spaced. The index holds both: a
# joined name also as its two words (so the phrase "عبد المجيد" meets it), and
# two words that form a name also joined (so "عبدالمجيد" meets them). A query
# word is never split: whatever the document's spacing, the index has its form.

_SERVANT = "عبد"  # عبد + a divine name with the article: عبدالله, عبدالمجيد
_KUNYA = frozenset({"ابو", "ابي", "ابا"})  # أبو + a name: أبوبكر, أبوظبي
_HONORIFIC_TAILS = frozenset({"الدين", "الله", "الاسلام"})  # نورالدين, نصرالله


@dataclass(frozen=True, slots=True)
class Compound:
    """A compound name found in one word: where its head ends, and its joined form."""

    split: int
    joined: str


def _joined(head: str, tail: str) -> str:
    # The kunya declines (أبو, أبي, أبا) but the name is one: "أبي بكر" is أبوبكر.
    return ("ابو" if head in _KUNYA else head) + tail


def _compound_of_bare_word(word: str) -> tuple[str, str] | None:
    if word.startswith(_SERVANT + "ال") and len(word) >= len(_SERVANT) + 4:
        return _SERVANT, word[len(_SERVANT) :]
    # At least three letters after the kunya, so "أبواب" (doors) stays a word.
    if word[:3] in _KUNYA and len(word) >= 6:
        return word[:3], word[3:]
    for tail in _HONORIFIC_TAILS:
        head = word[: -len(tail)]
        # "والدين" (parents) and "خالدين" (eternal) end like نورالدين; a head
        # of one letter, with the article, or ending in و is no name.
        if word.endswith(tail) and len(head) >= 2 and not head.startswith("ال") and not head.endswith("و"):
            return head, tail
    return None


@functools.lru_cache(maxsize=1 << 16)
def compound_name(word: str) -> Compound | None:
    """The compound name a normalised word is written as, with any proclitic before it."""
    for prefix_length, rest in proclitic_readings(word):
        parts = _compound_of_bare_word(rest) if word.endswith(rest) else None
        if parts:
            head, tail = parts
            return Compound(prefix_length + len(head), _joined(head, tail))
    return None


def joined_names(first: str, second: str) -> tuple[str, ...]:
    """The compound names two consecutive normalised words make when joined."""
    # Most pairs are no name: rule them out before looking at proclitics.
    if not (first.endswith(_SERVANT) or first[-3:] in _KUNYA or second in _HONORIFIC_TAILS):
        return ()
    if is_stop_word(second) or len(second) < 2:
        return ()
    heads = [rest for _, rest in proclitic_readings(first) if first.endswith(rest)]
    return tuple(
        dict.fromkeys(
            _joined(head, second)
            for head in heads
            if (head == _SERVANT and second.startswith("ال"))
            or head in _KUNYA
            or (second in _HONORIFIC_TAILS and not is_stop_word(head))
        )
    )


# The Whoosh analyzer ----------------------------------------------------------
#
# The analyzer's import path is pickled into the index's schema: after moving or
# renaming anything below, rebuild the index (``manage.py rebuild_index``).


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
    return tuple(spans if query else _split_compounds(value, spans))


def _split_compounds(text: str, spans: Iterator[tuple[str, int, int]]) -> Iterator[tuple[str, int, int]]:
    for word, start, end in spans:
        compound = compound_name(word)
        if compound is None:
            yield word, start, end
        else:
            cut = start + _written_length(text[start:end], compound.split)
            yield word[: compound.split], start, cut
            yield word[compound.split :], cut, end


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


def _written_length(written: str, normalized_length: int) -> int:
    """How many characters of ``written`` make its first ``normalized_length`` normalised ones."""
    produced = 0
    for index, char in enumerate(written):
        if produced >= normalized_length:
            return index
        produced += len(normalize(char))
    return len(written)


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
            if token.function_word and token.text in _NAME_FORMS:
                # Indexed as written, so the preposition "على" never answers a search for "علي".
                token.text = token.text[:-1] + araby.ALEF_MAKSURA
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
                accusative = token.text[-1] == "ا" and araby.FATHATAN in token.written[-2:]
                for stem in stems(token.text, accusative):
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
