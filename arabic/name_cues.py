"""Words around a name that say whose name it is: titles, given names, features, nationalities.

Each list is data, written as a reader writes it and normalised once here;
each test takes a normalised word (with any proclitic, "وبحيرة", "والرئيس")
and answers for the word without it. The linker (``archive.linking_rules``)
decides with them; this module only knows Arabic.
"""

from __future__ import annotations

from collections.abc import Iterator

from pyarabic import araby

from .function_words import is_stop_word
from .normalization import normalize, strip_marks
from .stemming import proclitic_readings, stems


def _normalized(text: str) -> frozenset[str]:
    return frozenset(normalize(word) for word in text.split())


def _bare(word: str) -> Iterator[str]:
    """The word and what is left of it without its proclitics and article."""
    for _, rest in proclitic_readings(word):
        yield rest
        if rest.startswith("ال") and len(rest) > 3:
            yield rest[2:]


# Titles, offices and honorifics written before a surname: "الرئيس تبون", "وزير
# الخارجية بوقادوم", "رئيس الحكومة الدبيبة", "العقيد القذافي", "السيد الدرامشي". A title names a person only
# when the person's own role says it (``title_stems``); "الروائي الكوني" is not
# the deputy of the presidential council, whose role does not say روائي.
_TITLES = frozenset(
    stem
    for word in """
    الرئيس رئيس رئيسة نائب الوزير وزير وزيرة الأمين أمين المفوض مفوض المبعوث مبعوث
    السفير سفير المدير مدير الجنرال العقيد اللواء المشير الفريق العميد الملك الأمير الشيخ
    السيد السيدة
    """.split()
    for stem in stems(normalize(word))
)


def title_stems(word: str) -> frozenset[str]:
    """The stems of a normalised word that name a title or an office, none if it is no title."""
    return frozenset(stems(word)) & _TITLES


# Given names a family name follows: "سيف الإسلام القذافي", "إبراهيم الدبيبة",
# "خالد تبون" are a son, a cousin, a son, not the entity whose surname alone
# is an alias. Compound given names (عبد الحميد, نور الدين) are found by
# ``arabic.compounds``, not listed.
_GIVEN_NAMES = _normalized(
    """
    محمد أحمد محمود مصطفى علي عمر عثمان خالد إبراهيم إسماعيل يوسف موسى عيسى يحيى
    حسن حسين سعيد سعد سالم سليمان صالح صبري كمال جمال رشيد رضا رمضان عادل عماد عمار
    فايز فتحي فرج فيصل فؤاد قاسم لطفي مراد مختار منصور ناصر نبيل هشام وليد ياسين
    أسامة أنور بشير بلال توفيق جلال حمزة حمدي رياض زياد سامي سمير شكري طارق عبد
    عز عصام عمرو كريم مالك مجدي معمر مهدي نجيب نوري هاني هانيبال الساعدي المعتصم سيف
    الطيب العربي الهادي الصادق المهدي الأمين المنتصر السعيد الأسعد
    قيس رمطان لخضر بلقاسم مولود عمار الشريف
    فاطمة عائشة خديجة مريم زينب نجلاء سلوى ليلى سعاد حنان أمينة صفية هدى نادية
    """
)


def is_given_name(word: str) -> bool:
    """Whether a normalised word is a given name, alone or after و ف ب ك ل."""
    return any(rest in _GIVEN_NAMES for rest in _bare(word))


def is_bare_given_name(word: str) -> bool:
    """Whether a normalised word, as it stands, with no proclitic read off it, is a given name."""
    return word in _GIVEN_NAMES


# A country's name after one of these is part of another place's name: "نهر
# النيجر" is a river, "بحيرة تشاد" a lake, "حوض النيجر" a basin, none of them
# the country. "جمهورية النيجر" and "دولة ليبيا" are the country.
_FEATURES = _normalized(
    """
    نهر أنهار بحيرة حوض دلتا وادي صحراء خليج جبل جبال هضبة واحة بحر منابع ضفاف شط سبخة
    """
)


def names_a_feature(word: str) -> bool:
    """Whether a normalised word is a river, a lake or another feature a country's name may follow."""
    return any(rest in _FEATURES for rest in _bare(word))


# A name right after one of these is part of the name of a thing called after it: "قناة ليبيا
# الأحرار" is a television channel, "صحيفة الجزائر" a newspaper, "ملعب القذافي" a stadium,
# "شارع تونس" a street. None of them is the country or the person. Media owned by a state
# are written with its adjective ("التلفزيون الجزائري"), which is no name, so no outlet here
# takes a state's own name; "إذاعة" and "تلفزيون" are left out, as "إذاعة الجزائر" is the state's.
_NAMED_AFTER = _normalized(
    """
    قناة فضائية صحيفة جريدة مجلة يومية أسبوعية
    ملعب شارع نهج ساحة ميدان مطار ميناء مسجد جامع ثانوية مدرسة مستشفى قاعة حي
    """
)


def names_a_thing_called_after(word: str) -> bool:
    """Whether a normalised word is a channel, a newspaper, a street or a building that a name may follow."""
    return any(rest in _NAMED_AFTER for rest in _bare(word))


# A country's name followed by "العاصمة" is the capital that shares its name: "تونس العاصمة",
# "الكويت العاصمة", "جيبوتي العاصمة" are cities, as the press writes them to tell them apart.
_CAPITAL = normalize("العاصمة")


def names_the_capital(word_after: str) -> bool:
    """Whether the normalised word after a country's name makes it the capital city of that name."""
    return word_after == _CAPITAL


# A body's name followed by a sport is that sport's federation: "الاتحاد الإفريقي لكرة القدم"
# (the football confederation) is not the African Union, "الاتحاد العربي لألعاب القوى" not a
# union of states. Written as the word after the body's name reads without its ل.
_SPORTS = _normalized(
    """
    كرة ألعاب رياضة الرياضة الرياضات الملاكمة المصارعة الجيدو الكاراتيه التنس السباحة
    الدراجات الفروسية الشطرنج الرماية الجمباز الشراع التجذيف الجولف
    """
)


def names_a_sport(word_after: str) -> bool:
    """Whether the normalised word after a body's name is a sport, "لكرة" or "للملاكمة"."""
    return any(rest in _SPORTS for rest in _bare(word_after))


# A country's name ending in يا is spelt as the indefinite accusative of its adjective once the
# tanween is left unwritten: "استقبل وفدا ليبيا" is a Libyan delegation, "اتخذ موقفا تركيا"
# a Turkish stance. After an indefinite noun written with the accusative alef, the name is that
# adjective. Adverbs in the accusative ("زار مؤخرا ليبيا"), function words ("أما ليبيا"), a
# word itself in يا ("ولليبيا فلليبيا", "رسميا") and a verb or noun ending in an attached
# pronoun or the plural's alef ("عرفتها ليبيا", "زارنا", "زاروا ليبيا") are no such noun.
_ACCUSATIVE_ADVERBS = _normalized(
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


# Countries whose name holds another country's: "جنوب السودان" is not السودان.
# Written as two words: the word before the name, and the name.
_COUNTRIES_HOLDING_A_COUNTRY = frozenset({(normalize("جنوب"), normalize("السودان"))})


def part_of_another_country(before: str, name: str) -> bool:
    """Whether a normalised country's name, after the word ``before``, is part of another country's name."""
    return any((rest, name) in _COUNTRIES_HOLDING_A_COUNTRY for rest in _bare(before))


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
    ]
}
_NISBA_ENDINGS = ("", "ه", "ون", "ين")


def nationality(word: str) -> str | None:
    """The normalised name of the country a nationality adjective names, or None.

    "الليبية" and "الليبيين" name ليبيا; a word that is no nationality names none.
    """
    for rest in _bare(word):
        for ending in _NISBA_ENDINGS:
            country = _NATIONALITIES.get(rest[: len(rest) - len(ending)]) if rest.endswith(ending) else None
            if country:
                return country
    return None


# Common words a surname meets once alef maqsura is folded into yaa: "المنفى"
# (exile) is written with ى, the surname "المنفي" with ي. Written as the
# common word is; only that spelling is the common word.
_COMMON_WORDS = frozenset(strip_marks(word) for word in "منفى".split())


def is_common_word(written: str) -> bool:
    """Whether a word as written (with any proclitic) is a common word that a surname is spelt like."""
    bare = strip_marks(written)
    if not bare.endswith(araby.ALEF_MAKSURA):
        return False
    return any(bare.endswith(word) and len(bare) - len(word) <= 3 for word in _COMMON_WORDS)


def press_spellings(tokens: list[str], family_name: bool) -> Iterator[list[str]]:
    """Other spellings the press gives a normalised name, word by word.

    Hamza on a yaa seat is often typed as a bare yaa ("الرياسي" for
    "الرئاسي"), and a family name often loses its article after a given name
    ("عبد الحميد دبيبة"). Only the last word of a name of two words or more
    loses it: a surname alone without it ("منفي") is a common word.
    """
    hamza_free = [token.replace(araby.HAMZA, araby.YEH) for token in tokens]
    if hamza_free != tokens:
        yield hamza_free
    last = tokens[-1]
    if family_name and len(tokens) > 1 and last.startswith("ال") and len(last) > 4:
        yield [*tokens[:-1], last[2:]]


# Qualifiers the press drops from the end of a body's name once the reader knows it: "حكومة
# الوفاق" for حكومة الوفاق الوطني, "حكومة الوحدة" for حكومة الوحدة الوطنية. Only a name of three
# words or more loses one, so that two words stay to name the body.
_DROPPED_QUALIFIERS = _normalized("الوطني الوطنية")


def short_forms(tokens: list[str]) -> Iterator[list[str]]:
    """Shorter spellings the press gives a body's normalised name: without a last "الوطني"."""
    if len(tokens) > 2 and tokens[-1] in _DROPPED_QUALIFIERS:
        yield tokens[:-1]


def family_name_of(tokens: list[str]) -> str | None:
    """The family name a person's normalised full name ends with, when it can stand alone.

    "نجلاء المنقوش" gives "المنقوش" and "نور الدين مقري" gives "مقري"; a last word that is a
    given name ("خالد حسن") or too short to tell from a common word gives none.
    """
    if len(tokens) < 2:
        return None
    last = tokens[-1]
    bare = last[2:] if last.startswith("ال") else last
    if len(bare) < 4 or is_bare_given_name(last) or is_bare_given_name(bare):
        return None
    return last


# A republic's official name is "الجمهورية" and the feminine of its adjective: "الجمهورية
# التونسية" is تونس, "الجمهورية الجزائرية" الجزائر (its longer name goes on with
# "الديمقراطية الشعبية", which the shorter already names).
_REPUBLIC = normalize("الجمهورية")


def republic_names(country: str) -> Iterator[list[str]]:
    """The normalised words of "الجمهورية" and the adjective of a normalised country's name."""
    for adjective, named in _NATIONALITIES.items():
        if named == country and " " not in adjective:
            yield [_REPUBLIC, "ال" + adjective + "ه"]


# A joint body's name says it is shared: "اللجنة الأمنية المشتركة", "المجلس المشترك".
# Followed by two nationalities ("المشتركة الجزائرية التونسية"), it is those countries' body.
_JOINT = _normalized("المشتركة المشترك")


def is_joint(tokens: list[str]) -> bool:
    """Whether a body's normalised name, word by word, says the body is shared by countries."""
    return any(token in _JOINT for token in tokens)


# Nouns of a reign: a family name after them is the ruler's, whatever else the text says: "في عهد
# القذافي", "أيام بوتفليقة", "نظام القذافي".
_REIGN = _normalized("عهد حكم نظام أيام زمن")


def names_a_reign(word: str) -> bool:
    """Whether a normalised word is a reign or a regime, which a ruler's family name follows."""
    return any(rest in _REIGN for rest in _bare(word))
