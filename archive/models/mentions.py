"""Where an article names an entity, and the entities whose articles wait to be linked again."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from .articles import Article
from .base import SavedAtomically
from .entities import Entity


class Mention(SavedAtomically):
    """An entity named in an article's body, at ``body[start:end]``."""

    article = models.ForeignKey(
        Article, verbose_name="المقال", related_name="mentions", on_delete=models.CASCADE
    )
    entity = models.ForeignKey(
        Entity, verbose_name="الكيان", related_name="mentions", on_delete=models.CASCADE
    )
    start = models.PositiveIntegerField("البداية")
    end = models.PositiveIntegerField("النهاية")
    confirmed = models.BooleanField("أكّده محرر", default=False)

    class Meta:
        ordering = ["article", "start"]
        verbose_name = "ذكر"
        verbose_name_plural = "الإشارات"
        indexes = [models.Index(fields=["entity", "article"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="mention_span_not_empty"),
            models.UniqueConstraint(fields=["article", "start"], name="mention_unique_start"),
        ]

    def __str__(self) -> str:
        return self.surface

    @property
    def surface(self) -> str:
        """The name as the article writes it."""
        return self.article.body[self.start : self.end]


class RelinkTask(models.Model):
    """An entity whose names changed: the articles that may name it wait to be linked again.

    Queued in the transaction of the edit (``archive.signals``), drained by the
    index writer (``archive.linking.relink_queued``): a new alias links the
    articles that already use it, a removed one unlinks them, with no manual
    action. Not a foreign key: the row outlives nothing it needs.
    """

    entity_id = models.BigIntegerField("معرّف الكيان")
    queued_at = models.DateTimeField("وقت الإدراج", auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "مهمة ربط"
        verbose_name_plural = "مهام الربط"

    def __str__(self) -> str:
        return f"entity {self.entity_id}"
