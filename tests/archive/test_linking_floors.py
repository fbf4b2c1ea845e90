"""The linker's figures on each marked set never fall below their floors.

Each set is scored by ``manage.py evaluate_linking`` itself, given the floors as
its ``--min-precision``, ``--min-recall``, ``--max-lookalikes`` and
``--min-suggested`` options, so the command that prints the figures is the one
that fails. A floor is the goal (precision 0.97, recall 0.92, no look-alike
linked, 60% of the unknown names suggested) where the set reaches it, and
otherwise the figure the set reached, rounded down; each says which.

A set is scored in a few seconds, in this process: no mark of the slow tests,
which start processes and wait for them.

``heldout-2.jsonl`` is the set the linker is judged on and never tuned on: its
floors below the goals say how far the linker still is from them on text it has
never seen, and are raised only by rules found on the other sets.
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
    # Held out: the goals of precision, look-alikes and suggestions are not reached.
    "heldout-2.jsonl": {"precision": 0.94, "recall": GOAL["recall"], "lookalikes": 8, "suggested": 0.58},
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
