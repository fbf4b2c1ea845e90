"""Pages of a long list: forgiving page numbers, and the links one pagination template renders."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict


def url_with(query: QueryDict, **changes: str) -> str:
    """``?`` and ``query`` with ``changes`` applied (an empty value removes a key), back on page one."""
    query = query.copy()
    query.pop("page", None)
    for key, value in changes.items():
        query.pop(key, None)
        if value:
            query[key] = value
    return "?" + query.urlencode()


@dataclass(frozen=True, slots=True)
class PageLinks:
    """Where a list is, page by page: what ``templates/includes/pagination.html`` shows."""

    number: int
    count: int
    previous_url: str = ""
    next_url: str = ""

    @classmethod
    def of(cls, query: QueryDict, number: int, count: int) -> PageLinks:
        return cls(
            number,
            count,
            url_with(query, page=str(number - 1)) if number > 1 else "",
            url_with(query, page=str(number + 1)) if number < count else "",
        )


class ForgivingPaginationMixin:
    """An out-of-range page shows the last page, a nonsense one the first: never a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["pages"] = PageLinks.of(self.request.GET, page.number, page.paginator.num_pages)
        return context
