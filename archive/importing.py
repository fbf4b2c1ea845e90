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

from arabic.numbers import CountedNoun, arabic_count

from .identity import content_hash
from .import_files import (
    PARAGRAPH_SEPARATOR,
    Draft,
    ImportFailure,
    ImportFileError,
    Location,
    collect_files,
    parse_file,
)
from .linking import Gazetteer, save_linked
from .models import Article, Source

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
        created = arabic_count(len(self.created), Article.COUNTED)
        skipped = arabic_count(len(self.skipped), DUPLICATES)
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
    try:
        instance.full_clean(exclude=exclude, validate_unique=False)
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

    ``progress`` hears, after each batch of an import of several, how many
    articles were read so far and in all.
    """
    planned = [validate(draft) for path in collect_files(paths) for draft in parse_file(path)]
    saver = _Saver()
    try:
        for done, batch in _batches(planned, BATCH_SIZE):
            with transaction.atomic():
                saver.save(batch)
            if done < len(planned):
                time.sleep(BATCH_PAUSE)
            if progress and len(planned) > BATCH_SIZE:
                progress(done, len(planned))
    except IntegrityError as error:
        # Another writer stored the same content or slug between our check and our save.
        saver.undo()
        raise ImportFailure("تغيّرت قاعدة البيانات أثناء الاستيراد فلم يُحفظ شيء؛ أعد تشغيل الأمر.") from error
    return saver.report


def _batches(items: list[Planned], size: int) -> Iterator[tuple[int, list[Planned]]]:
    for start in range(0, len(items), size):
        yield min(start + size, len(items)), items[start : start + size]


class _Saver:
    """Saves and links the new articles of an import with one gazetteer, and can take them back."""

    def __init__(self):
        self.report = ImportReport()
        self.gazetteer = Gazetteer.from_database()
        self.first_seen: dict[str, Location] = {}
        self.sources: dict[str, Source] = {}
        self.new_sources: list[Source] = []

    def save(self, batch: list[Planned]) -> None:
        """Save each article whose content is new; report the duplicates."""
        for item in batch:
            fingerprint = content_hash(item.article.body)
            if fingerprint in self.first_seen:
                self.report.skipped.append(Skipped(item.location, self.first_seen[fingerprint]))
                continue
            self.first_seen[fingerprint] = item.location
            if Article.objects.filter(content_hash=fingerprint).exists():
                self.report.skipped.append(Skipped(item.location, None))
                continue
            if item.source is not None:
                item.article.source = self._source(item.source.name)
            save_linked(item.article, self.gazetteer)
            self.report.created.append(item.article)

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
