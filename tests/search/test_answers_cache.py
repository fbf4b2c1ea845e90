"""Answers kept between identical searches are never stale: after each edit, deletion or
addition, drained by the writer, every answer is the database's."""

from pathlib import Path

import pytest

from archive.dates import PartialDate
from archive.linking import save_linked
from archive.models import Article, Source
from search.indexing import drain

pytestmark = pytest.mark.django_db

# Words of the archive's articles as a searcher types them, each with the letters every
# form of it in the articles below holds (what the database is asked for).
WORDS = {"الزيتون": "زيتون", "الفوسفات": "فوسفات", "الموانئ": "موانئ"}


@pytest.fixture(autouse=True)
def answers_folder(settings, tmp_path) -> Path:
    """The answers' cache in a folder of the test's own, empty at its start."""
    folder = tmp_path / "answers"
    settings.CACHES = {**settings.CACHES, "search": {**settings.CACHES["search"], "LOCATION": folder}}
    return folder


def dated(year: int) -> dict:
    """An article's date fields for a date known to the year."""
    date = PartialDate(year)
    return {"published_on": date.first_day, "date_precision": date.precision}


@pytest.fixture
def archive(db) -> dict[str, Article]:
    press, agency = Source.objects.create(name="الشروق"), Source.objects.create(name="وكالة الأنباء")
    articles = {
        "olive": ("صادرات الزيتون", "ارتفعت صادرات الزيتون التونسية هذا العام.", press, 2020),
        "phosphate": ("الفوسفات", "وقّع البلدان اتفاقا لنقل الفوسفات عبر الموانئ.", agency, 2021),
        "ports": ("الموانئ", "ناقش الوزيران تحديث الموانئ وزيت الزيتون.", press, 2021),
    }
    made = {
        name: save_linked(Article(title=title, body=body, source=source, **dated(year)))
        for name, (title, body, source, year) in articles.items()
    }
    drain()
    return made


def questions(source: str) -> list[dict]:
    """Each word alone, in both orders, narrowed to the ``source`` slug, and two words together."""
    asked = []
    for word in WORDS:
        asked += [{"q": word}, {"q": word, "sort": "newest"}, {"q": word, "source": source}]
    return [*asked, {"q": "الفوسفات الموانئ"}]


def from_database(params: dict) -> dict:
    """What the answer to ``params`` must hold, read from the database."""
    found = Article.objects.all()
    for word in params["q"].split():
        found = found.filter(body__contains=WORDS[word]) | found.filter(title__contains=WORDS[word])
    if "source" in params:
        found = found.filter(source__slug=params["source"])
    found = list(found.select_related("source").distinct())
    sources: dict[str, int] = {}
    for article in found:
        sources[article.source.name] = sources.get(article.source.name, 0) + 1
    return {
        "total": len(found),
        "results": {(article.get_absolute_url(), article.display_title) for article in found},
        "sources": sources,
    }


def answered(search_api, params: dict) -> dict:
    answer = search_api(params)
    return {
        "total": answer["total"],
        "results": {
            (result["url"].removeprefix("http://testserver"), result["title"]) for result in answer["results"]
        },
        "sources": {value["label"]: value["count"] for value in answer["facets"].get("source", [])},
    }


def assert_every_answer_is_the_databases(search_api) -> None:
    for params in questions(Source.objects.get(name__startswith="الشروق").slug):
        assert answered(search_api, params) == from_database(params), params


def ask_everything_twice(search_api) -> None:
    """Every question asked, then asked again: the second answer is the one kept."""
    for _ in range(2):
        assert_every_answer_is_the_databases(search_api)


def test_an_edited_article_is_answered_as_it_now_reads(archive, search_api):
    ask_everything_twice(search_api)
    olive = archive["olive"]
    olive.title, olive.body = "صادرات الفوسفات", "ارتفعت صادرات الفوسفات هذا العام."
    save_linked(olive)
    drain()
    assert_every_answer_is_the_databases(search_api)
    assert not any(
        result["url"].endswith(olive.get_absolute_url()) for result in search_api({"q": "الزيتون"})["results"]
    )


def test_a_retitled_article_shows_its_new_title_in_every_kept_answer(archive, search_api):
    ask_everything_twice(search_api)
    ports = archive["ports"]
    ports.title = "تحديث الموانئ الجزائرية"
    save_linked(ports)
    drain()
    assert_every_answer_is_the_databases(search_api)


def test_a_deleted_article_leaves_every_kept_answer(archive, search_api):
    ask_everything_twice(search_api)
    archive["phosphate"].delete()
    drain()
    assert_every_answer_is_the_databases(search_api)
    assert search_api({"q": "الفوسفات"})["total"] == 0


def test_an_added_article_joins_every_kept_answer_it_belongs_to(archive, search_api):
    ask_everything_twice(search_api)
    save_linked(
        Article(
            title="الزيتون والفوسفات",
            body="تصدّر الزيتون والفوسفات صادرات الموانئ.",
            source=Source.objects.get(name="وكالة الأنباء"),
            **dated(2022),
        )
    )
    drain()
    assert_every_answer_is_the_databases(search_api)


def test_a_repeated_search_is_answered_from_the_cache_and_a_new_one_is_kept(
    archive, search_api, answers_folder
):
    search_api({"q": "الزيتون"})
    kept = set(answers_folder.iterdir())
    assert kept, "the first answer was not kept"
    search_api({"q": "الزيتون"})
    assert set(answers_folder.iterdir()) == kept
    search_api({"q": "الموانئ"})
    assert len(set(answers_folder.iterdir())) == len(kept) + 1


def test_answers_kept_before_a_migration_are_not_read_after_it(archive, search_api, answers_folder):
    from django.core.management import call_command

    search_api({"q": "الزيتون"})
    assert any(answers_folder.iterdir())
    call_command("migrate", verbosity=0)
    assert not any(answers_folder.iterdir())
