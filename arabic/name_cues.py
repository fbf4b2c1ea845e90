"""Words around a name that say whose name it is: titles, given names, families, features, things named after it.

Each list is data, written as a reader writes it and normalised once here;
each test takes a normalised word (with any proclitic, "وبحيرة", "والرئيس")
and answers for the word without it. Which country a word names is
``arabic.country_cues``'s. The linker (``archive.linking_rules``)
decides with them; this module only knows Arabic.
"""

from __future__ import annotations

from collections.abc import Iterator

from pyarabic import araby

from .normalization import normalize, strip_marks
from .stemming import proclitic_readings, stems


def cue_words(text: str) -> frozenset[str]:
    """The words of a list of cues, normalised, to look a written word up in."""
    return frozenset(normalize(word) for word in text.split())


def bare_readings(word: str) -> Iterator[str]:
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


# Honorifics, and "نظير" (counterpart), say that a person holds an office without saying which: a
# family name after them is a person's whatever the person's role ("السيد العلوي", "التقى الوزير
# نظيره الحجري"), where a title must agree with the role.
_HONORIFICS = frozenset(stem for word in "السيد السيدة نظير نظيرة".split() for stem in stems(normalize(word)))


def is_honorific(word: str) -> bool:
    """Whether a normalised word ("والسيد", "نظيرته") is an honorific or a counterpart, which fits any person."""
    return bool(frozenset(stems(word)) & _HONORIFICS)


# Given names a family name follows: "سيف الإسلام القذافي", "إبراهيم الدبيبة",
# "خالد تبون" are a son, a cousin, a son, not the entity whose surname alone
# is an alias. Compound given names (عبد الحميد, نور الدين) are found by
# ``arabic.compounds``, not listed.
_GIVEN_NAMES = cue_words(
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
    return any(rest in _GIVEN_NAMES for rest in bare_readings(word))


def is_bare_given_name(word: str) -> bool:
    """Whether a normalised word, as it stands, with no proclitic read off it, is a given name."""
    return word in _GIVEN_NAMES


# Words for a family, a clan or a tribe: a family name after them names the family, not the one
# member the archive knows: "أسرة العلوي رفعت دعوى", "قبيلة الحجري", "آل الصباح". Words of one
# person's kin ("نجل", "أبناء") are left out: "أبناء العلوي" names him as their father.
_FAMILIES = cue_words("عائلة عائلات أسرة آل قبيلة عشيرة")


def names_a_family(word: str) -> bool:
    """Whether a normalised word is a family, a clan or a tribe, whose name a family name may be."""
    return any(rest in _FAMILIES for rest in bare_readings(word))


# A country's name after one of these is part of another place's name: "نهر
# النيجر" is a river, "بحيرة تشاد" a lake, "حوض النيجر" a basin, none of them
# the country. "جمهورية النيجر" and "دولة ليبيا" are the country.
_FEATURES = cue_words(
    """
    نهر أنهار بحيرة حوض دلتا وادي صحراء خليج جبل جبال هضبة واحة بحر منابع ضفاف شط سبخة
    """
)


def names_a_feature(word: str) -> bool:
    """Whether a normalised word is a river, a lake or another feature a country's name may follow."""
    return any(rest in _FEATURES for rest in bare_readings(word))


# A city lends its name to the features around it: "خليج سرت" is a gulf and "حوض مرزق" a
# sedimentary basin, not the towns. An oasis is the exception: "واحة سيوة" is the town and its
# palm groves together, so the city stays named.
_CITY_FEATURES = _FEATURES - cue_words("واحة")


def names_a_citys_feature(word: str) -> bool:
    """Whether a normalised word is a gulf, a basin or another feature a city's name may follow."""
    return any(rest in _CITY_FEATURES for rest in bare_readings(word))


# Words for a district, a town or a village: a family name after them names a place called after a
# family or a tribe, as many are in Libya: "اشتباكات في منطقة العلوي", "سكان بلدة الحجري". Only in
# the construct, without the article ("المنطقة" ends a phrase), and only before a family name:
# "مدينة طرابلس" is the city itself.
_SETTLEMENTS = cue_words("منطقة بلدة قرية ضاحية مدينة")


def names_a_settlement(word: str) -> bool:
    """Whether a normalised word ("بمنطقة", "وقرية") is a district, a town or a village, in the construct."""
    return any(rest in _SETTLEMENTS for _, rest in proclitic_readings(word))


# A name right after one of these is part of the name of a thing called after it: "قناة ليبيا
# الأحرار" is a television channel, "صحيفة الجزائر" a newspaper, "ملعب القذافي" a stadium,
# "شارع تونس" a street; so is a city's name after them: "مطار وهران", "معرض قسنطينة", "جامعة
# سطيف", "صالون عنابة للكتاب", and a sports club's: "مولودية وهران", "الأهلي بنغازي", "نادي
# باريس" (the creditors' club). None of them is the country, the city or the person. Media owned by a state
# are written with its adjective ("التلفزيون الجزائري"), which is no name, so no outlet here
# takes a state's own name; "إذاعة" and "تلفزيون" are left out, as "إذاعة الجزائر" is the state's.
_NAMED_AFTER = cue_words(
    """
    قناة فضائية صحيفة جريدة مجلة يومية أسبوعية
    ملعب شارع نهج ساحة ميدان مطار ميناء مسجد جامع ثانوية مدرسة مستشفى قاعة حي
    معرض مهرجان جامعة صالون
    مولودية أهلي شبيبة نادي أولمبي
    """
)
# A company is called after a country only in the construct: "شركة ليبيا للاتصالات" is a
# company, but with the article the country is the verb's object ("أبلغت الشركة تونس بقرارها").
_NAMED_AFTER_IN_CONSTRUCT = cue_words("شركة")


def names_a_thing_called_after(word: str) -> bool:
    """Whether a normalised word is a channel, a newspaper, a street or a building that a name may follow."""
    return any(rest in _NAMED_AFTER for rest in bare_readings(word)) or any(
        rest in _NAMED_AFTER_IN_CONSTRUCT for _, rest in proclitic_readings(word)
    )


# A city's name is feminine, so the masculine "الدولي" right after it agrees with the noun before
# it, whose name the city's completes: "مهرجان قرطاج الدولي", "ماراثون وهران الدولي". After a
# crossing the adjective is the crossing's, which may be the place itself ("منفذ الحدود الدولي").
_INTERNATIONAL = normalize("الدولي")
_CROSSINGS = cue_words("معبر منفذ")


def completes_a_things_name(word_before: str, word_after: str) -> bool:
    """Whether the normalised word after a city's name makes it part of a fair's, an airport's or a festival's."""
    return word_after == _INTERNATIONAL and not any(rest in _CROSSINGS for rest in bare_readings(word_before))


# A body's name followed by a sport is that sport's federation: "الاتحاد الإفريقي لكرة القدم"
# (the football confederation) is not the African Union, "الاتحاد العربي لألعاب القوى" not a
# union of states. Written as the word after the body's name reads without its ل.
_SPORTS = cue_words(
    """
    كرة ألعاب رياضة الرياضة الرياضات الملاكمة المصارعة الجيدو الكاراتيه التنس السباحة
    الدراجات الفروسية الشطرنج الرماية الجمباز الشراع التجذيف الجولف
    """
)


def names_a_sport(word_after: str) -> bool:
    """Whether the normalised word after a body's name is a sport, "لكرة" or "للملاكمة"."""
    return any(rest in _SPORTS for rest in bare_readings(word_after))


# A body's name followed by ل and the people it gathers is their union, not the body: "الاتحاد
# العربي للصحفيين", "المجلس الإفريقي لرجال الأعمال", "الاتحاد المغاربي للفلاحين". Written without
# the article. The ل must be there: "دعا الاتحاد الإفريقي رجال الأعمال" calls on them. A verb of
# giving may still put them after the body ("منح الاتحاد الأوروبي للمزارعين قروضا"), so the list
# holds trades and professions, which a union is named after, and no group as wide as the youth.
_MEMBERS = cue_words(
    """
    أرباب رجال سيدات عمال شغل صحفيين صحافيين محامين قضاة أطباء صيادلة مهندسين فلاحين
    مزارعين طلبة كتاب أدباء ناشرين مقاولين مصدرين مستثمرين تجار حرفيين معلمين
    """
)


def names_its_members(word_after: str) -> bool:
    """Whether the normalised word after a body's name is ل and a trade it unites: "لأرباب", "للمحامين"."""
    return word_after.startswith("ل") and any(rest in _MEMBERS for rest in bare_readings(word_after))


# A country's or a city's name after a word for a declaration, a charter or a process names that
# text, called after where it was agreed: "ميثاق الرباط الذي أقره المؤتمرون", "إعلان نواكشوط
# الصادر عن القمة". Only when a relative pronoun or a participle of issuing follows: without them
# the word is a verbal noun whose subject the country is ("رحبت بإعلان تونس استعدادها للوساطة" is
# Tunisia announcing). They are masculine, agreeing with the text's noun: "التي" or "الصادرة"
# agrees with a country or a city, feminine, which is then the subject ("بإعلان تونس التي
# تستضيف القمة"). "اتفاق" is left out: "اتفاق الجزائر الموقع مع مالي" is Algeria's agreement.
_DOCUMENTS = cue_words("إعلان ميثاق مسار")
_ISSUED = cue_words("الذي الموقع الصادر المنبثق الختامي المعتمد")


def names_a_document(word_before: str, word_after: str) -> bool:
    """Whether a normalised name between ``word_before`` and ``word_after`` names a declaration or a charter."""
    return word_after in _ISSUED and any(rest in _DOCUMENTS for rest in bare_readings(word_before))


# Qualifiers that make a body's name another body's: "الجامعة الإسلامية المفتوحة" is a
# university, "الأكاديمية العربية الافتراضية" a school, "الحكومة الموازية" a rival of the
# recognised one. Written as the word after the body's name.
_OTHER_BODIES = cue_words("المفتوحة المفتوح الافتراضية الافتراضي الموازية الموازي")


def names_another_body(word_after: str) -> bool:
    """Whether the normalised word after a body's name makes it the name of another body."""
    return word_after in _OTHER_BODIES


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


# The shapes of an adjective a family name may have: a nisba ("الكوني", "المنفي", feminine in
# "ية") or a passive participle on the pattern مفعول ("المنقوش", "المحجوب", "المبروك"). Right
# after a definite noun such a word is that noun's adjective: "البعد الكوني", "اللوح المنقوش".
_PARTICIPLE_LENGTH = 5  # م ف ع و ل


def shaped_like_an_adjective(word: str) -> bool:
    """Whether a normalised word, as it stands, is definite and shaped like a nisba or a passive participle."""
    stem = word[2:]
    if not word.startswith("ال") or len(stem) < 3:
        return False
    participle = len(stem) == _PARTICIPLE_LENGTH and stem[0] == "م" and stem[3] == "و"
    return stem.endswith(("ي", "يه")) or participle


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
_DROPPED_QUALIFIERS = cue_words("الوطني الوطنية")


def short_forms(tokens: list[str]) -> Iterator[list[str]]:
    """Shorter spellings the press gives a body's normalised name: without a last "الوطني"."""
    if len(tokens) > 2 and tokens[-1] in _DROPPED_QUALIFIERS:
        yield tokens[:-1]


# An agreement recorded by an indefinite name ("مشروع اتفاقية ثنائية لمكافحة التهريب") is written
# definite once the article speaks of it: "مشروع الاتفاقية الثنائية لمكافحة التهريب", "الاتفاقية
# الثنائية لمكافحة التهريب". The indefinite words before its remit (ل, ب, في, مع, بين or حول
# and what follows) take the article, from the second word (the construct: "مذكرة التفاهم") or
# from the first. Only a name of four words or more that goes on with a remit: "اتفاقية التعاون
# الأمني" alone is any such agreement, and a definite word ("اتفاقية اتحاد المغرب العربي") is
# part of a proper name, which keeps its shape.
_REMIT_STARTS = cue_words("في مع بين حول")
_SHORTEST_DESCRIBED = 4


def _opens_a_remit(word: str) -> bool:
    return word in _REMIT_STARTS or (word.startswith(("ل", "ب")) and not word.startswith("ال"))


def definite_forms(tokens: list[str]) -> Iterator[list[str]]:
    """Spellings the press gives an agreement's indefinite normalised name, made definite."""
    head = 0
    while head < len(tokens) and not (tokens[head].startswith("ال") or _opens_a_remit(tokens[head])):
        head += 1
    if (
        len(tokens) < _SHORTEST_DESCRIBED
        or head < 2
        or head == len(tokens)
        or not _opens_a_remit(tokens[head])
    ):
        return
    for first in (1, 0):
        yield [*tokens[:first], *("ال" + token for token in tokens[first:head]), *tokens[head:]]


def other_forms(kind: str, tokens: list[str]) -> Iterator[list[str]]:
    """The shorter or definite spellings the press gives a normalised name of an entity of ``kind``."""
    if kind == "organization":
        yield from short_forms(tokens)
    elif kind == "agreement":
        yield from definite_forms(tokens)


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


# A joint body's name says it is shared: "اللجنة الأمنية المشتركة", "المجلس المشترك".
# Followed by two nationalities ("المشتركة الجزائرية التونسية"), it is those countries' body.
_JOINT = cue_words("المشتركة المشترك")


def is_joint(tokens: list[str]) -> bool:
    """Whether a body's normalised name, word by word, says the body is shared by countries."""
    return any(token in _JOINT for token in tokens)


# Nouns of a reign: a family name after them is the ruler's, whatever else the text says: "في عهد
# القذافي", "أيام بوتفليقة", "نظام القذافي". So after the verb of ruling carrying its object, whose
# subject the family name then is: "البلاد التي حكمها بوتفليقة عشرين عاما". Only ruling: a
# reconciliation or a delegation is led by anyone ("المصالحة التي يقودها المنفي" may be the
# exiled one's), and without the object pronoun the verb may take the person as its object.
_REIGN = cue_words("عهد حكم نظام أيام زمن")
_VERBS_OF_RULE = cue_words("حكم يحكم تحكم")
_OBJECT_PRONOUNS = ("ها", "هم", "ه")


def names_a_reign(word: str) -> bool:
    """Whether a normalised word is a reign or a regime, or the verb of ruling with its object ("حكمها")."""
    return any(
        rest in _REIGN
        or any(
            rest.endswith(pronoun) and rest[: -len(pronoun)] in _VERBS_OF_RULE for pronoun in _OBJECT_PRONOUNS
        )
        for rest in bare_readings(word)
    )
