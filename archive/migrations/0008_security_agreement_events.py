"""The events of the 2001 Algerian-Libyan security agreement, as the seed articles report them.

An archive made before agreement events gets them here; a new one gets them from
``fixtures/entities.json`` too (a test holds the two equal). An agreement an editor
renamed or deleted, or one that has events already, is left alone.
"""

import datetime

from django.db import migrations

AGREEMENT = "الاتفاق الأمني الجزائري الليبي"
EVENTS = [
    ("signed", datetime.date(2001, 8, 1), "month", "وقّع البلدان الاتفاق الأمني."),
    (
        "updated",
        datetime.date(2012, 2, 1),
        "month",
        "اتُّفق على تحيينه في الدورة الثانية للجنة الأمنية المشتركة، ليتماشى مع التحولات التي عرفتها ليبيا.",
    ),
]


def add_events(apps, schema_editor):
    Agreement = apps.get_model("archive", "Agreement")
    AgreementEvent = apps.get_model("archive", "AgreementEvent")
    for agreement in Agreement.objects.filter(name=AGREEMENT, events=None):
        AgreementEvent.objects.bulk_create(
            AgreementEvent(agreement=agreement, kind=kind, happened_on=day, precision=precision, description=text)
            for kind, day, precision, text in EVENTS
        )


def remove_events(apps, schema_editor):
    AgreementEvent = apps.get_model("archive", "AgreementEvent")
    AgreementEvent.objects.filter(agreement__name=AGREEMENT, description__in=[e[3] for e in EVENTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("archive", "0007_agreement_events")]

    operations = [migrations.RunPython(add_events, remove_events)]
