"""``/search/feed/``: any search as an Atom feed, its newest articles first, for a reader to follow.

The parameters are the search page's (``SearchForm``); the feed lists the
newest results by publication date whatever order the page shows, and each
item is the article as every feed of the archive shows it (``ArticleItems``).
A refused parameter gets its Arabic message (400), an unreadable index a 503.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import HttpResponse, QueryDict
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from archive.feeds import FEED_SIZE, ArticleItems
from archive.models import Article
from archive.paging import url_with

from .api import UNAVAILABLE
from .backends import IndexUnavailable
from .forms import SearchForm


def _text(message: str, status: int) -> HttpResponse:
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


class SearchFeed(ArticleItems, Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        form = self.get_object(request)
        if not form.is_valid():
            return _text("\n".join(form.messages), status=400)
        try:
            return super().__call__(request, *args, **kwargs)
        except IndexUnavailable:
            return _text(UNAVAILABLE, status=503)

    def get_object(self, request) -> SearchForm:
        """The search asked for, newest first; the page's order and page number do not matter here."""
        params = request.GET.copy()
        params.pop("page", None)
        params["sort"] = "newest"
        form = SearchForm(params)
        form.is_valid()
        return form

    def title(self, form: SearchForm) -> str:
        words = form.cleaned_data["q"]
        return f"أرشيف الأخبار الدبلوماسية: البحث عن «{words}»" if words else "أرشيف الأخبار الدبلوماسية: بحث"

    def subtitle(self, form: SearchForm) -> str:
        return "أحدث المقالات التي تطابق هذا البحث، بتاريخ نشرها."

    def link(self, form: SearchForm) -> str:
        return reverse("search:search") + _followed(form.data)

    def feed_url(self, form: SearchForm) -> str:
        return feed_of(form.data)

    def items(self, form: SearchForm) -> list[Article]:
        found = [int(result.pk) for result in form.search()[:FEED_SIZE]]
        articles = Article.objects.for_listing().in_bulk(found)
        return [articles[pk] for pk in found if pk in articles]


def _followed(params: QueryDict) -> str:
    """The query string of a search as the page shows it, without its page or the feed's order."""
    return url_with(params, sort="")


def feed_of(params: QueryDict) -> str:
    """The feed of the search ``params`` ask for."""
    return reverse("search:feed") + _followed(params)
