"""The whole run: the stack started, each scenario read and written, the index checked against the database."""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from whoosh.index import exists_in, open_dir

from archive.models import Article

from .constants import READ_WEIGHTS
from .readers import READ_HEADER, Reads, read
from .stack import LogWatch, running_site
from .writer_process import running_writer
from .writers import editor_account, remove_imported, writing

# --- The index against the database --------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndexCheck:
    articles: int
    indexed: int
    missing: list[str]
    extra: list[str]

    def summary(self) -> str:
        if not self.missing and not self.extra:
            return f"index: every article of the {self.articles:,} in the database is indexed, and no other"
        return (
            f"index: {self.articles:,} articles in the database, {self.indexed:,} in the index; "
            f"missing {len(self.missing)} (ids {', '.join(self.missing[:10])}), "
            f"extra {len(self.extra)} (ids {', '.join(self.extra[:10])})"
        )


def check_index() -> IndexCheck:
    """Compare the article ids the Whoosh index holds, read with Whoosh itself, with the database's."""
    path = settings.HAYSTACK_CONNECTIONS["default"]["PATH"]
    indexed: set[str] = set()
    if exists_in(path):
        with open_dir(path).searcher() as searcher:
            indexed = {document["django_id"] for document in searcher.documents(django_ct="archive.article")}
    stored = {str(pk) for pk in Article.objects.values_list("pk", flat=True)}
    by_number = lambda ids: sorted(ids, key=int)  # noqa: E731
    return IndexCheck(len(stored), len(indexed), by_number(stored - indexed), by_number(indexed - stored))


# --- The whole run --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Plan:
    """What to run: for each count of ``clients``, a plain scenario and one with writes."""

    clients: list[int]
    requests: int  # at most, per client and scenario
    seconds: float  # at most, per scenario
    import_articles: int
    workers: int
    timeout: float  # for the processes to start, and the queue to drain
    seed: int = 0


def run(plan: Plan, queries: list[str], write: Callable[[str], None]) -> IndexCheck:
    """Start the stack, run every scenario, writing each one's figures as it ends; the index check at the end.

    The imported articles are deleted before the writer is stopped, and the
    writer stops only once the queue is empty, so the index is compared with
    the database it should equal.
    """
    reads = Reads.from_archive(queries)
    write(
        f"archive: {Article.objects.count():,} articles; gunicorn with {plan.workers} workers; "
        f"scenarios of at most {plan.seconds:g} s or {plan.requests:,} requests a client"
    )
    halt = threading.Event()
    with tempfile.TemporaryDirectory(prefix="bench-load-") as temporary:
        folder, started = Path(temporary), time.perf_counter()
        log = LogWatch(folder / "gunicorn.log")
        with running_writer(plan.timeout):
            write(f"index writer ready (queue empty) after {time.perf_counter() - started:.1f} s")
            try:
                with editor_account() as account, running_site(plan.workers, plan.timeout, log.log) as port:
                    try:
                        _scenarios(plan, reads, port, account, folder, halt, log, write)
                    finally:
                        halt.set()  # the readers stop before gunicorn does
            finally:
                removed = remove_imported()
            started = time.perf_counter()
        write(
            f"removed {removed:,} imported articles; queue drained in {time.perf_counter() - started:.1f} s"
        )
    return check_index()


def _scenarios(plan, reads, port, account, folder, halt, log, write) -> None:
    """Each scenario's rows, written as it ends, with what gunicorn's log said meanwhile."""
    # Warm-up, not counted: each worker opens the index and fills its caches.
    read(port, reads, plan.workers * 2, 2 * len(READ_WEIGHTS), plan.seconds, plan.seed, halt)
    log.news()
    write(READ_HEADER)
    for number, clients in enumerate(plan.clients):
        seed = plan.seed + 2 * number
        plain = read(port, reads, clients, plan.requests, plan.seconds, seed, halt)
        write("\n".join([plain.row(f"{clients} clients"), *log.news()]))
        with writing(port, account, plan.import_articles, seed, folder) as (imported, saves):
            tally = read(port, reads, clients, plan.requests, plan.seconds, seed + 1, halt)
        write(tally.row(f"{clients} clients + writes"))
        write(imported.row(plan.import_articles))
        write("\n".join([saves.row(), *log.news()]))
