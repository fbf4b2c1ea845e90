"""The word pairs the analysis is tuned on, and the held-out queries it is judged on (fixtures/relevance/).

``manage.py evaluate_relevance`` prints the same figures. The pairs must all
hold; the held-out queries must find every paragraph they should, and at most
the wrong matches measured when the set was written (a noun whose ة may be the
pronoun "his": "الشرطة", police, still meets "شرط", a condition).
"""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from search.relevance import score_pairs, score_queries

FOLDER = Path(settings.BASE_DIR, "fixtures", "relevance")
HELD_OUT_WRONG_AT_MOST = 2


def test_every_tuning_pair_meets_or_stays_apart_both_ways():
    score = score_pairs(FOLDER / "pairs.tsv")
    assert score.errors == ()
    assert score.wanted >= 30 and score.unwanted >= 30


def test_the_held_out_queries_find_what_they_should_and_little_else():
    score = score_queries(FOLDER / "heldout.json")
    marked = json.loads((FOLDER / "heldout.json").read_text(encoding="utf-8"))
    assert len(marked["queries"]) >= 30 and len(marked["paragraphs"]) >= 40
    assert score.found == score.wanted, score.errors
    assert score.wrong <= HELD_OUT_WRONG_AT_MOST, score.errors


def test_the_held_out_queries_are_not_the_tuning_pairs():
    pairs = (FOLDER / "pairs.tsv").read_text(encoding="utf-8").split()
    queries = [
        query["q"] for query in json.loads((FOLDER / "heldout.json").read_text(encoding="utf-8"))["queries"]
    ]
    assert not set(pairs) & set(queries)


def test_the_command_prints_both_scores():
    out = io.StringIO()
    call_command("evaluate_relevance", stdout=out)
    assert "pairs (tuning): found" in out.getvalue() and "held-out queries: found" in out.getvalue()


@pytest.mark.parametrize(
    "content",
    ["", "not json", "[]", '{"paragraphs": {}}', '{"paragraphs": [1], "queries": [{"q": 3}]}', "\x00" * 10],
)
def test_the_command_refuses_an_unreadable_set_in_arabic(tmp_path, content):
    broken = tmp_path / "heldout.json"
    broken.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match="تعذّرت قراءة"):
        call_command("evaluate_relevance", heldout=broken, stdout=io.StringIO())


def test_the_command_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="تعذّرت قراءة"):
        call_command("evaluate_relevance", pairs=tmp_path / "missing.tsv", stdout=io.StringIO())
