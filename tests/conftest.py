"""Shared fixtures: small named Arabic entities and articles."""

import pytest

from archive.linking import save_linked
from archive.models import Alias, Article, Country, Entity, Mention, Person


def person(name: str, *aliases: str, **fields) -> Person:
    entity = Person.objects.create(name=name, **fields)
    for alias in aliases:
        Alias.objects.create(entity=entity, name=alias)
    return entity


@pytest.fixture
def algeria(db) -> Country:
    return Country.objects.create(name="الجزائر")


@pytest.fixture
def libya(db) -> Country:
    return Country.objects.create(name="ليبيا")


@pytest.fixture
def tebboune(algeria) -> Person:
    """A compound name the texts write both joined and split."""
    return person("عبد المجيد تبون", "عبدالمجيد تبون", "تبون", role="الرئيس الجزائري", country=algeria)


@pytest.fixture
def boukadoum(algeria) -> Person:
    return person("صبري بوقادوم", "بوقادوم", role="وزير الخارجية الجزائري", country=algeria)


@pytest.fixture
def visit_article(tebboune, boukadoum, libya) -> Article:
    """Two paragraphs naming two people and two countries, one with a proclitic."""
    return save_linked(
        Article(
            title="بوقادوم في طرابلس",
            body=(
                "وصل وزير الخارجية صبري بوقادوم إلى ليبيا.\n\n"
                "ونقل دعوة من الرئيس عبدالمجيد تبون لزيارة الجزائر، وأكد لبوقادوم المنفي ذلك."
            ),
        )
    )


@pytest.fixture
def decided(db):
    """Store a mention an editor decided by hand (confirmed unless told), the span's text recorded."""

    def store(article: Article, entity: Entity, start: int, end: int, state: str = "confirmed") -> Mention:
        mention = Mention(article=article, entity=entity, start=start, end=end)
        mention.decide(state, None)
        mention.save()
        return mention

    return store


@pytest.fixture(autouse=True)
def search_index_path(tmp_path_factory) -> str:
    """A fresh, empty Whoosh index folder for every test; the real one is never touched."""
    from haystack import connections

    path = str(tmp_path_factory.mktemp("whoosh_index"))
    info = connections.connections_info["default"]
    previous = info["PATH"]
    info["PATH"] = path
    connections.reload("default")
    yield path
    info["PATH"] = previous
    connections.reload("default")


@pytest.fixture
def indexed_seeds(db, search_index_path) -> None:
    """The five seed articles and their entities, in the database and in the index."""
    from django.core.management import call_command

    call_command("loaddata", "entities", "articles", verbosity=0)
    call_command("rebuild_index", interactive=False, verbosity=0)


@pytest.fixture
def no_such_page():
    """Asserts a response is the 404 of a page number that names no page: an Arabic message, HTML or JSON."""

    def check(response) -> str:
        assert response.status_code == 404
        if response["Content-Type"].startswith("application/json"):
            (message,) = response.json()["errors"]
        else:
            page = response.content.decode()
            assert 'lang="ar"' in page and "Traceback" not in page
            message = page
        assert "لا صفحة" in message, message
        return message

    return check
