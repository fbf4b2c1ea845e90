"""The archive's data: articles and their sources, the entities they mention, and the mentions.

One module a concept; everything is importable from ``archive.models``.
"""

from .agreement_events import AgreementEvent
from .articles import Article, ArticleQuerySet, Source
from .base import SavedAtomically
from .entities import (
    ENTITY_MODELS,
    Agreement,
    Alias,
    Country,
    Entity,
    EntityQuerySet,
    Organization,
    Person,
    Place,
    entity_kinds,
)
from .mentions import Mention, RelinkTask
from .suggestions import SUGGESTED_MODELS, NameSuggestion

__all__ = [
    "ENTITY_MODELS",
    "SUGGESTED_MODELS",
    "Agreement",
    "AgreementEvent",
    "Alias",
    "Article",
    "ArticleQuerySet",
    "Country",
    "Entity",
    "EntityQuerySet",
    "Mention",
    "NameSuggestion",
    "Organization",
    "Person",
    "Place",
    "RelinkTask",
    "SavedAtomically",
    "Source",
    "entity_kinds",
]
