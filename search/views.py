"""The search page and the OpenSearch description: parse, delegate, render."""

from __future__ import annotations

from django.http import QueryDict
from django.views.generic import TemplateView

from . import conf, results
from .forms import FILTERS, SORTS, SearchForm

FACET_HEADINGS = {
    "person": "الأشخاص",
    "organization": "المنظمات",
    "country": "الدول",
    "agreement": "الاتفاقيات",
    "source": "المصادر",
    "year": "السنوات",
}
SORT_LABELS = {"relevance": "الأقرب صلةً", "newest": "الأحدث", "oldest": "الأقدم"}


def _url(query: QueryDict, **changes) -> str:
    """``?`` and the query, with ``changes`` applied and the page number reset."""
    query = query.copy()
    query.pop("page", None)
    for key, value in changes.items():
        query.pop(key, None)
        if value:
            query[key] = value
    return "?" + query.urlencode()


def _with_value(query: QueryDict, parameter: str, value: str, present: bool) -> str:
    query = query.copy()
    query.pop("page", None)
    values = [v for v in query.getlist(parameter) if v != value]
    query.setlist(parameter, [*values, value] if present else values)
    return "?" + query.urlencode()


class SearchView(TemplateView):
    """``/search/?q=…``: every state of the page (filters, dates, sort, page) is its URL."""

    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET
        form = SearchForm(query or None)
        context = {"form": form, "query": form.data.get("q", "") if form.is_bound else ""}
        if form.is_bound and form.is_valid() and not form.is_empty:
            page = results.run(form.search(), results.page_number(query.get("page")), conf.get("PAGE_SIZE"))
            labels = results.facet_labels(page.facets)
            context |= {
                "page": page,
                "facet_groups": self._facet_groups(query, page, form, labels),
                "chips": self._chips(query, form, labels),
                "sort_links": [
                    (
                        SORT_LABELS[key],
                        _url(query, sort=key if key != "relevance" else ""),
                        (form.cleaned_data.get("sort") or "relevance") == key,
                    )
                    for key in SORTS
                ],
                "previous_url": _url(query, page=str(page.number - 1)) if page.number > 1 else "",
                "next_url": _url(query, page=str(page.number + 1)) if page.number < page.page_count else "",
                "suggestion_url": _url(query, q=page.suggestion) if page.suggestion else "",
                "entities": results.matching_entities(form.cleaned_data["q"])
                if form.cleaned_data["q"] and page.number == 1
                else [],
            }
        return super().get_context_data(**context, **kwargs)

    @staticmethod
    def _facet_groups(
        query: QueryDict, page: results.ResultPage, form: SearchForm, labels: dict
    ) -> list[dict]:
        groups = []
        for parameter, field in FILTERS.items():
            chosen = set(form.filters.get(parameter, ()))
            values = [
                {
                    "label": labels[field, value],
                    "count": count,
                    "selected": value in chosen,
                    "url": _with_value(query, parameter, value, present=value not in chosen),
                }
                for value, count in page.facets.get(field, ())
            ]
            if values:
                groups.append(
                    {"heading": FACET_HEADINGS[parameter], "parameter": parameter, "values": values}
                )
        return groups

    @staticmethod
    def _chips(query: QueryDict, form: SearchForm, labels: dict) -> list[tuple[str, str]]:
        """Each filter in force, and the URL without it."""
        chips = [
            (
                labels.get((FILTERS[parameter], value), value),
                _with_value(query, parameter, value, present=False),
            )
            for parameter, values in form.filters.items()
            for value in values
        ]
        for bound, heading in (("date_from", "من"), ("date_to", "إلى")):
            if form.cleaned_data.get(bound):
                chips.append((f"{heading} {form.cleaned_data[bound]}", _url(query, **{bound: ""})))
        return chips


class OpenSearchDescriptionView(TemplateView):
    """Lets a browser add the archive as a search engine."""

    template_name = "search/opensearch.xml"
    content_type = "application/opensearchdescription+xml; charset=utf-8"
