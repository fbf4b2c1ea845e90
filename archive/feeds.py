"""Feeds of the newest articles, RSS and Atom, for readers who follow the archive.

``ArticleItems`` says what an item is, whichever feed lists it (the search's
Atom feed too): the title, the opening words as text, the date its source
published it or, when the source gives none, the date it was added, which the
item then says. An item's id is its permalink, which never changes.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.text import Truncator

from .dates import PartialDate
from .models import ENTITY_MODELS, Article
from .relations import relation_or_404

FEED_SIZE = 30
UNDATED = "لم يذكر المصدر تاريخ نشره؛ تاريخه هنا تاريخ إضافته إلى الأرشيف ({})."


class ArabicRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xml:lang": "ar"}


class ArticleItems:
    """The items of a feed of articles; mixed into a ``Feed`` whose ``items`` are articles."""

    language = "ar"

    def item_title(self, article: Article) -> str:
        return article.display_title

    def item_description(self, article: Article) -> str:
        """The opening words as text: escaped here as HTML, since feed readers read a description as HTML.

        The feed's XML escapes it once more, so a reader shows "<a href=...>" in
        a body as those characters, never as a link.
        """
        opening = Truncator(article.body).words(60)
        if article.published_on is None:
            added = article.created_at.astimezone(timezone.get_current_timezone())
            opening = UNDATED.format(PartialDate(added.year, added.month, added.day)) + "\n" + opening
        return escape(opening)

    def item_pubdate(self, article: Article) -> datetime.datetime:
        """When the source published it (its first day, when it gives only a month or a year), else when added."""
        if article.published_on is None:
            return article.created_at
        return datetime.datetime.combine(
            article.published_on, datetime.time(), timezone.get_current_timezone()
        )

    def item_updateddate(self, article: Article) -> datetime.datetime:
        return article.updated_at


class LatestArticlesFeed(ArticleItems, Feed):
    """``/articles/feed/``: the articles last added, in RSS."""

    feed_type = ArabicRssFeed
    title = "أرشيف الأخبار الدبلوماسية: أحدث المقالات"
    link = reverse_lazy("archive:article-list")
    description = "أحدث المقالات المضافة إلى الأرشيف."

    def items(self):
        return Article.objects.for_listing().order_by("-created_at")[:FEED_SIZE]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    """``/articles/atom/``: the same articles in Atom."""

    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class SubjectAtomFeed(ArticleItems, Feed):
    """The newest articles about one subject (an entity, two countries), in Atom, in the archive's order."""

    feed_type = Atom1Feed

    def title(self, subject) -> str:
        return f"أرشيف الأخبار الدبلوماسية: {subject}"

    def subtitle(self, subject) -> str:
        return f"أحدث المقالات عن {subject}."


class EntityAtomFeed(SubjectAtomFeed):
    """``/people/<slug>/atom/`` and the same for each kind: the newest articles that mention the entity."""

    kind = ""

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind

    def get_object(self, request, slug):
        return get_object_or_404(ENTITY_MODELS[self.kind].objects, slug=slug)

    def link(self, entity) -> str:
        return entity.get_absolute_url()

    def items(self, entity):
        return Article.objects.for_listing().mentioning(entity)[:FEED_SIZE]


class RelationAtomFeed(SubjectAtomFeed):
    """``/relations/<slug>/<slug>/atom/``: the newest articles that name both countries, in either order."""

    def get_object(self, request, first, second):
        return relation_or_404(first, second)

    def link(self, relation) -> str:
        return relation.url

    def items(self, relation):
        return relation.articles()[:FEED_SIZE]
