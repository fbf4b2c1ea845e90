"""The news-like corpus: articles written from templates of diplomatic news, with a long tail of words.

Each article tells one story (a visit, talks, security, the economy, a
statement, an agreement, energy, migration, elections, health, the climate,
justice, culture: ``news_words/topics.txt``). A cast is chosen for it
(three countries, two people, cities, an organisation, a subject), then a
headline and a first sentence from the story's templates, then as many other
sentences as its length asks for, each slot filled from the cast or drawn anew.
Every list is drawn Zipf-like (``vocabulary.Ranked``): a few names and words
are everywhere and most are rare, as in news. Some articles name the archive's
own people and organisations, and its countries and places are in the lists,
written in the spellings the archive knows.

Everything random is drawn from one ``random.Random(seed)``, and the invented
people from one of their own: the same count and seed, over the same entities
in the database, give the same articles byte for byte.
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from arabic.dates import MONTHS, WEEKDAYS, weekday
from arabic.numbers import Digits

from ..identity import content_hash
from ..importing import PARAGRAPH_SEPARATOR
from ..models import Entity, Organization, Person
from .article import Corpus, SyntheticArticle, published
from .vocabulary import Country, Ranked, Template, Topic, Vocabulary, vocabulary

FIRST_DAY = datetime.date(2011, 1, 1)
LAST_DAY = datetime.date(2025, 12, 31)
# (share of articles, fewest sentences, most): briefs, reports, long reports, features.
LENGTHS = ((0.20, 2, 4), (0.40, 5, 12), (0.28, 13, 24), (0.12, 25, 40))
SENTENCES_PER_PARAGRAPH = (1, 3)
# How often a slot that may name the archive's own entities does, and how often
# a name the archive knows is written in one of its other spellings.
ARCHIVE_PERSON_SHARE = 0.2
ARCHIVE_ORGANIZATION_SHARE = 0.25
OTHER_SPELLING_SHARE = 0.15
# Invented people: a fixed population, shared among the countries as often as
# each is named, each person drawn Zipf-like within their country.
PEOPLE = 20_000
PEOPLES_SEED = 20_110_101
FEWEST_PEOPLE = 30
FEMININE_SHARE = 0.2
INDIC_DIGITS_SHARE = 0.15
MAGHREB_MONTHS_SHARE = 0.3
# A story's own sentences are drawn four times as often as those any story may use.
OWN_SENTENCE_WEIGHT = 16.0
# A headline shares a word of this many letters with its text, or the lead gives it.
TITLE_WORD_LETTERS = 4
TITLE_TRIES = 3
TITLE_WORDS = 8
DATELINE = " - "
# Templates glue ب and ل to a slot with a tatweel ("لـ{subject}"); the text
# glues them to the word, and ل with the article's ال makes لل: "للاتجار";
# before a number the tatweel stays: "بـ477".
GLUED = re.compile(r"(?<![^\sو])([بل])ـ(ال)?(?=\w)(?!\d)")


@dataclass(frozen=True, slots=True)
class Figure:
    """A person as news names them: in full with their role at first, by a short name after."""

    name: str
    short: str
    role: str
    country: str | None
    feminine: bool = False

    @property
    def designation(self) -> str:
        return f"{self.role} {self.name}" if self.role else self.name


@dataclass(frozen=True, slots=True)
class ArchiveNames:
    """What the archive's entities are called: its people and organisations, every entity's spellings."""

    people: tuple[tuple[tuple[str, ...], str, str | None], ...]
    organizations: tuple[tuple[str, ...], ...]
    spellings: dict[str, tuple[str, ...]]

    def figure(self, rng: random.Random, person: tuple[tuple[str, ...], str, str | None]) -> Figure:
        spellings, role, country = person
        return Figure(rng.choice(spellings), min(spellings, key=len), role, country)


def archive_names() -> ArchiveNames:
    people = Person.objects.select_related("country").prefetch_related("aliases").order_by("name", "pk")
    organizations = Organization.objects.prefetch_related("aliases").order_by("name", "pk")
    entities = Entity.objects.prefetch_related("aliases").order_by("name", "pk")
    return ArchiveNames(
        people=tuple((tuple(p.spellings()), p.role, p.country.name if p.country else None) for p in people),
        organizations=tuple(tuple(o.spellings()) for o in organizations),
        spellings={e.name: tuple(e.spellings()) for e in entities},
    )


@cache
def population() -> dict[str, Ranked[Figure]]:
    """The invented people of each country; the same whatever the seed."""
    words = vocabulary()
    rng = random.Random(PEOPLES_SEED)
    total, previous, people = words.countries.bounds[-1], 0.0, {}
    for country, bound in zip(words.countries.items, words.countries.bounds, strict=True):
        count = max(FEWEST_PEOPLE, round(PEOPLE * (bound - previous) / total))
        people[country.name] = Ranked([_invent(rng, words, country) for _ in range(count)])
        previous = bound
    return people


def _invent(rng: random.Random, words: Vocabulary, country: Country) -> Figure:
    feminine = rng.random() < FEMININE_SHARE
    first = (words.female_names if feminine else words.male_names).draw(rng)
    family = words.family_names.draw(rng)
    role = words.roles.draw(rng)[feminine]
    adjectives = {"adj": country.adjective, "adjf": country.adjective_feminine}
    if "{" not in role:
        role += " {adjf}" if feminine else " {adj}"
    return Figure(f"{first} {family}", family, role.format(**adjectives), country.name, feminine)


def news_articles(count: int, seed: int = 0) -> Iterator[SyntheticArticle]:
    """``count`` news-like articles, no two with the same text; the same ones for the same seed."""
    words, people, archive = vocabulary(), population(), archive_names()
    rng = random.Random(seed)
    seen: set[str] = set()
    made = 0
    while made < count:
        article = Story(rng, words, people, archive).article()
        fingerprint = content_hash(article.body)
        if fingerprint not in seen:
            seen.add(fingerprint)
            made += 1
            yield article


class Story:
    """One article: its cast, fixed when it is made, and how each slot of its templates is filled."""

    def __init__(
        self, rng: random.Random, words: Vocabulary, people: dict[str, Ranked[Figure]], archive: ArchiveNames
    ):
        self.rng, self.words, self.people, self.archive = rng, words, people, archive
        self.topic: Topic = words.topics.draw(rng)
        self.date = published(rng, FIRST_DAY, LAST_DAY)
        self.year = self.date.year if self.date else rng.randint(FIRST_DAY.year, LAST_DAY.year)
        self.number = Digits.ARABIC_INDIC.write if rng.random() < INDIC_DIGITS_SHARE else str
        maghreb = rng.random() < MAGHREB_MONTHS_SHARE
        self.months = tuple(map("".join, words.general.lists["month_maghreb"].items)) if maghreb else MONTHS
        first = words.countries.draw(rng)
        actor = people[first.name].draw(rng)
        guest, second = self._guest(first)
        third = self._country(first, second)
        self.fixed = {
            **self._country_slots("", first),
            **self._country_slots("2", second),
            **self._country_slots("3", third),
            **self._person_slots("actor", actor),
            **self._person_slots("guest", guest),
            "city": self._spell(words.cities[first.name].draw(rng)),
            "city2": self._spell(words.cities[second.name].draw(rng)),
            "org": self._organization(),
            "town": f"{words.town_first.draw(rng)} {words.town_second.draw(rng)}",
            "weekday": self._weekday(),
            "year": self.number(self.year),
            "ت": "ت" if actor.feminine else "",
            "ي": "ت" if actor.feminine else "ي",
            "ه": "ها" if actor.feminine else "ه",
        }
        self.draws: dict[str, Callable[[], str]] = {
            "n": lambda: self.number(rng.randint(3, 10)),
            "nn": lambda: self.number(rng.randint(11, 99)),
            "nnn": lambda: self.number(round(10 ** rng.uniform(2, 5.5))),
            "pct": self._percent,
            "money": self._money,
            "date": self._date,
            "year-": lambda: self.number(self.year - rng.randint(1, 15)),
            "year+": lambda: self.number(self.year + rng.randint(1, 10)),
            "person": lambda: self._person().designation,
            "person.name": lambda: self._person().name,
            "sector": lambda: words.sectors.draw(rng),
            "goods": lambda: words.goods.draw(rng),
            "ministry": lambda: self._spell(f"{words.ministries.draw(rng)} {first.adjective_feminine}"),
        }
        # Last: a subject may name the cast ("الأزمة في {country3}") or draw ("{sector}").
        self.fixed["subject"] = self.fill(self.topic.lists["subject"].draw(rng))

    def article(self) -> SyntheticArticle:
        rng = self.rng
        sentences = [self.fill(self.topic.leads.draw(rng))]
        sentences += [self.fill(template) for template in self._sentences(self._length() - 1)]
        paragraphs = [sentences[0]]
        rest = sentences[1:]
        while rest:
            size = rng.randint(*SENTENCES_PER_PARAGRAPH)
            paragraphs.append(" ".join(rest[:size]))
            rest = rest[size:]
        title = self._title(sentences)
        return SyntheticArticle(
            title, PARAGRAPH_SEPARATOR.join(paragraphs), self.date, self.words.sources.draw(rng)
        )

    def _title(self, sentences: list[str]) -> str:
        """A headline of the story's that says what the text says, or the lead's first words.

        A headline template may name what this text does not ("اكتشاف نفطي" over
        a story of a contract): it is kept only if it shares a word with the text.
        """
        said = {
            word for sentence in sentences for word in sentence.split() if len(word) >= TITLE_WORD_LETTERS
        }
        for _ in range(TITLE_TRIES):
            title = self.fill(self.topic.titles.draw(self.rng))
            if said.intersection(title.split()):
                return title
        lead = sentences[0].split(DATELINE)[-1].split()
        return " ".join(lead[:TITLE_WORDS]).rstrip("،,.:")

    def fill(self, template: Template) -> str:
        pieces = list(template)
        for index in range(1, len(pieces), 2):
            pieces[index] = self._slot(pieces[index])
        return GLUED.sub(_glue, "".join(pieces))

    def _slot(self, name: str) -> str:
        if name in self.fixed:
            return self.fixed[name]
        if name in self.draws:
            return self.draws[name]()
        # A list of the story's own ("quote", "party"...) or of any story's, or either.
        lists = [found for found in (self.topic.lists.get(name), self.words.general.lists.get(name)) if found]
        if not lists:
            raise KeyError(f"no list for the slot {{{name}}} in {self.topic.name}")
        return self.fill(self.rng.choice(lists).draw(self.rng))

    def _length(self) -> int:
        _, fewest, most = self.rng.choices(LENGTHS, weights=[share for share, _, _ in LENGTHS])[0]
        return self.rng.randint(fewest, most)

    def _sentences(self, count: int) -> list[Template]:
        """``count`` different sentences, the story's own first in likelihood (weighted sampling).

        A long report also tells of another story, as long reports do: otherwise
        it would hold every sentence any story may use, and their words would be
        in every long article.
        """
        rng = self.rng
        weighted = [(template, OWN_SENTENCE_WEIGHT) for template in self.topic.sentences]
        weighted += [(template, 1.0) for template in self.words.general.sentences]
        if count > len(weighted) // 2:
            weighted += [(template, 1.0) for template in self.words.topics.draw(rng).sentences]
        # Efraimidis and Spirakis: the largest keys u ** (1 / weight) are a weighted sample.
        keyed = sorted(
            ((rng.random() ** (1 / weight), template) for template, weight in weighted), reverse=True
        )
        return [template for _, template in keyed[:count]]

    def _country(self, *taken: Country) -> Country:
        while (country := self.words.countries.draw(self.rng)) in taken:
            pass
        return country

    def _guest(self, first: Country) -> tuple[Figure, Country]:
        """The actor's counterpart, from another country: now and then one of the archive's people."""
        rng, countries = self.rng, {c.name: c for c in self.words.countries.items}
        if self.archive.people and rng.random() < ARCHIVE_PERSON_SHARE:
            spellings, role, country = rng.choice(self.archive.people)
            if country in countries and country != first.name:
                return self.archive.figure(rng, (spellings, role, country)), countries[country]
        second = self._country(first)
        return self.people[second.name].draw(rng), second

    def _person(self) -> Figure:
        if self.archive.people and self.rng.random() < ARCHIVE_PERSON_SHARE:
            return self.archive.figure(self.rng, self.rng.choice(self.archive.people))
        return self.people[self.words.countries.draw(self.rng).name].draw(self.rng)

    def _organization(self) -> str:
        if self.archive.organizations and self.rng.random() < ARCHIVE_ORGANIZATION_SHARE:
            return self.rng.choice(self.rng.choice(self.archive.organizations))
        return self._spell(self.words.organizations.draw(self.rng))

    def _spell(self, name: str) -> str:
        """The name, or now and then another spelling of it when it is an entity of the archive."""
        spellings = self.archive.spellings.get(name)
        if spellings and len(spellings) > 1 and self.rng.random() < OTHER_SPELLING_SHARE:
            return self.rng.choice(spellings[1:])
        return name

    def _country_slots(self, suffix: str, country: Country) -> dict[str, str]:
        return {
            f"country{suffix}": self._spell(country.name),
            f"country{suffix}.adj": country.adjective,
            f"country{suffix}.adjf": country.adjective_feminine,
            f"capital{suffix}": self._spell(country.capital),
        }

    @staticmethod
    def _person_slots(role: str, figure: Figure) -> dict[str, str]:
        return {role: figure.designation, f"{role}.name": figure.name, f"{role}.short": figure.short}

    def _weekday(self) -> str:
        date = self.date
        if date is not None and date.day is not None:
            return weekday(date.year, date.month, date.day)
        return self.rng.choice(WEEKDAYS)

    def _date(self) -> str:
        """A day of the story's year, as the text names it: "15 مارس", now and then with its year."""
        rng = self.rng
        month = rng.randint(1, 12)
        text = f"{self.number(rng.randint(1, 28))} {self.months[month - 1]}"
        return f"{text} {self.number(self.year)}" if rng.random() < 0.3 else text

    def _percent(self) -> str:
        """A share as the sources write it, "12.5 بالمئة", "12.5 في المئة" or "12.5%"."""
        share = self.number(f"{self.rng.uniform(0.5, 60):.1f}")
        unit = self.fill(self.words.general.lists["percent"].draw(self.rng))
        return f"{share}{unit}" if unit == "%" else f"{share} {unit}"

    def _money(self) -> str:
        amount = self.rng.randint(1, 999)
        if self.rng.random() < 0.3:
            amount = f"{amount / 10:.1f}"
        return f"{self.number(amount)} {self.fill(self.words.general.lists['money_unit'].draw(self.rng))}"


def _glue(match: re.Match) -> str:
    letter, article = match.groups()
    return letter + ("ل" if letter == "ل" and article else article or "")


def _no_people() -> list:
    return []


CORPUS = Corpus(news_articles, _no_people)
