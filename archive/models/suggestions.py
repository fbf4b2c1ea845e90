"""Names an article writes that the archive does not know yet, waiting for an editor's review."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from arabic.normalization import name_key

from .articles import Article
from .decisions import Decided
from .entities import Agreement, Entity, Organization, Person

# The kinds a name may be suggested as: the others (countries, places) are curated.
SUGGESTED_MODELS: dict[str, type[Entity]] = {model.KIND: model for model in (Person, Organization, Agreement)}


def suggested_kinds() -> list[tuple[str, str]]:
    return [(kind, model._meta.verbose_name) for kind, model in SUGGESTED_MODELS.items()]


class NameSuggestion(Decided):
    """``body[start:end]`` may name a new person, organisation or agreement; never shown to readers.

    Accepting it creates the entity, or adds the spelling to one the archive
    has (``archive.reviewing``); the entity's ``entity`` is then recorded here.
    """

    class State(models.TextChoices):
        PENDING = "pending", "بانتظار المراجعة"
        ACCEPTED = "accepted", "مقبول"
        REJECTED = "rejected", "مرفوض"

    article = models.ForeignKey(
        Article, verbose_name="المقال", related_name="name_suggestions", on_delete=models.CASCADE
    )
    start = models.PositiveIntegerField("البداية")
    end = models.PositiveIntegerField("النهاية")
    text = models.CharField("الاسم كما كُتب", max_length=300)
    # The same name however it is spelt or spaced (``arabic.normalization.name_key``):
    # an editor's decision holds for it, and the queue counts the articles that write it.
    key = models.CharField("الاسم موحّدًا", max_length=300, editable=False, db_index=True)
    kind = models.CharField("النوع", max_length=16, choices=suggested_kinds)
    confidence = models.FloatField("الثقة")
    cue = models.CharField("القرينة", max_length=200, blank=True)
    state = models.CharField("الحالة", max_length=8, choices=State.choices, default=State.PENDING)
    entity = models.ForeignKey(
        Entity,
        verbose_name="الكيان",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )

    class Meta:
        ordering = ["confidence", "article", "start"]
        verbose_name = "اسم مقترح"
        verbose_name_plural = "أسماء مقترحة للمراجعة"
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="suggestion_span_not_empty"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0, confidence__lte=1), name="suggestion_confidence_range"
            ),
            models.UniqueConstraint(fields=["article", "start", "end"], name="suggestion_one_per_span"),
        ]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        self.key = name_key(self.text)
        super().save(*args, **kwargs)
