"""Fixtures for the archive's tests (``algeria`` and friends live in tests/conftest.py)."""

import io
from collections.abc import Callable

import pytest
from django.core.management import call_command

from archive.models import Article, Mention, Source


@pytest.fixture
def row_counts(db) -> Callable[[], dict[str, int]]:
    """How many articles, sources and mentions are stored, to compare before and after."""

    def count() -> dict[str, int]:
        return {model.__name__: model.objects.count() for model in (Article, Source, Mention)}

    return count


@pytest.fixture
def seeded(db) -> None:
    """The seed articles and their entities, as ``seed_archive`` loads them."""
    call_command("loaddata", "entities", "articles", verbosity=0)


@pytest.fixture
def generate(db) -> Callable[..., str]:
    """``manage.py generate_articles`` with these arguments; what it printed."""

    def run(count: int | str, *options: str) -> str:
        out = io.StringIO()
        call_command("generate_articles", str(count), *options, stdout=out)
        return out.getvalue()

    return run


@pytest.fixture
def generated(db) -> Callable[[], list[Article]]:
    """The generated articles stored, in the order stored, with their mentions."""

    def stored() -> list[Article]:
        # The seed articles have no source; every generated one has.
        return list(Article.objects.exclude(source=None).order_by("pk").prefetch_related("mentions"))

    return stored
