"""The search page and the OpenSearch description: parse, delegate, render."""

from __future__ import annotations

import re
from dataclasses import asdict

from django.http import JsonResponse
from django.views import View
from django.views.generic import TemplateView

from . import health
from .feeds import feed_of
from .pipeline import run_search

_LATIN = re.compile("[A-Za-z]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")


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
            # Words in Latin letters and none in Arabic ones: an Arabic archive finds nothing of them.
            latin_query=bool(_LATIN.search(typed)) and not _ARABIC.search(typed),
            **kwargs,
        )
        return self.render_to_response(context, status=503 if outcome.unavailable else 200)


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
