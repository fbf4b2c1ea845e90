"""The processes under test: gunicorn with the archive's settings and the index writer, started and always stopped."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from .constants import STOP_TIMEOUT, LoadBenchFailed
from .loopback import send

# --- The processes ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_site(workers: int, timeout: float, log: Path) -> Iterator[int]:
    """gunicorn as ``make run`` starts it, on a free loopback port, for the block; its port.

    Started in a session of its own, so a Ctrl-C reaches this process only and
    the block's end stops gunicorn as honcho does: SIGTERM to the master, and
    SIGKILL to its whole group (the workers too) if it has not exited after
    ``STOP_TIMEOUT`` seconds.
    """
    port = free_port()
    env = {**os.environ, "PORT": str(port), "WEB_CONCURRENCY": str(workers)}
    with log.open("ab") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,  # the access log: a line per request, of no use here
            stderr=output,
            start_new_session=True,
        )
    try:

        def answering() -> bool:
            if server.poll() is not None:
                raise LoadBenchFailed(f"gunicorn exited with status {server.returncode}:\n{tail(log)}")
            return send(port, "GET", "/healthz").status == 200

        wait_for(answering, timeout, "gunicorn to answer /healthz")
        yield port
    finally:
        stop(server)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL to the process's group after ``STOP_TIMEOUT`` seconds.

    For a process started in a session of its own: its group is its children too.
    """
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def tail(log: Path, lines: int = 20) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


class LogWatch:
    """The exceptions gunicorn's log reports (a traceback's last line), since it was last asked: what answered 500."""

    EXCEPTION = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Failure)\b.*)$", re.M)

    def __init__(self, log: Path):
        self.log, self.read_up_to = log, 0

    def news(self) -> list[str]:
        if not self.log.exists():
            return []
        with self.log.open("rb") as file:
            file.seek(self.read_up_to)
            text = file.read().decode("utf-8", "replace")
            self.read_up_to = file.tell()
        found = Counter(line[:200] for line in self.EXCEPTION.findall(text))
        return [f"    gunicorn's log: {count} × {line}" for line, count in found.most_common(10)]


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise LoadBenchFailed(f"waited {timeout:g} s for {what}")
        time.sleep(0.2)
