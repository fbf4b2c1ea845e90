"""System checks of the search index: can it be written, was it built with this code's schema, is its writer running.

Registered in ``SearchConfig.ready()``. Only the first is an error: an index
of another schema must not stop ``manage.py rebuild_index``, which heals it,
and the writer's heartbeat is checked with ``check --deploy`` only, since
``make run`` migrates before it starts the writer.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Warning
from django.db import DatabaseError
from haystack import connections
from haystack.constants import DEFAULT_ALIAS

from arabic.numbers import CountedNoun
from archive.numerals import count, number

from . import conf
from .health import writer_heartbeat_age
from .index_schema import built_with_another_schema
from .models import IndexTask

TASKS = CountedNoun("مهمة واحدة", "مهمتان", "مهام", "مهمة", "مهمة")


def check_index_writable(app_configs=None, **kwargs) -> list[Error]:
    """search.E001: the index folder, and the folder it lies in, can be written.

    The parent too: ``rebuild_index`` deletes and recreates the index folder
    (haystack's ``delete_index``), and the writer's lock files lie beside it.
    A folder not made yet counts as its nearest existing parent.
    """
    index = _index_path()
    if index is None:  # a server engine: nothing on local disk
        return []
    for folder in (index, index.parent):
        existing = _nearest_existing(folder)
        if not (existing.is_dir() and os.access(existing, os.W_OK | os.X_OK)):
            return [
                Error(
                    f"لا يمكن الكتابة في مجلد فهرس البحث أو المجلد الذي يحويه: {existing}",
                    hint=(
                        f"امنح مستخدم الأرشيف حق الكتابة في {existing} (chmod أو chown)، "
                        "أو اجعل ARCHIVE_INDEX_PATH مسارًا في مجلد يملك الكتابة فيه."
                    ),
                    id="search.E001",
                )
            ]
    return []


def check_index_schema(app_configs=None, **kwargs) -> list[Warning]:
    """search.W002: the index on disk was built with the schema this code builds.

    A warning, not an error: an error would stop ``manage.py rebuild_index``, the cure, from running.
    """
    try:
        other = built_with_another_schema()
    except OSError:  # an unreadable index: search.E001 says what to fix
        return []
    if not other:
        return []
    return [
        Warning(
            "بُني فهرس البحث بمخطط غير مخطط الشيفرة الحالية (حقول أو محلل آخر): نتائج البحث والتصنيفات خاطئة.",
            hint=(
                "شغّل manage.py rebuild_index، أو شغّل manage.py index_writer "
                "فهو يعيد بناء الفهرس بنفسه حين يجده كذلك."
            ),
            id="search.W002",
        )
    ]


def check_writer_running(app_configs=None, **kwargs) -> list[Warning]:
    """search.W003 (deploy): the index writer has touched its heartbeat recently.

    Without a writer, every edit waits in the queue and searches never find it.
    """
    if settings.DEBUG:
        return []
    limit = conf.get("WRITER_HEARTBEAT_LIMIT")
    age = writer_heartbeat_age()
    if age is not None and age <= limit:
        return []
    return [
        Warning(
            f"كاتب فهرس البحث لا يعمل ({_since(age)})، والتعديلات تنتظر في الطابور: {_queued()}.",
            hint="شغّل manage.py index_writer (يشغّله make run مع الموقع).",
            id="search.W003",
        )
    ]


def _index_path() -> Path | None:
    path = connections[DEFAULT_ALIAS].options.get("PATH")
    return Path(path).resolve() if path else None


def _nearest_existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _since(age: float | None) -> str:
    return "لم ينبض قط" if age is None else f"آخر نبضة منه قبل {number(age)} ث"


def _queued() -> str:
    try:
        return count(IndexTask.objects.count(), TASKS)
    except DatabaseError:  # not migrated yet
        return "عددها غير معروف"
