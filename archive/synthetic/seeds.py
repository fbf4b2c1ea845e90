"""The pessimistic corpus: the seed articles' sentences, recombined.

A benchmark needs thousands of articles that read like the archive's own. Each
one here is a handful of the seeds' sentences in a new order, with the people
they name played by others (the archive's people and 200 invented ones), so
that people, sources and dates have many values to facet on. Everything random
is drawn from one ``random.Random(seed)``: the same count and seed, over the
same people in the database, give the same articles byte for byte.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from operator import attrgetter
from pathlib import Path

from django.conf import settings

from arabic.sentences import sentences

from ..importing import PARAGRAPH_SEPARATOR, parse_file
from ..linking import Gazetteer, Span
from ..models import Person
from .article import Corpus, SyntheticArticle, SyntheticPerson, published

# Every first name with every family name: 20 x 10 invented people. Compound
# names are written split, as the archive names its people; articles also
# write them joined ("عبدالرحمن"), as the seeds do ("عبدالمجيد تبون").
FIRST_NAMES = (
    "عبد الرحمن",
    "عبد الله",
    "عبد العزيز",
    "عبد الكريم",
    "نور الدين",
    "عز الدين",
    "أحمد",
    "يوسف",
    "سليم",
    "كريم",
    "هشام",
    "رضا",
    "طارق",
    "إبراهيم",
    "مراد",
    "فاطمة",
    "سعاد",
    "ليلى",
    "أمينة",
    "نادية",
)
# None of them is the family name of a seed person, so no invented person
# shares a spelling with one (the linker leaves shared spellings unlinked).
FAMILY_NAMES = (
    "الحسيني",
    "بلقاسم",
    "المرزوقي",
    "الزياني",
    "العمراني",
    "بوزيد",
    "الشريف",
    "الفيتوري",
    "السنوسي",
    "التواتي",
)
SOURCES = (
    "صحيفة الأفق",
    "الوسط المغاربي",
    "صدى الساحل",
    "المرصد الدبلوماسي",
    "جريدة الواحة",
    "النجم المتوسطي",
    "بوابة الجنوب",
    "الرائد اليومي",
)
SENTENCES_PER_ARTICLE = (6, 20)
PARAGRAPHS_PER_ARTICLE = (2, 5)
TITLE_WORDS = (4, 9)
FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2025, 12, 31)

# What a headline drops at the end of the words it takes from a sentence.
TITLE_TRAILING = "،,؛:.!؟\"'“”«»( "


def seed_sentences() -> list[str]:
    """The seed articles' body sentences, read from their files as import_articles reads them.

    The files, not the database: the database holds the articles generated
    before, which would change what the same seed gives.
    """
    folder = Path(settings.BASE_DIR, "fixtures", "seeds")
    return [
        sentence
        for path in sorted(folder.glob("*.txt"))
        for draft in parse_file(path)
        for sentence in sentences(draft.body)
    ]


def archive_people() -> list[SyntheticPerson]:
    """The archive's people: the seeds name some of them, and any can stand in."""
    people = Person.objects.prefetch_related("aliases").order_by("name", "pk")
    return [SyntheticPerson(p.name, tuple(alias.name for alias in p.aliases.all())) for p in people]


def invented_people() -> list[SyntheticPerson]:
    """The 200 invented people, each compound name with its joined spelling as an alias."""
    people = []
    for first in FIRST_NAMES:
        for family in FAMILY_NAMES:
            name, joined = f"{first} {family}", f"{first.replace(' ', '')} {family}"
            people.append(SyntheticPerson(name, (joined,) if joined != name else ()))
    return people


def synthetic_articles(count: int, seed: int = 0) -> Iterator[SyntheticArticle]:
    """``count`` articles made of the seeds' sentences; the same ones for the same seed."""
    archive = archive_people()
    gazetteer = Gazetteer(
        (index, spelling) for index, person in enumerate(archive) for spelling in person.spellings
    )
    templates = [(sentence, gazetteer.find(sentence)) for sentence in seed_sentences()]
    # By name, whatever the database's order; invented people stored by an
    # earlier run are the same people, not new ones.
    cast = sorted({p.name: p for p in [*invented_people(), *archive]}.values(), key=attrgetter("name"))
    rng = random.Random(seed)
    for _ in range(count):
        yield _article(rng, templates, cast)


def _article(
    rng: random.Random, templates: list[tuple[str, list[Span]]], cast: list[SyntheticPerson]
) -> SyntheticArticle:
    chosen = rng.sample(templates, rng.randint(*SENTENCES_PER_ARTICLE))
    # One stand-in for each person of the seeds, throughout the article.
    stand_ins: dict[int, SyntheticPerson] = {}
    written = [_recast(rng, sentence, spans, stand_ins, cast) for sentence, spans in chosen]
    breaks = sorted(rng.sample(range(1, len(written)), rng.randint(*PARAGRAPHS_PER_ARTICLE) - 1))
    paragraphs = [
        " ".join(written[start:end]) for start, end in zip([0, *breaks], [*breaks, len(written)], strict=True)
    ]
    title = " ".join(rng.choice(written).split()[: rng.randint(*TITLE_WORDS)]).rstrip(TITLE_TRAILING)
    if stand_ins:
        # A headline that quotes someone: "تبون: ...". The seeds' few dozen
        # sentences give a few hundred openings only, and every repeat of a title
        # costs unique_slug one more query for each article that had it before.
        title = f"{rng.choice(rng.choice(list(stand_ins.values())).spellings)}: {title}"
    return SyntheticArticle(
        title, PARAGRAPH_SEPARATOR.join(paragraphs), published(rng, FIRST_DAY, LAST_DAY), rng.choice(SOURCES)
    )


def _recast(
    rng: random.Random,
    sentence: str,
    spans: list[Span],
    stand_ins: dict[int, SyntheticPerson],
    cast: list[SyntheticPerson],
) -> str:
    """The sentence with each person it names replaced by their stand-in, in one of its spellings."""
    pieces, end = [], 0
    for span in spans:
        if span.entity_id not in stand_ins:
            stand_ins[span.entity_id] = rng.choice(cast)
        pieces += [sentence[end : span.start], rng.choice(stand_ins[span.entity_id].spellings)]
        end = span.end
    return "".join([*pieces, sentence[end:]])


CORPUS = Corpus(synthetic_articles, invented_people)
