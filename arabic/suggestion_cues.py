"""Words that open or close a name the archive does not know yet: titles, heads of bodies, agreements.

The suggester (``archive.suggesting``) reads a title and the name after it, a
ministry's head word and the words that qualify it, an agreement's description
and its year. Each list is data, written as a reader writes it and normalised
once here; each test takes a normalised word, with any proclitic ("والرئيس",
"لمنظمة"), and answers for the word without it. This module only knows Arabic.
"""

from __future__ import annotations

import functools

from .country_cues import nationality
from .dates import MONTH_NAMES, WEEKDAYS
from .lexicon import is_noun, is_plural_noun
from .name_cues import cue_words, is_bare_given_name, is_given_name
from .normalization import normalize, strip_marks
from .stemming import proclitic_readings


def _with_article(bare: frozenset[str]) -> frozenset[str]:
    return bare | {"ال" + word for word in bare}


@functools.lru_cache(maxsize=65536)
def _reading_in(word: str, words: frozenset[str]) -> int | None:
    """The length of the proclitics before a reading of ``word`` found in ``words``, or None.

    Cached: the suggester asks it of every word of a text, once for each list.
    """
    return next((length for length, rest in proclitic_readings(word) if rest in words), None)


# Titles and offices a person's name follows: "استقبل الرئيس محمد ولد الغزواني",
# "وزير الخارجية رمطان لعمامرة", "السفير الجزائري لدى ليبيا سليمان شنين",
# "المبعوث الأممي عبد الله باتيلي", "العقيد محمد الصادق", "السيدة نجلاء بودن".
_PERSON_TITLES = _with_article(
    cue_words(
        """
        رئيس رئيسة نائب وزير وزيرة أمين أمينة مفوض مبعوث مبعوثة سفير سفيرة قنصل مدير مديرة
        ناطق متحدث مستشار مستشارة محافظ والي قائد زعيم عضو نائبة رئيسا رئيسها
        جنرال عقيد لواء مشير فريق عميد رائد ملك أمير شيخ سيد سيدة
        دكتور روائي كاتب صحفي
        """
    )
)


def person_title(word: str) -> int | None:
    """The length of the proclitics before a title or an office a person's name may follow, or None."""
    return _reading_in(word, _PERSON_TITLES)


# Nouns of office and of the people around an office, never the first word of a
# name: "استقبل الرئيس نظيره التونسي", "التقى الوزير وفدا".
_OFFICE_NOUNS = _PERSON_TITLES | _with_article(
    cue_words(
        """
        نظير نظيره نظيرته نظيرها ضيف ضيفه وفد وفدا مسؤول مسؤولين مسؤولون نظراء رؤساء وزراء سفراء
        حكومة دولة جمهورية مملكة رئاسة منصب منصبه حكم ولاية عهدة
        """
    )
)


def office_noun(word: str) -> bool:
    """Whether a normalised word names an office or its holder, not a person."""
    return _reading_in(word, _OFFICE_NOUNS) is not None


# Words of an office between its title and the holder's name, besides those with
# the article: "الفريق أول", "رئيس أركان الجيش", "الناطق باسم الوزارة", "السفير
# لدى ليبيا", "المبعوث إلى ليبيا", "رئيس مجلس النواب".
_OFFICE_WORDS = cue_words("أول أركان باسم")
# Prepositions that place an office; the word after them belongs to it too.
_OFFICE_PLACES = cue_words("لدى إلى")


def office_place(word: str) -> bool:
    """Whether a normalised word places an office ("السفير لدى ليبيا"), taking the next word with it."""
    return word in _OFFICE_PLACES


def office_word(word: str) -> bool:
    """Whether a normalised word without the article may stand between a title and a name."""
    return word in _OFFICE_WORDS or office_noun(word) or organization_head(word) is not None


# Head words of a body's name, qualified by what follows: "وزارة الخارجية
# التونسية", "مجلس النواب الليبي", "بعثة الأمم المتحدة للدعم في ليبيا",
# "المفوضية الوطنية العليا للانتخابات", "حزب جبهة التحرير الوطني".
_ORGANIZATION_HEADS = _with_article(
    cue_words(
        """
        وزارة مجلس بعثة هيئة منظمة جهاز لجنة حزب حركة مؤسسة وكالة اتحاد حكومة مفوضية
        محكمة مصرف بنك شركة جبهة جمعية صندوق برلمان مديرية رابطة نقابة منتدى تحالف غرفة
        """
    )
)


# Head words of a newspaper's, a channel's or a news site's name, which may be a proper name
# without the article: "صحيفة الخبر", "صحيفة لوفيغارو", "قناة ليبيا الأحرار", "بوابة الوسط".
_MEDIA_HEADS = _with_article(cue_words("صحيفة جريدة قناة مجلة إذاعة بوابة فضائية"))
_BODY_HEADS = _ORGANIZATION_HEADS | _MEDIA_HEADS


def organization_head(word: str) -> int | None:
    """The length of the proclitics before a body's or an outlet's head word ("لمنظمة" gives 1), or None."""
    return _reading_in(word, _BODY_HEADS)


def media_head(word: str) -> int | None:
    """The length of the proclitics before a media outlet's head word ("لصحيفة" gives 1), or None."""
    return _reading_in(word, _MEDIA_HEADS)


# The adjective of the United Nations: after a body's head it says which known body is meant, as
# a nationality does ("الحكومة الليبية"), and names none: "الوكالة الأممية", "البعثة الأممية".
_OF_THE_UNITED_NATIONS = _with_article(cue_words("أممي أممية"))


def of_the_united_nations(word: str) -> bool:
    """Whether a normalised word is the adjective of the United Nations, "الأممية" or "والأممي"."""
    return _reading_in(word, _OF_THE_UNITED_NATIONS) is not None


# Head words of an agreement, and the second word of a two-word one: "اتفاقية
# التعاون الأمني الموقعة سنة 2012", "مذكرة تفاهم في مجال الطاقة الموقعة عام 2022".
_AGREEMENT_HEADS = _with_article(cue_words("اتفاق اتفاقية معاهدة بروتوكول ميثاق"))
_AGREEMENT_PAIRS = {_with_article(cue_words("مذكرة")): _with_article(cue_words("تفاهم"))}


@functools.lru_cache(maxsize=65536)
def agreement_head(word: str, following: str = "") -> tuple[int, int] | None:
    """(proclitic length, words) of an agreement's head at ``word``, its next word ``following``, or None."""
    length = _reading_in(word, _AGREEMENT_HEADS)
    if length is not None:
        return length, 1
    for heads, seconds in _AGREEMENT_PAIRS.items():
        length = _reading_in(word, heads)
        if length is not None and following in seconds:
            return length, 2
    return None


# What an agreement's description holds between its subject and its year:
# "بين البلدين الموقعة في 12 أوت 2012", "الموقع عام 2001".
_AGREEMENT_PARTIES = cue_words("بين البلدين الطرفين الجانبين الدولتين")
_AGREEMENT_SIGNING = cue_words("الموقع الموقعة الموقعين الموقعتين المبرم المبرمة")
_AGREEMENT_WHEN = cue_words("في سنة عام بتاريخ")
_MONTHS = frozenset(normalize(word) for names in MONTH_NAMES for name in names for word in name.split())


def agreement_parties(word: str) -> bool:
    return word in _AGREEMENT_PARTIES


def agreement_signing(word: str) -> bool:
    return word in _AGREEMENT_SIGNING


def agreement_when(word: str) -> bool:
    """Whether a normalised word stands before an agreement's date: في، سنة، عام، a month."""
    return word in _AGREEMENT_WHEN or word in _MONTHS


# Words that end a name: verbs of reporting and of visits, words of time, the
# adverbs and prepositions that the function words leave out, and the adjectives
# that follow a name. "وصل الوزير محمد الحافي أمس", "التقى السفير علي بودن الأحد",
# "عاد الزعيم علي سالم بعد سنوات", "الإفراج عن هانيبال القذافي المحتجز في لبنان",
# "مجلس السلم والأمن التابع للاتحاد الإفريقي".
# Verbs are written in the past (masculine and feminine) and the present.
_VERBS = cue_words(
    """
    قال قالت يقول تقول أكد أكدت يؤكد تؤكد أعلن أعلنت يعلن تعلن أضاف أضافت يضيف تضيف
    أوضح أوضحت يوضح توضح أشار أشارت يشير تشير دعا دعت يدعو تدعو شدد شددت يشدد تشدد
    استقبل استقبلت يستقبل تستقبل التقى التقت يلتقي تلتقي بحث بحثت يبحث تبحث زار زارت يزور تزور
    وصل وصلت يصل تصل غادر غادرت يغادر تغادر صرح صرحت يصرح تصرح اعتبر اعتبرت يعتبر تعتبر
    أعرب أعربت يعرب تعرب أجرى أجرت يجري تجري ترأس ترأست يترأس تترأس تلقى تلقت يتلقى تتلقى
    عقد عقدت يعقد تعقد وقع وقعت يوقع توقع جدد جددت يجدد تجدد نقل نقلت ينقل تنقل
    يقوم تقوم قام قامت سيتوجه سيزور سيلتقي توجه توجهت يتوجه عاد عادت يعود تعود
    """
)
_TIME_WORDS = (
    cue_words(
        """
        اليوم أمس غدا الليلة صباح مساء الأسبوع الشهر العام السنة سنة عام الماضي الماضية المقبل المقبلة
        الجاري الحالي الحالية مؤخرا لاحقا سابقا أيضا
        """
    )
    | cue_words(" ".join(WEEKDAYS))
    | _MONTHS
)
_ADVERBS = cue_words("بعد قبل عبر حول دون نحو أمام خلف وراء عقب إثر رغم بسبب ضمن حيث برفقة بحضور آخر أخرى")
_AFTER_NAMES = cue_words(
    """
    السابق السابقة الأسبق الجديد الجديدة المحتجز المعتقل المقيم المكلف المكلفة المعين المعينة
    المنتخب المنتخبة المؤقت المؤقتة الراحل الراحلة التابع التابعة
    """
)


# Shapes of words a name never holds, besides those listed: the present tense of the verbs whose
# stem takes ت or ست ("تتناول", "يتابع", "تستضيف", "يستعرض"); the verbal noun on the pattern
# تفعيل ("تعزيز", "تأمين"), as in "بحث الوزير مع السفير سبل تعزيز التعاون", unless it is a given
# name ("توفيق"); and a long plural in ات whose singular the lexicon holds ("أجرى الوزير علي
# الطاهر محادثات", "مشاورات"), where a shorter one may be a family name ("عرفات", "بركات").
_PRESENT_PREFIXES = ("تت", "يت")
_PRESENT_PREFIXES_OF_ISTAFAL = ("تست", "يست")
_TAFIL = 5  # ت ف ع ي ل
_LONGEST_PLURAL_NAME = 6


def _shaped_like_no_name(word: str) -> bool:
    return (
        (word.startswith(_PRESENT_PREFIXES) and len(word) >= 5)
        or (word.startswith(_PRESENT_PREFIXES_OF_ISTAFAL) and len(word) >= 6)
        or (len(word) == _TAFIL and word[0] == "ت" and word[3] == "ي" and not is_bare_given_name(word))
        or (len(word) > _LONGEST_PLURAL_NAME and is_plural_noun(word))
    )


def ends_a_name(word: str) -> bool:
    """Whether a normalised word is a verb, a word of time, an adverb or an adjective a name never holds."""
    return any(
        rest in _VERBS
        or rest in _TIME_WORDS
        or rest in _ADVERBS
        or rest in _AFTER_NAMES
        or _shaped_like_no_name(rest)
        for _, rest in proclitic_readings(word)
    )


def definite(word: str) -> bool:
    """Whether a normalised word carries the article, alone or after a proclitic ("للانتخابات")."""
    return any(rest.startswith("ال") and len(rest) > 3 for _, rest in proclitic_readings(word))


def glued_definite(word: str) -> bool:
    """Whether a normalised word is the article after a glued proclitic ("والتهيئة", "للدولة"), never a name's."""
    return not word.startswith("ال") and definite(word)


def prepositional(word: str, written: str, first: bool) -> bool:
    """Whether a word as written is ب (or, opening a name, ل) and a feminine noun: "بجائزة", "لمنطقة".

    Such a word is a phrase no name is; inside a name ل may begin a surname ("رمطان لعمامرة"),
    and so may بو ("ناصر بوريطة").
    """
    bare = strip_marks(written)
    if not first and bare.startswith("بو"):
        return False  # a Maghrebi surname opens with بو (أبو): "ناصر بوريطة", "صبري بوقادوم"
    return bare.startswith("ب" if not first else ("ب", "ل")) and bare.endswith("ة") and len(word) >= 5


# Words of lineage that join the next word to them: "فرحات بن قدارة", "محمد ولد الغزواني".
_LINEAGE = cue_words("بن ابن بنت ولد")


def lineage(word: str) -> bool:
    """Whether a normalised word is بن, ابن, بنت or ولد, which opens a name's next part."""
    return word in _LINEAGE


def given_name_before_lineage(word: str) -> bool:
    """Whether a normalised word with the article, right before بن or ولد, is the given name the name opens with.

    "المختار ولد داداه" and "الشاذلي بن علي" open with it. The word may as well end the office,
    the family name then opening with بن or ولد ("الرئيس الأسبق بن علي", "المندوب الدائم بن
    جامع", "الرئيس الموريتاني ولد الغزواني"): a given name it is, or a word that is no noun or
    adjective of the lexicon, no nationality, no title and no word after a name.
    """
    if not word.startswith("ال"):
        return False
    if is_given_name(word):
        return True
    rest = word[2:]
    common = is_noun(rest) or (rest.endswith("ه") and is_noun(rest[:-1]))
    return not (common or nationality(word) or person_title(word) is not None or ends_a_name(word))


# Nouns of movement after "حركة": there it is traffic, not a movement's name: "حركة العبور",
# "حركة المسافرين والبضائع", "حركة الملاحة الجوية". A movement is named after an idea:
# "حركة مجتمع السلم", "حركة النهضة".
_TRAFFIC = cue_words(
    """
    العبور المرور السير التنقل المسافرين البضائع الملاحة النقل الطيران الشاحنات السيارات
    القطارات السفن الأشخاص الأموال الهجرة النزوح التجارة الأسعار السياح
    """
)
_MOVEMENT = _with_article(cue_words("حركة"))


def traffic(head: str, following: str) -> bool:
    """Whether a body's head, read with ``following`` after it, is traffic: "حركة العبور"."""
    return _reading_in(head, _MOVEMENT) is not None and following in _TRAFFIC
