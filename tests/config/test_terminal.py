"""What an operator sees of a long command on a terminal, and what a log or a pipe gets instead."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios

import pytest

from .processes import ROOT, manage

pytestmark = pytest.mark.slow


def import_file(folder, count: int):
    path = folder / "articles.jsonl"
    records = ({"title": f"خبر {n}", "body": f"نص الخبر رقم {n} عن الجزائر وليبيا."} for n in range(count))
    path.write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8"
    )
    return path


def test_an_import_on_a_terminal_shows_a_bar_with_the_count_and_the_rate(migrated_archive, tmp_path):
    path = import_file(tmp_path, 450)
    terminal, attached = pty.openpty()
    fcntl.ioctl(attached, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # rows, columns
    command = subprocess.Popen(
        [sys.executable, "manage.py", "import_articles", str(path)],
        cwd=ROOT,
        env=migrated_archive,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=attached,
    )
    os.close(attached)
    shown = b""
    while True:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # the command closed the terminal's other end
            break
        if not chunk:
            break
        shown += chunk
    os.close(terminal)
    output, _ = command.communicate(timeout=120)
    assert command.returncode == 0, shown.decode(errors="replace")
    bar = shown.decode()
    assert "450/450" in bar and "مقال/s" in bar
    assert "\r" in bar, "the bar is redrawn in place, not a line a batch"
    assert "450 مقالًا" in output.decode()


def test_an_import_into_a_log_writes_no_bar(migrated_archive, tmp_path):
    path = import_file(tmp_path, 450)
    done = manage(migrated_archive, "import_articles", str(path), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "450 مقالًا" in done.stdout
