"""What the search index holds: articles, and the entities a query can name.

Every text field is read by the Arabic analyzer (``text``) or its unstemmed
twin (``text_exact``); everything a result page shows is stored, so a page of
results never goes back to the database hit by hit. Facet values are slugs in
keyword fields: never tokenised, and the same word in a URL as in the index.
"""

from haystack import indexes

from archive.models import Agreement, Article, Country, Entity, Organization, Person

from .arabic import arabic_analyzer, exact_analyzer

# Facet fields of an article, by the kind of entity whose slugs they hold.
ENTITY_FACETS = {
    Entity.Kind.PERSON: "people",
    Entity.Kind.ORGANIZATION: "organizations",
    Entity.Kind.COUNTRY: "countries",
    Entity.Kind.AGREEMENT: "agreements",
}
FACETS = (*ENTITY_FACETS.values(), "source", "year")


class TextFields(indexes.SearchIndex):
    """The analysed document and its exact twin, holding the same text."""

    text = indexes.CharField(document=True, analyzer=arabic_analyzer(), stored=False)
    text_exact = indexes.CharField(analyzer=exact_analyzer(), stored=False)
    title = indexes.CharField(indexed=False)
    url = indexes.CharField(indexed=False)

    def document(self, obj) -> list[str]:
        """The texts a search reads for ``obj``, one per line of its document."""
        raise NotImplementedError

    def prepare(self, obj):
        data = super().prepare(obj)
        data["text"] = data["text_exact"] = "\n".join(text for text in self.document(obj) if text)
        return data

    def prepare_title(self, obj) -> str:
        return str(obj)

    def prepare_url(self, obj) -> str:
        return obj.get_absolute_url()


class ArticleIndex(TextFields, indexes.Indexable):
    published = indexes.DateField(model_attr="published_on", null=True)
    date = indexes.CharField(indexed=False)
    source_name = indexes.CharField(indexed=False)
    body = indexes.CharField(model_attr="body", indexed=False)
    people = indexes.MultiValueField()
    organizations = indexes.MultiValueField()
    countries = indexes.MultiValueField()
    agreements = indexes.MultiValueField()
    source = indexes.MultiValueField()
    year = indexes.MultiValueField()

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.select_related("source").prefetch_related("mentions__entity__aliases")

    def document(self, article: Article) -> list[str]:
        """The title, the body, and every spelling of each entity mentioned, once."""
        spellings = (spelling for entity in _mentioned(article) for spelling in entity.spellings())
        return [article.title, article.body, *dict.fromkeys(spellings)]

    def prepare(self, article: Article):
        data = super().prepare(article)
        for kind, field in ENTITY_FACETS.items():
            data[field] = sorted(entity.slug for entity in _mentioned(article) if entity.kind == kind)
        return data

    def prepare_title(self, article: Article) -> str:
        return article.display_title

    def prepare_date(self, article: Article) -> str:
        return article.published.isoformat() if article.published else ""

    def prepare_source_name(self, article: Article) -> str:
        return article.source.name if article.source else ""

    def prepare_source(self, article: Article) -> list[str]:
        return [article.source.slug] if article.source else []

    def prepare_year(self, article: Article) -> list[str]:
        return [str(article.published_on.year)] if article.published_on else []


def _mentioned(article: Article) -> list[Entity]:
    """The entities an article mentions, each once, in order of first mention."""
    return list(dict.fromkeys(mention.entity for mention in article.mentions.all()))


class EntityIndex(TextFields):
    """An entity by its name, its aliases and what is said of it, so a query can name it."""

    kind = indexes.CharField(model_attr="kind", indexed=False)

    def document(self, entity: Entity) -> list[str]:
        return [*entity.spellings(), getattr(entity, "role", ""), entity.description]

    def index_queryset(self, using=None):
        return self.get_model().objects.prefetch_related("aliases")


class PersonIndex(EntityIndex, indexes.Indexable):
    def get_model(self):
        return Person


class OrganizationIndex(EntityIndex, indexes.Indexable):
    def get_model(self):
        return Organization


class CountryIndex(EntityIndex, indexes.Indexable):
    def get_model(self):
        return Country


class AgreementIndex(EntityIndex, indexes.Indexable):
    def get_model(self):
        return Agreement
