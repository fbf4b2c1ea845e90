"""The search's settings: defaults here, each overridable as ``ARCHIVE_SEARCH_<NAME>``.

Read when used, never at import, so tests can override them.
"""

import os

from django.conf import settings

DEFAULTS = {
    # Results per page, on the search page and in the API.
    "PAGE_SIZE": 20,
    # Values of each facet a search shows (the most frequent; a chosen one is in every
    # result, so always among them): a name and a link each, which hundreds would cost.
    "FACET_VALUES": 12,
    # Characters of body text around the matches shown under a result.
    "SNIPPET_LENGTH": 240,
    # Suggest another spelling when a search finds fewer articles than this.
    "SUGGEST_BELOW": 3,
    # The most results a search's export (CSV, CSL-JSON) holds: the first ones, in the order asked.
    "EXPORT_LIMIT": 1000,
    # The longest query accepted, in characters.
    "MAX_QUERY_LENGTH": 500,
    # Seconds the index writer waits for Whoosh's lock before failing a batch.
    "WRITE_LOCK_TIMEOUT": 30.0,
    # Seconds between two looks at the queue when it is empty.
    "WRITER_POLL_INTERVAL": 0.25,
    # Seconds after the writer's last heartbeat (it beats on every look at the
    # queue) from which `check --deploy` warns that it is not running (search.W003).
    "WRITER_HEARTBEAT_LIMIT": 60.0,
    # Processes that analyse a large batch of update_index, rebuild_index or the
    # writer's queue (an import's) in parallel, and from how many documents a batch
    # counts as large: enough that each process's segment is not SMALL_SEGMENT,
    # which the writer merges.
    "INDEX_PROCESSES": os.cpu_count() or 1,
    "PARALLEL_BATCH": 4000,
    # Segments with fewer documents than this are merged by the index writer;
    # larger ones (a rebuild's) are left as they are.
    "SMALL_SEGMENT": 2000,
    # Queued changes written in one index transaction.
    "WRITER_BATCH_SIZE": 1000,
    # Megabytes of postings a writing process sorts in memory before it spills a sorted
    # run to disk (Whoosh's limitmb), for each process of a parallel batch.
    "WRITER_MEMORY_MB": 1024,
    # How much the running writer gives way to gunicorn for the processor (nice(2)):
    # readers come first, and the queue catches up when they leave it time.
    "WRITER_NICENESS": 10,
}


def get(name: str):
    return getattr(settings, f"ARCHIVE_SEARCH_{name}", DEFAULTS[name])
