"""Fixtures for the archive's tests (``algeria`` and friends live in tests/conftest.py)."""

from collections.abc import Callable

import pytest

from archive.models import Article, Mention, Source


@pytest.fixture
def row_counts(db) -> Callable[[], dict[str, int]]:
    """How many articles, sources and mentions are stored, to compare before and after."""

    def count() -> dict[str, int]:
        return {model.__name__: model.objects.count() for model in (Article, Source, Mention)}

    return count
