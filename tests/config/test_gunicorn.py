"""The site as gunicorn serves it: a long query reaches the archive, which answers in Arabic."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """gunicorn with the archive's own settings file, over a migrated, empty archive."""
    data = tmp_path_factory.mktemp("archive")
    port = free_port()
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data), "PORT": str(port), "WEB_CONCURRENCY": "1"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/opensearch.xml", timeout=2)
            break
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=10)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


# 700 Arabic letters: over 4 KB once percent-encoded, over the archive's 500.
PASTED = " ".join(["الجزائر"] * 100)


def test_a_pasted_paragraph_in_the_search_box_gets_the_archives_arabic_message(site):
    status, page = get(f"{site}/search/?q={quote(PASTED)}")
    assert len(quote(PASTED)) > 4096
    assert status == 200
    assert "الاستعلام أطول من" in page


def test_a_pasted_paragraph_sent_to_the_api_gets_a_json_error_in_arabic(site):
    status, body = get(f"{site}/api/search?q={quote(PASTED)}")
    assert status == 400
    assert "الاستعلام أطول من" in json.loads(body)["errors"][0]
