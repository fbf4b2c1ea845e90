"""How the archive is doing, for a load balancer (``/healthz``) and for the editors' admin.

The database answers, the index can be read, how many edits wait in the
queue and for how long, and when the index writer last beat. Each part is
read on its own, so one that fails is reported, never raised.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.db import DatabaseError, connection
from django.db.models import Count, Min
from django.utils import timezone
from haystack import connections
from haystack.constants import DEFAULT_ALIAS

from .indexing import heartbeat_path
from .models import IndexTask


@dataclass(frozen=True, slots=True)
class Health:
    database: bool
    index: bool
    indexed_documents: int | None
    queued_changes: int | None
    oldest_queued_seconds: float | None
    writer_heartbeat_seconds: float | None

    @property
    def serving(self) -> bool:
        """Whether readers can read: a stale or missing index still serves pages while the writer catches up."""
        return self.database


def current() -> Health:
    database, queued, oldest = _queue()
    documents = _indexed_documents()
    return Health(database, documents is not None, documents, queued, oldest, writer_heartbeat_age())


def writer_heartbeat_age() -> float | None:
    """Seconds since the index writer last touched its heartbeat file; None if it never has."""
    try:
        return round(time.time() - heartbeat_path().stat().st_mtime, 1)
    except FileNotFoundError:
        return None


def _queue() -> tuple[bool, int | None, float | None]:
    """Whether the database answers, how many changes are queued, and the oldest one's age in seconds."""
    try:
        connection.ensure_connection()
        queue = IndexTask.objects.aggregate(count=Count("id"), oldest=Min("queued_at"))
    except DatabaseError:
        return False, None, None
    oldest = queue["oldest"]
    return True, queue["count"], round((timezone.now() - oldest).total_seconds(), 1) if oldest else None


def _indexed_documents() -> int | None:
    """How many documents the index holds, or None when it cannot be read."""
    try:
        return connections[DEFAULT_ALIAS].get_backend().searcher().doc_count()
    except Exception:  # any failure to read is the answer: the index is not readable
        return None
