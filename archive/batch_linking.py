"""Finding the mentions of many articles in worker processes, while the caller writes the ones found before.

Reading an article word by word against the gazetteer is most of an import's
work, and pure Python: one process reads one article at a time. The workers
are forked from the importer, so each has its gazetteer without copying it,
and they touch no database connection. A batch is handed to them as soon as
it is checked, and read while the importer stores the batch before it and
pauses for editors' saves.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from .linking import Gazetteer, Span

# Articles a worker reads in one go: large enough that handing them over costs little.
CHUNK = 25

_gazetteer: Gazetteer | None = None


class ParallelFinder:
    """``Gazetteer.find`` over batches of texts, in as many processes as there are processors."""

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
        """Start finding the mentions in each of ``texts``; ``Found.spans()`` waits for them."""
        chunks = [texts[start : start + CHUNK] for start in range(0, len(texts), CHUNK)]
        if self.pool is None:
            return Found([_done([self.gazetteer.find(text) for text in chunk]) for chunk in chunks])
        return Found([self.pool.submit(_find_all, chunk) for chunk in chunks])

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def __enter__(self) -> ParallelFinder:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class Found:
    """The mentions of a batch of texts, being found."""

    def __init__(self, parts: list[Future[list[list[Span]]]]):
        self.parts = parts

    def spans(self) -> list[list[Span]]:
        """Each text's mentions, in the order of the texts, once all are found."""
        return [spans for part in self.parts for spans in part.result()]


def _done(result: list[list[Span]]) -> Future[list[list[Span]]]:
    future: Future[list[list[Span]]] = Future()
    future.set_result(result)
    return future


def _keep(gazetteer: Gazetteer) -> None:
    global _gazetteer
    _gazetteer = gazetteer


def _find_all(texts: list[str]) -> list[list[Span]]:
    assert _gazetteer is not None, "a worker holds the gazetteer it was started with"
    return [_gazetteer.find(text) for text in texts]
