"""The archive answers what it cannot serve in Arabic, and in JSON under /api/, never Django's English pages."""

import json

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_unknown_host_gets_the_arabic_400(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'lang="ar" dir="rtl"' in page and "طلب غير صالح" in page
    assert "Bad Request" not in page


def test_an_unknown_host_asking_the_api_gets_json(client):
    response = client.get("/api/search", {"q": "ليبيا"}, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["errors"]


@pytest.mark.parametrize("path", ["/api/", "/api/nothing", "/api/articles/abc", "/api/search/extra"])
def test_an_unknown_api_address_gets_a_json_404_in_arabic(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    (message,) = json.loads(response.content)["errors"]
    assert "الواجهة البرمجية" in message


def test_a_failure_inside_the_api_is_a_json_500(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("the index is gone")

    monkeypatch.setattr("search.api.run_search", fail)
    response = Client(raise_request_exception=False).get("/api/search", {"q": "ليبيا"})
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert "خطأ في الخادم" in json.loads(response.content)["errors"][0]


def test_a_failure_of_a_page_is_the_arabic_500(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("the database is gone")

    monkeypatch.setattr("archive.views.Article.objects.for_listing", fail)
    response = Client(raise_request_exception=False).get(reverse("archive:home"))
    assert response.status_code == 500
    assert "حدث خطأ في الخادم" in response.content.decode()


def test_a_form_posted_without_its_csrf_token_gets_the_arabic_explanation(db):
    response = Client(enforce_csrf_checks=True).post(
        reverse("admin:login"), {"username": "x", "password": "y"}
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert "انتهت صلاحية النموذج" in page and 'dir="rtl"' in page


@pytest.mark.parametrize(
    ("said", "told"),
    [("database is locked", "الأرشيف مشغول"), ("database or disk is full", "لا مكان على قرص الخادم")],
)
def test_a_save_the_database_refuses_gives_the_editor_their_text_back(admin_client, monkeypatch, said, told):
    """Nothing was saved, the page says why in Arabic, and what the editor typed is on it to copy."""
    from django.db import OperationalError

    def refuse(*args, **kwargs):
        raise OperationalError(said)

    monkeypatch.setattr("archive.models.Article.save", refuse)
    admin_client.raise_request_exception = False
    body = "نص طويل كتبه المحرر <b>بعناية</b> ولا يريد أن يضيع."
    response = admin_client.post(
        reverse("admin:archive_article_add"),
        {
            "title": "عنوان المحرر",
            "body": body,
            "language": "ar",
            "mentions-TOTAL_FORMS": "0",
            "mentions-INITIAL_FORMS": "0",
            "mentions-MIN_NUM_FORMS": "0",
            "mentions-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 503 and response["Retry-After"]
    page = response.content.decode()
    assert told in page and "عنوان المحرر" in page
    assert "نص طويل كتبه المحرر &lt;b&gt;بعناية&lt;/b&gt;" in page
