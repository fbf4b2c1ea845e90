"""The Procfile's writer comes back when it is killed, and a Ctrl-C of make run still stops it."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .processes import ROOT

pytestmark = pytest.mark.slow


def procfile_command(name: str) -> str:
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no {name} in the Procfile")


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while not (value := condition()):
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.1)
    return value


def writer_pid(shell: int) -> int | None:
    children = subprocess.run(["pgrep", "-P", str(shell)], capture_output=True, text=True).stdout.split()
    return int(children[0]) if children else None


def test_a_killed_writer_is_started_again_and_the_group_stops_on_sigterm(migrated_archive):
    env = migrated_archive
    heartbeat = Path(env["ARCHIVE_DATA_DIR"]) / "whoosh_index.writer.heartbeat"
    shell = subprocess.Popen(
        ["/bin/sh", "-c", procfile_command("writer")],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        first = wait_for(lambda: writer_pid(shell.pid), 30, "the writer to start")
        wait_for(heartbeat.exists, 30, "the writer's first heartbeat")
        os.kill(first, signal.SIGKILL)
        second = wait_for(lambda: (pid := writer_pid(shell.pid)) != first and pid, 5, "a new writer")
        killed_at = time.time()
        wait_for(lambda: heartbeat.stat().st_mtime > killed_at, 15, "the new writer's heartbeat")
        assert second != first
    finally:
        os.killpg(shell.pid, signal.SIGTERM)  # what honcho sends on Ctrl-C
    shell.wait(timeout=15)
    wait_for(lambda: not alive(second), 15, "the writer to stop with its group")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
