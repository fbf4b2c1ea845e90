"""``manage.py index_writer`` as its own process for a benchmark, as production runs it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings

from ..indexing import heartbeat_path
from ..models import IndexTask

# Seconds between two looks at what a benchmark waits for.
POLL_INTERVAL = 0.005


class WriterFailed(Exception):
    """The index writer stopped, or did not do in time what the benchmark waits for."""


@contextmanager
def running_writer(timeout: float) -> Iterator[subprocess.Popen]:
    """``manage.py index_writer`` as its own process, for the block; stopped with SIGTERM however it ends.

    The block starts once the writer has made a whole turn of its loop (healed
    the index, drained the queue) and the queue is empty; leaving it normally
    waits until the queue is empty again. Stopped as honcho stops it, and
    killed if it has not exited 30 seconds later.
    """
    with tempfile.TemporaryFile("w+") as log:
        started = time.time()
        writer = subprocess.Popen(
            [sys.executable, str(settings.BASE_DIR / "manage.py"), "index_writer"],
            env=os.environ.copy(),
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # as honcho and service managers start it
        )
        alive = _alive(writer, log)
        # Terminated itself, the benchmark still stops its writer: SIGTERM unwinds as an exit does.
        previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)

        def queue_is_empty() -> bool:
            return alive() and not IndexTask.objects.exists()

        try:
            first_turn = _beat_after(started, alive, timeout, "the index writer to start")
            _beat_after(first_turn, alive, timeout, "the index writer to finish its first turn")
            wait_until(queue_is_empty, timeout, "the index writer to empty the queue")
            yield writer
            wait_until(queue_is_empty, timeout, "the index writer to write the last changes")
        finally:
            signal.signal(signal.SIGTERM, previous)
            writer.send_signal(signal.SIGTERM)
            try:
                writer.wait(timeout=30)
            except subprocess.TimeoutExpired:
                writer.kill()
                writer.wait()


def _exit_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)


def _alive(writer: subprocess.Popen, log) -> Callable[[], bool]:
    """A check that raises ``WriterFailed``, with what the writer said, once it has exited."""

    def alive() -> bool:
        if writer.poll() is None:
            return True
        log.seek(0)
        raise WriterFailed(f"index_writer exited with status {writer.returncode}:\n{log.read()}")

    return alive


def _beat_after(moment: float, alive: Callable[[], bool], timeout: float, what: str) -> float:
    """When the writer next touched its heartbeat file (once a turn of its loop) after ``moment``."""
    heartbeat = heartbeat_path()

    def beaten() -> bool:
        return alive() and heartbeat.exists() and heartbeat.stat().st_mtime > moment

    wait_until(beaten, timeout, what)
    return heartbeat.stat().st_mtime


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Return once ``condition`` holds, asking every ``POLL_INTERVAL``; ``WriterFailed`` after ``timeout``."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise WriterFailed(f"waited {timeout:g} s for {what}")
        time.sleep(POLL_INTERVAL)
