"""What editors decide of the linker's mentions and of suggested names, and who decided it when."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from .base import SavedAtomically


class MentionState(models.TextChoices):
    AUTOMATIC = "automatic", "آلي"
    CONFIRMED = "confirmed", "أكّده محرر"
    REJECTED = "rejected", "رفضه محرر"


# What readers see; a join through ``mentions`` filters on ``mentions__state__in=STANDING_MENTIONS``.
STANDING_MENTIONS = (MentionState.AUTOMATIC, MentionState.CONFIRMED)


class Decided(SavedAtomically):
    """Who decided, and when: a mention an editor confirmed or rejected, a suggestion reviewed."""

    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="قرّره",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    decided_at = models.DateTimeField("وقت القرار", null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def decide(self, state: str, user) -> None:
        """Record the editor's decision (not saved): the state, who and when."""
        self.state = state
        self.decided_by = user if user and user.is_authenticated else None
        self.decided_at = timezone.now()
