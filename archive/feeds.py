"""An RSS feed of the newest articles, for readers who follow the archive."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
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

    def item_pubdate(self, article: Article):
        return article.created_at
