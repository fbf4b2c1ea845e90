"""The news corpus's words, read from ``news_words/``: lists in the order of how often news names them.

A list file holds one entry a line, most common first; ``#`` starts a comment,
``[name]`` starts a section, ``|`` separates the forms of one entry (a country's
name, adjectives and capital). A template is text with slots in braces,
``{actor.short}``, which archive/synthetic/news.py fills.
"""

from __future__ import annotations

import bisect
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Generic, TypeVar

FOLDER = Path(__file__).with_name("news_words")
# Zipf's law: the r-th most common entry is drawn 1/r as often as the first.
ZIPF_EXPONENT = 1.0
# People's roles are spread more evenly: with 1.0, the first ("وزير الخارجية")
# would be named in most articles.
ROLES_EXPONENT = 0.6
# Stories are spread more evenly too: news of a diplomatic archive is not one
# third visits.
TOPICS_EXPONENT = 0.5
SLOT = re.compile(r"\{([^{}]*)\}")

T = TypeVar("T")
# Literal text at even positions, slot names at odd ones: "وصل{ت} {actor}" is
# ("وصل", "ت", " ", "actor", "").
Template = tuple[str, ...]


class Ranked(Generic[T]):
    """Entries drawn with Zipf-like weights: a few very often, most of them rarely."""

    def __init__(self, items: Sequence[T], exponent: float = ZIPF_EXPONENT):
        if not items:
            raise ValueError("a ranked list needs at least one entry")
        self.items = tuple(items)
        self.bounds = list(accumulate(1 / rank**exponent for rank in range(1, len(self.items) + 1)))

    def draw(self, rng: random.Random) -> T:
        return self.items[bisect.bisect(self.bounds, rng.random() * self.bounds[-1])]

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    adjective: str
    adjective_feminine: str
    capital: str


@dataclass(frozen=True, slots=True)
class Topic:
    """One kind of story: its headlines, first sentences, other sentences and words of its own."""

    name: str
    titles: Ranked[Template]
    leads: Ranked[Template]
    sentences: tuple[Template, ...]
    lists: dict[str, Ranked[Template]]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    countries: Ranked[Country]
    cities: dict[str, Ranked[str]]
    town_first: Ranked[str]
    town_second: Ranked[str]
    male_names: Ranked[str]
    female_names: Ranked[str]
    family_names: Ranked[str]
    roles: Ranked[tuple[str, str]]
    organizations: Ranked[str]
    ministries: Ranked[str]
    sources: Ranked[str]
    sectors: Ranked[str]
    goods: Ranked[str]
    topics: Ranked[Topic]
    # The sentences and words any story may use: "sentences", "quote", "money_unit"...
    general: Topic


def compile_template(text: str) -> Template:
    return tuple(SLOT.split(text))


def entries(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if _is_entry(line)]


def sections(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in entries(path):
        if line.startswith("[") and line.endswith("]"):
            current = found.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return found


def _is_entry(line: str) -> bool:
    return bool(line.strip()) and not line.lstrip().startswith("#")


def _ranked(path: Path) -> Ranked[str]:
    return Ranked(entries(path))


def _topic(name: str, path: Path) -> Topic:
    parts = {section: [compile_template(line) for line in lines] for section, lines in sections(path).items()}
    return Topic(
        name,
        titles=Ranked(parts.pop("title", [()])),
        leads=Ranked(parts.pop("lead", [()])),
        sentences=tuple(parts.pop("body", [])),
        lists={section: Ranked(lines) for section, lines in parts.items()},
    )


def _cities(countries: Sequence[Country]) -> dict[str, Ranked[str]]:
    """Each country's cities, its capital first."""
    cities: dict[str, list[str]] = {country.name: [country.capital] for country in countries}
    for line in entries(FOLDER / "places.txt"):
        city, country = line.split("|")
        cities[country].append(city)
    return {country: Ranked(names) for country, names in cities.items()}


@cache
def vocabulary() -> Vocabulary:
    countries = [Country(*line.split("|")) for line in entries(FOLDER / "countries.txt")]
    people = sections(FOLDER / "people.txt")
    towns = sections(FOLDER / "towns.txt")
    return Vocabulary(
        countries=Ranked(countries),
        cities=_cities(countries),
        town_first=Ranked(towns["first"]),
        town_second=Ranked(towns["second"]),
        male_names=Ranked(people["male"]),
        female_names=Ranked(people["female"]),
        family_names=Ranked(people["family"]),
        roles=Ranked([tuple(line.split("|")) for line in entries(FOLDER / "roles.txt")], ROLES_EXPONENT),
        organizations=_ranked(FOLDER / "organizations.txt"),
        ministries=_ranked(FOLDER / "ministries.txt"),
        sources=_ranked(FOLDER / "sources.txt"),
        sectors=_ranked(FOLDER / "sectors.txt"),
        goods=_ranked(FOLDER / "goods.txt"),
        topics=Ranked(
            [_topic(name, FOLDER / "topics" / f"{name}.txt") for name in entries(FOLDER / "topics.txt")],
            TOPICS_EXPONENT,
        ),
        general=_topic("general", FOLDER / "general.txt"),
    )
