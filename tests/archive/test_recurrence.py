"""archive.recurrence: suggested names grouped across articles, the most recurrent first."""

import pytest

from archive.linking import Gazetteer
from archive.models import Article
from archive.recurrence import confidence, name_key, rank, rank_archive

NO_NAMES = Gazetteer([])


def test_a_name_several_articles_write_after_several_cues_ranks_first():
    documents = [
        (1, "استقبل الرئيس قيس سعيد الوفد."),
        (2, "وقال السيد قيس سعيد إن تونس تدعم الحل."),
        (3, "وسعيد رئيس منتخب."),
        (4, "ونقلت وكالة الأنباء التونسية عن مصدر."),
    ]
    ranked = rank(documents, NO_NAMES)
    assert [(name.text, name.kind) for name in ranked] == [
        ("قيس سعيد", "person"),
        ("وكالة الأنباء التونسية", "organization"),
    ]
    first = ranked[0]
    assert first.articles == (1, 2)
    assert first.cues == ("الرءيس", "السيد")
    assert first.confidence == confidence(2, 2) == pytest.approx(1 - 0.5**3)
    assert ranked[1].confidence == confidence(1, 1) == 0.5


def test_one_name_however_it_is_spaced_and_spelt_is_one_group_with_its_commonest_spelling():
    documents = [
        ("a", "وصل المبعوث عبد الله باتيلي."),
        ("b", "وصل المبعوث عبدالله باتيلي."),
        ("c", "وصل المبعوث عبد اللّه باتيلي."),
        ("c", "ثم غادر المبعوث عبد الله باتيلي."),
    ]
    [name] = rank(documents, NO_NAMES)
    assert name.key == name_key("عبدالله باتيلي")
    assert name.text == "عبد الله باتيلي"
    assert (name.articles, name.suggestions) == (("a", "b", "c"), 4)


def test_confidence_grows_with_articles_and_cues_and_stays_below_one():
    assert confidence(1, 1) < confidence(2, 1) < confidence(2, 2) < 1
    assert confidence(0, 0) == 0


def test_no_text_ranks_nothing():
    assert rank([], NO_NAMES) == []
    assert rank([(1, "")], NO_NAMES) == []


def test_the_archive_is_ranked_with_its_own_gazetteer(tebboune):
    Article.objects.create(title="أ", body="استقبل الرئيس عبد المجيد تبون المبعوث عبد الله باتيلي.")
    Article.objects.create(title="ب", body="وقال المبعوث عبد الله باتيلي إن الحل قريب.")
    [name] = rank_archive(Gazetteer.from_database())
    assert (name.text, name.kind, len(name.articles)) == ("عبد الله باتيلي", "person", 2)
