"""``manage.py bench_load`` at its smallest: the stack starts, every scenario reports, nothing fails, the index agrees."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture
def seeded(tmp_path) -> dict[str, str]:
    """The environment of a migrated archive of its own holding the seed articles."""
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    env.pop("ARCHIVE_INDEX_PATH", None)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "seed_archive")
    return env


def test_a_tiny_load_reports_each_scenario_without_errors_and_an_index_equal_to_the_database(seeded):
    """Two readers, one worker, a few requests and a five-article import: every row printed, zero errors."""
    report = manage(
        seeded,
        *("bench_load", "--clients", "2", "--seconds", "3", "--requests", "15"),
        *("--import-articles", "5", "--workers", "1", "--timeout", "60"),
    )
    plain = re.search(r"^2 clients +(\d+) .* (\S+)$", report, re.M)
    loaded = re.search(r"^2 clients \+ writes +(\d+) .* (\S+)$", report, re.M)
    assert plain and loaded, report
    assert int(plain[1]) > 0 and int(loaded[1]) > 0, report
    assert plain[2] == loaded[2] == "0", report  # the errors column
    assert re.search(r"^import +5 articles in [\d.]+ s \(exit 0\)", report, re.M), report
    assert re.search(r"^admin saves +saved [1-9]\d*, refused with a message 0, failed 0", report, re.M), (
        report
    )
    assert "removed 5 imported articles" in report
    assert "index: every article of the 5 in the database is indexed, and no other" in report
