"""The news-like corpus: the same for the same seed, a long tail of words, stored linked and searchable."""

import re
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from arabic.function_words import is_stop_word
from arabic.normalization import words
from archive.importing import PARAGRAPH_SEPARATOR
from archive.models import Entity
from archive.synthetic.news import news_articles
from archive.synthetic.seeds import sentences, synthetic_articles

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def content_words(text: str) -> set[str]:
    """The words a search would weigh: no function word, no number."""
    return {
        word.text
        for word in words(text)
        if not word.text.isdigit() and not is_stop_word(word.text, text[word.start : word.end])
    }


def share_of_most_common_word(bodies: list[str]) -> float:
    counts = Counter(word for body in bodies for word in content_words(body))
    return counts.most_common(1)[0][1] / len(bodies)


# --- The generator ---------------------------------------------------------------


def test_same_seed_gives_the_same_articles():
    assert list(news_articles(40, seed=4)) == list(news_articles(40, seed=4))


def test_another_seed_gives_other_articles():
    first, second = ({a.body for a in news_articles(40, seed=s)} for s in (1, 2))
    assert not first & second


def test_the_command_stores_the_generated_articles_byte_for_byte_in_order(generate, generated):
    generate(25, "--corpus", "news", "--seed", "9")
    stored = [(a.title, a.body, a.published, a.source.name) for a in generated()]
    assert stored == [(a.title, a.body, a.published, a.source) for a in news_articles(25, seed=9)]


def test_the_vocabulary_has_a_long_tail_where_the_seeds_repeat_themselves():
    """Over 2,000 articles: four times the seeds' distinct words, and no word nearly everywhere.

    Measured on seed 1: 6,707 distinct words against 1,244 (5.4 times); the
    most common content word ("بعد") in 39% of the articles, against 100%.
    """
    news = [article.body for article in news_articles(2000, seed=1)]
    recombined = [article.body for article in synthetic_articles(2000, seed=1)]
    vocabulary = {word.text for body in news for word in words(body)}
    seeds_vocabulary = {word.text for body in recombined for word in words(body)}
    assert len(vocabulary) > 4 * len(seeds_vocabulary)
    assert share_of_most_common_word(news) < 0.45
    assert share_of_most_common_word(recombined) > 0.95


def test_lengths_range_from_briefs_to_long_reports_in_paragraphs_of_whole_sentences():
    articles = list(news_articles(300, seed=3))
    counts = [len(sentences(article.body)) for article in articles]
    assert min(counts) == 2 and max(counts) > 25
    assert sum(count <= 4 for count in counts) > len(articles) / 10
    for article in articles:
        paragraphs = article.body.split(PARAGRAPH_SEPARATOR)
        assert all(paragraph.strip() and paragraph[-1] in ".!؟" for paragraph in paragraphs), article.body


def test_titles_are_made_of_the_articles_own_words():
    for article in news_articles(200, seed=5):
        assert article.title and "{" not in article.title + article.body
        assert content_words(article.title) & content_words(article.body), article.title


def test_dates_spread_over_15_years_some_to_the_month_or_year_some_undated():
    dates = [article.published for article in news_articles(500, seed=6)]
    precisions = Counter(date.precision if date else None for date in dates)
    assert set(precisions) == {"day", "month", "year", None}
    years = {date.year for date in dates if date}
    assert min(years) == 2011 and max(years) == 2025 and len(years) == 15


def test_sources_are_many_and_a_few_of_them_give_most_articles():
    sources = Counter(article.source for article in news_articles(1000, seed=7))
    assert len(sources) > 30
    assert sum(count for _, count in sources.most_common(5)) > 1000 / 3


def test_the_corpus_needs_no_entity_in_the_archive(row_counts, generate):
    Entity.objects.all().delete()
    assert generate(5, "--corpus", "news").strip() == "أنشئ: 5 مقالات، 0 أشخاص."


# --- Stored, linked, searchable -------------------------------------------------------


def test_every_entity_of_the_archive_an_article_names_is_linked(generate, generated):
    generate(80, "--corpus", "news", "--seed", "2")
    entities = list(Entity.objects.prefetch_related("aliases"))
    # A person's family name alone is linked only where the article supports it
    # (archive.linking_rules): a full name always is.
    spellings = {
        s: entity
        for entity in entities
        for s in entity.spellings()
        if entity.kind != "person" or s == entity.name
    }
    # A spelling inside another entity's longer one ("الجزائر" in "الجزائر العاصمة")
    # names that one there; the whole-word test below cannot tell them apart.
    plain = {
        s: entity
        for s, entity in spellings.items()
        if not any(s in other and owner != entity for other, owner in spellings.items())
    }
    named = Counter()
    for article in generated():
        mentioned = {mention.entity_id for mention in article.mentions.all()}
        for spelling, entity in plain.items():
            # A country's name before "العاصمة" is its capital ("تونس العاصمة"), no mention of the country.
            if re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)(?! العاصمة)", article.body):
                assert entity.pk in mentioned, (spelling, article.title)
                named[entity.kind] += 1
    assert named["person"] > 5 and named["organization"] > 5 and named["country"] > 20


def test_every_article_stored_is_found_by_its_title_once_indexed(client, generate, generated):
    generate(12, "--corpus", "news", "--seed", "3")
    call_command("rebuild_index", interactive=False, verbosity=0)
    for article in generated():
        response = client.get("/api/search", {"q": f'"{article.title}"'})
        assert response.status_code == 200
        assert article.pk in [result["id"] for result in response.json()["results"]], article.title


# --- Hostile options ----------------------------------------------------------------


@pytest.mark.parametrize("corpus", ["nonsense", "", "NEWS", "<b>news</b>", "news; rm -rf /", "x" * 10_000])
def test_an_unknown_corpus_is_refused_in_arabic_and_nothing_written(corpus, row_counts, generate):
    before = row_counts()
    with pytest.raises(CommandError, match="غير معروفة؛ اختر إحداها: seeds، news"):
        generate(5, "--corpus", corpus)
    assert row_counts() == before


@pytest.mark.parametrize("count", ["0", "abc", "-1", "", "1e9"])
def test_a_bad_count_is_refused_in_arabic_whatever_the_corpus(count, row_counts, generate):
    before = row_counts()
    with pytest.raises(CommandError, match="اكتب عددًا صحيحًا موجبًا"):
        generate(count, "--corpus", "news")
    assert row_counts() == before


def test_the_same_seed_twice_is_refused_and_the_second_run_writes_nothing(row_counts, generate):
    generate(5, "--corpus", "news", "--seed", "3")
    before = row_counts()
    with pytest.raises(CommandError, match="seed"):
        generate(5, "--corpus", "news", "--seed", "3")
    assert row_counts() == before
