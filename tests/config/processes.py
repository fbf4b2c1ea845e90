"""What the tests that run the archive's own processes share besides fixtures."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def archive_environment(data: Path, **variables: str) -> dict[str, str]:
    """The environment of an archive in ``data`` on the embedded default (SQLite), whatever the tests run on.

    Without the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE: a server never has it.
    """
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data), **variables}
    env["PATH"] = f"{Path(sys.executable).parent}:{env['PATH']}"
    for name in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    return env


def manage(env: dict[str, str], *arguments: str, **options) -> subprocess.CompletedProcess:
    """``manage.py`` with ``arguments``, in the archive ``env`` describes."""
    return subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, **options)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
