"""The index's queue: one row per saved or deleted object, written in the edit's own transaction."""

from django.db import models


class IndexTask(models.Model):
    """An object whose index document is out of date; ``search.indexing`` explains the queue.

    The row says nothing of what changed: the writer reads the object as it is
    when the row is taken, and removes its document when it is gone.
    """

    model = models.CharField("النموذج", max_length=100, help_text="مثل archive.article")
    object_pk = models.CharField("معرّف الكائن", max_length=64)
    queued_at = models.DateTimeField("وقت الإدراج", auto_now_add=True)

    class Meta:
        # The writer takes the oldest rows first; the primary key index serves that order.
        ordering = ["id"]
        verbose_name = "مهمة فهرسة"
        verbose_name_plural = "مهام الفهرسة"

    def __str__(self) -> str:
        return f"{self.model}.{self.object_pk}"
