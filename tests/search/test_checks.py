"""The search's system checks: each passes on a sound archive and speaks, in Arabic, when it is not."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from django.core.checks import Error, Warning, run_checks
from haystack import connections
from whoosh.fields import ID, KEYWORD, Schema
from whoosh.index import create_in

from archive.models import Article
from search.checks import check_index_schema, check_index_writable, check_writer_running
from search.indexing import heartbeat_path, run_writer


def use_index_path(path) -> None:
    """Point the index at ``path`` (the autouse fixture restores the test's own afterwards)."""
    connections.connections_info["default"]["PATH"] = str(path)
    connections.reload("default")


def ids(messages) -> list[str]:
    return [message.id for message in messages]


# search.E001 ------------------------------------------------------------------------


def test_a_writable_index_folder_passes(search_index_path):
    assert check_index_writable() == []


def test_an_index_folder_not_made_yet_under_a_writable_folder_passes(tmp_path):
    use_index_path(tmp_path / "data" / "index")
    assert check_index_writable() == []


def test_an_index_path_under_a_file_is_an_error_naming_it(tmp_path):
    """A file where a folder should be cannot be written as one, whoever runs the archive."""
    (tmp_path / "data").write_text("not a folder")
    use_index_path(tmp_path / "data" / "index")
    [error] = check_index_writable()
    assert isinstance(error, Error) and error.id == "search.E001"
    assert str(tmp_path / "data") in error.msg
    assert "ARCHIVE_INDEX_PATH" in error.hint and "chmod" in error.hint


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in any folder, whatever its mode")
def test_a_read_only_index_folder_is_an_error(tmp_path):
    index = tmp_path / "index"
    index.mkdir()
    index.chmod(0o500)
    use_index_path(index)
    try:
        assert ids(check_index_writable()) == ["search.E001"]
    finally:
        index.chmod(0o700)


# search.W002 ------------------------------------------------------------------------


def test_an_empty_index_or_one_built_by_the_backend_passes():
    assert check_index_schema() == []
    connections["default"].get_backend().setup()  # haystack creates the index with the code's schema
    assert check_index_schema() == []


def test_an_index_built_with_another_schema_is_a_warning_saying_how_to_rebuild_it(search_index_path):
    """A warning, not an error: an error would stop rebuild_index itself from running."""
    old = Schema(id=ID(stored=True, unique=True), django_ct=ID(stored=True), people=KEYWORD(commas=True))
    create_in(search_index_path, old)
    [warning] = check_index_schema()
    assert type(warning) is Warning and warning.id == "search.W002"
    assert "rebuild_index" in warning.hint and "index_writer" in warning.hint


# search.W003 ------------------------------------------------------------------------


@pytest.fixture
def deployed(settings):
    settings.DEBUG = False
    return settings


@pytest.mark.django_db
def test_a_writer_that_never_beat_is_a_warning_counting_the_queued_edits(deployed):
    Article.objects.create(title="قمة الجزائر", body="انعقدت القمة العربية.")
    Article.objects.create(title="مؤتمر تونس", body="انعقد المؤتمر في تونس.")
    [warning] = check_writer_running()
    assert warning.id == "search.W003"
    assert "كاتب فهرس البحث لا يعمل" in warning.msg and "مهمتان" in warning.msg
    assert "manage.py index_writer" in warning.hint


@pytest.mark.django_db
def test_a_heartbeat_older_than_the_limit_is_a_warning(deployed):
    deployed.ARCHIVE_SEARCH_WRITER_HEARTBEAT_LIMIT = 60
    beat(age=120)
    assert ids(check_writer_running()) == ["search.W003"]


def test_a_recent_heartbeat_passes(deployed):
    beat(age=1)
    assert check_writer_running() == []


@pytest.mark.django_db
def test_the_writer_check_is_silent_in_debug(settings):
    settings.DEBUG = True
    assert check_writer_running() == []


@pytest.mark.django_db
def test_the_writer_check_runs_with_check_deploy_only(deployed):
    """``make run`` migrates, running the checks, before it starts the writer."""
    assert "search.W003" not in ids(run_checks(tags=["search"]))
    assert "search.W003" in ids(run_checks(tags=["search"], include_deployment_checks=True))


@pytest.mark.slow
@pytest.mark.django_db
def test_a_running_writer_beats(deployed):
    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    run_writer(stop=stop)
    assert check_writer_running() == []


def beat(age: float) -> None:
    """A heartbeat file as a writer that last beat ``age`` seconds ago leaves it."""
    path: Path = heartbeat_path()
    path.touch()
    then = time.time() - age
    os.utime(path, (then, then))
