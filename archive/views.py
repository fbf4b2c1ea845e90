"""Browsing pages: parse the request, ask the models, render a template."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView
from django.views.generic.detail import SingleObjectMixin

from .citations.fields import cite
from .citations.formats import ARTICLE_FORMATS, FORMATS
from .citations.reference import reference_html
from .forms import ArticleFilterForm, DateRangeForm
from .models import ENTITY_MODELS, Agreement, Article, Country, Organization, Person
from .paging import PaginationMixin
from .relations import Relation, co_mentioned, mentions_in_context, relation_or_404
from .rendering import entities_by_kind, paragraphs_with_mentions
from .timeline import timeline

PAGE_SIZE = 20


class HomeView(TemplateView):
    template_name = "archive/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest=Article.objects.for_listing()[:10],
            article_count=Article.objects.count(),
            entity_counts=[
                (kind, reverse(f"archive:{kind}-list"), model.objects.count())
                for kind, model in ENTITY_MODELS.items()
                if model.FACETED
            ],
            top_people=Person.objects.with_article_counts().order_by("-article_count", "name")[:8],
            **kwargs,
        )


class ArticleListView(PaginationMixin, ListView):
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
        mentions = list(article.mentions.standing().select_related("entity"))
        citation = cite(article, self.request)
        return super().get_context_data(
            paragraphs=paragraphs_with_mentions(article, mentions),
            entity_groups=entities_by_kind(mentions),
            canonical_url=citation.permalink,
            reference=reference_html(citation),
            citation_formats=[FORMATS[extension] for extension in ARTICLE_FORMATS],
            older_article=article.neighbour(older=True),
            newer_article=article.neighbour(older=False),
            **kwargs,
        )


class ArticleCitationView(SingleObjectMixin, View):
    """``/articles/<slug>/cite.<extension>``: the article's citation, a file for a reference manager."""

    model = Article
    queryset = Article.objects.select_related("source")

    def get(self, request, *args, **kwargs):
        if kwargs["extension"] not in ARTICLE_FORMATS:
            raise Http404("لا استشهاد بهذه الصيغة.")
        article = self.get_object()
        return FORMATS[kwargs["extension"]].response([cite(article, request)], article.slug)


class EntityDetailView(PaginationMixin, ListView):
    """One entity and, page by page, the articles that mention it, newest first, over the years or a period."""

    kind: str = ""
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get(self, request, *args, **kwargs):
        entities = ENTITY_MODELS[self.kind].objects.prefetch_related("aliases")
        self.entity = get_object_or_404(entities, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        self.dates = DateRangeForm(self.request.GET or None)
        return Article.objects.for_listing().mentioning(self.entity).published_between(*self.dates.period)

    def get_template_names(self):
        return [f"archive/{self.kind}_detail.html", "archive/entity_detail.html"]

    def get_context_data(self, **kwargs):
        canonical_url = self.request.build_absolute_uri(self.entity.get_absolute_url())
        context = super().get_context_data(
            entity=self.entity,
            canonical_url=canonical_url,
            dates=self.dates,
            timeline=timeline(self.object_list.dated_counts(), self.request.GET),
            **kwargs,
        )
        context["articles_in_context"] = mentions_in_context(self.entity, context["articles"])
        context["companions"] = co_mentioned(self.entity, [Person.KIND, Organization.KIND])
        if self.kind == Country.KIND:
            context["neighbours"] = [
                (country, Relation.of(self.entity, country).url)
                for country in co_mentioned(self.entity, [Country.KIND])
            ]
        if self.kind == Agreement.KIND:
            context["events"] = self.entity.events.prefetch_related("articles__source")
        return context


class EntityListView(PaginationMixin, ListView):
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


class RelationView(PaginationMixin, ListView):
    """Two countries: their agreements, the articles naming both (newest first), their officials, committees, visits.

    Either order of the two slugs leads here; any but the canonical one redirects to it.
    """

    template_name = "archive/relation_detail.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get(self, request, *args, **kwargs):
        self.relation = relation_or_404(kwargs["first"], kwargs["second"])
        if (kwargs["first"], kwargs["second"]) != (self.relation.first.slug, self.relation.second.slug):
            query = request.META.get("QUERY_STRING", "")
            return redirect(self.relation.url + (f"?{query}" if query else ""), permanent=True)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.relation.articles()

    def get_context_data(self, **kwargs):
        relation = self.relation
        return super().get_context_data(
            relation=relation,
            canonical_url=self.request.build_absolute_uri(relation.url),
            agreements=relation.agreements(),
            officials=relation.officials(),
            joint_bodies=relation.joint_bodies(),
            visits=relation.visits(),
            **kwargs,
        )
