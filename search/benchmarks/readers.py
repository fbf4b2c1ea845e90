"""Readers from many threads: searches, API searches, article pages, the home page and the list."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from archive.models import Article

from .constants import IMPORT_SOURCE, READ_WEIGHTS
from .figures import percentile
from .loopback import Answer, send

# --- Readers ---------------------------------------------------------------------------


@dataclass(slots=True)
class Tally:
    """What the readers of one scenario got: latencies, errors by status, and an example of each."""

    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    examples: dict[tuple, str] = field(default_factory=dict)
    seconds: float = 0.0

    def record(self, kind: str, path: str, answer: Answer) -> None:
        self.latencies.append(answer.seconds * 1000)
        if not answer.ok:
            status = answer.status or "no answer"
            self.errors[status] += 1
            self.examples.setdefault((status, kind), f"{path} → {answer.message()}")

    def merge(self, other: Tally) -> None:
        self.latencies += other.latencies
        self.errors.update(other.errors)
        for key, example in other.examples.items():
            self.examples.setdefault(key, example)

    def row(self, label: str) -> str:
        count = len(self.latencies)
        if not count:
            return f"{label:<22} no request"
        errors = ", ".join(f"{status}: {n}" for status, n in sorted(self.errors.items(), key=str)) or "0"
        return (
            f"{label:<22} {count:>7,} {count / self.seconds:>8.1f}"
            f" {percentile(self.latencies, 0.5):>8.0f} {percentile(self.latencies, 0.95):>8.0f}"
            f" {percentile(self.latencies, 0.99):>8.0f}   {errors}"
        ) + "".join(
            f"\n    {status} on {kind}: {example}" for (status, kind), example in self.examples.items()
        )


READ_HEADER = (
    f"{'scenario':<22} {'requests':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}   errors"
)


@dataclass(frozen=True, slots=True)
class Reads:
    """The pages readers ask for: searches of ``queries``, and the articles of ``slugs``."""

    queries: list[str]
    slugs: list[str]

    def pick(self, rng: random.Random) -> tuple[str, str]:
        kind = rng.choices(list(READ_WEIGHTS), weights=list(READ_WEIGHTS.values()))[0]
        if kind == "search":
            return kind, "/search/?" + urlencode({"q": rng.choice(self.queries)})
        if kind == "api":
            return kind, "/api/search?" + urlencode({"q": rng.choice(self.queries)})
        if kind == "article" and self.slugs:
            return kind, f"/articles/{quote(rng.choice(self.slugs))}/"
        return ("list", "/articles/") if kind == "list" else ("home", "/")

    @classmethod
    def from_archive(cls, queries: list[str], most: int = 5000) -> Reads:
        slugs = list(
            Article.objects.exclude(source__name=IMPORT_SOURCE).values_list("slug", flat=True)[:most]
        )
        return cls(queries, slugs)


def read(
    port: int, reads: Reads, clients: int, requests: int, seconds: float, seed: int, halt: threading.Event
) -> Tally:
    """``clients`` threads, each asking for ``requests`` pages one after another, or until ``seconds`` pass.

    ``halt`` stops them early: set when the benchmark is interrupted, so they do
    not go on knocking at a stopped site.
    """
    deadline = time.monotonic() + seconds
    tallies = [Tally() for _ in range(clients)]

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        for _ in range(requests):
            if time.monotonic() >= deadline or halt.is_set():
                return
            kind, path = reads.pick(rng)
            tallies[number].record(kind, path, send(port, "GET", path))

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = Tally(seconds=time.monotonic() - started)
    for tally in tallies:
        total.merge(tally)
    return total
