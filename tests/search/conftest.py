"""Fixtures for the search's tests: the seed archive, indexed once per module, and the two ways to ask it.

The five seed articles (fixtures/seeds/*.txt, with the mentions of
fixtures/articles.json) are named for what each reports. A module whose tests
only read asks for ``seeds`` (or uses ``seeded_index``): the seeds are then
committed and indexed once for that module, in an index folder of its own, and
the database is emptied when the module ends. Every other test keeps the
fresh, empty index folder tests/conftest.py gives it.
"""

from __future__ import annotations

import html
import re
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse
from haystack import connections

from archive.dates import PartialDate
from archive.models import Article, Source

# The seed articles, by the slug fixtures/articles.json gives each.
SEED_SLUGS = {
    # 000: Moussa al-Koni meets President Tebboune in Algiers; the quadripartite security agreement.
    "koni": "عقد-نائب-المجلس-الرئاسي-الليبي-موسى-الكوني-اليوم",
    # 001: the one titled and dated seed (2021-04-21): Boukadoum's security talks in Tripoli.
    "security": "الاستقرار-الأمني-يتصدر-مباحثات-بوقادوم-في-ليبيا",
    # 002: Boukadoum's delegation in Tripoli: al-Menfi, al-Dbeibah, Najla al-Mangoush.
    "delegation": "وصل-وزير-الخارجية-الجزائري-صبري-بوقادوم-برفقة-وزير",
    # 003: titled: Algeria "resolved" to help Libya; al-Dramchi, the draft drugs agreement.
    "resolve": "الجزائر-عازمة-على-مواصلة-جهودها-لمساعدة-ليبيا-في",
    # 004: Mohamed Siala asks for Algerian support; Abdelkader Messahel in Tunis.
    "siala": "طالب-المفوض-من-قبل-المجلس-الرئاسي-الليبي-محمد",
}

# Dates and sources given to the seeds for the tests of order, ranges and sources;
# only "security" states its date in the source text.
CATALOGUE = {
    "koni": (PartialDate(2021, 5, 27), "صحيفة الشروق"),
    "security": (PartialDate(2021, 4, 21), "العرب"),
    "delegation": (PartialDate(2021, 4, 19), "العرب"),
    "resolve": (PartialDate(2016, 12), "صحيفة الشروق"),
    "siala": (PartialDate(2016, 4), None),
}

_RESULT = re.compile(r'<li class="result card">(.*?)</li>', re.S)
_RESULT_URL = re.compile(r'<h3 class="card-title"><a href="([^"]+)">')
_ARABIC = re.compile("[\u0621-\u064a]")


# The collected module that measures agreement with Lucene's test vectors, if any.
_PEER_VECTORS = pytest.StashKey()


def pytest_collection_finish(session):
    """Remember the module of Lucene's test vectors, as pytest collected it, to report its rates.

    Read from the collected tests rather than imported: no test module is imported by another file.
    """
    session.config.stash[_PEER_VECTORS] = next(
        (item.module for item in session.items if hasattr(getattr(item, "module", None), "agreement_rates")),
        None,
    )


def pytest_terminal_summary(terminalreporter):
    """Report how far the archive's analysis agrees with Lucene's test vectors, when they ran."""
    module = terminalreporter.config.stash.get(_PEER_VECTORS, None)
    ran = [
        report
        for reports in terminalreporter.stats.values()
        for report in reports
        if hasattr(report, "nodeid")
    ]
    if module is None or not any("test_peer_vectors" in report.nodeid for report in ran):
        return
    rates = ", ".join(
        f"{kind} {agree}/{total} ({agree / total:.0%})"
        for kind, (agree, total) in module.agreement_rates().items()
    )
    terminalreporter.write_line(f"agreement with Lucene's Arabic test vectors: {rates}")


# The seed archive -----------------------------------------------------------------


@contextmanager
def _index_folder(path: str):
    """haystack's default connection writes and reads the index in ``path`` for the block."""
    info = connections.connections_info["default"]
    previous = info["PATH"]
    info["PATH"] = path
    connections.reload("default")
    try:
        yield path
    finally:
        info["PATH"] = previous
        connections.reload("default")


@pytest.fixture(scope="module")
def seed_archive(tmp_path_factory, django_db_setup, django_db_blocker) -> str:
    """The seeds committed to the database and indexed in a folder of the module's; the database emptied after.

    For a module of tests that only read: one load instead of one per test.
    """
    path = str(tmp_path_factory.mktemp("seeded_index"))
    with django_db_blocker.unblock():
        call_command("loaddata", "entities", "articles", verbosity=0)
        with _index_folder(path):
            call_command("rebuild_index", interactive=False, verbosity=0)
    try:
        yield path
    finally:
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def seeded_index(seed_archive, search_index_path) -> str:
    """The test searches the module's seeded index, not the empty folder it would otherwise get."""
    with _index_folder(seed_archive):
        yield seed_archive


@pytest.fixture
def seeds(db, seeded_index) -> dict[str, Article]:
    """The seed articles, by name, in the database and in the index."""
    return {name: Article.objects.get(slug=slug) for name, slug in SEED_SLUGS.items()}


@pytest.fixture
def reindex(seeded_index, tmp_path):
    """Index the test's database afresh, in the test's own folder: the module's seeded index is left as it was."""
    with _index_folder(str(tmp_path / "whoosh_index")):
        yield lambda: call_command("rebuild_index", interactive=False, verbosity=0)


@pytest.fixture
def catalogued_seeds(seeds, reindex) -> dict[str, Article]:
    """The seeds dated and most given a source, as ``CATALOGUE`` says, in the test's transaction and index."""
    names = {source for _, source in CATALOGUE.values() if source}
    sources = {name: Source.objects.create(name=name) for name in names}
    for name, (date, source) in CATALOGUE.items():
        Article.objects.filter(pk=seeds[name].pk).update(
            published_on=date.first_day, date_precision=date.precision, source=sources.get(source)
        )
    reindex()
    return {
        name: Article.objects.select_related("source").get(pk=article.pk) for name, article in seeds.items()
    }


# Asking: the search page and the JSON API -----------------------------------------------


@pytest.fixture
def search_page(client):
    """The search page's HTML for some parameters; it always answers 200."""

    def get(params) -> str:
        response = client.get(reverse("search:search"), params)
        assert response.status_code == 200
        return response.content.decode()

    return get


@pytest.fixture
def page_results(seeds):
    """Each result of a search page, in order: the seed's name (anything else by its URL) and its HTML."""
    names = {article.get_absolute_url(): name for name, article in seeds.items()}

    def results(page: str) -> list[tuple[str, str]]:
        found = []
        for block in _RESULT.findall(page):
            url = html.unescape(_RESULT_URL.search(block).group(1))
            found.append((names.get(url, url), block))
        return found

    return results


@pytest.fixture
def listed_on_page(page_results):
    """The names of a search page's results, in order."""
    return lambda page: [name for name, _ in page_results(page)]


@pytest.fixture
def search_api(client):
    """The API's answer for some parameters, which must be JSON with a 200."""

    def get(params) -> dict:
        response = client.get(reverse("search:api-search"), params)
        assert response.status_code == 200, response.content.decode()
        assert response["Content-Type"].startswith("application/json")
        return response.json()

    return get


@pytest.fixture
def listed_by_api(seeds):
    """The names of an API answer's results, in order; anything else by its URL."""
    names = {article.get_absolute_url(): name for name, article in seeds.items()}
    return lambda payload: [
        names.get(urlsplit(result["url"]).path, result["url"]) for result in payload["results"]
    ]


@pytest.fixture
def refused():
    """The errors of a refused API request, which must be a 400 with every message in Arabic."""

    def errors(response) -> list[str]:
        assert response.status_code == 400
        messages = response.json()["errors"]
        assert messages and all(_ARABIC.search(message) for message in messages), messages
        return messages

    return errors
