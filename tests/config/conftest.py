"""Archives of their own for the tests that run the archive's processes: manage.py and gunicorn."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator

import pytest

from .processes import ROOT, archive_environment, free_port, manage


@pytest.fixture
def migrated_archive(tmp_path) -> dict[str, str]:
    """The environment of a new, migrated archive in the test's own folder."""
    env = archive_environment(tmp_path)
    manage(env, "migrate", "--noinput", "-v", "0", check=True)
    return env


@pytest.fixture(scope="module")
def serve(tmp_path_factory) -> Iterator[Callable[..., tuple[str, dict[str, str]]]]:
    """Start gunicorn with ``config/gunicorn.conf.py`` over a migrated archive of its own.

    Keyword arguments are environment variables of that archive; gives the
    site's base URL and the archive's environment. Stopped with the module.
    """
    servers: list[subprocess.Popen] = []

    def start(**variables: str) -> tuple[str, dict[str, str]]:
        port = free_port()
        env = archive_environment(
            tmp_path_factory.mktemp("archive"), PORT=str(port), WEB_CONCURRENCY="1", **variables
        )
        manage(env, "migrate", "--noinput", "-v", "0", check=True)
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        servers.append(server)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                return base, env
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)

    yield start
    for server in servers:
        server.terminate()
        server.wait(timeout=10)
