"""``{% related_articles article %}``: the search index's answer to "more like this", for the article page."""

import logging

from django import template

from archive.models import Article

from ..backends import ArchiveSearchQuerySet

RELATED_ARTICLES = 5

log = logging.getLogger(__name__)
register = template.Library()


@register.inclusion_tag("search/includes/related.html")
def related_articles(article: Article) -> dict:
    """Articles that share the most telling words with ``article``.

    A side box: when the index cannot answer, the page is shown without it.
    """
    try:
        related = list(ArchiveSearchQuerySet().models(Article).more_like_this(article)[:RELATED_ARTICLES])
    except Exception:
        log.exception("related articles of %s are unavailable", article.pk)
        related = []
    return {"related_articles": related}
