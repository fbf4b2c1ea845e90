"""Browsing pages: parse the request, ask the models, render a template."""

from __future__ import annotations

import logging

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView
from haystack.query import SearchQuerySet

from .forms import ArticleFilterForm
from .models import ENTITY_MODELS, Article, Person
from .rendering import entities_by_kind, paragraphs_with_mentions

PAGE_SIZE = 20
RELATED_ARTICLES = 5

log = logging.getLogger(__name__)


def related_articles(article: Article) -> list:
    """Articles that share the most telling words with ``article`` (more like this).

    A side box: when the index cannot answer, the page is shown without it.
    """
    try:
        return list(SearchQuerySet().models(Article).more_like_this(article)[:RELATED_ARTICLES])
    except Exception:
        log.exception("related articles of %s are unavailable", article.pk)
        return []


class ForgivingPaginationMixin:
    """An out-of-range page shows the last page, a nonsense one the first: never a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        """The current query without its page number, for the pagination links."""
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        return super().get_context_data(query_without_page=query.urlencode(), **kwargs)


class HomeView(TemplateView):
    template_name = "archive/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest=Article.objects.for_listing()[:10],
            article_count=Article.objects.count(),
            counts={kind: model.objects.count() for kind, model in ENTITY_MODELS.items()},
            top_people=Person.objects.with_article_counts().order_by("-article_count", "name")[:8],
            **kwargs,
        )


class ArticleListView(ForgivingPaginationMixin, ListView):
    """All articles, newest first, narrowed by source, year and country."""

    template_name = "archive/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.filter_form = ArticleFilterForm(self.request.GET or None)
        return self.filter_form.filter(Article.objects.for_listing())

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class ArticleDetailView(DetailView):
    model = Article
    template_name = "archive/article_detail.html"
    queryset = Article.objects.select_related("source")

    def get_context_data(self, **kwargs):
        article = self.object
        mentions = list(article.mentions.select_related("entity"))
        return super().get_context_data(
            paragraphs=paragraphs_with_mentions(article, mentions),
            entity_groups=entities_by_kind(mentions),
            related_articles=related_articles(article),
            older_article=article.neighbour(older=True),
            newer_article=article.neighbour(older=False),
            **kwargs,
        )


class EntityDetailView(ForgivingPaginationMixin, ListView):
    """One entity and, page by page, the articles that mention it, newest first."""

    kind: str = ""
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get(self, request, *args, **kwargs):
        entities = ENTITY_MODELS[self.kind].objects.prefetch_related("aliases")
        self.entity = get_object_or_404(entities, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Article.objects.for_listing().mentioning(self.entity)

    def get_template_names(self):
        return [f"archive/{self.kind}_detail.html", "archive/entity_detail.html"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(entity=self.entity, **kwargs)


class EntityListView(ForgivingPaginationMixin, ListView):
    """Every entity of one kind, with how many articles mention it."""

    kind: str = ""
    context_object_name = "entities"
    template_name = "archive/entity_list.html"
    paginate_by = 100

    def get_queryset(self):
        return ENTITY_MODELS[self.kind].objects.with_article_counts().order_by("-article_count", "name")

    def get_context_data(self, **kwargs):
        model = ENTITY_MODELS[self.kind]
        return super().get_context_data(kind=self.kind, heading=model._meta.verbose_name_plural, **kwargs)
