"""The search's parameters, read from a URL and checked, for the page and the API alike."""

from __future__ import annotations

import re
from typing import NamedTuple

from django import forms
from django.core.validators import RegexValidator

from arabic.normalization import words
from archive.forms import DateRangeForm
from archive.models import Article
from archive.numerals import number

from . import conf
from .backends import ArchiveSearchQuerySet
from .search_indexes import FACETS, MONTH_FACET


class SortOrder(NamedTuple):
    label: str
    order_by: str | None


class SortOption(NamedTuple):
    """An order as the search form offers it: the value sent, its label, and whether it is the one asked."""

    value: str
    label: str
    selected: bool


# The orders of a search's results, by their URL value; the first is the default.
SORTS = {
    "relevance": SortOrder("الأقرب صلةً", None),
    "newest": SortOrder("الأحدث", "-published"),
    "oldest": SortOrder("الأقدم", "published"),
}
_SLUG = RegexValidator(r"^[-\w]+\Z", "قيمة التصفية غير صالحة.")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class SearchForm(DateRangeForm):
    q = forms.CharField(required=False, label="ابحث في الأرشيف", strip=True)
    sort = forms.ChoiceField(
        required=False,
        choices=[(key, order.label) for key, order in SORTS.items()],
        label="الترتيب",
    )
    # How the results are shown, not which: left out of ``question``.
    hijri = forms.BooleanField(required=False, label="التاريخ الهجري بجانب الميلادي")

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.filters: dict[str, list[str]] = {}

    def clean_q(self) -> str:
        query = _CONTROL.sub(" ", self.cleaned_data["q"])
        longest = conf.get("MAX_QUERY_LENGTH")
        if len(query) > longest:
            raise forms.ValidationError(
                f"الاستعلام أطول من {number(longest)} حرف ({number(len(query))}): اختصره."
            )
        if query and not any(True for _ in words(query)):
            raise forms.ValidationError("لا يحوي الاستعلام كلمات يُبحث عنها: اكتب كلمة عربية أو أكثر.")
        return query

    def clean(self):
        data = super().clean()
        for parameter in FACETS:
            values = (
                list(dict.fromkeys(self.data.getlist(parameter))) if hasattr(self.data, "getlist") else []
            )
            for value in values:
                try:
                    _SLUG(value)
                except forms.ValidationError as error:
                    self.add_error(None, error)
                    return data
            if values:
                self.filters[parameter] = values
        return data

    @property
    def is_empty(self) -> bool:
        """Nothing asked: the page shows how to search."""
        if not self.is_valid():
            return False
        data = self.cleaned_data
        return not (data["q"] or self.filters or data["date_from"] or data["date_to"])

    def search(self) -> ArchiveSearchQuerySet:
        """The articles the parameters ask for, with facets and highlights: what a page of results shows."""
        results = self.articles().highlight()
        for facet in (*FACETS, MONTH_FACET):
            results = results.facet(facet)
        return results

    def articles(self) -> ArchiveSearchQuerySet:
        """The articles the parameters ask for, in the order asked, and nothing more."""
        data = self.cleaned_data
        results = ArchiveSearchQuerySet().models(Article).matching(data["q"])
        for facet, values in self.filters.items():
            for value in values:
                results = results.narrow(f'{facet}:"{value}"')
        # An article's date is a period (a year, a month or a day): it is kept when it overlaps the range.
        start, end = self.period
        if start:
            results = results.filter(published_until__gte=start)
        if end:
            results = results.filter(published__lte=end)
        order = SORTS[self.order].order_by
        return results.order_by(order) if order else results

    @property
    def sort_options(self) -> list[SortOption]:
        """The orders to choose from; the default is sent as no value, so its URL needs no parameter."""
        default = next(iter(SORTS))
        asked = (self.data.get("sort") if self.data else "") or default
        return [
            SortOption("" if key == default else key, order.label, key == asked)
            for key, order in SORTS.items()
        ]

    @property
    def question(self) -> tuple:
        """What the parameters ask, as a key: the words, the filters, the period and the order."""
        filters = tuple(sorted((facet, tuple(values)) for facet, values in self.filters.items()))
        return (self.cleaned_data["q"], filters, self.period, self.order)

    @property
    def order(self) -> str:
        """The order asked for, by its URL value."""
        return self.cleaned_data.get("sort") or next(iter(SORTS))
