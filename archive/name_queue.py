"""The review queue kept in line with the articles: each article's pending suggestions are the names it writes now.

Whoever links an article hands over the names it writes that the linker does
not know (``archive.suggesting``): ``archive.linking.link_mentions`` when an
article is saved or linked again after a new entity or alias, the importer for
a batch of new articles. The article's pending suggestions are replaced with
them (a row still written at the same place is kept, so an editor's open queue
stays valid); what editors decided stays as they decided it:

- a name rejected in an article is not suggested in that article again,
  whatever its spelling or spacing (the same ``name_key`` and kind);
- a name accepted anywhere is not suggested again: it is an entity or an
  alias now, and the linker links it.

A suggestion's confidence is its own evidence, one article and its cue, grown
by every other article whose pending suggestions write the same name and every
other cue before it (``archive.recurrence.confidence``). The names a change
touches are counted again in one grouped query, and their rows updated with
one statement per kind and level of confidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count

from arabic.normalization import name_key

from .models import Article, NameSuggestion
from .recurrence import confidence
from .suggesting import SuggestedName

PENDING, ACCEPTED, REJECTED = (
    NameSuggestion.State.PENDING,
    NameSuggestion.State.ACCEPTED,
    NameSuggestion.State.REJECTED,
)
TEXT_LENGTH = NameSuggestion._meta.get_field("text").max_length
CUE_LENGTH = NameSuggestion._meta.get_field("cue").max_length


def queue_names(found: Iterable[tuple[Article, list[SuggestedName]]]) -> None:
    """Make each article's pending suggestions the names given for it, and count those names again."""
    names = {article.pk: written for article, written in found}
    if not names:
        return
    existing = list(
        NameSuggestion.objects.filter(article_id__in=names).values_list(
            "pk", "article_id", "start", "end", "text", "kind", "key", "state"
        )
    )
    rejected = {
        (article, key, kind) for _, article, _, _, _, kind, key, state in existing if state == REJECTED
    }
    decided_spans = {
        (article, start, end) for _, article, start, end, _, _, _, state in existing if state != PENDING
    }
    candidates = {
        (article, name.start, name.end, name.text, name.kind): (name, name_key(name.text))
        for article, written in names.items()
        for name in written
        if len(name.text) <= TEXT_LENGTH and (article, name.start, name.end) not in decided_spans
    }
    accepted = set(
        NameSuggestion.objects.filter(
            state=ACCEPTED, key__in={key for _, key in candidates.values()}
        ).values_list("key", "kind")
    )
    wanted = {
        place: (name, key)
        for place, (name, key) in candidates.items()
        if 0 < len(key) <= TEXT_LENGTH
        and (place[0], key, name.kind) not in rejected
        and (key, name.kind) not in accepted
    }
    pending = {
        (article, start, end, text, kind): (pk, key)
        for pk, article, start, end, text, kind, key, state in existing
        if state == PENDING
    }
    stale = [pk for place, (pk, _) in pending.items() if place not in wanted]
    NameSuggestion.objects.filter(pk__in=stale).delete()
    new = [
        NameSuggestion(
            article_id=article,
            start=start,
            end=end,
            text=text,
            key=key,
            kind=kind,
            cue=name.cue[:CUE_LENGTH],
            confidence=confidence(1, 1),
        )
        for (article, start, end, text, kind), (name, key) in wanted.items()
        if (article, start, end, text, kind) not in pending
    ]
    NameSuggestion.objects.bulk_create(new)
    # The names these articles write now, and those they no longer write: other articles may have
    # changed since (deleted, written anew), so the count is taken again, not added to.
    gone = {key for place, (_, key) in pending.items() if place not in wanted}
    _recount(gone | {key for _, key in wanted.values()})


def _recount(keys: set[str]) -> None:
    """Set the confidence of every pending suggestion of these names from the articles and cues that write them."""
    if not keys:
        return
    levels: dict[tuple[str, float], list[str]] = defaultdict(list)
    for key, kind, articles, cues in (
        NameSuggestion.objects.filter(state=PENDING, key__in=keys)
        .values("key", "kind")
        .annotate(articles=Count("article", distinct=True), cues=Count("cue", distinct=True))
        .values_list("key", "kind", "articles", "cues")
        .order_by()
    ):
        levels[(kind, confidence(articles, cues))].append(key)
    for (kind, level), level_keys in levels.items():
        NameSuggestion.objects.filter(state=PENDING, kind=kind, key__in=level_keys).exclude(
            confidence=level
        ).update(confidence=level)
