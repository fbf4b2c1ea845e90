"""The kinds of entity for templates, read from the registry of models."""

from django import template
from django.urls import reverse

from archive.models import ENTITY_MODELS

register = template.Library()


@register.simple_tag
def entity_sections() -> list[tuple[str, str]]:
    """(URL of the list, Arabic plural) of every kind of entity, for the site's navigation."""
    return [
        (reverse(f"archive:{kind}-list"), model._meta.verbose_name_plural)
        for kind, model in ENTITY_MODELS.items()
    ]
