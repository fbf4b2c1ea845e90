"""An agreement's events: ordered as they happened, dated as precisely as known, edited inline, shown on its page."""

from __future__ import annotations

import importlib
import secrets

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import IntegrityError
from django.urls import reverse

from archive.dates import PartialDate
from archive.models import Agreement, AgreementEvent

pytestmark = pytest.mark.django_db

migration = importlib.import_module("archive.migrations.0008_security_agreement_events")
Kind = AgreementEvent.Kind


@pytest.fixture
def agreement(db) -> Agreement:
    return Agreement.objects.create(name="اتفاقية تجريبية")


def event(agreement: Agreement, kind: str, happened: PartialDate | None) -> AgreementEvent:
    return AgreementEvent.objects.create(agreement=agreement, kind=kind, happened=happened)


def test_events_are_in_the_order_they_happened_a_year_before_its_months_the_undated_last(agreement):
    undated = event(agreement, Kind.SUSPENDED, None)
    day = event(agreement, Kind.ACTIVATED, PartialDate(2012, 2, 14))
    month = event(agreement, Kind.UPDATED, PartialDate(2012, 2))
    year = event(agreement, Kind.SIGNED, PartialDate(2012))
    drafted = event(agreement, Kind.DRAFTED, PartialDate(2001, 8))
    assert list(agreement.events.all()) == [drafted, year, month, day, undated]


def test_an_event_keeps_the_precision_of_its_date(agreement):
    stored = event(agreement, Kind.SIGNED, PartialDate(2001, 8))
    stored.refresh_from_db()
    assert stored.happened == PartialDate(2001, 8) and str(stored.happened) == "أغسطس 2001"
    assert event(agreement, Kind.SIGNED, None).happened is None


def test_an_invented_day_cannot_be_stored(agreement):
    stored = event(agreement, Kind.SIGNED, PartialDate(2001, 8))
    stored.happened_on = stored.happened_on.replace(day=15)
    with pytest.raises(IntegrityError):
        stored.save()


def test_the_fixture_and_the_migration_give_the_2001_agreement_the_same_events():
    call_command("loaddata", "entities", verbosity=0)
    from_fixture = list(
        AgreementEvent.objects.values_list(
            "agreement__name", "kind", "happened_on", "precision", "description"
        )
    )
    assert from_fixture == [(migration.AGREEMENT, *e) for e in migration.EVENTS]


def test_the_agreement_page_shows_its_events_in_order_with_dates_and_articles(client, seeded):
    agreement = Agreement.objects.get(name=migration.AGREEMENT)
    article = agreement.mentions.get().article
    agreement.events.get(kind=Kind.SIGNED).articles.add(article)
    page = client.get(agreement.get_absolute_url()).content.decode()
    signed, updated = page.index("التوقيع</span>"), page.index("التحيين</span>")
    assert signed < updated
    assert '<time datetime="2001-08" dir="rtl">أغسطس 2001</time>' in page
    assert article.get_absolute_url() in page[signed:updated]
    # The 2001 agreement lists the article that describes it.
    assert "اتفاق امني في أغسطس 2001" in page


def test_an_agreement_with_no_event_says_so(client, agreement):
    assert "لم يُسجَّل بعدُ أي حدث" in client.get(agreement.get_absolute_url()).content.decode()


def inline(prefix: str = "events", **event: str) -> dict[str, str]:
    data = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }
    data.update({f"{prefix}-0-{key}": value for key, value in event.items()})
    return data


@pytest.fixture
def editor_client(client):
    client.force_login(
        get_user_model().objects.create_superuser("editor", "e@example.org", secrets.token_urlsafe())
    )
    return client


@pytest.mark.parametrize(
    "typed, stored",
    [("2001-08", PartialDate(2001, 8)), ("أوت 2001", PartialDate(2001, 8)), ("", None)],
)
def test_an_event_is_added_inline_with_a_partial_date(editor_client, typed, stored):
    response = editor_client.post(
        reverse("admin:archive_agreement_add"),
        {"name": "اتفاق", "status": "signed", "description": "", **inline(kind="signed", happened=typed)},
    )
    assert response.status_code == 302
    assert AgreementEvent.objects.get().happened == stored


@pytest.mark.parametrize("typed", ["2001-02-30", "<script>", "٩" * 500])
def test_an_event_date_that_does_not_exist_is_refused_in_arabic(editor_client, typed):
    response = editor_client.post(
        reverse("admin:archive_agreement_add"),
        {"name": "اتفاق", "status": "signed", "description": "", **inline(kind="signed", happened=typed)},
    )
    page = response.content.decode()
    assert response.status_code == 200 and ("غير مفهوم" in page or "غير موجود في التقويم" in page)
    assert not Agreement.objects.exists() and not AgreementEvent.objects.exists()


def test_an_unknown_event_kind_is_refused(editor_client):
    response = editor_client.post(
        reverse("admin:archive_agreement_add"),
        {"name": "اتفاق", "status": "signed", "description": "", **inline(kind="exploded", happened="2001")},
    )
    assert response.status_code == 200 and not AgreementEvent.objects.exists()
