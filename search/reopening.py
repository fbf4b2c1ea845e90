"""A searcher on the index's latest commit that keeps the segments a commit left as they were.

Whoosh opens every segment anew for each new searcher: at 100,000 articles in
forty segments, more than a second after each commit, and whatever is kept on
a segment's reader (its field lengths, its facet values) is read again. Here a
segment the commit did not touch (the same segment, the same deletions) keeps
its reader from the searcher before. whoosh-reloaded's own reuse
(``Index.reader(reuse=...)``) also keeps the segments a merge replaced, so an
edited article would be found twice: it is not used.

A searcher is one thread's: a reader, which seeks in its files, is never
shared between threads.
"""

from __future__ import annotations

from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher


def reopened(index, weighting, previous: Searcher | None = None) -> Searcher:
    """A searcher on ``index``'s latest commit, with ``previous``'s readers of unchanged segments.

    ``previous`` must not be used afterwards: its other readers are closed.
    """
    toc = index._read_toc()
    kept = {}
    if previous is not None:
        kept = {
            _state(leaf.segment()): leaf for leaf, _ in previous.reader().leaf_readers() if leaf.segment()
        }
    readers = [
        kept.pop(_state(segment), None)
        or SegmentReader(index.storage, toc.schema, segment, generation=toc.generation)
        for segment in toc.segments
    ]
    for unused in kept.values():
        unused.close()
    if not readers:
        reader = EmptyReader(toc.schema)
    else:
        # A MultiReader even for one segment: it carries this commit's generation, which a
        # reused segment's reader does not.
        reader = MultiReader(readers, generation=toc.generation)
    return Searcher(reader, weighting=weighting, fromindex=index)


def _state(segment) -> tuple[str, int]:
    """What a reader of ``segment`` reads: its documents, and which of them are deleted."""
    return segment.segment_id(), segment.deleted_count()
