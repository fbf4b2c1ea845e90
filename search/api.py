"""The search as JSON, for programs: the page's parameters, the page's answers."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.views import View

from archive.models import Article
from archive.paging import checked_page

from . import conf
from .forms import SORTS, SearchForm
from .pipeline import run_search

RELEVANCE = next(iter(SORTS))

UNAVAILABLE = "فهرس البحث يُعاد بناؤه من قاعدة البيانات الآن؛ أعد المحاولة بعد قليل."


def _json(payload: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(payload, status=status, json_dumps_params={"ensure_ascii": False})


def _result(result, request, scored: bool) -> dict:
    """One result; ``score`` only when the results are in order of relevance, the one order it explains."""
    highlighted = getattr(result, "highlighted", None) or {}
    return {
        "id": int(result.pk),
        "title": result.title,
        "url": request.build_absolute_uri(result.url),
        "date": result.date or None,
        "source": result.source_name or None,
        "snippet": highlighted["body"].__html__() if "body" in highlighted else None,
        "score": round(result.score, 4) if scored else None,
    }


class SearchAPIView(View):
    """``/api/search``: the total, one page of results with marked snippets, and the facets."""

    def get(self, request):
        search = run_search(request.GET, run_when_empty=True)
        if search.unavailable:
            return _json({"errors": [UNAVAILABLE]}, status=503)
        if search.page is None:
            return _json({"errors": search.errors}, status=400)
        page = search.page
        return _json(
            {
                "query": search.form.cleaned_data["q"],
                "total": page.total,
                "page": page.number,
                "pages": page.page_count,
                "suggestion": page.suggestion,
                "results": [
                    _result(result, request, scored=search.form.order == RELEVANCE) for result in page.results
                ],
                "facets": {
                    group.parameter: [
                        {"value": value.value, "label": value.label, "count": value.count}
                        for value in group.values
                    ]
                    for group in search.facets
                },
            }
        )


def _article(article: Article, request) -> dict:
    """What the API says of any article: where it is, its title, date and source, and its original."""
    return {
        "id": article.pk,
        "title": article.display_title,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "date": article.published.isoformat() if article.published else None,
        "source": article.source.name if article.source else None,
        "original_url": article.url or None,
    }


class ArticleListAPIView(View):
    """``/api/articles``: every article, page by page, from the database, narrowed as ``/api/search`` narrows.

    The same filters, dates and orders as the search, without words (``q`` is
    ignored; in order of relevance means the archive's own order, newest first).
    """

    def get(self, request):
        params = request.GET.copy()
        params.pop("q", None)
        form = SearchForm(params)
        if not form.is_valid():
            return _json({"errors": form.messages}, status=400)
        articles = Article.objects.for_listing().published_between(*form.period)
        for facet, values in form.filters.items():
            articles = articles.holding(facet, values)
        if form.order == "oldest":
            articles = articles.oldest_first()
        paginator = Paginator(articles, conf.get("PAGE_SIZE"))
        page = paginator.page(checked_page(request.GET.get("page"), paginator.num_pages))
        return _json(
            {
                "total": paginator.count,
                "page": page.number,
                "pages": paginator.num_pages,
                "results": [{**_article(article, request), "lede": article.lede} for article in page],
            }
        )


class ArticleAPIView(View):
    """``/api/articles/<id>``: one article and the entities it mentions."""

    def get(self, request, pk: int):
        # A number past any database's integer range names no article.
        article = Article.objects.select_related("source").filter(pk=pk).first() if pk < 2**63 else None
        if article is None:
            return _json({"errors": [f"لا مقال بالرقم {pk}."]}, status=404)
        mentions = article.mentions.standing().select_related("entity").order_by("start")
        entities = {}
        for mention in mentions:
            entity = entities.setdefault(
                mention.entity_id,
                {
                    "id": mention.entity_id,
                    "kind": mention.entity.kind,
                    "name": mention.entity.name,
                    "url": request.build_absolute_uri(mention.entity.get_absolute_url()),
                    "mentions": [],
                },
            )
            entity["mentions"].append(
                {
                    "start": mention.start,
                    "end": mention.end,
                    "confirmed": mention.state == mention.State.CONFIRMED,
                }
            )
        return _json(
            {**_article(article, request), "body": article.body, "entities": list(entities.values())}
        )
