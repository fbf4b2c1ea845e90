"""How well a search finds what it should: word pairs, and queries over paragraphs marked by hand.

Two sets, written for the purpose and kept apart (``fixtures/relevance/``):
``pairs.tsv``, the words the analysis was tuned on, which must meet (each finds
the other) or stay apart (neither finds the other); and ``heldout.json``,
paragraphs and queries, each with the paragraphs it should find and those it
should not, never tuned on. Both go through the archive's analyzers and query
parser into a Whoosh index in a temporary folder, as a search does.
"""

from __future__ import annotations

import csv
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from whoosh.fields import ID, TEXT, Schema
from whoosh.index import create_in

from .analysis import arabic_analyzer, exact_analyzer
from .query import ArabicQueryParser

_KEY, _TEXT, _EXACT = "key", "text", "text_exact"


@dataclass(frozen=True)
class Score:
    """What a set asked for and what the search did: found, missed, and found though it should not."""

    wanted: int
    found: int
    unwanted: int
    wrong: int
    errors: tuple[str, ...]

    def __str__(self) -> str:
        return (
            f"found {self.found}/{self.wanted} of what it should, "
            f"{self.wrong}/{self.unwanted} of what it should not"
        )


def _searcher(texts: dict[str, str], folder: str):
    """A function from a query to the keys of the texts it finds, over a fresh index in ``folder``."""
    schema = Schema(
        **{_KEY: ID(stored=True, unique=True), _TEXT: TEXT(analyzer=arabic_analyzer())},
        **{_EXACT: TEXT(analyzer=exact_analyzer())},
    )
    index = create_in(folder, schema)
    with index.writer() as writer:
        for key, text in texts.items():
            writer.add_document(**{_KEY: key, _TEXT: text, _EXACT: text})
    parser = ArabicQueryParser(_TEXT, schema, phrase_field=_EXACT)
    searcher = index.searcher()
    return lambda typed: {hit[_KEY] for hit in searcher.search(parser.parse(typed), limit=None)}


def score_pairs(path: Path) -> Score:
    """Each pair both ways: a word meets the other when a search for it finds a text of the other."""
    with path.open(encoding="utf-8", newline="") as table:
        rows = list(csv.DictReader(table, delimiter="\t"))
    texts = {row[side]: row[side] for row in rows for side in ("first", "second")}
    found = wrong = wanted = 0
    errors = []
    with tempfile.TemporaryDirectory() as folder:
        search = _searcher(texts, folder)
        for row in rows:
            for query, text in ((row["first"], row["second"]), (row["second"], row["first"])):
                met = text in search(query)
                if row["expect"] == "meet":
                    wanted += 1
                    found += met
                else:
                    wrong += met
                if met != (row["expect"] == "meet"):
                    errors.append(f"{query} → {text}: should {row['expect']} ({row['why']})")
    return Score(wanted, found, 2 * len(rows) - wanted, wrong, tuple(errors))


def score_queries(path: Path) -> Score:
    """Each query over every paragraph: the paragraphs it finds of those it should, and of those it should not."""
    marked = json.loads(path.read_text(encoding="utf-8"))
    queries = marked["queries"]
    found = wrong = 0
    errors = []
    with tempfile.TemporaryDirectory() as folder:
        search = _searcher(marked["paragraphs"], folder)
        for query in queries:
            results = search(query["q"])
            missed, extra = set(query["finds"]) - results, set(query["misses"]) & results
            found += len(query["finds"]) - len(missed)
            wrong += len(extra)
            errors += [f"{query['q']}: missed {key}" for key in sorted(missed)]
            errors += [f"{query['q']}: found {key}" for key in sorted(extra)]
    wanted = sum(len(query["finds"]) for query in queries)
    return Score(wanted, found, sum(len(query["misses"]) for query in queries), wrong, tuple(errors))
