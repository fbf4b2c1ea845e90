"""The search page and the OpenSearch description: parse, delegate, render."""

from __future__ import annotations

from django.views.generic import TemplateView

from .pipeline import run_search


class SearchView(TemplateView):
    """``/search/?q=…``: every state of the page (filters, dates, sort, page) is its URL."""

    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        outcome = run_search(self.request.GET, name_entities=True)
        return super().get_context_data(search=outcome, form=outcome.form, **kwargs)


class OpenSearchDescriptionView(TemplateView):
    """Lets a browser add the archive as a search engine."""

    template_name = "search/opensearch.xml"
    content_type = "application/opensearchdescription+xml; charset=utf-8"
