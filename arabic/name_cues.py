"""Words around a name that say whose name it is: titles, given names, features, nationalities.

Each list is data, written as a reader writes it and normalised once here;
each test takes a normalised word (with any proclitic, "وبحيرة", "والرئيس")
and answers for the word without it. The linker (``archive.linking_rules``)
decides with them; this module only knows Arabic.
"""

from __future__ import annotations

from collections.abc import Iterator

from pyarabic import araby

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
    الطيب العربي الهادي الصادق المهدي الأمين المنتصر
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
