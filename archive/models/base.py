"""What every model of the archive shares."""

from django.db import models, router, transaction


class SavedAtomically(models.Model):
    """A save and what its post_save receivers write commit together, or not at all.

    Django sends post_save after the row is written; outside a transaction the
    row is already committed then, so a process that dies before the receivers
    finish would leave an article unlinked, or its change out of the search queue.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using") or router.db_for_write(type(self), instance=self)):
            super().save(*args, **kwargs)
