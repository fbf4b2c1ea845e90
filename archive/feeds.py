"""An RSS feed of the newest articles, for readers who follow the archive."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.text import Truncator

from .models import Article

FEED_SIZE = 30


class ArabicRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xml:lang": "ar"}


class LatestArticlesFeed(Feed):
    feed_type = ArabicRssFeed
    title = "أرشيف الأخبار الدبلوماسية: أحدث المقالات"
    link = reverse_lazy("archive:article-list")
    description = "أحدث المقالات المضافة إلى الأرشيف."
    language = "ar"

    def items(self):
        return Article.objects.for_listing().order_by("-created_at")[:FEED_SIZE]

    def item_title(self, article: Article) -> str:
        return article.display_title

    def item_description(self, article: Article) -> str:
        """The opening words as text: escaped here as HTML, since feed readers read a description as HTML.

        The feed's XML escapes it once more, so a reader shows "<a href=...>" in
        a body as those characters, never as a link.
        """
        return escape(Truncator(article.body).words(60))

    def item_pubdate(self, article: Article) -> datetime.datetime:
        """When the source published it (its first day, when it gives only a month or a year), else when added."""
        if article.published_on is None:
            return article.created_at
        return datetime.datetime.combine(
            article.published_on, datetime.time(), timezone.get_current_timezone()
        )
