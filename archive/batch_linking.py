"""Reading many articles in worker processes, while the caller writes the ones read before.

Reading an article word by word against the gazetteer, for its mentions and
for the names it writes that the gazetteer does not know (``archive.suggesting``),
is most of an import's work, and pure Python: one process reads one article at a time. The workers
are forked from the importer, so each has its gazetteer without copying it,
and they touch no database connection. A batch is handed to them as soon as
it is checked, and read while the importer stores the batch before it and
pauses for editors' saves.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from arabic.normalization import words

from .linking import Gazetteer, Span
from .suggesting import SuggestedName, suggest_beside

# Articles a worker reads in one go: large enough that handing them over costs little.
CHUNK = 25

_gazetteer: Gazetteer | None = None

# What a worker finds in one text: its mentions, and the names it writes that no entity has.
Reading = tuple[list[Span], list[SuggestedName]]


class ParallelFinder:
    """``Gazetteer.find`` and ``suggest_beside`` over batches of texts, in as many processes as there are processors."""

    def __init__(self, gazetteer: Gazetteer, processes: int | None = None):
        self.gazetteer = gazetteer
        self.processes = processes or os.cpu_count() or 1
        self.pool: ProcessPoolExecutor | None = None
        if self.processes > 1:
            self.pool = ProcessPoolExecutor(
                self.processes,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_keep,
                initargs=(gazetteer,),
            )

    def submit(self, texts: list[str]) -> Found:
        """Start reading each of ``texts``; ``Found.spans()`` and ``Found.names()`` wait for them."""
        chunks = [texts[start : start + CHUNK] for start in range(0, len(texts), CHUNK)]
        if self.pool is None:
            return Found([_done(_read_all(self.gazetteer, chunk)) for chunk in chunks])
        return Found([self.pool.submit(_read_in_worker, chunk) for chunk in chunks])

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def __enter__(self) -> ParallelFinder:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class Found:
    """The mentions and unknown names of a batch of texts, being found."""

    def __init__(self, parts: list[Future[list[Reading]]]):
        self.parts = parts

    def spans(self) -> list[list[Span]]:
        """Each text's mentions, in the order of the texts, once all are found."""
        return [spans for part in self.parts for spans, _ in part.result()]

    def names(self) -> list[list[SuggestedName]]:
        """Each text's names that no entity has, in the order of the texts, once all are found."""
        return [names for part in self.parts for _, names in part.result()]


def _done(result: list[Reading]) -> Future[list[Reading]]:
    future: Future[list[Reading]] = Future()
    future.set_result(result)
    return future


def _keep(gazetteer: Gazetteer) -> None:
    global _gazetteer
    _gazetteer = gazetteer


def _read_in_worker(texts: list[str]) -> list[Reading]:
    assert _gazetteer is not None, "a worker holds the gazetteer it was started with"
    return _read_all(_gazetteer, texts)


def _read_all(gazetteer: Gazetteer, texts: list[str]) -> list[Reading]:
    readings = []
    for text in texts:
        tokens = list(words(text))
        spans = gazetteer.find(text, tokens)
        readings.append((spans, suggest_beside(text, spans, tokens, gazetteer.entity_by_key)))
    return readings
