"""The site as gunicorn serves it: a long query reaches the archive, which answers in Arabic."""

import json
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(serve) -> str:
    base, _ = serve()
    return base


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
