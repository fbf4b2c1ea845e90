"""After a commit, a search reads the segments the commit left as they were with the readers it
had (their caches kept), and never reads a segment the commit changed or replaced as it was."""

from __future__ import annotations

import pytest
from haystack import connections

from archive.linking import save_linked
from archive.models import Article
from search.indexing import drain

pytestmark = pytest.mark.django_db


def readers() -> dict[str, object]:
    """The segment readers of this thread's searcher, by segment."""
    searcher = connections["default"].get_backend().searcher()
    return {leaf.segment().segment_id(): leaf for leaf, _ in searcher.reader().leaf_readers()}


def test_a_commit_keeps_the_readers_of_the_segments_it_left_as_they_were(
    settings, search_index_path, search_api
):
    settings.ARCHIVE_SEARCH_SMALL_SEGMENT = 1  # each commit its own segment, never merged
    olive = save_linked(Article(title="الزيتون", body="ارتفعت صادرات الزيتون هذا العام."))
    drain()
    assert search_api({"q": "الزيتون"})["total"] == 1
    before = readers()
    save_linked(Article(title="الفوسفات", body="وقّع البلدان اتفاقا لنقل الفوسفات."))
    drain()
    after = readers()
    assert len(after) == 2
    assert all(after[segment] is reader for segment, reader in before.items())
    assert search_api({"q": "الفوسفات"})["total"] == 1

    olive.body = "ارتفعت صادرات الزيتون والتمور هذا العام."
    save_linked(olive)
    drain()
    edited = readers()
    # The first segment lost a document: read anew, with its deletion.
    assert all(edited.get(segment) is not reader for segment, reader in before.items())
    assert search_api({"q": "الزيتون"})["total"] == 1
    assert search_api({"q": "التمور"})["total"] == 1
