"""A change to an entity's names queues the relinking of the articles that may name it.

Only queued, in the edit's own transaction: the index writer drains the queue
(``archive.linking.relink_queued``). Articles are linked by whoever saves them
(the admin, the importer: see ``archive.linking``), never by a signal, so a save
is linked once. Fixtures (``raw`` saves) carry their mentions with them.
"""

from django.db.models.signals import post_delete, post_save

from .models import ENTITY_MODELS, Alias, RelinkTask


def queue_relink_of_entity(sender, instance, raw: bool = False, using=None, **kwargs) -> None:
    if not raw:
        RelinkTask.objects.using(using).create(entity_id=instance.pk)


def queue_relink_of_alias(sender, instance: Alias, raw: bool = False, using=None, **kwargs) -> None:
    if not raw:
        RelinkTask.objects.using(using).create(entity_id=instance.entity_id)


def connect() -> None:
    for model in ENTITY_MODELS.values():
        post_save.connect(queue_relink_of_entity, sender=model, dispatch_uid=f"archive.relink.{model.KIND}")
    post_save.connect(queue_relink_of_alias, sender=Alias, dispatch_uid="archive.relink.alias_saved")
    post_delete.connect(queue_relink_of_alias, sender=Alias, dispatch_uid="archive.relink.alias_deleted")
