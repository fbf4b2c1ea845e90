"""What every corpus makes: articles with a title, a body, a date as precise as a clipping gives, a source."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..dates import PartialDate


@dataclass(frozen=True, slots=True)
class SyntheticPerson:
    """Someone a corpus names, in any of their spellings."""

    name: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    title: str
    body: str
    published: PartialDate | None
    source: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """One way of making articles: ``articles(count, seed)``, and the people it adds to the archive."""

    articles: Callable[[int, int], Iterator[SyntheticArticle]]
    people: Callable[[], list[SyntheticPerson]]


def published(rng: random.Random, first: datetime.date, last: datetime.date) -> PartialDate | None:
    """Mostly a day; some clippings give only a month or a year, a few no date at all."""
    roll = rng.random()
    if roll < 0.05:
        return None
    day = first + datetime.timedelta(days=rng.randrange((last - first).days + 1))
    if roll < 0.15:
        return PartialDate(day.year)
    if roll < 0.35:
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)
