"""What a citation of an article says, whatever the format that writes it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils import timezone

from ..dates import PartialDate
from ..models import Article

# The archive, named as the collection an article was read in.
ARCHIVE_NAME = "أرشيف الأخبار الدبلوماسية"


@dataclass(frozen=True, slots=True)
class Citation:
    """An article as a reference: ``permalink`` is the absolute URL its page declares canonical."""

    key: str
    title: str
    outlet: str
    published: PartialDate | None
    permalink: str
    original_url: str
    accessed: datetime.date
    language: str

    @property
    def hijri(self) -> str:
        """The publication's Hijri date, when it is known to the day; "" otherwise."""
        return self.published.hijri if self.published else ""


def cite(article: Article, request: HttpRequest) -> Citation:
    """The citation of ``article`` as read today (in the archive's time zone) through ``request``.

    The permalink is the absolute URL of the article's page on the host asked,
    the one the page declares canonical. The title is the article's, or its
    opening words when the source gave none, on one line: RIS and CSV give a
    field one line.
    """
    return Citation(
        key=f"archive-{article.pk}",
        title=" ".join(article.display_title.split()),
        outlet=article.source.name if article.source else "",
        published=article.published,
        permalink=request.build_absolute_uri(article.get_absolute_url()),
        original_url=article.url,
        accessed=timezone.localdate(),
        language=article.language,
    )
