"""The admin's article search asks the search index, as the search page does."""

from django.contrib import admin, messages

from archive.admin import ArticleAdmin
from archive.models import Article

from .backends import ArchiveSearchQuerySet, IndexUnavailable


class IndexedSearchMixin:
    """Search as the search page does: "الامن" finds "والأمن", and quotes, OR, -word work.

    The admin's own search is a SQL ``LIKE``, blind to Arabic spelling; this asks
    the search index for the best ``INDEXED_SEARCH_LIMIT`` matches instead.
    """

    INDEXED_SEARCH_LIMIT = 1000

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        try:
            hits = (
                ArchiveSearchQuerySet().models(self.model).matching(search_term)[: self.INDEXED_SEARCH_LIMIT]
            )
            return queryset.filter(pk__in=[int(hit.pk) for hit in hits]), False
        except IndexUnavailable:
            # While the index is rebuilt, the titles are searched as the database writes them.
            messages.warning(request, "فهرس البحث يُعاد بناؤه: البحث الآن في العناوين كما كُتبت فقط.")
            return super().get_search_results(request, queryset, search_term)


admin.site.unregister(Article)


@admin.register(Article)
class IndexedArticleAdmin(IndexedSearchMixin, ArticleAdmin):
    """The article admin, its search box reading Arabic as the index does."""
