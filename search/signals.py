"""Queue every index document an edit makes stale, in the edit's own transaction.

Only which documents is recorded; the writer (``search.indexing``) reads the
objects later. An article's document holds the names and aliases of the
entities it mentions, facets from its mentions and its source's name, so a
mention, an alias, an entity or a source changed makes articles' documents stale.
Fixtures (``raw`` saves) are queued too: the seed archive is loaded by ``loaddata``.
"""

from django.db.models.signals import post_delete, post_save
from haystack.constants import DEFAULT_ALIAS
from haystack.signals import BaseSignalProcessor

from archive.linking import articles_changed
from archive.models import ENTITY_MODELS, Alias, Article, Entity, Mention, Source

from .indexing import enqueue, enqueue_pks


class QueuedSignalProcessor(BaseSignalProcessor):
    def setup(self):
        self.indexed = set(self.connections[DEFAULT_ALIAS].get_unified_index().get_indexed_models())
        for model in self.indexed:
            post_save.connect(self.handle_save, sender=model)
            post_delete.connect(self.handle_delete, sender=model)
        for signal in (post_save, post_delete):
            signal.connect(self.mention_changed, sender=Mention)
            signal.connect(self.alias_changed, sender=Alias)
        articles_changed.connect(self.articles_changed, sender=Article)
        # An entity is saved as its kind (a Person); its document is the Entity's.
        for model in ENTITY_MODELS.values():
            post_save.connect(self.entity_saved, sender=model)
            post_delete.connect(self.entity_saved, sender=model)
        post_save.connect(self.source_saved, sender=Source)

    def handle_save(self, sender, instance, using, **kwargs):
        enqueue([instance], using)

    # A deleted object is queued as a saved one is: the writer finds it gone.
    handle_delete = handle_save

    def articles_changed(self, sender, articles: list[Article], **kwargs):
        enqueue(articles)

    def mention_changed(self, sender, instance: Mention, using, **kwargs):
        enqueue_pks(Article, [instance.article_id], using)

    def alias_changed(self, sender, instance: Alias, using, **kwargs):
        enqueue_pks(Entity, [instance.entity_id], using)
        self._enqueue_articles_mentioning(instance.entity_id, using)

    def entity_saved(self, sender, instance: Entity, using, **kwargs):
        """The entity's own document, and those of the articles that mention it."""
        enqueue_pks(Entity, [instance.pk], using)
        self._enqueue_articles_mentioning(instance.pk, using)

    def source_saved(self, sender, instance: Source, using, **kwargs):
        articles = Article.objects.using(using).filter(source_id=instance.pk).order_by()
        enqueue_pks(Article, articles.values_list("pk", flat=True), using)

    @staticmethod
    def _enqueue_articles_mentioning(entity_id: int, using: str) -> None:
        mentions = Mention.objects.using(using).filter(entity_id=entity_id).order_by()
        enqueue_pks(Article, mentions.values_list("article_id", flat=True).distinct(), using)
