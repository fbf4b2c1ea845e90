"""Deployed behind HTTPS: the settings the README lists pass `check --deploy`, links say https,
every page carries its Content-Security-Policy, and repeated failed logins are locked out."""

import sqlite3
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from .processes import manage


def check_deploy(env: dict[str, str], **variables: str) -> subprocess.CompletedProcess:
    return manage(
        {**env, "DEBUG": "false", **variables},
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        capture_output=True,
        text=True,
    )


@pytest.fixture
def running_archive(migrated_archive) -> dict[str, str]:
    """A migrated archive whose index writer has just beaten, as on a server where it runs."""
    manage(
        migrated_archive,
        "shell",
        "-c",
        "from search.indexing import heartbeat_path; heartbeat_path().touch()",
        check=True,
    )
    return migrated_archive


@pytest.mark.slow
def test_the_production_variables_pass_check_deploy(running_archive):
    passed = check_deploy(running_archive, HTTPS="true", BEHIND_PROXY="true")
    assert passed.returncode == 0, passed.stdout + passed.stderr


@pytest.mark.slow
def test_without_https_check_deploy_names_what_is_missing(running_archive):
    failed = check_deploy(running_archive)
    assert failed.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in failed.stderr, failed.stderr


def test_behind_the_proxy_the_links_the_archive_writes_say_https(client, settings, db):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    opensearch = client.get(reverse("search:opensearch"), HTTP_X_FORWARDED_PROTO="https").content.decode()
    assert 'template="https://' in opensearch and "http://" not in opensearch.replace("http://a9.com", "")
    feed = client.get(reverse("archive:article-feed"), HTTP_X_FORWARDED_PROTO="https").content.decode()
    assert "<link>https://" in feed


@pytest.mark.parametrize("url", ["/", "/search/?q=ليبيا", "/api/search?q=ليبيا", "/admin/login/"])
def test_every_answer_carries_a_content_security_policy_without_inline_code(client, db, url):
    policy = client.get(url)["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_repeated_failed_logins_lock_the_name_out_with_an_arabic_page(client, db, settings):
    password = "a-long-and-right-password"
    get_user_model().objects.create_superuser("editor", "editor@example.org", password)
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": "editor", "password": "wrong"})
    locked = client.post(login, {"username": "editor", "password": password})
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "أُوقف الدخول مؤقتًا" in page and 'dir="rtl"' in page
    assert "_auth_user_id" not in client.session


def test_a_failed_login_below_the_limit_does_not_lock_out(client, db):
    password = "a-long-and-right-password"
    get_user_model().objects.create_superuser("editor", "editor@example.org", password)
    client.post(reverse("admin:login"), {"username": "editor", "password": "wrong"})
    response = client.post(reverse("admin:login"), {"username": "editor", "password": password})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") is not None


@pytest.mark.slow
def test_a_new_database_is_readable_by_its_owner_only_and_written_ahead(running_archive):
    """It holds every editor's password hash; in WAL mode readers never wait for an import."""
    data = Path(running_archive["ARCHIVE_DATA_DIR"])
    database = data / "archive.sqlite3"
    assert database.stat().st_mode & 0o777 == 0o600
    assert (data / "secret_key").stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
