"""Template filters for numbers, dates and kinds of entity as Arabic readers read them."""

from django import template

from arabic.numbers import arabic_count, arabic_number
from archive.dates import PartialDate
from archive.models import ENTITY_MODELS, Article, entity_kinds

register = template.Library()
register.filter("arabic_number", arabic_number)


@register.filter(name="arabic_count")
def count_of(value, noun: str) -> str:
    """A number of articles or of one kind of entity: ``{{ total|arabic_count:"article" }}``."""
    model = Article if noun == "article" else ENTITY_MODELS[noun]
    return arabic_count(value, model.COUNTED)


@register.filter
def partial_date(value: str) -> str:
    """An ISO partial date ("2021-04") as an Arabic reader reads it ("أبريل ٢٠٢١")."""
    try:
        return str(PartialDate.parse(value)) if value else ""
    except ValueError:
        return value


@register.filter
def entity_kind(kind: str) -> str:
    """The Arabic name of an entity's kind ("person" → "شخص")."""
    return dict(entity_kinds()).get(kind, kind)
