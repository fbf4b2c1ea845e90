"""The search page, its results exported as files, and the OpenSearch description: parse, delegate, render."""

from __future__ import annotations

from dataclasses import asdict

from django.http import Http404, JsonResponse
from django.views import View
from django.views.generic import TemplateView

from archive.citations.fields import cite
from archive.citations.formats import EXPORT_FORMATS, FORMATS
from archive.latin_names import is_latin

from . import conf, health
from .backends import IndexUnavailable
from .export import exported_articles
from .feeds import feed_of
from .forms import SearchForm
from .pipeline import SearchOutcome, run_search


class SearchView(TemplateView):
    """``/search/?q=…``: every state of the page (filters, dates, sort, page) is its URL."""

    template_name = "search/search.html"

    def get(self, request, *args, **kwargs):
        outcome = run_search(request.GET, name_entities=True)
        typed = request.GET.get("q", "")
        context = self.get_context_data(
            search=outcome,
            form=outcome.form,
            feed_url=feed_of(request.GET),
            export_limit=conf.get("EXPORT_LIMIT"),
            # Words in Latin letters and none in Arabic ones: an Arabic archive finds nothing of them.
            latin_query=is_latin(typed),
            **kwargs,
        )
        return self.render_to_response(context, status=503 if outcome.unavailable else 200)


class SearchExportView(TemplateView):
    """``/search/export.csv`` and ``.json``: a search's first results, cited, as a file to download.

    It takes the search page's parameters (the page number aside). Parameters the
    search refuses get the search page with its Arabic errors, status 400.
    """

    template_name = "search/search.html"

    def get(self, request, *args, **kwargs):
        if kwargs["extension"] not in EXPORT_FORMATS:
            raise Http404("لا تصدير بهذه الصيغة.")
        form = SearchForm(request.GET)
        if not form.is_valid():
            return self._refused(SearchOutcome(form), status=400)
        try:
            articles = exported_articles(form)
        except IndexUnavailable:
            return self._refused(SearchOutcome(form, unavailable=True), status=503)
        citations = [cite(article, request) for article in articles]
        return FORMATS[kwargs["extension"]].response(citations, "نتائج-البحث")

    def _refused(self, outcome: SearchOutcome, status: int):
        return self.render_to_response(
            self.get_context_data(search=outcome, form=outcome.form), status=status
        )


class HealthView(View):
    """``/healthz``: 503 when the database cannot be read, else 200 ("degraded" while the index cannot be).

    An index being rebuilt leaves every page but search answering, so a load
    balancer should keep sending readers; the figures say how far behind it is.
    """

    def get(self, request):
        state = health.current()
        status = "failing" if not state.serving else "ok" if state.index else "degraded"
        return JsonResponse({"status": status, **asdict(state)}, status=200 if state.serving else 503)


class OpenSearchDescriptionView(TemplateView):
    """Lets a browser add the archive as a search engine."""

    template_name = "search/opensearch.xml"
    content_type = "application/opensearchdescription+xml; charset=utf-8"
