"""How the archive tells its records apart: permalinks made from names, fingerprints of texts."""

from __future__ import annotations

import hashlib

from django.db import connection, models
from django.db.models import Q
from django.utils.text import slugify

from arabic.normalization import normalize, strip_marks

SLUG_WORDS = 8
# Slugs looked up in one query: well under any engine's limit on a query's parameters.
SLUGS_PER_QUERY = 300


def unique_slug(model: type[models.Model], text: str, fallback: str) -> str:
    """An Arabic-friendly slug of ``text``, made unique within ``model`` by a number after it."""
    return unique_slugs(model, [text], fallback)[0]


def unique_slugs(model: type[models.Model], texts: list[str], fallback: str) -> list[str]:
    """A slug for each of ``texts``, unique within ``model`` and among themselves: one query a few hundred.

    A taken slug gets the lowest free number after it. News repeats its
    headlines' opening words ("استقبل رئيس الجمهورية..."), so the query asks
    the slug's index for every numbered form of the batch's slugs at once,
    whatever their number: the 800th such article costs what the first does.
    """
    bases = [slug_base(text, fallback) for text in texts]
    distinct = list(dict.fromkeys(bases))
    taken: set[str] = set()
    for start in range(0, len(distinct), SLUGS_PER_QUERY):
        numbered = model._default_manager.filter(_numbered_forms(distinct[start : start + SLUGS_PER_QUERY]))
        taken.update(numbered.order_by().values_list("slug", flat=True))
    next_number: dict[str, int] = {}
    slugs = []
    for base in bases:
        slug, number = base, next_number.get(base, 2)
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        next_number[base] = number
        taken.add(slug)
        slugs.append(slug)
    return slugs


def slug_base(text: str, fallback: str) -> str:
    """The first words of ``text``, without marks, as a slug; ``fallback`` when it has no letters."""
    words = slugify(strip_marks(text), allow_unicode=True).split("-")[:SLUG_WORDS]
    return "-".join(words)[:200].strip("-") or fallback


def _numbered_forms(bases: list[str]) -> Q:
    """Each of ``bases`` and its numbered forms ("base-2"), as a lookup the slug's index serves.

    SQLite's LIKE ignores ASCII case and so never uses an index: there a range
    of the binary order, in which every "base-<digits>" lies between "base-0"
    and "base-:". PostgreSQL serves LIKE from the pattern index Django makes
    for a unique slug, and its collation may not order text byte by byte.
    """
    lookup = Q(pk__in=[])
    for base in bases:
        if connection.vendor == "sqlite":
            lookup |= Q(slug=base) | Q(slug__gte=f"{base}-0", slug__lt=f"{base}-:")
        else:
            lookup |= Q(slug=base) | Q(slug__startswith=f"{base}-")
    return lookup


def content_hash(body: str) -> str:
    """A fingerprint of what an article says, blind to spacing and diacritics."""
    return hashlib.sha256(" ".join(normalize(body).split()).encode()).hexdigest()
