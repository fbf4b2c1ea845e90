"""Turn an article's body and mentions into what its page shows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .models import ENTITY_MODELS, Article, Entity, Mention


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of body text; ``entity`` is set when the run names one."""

    text: str
    entity: Entity | None = None


def paragraphs_with_mentions(article: Article, mentions: list[Mention]) -> list[list[Segment]]:
    """The body split into paragraphs, each a list of plain and linked segments.

    Segments are plain text: the template escapes each one, so no mark-up in a
    body ever reaches the page.
    """
    by_start = sorted(mentions, key=lambda mention: mention.start)
    paragraphs = []
    for start, end in article.paragraphs_with_offsets():
        segments, cursor = [], start
        for mention in by_start:
            if mention.start < cursor or mention.end > end:
                continue
            if mention.start > cursor:
                segments.append(Segment(article.body[cursor : mention.start]))
            segments.append(Segment(article.body[mention.start : mention.end], mention.entity))
            cursor = mention.end
        if cursor < end:
            segments.append(Segment(article.body[cursor:end]))
        paragraphs.append(segments)
    return paragraphs


def entities_by_kind(mentions: list[Mention]) -> list[tuple[str, list[Entity]]]:
    """The distinct entities mentioned, grouped under their kind's Arabic plural."""
    groups: dict[str, dict[int, Entity]] = defaultdict(dict)
    for mention in mentions:
        groups[mention.entity.kind][mention.entity.id] = mention.entity
    return [
        (model._meta.verbose_name_plural, sorted(groups[kind].values(), key=lambda entity: entity.name))
        for kind, model in ENTITY_MODELS.items()
        if groups.get(kind)
    ]
