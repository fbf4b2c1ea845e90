"""The Procfile's writer comes back when it is killed, and a Ctrl-C of make run still stops it."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

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


def test_a_killed_writer_is_started_again_and_the_group_stops_on_sigterm(tmp_path):
    env = {
        **os.environ,
        "ARCHIVE_DATA_DIR": str(tmp_path),
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    heartbeat = tmp_path / "whoosh_index.writer.heartbeat"
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
    assert shell.wait(timeout=15) is not None
    assert (
        subprocess.run(["pgrep", "-f", f"ARCHIVE_DATA_DIR={tmp_path}"], capture_output=True).returncode != 0
    )
