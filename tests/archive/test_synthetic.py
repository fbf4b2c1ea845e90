"""Synthetic articles: the same for the same seed, made of the seeds' sentences, stored linked."""

import re
from collections import Counter

import pytest
from django.core.management import CommandError

from arabic.sentences import sentences
from archive.dates import PartialDate
from archive.importing import PARAGRAPH_SEPARATOR
from archive.models import Article, Person
from archive.synthetic.seeds import SOURCES, archive_people, invented_people, synthetic_articles

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def stored_state(article: Article) -> tuple:
    mentions = sorted(article.mentions.values_list("entity_id", "start", "end", "state"))
    return article.content_hash, mentions


# --- The generator ---------------------------------------------------------------


def test_same_seed_gives_the_same_articles():
    assert list(synthetic_articles(30, seed=4)) == list(synthetic_articles(30, seed=4))


def test_another_seed_gives_other_articles():
    first, second = ({a.body for a in synthetic_articles(30, seed=s)} for s in (1, 2))
    assert not first & second


def test_as_many_articles_as_asked():
    assert len(list(synthetic_articles(17))) == 17


def test_articles_have_6_to_20_sentences_in_2_to_5_paragraphs_a_title_and_a_source():
    articles = list(synthetic_articles(60, seed=7))
    for article in articles:
        paragraphs = article.body.split(PARAGRAPH_SEPARATOR)
        assert 2 <= len(paragraphs) <= 5
        assert all(" ".join(sentences(paragraph)) == paragraph for paragraph in paragraphs)
        assert 6 <= len(sentences(article.body)) <= 20
        assert article.title
    assert {article.source for article in articles} == set(SOURCES)


def test_every_body_sentence_is_a_seed_sentence_with_its_people_recast():
    """Only the names of people change: the rest of each sentence is a seed article's, as written."""
    seeds = "\n".join(Article.objects.values_list("body", flat=True))
    spellings = {s for person in [*archive_people(), *invented_people()] for s in person.spellings}
    name = "|".join(map(re.escape, sorted(spellings, key=len, reverse=True)))
    for article in synthetic_articles(40, seed=5):
        for sentence in sentences(article.body):
            # Where the generated sentence names someone, the seed names someone too.
            pattern = r"[^.!؟\n]+".join(re.escape(piece) for piece in re.split(name, sentence))
            assert re.search(pattern, seeds), sentence


def test_dates_are_valid_partial_dates_from_2000_to_2025_mostly_to_the_day():
    dates = [article.published for article in synthetic_articles(300, seed=6)]
    precisions = Counter(date.precision if date else None for date in dates)
    assert set(precisions) == {"day", "month", "year", None}
    assert precisions["day"] > len(dates) / 2
    for date in filter(None, dates):
        assert 2000 <= date.year <= 2025
        assert PartialDate.parse(date.isoformat()) == date


# --- The command -----------------------------------------------------------------


def test_command_writes_n_articles_linked_to_the_people_they_name(generate, generated):
    assert generate(30).strip() == "أنشئ: 30 مقالًا، 200 شخص."
    articles = generated()
    assert len(articles) == 30
    people = list(Person.objects.prefetch_related("aliases"))
    named = Counter()
    for article in articles:
        mentioned = {mention.entity_id for mention in article.mentions.all()}
        for person in people:
            # A whole word or words: "كريم الشريف" is not named in "عبد الكريم الشريف".
            # A family name alone ("تبون") names the person only in a context that
            # supports it (archive.linking_rules), so only full names are required.
            full_names = [s for s in person.spellings() if " " in s]
            if any(re.search(rf"(?<!\w){re.escape(s)}(?!\w)", article.body) for s in full_names):
                assert person.pk in mentioned, (person.name, article.title)
                named[person.pk] += 1
    assert len(named) > 20  # many people, so that facets have many values


@pytest.mark.parametrize("corpus", ["seeds", "news"])
def test_a_generated_article_stores_what_saving_it_would(corpus, generate, generated):
    """The bulk insert skips Article.save() and the linking signal; saving again changes nothing."""
    generate(5, "--corpus", corpus)
    for article in generated():
        before = stored_state(article)
        article.save()
        article.refresh_from_db()
        assert stored_state(article) == before


def test_invented_people_are_stored_once_with_their_joined_spelling(generate):
    generate(1)
    assert Person.objects.get(name="عبد الرحمن الحسيني").spellings() == [
        "عبد الرحمن الحسيني",
        "عبدالرحمن الحسيني",
    ]
    assert generate(1, "--seed", "2").strip() == "أنشئ: مقال واحد، 0 أشخاص."


@pytest.mark.parametrize("count", ["0", "-3", "abc", "2.5", ""])
def test_a_count_that_is_not_a_positive_integer_is_refused_and_nothing_written(count, row_counts, generate):
    before = row_counts(), Person.objects.count()
    with pytest.raises(CommandError, match="اكتب عددًا صحيحًا موجبًا"):
        generate(count)
    assert (row_counts(), Person.objects.count()) == before


def test_the_same_seed_twice_is_refused_and_the_second_run_writes_nothing(row_counts, generate):
    generate(5, "--seed", "3")
    before = row_counts()
    with pytest.raises(CommandError, match="seed"):
        generate(5, "--seed", "3")
    assert row_counts() == before
