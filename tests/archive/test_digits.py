"""One style of digits on every page, the one ``ARCHIVE_DIGITS`` names: Western by default."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from archive.dates import PartialDate
from archive.models import Agreement

pytestmark = pytest.mark.django_db

ARABIC_INDIC = re.compile("[\u0660-\u0669]")


@pytest.fixture
def dated_pages(visit_article, algeria):
    """The pages that show a date, a year or a count, over an article of 21 April 2021 and a pact of August 2001."""
    visit_article.published = PartialDate(2021, 4, 21)
    visit_article.save()
    pact = Agreement.objects.create(name="الاتفاق الأمني", signed_on="2001-08-01", signed_precision="month")
    pact.parties.add(algeria)
    return {
        "home": reverse("archive:home"),
        "list": reverse("archive:article-list"),
        "article": visit_article.get_absolute_url(),
        "people": reverse("archive:person-list"),
        "agreement": pact.get_absolute_url(),
    }


def pages(client, urls: dict[str, str]) -> dict[str, str]:
    return {name: client.get(url).content.decode() for name, url in urls.items()}


def test_by_default_every_number_and_date_is_in_western_digits_as_the_sources_print_them(client, dated_pages):
    shown = pages(client, dated_pages)
    for name, page in shown.items():
        assert not ARABIC_INDIC.search(page), name
    assert ">21 أبريل 2021</time>" in shown["article"]
    assert '<option value="2021">2021</option>' in shown["list"]
    assert ">أغسطس 2001</time>" in shown["agreement"]
    assert '<span class="count" title="عدد المقالات">1</span>' in shown["people"]


def test_arabic_indic_digits_are_used_everywhere_when_the_setting_asks(client, dated_pages, settings):
    settings.ARCHIVE_DIGITS = "arabic-indic"
    shown = pages(client, dated_pages)
    assert ">٢١ أبريل ٢٠٢١</time>" in shown["article"] and ">٢١ أبريل ٢٠٢١</time>" in shown["home"]
    assert '<option value="2021">٢٠٢١</option>' in shown["list"]
    assert ">أغسطس ٢٠٠١</time>" in shown["agreement"]
    assert '<span class="count" title="عدد المقالات">١</span>' in shown["people"]


def test_an_unknown_style_of_digits_names_the_setting_and_its_values(client, dated_pages, settings):
    settings.ARCHIVE_DIGITS = "roman"
    with pytest.raises(ImproperlyConfigured, match=r'ARCHIVE_DIGITS.*"western", "arabic-indic"'):
        client.get(dated_pages["article"])
