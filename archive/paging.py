"""Pages of a long list: which page numbers name a page, and the links one pagination template renders.

The policy, for every paginated list, the search and the API alike: no ``page``
(or an empty one) is the first page; a positive whole number up to the last page
is that page; anything else (a page past the last, zero, a negative or a
non-numeric value) names no page and answers 404 with an Arabic message that
says which pages there are. A list with nothing in it still has its first page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, QueryDict

from .numerals import figures, number


class NoSuchPage(Http404):
    """A ``page`` parameter that names no page of the list; its message is for the reader."""

    @classmethod
    def of(cls, value: str, count: int) -> NoSuchPage:
        shown = "".join(ch for ch in value[:20] if ch.isprintable()) + ("…" if len(value) > 20 else "")
        return cls(
            f"لا صفحة «{shown}» في هذه القائمة: صفحاتها من {figures(1)} إلى {number(count)}."
            if count > 1
            else f"لا صفحة «{shown}» في هذه القائمة: لها صفحة واحدة."
        )


def requested_page(value: str | None) -> int | None:
    """The page number a ``page`` parameter asks for; None when it is no positive whole number.

    Python's ``int`` reads Arabic-Indic digits too ("٢" is 2), as a reader may type them.
    """
    text = (value or "").strip()
    if not text:
        return 1
    if len(text) > 20 or not text.isdecimal():
        return None
    number = int(text)
    return number if number >= 1 else None


def checked_page(value: str | None, count: int) -> int:
    """``value`` as a page of a list of ``count`` pages, or ``NoSuchPage``."""
    number = requested_page(value)
    if number is None or number > count:
        raise NoSuchPage.of(value or "", count)
    return number


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


class PaginationMixin:
    """A ``ListView``'s pages by the policy above, and the links between them."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.page(checked_page(self.request.GET.get(self.page_kwarg), paginator.num_pages))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["pages"] = PageLinks.of(self.request.GET, page.number, page.paginator.num_pages)
        return context
