"""archive.identity: permalinks made once from the title, unique, and cheap however many share a headline."""

import pytest

from archive.identity import content_hash, unique_slug
from archive.models import Article

pytestmark = pytest.mark.django_db

HEADLINE = "استقبل رئيس الجمهورية عبد المجيد تبون اليوم وزير خارجية ليبيا"


def test_a_slug_keeps_the_first_eight_words_of_the_title_without_marks():
    assert unique_slug(Article, "وَصَلَ وزيرُ الخارجية إلى طرابلس", "article") == "وصل-وزير-الخارجية-إلى-طرابلس"


def test_articles_sharing_a_headline_are_numbered_in_turn():
    slugs = [Article.objects.create(title=HEADLINE, body=f"نص رقم {number}.").slug for number in range(4)]
    base = slugs[0]
    assert slugs == [base, f"{base}-2", f"{base}-3", f"{base}-4"]


def test_a_freed_number_is_taken_again_and_a_longer_slug_is_no_clash():
    first = Article.objects.create(title=HEADLINE, body="نص أول.")
    second = Article.objects.create(title=HEADLINE, body="نص ثان.")
    Article.objects.create(title=HEADLINE + " ومصر", body="نص ثالث.")  # same first eight words
    second.delete()
    assert unique_slug(Article, HEADLINE, "article") == f"{first.slug}-2"


def test_the_hundredth_article_of_a_headline_costs_one_query_for_its_slug(django_assert_num_queries):
    Article.objects.bulk_create(
        Article(
            title=HEADLINE,
            body=f"نص {n}.",
            slug=unique_slug(Article, HEADLINE, "article") + f"-{n}",
            content_hash=str(n),
        )
        for n in range(2, 101)
    )
    Article.objects.create(title=HEADLINE, body="النص الأول.")
    with django_assert_num_queries(1):
        assert unique_slug(Article, HEADLINE, "article").endswith("-101")


def test_an_untitled_text_without_letters_falls_back_to_the_kind():
    assert unique_slug(Article, "!!! ؟؟؟", "article") == "article"


def test_the_permalink_does_not_change_when_the_title_is_edited():
    article = Article.objects.create(title=HEADLINE, body="نص.")
    slug = article.slug
    article.title = "عنوان آخر تمامًا"
    article.save()
    article.refresh_from_db()
    assert article.slug == slug


def test_the_content_hash_is_blind_to_spacing_and_diacritics_only():
    assert content_hash("وصلَ  الوزير\nإلى طرابلس") == content_hash("وصل الوزير إلى طرابلس")
    assert content_hash("وصل الوزير إلى طرابلس") != content_hash("وصل الوزير إلى تونس")
