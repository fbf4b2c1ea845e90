"""Template filters for numbers, dates and kinds of entity as Arabic readers read them.

Numbers come in the digits ``ARCHIVE_DIGITS`` names (``archive.numerals``);
dates as isolated ``<time>`` elements (``archive.display``).
"""

from django import template

from archive import display, numerals
from archive.models import ENTITY_MODELS, Article, entity_kinds

register = template.Library()
register.filter("arabic_number", numerals.number)
register.filter("partial_date", display.date_html)
register.filter("hijri_date", display.hijri_html)
register.filter("ltr", display.ltr_html)


@register.filter(name="arabic_count")
def count_of(value, noun: str) -> str:
    """A number of articles or of one kind of entity: ``{{ total|arabic_count:"article" }}``."""
    model = Article if noun == "article" else ENTITY_MODELS[noun]
    return numerals.count(value, model.COUNTED)


@register.filter
def entity_kind(kind: str) -> str:
    """The Arabic name of an entity's kind ("person" → "شخص")."""
    return dict(entity_kinds()).get(kind, kind)
