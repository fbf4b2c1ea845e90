"""What happened to an agreement, and when: drafted, signed, updated, activated, suspended."""

from __future__ import annotations

from django.db import models

from ..dates import Precision, partial_date_constraints, stored_partial_date
from .articles import Article
from .base import SavedAtomically
from .entities import Agreement


class AgreementEvent(SavedAtomically):
    """A step in an agreement's life, dated as precisely as the articles that report it say."""

    class Kind(models.TextChoices):
        DRAFTED = "drafted", "صياغة المشروع"
        SIGNED = "signed", "التوقيع"
        RATIFIED = "ratified", "المصادقة"
        ACTIVATED = "activated", "التفعيل"
        UPDATED = "updated", "التحيين"
        SUSPENDED = "suspended", "التعليق"
        ENDED = "ended", "الانتهاء"

    agreement = models.ForeignKey(
        Agreement, verbose_name="الاتفاقية", related_name="events", on_delete=models.CASCADE
    )
    kind = models.CharField("الحدث", max_length=10, choices=Kind.choices)
    happened_on = models.DateField("التاريخ", null=True, blank=True)
    precision = models.CharField("دقة التاريخ", max_length=5, choices=Precision.choices, blank=True)
    description = models.TextField("الوصف", blank=True)
    articles = models.ManyToManyField(
        Article, verbose_name="المقالات التي تذكره", related_name="agreement_events", blank=True
    )
    happened = stored_partial_date("happened_on", "precision")

    class Meta:
        # As they happened: by date (a year before its months), the undated last, then as entered.
        ordering = [models.F("happened_on").asc(nulls_last=True), "id"]
        verbose_name = "حدث في حياة اتفاقية"
        verbose_name_plural = "أحداث الاتفاقية"
        constraints = partial_date_constraints("happened_on", "precision", "agreement_event")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.agreement}"
