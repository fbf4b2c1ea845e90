"""Answers to searches kept until the index changes, in a cache every gunicorn worker shares.

A key holds the index's version (``index_version``: a commit or a rebuild
makes a new one) and everything the answer depends on: the query and its
filters, the page, and the settings that shape a page of results. An answer
is so never stale: once the writer commits, every search is asked anew. Old
versions' answers are never read again, and the cache culls them. A new
release may shape answers otherwise: ``migrate``, which every deployment runs,
forgets them all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches
from haystack import connections
from haystack.constants import DEFAULT_ALIAS

from . import conf

T = TypeVar("T")

CACHE = "search"


def remembered(question: tuple, answer: Callable[[], T]) -> T:
    """The answer to ``question`` for the index as it is now: kept, or found by ``answer()`` and kept."""
    version = connections[DEFAULT_ALIAS].get_backend().index_version()
    shaping = tuple(conf.get(name) for name in ("SNIPPET_LENGTH", "SUGGEST_BELOW"))
    key = hashlib.sha256(repr((version, shaping, question)).encode()).hexdigest()
    cache = caches[CACHE]
    found = cache.get(key)
    if found is None:
        found = answer()
        cache.set(key, found)
    return found


def forget_all(**kwargs) -> None:
    """Forget every answer kept, as after a deployment (connected to ``post_migrate``)."""
    caches[CACHE].clear()
