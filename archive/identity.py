"""How the archive tells its records apart: permalinks made from names, fingerprints of texts."""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils.text import slugify

from arabic.normalization import normalize, strip_marks

SLUG_WORDS = 8


def unique_slug(model: type[models.Model], text: str, fallback: str) -> str:
    """An Arabic-friendly slug of ``text``, made unique within ``model``."""
    words = slugify(strip_marks(text), allow_unicode=True).split("-")[:SLUG_WORDS]
    base = "-".join(words)[:200].strip("-") or fallback
    slug, counter = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def content_hash(body: str) -> str:
    """A fingerprint of what an article says, blind to spacing and diacritics."""
    return hashlib.sha256(" ".join(normalize(body).split()).encode()).hexdigest()
