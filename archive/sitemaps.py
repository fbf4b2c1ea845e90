"""Sitemaps, so that search engines find every article and entity page."""

from django.contrib.sitemaps import Sitemap

from .models import Article, Entity


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Article.objects.only("slug", "updated_at").order_by("id")

    def lastmod(self, article: Article):
        return article.updated_at


class EntitySitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Entity.objects.only("slug", "kind").order_by("id")


SITEMAPS = {"articles": ArticleSitemap, "entities": EntitySitemap}
