"""/healthz and the admin's index line: what a load balancer and an editor read of the archive's state."""

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from archive.linking import save_linked
from archive.models import Article
from search.indexing import drain, heartbeat_path, run_writer

pytestmark = pytest.mark.django_db


def health(client) -> tuple[int, dict]:
    response = client.get(reverse("search:health"))
    assert response["Content-Type"].startswith("application/json")
    return response.status_code, json.loads(response.content)


def test_a_fresh_archive_is_healthy_with_nothing_queued(client):
    status, state = health(client)
    assert status == 200 and state["status"] == "ok"
    assert state["database"] and state["index"]
    assert state["queued_changes"] == 0 and state["oldest_queued_seconds"] is None


def test_queued_edits_are_counted_with_the_age_of_the_oldest(client):
    save_linked(Article(title="قمة", body="انعقدت القمة في الجزائر."))
    save_linked(Article(title="لقاء", body="انعقد اللقاء في تونس."))
    status, state = health(client)
    assert status == 200
    assert state["queued_changes"] == 2 and state["oldest_queued_seconds"] >= 0
    drain()
    _, state = health(client)
    assert state["queued_changes"] == 0 and state["indexed_documents"] == 2


def test_the_writers_heartbeat_is_reported_and_missing_when_it_never_beat(client):
    _, state = health(client)
    assert state["writer_heartbeat_seconds"] is None
    heartbeat_path().parent.mkdir(parents=True, exist_ok=True)
    heartbeat_path().touch()
    os.utime(heartbeat_path(), (time.time() - 30, time.time() - 30))
    _, state = health(client)
    assert 29 <= state["writer_heartbeat_seconds"] <= 60


def damage(index_folder: str) -> None:
    """Leave a newer table of contents that cannot be read, as a full disk or a bad copy can."""
    (Path(index_folder) / "_MAIN_999.toc").write_bytes(b"not a table of contents")


def test_a_damaged_index_is_degraded_while_pages_still_serve_and_search_says_why(client, search_index_path):
    save_linked(Article(title="قمة", body="انعقدت القمة في الجزائر."))
    drain()
    damage(search_index_path)
    status, state = health(client)
    assert status == 200 and state["status"] == "degraded"
    assert state["database"] and not state["index"]
    assert client.get(reverse("archive:home")).status_code == 200
    page = client.get(reverse("search:search"), {"q": "القمة"})
    assert page.status_code == 503 and "يُعاد بناؤه" in page.content.decode()
    api = client.get(reverse("search:api-search"), {"q": "القمة"})
    assert api.status_code == 503 and "يُعاد بناؤه" in json.loads(api.content)["errors"][0]
    run_writer(once=True)  # finds the index damaged, clears it and indexes the archive again
    assert client.get(reverse("search:api-search"), {"q": "القمة"}).json()["total"] == 1
    assert health(client)[1]["status"] == "ok"


def test_a_deleted_index_folder_is_searched_again_once_the_writer_has_refilled_it(client, search_index_path):
    article = save_linked(Article(title="قمة", body="انعقدت القمة في الجزائر."))
    drain()
    assert client.get(reverse("search:api-search"), {"q": "القمة"}).json()["total"] == 1
    shutil.rmtree(search_index_path)
    answer = client.get(reverse("search:api-search"), {"q": "القمة"})
    assert answer.status_code == 200 and answer.json()["total"] == 0, "no 500 while the index is gone"
    run_writer(once=True)
    found = client.get(reverse("search:api-search"), {"q": "القمة"}).json()
    assert [result["id"] for result in found["results"]] == [article.pk]


def test_the_admin_home_says_how_far_the_index_is_behind(client):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-password")
    client.force_login(editor)
    save_linked(Article(title="قمة", body="انعقدت القمة في الجزائر."))
    page = client.get(reverse("admin:index")).content.decode()
    assert "تنتظر الفهرسة" in page and "كاتب الفهرس لا يعمل" in page
    drain()
    heartbeat_path().touch()
    page = client.get(reverse("admin:index")).content.decode()
    assert "الفهرس محدَّث" in page and "كاتب الفهرس لا يعمل" not in page
