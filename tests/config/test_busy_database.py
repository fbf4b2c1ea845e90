"""While another process holds SQLite's write lock (an import), readers read and a save gets a clear Arabic 503."""

import http.cookiejar
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-editor-password"

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """gunicorn over an archive on the embedded default, whose writes give up after one second."""
    data = tmp_path_factory.mktemp("archive")
    port = free_port()
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data), "PORT": str(port), "WEB_CONCURRENCY": "1"}
    env.update(SQLITE_BUSY_TIMEOUT="1", DJANGO_SUPERUSER_PASSWORD=PASSWORD)
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [*manage, "createsuperuser", "--noinput", "--username", "editor", "--email", "e@example.org"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            break
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.2)
    yield base, data / "archive.sqlite3"
    server.terminate()
    server.wait(timeout=10)


def log_in(base: str) -> tuple[int, str]:
    """The admin's login form, as a browser posts it: a write (the session), answered with its status and page."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(base + "/admin/login/", timeout=10).read()
    token = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    form = urllib.parse.urlencode(
        {"username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": token, "next": "/admin/"}
    ).encode()
    request = urllib.request.Request(
        base + "/admin/login/", data=form, headers={"Referer": base + "/admin/login/"}
    )
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_while_the_database_is_written_readers_read_and_a_save_is_refused_in_arabic(site):
    base, database = site
    holder = sqlite3.connect(database, timeout=5, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # as a long import holds it
    try:
        with urllib.request.urlopen(base + "/", timeout=10) as home:
            assert home.status == 200
        status, page = log_in(base)
        assert status == 503
        assert "الأرشيف مشغول" in page and "لم يُحفظ طلبك" in page and 'dir="rtl"' in page
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    status, _ = log_in(base)
    assert status == 200  # the admin's home, after the login's redirect
