"""Article import: the drafts read from files (``import_files``) checked, then saved in batches.

Every file is read, parsed and validated before anything is written, so a bad
file anywhere leaves the database exactly as it was. The articles are then
saved and linked a batch at a time, each batch its own short transaction: an
import never holds the database's write lock for long, and editors' saves
pass between batches. Should a save fail half-way (another writer stored the
same text meanwhile), the articles this import saved are deleted again, so a
run still saves all of its files or none. A run that was killed left what it
had saved: running it again skips those as duplicates and saves the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from arabic.numbers import CountedNoun

from . import numerals
from .batch_linking import Found, ParallelFinder
from .identity import content_hash, unique_slugs
from .import_files import (
    PARAGRAPH_SEPARATOR,
    Draft,
    ImportFailure,
    ImportFileError,
    Location,
    collect_files,
    parse_file,
)
from .linking import Gazetteer, store_found_mentions
from .models import Article, Source
from .name_queue import queue_names

__all__ = [
    "PARAGRAPH_SEPARATOR",
    "ImportFailure",
    "ImportFileError",
    "ImportReport",
    "import_paths",
    "parse_file",
]

# Filled in when saving (by Article.save() and the source lookup), so left out
# of the validation that comes before.
SET_ON_SAVE = ["slug", "content_hash", "source"]

DUPLICATES = CountedNoun("مكرر واحد", "مكرران", "مكررات", "مكررًا", "مكرر")


@dataclass(slots=True)
class Planned:
    """A validated article waiting to be saved."""

    location: Location
    article: Article
    source: Source | None


@dataclass(slots=True)
class Skipped:
    """A duplicate left out; ``original`` is None when it was already stored."""

    location: Location
    original: Location | None

    def __str__(self) -> str:
        if self.original is None:
            return f"تُخطّي {self.location}: مكرر لمقال محفوظ من قبل"
        return f"تُخطّي {self.location}: مكرر لـ{self.original}"


@dataclass(slots=True)
class ImportReport:
    created: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def summary(self) -> str:
        created = numerals.count(len(self.created), Article.COUNTED)
        skipped = numerals.count(len(self.skipped), DUPLICATES)
        return f"أنشئ: {created}. تُخطّي: {skipped}."


# --- Validation and saving ---------------------------------------------------


def validate(draft: Draft) -> Planned:
    """Check the draft against the models' own rules (lengths, URL, dates)."""
    article = Article(title=draft.title, body=draft.body, url=draft.url)
    article.published = draft.published
    source = Source(name=draft.source) if draft.source else None
    _full_clean(draft.location, article, exclude=SET_ON_SAVE)
    if source is not None:
        _full_clean(draft.location, source, exclude=["slug"])
    return Planned(draft.location, article, source)


def _full_clean(location: Location, instance: Article | Source, exclude: list[str]) -> None:
    # Uniqueness is checked when saving: a duplicate is skipped, not an error.
    # The constraints are a partial date's consistency, which PartialDate keeps by construction.
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        problems = [
            f"{_verbose_name(instance, name)}: {message}" if name != "__all__" else message
            for name, messages in error.message_dict.items()
            for message in messages
        ]
        raise ImportFileError(location, "؛ ".join(problems)) from error


def _verbose_name(instance: Article | Source, name: str) -> str:
    return f"{instance._meta.verbose_name} ({instance._meta.get_field(name).verbose_name})"


# Articles saved in one transaction: short enough that an editor's save waits
# for a batch, never for the whole import.
BATCH_SIZE = 200
# Seconds between two batches. SQLite hands its write lock to no one in turn: a
# save waiting for it sleeps and looks again (up to 100 ms apart), and an import
# that began its next batch at once would take the lock back every time.
BATCH_PAUSE = 0.2


def import_paths(
    paths: Iterable[str | Path], progress: Callable[[int, int], None] | None = None
) -> ImportReport:
    """Import every file under ``paths``, all of them or, on any error, none.

    ``progress`` hears, after each batch, how many articles were read so far
    and in all. The mentions of the next batch are found in worker processes
    while this one is stored.
    """
    planned = [validate(draft) for path in collect_files(paths) for draft in parse_file(path)]
    batches = list(_batches(planned, BATCH_SIZE))
    saver = _Saver()
    try:
        # One batch leaves nothing to overlap: no worker is worth starting.
        with ParallelFinder(saver.gazetteer, processes=None if len(batches) > 1 else 1) as finder:
            upcoming = saver.check(batches[0][1], finder) if batches else None
            for index, (done, _) in enumerate(batches):
                current = upcoming
                if index + 1 < len(batches):
                    upcoming = saver.check(batches[index + 1][1], finder)
                saver.store(*current)
                if progress:
                    progress(done, len(planned))
                if done < len(planned):
                    time.sleep(BATCH_PAUSE)
    except IntegrityError as error:
        # Another writer stored the same content or slug between our check and our save.
        saver.undo()
        raise ImportFailure("تغيّرت قاعدة البيانات أثناء الاستيراد فلم يُحفظ شيء؛ أعد تشغيل الأمر.") from error
    return saver.report


def _batches(items: list[Planned], size: int) -> Iterator[tuple[int, list[Planned]]]:
    for start in range(0, len(items), size):
        yield min(start + size, len(items)), items[start : start + size]


def stored_content(hashes: list[str]) -> set[str]:
    """Which of these content hashes the archive holds already."""
    return set(Article.objects.filter(content_hash__in=hashes).values_list("content_hash", flat=True))


class _Saver:
    """Stores the new articles of an import, linked with one gazetteer, a batch at a time; can take them back."""

    def __init__(self):
        self.report = ImportReport()
        self.gazetteer = Gazetteer.from_database()
        self.first_seen: dict[str, Location] = {}
        self.sources: dict[str, Source] = {}
        self.new_sources: list[Source] = []

    def check(self, batch: list[Planned], finder: ParallelFinder) -> tuple[list[Planned], Found]:
        """The articles of ``batch`` to store, their mentions being found; the duplicates reported."""
        fresh = self._new_content(batch)
        return fresh, finder.submit([item.article.body for item in fresh])

    def store(self, fresh: list[Planned], found: Found) -> None:
        """Store the checked articles, their mentions and the names they write that no entity has, in one short transaction.

        The reading and the linking happened before, outside it: the database's
        write lock is held only for the inserts.
        """
        spans = found.spans()
        with transaction.atomic():
            articles = [self._prepared(item) for item in fresh]
            titles = [article.display_title for article in articles]
            for article, slug in zip(articles, unique_slugs(Article, titles, "article"), strict=True):
                article.slug = slug
            stored = Article.objects.bulk_create(articles)
            store_found_mentions(zip(stored, spans, strict=True))
            queue_names(zip(stored, found.names(), strict=True))
        self.report.created += stored

    def _new_content(self, batch: list[Planned]) -> list[Planned]:
        """The articles of ``batch`` whose text neither this import nor the archive holds yet."""
        for item in batch:
            item.article.content_hash = content_hash(item.article.body)
        stored = stored_content([item.article.content_hash for item in batch])
        fresh = []
        for item in batch:
            fingerprint = item.article.content_hash
            if fingerprint in self.first_seen or fingerprint in stored:
                self.report.skipped.append(Skipped(item.location, self.first_seen.get(fingerprint)))
                continue
            self.first_seen[fingerprint] = item.location
            fresh.append(item)
        return fresh

    def _prepared(self, item: Planned) -> Article:
        if item.source is not None:
            item.article.source = self._source(item.source.name)
        return item.article

    def _source(self, name: str) -> Source:
        if name not in self.sources:
            self.sources[name], created = Source.objects.get_or_create(name=name)
            if created:
                self.new_sources.append(self.sources[name])
        return self.sources[name]

    @transaction.atomic
    def undo(self) -> None:
        """Delete what this import saved: its articles, with their mentions, and the sources it added."""
        Article.objects.filter(pk__in=[article.pk for article in self.report.created if article.pk]).delete()
        Source.objects.filter(pk__in=[source.pk for source in self.new_sources], articles=None).delete()
        self.report = ImportReport()
