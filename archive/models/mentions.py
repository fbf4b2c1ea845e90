"""Where an article names an entity, what an editor decided of it, and the entities whose articles wait to be linked again."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from .articles import Article
from .decisions import STANDING_MENTIONS, Decided, MentionState
from .entities import Entity


class MentionQuerySet(models.QuerySet):
    def standing(self):
        """The mentions readers see: found by the linker or confirmed, never the rejected."""
        return self.filter(state__in=Mention.STANDING)


class Mention(Decided):
    """An entity named in an article's body, at ``body[start:end]``.

    An editor's decision holds while the body still writes ``text`` at the span:
    a rejected mention is never linked again there, a confirmed one stays
    whatever the gazetteer reads (``archive.linking``). Rejected rows are kept
    only as decisions: readers, facets and counts see ``standing()`` mentions.
    """

    State = MentionState
    STANDING = STANDING_MENTIONS

    article = models.ForeignKey(
        Article, verbose_name="المقال", related_name="mentions", on_delete=models.CASCADE
    )
    entity = models.ForeignKey(
        Entity, verbose_name="الكيان", related_name="mentions", on_delete=models.CASCADE
    )
    start = models.PositiveIntegerField("البداية")
    end = models.PositiveIntegerField("النهاية")
    state = models.CharField("الحالة", max_length=9, choices=State.choices, default=State.AUTOMATIC)
    # The span's text when an editor decided; empty for the linker's own mentions.
    text = models.TextField("النص عند القرار", blank=True, editable=False)

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start"]
        verbose_name = "ذكر"
        verbose_name_plural = "الإشارات"
        indexes = [models.Index(fields=["entity", "article"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="mention_span_not_empty"),
            # Standing mentions never share a start; a rejection may lie under one.
            models.UniqueConstraint(
                fields=["article", "start"], condition=~Q(state="rejected"), name="mention_unique_start"
            ),
            models.UniqueConstraint(
                fields=["article", "entity", "start", "end"], name="mention_one_decision"
            ),
        ]

    def __str__(self) -> str:
        return self.surface

    @property
    def surface(self) -> str:
        """The name as the article writes it."""
        return self.article.body[self.start : self.end]

    def decide(self, state: str, user) -> None:
        super().decide(state, user)
        self.text = self.surface

    def decision_holds(self, body: str) -> bool:
        """Whether the body still writes, at the span, the text the editor decided on."""
        return body[self.start : self.end] == self.text


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
