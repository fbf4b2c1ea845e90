"""``manage.py bench_import`` at its smallest, in an archive of its own: every figure printed, every
imported article searchable; and a count that is no count refused in Arabic."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.mark.slow
def test_a_tiny_import_is_timed_indexed_and_searched(tmp_path):
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    env.pop("ARCHIVE_INDEX_PATH", None)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "seed_archive")
    report = manage(env, "bench_import", "30", "--rounds", "1")
    assert re.search(
        r"^import_articles: 30 articles in [\d.]+ s \([\d,]+ a second\), peak \d+ MiB$", report, re.M
    )
    assert re.search(r"^index_writer --once: every article searchable [\d.]+ s after", report, re.M), report
    assert re.search(r"^index after the queue: [\d.]+ MiB in [1-9]\d* segments$", report, re.M), report
    assert "archive: 35 articles" in report  # the five seeds and the thirty imported
    assert "API, cold (no kept answer)" in report


@pytest.mark.parametrize("count", ["0", "-5", "ألف", "1e3", ""])
def test_a_count_that_is_no_count_is_refused_in_arabic(count):
    with pytest.raises(CommandError, match="غير صالح"):
        call_command("bench_import", count)
