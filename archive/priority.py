"""Background work that gives way to the site's readers for the processor.

``nice(2)`` alone is not enough on Linux: with the kernel's session groups
(autogroup, on by default) processes of different sessions share the
processor group by group, and a niceness counts only inside its own group.
An import started from an operator's terminal and gunicorn started by a
service manager are in different sessions, so the import took half the
processor whatever its niceness. Its session's group is made nice as well,
for the time of the work only: the terminal's session gets its share back
afterwards.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

SESSION_GROUP = Path("/proc/self/autogroup")
GROUP_CHANGE_INTERVAL = 0.1


@contextlib.contextmanager
def giving_way(niceness: int) -> Iterator[None]:
    """For the block: this process ``niceness`` steps nicer, and its session's group too where the kernel has them."""
    os.nice(niceness)
    previous = _group_niceness()
    if previous is None or not _set_group_niceness(max(previous, niceness)):
        yield
        return
    try:
        yield
    finally:
        _set_group_niceness(previous)


def _group_niceness() -> int | None:
    try:
        found = re.search(r"nice (-?\d+)", SESSION_GROUP.read_text())
    except OSError:  # no session groups in this kernel, or not readable here
        return None
    return int(found.group(1)) if found else None


def _set_group_niceness(niceness: int) -> bool:
    for _ in range(2):
        try:
            SESSION_GROUP.write_text(str(niceness))
            return True
        except BlockingIOError:  # the kernel takes one change of any group a tenth of a second
            time.sleep(GROUP_CHANGE_INTERVAL)
        except OSError:  # a niceness below the group's needs a privilege this process has not
            return False
    return False
