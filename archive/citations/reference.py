"""A citation as an Arabic reference, the way a researcher writes a newspaper article in a bibliography.

المصدر، «العنوان»، التاريخ الموافق التاريخ الهجري، أرشيف الأخبار الدبلوماسية، الرابط، تاريخ الاطلاع: اليوم.

An undated article is "د.ت." (دون تاريخ, the Arabic "n.d."); one without a
source starts with its title. Dates are isolated ``<time>`` elements and the
link reads left to right, so the Arabic around them cannot reorder them.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from ..dates import PartialDate
from ..display import date_html, hijri_html
from .fields import ARCHIVE_NAME, Citation

UNDATED = "د.ت."


def reference_html(citation: Citation) -> SafeString:
    """The reference as HTML, every text of the article escaped."""
    accessed = citation.accessed
    parts = [
        *([citation.outlet] if citation.outlet else []),
        format_html("«{}»", citation.title),
        _dated(citation.published),
        ARCHIVE_NAME,
        format_html('<a href="{}" dir="ltr">{}</a>', citation.permalink, citation.permalink),
        format_html("تاريخ الاطلاع: {}", date_html(PartialDate(accessed.year, accessed.month, accessed.day))),
    ]
    return format_html("{}.", format_html_join("، ", "{}", ((part,) for part in parts)))


def _dated(published: PartialDate | None) -> SafeString | str:
    """The date as precise as it is known, with its Hijri date when it is known to the day."""
    if published is None:
        return UNDATED
    if not published.hijri:
        return date_html(published)
    return format_html("{} {}", date_html(published), hijri_html(published))
