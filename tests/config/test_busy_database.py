"""While another process holds SQLite's write lock (an import), readers read and a save gets a clear Arabic 503."""

import http.cookiejar
import sqlite3
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from .processes import manage

PASSWORD = "a-long-editor-password"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(serve) -> tuple[str, Path]:
    """gunicorn over an archive whose writes give up after one second, with an editor."""
    base, env = serve(SQLITE_BUSY_TIMEOUT="1", DJANGO_SUPERUSER_PASSWORD=PASSWORD)
    manage(
        env,
        "createsuperuser",
        "--noinput",
        "--username",
        "editor",
        "--email",
        "e@example.org",
        check=True,
        capture_output=True,
    )
    return base, Path(env["ARCHIVE_DATA_DIR"]) / "archive.sqlite3"


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
