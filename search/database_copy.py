"""Copying the whole database by its engine's own tool: SQLite's online backup API, or pg_dump and pg_restore.

The engine-specific half of ``search.backup``: each function copies one way
and raises ``BackupError`` with an Arabic message for the operator.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.db import connections, transaction
from haystack.constants import DEFAULT_ALIAS

from archive.models import Article

# Pages copied per step of SQLite's online backup (8 MiB at the default 4 KiB page):
# the source is read-locked only during a step, so writers commit between steps.
STEP_PAGES = 2048
STEP_PAUSE = 0.01
# A write between two steps restarts the copy, to keep it consistent; after this
# many restarts the copy is made in one step (writers then wait for it, up to
# the database's busy timeout).
MAX_RESTARTS = 3


class BackupError(Exception):
    """A backup or a restore that cannot be made; the message says, in Arabic, what to fix."""


def sqlite_back_up(temporary: Path) -> None:
    """Copy the live database into ``temporary`` with SQLite's online backup API, through Django's connection.

    Step by step, so that writers commit between steps; SQLite restarts a copy
    that a write has overtaken, so the file is always one consistent snapshot.
    """
    connection = connections[DEFAULT_ALIAS]
    connection.ensure_connection()
    with closing(sqlite3.connect(temporary)) as target:
        try:
            connection.connection.backup(
                target, pages=STEP_PAGES, progress=restart_counter(), sleep=STEP_PAUSE
            )
        except KeepsRestarting:
            connection.connection.backup(target)  # one step: one read lock, nothing can overtake it
        except sqlite3.OperationalError as error:
            raise BackupError(
                f"تعذّرت قراءة قاعدة البيانات ({error})؛ لم يُكتب شيء. أعد النسخ بعد قليل."
            ) from error


class KeepsRestarting(Exception):
    """Writes keep overtaking a step-by-step copy."""


def restart_counter():
    """A progress callback that gives up after ``MAX_RESTARTS`` restarts: the pages left grow when one happens."""
    state = {"left": None, "restarts": 0}

    def progress(status, remaining, total):
        if state["left"] is not None and remaining > state["left"]:
            state["restarts"] += 1
            if state["restarts"] > MAX_RESTARTS:
                raise KeepsRestarting
        state["left"] = remaining

    return progress


def postgres_back_up(temporary: Path) -> int:
    """``pg_dump`` in custom format into ``temporary``; how many articles the dump holds.

    The articles are counted in the very snapshot pg_dump copies (an exported
    snapshot, held by this transaction until the dump ends), so the count is
    the dump's. pg_dump takes no lock that blocks readers or writers.
    """
    program = postgres_program("pg_dump")
    connection = connections[DEFAULT_ALIAS]
    with transaction.atomic(using=DEFAULT_ALIAS), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        articles = Article.objects.count()
        run_postgres(
            [program, "--format=custom", f"--snapshot={snapshot}", f"--file={temporary}"],
            "pg_dump",
        )
    return articles


def close_connections() -> None:
    """No connection of this process may hold a transaction or a cached view of the database being replaced."""
    for connection in connections.all():
        connection.close()


def sqlite_restore(source: Path) -> None:
    """Copy the backup over the configured database with the online backup API, through Django's connection.

    The backup API writes into the live file under SQLite's own locks (other
    processes wait, then read the new content), where copying the file would
    tear it under a process that has it open.
    """
    connection = connections[DEFAULT_ALIAS]
    if not connection.is_in_memory_db():
        Path(connection.settings_dict["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    connection.ensure_connection()
    try:
        with closing(sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)) as backup:
            backup.backup(connection.connection)
    except sqlite3.OperationalError as error:
        # The copy is one write transaction into the live file: failed, it changed nothing.
        raise BackupError(
            f"تعذّرت الكتابة في قاعدة البيانات ({error})، ولم يتغيّر فيها شيء؛ "
            "إن كانت عملية أخرى تكتب فيها طويلًا فأعد الاستعادة بعد انتهائها."
        ) from error
    finally:
        connection.close()


def postgres_restore(source: Path) -> None:
    """pg_restore --clean in one transaction: the dump's tables replace the live ones, or nothing changes."""
    run_postgres(
        [
            postgres_program("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            str(source),
        ],
        "pg_restore",
    )


def postgres_program(name: str) -> str:
    program = shutil.which(name)
    if program is None:
        raise BackupError(
            f"لم يُعثر على {name}، وبه تُنسخ قاعدة PostgreSQL وتُستعاد. ثبّت عملاء PostgreSQL بإصدار خادمك "
            "أو أحدث (على دبيان وأوبونتو: apt-get install postgresql-client)."
        )
    return program


def run_postgres(
    command: list[str], name: str, database: bool = True, check: bool = True
) -> subprocess.CompletedProcess:
    """Run a PostgreSQL client against the configured database, the password in PGPASSWORD, never in argv.

    argv is visible to every user of the machine (``ps``); the environment is not.
    """
    settings = connections[DEFAULT_ALIAS].settings_dict
    environment = {**os.environ}
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = str(settings["PASSWORD"])
    if settings.get("OPTIONS", {}).get("sslmode"):
        environment["PGSSLMODE"] = settings["OPTIONS"]["sslmode"]
    arguments = ["--no-password"]
    if database:
        arguments += [f"--dbname={settings['NAME']}"]
        if settings.get("HOST"):
            arguments += [f"--host={settings['HOST']}"]
        if settings.get("PORT"):
            arguments += [f"--port={settings['PORT']}"]
        if settings.get("USER"):
            arguments += [f"--username={settings['USER']}"]
    completed = subprocess.run(
        [command[0], *arguments, *command[1:]], env=environment, capture_output=True, text=True
    )
    if check and completed.returncode != 0:
        raise BackupError(f"فشل {name} (رمز الخروج {completed.returncode}): {completed.stderr.strip()}")
    return completed


# Small helpers ----------------------------------------------------------------------------
