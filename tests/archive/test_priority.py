"""Background work (imports, the index writer) really gives way to the site's readers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from archive.priority import SESSION_GROUP

# Run in a process of its own, in a session of its own, as a service manager or honcho
# starts the writer: niceness cannot be taken back, and the group is the session's.
PROBE = """
import os
from archive.priority import SESSION_GROUP, giving_way
before = os.getpriority(os.PRIO_PROCESS, 0)
with giving_way(7):
    print(before, os.getpriority(os.PRIO_PROCESS, 0), SESSION_GROUP.read_text().split()[-1])
print(SESSION_GROUP.read_text().split()[-1])
"""


def probe() -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(settings.BASE_DIR)},
    )
    return done.stdout.split()


@pytest.mark.skipif(not Path(SESSION_GROUP).exists(), reason="this kernel groups no processes by session")
def test_background_work_makes_its_session_group_nice_and_gives_it_back_afterwards():
    before, during, group_during, group_after = probe()
    assert int(during) == min(int(before) + 7, 19), "19 is the nicest a process can be"
    assert group_during == "7"
    assert group_after == "0"
