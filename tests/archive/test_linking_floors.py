"""The linker's figures on each marked set never fall below their floors.

Each set is scored by ``manage.py evaluate_linking`` itself, given the floors as
its ``--min-precision``, ``--min-recall``, ``--max-lookalikes`` and
``--min-suggested`` options, so the command that prints the figures is the one
that fails. A floor is the goal (precision 0.97, recall 0.92, no look-alike
linked, 60% of the unknown names suggested) where the set reaches it, and
otherwise the figure the set reached, rounded down; each says which.

A set is scored in a few seconds, in this process: no mark of the slow tests,
which start processes and wait for them.

``heldout-5.jsonl`` is the set the linker is judged on: its floors are what the
linker reached on it, unread, and only keep that from falling. ``heldout-4.jsonl``,
``heldout-3.jsonl``, ``heldout-2.jsonl`` and ``heldout.jsonl`` were each judged on in
turn, unread; their failures have been studied since, so their floors hold what
the rules found on them reached.
"""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

FOLDER = Path(settings.BASE_DIR) / "fixtures" / "linking"

GOAL = {"precision": 0.97, "recall": 0.92, "lookalikes": 0, "suggested": 0.60}

FLOORS = {
    # Never read to change a rule: precision and look-alikes short of the goal.
    "heldout-5.jsonl": {**GOAL, "precision": 0.95, "lookalikes": 8},
    # Judged on until its failures were studied (clubs, fairs, companies, provinces and women
    # named after a place, names quoted with a number, a verb of ruling, the body a person heads,
    # agreements written definite): two look-alikes are still linked (a namesake government told
    # apart by its head and date only, a surname used as the common noun it is).
    "heldout-4.jsonl": {**GOAL, "lookalikes": 2},
    # Judged on until its failures were studied (features and districts named after a place,
    # declarations, trades' unions, bodies said to rule another country): it reaches every goal.
    "heldout-3.jsonl": GOAL,
    # Held out until its failures were studied: one look-alike is still linked (a body of
    # another era that the paragraph alone does not tell apart).
    "heldout-2.jsonl": {**GOAL, "lookalikes": 1},
    # The earlier held-out set, studied since: two look-alikes are still linked.
    "heldout.jsonl": {**GOAL, "lookalikes": 2},
    # The development set reaches every goal.
    "development.jsonl": GOAL,
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_linker_holds_its_floors_on_each_marked_set(name):
    call_command("loaddata", "entities", verbosity=0)
    floor = FLOORS[name]
    try:
        call_command(
            "evaluate_linking",
            str(FOLDER / name),
            "--min-precision",
            str(floor["precision"]),
            "--min-recall",
            str(floor["recall"]),
            "--max-lookalikes",
            str(floor["lookalikes"]),
            "--min-suggested",
            str(floor["suggested"]),
            stdout=io.StringIO(),
        )
    except CommandError as error:
        pytest.fail(f"{name}: {error}")


def test_no_floor_is_above_its_goal():
    """A floor above the goal would demand more than the archive promises."""
    for floors in FLOORS.values():
        assert floors["precision"] <= GOAL["precision"]
        assert floors["lookalikes"] >= GOAL["lookalikes"]
        assert floors["suggested"] <= GOAL["suggested"]
        assert floors["recall"] <= GOAL["recall"]
