"""Storing synthetic articles of any corpus, linked to the archive's entities, faster than saving each.

Article.save() links each article through archive.signals with a gazetteer
built from the database each time, which for thousands of articles takes
longer than everything else: here the articles are inserted in bulk, with the
fields save() derives, and one gazetteer links them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from .. import numerals
from ..identity import content_hash, unique_slugs
from ..linking import Gazetteer
from ..models import Alias, Article, Mention, Person, Source
from . import news, seeds
from .article import Corpus, SyntheticArticle, SyntheticPerson

# By the name ``generate_articles --corpus`` takes; the first is the default.
CORPORA: dict[str, Corpus] = {"seeds": seeds.CORPUS, "news": news.CORPUS}
LINK_BATCH = 1000
INSERT_BATCH = 1000


@dataclass(frozen=True, slots=True)
class GenerationReport:
    articles: int
    people: int

    def summary(self) -> str:
        return f"أنشئ: {numerals.count(self.articles, Article.COUNTED)}، {numerals.count(self.people, Person.COUNTED)}."


@transaction.atomic
def write_synthetic_articles(count: int, seed: int = 0, corpus: str = "seeds") -> GenerationReport:
    """Store ``count`` articles of ``corpus``, with their mentions, and the people it invents."""
    chosen = CORPORA[corpus]
    people = _store_people(chosen.people())
    articles = list(chosen.articles(count, seed))
    sources = {
        name: Source.objects.get_or_create(name=name)[0] for name in sorted({a.source for a in articles})
    }
    stored = _insert([_row(article, sources) for article in articles])
    _link(stored)
    return GenerationReport(len(stored), people)


def _link(articles: list[Article]) -> None:
    """Store the mentions link_mentions would store for these new articles, in bulk.

    For an article without mentions, link_mentions stores what the gazetteer
    finds; it also reads the article's mentions and opens a savepoint each
    time: 10,000 articles took 35 s that way, 23 s this way.
    tests/archive/test_synthetic.py checks that saving an article again keeps
    its mentions.
    """
    gazetteer = Gazetteer.from_database()
    # In slices: 10,000 articles name some 400,000 entities.
    for first in range(0, len(articles), LINK_BATCH):
        Mention.objects.bulk_create(
            Mention(article_id=article.pk, entity_id=span.entity_id, start=span.start, end=span.end)
            for article in articles[first : first + LINK_BATCH]
            for span in gazetteer.find(article.body)
        )


def _store_people(people: list[SyntheticPerson]) -> int:
    """Add the people the archive lacks, with their aliases; how many were added."""
    known = set(Person.objects.values_list("name", flat=True))
    new = [person for person in people if person.name not in known]
    for person in new:
        entity = Person.objects.create(name=person.name)
        for alias in person.aliases:
            Alias.objects.create(entity=entity, name=alias)
    return len(new)


def _row(synthetic: SyntheticArticle, sources: dict[str, Source]) -> Article:
    """An unsaved article holding the fields Article.save() derives, which a bulk insert skips.

    tests/archive/test_synthetic.py saves one again to check they agree.
    """
    article = Article(
        title=synthetic.title,
        body=synthetic.body,
        source=sources[synthetic.source],
        content_hash=content_hash(synthetic.body),
    )
    article.published = synthetic.published
    return article


def _insert(articles: list[Article]) -> list[Article]:
    """Insert the articles in bulk, each with the slug ``unique_slug`` would give it, all found in one query."""
    titles = [article.display_title for article in articles]
    for article, slug in zip(articles, unique_slugs(Article, titles, "article"), strict=True):
        article.slug = slug
    return Article.objects.bulk_create(articles, batch_size=INSERT_BATCH)
