"""archive.suggesting: the names a text writes after a cue, which the gazetteer does not know."""

import itertools

import pytest

from archive.linking import Gazetteer
from archive.linking_rules import EntityFacts
from archive.suggesting import SuggestedName, suggest_names

# A gazetteer of its own, built without a database: the suggester never reads one.
GAZETTEER = Gazetteer(
    [(1, "عبد المجيد تبون"), (1, "تبون"), (2, "الجزائر"), (3, "ليبيا"), (4, "وزارة الخارجية الجزائرية")],
    facts={
        1: EntityFacts.of("person", "الجزائر", "رئيس الجمهورية"),
        2: EntityFacts.of("country", "الجزائر"),
        3: EntityFacts.of("country", "ليبيا"),
        4: EntityFacts.of("organization", "الجزائر"),
    },
)


def suggested(text: str) -> list[tuple[str, str, str]]:
    return [(name.text, name.kind, name.cue) for name in suggest_names(text, GAZETTEER)]


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("استقبل الرئيس قيس سعيد الوفد.", [("قيس سعيد", "person", "الرئيس")], "a title, then a name"),
        (
            "وقال وزير الخارجية التونسي عثمان الجرندي إن بلاده تدعم الحل.",
            [("عثمان الجرندي", "person", "وزير")],
            "the office's own words and a nationality are not the name",
        ),
        (
            "والتقى السفير الجزائري لدى ليبيا سليمان شنين بالمسؤولين.",
            [("سليمان شنين", "person", "السفير")],
            "لدى and the country it places the office in belong to the office",
        ),
        (
            "وصل المبعوث الأممي عبد الله باتيلي أمس.",
            [("عبد الله باتيلي", "person", "المبعوث")],
            "a compound given name is one part; a word of time ends the name",
        ),
        (
            "وأكدت السيدة نجلاء بودن رمضان أن الحكومة ماضية.",
            [("نجلاء بودن رمضان", "person", "السيدة")],
            "a feminine honorific; a given name, a second name and a family name",
        ),
        (
            "استقبل الرئيس محمد إدريس ديبي الوفد.",
            [("محمد إدريس ديبي", "person", "الرئيس")],
            "a given name, the father's name and the family name: three parts",
        ),
        (
            "وقدم السفير أحمد عطاف أوراق اعتماده.",
            [("أحمد عطاف", "person", "السفير")],
            "a noun of the lexicon after two parts is what the verb takes, no third part",
        ),
        (
            "وقال رئيس حركة مجتمع السلم عبد الرزاق مقري إن",
            [("حركة مجتمع السلم", "organization", "حركة"), ("عبد الرزاق مقري", "person", "رئيس")],
            "a body's head governing a noun that a definite word qualifies belongs to the office",
        ),
        (
            "حل الأمين العام لاتحاد المغرب العربي الطيب البكوش بتونس. وأكد البكوش أن الحوار ممكن.",
            [
                ("اتحاد المغرب العربي", "organization", "اتحاد"),
                ("الطيب البكوش", "person", "الأمين"),
                ("البكوش", "person", "الطيب"),
            ],
            "a given name with the article ends a body's name and opens a person's; the family name alone after it",
        ),
        (
            "ودعا وزير الخارجية المغربي ناصر بوريطة إلى الحوار.",
            [("ناصر بوريطة", "person", "وزير")],
            "a surname in بو is no preposition and a noun",
        ),
        (
            "وقاد المفاوضات رئيس مجلس إدارتها فرحات بن قدارة.",
            [("فرحات بن قدارة", "person", "رئيس")],
            "a body in the office, a word ending in a pronoun; بن joins the next word to it",
        ),
        (
            "ونفى العقيد أحمد المسماري الخبر.",
            [("أحمد المسماري", "person", "العقيد")],
            "a rank",
        ),
        (
            "وطالبت السلطات بالإفراج عن هانيبال القذافي المحتجز في لبنان.",
            [("هانيبال القذافي", "person", "هانيبال")],
            "a given name opens a name; an adjective after it is not part of it",
        ),
        (
            "استقبل الرئيس الموريتاني محمد ولد الشيخ الغزواني الوفد.",
            [("محمد ولد الشيخ الغزواني", "person", "الرئيس")],
            "ولد and the word after it join the given name, even a word of office",
        ),
        (
            "ووليد اللافي حاضر.",
            [("وليد اللافي", "person", "وليد")],
            "the conjunction before a given name is left out",
        ),
        (
            "واستقبل الرئيس الموريتاني الأسبق المختار ولد داداه في نواكشوط.",
            [("المختار ولد داداه", "person", "الرئيس")],
            "the word with the article before ولد is the given name, not the office's",
        ),
        (
            "وقال الرئيس التونسي الأسبق بن علي إن الأمن مستتب.",
            [("بن علي", "person", "الرئيس")],
            "an adjective before بن ends the office, and the family name opens with بن",
        ),
        (
            "وانتخب الرئيس أحمد بن بلة سنة 1963.",
            [("أحمد بن بلة", "person", "الرئيس")],
            "سنة before a year is no second part after a part joined by بن",
        ),
        (
            "وسلم السفير رسالة من الرئيس عبد الكريم زروال تتعلق بالحدود.",
            [("عبد الكريم زروال", "person", "الرئيس")],
            "a verb in the present, shaped تتفعل, is no third part",
        ),
        (
            "وانتقد النائب علي سالم قرارات الحكومة.",
            [("علي سالم", "person", "النائب")],
            "the plural of a noun of the lexicon is what the verb takes, no third part",
        ),
    ],
)
def test_a_title_or_a_given_name_suggests_the_person_named_after_it(text, expected, why):
    assert suggested(text) == expected, why


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("استقبل الرئيس عبد المجيد تبون الوفد.", "the gazetteer knows the name after the title"),
        ("قال الرئيس تبون إن الجزائر لن تتدخل.", "one known word after the title"),
        ("وقال الرئيس إن الحل سياسي.", "a function word after the title"),
        ("استقبل الرئيس في مكتبه الوفد.", "a preposition after the title"),
        ("وصل الوزير، فرحات قدارة، إلى طرابلس.", "punctuation parts the title from the name"),
        ("وزار الوفد فرحات قدارة.", "no cue: فرحات is no title and no given name the cues list"),
        ("وقال وزير الخارجية الفرنسي إن بلاده تتابع.", "an office and a nationality, no name"),
        ("استقبل الرئيس نظيره التونسي.", "a noun of office is no name"),
        ("وقال الرئيس سعيد.", "one word is a surname alone, too little to suggest"),
        ("وتوج الروائي الليبي إبراهيم بجائزة أدبية.", "ب and a noun is a phrase, not a surname"),
        ("وعمل لصالح الشعب الليبي.", "صالح after ل is a word, not a given name"),
        (
            "وبحث الوزير مع سفير السنغال لدى تونس سبل تعزيز التعاون.",
            "a verbal noun on the pattern تفعيل is the topic discussed, no family name",
        ),
    ],
)
def test_no_person_is_suggested_without_a_name_after_the_cue(text, why):
    assert [name for name in suggested(text) if name[1] == "person"] == [], why


def test_punctuation_ends_a_name_and_a_nationality_is_not_part_of_it():
    assert suggested("التقى الرئيس محمد سالم، الوزير.") == [("محمد سالم", "person", "الرئيس")]
    assert suggested("التقى العقيد محمد سالم الليبي.") == [("محمد سالم", "person", "العقيد")]
    assert suggested("التقى العقيد محمد سالم (الليبي).") == [("محمد سالم", "person", "العقيد")]


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        (
            "أعلنت المفوضية الوطنية العليا للانتخابات قبول الملفات.",
            "المفوضية الوطنية العليا للانتخابات",
            "a definite head and its adjectives, a genitive with ل; a noun without the article ends it",
        ),
        ("ونقلت وكالة الأنباء الجزائرية عن مصدر.", "وكالة الأنباء الجزائرية", "a head in the construct"),
        ("وأصدر مجلس الدولة الجزائري حكما.", "مجلس الدولة الجزائري", "a nationality qualifies a body"),
        ("وقال حزب جبهة التحرير الوطني إن", "حزب جبهة التحرير الوطني", "a head governing another head"),
        ("واجتمع أعضاء للجنة العسكرية المشتركة اليوم.", "لجنة العسكرية المشتركة", "after ل; time ends it"),
        ("وقال بيان لمنظمة الصحة العالمية إن الوضع خطير.", "منظمة الصحة العالمية", "a function word ends it"),
        (
            "وقرر الاتحاد الإفريقي لكرة القدم نقل المباراة.",
            "الاتحاد الإفريقي لكرة القدم",
            "a sport ends a federation",
        ),
        ("ونقلت صحيفة لوفيغارو عن مصدر.", "صحيفة لوفيغارو", "an outlet takes a proper name"),
        ("وقال تقرير بثته قناة ليبيا الأحرار إن", "قناة ليبيا الأحرار", "an outlet named after a country"),
        ("وندد مجلس السلم والأمن التابع للمنظمة.", "مجلس السلم والأمن", "التابع ends a body's name"),
        (
            "وأعلنت الهيئة الوطنية لمكافحة الفساد فتح تحقيق.",
            "الهيئة الوطنية لمكافحة الفساد",
            "ل and a noun that a definite word qualifies: the body's remit",
        ),
        (
            "ورحب الاتحاد بخطوات المجلس العسكري السوداني لتسليم السلطة.",
            "المجلس العسكري السوداني",
            "a nationality closes the name: ل after it says what for",
        ),
    ],
)
def test_a_head_word_suggests_the_body_it_names(text, expected, why):
    assert suggested(text) == [(expected, "organization", expected.split()[0])], why


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("وأعلنت وزارة الخارجية الجزائرية موقفها.", "the gazetteer knows the body"),
        ("وأعلنت الوزارة أمس موقفها.", "a head with nothing to qualify it"),
        (
            "وقضت محكمة جزائرية بالبراءة.",
            "a head and an adjective without the article is a court, not a name",
        ),
        ("وقالت الحكومة الليبية إن الوضع هادئ.", "a definite head and a nationality alone is no name"),
        ("وقالت الوزارة في بيان.", "a preposition after the head"),
        ("وتحسنت حركة العبور عبر المنفذ.", "حركة and a noun of movement is traffic"),
        ("ونفت الحركة بالجنرال أي صلة.", "ب glued to the article is a phrase after the name"),
        ("ونشرت صحيفة جزائرية الخبر.", "an outlet and a nationality is no name"),
        ("وطالبت البعثة الأممية بوقف القتال.", "the UN's mission: a head and the UN's adjective is no name"),
        ("وشكر الوزير للمنظمة الأممية دعمها.", "the UN itself, after ل"),
    ],
)
def test_no_body_is_suggested_without_words_that_name_it(text, why):
    assert [name for name in suggested(text) if name[1] == "organization"] == [], why


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وجدد البلدان اتفاقية التعاون الأمني بين البلدين الموقعة سنة 2017.",
            ("اتفاقية التعاون الأمني بين البلدين الموقعة سنة 2017", "اتفاقية"),
        ),
        ("وذكر البيان باتفاق أمني الموقع في أوت 2001.", ("اتفاق أمني الموقع في أوت 2001", "اتفاق")),
        (
            "ووقعا مذكرة تفاهم في مجال الطاقة عام 2022 بالجزائر.",
            ("مذكرة تفاهم في مجال الطاقة عام 2022", "مذكرة"),
        ),
    ],
)
def test_an_agreement_described_with_its_year_is_suggested(text, expected):
    assert suggested(text) == [(expected[0], "agreement", expected[1])]


@pytest.mark.parametrize(
    "text",
    [
        "ووقع البلدان اتفاقية تعاون في المجال الأمني.",
        "وقالت إن الاتفاق الأمني مهم.",
        "ووقعا اتفاقية 2017.",
        "ووقعا اتفاقية التعاون، سنة 2017.",
    ],
)
def test_an_agreement_without_a_subject_and_a_year_is_not_suggested(text):
    assert suggested(text) == []


def test_a_suggestion_gives_its_offsets_into_the_text_as_written():
    text = "وقالَ وزيرُ الخارجيةِ التونسيُّ عثمانُ الجرنديُّ إنَّ..."
    [name] = suggest_names(text, GAZETTEER)
    assert isinstance(name, SuggestedName)
    assert text[name.start : name.end] == name.text == "عثمانُ الجرنديُّ"
    assert name.cue == "وزيرُ"


def test_a_suggestion_never_overlaps_another_or_a_linked_name():
    text = "والتقى الرئيس محمد سالم وزير الخارجية الجزائري وممثلي وزارة الخارجية الجزائرية في الجزائر."
    names = suggest_names(text, GAZETTEER)
    linked = GAZETTEER.find(text)
    assert [name.text for name in names] == ["محمد سالم"]
    for name in names:
        assert not any(span.start < name.end and name.start < span.end for span in linked)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "<script>alert('الرئيس')</script><b>وزارة</b> &amp; اتفاقية",
        "الرئيس",
        "وزارة",
        "اتفاقية التعاون",
        "2017 2018 2019",
    ],
)
def test_hostile_or_empty_text_suggests_nothing_and_raises_nothing(text):
    assert suggest_names(text, GAZETTEER) == []


@pytest.mark.parametrize("word", ["الرئيس", "وزارة", "محمد", "اتفاقية", "المجلس", "لدى", "x"])
def test_a_hundred_thousand_characters_of_one_word_are_read_word_by_word(word):
    """Each cue looks a bounded number of words ahead: a run of cues is read once, not once per cue."""
    text = (word + " ") * (100_000 // (len(word) + 1))
    names = suggest_names(text, GAZETTEER)
    assert all(a.end <= b.start for a, b in itertools.pairwise(names))
    assert all(len(name.text.split()) <= 7 for name in names)


def test_a_body_or_a_title_after_li_is_no_remit_of_the_body_before():
    """ل before a body or a title says to whom something is said or given."""
    text = "وقال المتحدث باسم اللجنة العليا لوكالة الأنباء إن العمل مستمر."
    assert [name for name in suggested(text) if name[1] == "organization"] == [
        ("اللجنة العليا", "organization", "اللجنة"),
        ("وكالة الأنباء", "organization", "وكالة"),
    ]
    text = "وقدمت اللجنة الفنية لرئيس الحكومة تقريرها."
    assert [name for name in suggested(text) if name[1] == "organization"] == [
        ("اللجنة الفنية", "organization", "اللجنة")
    ]


# A gazetteer that knows Libya's presidential council, and that "المجلس الرئاسي" is one of its spellings.
COUNCIL = Gazetteer(
    [(1, "ليبيا"), (2, "المجلس الرئاسي الليبي"), (2, "المجلس الرئاسي")],
    facts={1: EntityFacts.of("country", "ليبيا"), 2: EntityFacts.of("organization", "ليبيا")},
)


def test_a_known_spelling_the_linker_gives_to_another_body_is_not_suggested():
    """An editor accepting it would give a second entity the spelling, which would then name neither."""
    text = "واستقبل رئيس المجلس الرئاسي في اليمن وفدا أمميا."
    assert COUNCIL.find(text) == [], "Yemen's council, not Libya's"
    assert suggest_names(text, COUNCIL) == []


def test_a_name_longer_than_a_known_spelling_is_still_suggested():
    text = "وأصدر المجلس الرئاسي اليمني بيانا."
    assert [name.text for name in suggest_names(text, COUNCIL)] == ["المجلس الرئاسي اليمني"]
