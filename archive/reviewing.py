"""What an editor decides in the review queue: the linker's mentions, and the names it does not know.

Each function takes the rows the editor chose and acts only on those still
waiting (a mention the linker found, a pending suggestion), so a form sent
twice, or a row another editor decided meanwhile, changes nothing. A new
entity or a new alias queues the relinking of the articles that name it
(``archive.signals``): the index writer links them, with no manual step.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet

from arabic.normalization import normalize

from .models import SUGGESTED_MODELS, Alias, Entity, Mention, NameSuggestion


@transaction.atomic
def decide_mentions(mentions: QuerySet[Mention], state: str, user) -> int:
    """Confirm or reject the chosen mentions the linker found; how many were decided."""
    decided = list(mentions.filter(state=Mention.State.AUTOMATIC).select_related("article"))
    for mention in decided:
        mention.decide(state, user)
        mention.save(update_fields=["state", "text", "decided_by", "decided_at"])
    return len(decided)


def _pending(suggestions: QuerySet[NameSuggestion]) -> list[NameSuggestion]:
    """The pending rows among those chosen, locked until the decision is saved (only the rows
    themselves: the admin's query joins the optional entity, which PostgreSQL will not lock)."""
    chosen = suggestions.select_for_update(of=("self",))
    return list(chosen.filter(state=NameSuggestion.State.PENDING))


def _settle(suggestions: Iterable[NameSuggestion], state: str, user, entity: Entity | None = None) -> None:
    for suggestion in suggestions:
        suggestion.decide(state, user)
        suggestion.entity = entity
        suggestion.save(update_fields=["state", "entity", "decided_by", "decided_at"])


@transaction.atomic
def reject_names(suggestions: QuerySet[NameSuggestion], user) -> int:
    """Reject the chosen pending suggestions; how many were rejected."""
    pending = _pending(suggestions)
    _settle(pending, NameSuggestion.State.REJECTED, user)
    return len(pending)


@transaction.atomic
def accept_names(suggestions: QuerySet[NameSuggestion], user) -> int:
    """Make an entity of each name chosen (one per spelling and kind); how many suggestions were settled.

    A name the archive already has, in the same kind, is not made twice: the
    suggestion is settled with the entity there is.
    """
    entities: dict[tuple[str, str], Entity] = {}
    pending = _pending(suggestions)
    for suggestion in pending:
        key = (suggestion.kind, normalize(suggestion.text))
        if key not in entities:
            model = SUGGESTED_MODELS[suggestion.kind]
            known = model.objects.filter(normalized_name=key[1]).first()
            entities[key] = known or model.objects.create(name=suggestion.text)
        _settle([suggestion], NameSuggestion.State.ACCEPTED, user, entities[key])
    return len(pending)


@transaction.atomic
def accept_as_alias(suggestions: QuerySet[NameSuggestion], entity: Entity, user) -> int:
    """Add each chosen name to ``entity``'s spellings; how many suggestions were settled."""
    pending = _pending(suggestions)
    spellings = {normalize(spelling) for spelling in entity.spellings()}
    for suggestion in pending:
        if normalize(suggestion.text) not in spellings:
            Alias.objects.create(entity=entity, name=suggestion.text)
            spellings.add(normalize(suggestion.text))
    _settle(pending, NameSuggestion.State.ACCEPTED, user, entity)
    return len(pending)
