"""Mentions get a state (found by the linker, confirmed, rejected) and who decided it; names wait for review.

A mention an editor confirmed becomes ``confirmed``, with the text its span
writes today, so the decision holds while the text stays; every other one is
``automatic``.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import archive.models.suggestions


def states_from_confirmed(apps, schema_editor):
    Mention = apps.get_model("archive", "Mention")
    confirmed = Mention.objects.filter(confirmed=True).select_related("article")
    for mention in confirmed.iterator(chunk_size=500):
        mention.state = "confirmed"
        mention.text = mention.article.body[mention.start : mention.end]
        mention.save(update_fields=["state", "text"])


def confirmed_from_states(apps, schema_editor):
    Mention = apps.get_model("archive", "Mention")
    Mention.objects.filter(state="rejected").delete()
    Mention.objects.filter(state="confirmed").update(confirmed=True)


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0005_press_aliases"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="NameSuggestion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "decided_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="وقت القرار"),
                ),
                ("start", models.PositiveIntegerField(verbose_name="البداية")),
                ("end", models.PositiveIntegerField(verbose_name="النهاية")),
                ("text", models.CharField(max_length=300, verbose_name="الاسم كما كُتب")),
                (
                    "kind",
                    models.CharField(
                        choices=archive.models.suggestions.suggested_kinds,
                        max_length=16,
                        verbose_name="النوع",
                    ),
                ),
                ("confidence", models.FloatField(verbose_name="الثقة")),
                ("cue", models.CharField(blank=True, max_length=200, verbose_name="القرينة")),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("pending", "بانتظار المراجعة"),
                            ("accepted", "مقبول"),
                            ("rejected", "مرفوض"),
                        ],
                        default="pending",
                        max_length=8,
                        verbose_name="الحالة",
                    ),
                ),
            ],
            options={
                "verbose_name": "اسم مقترح",
                "verbose_name_plural": "أسماء مقترحة للمراجعة",
                "ordering": ["confidence", "article", "start"],
            },
        ),
        migrations.RemoveConstraint(
            model_name="mention",
            name="mention_unique_start",
        ),
        migrations.AddField(
            model_name="mention",
            name="decided_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="وقت القرار"),
        ),
        migrations.AddField(
            model_name="mention",
            name="decided_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="قرّره",
            ),
        ),
        migrations.AddField(
            model_name="mention",
            name="state",
            field=models.CharField(
                choices=[("automatic", "آلي"), ("confirmed", "أكّده محرر"), ("rejected", "رفضه محرر")],
                default="automatic",
                max_length=9,
                verbose_name="الحالة",
            ),
        ),
        migrations.AddField(
            model_name="mention",
            name="text",
            field=models.TextField(blank=True, editable=False, verbose_name="النص عند القرار"),
        ),
        migrations.RunPython(states_from_confirmed, confirmed_from_states),
        migrations.RemoveField(
            model_name="mention",
            name="confirmed",
        ),
        migrations.AddConstraint(
            model_name="mention",
            constraint=models.UniqueConstraint(
                condition=models.Q(("state", "rejected"), _negated=True),
                fields=("article", "start"),
                name="mention_unique_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="mention",
            constraint=models.UniqueConstraint(
                fields=("article", "entity", "start", "end"), name="mention_one_decision"
            ),
        ),
        migrations.AddField(
            model_name="namesuggestion",
            name="article",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="name_suggestions",
                to="archive.article",
                verbose_name="المقال",
            ),
        ),
        migrations.AddField(
            model_name="namesuggestion",
            name="decided_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="قرّره",
            ),
        ),
        migrations.AddField(
            model_name="namesuggestion",
            name="entity",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="archive.entity",
                verbose_name="الكيان",
            ),
        ),
        migrations.AddConstraint(
            model_name="namesuggestion",
            constraint=models.CheckConstraint(
                condition=models.Q(("end__gt", models.F("start"))), name="suggestion_span_not_empty"
            ),
        ),
        migrations.AddConstraint(
            model_name="namesuggestion",
            constraint=models.CheckConstraint(
                condition=models.Q(("confidence__gte", 0), ("confidence__lte", 1)),
                name="suggestion_confidence_range",
            ),
        ),
        migrations.AddConstraint(
            model_name="namesuggestion",
            constraint=models.UniqueConstraint(
                fields=("article", "start", "end"), name="suggestion_one_per_span"
            ),
        ),
    ]
