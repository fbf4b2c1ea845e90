"""An editor's decisions on mentions hold against the linker: on save, on relink, on import."""

import pytest

from archive.linking import Gazetteer, link_mentions, relink, relink_queued, save_linked, store_found_mentions
from archive.linking_rules import Span
from archive.models import Alias, Article, Country, Mention

pytestmark = pytest.mark.django_db


def states(article: Article) -> list[tuple[str, str, str]]:
    """(surface, entity name, state) of every mention stored, rejected ones included, in body order."""
    mentions = article.mentions.select_related("entity").order_by("start", "state")
    return [(m.surface, m.entity.name, m.state) for m in mentions]


def shown(article: Article) -> list[str]:
    return [m.surface for m in article.mentions.standing().order_by("start")]


def test_a_rejected_mention_stays_rejected_across_a_save_and_a_relink(visit_article, libya, decided):
    automatic = visit_article.mentions.get(entity=libya)
    automatic.decide(Mention.State.REJECTED, None)
    automatic.save()
    save_linked(visit_article)
    relink()
    assert ("ليبيا", "ليبيا", "rejected") in states(visit_article)
    assert "ليبيا" not in shown(visit_article)
    assert visit_article.mentions.filter(entity=libya).count() == 1


def test_a_rejected_mention_stays_rejected_when_its_entity_is_relinked(visit_article, libya):
    Mention.objects.filter(article=visit_article, entity=libya).update(state="rejected", text="ليبيا")
    Alias.objects.create(entity=libya, name="ليبية")  # queues the relinking of every article naming Libya
    assert relink_queued() >= 1
    assert [m.state for m in visit_article.mentions.filter(entity=libya)] == ["rejected"]


def test_a_rejection_lapses_when_the_text_at_its_span_changes(visit_article, libya):
    """The decision was about those words: other words at the span are read anew."""
    mention = visit_article.mentions.get(entity=libya)
    mention.decide(Mention.State.REJECTED, None)
    mention.save()
    visit_article.body = visit_article.body.replace("إلى ليبيا", "إلى تونس")
    save_linked(visit_article)
    assert not visit_article.mentions.filter(entity=libya, state="rejected").exists()


def test_the_import_path_does_not_store_a_rejected_mention(visit_article, libya):
    rejected = visit_article.mentions.get(entity=libya)
    rejected.decide(Mention.State.REJECTED, None)
    rejected.save()
    spans = Gazetteer.from_database().find(visit_article.body)
    visit_article.mentions.filter(state="automatic").delete()
    store_found_mentions([(visit_article, spans)])
    assert visit_article.mentions.filter(entity=libya).get().state == "rejected"
    assert len(shown(visit_article)) == len(spans) - 1


def test_a_mention_linked_by_hand_on_any_words_stays(visit_article, tebboune, decided):
    """The gazetteer knows no "وزير الخارجية" for Tebboune; the editor's link stays all the same."""
    start = visit_article.body.index("وزير الخارجية")
    decided(visit_article, tebboune, start, start + len("وزير الخارجية"))
    save_linked(visit_article)
    relink()
    assert ("وزير الخارجية", "عبد المجيد تبون", "confirmed") in states(visit_article)


def test_a_confirmed_mention_is_dropped_when_its_text_changes(visit_article, libya):
    mention = visit_article.mentions.get(entity=libya)
    mention.decide(Mention.State.CONFIRMED, None)
    mention.save()
    link_mentions(visit_article, Gazetteer.from_database())
    assert visit_article.mentions.get(entity=libya).pk == mention.pk, "the same text keeps the same mention"
    body = visit_article.body
    visit_article.body = body[: mention.start] + "تونس" + body[mention.end :]
    save_linked(visit_article)
    assert not Mention.objects.filter(pk=mention.pk).exists()


def test_a_confirmed_mention_hides_the_linker_s_overlapping_ones(visit_article, boukadoum, decided):
    start = visit_article.body.index("صبري بوقادوم")
    visit_article.mentions.filter(start=start).delete()
    decided(visit_article, boukadoum, start + len("صبري "), start + len("صبري بوقادوم"))
    link_mentions(visit_article, Gazetteer.from_database())
    assert shown(visit_article)[0] == "بوقادوم"


def test_rejected_mentions_are_not_what_readers_see(visit_article, libya, client):
    """Not on the article page, not in the entity's list of articles, not in its count."""
    Mention.objects.filter(article=visit_article, entity=libya).update(state="rejected", text="ليبيا")
    page = client.get(visit_article.get_absolute_url()).content.decode()
    assert f'href="{libya.get_absolute_url()}"' not in page
    assert not Article.objects.mentioning(libya).exists()
    assert Country.objects.with_article_counts().get(pk=libya.pk).article_count == 0
    assert not Article.objects.holding("country", [libya.slug]).exists()
    api = client.get(f"/api/articles/{visit_article.pk}").json()
    assert libya.pk not in [entity["id"] for entity in api["entities"]]


def test_a_rejection_and_a_standing_mention_may_share_a_start(visit_article, libya, tebboune):
    mention = visit_article.mentions.get(entity=libya)
    mention.decide(Mention.State.REJECTED, None)
    mention.save()
    Mention.objects.create(article=visit_article, entity=tebboune, start=mention.start, end=mention.end)
    assert visit_article.mentions.filter(start=mention.start).count() == 2


def test_store_found_mentions_takes_spans_of_new_articles(db, libya):
    article = Article.objects.create(body="وصل الوفد إلى ليبيا.")
    store_found_mentions([(article, [Span(libya.pk, 14, 19)])])
    assert shown(article) == ["ليبيا"]
