"""Agreements described rather than named: linked when the kind, the signing year and the parties agree."""

from __future__ import annotations

import datetime

import pytest

from archive.linking import Gazetteer, relink_queued, save_linked
from archive.models import Agreement, Article, RelinkTask

pytestmark = pytest.mark.django_db


@pytest.fixture
def security(algeria, libya) -> Agreement:
    agreement = Agreement.objects.create(
        name="الاتفاق الأمني الجزائري الليبي", signed_on=datetime.date(2001, 8, 1), signed_precision="month"
    )
    agreement.parties.set([algeria, libya])
    return agreement


def described(text: str) -> list[str]:
    """The spans of ``text`` the linker gives to an agreement."""
    gazetteer = Gazetteer.from_database()
    agreements = set(Agreement.objects.values_list("pk", flat=True))
    return [text[span.start : span.end] for span in gazetteer.find(text) if span.entity_id in agreements]


@pytest.mark.parametrize(
    "text, span",
    [
        (
            "وأكدت الجزائر وليبيا التزامهما بالاتفاقية الأمنية الموقعة بين البلدين سنة 2001.",
            "الاتفاقية الأمنية الموقعة بين البلدين سنة 2001",
        ),
        ("وقعت الجزائر وليبيا على اتفاق امني في أغسطس 2001 لحماية الحدود.", "اتفاق امني في أغسطس 2001"),
        ("بحثت ليبيا والجزائر تفعيل الاتفاق الأمني لعام ٢٠٠١ بين البلدين.", "الاتفاق الأمني لعام ٢٠٠١"),
        ("وذكّرت الجزائر ليبيا بالاتفاق الأمني الجزائري الليبي.", "الاتفاق الأمني الجزائري الليبي"),
    ],
)
def test_a_description_of_kind_and_year_links_the_agreement_without_its_proclitics(security, text, span):
    assert described(text) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "الاتفاقية الأمنية الموقعة بين البلدين سنة 2001 ما زالت سارية.",  # neither party named
        "وقعت الجزائر وتونس اتفاقية أمنية سنة 2001.",  # Libya is not named
        "وقعت الجزائر وليبيا اتفاقية تجارية سنة 2001.",  # not a security agreement
        "وقعت الجزائر وليبيا اتفاقية أمنية سنة 2005.",  # not its year
        "وقعت الجزائر وليبيا اتفاقية، وفي مجال الأمن تعاونتا سنة 2001.",  # a comma parts the words
        # The year stands too far from the word for an agreement.
        "التقت الجزائر وليبيا. وتم الاتفاق على أمور عديدة تخص الأمن والحدود والتجارة والطاقة والمياه في 2001.",
        # Another name stands between them.
        "وقعت الجزائر اتفاقية أمنية مع ليبيا سنة 2001.",
    ],
)
def test_what_does_not_describe_the_agreement_is_not_linked(security, text):
    assert described(text) == []


def test_a_description_two_agreements_fit_names_neither(security, algeria, libya):
    other = Agreement.objects.create(
        name="اتفاق التعاون الأمني", signed_on=datetime.date(2001, 1, 1), signed_precision="year"
    )
    other.parties.set([algeria, libya])
    assert described("وقعت الجزائر وليبيا اتفاقا أمنيا واتفاقية أمنية سنة 2001.") == []


def test_dating_an_agreement_relinks_the_articles_that_describe_it(algeria, libya):
    agreement = Agreement.objects.create(name="الاتفاق الأمني الجزائري الليبي")
    agreement.parties.set([algeria, libya])
    article = save_linked(Article(body="وقعت الجزائر وليبيا على اتفاق امني في أغسطس 2001."))
    assert not article.mentions.filter(entity=agreement).exists()
    RelinkTask.objects.all().delete()

    agreement.signed_on, agreement.signed_precision = datetime.date(2001, 8, 1), "month"
    agreement.save()
    relink_queued()

    assert [m.surface for m in article.mentions.filter(entity=agreement)] == ["اتفاق امني في أغسطس 2001"]
