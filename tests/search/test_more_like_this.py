"""More like this: the articles sharing the key words of an article, as its page lists them.

``ArchiveSearchQuerySet().models(Article).more_like_this(article)`` reads the
article's stored title and body from the index, takes their key words (never
function words) and searches for any of them, leaving the article out. Over
the seed archive, indexed once for the module.
"""

from __future__ import annotations

import pytest

from arabic.function_words import is_stop_word
from archive.models import Article
from search.analysis import arabic_analyzer
from search.backends import ArchiveSearchQuerySet
from search.search_indexes import ArticleIndex

SEED_NAMES = ["koni", "security", "delegation", "resolve", "siala"]


def related(article: Article) -> list[int]:
    """The primary keys of the articles more like ``article``, best first."""
    return [int(result.pk) for result in ArchiveSearchQuerySet().models(Article).more_like_this(article)]


def key_words(text: str) -> set[str]:
    """The words the index reads in ``text``, function words left out."""
    return {token.text for token in arabic_analyzer()(text) if not is_stop_word(token.text)}


@pytest.mark.parametrize("name", SEED_NAMES)
def test_an_articles_related_articles_never_include_itself(seeds, name):
    article = seeds[name]
    found = related(article)
    assert found, f"nothing is related to {name}: the seeds all report on Algeria and Libya"
    assert article.pk not in found


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_related_article_shares_key_words_with_the_article(seeds, name):
    """Each related article's document holds at least one word of the article's title or body."""
    article = seeds[name]
    words = key_words(f"{article.title}\n{article.body}")
    for pk in related(article):
        other = Article.objects.get(pk=pk)
        document = "\n".join(ArticleIndex().document(other))
        assert words & key_words(document), f"{other.slug} shares no key word with {name}"


def test_an_article_on_another_subject_is_not_related(seeds, reindex):
    """A football report shares no key word with the diplomatic seeds: no seed lists it, nor it a seed."""
    football = Article.objects.create(
        title="فوز النادي بالكأس بركلات الترجيح",
        body="سجل المهاجم ركلة الجزاء، وفاز النادي بالكأس وسط فرحة جمهوره.",
    )
    seed_words = set().union(*(key_words("\n".join(ArticleIndex().document(a))) for a in seeds.values()))
    assert not key_words(f"{football.title}\n{football.body}") & seed_words, "the report shares words"
    reindex()
    assert related(football) == []
    for article in seeds.values():
        found = related(article)
        assert found, f"nothing is related to {article.slug}"
        assert football.pk not in found


def test_an_article_missing_from_the_index_has_no_related_articles(seeds):
    """Saved but not yet written by the index writer: an empty list, not an error."""
    unindexed = Article.objects.create(title="قمة الجزائر", body="انعقدت في الجزائر قمة حول ليبيا والحدود.")
    assert related(unindexed) == []
