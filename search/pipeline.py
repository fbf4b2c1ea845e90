"""One search, from a URL's parameters to everything the page and the API show of it.

Both ``search.views.SearchView`` and ``search.api.SearchAPIView`` call
``run_search``: the parameters are checked by ``SearchForm``, the search runs
once (``results.run``: a page, the count, the facets, a suggestion), or its
answer is reused until the index changes (``answers``), and its
surroundings are shaped (``shaping``). The views only render the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import QueryDict

from archive.latin_names import is_latin, resembling
from archive.paging import PageLinks, checked_page, url_with
from archive.timeline import Timeline, timeline

from . import answers, conf, results, shaping
from .backends import IndexUnavailable
from .forms import SearchForm


@dataclass(frozen=True)
class SearchOutcome:
    """A search as asked; ``page`` is None when the parameters were refused or asked nothing."""

    form: SearchForm
    page: results.ResultPage | None = None
    facets: list[shaping.FacetGroup] = field(default_factory=list)
    chips: list[shaping.Link] = field(default_factory=list)
    sort_links: list[shaping.Link] = field(default_factory=list)
    export_links: list[shaping.Link] = field(default_factory=list)
    pages: PageLinks | None = None
    suggestion_url: str = ""
    entities: list = field(default_factory=list)
    # A Latin query that found nothing: the names whose Latin spellings it resembles.
    names_in_arabic: list[shaping.NameInArabic] = field(default_factory=list)
    timeline: Timeline | None = None
    # The index could not be read: the page says so, the API answers 503.
    unavailable: bool = False

    @property
    def errors(self) -> list[str]:
        return self.form.messages


def run_search(
    params: QueryDict, *, run_when_empty: bool = False, name_entities: bool = False
) -> SearchOutcome:
    """Check ``params``, run the search they ask for, and shape what is shown around it.

    A request with no parameters leaves the form unbound. With nothing asked,
    the page shows how to search, while ``run_when_empty`` lists every article
    (the API). ``name_entities`` adds, on the first page, the entities the words name,
    and to a Latin query that found nothing the names it may mean.
    """
    form = SearchForm(params if run_when_empty else params or None)
    if not form.is_bound or not form.is_valid():
        return SearchOutcome(form)
    if form.is_empty and not run_when_empty:
        checked_page(params.get("page"), 1)  # the help shown instead of results is one page
        return SearchOutcome(form)
    try:
        number, size = params.get("page"), conf.get("PAGE_SIZE")
        page = answers.remembered(
            (form.question, number, size), lambda: results.run(form.search(), number, size)
        )
    except IndexUnavailable:
        return SearchOutcome(form, unavailable=True)
    shown = shaping.most_frequent(page.facets, conf.get("FACET_VALUES"))
    labels = results.facet_labels(shown)
    text = form.cleaned_data["q"]
    named = name_entities and text and page.number == 1
    return SearchOutcome(
        form,
        page,
        facets=shaping.facet_groups(params, form, shown, labels),
        chips=shaping.chips(params, form, labels),
        sort_links=shaping.sort_links(params, form),
        export_links=shaping.export_links(params),
        pages=PageLinks.of(params, page.number, page.page_count),
        suggestion_url=url_with(params, q=page.suggestion) if page.suggestion else "",
        entities=results.matching_entities(text) if named else [],
        names_in_arabic=shaping.names_in_arabic(params, resembling(text))
        if named and not page.total and is_latin(text)
        else [],
        timeline=timeline(shaping.dated_counts(page.facets), params),
    )
