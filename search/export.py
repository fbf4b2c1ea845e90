"""A search's results as a file for researchers: the page's parameters, the first ``EXPORT_LIMIT`` results."""

from __future__ import annotations

from archive.models import Article

from . import conf
from .forms import SearchForm


def exported_articles(form: SearchForm) -> list[Article]:
    """The first ``EXPORT_LIMIT`` articles a valid form's search finds, in its order, read from the database.

    The index names them; the database, the source of truth, gives what is cited.
    An article deleted since it was indexed is left out. Raises ``IndexUnavailable``
    while the index cannot be read.
    """
    ids = [int(result.pk) for result in form.articles()[: conf.get("EXPORT_LIMIT")]]
    articles = Article.objects.select_related("source").in_bulk(ids)
    return [articles[id_] for id_ in ids if id_ in articles]
