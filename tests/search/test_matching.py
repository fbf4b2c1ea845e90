"""What a searcher's words find in the seed articles, through a real Whoosh index.

Each document is a fragment copied from a seed article; each query is typed the
way people type. The pairs go through the archive's analyzer and query parser
into an index on disk, exactly the path a search takes.
"""

from pathlib import Path

import pytest
from django.conf import settings
from whoosh.index import create_in

from search.query import KEY_FIELD, TEXT_FIELD, ArabicQueryParser, text_schema

MATCHES = [
    # Hamza and alef forms.
    ("الامن", "ومدير الوثائق والأمن الخارجي"),
    ("امن المنطقة", "التي تهدد أمن المنطقة"),
    ("اعلام", "لوسائل إعلام محلية"),
    ("الاخطار", "مواجهة الأخطار التي تهدد"),
    ("ارهاب", "تهدد أمن المنطقة كالإرهاب والجريمة المنظمة"),
    ("مسئولو البلدين", "أعطاها مسؤولو البلدين للتعاون الأمني"),
    # Taa marbuta written as haa.
    ("اتفاقيه", "الاتفاق على تفعيل الاتفاقية الأمنية الرباعية"),
    ("الامنيه", "الاتفاق على تفعيل الاتفاقية الأمنية الرباعية"),
    ("حكومه الوحده الوطنيه", "رئيس حكومة الوحدة الوطنية الليبية"),
    # Alef maqsura written as yaa.
    ("كبري المدن", "في طرابلس وكبرى المدن الليبية"),
    ("الاعلي", "إلى جانب المجلس الأعلى للدولة"),
    # Diacritics and tatweel typed in the query.
    ("الرَّئِيسُ تَبُّون", "الرئيس الجزائري عبدالمجيد تبون"),
    ("ليبيـــا", "ويتدخلون سلباً على استقرار ليبيا"),
    ("سلب", "ويتدخلون سلباً على استقرار ليبيا"),
    # Proclitics on the document's words.
    ("الجزائر", "ضد أهداف رسمية في دول الجوار للجزائر وليبيا"),
    ("ليبيا", "ضد أهداف رسمية في دول الجوار للجزائر وليبيا"),
    ("الحدود", "والجريمة المنظمة العابرة للحدود"),
    ("الحوار", "بتنسيق الحل السلمي وبالحوار"),
    ("تنسيق", "بتنسيق الحل السلمي وبالحوار"),
    ("تهريب", "وتهريب المخدرات"),
    ("استعداد", "واستعدادها الدائم للعب أي دور"),
    ("الاتفاقيات", "الاتفاق على تفعيل الاتفاقية الأمنية الرباعية"),
    # Proclitics in the query.
    ("والاتفاقية", "الاتفاق على تفعيل الاتفاقية الأمنية الرباعية"),
    ("بالجزائر", "ضد أهداف رسمية في دول الجوار للجزائر وليبيا"),
    ("وليبيا", "ويتدخلون سلباً على استقرار ليبيا"),
    # A name glued to a preposition.
    ("بوقادوم", "زيارة ذات بعد أمني لبوقادوم إلى ليبيا"),
    ("المنفي", "عبدالمجيد تبون، للمنفي من أجل زيارة الجزائر"),
    ("لبوقادوم", "وكان وزير الخارجية الجزائري صبري بوقادوم"),
    # Plural, dual and pronoun suffixes.
    ("العلاقة", "عمق العلاقات الأخوية بين البلدين الشقيقين"),
    ("مسؤول", "التقوا خلالها مع كبار المسؤولين الليبيين"),
    ("الليبي", "التقوا خلالها مع كبار المسؤولين الليبيين"),
    ("مدارس", "تكوين العناصر الأمنية في مدارسها الأمنية"),
    ("بلاد", "قد ترأس وفد بلاده إلى طرابلس"),
    ("اللقاء", "وقد عقد الوفد الجزائري لقاءين منفصلين"),
    ("جزائري", "نوايا الجزائريين في تفعيل تعاون مشترك"),
    ("بحث", "المجتمعين بحثوا تكثيف التنسيق"),
    # Compound names, however they are spaced, in words and phrases.
    ("عبد المجيد تبون", "الرئيس الجزائري عبدالمجيد تبون"),
    ("عبدالمجيد", "دعوة من الرئيس الجزائري عبد المجيد تبون"),
    ('"عبد المجيد تبون"', "الرئيس الجزائري عبدالمجيد تبون"),
    ('"عبدالمجيد تبون"', "دعوة من الرئيس الجزائري عبد المجيد تبون"),
    ("نور الدين مقري", "الجنرال نورالدين مقري"),
    ("نورالدين", "نور الدين مقري، في هذه الزيارة"),
    ("عبدالحميد", "رئيس حكومة الوحدة الوطنية، عبد الحميد الدبيبة"),
    ("عبد الحميد الدبيبة", "الوطنية الليبية عبدالحميد الدبيبة"),
    ("عبدالقادر مساهل", "وجامعة الدول العربية عبد القادر مساهل"),
    ("لعبدالمجيد", "دعوة من الرئيس الجزائري عبد المجيد تبون"),
    # Phrases keep their function words.
    ('"الاتفاق على تفعيل"', "الاتفاق على تفعيل الاتفاقية الأمنية الرباعية"),
]

NON_MATCHES = [
    # A letter that only looks like a proclitic belongs to the word.
    ("زير", "وكان وزير الخارجية الجزائري صبري بوقادوم"),
    ("صول", "في سبيل وصول البلد الجار"),
    ("سائل", "لوسائل إعلام محلية"),
    ("بار", "التقوا خلالها مع كبار المسؤولين الليبيين"),
    ("حيدة", "حيث وجدت نفسها وحيدة"),
    ("جار", "إلى مراكز نشاط تجاري واقتصادي"),
    ("عرب", "المسؤول الليبي بإيجابية وأعرب عن رغبته"),
    # A name or a word that ends like a suffix keeps its ending.
    ("سود", "بين ليبيا وتشاد والنيجر والسودان"),
    ("تب", "الرئيس الجزائري عبدالمجيد تبون"),
    ("بي", "وحسب بيان توج أشغال المشاورات"),
    ("الأمين", "التي تهدد أمن المنطقة"),
    ("امك", "بكل ما تحتاجه من إمكانيات لوجستية"),
    # Words of one root and different meaning stay apart.
    ("الامن", "وصول البلد الجار إلى بر الأمان"),
    ("وصل", "وتضطلع بمهام التنسيق والتواصل"),
    ("حد", "والجريمة المنظمة العابرة للحدود"),
    # The preposition على is not the name علي.
    ("علي", "المنصب حديثا على رأس المديرية المذكورة"),
    # A quoted phrase asks for its words in order.
    ('"تبون عبدالمجيد"', "الرئيس الجزائري عبدالمجيد تبون"),
    ('"الاتفاق في تفعيل"', "الاتفاق على تفعيل الاتفاقية الأمنية الرباعية"),
]

FRAGMENTS = sorted({fragment for _, fragment in MATCHES + NON_MATCHES})


@pytest.fixture(scope="module")
def search(tmp_path_factory):
    """Index every fragment on disk and return a function from a query to the fragments it finds."""
    index = create_in(tmp_path_factory.mktemp("index"), text_schema())
    with index.writer() as writer:
        for key, fragment in enumerate(FRAGMENTS):
            writer.add_document(**{KEY_FIELD: str(key), TEXT_FIELD: fragment})
    parser = ArabicQueryParser(TEXT_FIELD, index.schema)
    with index.searcher() as searcher:
        yield lambda query: {
            FRAGMENTS[int(hit[KEY_FIELD])] for hit in searcher.search(parser.parse(query), limit=None)
        }


def test_every_fragment_is_copied_from_a_seed_article():
    seeds = " ".join(
        path.read_text(encoding="utf-8")
        for path in Path(settings.BASE_DIR, "fixtures", "seeds").glob("*.txt")
    )
    seeds = " ".join(seeds.split())
    assert [fragment for fragment in FRAGMENTS if fragment not in seeds] == []


@pytest.mark.parametrize(("query", "fragment"), MATCHES)
def test_query_finds_the_fragment_that_says_it(search, query, fragment):
    assert fragment in search(query)


@pytest.mark.parametrize(("query", "fragment"), NON_MATCHES)
def test_query_does_not_find_a_fragment_that_only_looks_like_it(search, query, fragment):
    assert fragment not in search(query)
