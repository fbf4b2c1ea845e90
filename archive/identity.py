"""How the archive tells its records apart: permalinks made from names, fingerprints of texts."""

from __future__ import annotations

import hashlib
from collections.abc import Container

from django.db import models
from django.utils.text import slugify

from arabic.normalization import normalize, strip_marks

SLUG_WORDS = 8


def unique_slug(model: type[models.Model], text: str, fallback: str) -> str:
    """An Arabic-friendly slug of ``text``, made unique within ``model`` by a number after it.

    One query whatever the number of slugs taken: news repeats its headlines'
    opening words ("استقبل رئيس الجمهورية..."), and asking for each numbered
    candidate in turn would cost the 800th such article 800 queries.
    """
    base = slug_base(text, fallback)
    return first_free_slug(
        base, set(model._default_manager.filter(slug__startswith=base).values_list("slug", flat=True))
    )


def slug_base(text: str, fallback: str) -> str:
    """The slug of ``text`` before any number that makes it unique: its first words, or ``fallback``."""
    words = slugify(strip_marks(text), allow_unicode=True).split("-")[:SLUG_WORDS]
    return "-".join(words)[:200].strip("-") or fallback


def first_free_slug(base: str, taken: Container[str]) -> str:
    """``base``, or the first of ``base-2``, ``base-3``... not ``taken``."""
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def content_hash(body: str) -> str:
    """A fingerprint of what an article says, blind to spacing and diacritics."""
    return hashlib.sha256(" ".join(normalize(body).split()).encode()).hexdigest()
