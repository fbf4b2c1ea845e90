"""A control character in a page's address is a 404 on every database, never a database error
(PostgreSQL refuses NUL in text, so such a slug must not reach a query)."""

import pytest

from archive.models import Article, Country

pytestmark = pytest.mark.django_db

HOSTILE = ["%00", "%00%D9%84", "%D9%84%00", "%1B[31m", "%7F"]


def addresses(article: Article, country: Country, hostile: str) -> list[str]:
    return [
        f"/articles/{hostile}/",
        f"/articles/{article.slug}{hostile}/",
        f"/articles/{hostile}/cite.bib",
        f"/countries/{hostile}/",
        f"/countries/{country.slug}{hostile}/atom/",
        f"/people/{hostile}/",
        f"/organizations/{hostile}/atom/",
        f"/agreements/{hostile}/",
        f"/relations/{hostile}/{country.slug}/",
        f"/relations/{country.slug}/{hostile}/atom/",
    ]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_control_character_in_a_slug_is_an_arabic_404_on_every_route(client, seeded, hostile):
    article, country = Article.objects.first(), Country.objects.first()
    for address in addresses(article, country, hostile):
        response = client.get(address)
        page = response.content.decode()
        assert response.status_code == 404, address
        assert 'lang="ar"' in page and "Traceback" not in page, address


def test_the_same_addresses_without_the_control_character_are_served(client, seeded):
    article, country = Article.objects.first(), Country.objects.first()
    for address in (
        article.get_absolute_url(),
        f"/countries/{country.slug}/atom/",
        f"/articles/{article.slug}/cite.bib",
    ):
        assert client.get(address).status_code == 200, address
