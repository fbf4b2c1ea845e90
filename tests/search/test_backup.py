"""``manage.py backup`` and ``manage.py restore``: the same archive comes back, searchable, or nothing is touched.

Most tests run the commands in this process, on the test database (SQLite's
online backup API works on it through Django's connection). The last one runs
them as an operator does, from one archive into a fresh, empty one, on the
engine the suite runs on: SQLite, or PostgreSQL with pg_dump and pg_restore.
"""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from haystack.query import SearchQuerySet
from psycopg import sql
from whoosh.index import open_dir

from archive.models import Article
from archive.numerals import count
from search.backup import INDEX_NOT_BACKED_UP
from search.models import IndexTask

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ("تبون", "الاتفاقيه", "بوقادوم طرابلس", '"المجلس الرئاسي"')
ARABIC = re.compile("[\u0621-\u064a]")


# Helpers --------------------------------------------------------------------------


def tables() -> dict[str, list[tuple]]:
    """Every row of every table but the index queue, which a restore empties by design."""
    with connection.cursor() as cursor:
        names = [name for name in connection.introspection.table_names(cursor) if name != "search_indextask"]
        return {name: cursor.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall() for name in names}


def searches(client) -> dict[str, list[tuple]]:
    """What the JSON API answers for a few queries: the total and each result's article, title and snippet."""
    answers = {}
    for query in QUERIES:
        payload = client.get(reverse("search:api-search"), {"q": query}).json()
        answers[query] = [payload["total"]] + [
            (result["id"], result["title"], result["snippet"]) for result in payload["results"]
        ]
    return answers


def indexed_articles() -> set[int]:
    return {int(result.pk) for result in SearchQuerySet().models(Article)}


def refused(*args, **options) -> str:
    with pytest.raises(CommandError) as error:
        call_command(*args, **options)
    message = str(error.value)
    assert ARABIC.search(message), message
    return message


@pytest.fixture
def seeded(transactional_db) -> None:
    """The seed articles, committed (a backup reads committed rows), indexed, and their queue left full."""
    if connection.vendor != "sqlite":
        pytest.skip("restores into the test database through SQLite's backup API")
    call_command("loaddata", "entities", "articles", verbosity=0)
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert IndexTask.objects.exists(), "loaddata queues the seeds: the backup carries a queue to drop"


@pytest.fixture
def backup(seeded, tmp_path) -> Path:
    path = tmp_path / "archive.backup"
    call_command("backup", str(path), stdout=io.StringIO())
    return path


# Backing up ---------------------------------------------------------------------------


def test_backup_reports_the_file_its_size_and_its_articles_in_arabic(seeded, tmp_path, capsys):
    path = tmp_path / "archive.backup"
    call_command("backup", str(path))
    output = capsys.readouterr().out
    assert str(path) in output
    assert count(Article.objects.count(), Article.COUNTED) in output
    assert INDEX_NOT_BACKED_UP in output


def test_the_backup_file_is_readable_by_its_owner_only(backup):
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_backup_refuses_to_overwrite_a_file_without_force(seeded, tmp_path):
    path = tmp_path / "archive.backup"
    path.write_text("an older backup")
    message = refused("backup", str(path))
    assert str(path) in message and "--force" in message
    assert path.read_text() == "an older backup"
    assert [entry.name for entry in tmp_path.iterdir()] == [path.name], "no temporary file is left behind"


def test_backup_with_force_replaces_the_file_with_a_private_one(seeded, tmp_path):
    path = tmp_path / "archive.backup"
    path.write_text("an older backup")
    path.chmod(0o644)
    call_command("backup", str(path), force=True, stdout=io.StringIO())
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# Restoring ------------------------------------------------------------------------------


def test_restore_into_an_emptied_archive_brings_back_every_row_and_the_same_searches(backup, client):
    rows, answers = tables(), searches(client)
    assert any(answers.values())
    call_command("flush", interactive=False, verbosity=0)
    call_command("clear_index", interactive=False, verbosity=0)
    assert not Article.objects.exists() and not indexed_articles()

    call_command("restore", str(backup), stdout=io.StringIO())

    assert tables() == rows
    assert searches(client) == answers
    assert not IndexTask.objects.exists(), "the snapshot's queue is dropped, none is made"
    assert indexed_articles() == set(Article.objects.values_list("pk", flat=True))


def test_restore_brings_a_backup_taken_before_a_newer_migration_up_to_date(backup, tmp_path):
    with sqlite3.connect(backup) as older:
        # 0004 made the first table, 0006 the others; the migrations between and after came later still.
        for table in ("archive_relinktask", "archive_agreementevent_articles", "archive_agreementevent"):
            older.execute(f"DROP TABLE {table}")
        older.execute("DELETE FROM django_migrations WHERE app = 'archive' AND name >= '0004_relink_queue'")
    older.close()
    call_command("restore", str(backup), force=True, stdout=io.StringIO())
    assert "archive_relinktask" in connection.introspection.table_names()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM django_migrations WHERE name = '0004_relink_queue'")
        assert cursor.fetchone() == (1,)


def test_restore_refuses_an_archive_that_holds_articles_and_leaves_it_as_it_was(backup):
    Article.objects.order_by("pk").first().delete()
    rows = tables()
    message = refused("restore", str(backup))
    assert count(Article.objects.count(), Article.COUNTED) in message and "--force" in message
    assert tables() == rows


def test_restore_with_force_replaces_an_archive_that_holds_articles(backup):
    rows = tables()
    Article.objects.order_by("pk").first().delete()
    call_command("restore", str(backup), force=True, stdout=io.StringIO())
    assert tables() == rows
    assert indexed_articles() == set(Article.objects.values_list("pk", flat=True))


def _text(path: Path) -> Path:
    path.write_text("عنوان\n\nهذا نص وليس نسخة احتياطية.\n")
    return path


def _empty(path: Path) -> Path:
    path.touch()  # SQLite would open an empty file as an empty database
    return path


def _foreign_database(path: Path) -> Path:
    with sqlite3.connect(path) as database:
        database.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    database.close()
    return path


def _truncated(path: Path, backup: Path) -> Path:
    path.write_bytes(backup.read_bytes()[:8192])
    return path


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda path, backup: path, id="missing"),
        pytest.param(lambda path, backup: _text(path), id="text"),
        pytest.param(lambda path, backup: _empty(path), id="empty"),
        pytest.param(lambda path, backup: _foreign_database(path), id="sqlite-without-the-archive"),
        pytest.param(_truncated, id="truncated-backup"),
    ],
)
def test_restore_refuses_what_is_not_a_backup_before_touching_the_archive(make, backup, tmp_path):
    """Even forced: the file is checked before the live database is touched."""
    path = make(tmp_path / "not-a-backup", backup)
    rows, indexed = tables(), indexed_articles()
    message = refused("restore", str(path), force=True)
    assert str(path) in message
    assert tables() == rows
    assert indexed_articles() == indexed


# As an operator runs it ---------------------------------------------------------------------


@pytest.fixture
def archives(tmp_path) -> Iterator[tuple[dict, dict]]:
    """Two archives' environments, a source and a fresh one, on the engine this suite runs on.

    On SQLite each is a data folder; on PostgreSQL each also gets an empty
    database of its own, created here and dropped afterwards.
    """
    folders = [tmp_path / "source", tmp_path / "fresh"]
    environments = [
        {**os.environ, "ARCHIVE_DATA_DIR": str(folder), "ARCHIVE_INDEX_PATH": str(folder / "index")}
        for folder in folders
    ]
    if connection.vendor != "postgresql":
        for environment in environments:
            environment.pop("DATABASE_URL", None)
        yield tuple(environments)
        return
    url = urlsplit(os.environ["DATABASE_URL"])
    names = [f"archive_{folder.name}_{os.getpid()}" for folder in folders]
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as server:
        for name, environment in zip(names, environments, strict=True):
            server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            environment["DATABASE_URL"] = urlunsplit(url._replace(path=f"/{name}"))
        try:
            yield tuple(environments)
        finally:
            for name in names:
                server.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )


def manage(environment: dict, *args: str) -> subprocess.CompletedProcess:
    completed = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    return completed


def shell_json(environment: dict, code: str):
    """What ``code``, run by ``manage.py shell`` in that archive, prints as JSON."""
    return json.loads(manage(environment, "shell", "--verbosity", "0", "-c", code).stdout)


# Every row of every table, in the archive's own engine, as JSON.
EVERY_ROW = """
import json
from django.db import connection
with connection.cursor() as cursor:
    names = connection.introspection.table_names(cursor)
    rows = {}
    for name in names:
        cursor.execute(f'SELECT * FROM "{name}" ORDER BY 1')
        rows[name] = cursor.fetchall()
print(json.dumps(rows, default=str))
"""

API_ANSWERS = (
    "import json; from django.test import Client; "
    f"print(json.dumps({{q: Client().get('/api/search', {{'q': q}}).json() for q in {QUERIES!r}}}))"
)


@pytest.mark.slow
def test_a_backup_restored_into_a_fresh_archive_is_the_same_archive(archives, tmp_path):
    """From an archive with the seeds indexed to one with nothing in it, not even a table."""
    source, fresh = archives
    backup = tmp_path / "archive.backup"
    manage(source, "migrate", "--noinput", "--verbosity", "0")
    manage(source, "seed_archive")
    manage(source, "rebuild_index", "--noinput", "--verbosity", "0")

    manage(source, "backup", str(backup))
    engine_format = b"PGDMP" if connection.vendor == "postgresql" else b"SQLite format 3"
    assert backup.read_bytes().startswith(engine_format), "the engine's own tool made the backup"
    manage(fresh, "restore", str(backup))

    before, after = shell_json(source, EVERY_ROW), shell_json(fresh, EVERY_ROW)
    assert before.pop("search_indextask"), "the seeds were queued in the source archive"
    assert after.pop("search_indextask") == []
    assert after == before
    assert shell_json(fresh, API_ANSWERS) == shell_json(source, API_ANSWERS)
    with open_dir(fresh["ARCHIVE_INDEX_PATH"]).searcher() as searcher:
        indexed = {int(document["django_id"]) for document in searcher.documents(django_ct="archive.article")}
    assert indexed == {pk for pk, *_ in after["archive_article"]}
