"""The files a citation is downloaded as: each format's renderer, media type and file extension."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from . import bibtex, csl_json, ris, table
from .fields import Citation


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    extension: str
    media_type: str
    render: Callable[[Iterable[Citation]], str]

    def response(self, citations: Iterable[Citation], stem: str) -> HttpResponse:
        """A download of ``citations`` named ``stem`` and the extension, its text in UTF-8."""
        response = HttpResponse(self.render(citations), content_type=f"{self.media_type}; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, f"{stem}.{self.extension}")
        return response


# By file extension, which is also the last part of each download's URL.
FORMATS = {
    offered.extension: offered
    for offered in (
        # The media type the DOI resolvers serve CSL-JSON with.
        Format("CSL-JSON", "json", "application/vnd.citationstyles.csl+json", csl_json.render),
        Format("RIS", "ris", "application/x-research-info-systems", ris.render),
        Format("BibTeX", "bib", "application/x-bibtex", bibtex.render),
        Format("CSV", "csv", "text/csv", table.render),
    )
}
# What an article page offers, and what a search's results are exported as.
ARTICLE_FORMATS = ("json", "ris", "bib")
EXPORT_FORMATS = ("csv", "json")
