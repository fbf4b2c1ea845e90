"""The linker on the development set: news paragraphs nobody curated, with their gold mentions.

``fixtures/linking/development.jsonl`` holds one paragraph a line: the
mentions it makes (the span as written, the entity's slug), the spans that
look like a known name and are not that entity, and the names the archive
does not know. Each paragraph is saved as an article of its own and linked
by the real linker. To see the figures:

    .venv/bin/pytest tests/archive/test_linking_development.py -s
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from archive.evaluation import evaluate, load_cases
from archive.linking import Gazetteer, link_mentions
from archive.models import Article

DEVELOPMENT = Path(settings.BASE_DIR) / "fixtures" / "linking" / "development.jsonl"
PARAGRAPHS = [json.loads(line) for line in DEVELOPMENT.read_text(encoding="utf-8").splitlines() if line]


def linked(text: str, gazetteer: Gazetteer) -> Counter[tuple[str, str]]:
    """(span, entity slug) of each mention the linker stores for ``text``."""
    article = Article(body=text)
    article.save()
    link_mentions(article, gazetteer)
    return Counter((m.surface, m.entity.slug) for m in article.mentions.select_related("entity"))


def score(paragraph: dict, found: Counter[tuple[str, str]]) -> Counter[str]:
    """True, found and gold mentions, and look-alikes linked, counted for one paragraph.

    Spans are compared as written; a look-alike counts as linked when the
    linker makes more mentions with its text than the gold holds.
    """
    gold = Counter((m["text"], m["entity"]) for m in paragraph["mentions"])
    gold_texts = Counter(text for text, _ in gold.elements())
    found_texts = Counter(text for text, _ in found.elements())
    lookalikes = Counter(paragraph["lookalikes"])
    linked_lookalikes = sum(
        min(count, max(0, found_texts[text] - gold_texts[text])) for text, count in lookalikes.items()
    )
    return Counter(
        true=sum((gold & found).values()),
        found=sum(found.values()),
        gold=sum(gold.values()),
        lookalikes=sum(lookalikes.values()),
        lookalikes_linked=linked_lookalikes,
    )


@pytest.fixture
def development_scores(db) -> tuple[Counter[str], list[str]]:
    """The summed counts over the set, and a line for each paragraph the linker got wrong."""
    call_command("loaddata", "entities", verbosity=0)
    gazetteer = Gazetteer.from_database()
    totals: Counter[str] = Counter()
    misses = []
    for number, paragraph in enumerate(PARAGRAPHS, 1):
        found = linked(paragraph["text"], gazetteer)
        totals.update(score(paragraph, found))
        gold = Counter((m["text"], m["entity"]) for m in paragraph["mentions"])
        if found != gold:
            misses.append(f"{number}: missed {dict(gold - found)}, wrongly {dict(found - gold)}")
    return totals, misses


def test_development_set_is_well_formed():
    assert len(PARAGRAPHS) >= 30
    for paragraph in PARAGRAPHS:
        spans = [m["text"] for m in paragraph["mentions"]] + paragraph["lookalikes"]
        spans += [u["text"] for u in paragraph["unknown"]]
        assert all(span in paragraph["text"] for span in spans), paragraph["text"]
        assert {u["kind"] for u in paragraph["unknown"]} <= {"person", "organization", "agreement"}


def test_development_figures(development_scores):
    totals, misses = development_scores
    precision = totals["true"] / totals["found"]
    recall = totals["true"] / totals["gold"]
    print(
        f"\ndevelopment set: {len(PARAGRAPHS)} paragraphs, {totals['gold']} mentions, "
        f"{totals['lookalikes']} look-alikes\n"
        f"precision {precision:.3f} ({totals['true']}/{totals['found']}), "
        f"recall {recall:.3f} ({totals['true']}/{totals['gold']}), "
        f"look-alikes linked {totals['lookalikes_linked']}/{totals['lookalikes']}"
    )
    print("\n".join(misses))
    assert totals["lookalikes_linked"] == 0
    assert precision >= 0.97
    assert recall >= 0.95


def test_development_suggestions(db):
    """Most names the archive does not know are suggested, and few suggestions are not such names."""
    call_command("loaddata", "entities", verbosity=0)
    score = evaluate(load_cases(DEVELOPMENT))
    print(
        f"\nunknown names suggested {score.suggested_share:.3f} ({score.unknown_suggested}/{score.unknown}), "
        f"false suggestions {len(score.false_suggestions)}/{score.suggested}"
    )
    assert score.suggested_share >= 0.6
    assert len(score.false_suggestions) <= 0.15 * score.suggested
