"""Every saved article is linked to its entities, whoever saved it."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .linking import link_mentions
from .models import Article


@receiver(post_save, sender=Article, dispatch_uid="archive.link_mentions_on_save")
def link_saved_article(sender, instance: Article, raw: bool, **kwargs) -> None:
    # A fixture being loaded (raw) carries its mentions with it.
    if not raw:
        link_mentions(instance)
