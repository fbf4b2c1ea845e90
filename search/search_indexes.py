"""What the search index holds: articles, and the entities a query can name.

Every text field is read by the Arabic analyzer (``text``) or its unstemmed
twin (``text_exact``); what a result page shows is stored, so a page of
results never goes back to the database hit by hit, but for the articles'
bodies: a fifth of the index if stored, they come for a page's hits in one
query (``bodies``). Facet values are slugs in
keyword fields: never tokenised, and the same word in a URL as in the index.
Each faceted kind of entity is a facet named as the kind is ("person"), in the
index, in the URL and in the API alike.
"""

from haystack import indexes

from arabic.dates import weekday
from archive.models import ENTITY_MODELS, Article, Entity, Mention

from .analysis import arabic_analyzer, exact_analyzer

# The kinds of entity a search narrows by, then the article's source and year.
ENTITY_FACETS = tuple(kind for kind, model in ENTITY_MODELS.items() if model.FACETED)
FACETS = (*ENTITY_FACETS, "source", "year")
# Counted, never narrowed by: the month ("2021-04") of an article dated to the month or the day,
# for the timeline of a search's results.
MONTH_FACET = "month"


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


def _with_entity_facets(index_class: type[indexes.SearchIndex]) -> type[indexes.SearchIndex]:
    """Give the index one multi-valued facet field per faceted kind of entity, named as the kind."""
    for kind in ENTITY_FACETS:
        field = indexes.MultiValueField()
        field.set_instance_name(kind)
        index_class.fields[kind] = field
    return index_class


@_with_entity_facets
class ArticleIndex(TextFields, indexes.Indexable):
    # A date is a period: its first day (what results sort by: a year-only date
    # at the start of its year) and its last, so a range filter keeps whatever it overlaps.
    published = indexes.DateField(model_attr="published_on", null=True)
    published_until = indexes.DateField(null=True)
    date = indexes.CharField(indexed=False)
    source_name = indexes.CharField(indexed=False)
    source = indexes.MultiValueField()
    year = indexes.MultiValueField()
    month = indexes.MultiValueField()

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.select_related("source").prefetch_related("mentions__entity__aliases")

    def document(self, article: Article) -> list[str]:
        """The title, the body, every spelling of each entity mentioned, once, and the date.

        The date as a reader writes it ("21 أبريل 2021") and in figures
        ("2021-04-21"): a search for a year, a month or a day finds the
        articles of that date, not only those whose text says it. An importer
        takes the dateline out of the text, so this also puts its words back.
        """
        spellings = (spelling for entity in _mentioned(article) for spelling in entity.spellings())
        published = article.published
        dates = [str(published), published.isoformat()] if published else []
        if published and published.day is not None:
            dates.append(weekday(published.year, published.month, published.day))
        return [article.title, article.body, *dict.fromkeys(spellings), *dates]

    @staticmethod
    def bodies(pks: list[str]) -> dict[str, str]:
        """The bodies of the articles with these primary keys, in one query; none for a deleted one."""
        found = Article.objects.filter(pk__in=pks).values_list("pk", "body")
        return {str(pk): body for pk, body in found}

    def prepare(self, article: Article):
        data = super().prepare(article)
        for kind in ENTITY_FACETS:
            data[kind] = sorted(entity.slug for entity in _mentioned(article) if entity.kind == kind)
        return data

    def prepare_title(self, article: Article) -> str:
        return article.display_title

    def prepare_published_until(self, article: Article):
        return article.published.last_day if article.published else None

    def prepare_date(self, article: Article) -> str:
        return article.published.isoformat() if article.published else ""

    def prepare_source_name(self, article: Article) -> str:
        return article.source.name if article.source else ""

    def prepare_source(self, article: Article) -> list[str]:
        return [article.source.slug] if article.source else []

    def prepare_year(self, article: Article) -> list[str]:
        return [str(article.published_on.year)] if article.published_on else []

    def prepare_month(self, article: Article) -> list[str]:
        published = article.published
        return [published.first_day.isoformat()[:7]] if published and published.month else []


def _mentioned(article: Article) -> list[Entity]:
    """The entities an article mentions, each once, in order of first mention; a rejected mention is none."""
    # Filtered here, not in the query: the prefetched mentions serve whether or not it ran.
    standing = (mention for mention in article.mentions.all() if mention.state in Mention.STANDING)
    return list(dict.fromkeys(mention.entity for mention in standing))


class EntityIndex(TextFields, indexes.Indexable):
    """An entity of a faceted kind by its names, a person's role and what is said of it, so a query can name it."""

    kind = indexes.CharField(model_attr="kind", indexed=False)

    def get_model(self):
        return Entity

    def index_queryset(self, using=None):
        return (
            Entity.objects.filter(kind__in=ENTITY_FACETS).select_related("person").prefetch_related("aliases")
        )

    def document(self, entity: Entity) -> list[str]:
        person = getattr(entity, "person", None)
        return [*entity.spellings(), person.role if person else "", entity.description]
