"""A name as the foreign press writes it ("Tebboune", "Dbeibah") finds the Arabic articles that mention its entity."""

import pytest

from archive.models import Article, Entity


def mentioning(name: str) -> list[str]:
    articles = Article.objects.filter(mentions__entity__name=name).distinct()
    return sorted(article.slug for article in articles)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Tebboune", "عبد المجيد تبون"),
        ("tebboune", "عبد المجيد تبون"),
        ("Dbeibah", "عبد الحميد الدبيبة"),
        ("Kadhafi", "معمر القذافي"),
        ("Boukadoum", "صبري بوقادوم"),
        ('"Arab League"', "جامعة الدول العربية"),
    ],
)
def test_a_latin_spelling_finds_every_article_mentioning_the_entity(search_api, seeds, query, entity):
    found = sorted(
        Article.objects.get(pk=result["id"]).slug for result in search_api({"q": query})["results"]
    )
    assert found == mentioning(entity) != []


def test_a_latin_spelling_names_the_entity_on_its_page(client, seeds):
    tebboune = Entity.objects.get(name="عبد المجيد تبون")
    page = client.get(tebboune.get_absolute_url()).content.decode()
    assert "Tebboune" in page


def test_the_search_page_finds_the_articles_of_a_latin_spelling(search_page, listed_on_page, seeds):
    assert sorted(listed_on_page(search_page({"q": "Tebboune"}))) == ["delegation", "koni", "security"]
