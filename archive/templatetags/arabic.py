"""Template filters for numbers written for Arabic readers."""

from django import template

from archive.dates import PartialDate
from archive.models import Entity
from archive.numbers import arabic_count, arabic_number

register = template.Library()
register.filter("arabic_number", arabic_number)
register.filter("arabic_count", arabic_count)


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
    return Entity.Kind(kind).label if kind in Entity.Kind.values else kind
