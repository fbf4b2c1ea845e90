"""Backing up the archive's database, and restoring it with the search index rebuilt once.

Why a command of its own. ``dumpdata``/``loaddata`` saves every row again
through the models, so the index queue gets a task per mention (80,431 tasks
for 4,250 articles: minutes of writer time against seconds for a rebuild).
Here the database is copied whole by its engine's own tool, which takes a
consistent snapshot while the site and the index writer keep running:
SQLite's online backup API, or PostgreSQL's ``pg_dump``.

Why in the search app. A restore ends by rebuilding the index from the
database, once; the queue the snapshot carried is dropped, since it describes
an index that is not there. The index itself is never backed up: the database
is the source of truth and the index is rebuilt from it.

A restore checks the backup file before it touches the live database, and
refuses to replace an archive that holds articles or entities unless forced.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from django.db import OperationalError, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from haystack.constants import DEFAULT_ALIAS
from haystack.query import SearchQuerySet

from arabic.numbers import CountedNoun
from archive.models import Article, Entity
from archive.numerals import count, decimal, number

from . import database_copy
from .database_copy import BackupError
from .indexing import index_write_lock
from .models import IndexTask

# What a SQLite file and a pg_dump archive in custom format begin with.
SQLITE_HEADER = b"SQLite format 3\x00"
PG_DUMP_HEADER = b"PGDMP"

ENTITIES = CountedNoun("كيان واحد", "كيانان", "كيانات", "كيانًا", "كيان")
MIGRATIONS = CountedNoun("ترحيل واحد", "ترحيلان", "ترحيلات", "ترحيلًا", "ترحيل")
TASKS = CountedNoun("مهمة واحدة", "مهمتان", "مهام", "مهمةً", "مهمة")

INDEX_NOT_BACKED_UP = "فهرس البحث لا يُنسخ: يُبنى من قاعدة البيانات عند الاستعادة."


@dataclass(frozen=True)
class BackupReport:
    path: Path
    size: int
    articles: int

    def summary(self) -> str:
        return (
            f"كُتبت النسخة الاحتياطية في {self.path} ({_size(self.size)}، "
            f"{count(self.articles, Article.COUNTED)}). {INDEX_NOT_BACKED_UP}"
        )


@dataclass(frozen=True)
class RestoreReport:
    path: Path
    articles: int
    migrations: int
    dropped_tasks: int
    indexed: int

    def summary(self) -> str:
        sentences = [f"استُعيد الأرشيف من {self.path}: {count(self.articles, Article.COUNTED)}."]
        if self.migrations:
            sentences.append(f"طُبّق بعدها {count(self.migrations, MIGRATIONS)}.")
        sentences.append(
            f"حُذف من طابور الفهرسة {count(self.dropped_tasks, TASKS)} جاءت مع النسخة، "
            f"وبُني فهرس البحث من قاعدة البيانات مرة واحدة: {count(self.indexed, Article.COUNTED)}."
        )
        return " ".join(sentences)


# Backing up ---------------------------------------------------------------------


def back_up(path: str | Path, force: bool = False) -> BackupReport:
    """Write a snapshot of the database to ``path``, readable by its owner only.

    Owner only (0600): it holds every editor's password hash. Written to a
    temporary file beside ``path`` and moved into place once complete, so a
    failed backup never leaves half a file, nor destroys the one ``--force``
    would replace.
    """
    target = Path(path).absolute()
    engine = _engine()
    _check_target(target, force)
    _require_archive_tables()
    temporary = _private_temporary_file(target)
    try:
        if engine == "sqlite":
            database_copy.sqlite_back_up(temporary)
            articles = _articles_in_sqlite_file(temporary)
        else:
            articles = database_copy.postgres_back_up(temporary)
        _move_into_place(temporary, target, force)
    finally:
        temporary.unlink(missing_ok=True)
    return BackupReport(target, target.stat().st_size, articles)


def _check_target(target: Path, force: bool) -> None:
    if target.is_dir():
        raise BackupError(f"{target} مجلد؛ اكتب مسار ملف فيه، مثل {target / 'archive.backup'}.")
    if not target.parent.is_dir():
        raise BackupError(f"المجلد {target.parent} غير موجود؛ أنشئه أولًا أو اختر مسارًا آخر.")
    if target.exists() and not force:
        raise BackupError(f"الملف {target} موجود؛ لم يُكتب شيء. اختر مسارًا آخر، أو أضف ‎--force لاستبداله.")


def _require_archive_tables() -> None:
    """A database without the archive's tables has nothing to back up, and its backup could not be restored."""
    if Article._meta.db_table not in _live_tables():
        raise BackupError(
            "قاعدة البيانات المضبوطة ليس فيها جداول الأرشيف؛ أهي القاعدة الصحيحة (DATABASE_URL و ARCHIVE_DATA_DIR)؟ "
            "إن كانت جديدة فشغّل manage.py migrate أولًا."
        )


def _private_temporary_file(target: Path) -> Path:
    """An empty file beside ``target``, mode 0600 from its creation (``mkstemp``), never readable by others."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    return Path(name)


def _move_into_place(temporary: Path, target: Path, force: bool) -> None:
    """Rename the finished backup to ``target``; without ``force``, never over a file made meanwhile."""
    if force:
        os.replace(temporary, target)
        return
    try:
        os.link(temporary, target)  # fails if the target exists, where a rename would replace it
    except FileExistsError:
        raise BackupError(
            f"الملف {target} موجود؛ لم يُكتب شيء. اختر مسارًا آخر، أو أضف ‎--force لاستبداله."
        ) from None


# Restoring ----------------------------------------------------------------------


def restore(path: str | Path, force: bool = False) -> RestoreReport:
    """Replace the database with the backup at ``path``, bring it up to date, and rebuild the index once.

    The file is checked first, and the live database read to see that it is
    empty, before anything is written: a bad file or an archive in use leaves
    everything as it was.
    """
    source = Path(path).absolute()
    engine = _engine()
    _check_backup_file(source, engine)
    _refuse_a_used_archive(force)
    database_copy.close_connections()
    if engine == "sqlite":
        database_copy.sqlite_restore(source)
    else:
        database_copy.postgres_restore(source)
    migrations = _migrate()
    dropped, indexed = _rebuild_index()
    return RestoreReport(source, Article.objects.count(), migrations, dropped, indexed)


def _check_backup_file(source: Path, engine: str) -> None:
    """Refuse a path that is not a backup of this archive, for this database engine."""
    if not source.is_file():
        raise BackupError(f"لا يوجد ملف في {source}؛ لم يُمسّ الأرشيف. تحقق من المسار.")
    with source.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    kind = (
        "sqlite" if header == SQLITE_HEADER else "postgresql" if header.startswith(PG_DUMP_HEADER) else None
    )
    if kind is None:
        raise BackupError(
            f"الملف {source} ليس نسخة احتياطية من الأرشيف (لا ملف SQLite ولا ملف pg_dump)؛ لم يُمسّ الأرشيف."
        )
    if kind != engine:
        raise BackupError(
            f"الملف {source} نسخة من قاعدة {_ENGINE_NAMES[kind]}، وقاعدة الأرشيف المضبوطة {_ENGINE_NAMES[engine]}؛ "
            "تُستعاد النسخة إلى قاعدة من نوعها (اضبط DATABASE_URL). لم يُمسّ الأرشيف."
        )
    if kind == "sqlite":
        _check_sqlite_backup(source)
    else:
        _check_postgres_backup(source)


_ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def _check_sqlite_backup(source: Path) -> None:
    """A whole SQLite file, with the archive's tables and no migration this code does not know."""
    try:
        with closing(sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)) as backup:
            intact = backup.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            tables = {
                name for (name,) in backup.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            applied = set()
            if "django_migrations" in tables:
                applied = set(backup.execute("SELECT app, name FROM django_migrations"))
    except sqlite3.DatabaseError as error:
        raise BackupError(f"تعذّرت قراءة الملف {source} ({error})؛ لم يُمسّ الأرشيف.") from error
    if not intact:
        raise BackupError(f"الملف {source} تالف (فشل فحص SQLite لسلامته)؛ لم يُمسّ الأرشيف.")
    if not {"django_migrations", Article._meta.db_table} <= tables:
        raise BackupError(
            f"الملف {source} قاعدة SQLite ليست من الأرشيف (ليس فيها جداول المقالات)؛ لم يُمسّ الأرشيف."
        )
    _refuse_unknown_migrations(source, applied)


def _refuse_unknown_migrations(source: Path, applied: set[tuple[str, str]]) -> None:
    """A backup from a newer version of the archive has a schema this code cannot read: say so, restore nothing."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    unknown = sorted(
        f"{app}.{name}"
        for app, name in applied
        if app in loader.migrated_apps and (app, name) not in loader.disk_migrations
    )
    if unknown:
        raise BackupError(
            f"الملف {source} مأخوذ من إصدار أحدث من الأرشيف (فيه ترحيلات لا تعرفها هذه الشيفرة: "
            f"{'، '.join(unknown)})؛ حدّث الشيفرة ثم أعد الاستعادة. لم يُمسّ الأرشيف."
        )


def _check_postgres_backup(source: Path) -> None:
    """A pg_dump archive that pg_restore can list, holding the archive's articles table."""
    listing = database_copy.run_postgres(
        [database_copy.postgres_program("pg_restore"), "--list", str(source)],
        "pg_restore",
        database=False,
        check=False,
    )
    if listing.returncode != 0:
        raise BackupError(f"الملف {source} ليس ملف pg_dump سليمًا ({listing.stderr.strip()})؛ لم يُمسّ الأرشيف.")
    if not re.search(rf"\bTABLE \S+ {Article._meta.db_table}\b", listing.stdout):
        raise BackupError(
            f"الملف {source} نسخة PostgreSQL ليست من الأرشيف (ليس فيها جدول المقالات)؛ لم يُمسّ الأرشيف."
        )


def _refuse_a_used_archive(force: bool) -> None:
    """Refuse to replace articles or entities, unless forced: a restore replaces the whole database."""
    if force or Article._meta.db_table not in _live_tables():
        return
    articles, entities = Article.objects.count(), Entity.objects.count()
    if articles or entities:
        raise BackupError(
            f"الأرشيف ليس فارغًا: فيه {count(articles, Article.COUNTED)} و{count(entities, ENTITIES)}؛ "
            "لم يُمسّ. الاستعادة تستبدل قاعدة البيانات كلها: أضف ‎--force لاستبدالها، "
            "بعد أخذ نسخة منها (manage.py backup)."
        )


def _migrate() -> int:
    """Bring a backup taken before newer migrations up to date; how many migrations were applied."""
    executor = MigrationExecutor(connections[DEFAULT_ALIAS])
    pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    call_command("migrate", interactive=False, verbosity=0)
    return pending


def _rebuild_index() -> tuple[int, int]:
    """Drop the queue the snapshot brought and rebuild the index once; (tasks dropped, articles indexed).

    The queued tasks name documents of an index that is not the one being
    built: the rebuild writes every object anyway. Both under the index write
    lock, so a running writer neither drains the old tasks meanwhile nor
    writes between them; an edit saved during the rebuild is queued after the
    drop and written by the writer once the rebuild ends.
    """
    with index_write_lock():
        dropped, _ = IndexTask.objects.all().delete()
        call_command("rebuild_index", interactive=False, verbosity=0)
    return dropped, SearchQuerySet(using=DEFAULT_ALIAS).models(Article).count()


# The database engine ------------------------------------------------------------------


def _engine() -> str:
    vendor = connections[DEFAULT_ALIAS].vendor
    if vendor not in _ENGINE_NAMES:
        raise BackupError(f"النسخ الاحتياطي يعرف SQLite وPostgreSQL فقط، وقاعدة الأرشيف المضبوطة {vendor}.")
    return vendor


def _live_tables() -> list[str]:
    """The live database's tables; the first query of a backup or a restore, so it says when none can be made."""
    connection = connections[DEFAULT_ALIAS]
    try:
        with connection.cursor() as cursor:
            return connection.introspection.table_names(cursor)
    except OperationalError as error:
        raise BackupError(
            f"تعذّر الاتصال بقاعدة بيانات الأرشيف ({error})؛ تحقق من DATABASE_URL. لم يُمسّ شيء."
        ) from error


def _articles_in_sqlite_file(path: Path) -> int:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as database:
        return database.execute(f'SELECT count(*) FROM "{Article._meta.db_table}"').fetchone()[0]


def _size(size: int) -> str:
    """A file size as an Arabic reader reads it, in the site's digits: 3.2 ميغابايت, 454 كيلوبايت, or bytes."""
    if size < 1024:
        return f"{number(size)} بايت"
    if size < 1024 * 1024:
        return f"{number(round(size / 1024))} كيلوبايت"
    return f"{decimal(size / 2**20, 1)} ميغابايت"
