"""Keeping the index fresh: a queue of changes in the database, drained by one writer.

Why. Stock haystack's ``RealtimeSignalProcessor`` writes Whoosh inside the
request that saves, and Whoosh admits one writer at a time. In a trial of 4
processes each making 50 saves, it silently lost deletes in half the runs
(``remove()`` asks for a writer without waiting and only logs the
``LockError``), and once raised ``FileNotFoundError`` from ``save()`` after the
database had committed. The queue below lost nothing in 9 runs of 9, and saves
were 3-4 times faster: a save only inserts one row.

How.

- ``search.signals`` inserts an ``IndexTask`` row (model, pk) for each object
  whose document an edit makes stale, inside the edit's own transaction: a
  rolled-back edit leaves no row, a committed one always has its row, whatever
  becomes of the process. (The archive's models save in a transaction of their
  own, and Django deletes in one, so even a bare ``save()`` commits with its row.)
- One writer (``manage.py index_writer``) takes the oldest rows, reads their
  objects as they are now and writes their documents, removing those of the
  objects that are gone, in one Whoosh transaction; only then does it delete the
  rows it took. A failed write deletes nothing, so the batch is tried again; a
  row queued during a batch is not taken, so its object is written again later.
  Writing a document twice is harmless; skipping one is what must never happen.
- One writer process per index (``writer_lock``, an flock held for the
  writer's life, which the kernel releases when the process ends, however it
  ends), so two writers never drain the same rows.
- One write at a time, whatever writes (``index_write_lock``): each batch the
  writer drains, each batch of haystack's ``update_index``/``rebuild_index``,
  and ``clear_index`` read their objects and write them holding it. Without it,
  a rebuild that read an article before an editor saved it could write its old
  copy after the writer had written the new one, and the index would stay
  stale with an empty queue. With it, an edit saved after a batch read its
  objects is queued, and the writer writes it only once that batch is written;
  an edit saved before is read by the batch.
- An index built with another schema (a renamed field, a moved analyzer) is
  cleared and written again by the writer (``heal``): haystack would open it
  with the code's schema and silently answer wrongly.
"""

from __future__ import annotations

import fcntl
import itertools
import logging
import signal
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import close_old_connections
from django.db.models import Model
from haystack import connections
from haystack.constants import DEFAULT_ALIAS
from haystack.exceptions import NotHandled
from haystack.query import SearchQuerySet

from archive.linking import relink_queued

from . import conf
from .index_schema import built_with_another_schema
from .models import IndexTask

log = logging.getLogger(__name__)

# Objects of a batch read from the database at a time, while the ones before are written.
READ_CHUNK = 200
# The longest pause, in seconds, between two tries of a batch that keeps failing.
MAX_RETRY_DELAY = 10.0


class WriterAlreadyRunning(Exception):
    """Another process is the index's writer."""


# Queueing -------------------------------------------------------------------


def enqueue(objects: Iterable[Model], using: str | None = None) -> None:
    """Queue ``objects`` for the writer, in the caller's transaction."""
    _insert(((obj._meta.label_lower, obj.pk) for obj in objects), using)


def enqueue_pks(model: type[Model], pks: Iterable, using: str | None = None) -> None:
    """Queue the objects of ``model`` with these primary keys, without loading them."""
    _insert(((model._meta.label_lower, pk) for pk in pks), using)


def _insert(keys: Iterable[tuple[str, object]], using: str | None) -> None:
    tasks = [IndexTask(model=label, object_pk=str(pk)) for label, pk in keys]
    IndexTask.objects.using(using).bulk_create(tasks)


def enqueue_all() -> int:
    """Queue every object the indexes hold that is not queued already, to write a new index; how many
    were queued. An import's articles queued before would otherwise be written twice."""
    total = 0
    for model, index in _unified_index().get_indexes().items():
        waiting = set(
            IndexTask.objects.filter(model=model._meta.label_lower).values_list("object_pk", flat=True)
        )
        pks = [
            pk
            for pk in index.index_queryset(using=DEFAULT_ALIAS).values_list("pk", flat=True)
            if str(pk) not in waiting
        ]
        enqueue_pks(model, pks)
        total += len(pks)
    return total


def heal(stop: threading.Event | None = None) -> int:
    """Queue everything when the index was built with another schema, or is empty but the archive is not,
    and what the index lacks or holds beyond the database when the two differ.

    Returns how many were queued. An empty index is a new or a deleted index folder.
    """
    return _rebuild_another_schema(stop) or _fill_empty_index()


def _rebuild_another_schema(stop: threading.Event | None) -> int:
    """Clear an index built with another schema and queue everything; how many were queued.

    haystack opens any index with the code's schema, so an old index is not an
    error but wrong answers (a renamed facet field counts nothing). Checked and
    cleared under the write lock, so no rebuild batch falls between the two.
    """
    with index_write_lock(stop) as held:
        if not held or not built_with_another_schema():
            return 0
        log.warning("بُني فهرس البحث بمخطط غير مخطط الشيفرة الحالية (حقول أو محلل آخر): يُمسح ويُبنى من جديد.")
        connections[DEFAULT_ALIAS].get_backend().clear()  # haystack's clear() recreates it with the schema
        queued = enqueue_all()
    log.warning("أُدرج كل ما يُفهرس (%d) في الطابور ليُكتب في الفهرس بالمخطط الحالي.", queued)
    return queued


def _fill_empty_index() -> int:
    indexes = _unified_index().get_indexes().values()
    if SearchQuerySet(using=DEFAULT_ALIAS).count() or not any(
        index.index_queryset(using=DEFAULT_ALIAS).exists() for index in indexes
    ):
        return _fill_incomplete_index()
    queued = enqueue_all()
    log.warning("الفهرس فارغ والأرشيف فيه بيانات: أُدرج كل ما يُفهرس (%d) في الطابور.", queued)
    return queued


def _fill_incomplete_index() -> int:
    """Queue the objects the index lacks, and the documents it holds of objects that are gone.

    Looked at only with the queue empty, when both must agree: an index folder
    restored from an old copy, or segments lost to a full disk, hold other
    documents than the database, and no edit would ever put them right.
    """
    if IndexTask.objects.exists():
        return 0
    indexed = connections[DEFAULT_ALIAS].get_backend().document_identifiers()
    queued = 0
    for model, index in _unified_index().get_indexes().items():
        label = model._meta.label_lower
        pks = index.index_queryset(using=DEFAULT_ALIAS).values_list("pk", flat=True)
        stored = {f"{label}.{pk}" for pk in pks}
        held = {identifier for identifier in indexed if identifier.rpartition(".")[0] == label}
        # Both sides: the writer writes the objects missing from the index and
        # removes the documents of those that are gone.
        differing = stored ^ held
        enqueue_pks(model, sorted(identifier.rpartition(".")[2] for identifier in differing))
        queued += len(differing)
    if queued:
        log.warning("الفهرس لا يطابق قاعدة البيانات: أُدرج ما ينقصه وما يزيد عليها (%d) في الطابور.", queued)
    return queued


# Draining -------------------------------------------------------------------


def drain(batch_size: int | None = None, stop: threading.Event | None = None) -> int:
    """Index the queued changes, oldest first, a batch at a time, until none is left or ``stop`` is set.

    Returns how many tasks were done. A batch that cannot be written raises,
    and its tasks stay queued. Each batch holds the index write lock from
    taking its rows to deleting them, so that it reads its objects after any
    batch of a rebuild that was writing; ``stop`` set while waiting for the
    lock leaves the batch queued.

    A queue longer than ``PARALLEL_BATCH`` (an import's) is taken that many
    at a time and analysed by several processes, as a rebuild's batches are:
    one process falls ever further behind an import.
    """
    done = 0
    while not (stop and stop.is_set()):
        if not IndexTask.objects.exists():
            break  # an idle writer looks without locking, and never delays a rebuild's batch
        with index_write_lock(stop) as held:
            if not held:
                break
            taken = batch_size or _batch_size()
            tasks = list(IndexTask.objects.order_by("id").values_list("id", "model", "object_pk")[:taken])
            if not tasks:
                break
            _write(tasks)
            taken = [task_id for task_id, _, _ in tasks]
            # Exactly the rows taken: one queued meanwhile for the same object stays, and is done again.
            IndexTask.objects.filter(id__lte=taken[-1], id__in=taken).delete()
        done += len(tasks)
    return done


def _batch_size() -> int:
    """A large batch when an import's worth is waiting, a small one otherwise, so that an edit is written soon."""
    large = conf.get("PARALLEL_BATCH")
    waiting = IndexTask.objects.order_by("id").values_list("id", flat=True)[large - 1 : large].exists()
    return large if waiting else conf.get("WRITER_BATCH_SIZE")


def _write(tasks: list[tuple[int, str, str]]) -> None:
    """Write the documents of the tasks' objects as they are now; remove those of the gone ones.

    The objects are read a few hundred at a time while they are written, not
    all at once: an article with its mentions, entities and their spellings is
    tens of objects, and a large batch of them is most of the writer's memory.
    """
    pks_by_label: dict[str, set[str]] = defaultdict(set)
    for _, label, pk in tasks:
        pks_by_label[label].add(pk)
    unified = _unified_index()
    updated, removed, count = [], [], 0
    for label, pks in pks_by_label.items():
        try:
            index = unified.get_index(apps.get_model(label))
        except (LookupError, NotHandled):
            # Queued before a deploy that stopped indexing this model: nothing to write.
            log.warning("تُركت مهام فهرسة لنموذج لم يعد يُفهرس: %s", label)
            continue
        objects = index.index_queryset(using=DEFAULT_ALIAS).filter(pk__in=pks)
        present = {str(pk) for pk in objects.values_list("pk", flat=True)}
        updated.append(zip(itertools.repeat(index), objects.iterator(chunk_size=READ_CHUNK), strict=False))
        count += len(present)
        # haystack's identifier of a document: "app_label.model_name.pk".
        removed += [f"{label}.{pk}" for pk in pks - present]
    processes = conf.get("INDEX_PROCESSES") if count >= conf.get("PARALLEL_BATCH") else 1
    connections[DEFAULT_ALIAS].get_backend().apply_changes(itertools.chain(*updated), removed, processes)


def _unified_index():
    return connections[DEFAULT_ALIAS].get_unified_index()


# Files beside the index ---------------------------------------------------------


def beside_index(suffix: str, alias: str = DEFAULT_ALIAS) -> Path:
    """A file beside the index folder, named after it: ``<index>.<suffix>``.

    Beside, not in it: ``rebuild_index`` deletes the folder (haystack's
    ``delete_index`` is an ``rmtree``), and a lock in it would vanish with it.
    A server engine has no folder; its files are in the data folder.
    """
    index = Path(connections[alias].options.get("PATH") or settings.DATA_DIR / "search_index")
    return index.with_name(f"{index.name}.{suffix}")


def heartbeat_path() -> Path:
    """The file the running writer touches on every turn of its loop (read by the ``search.W003`` check)."""
    return beside_index("writer.heartbeat")


def _beat() -> None:
    heartbeat_path().touch()


# One write at a time ------------------------------------------------------------

_holding = threading.local()


@contextmanager
def index_write_lock(stop: threading.Event | None = None, alias: str = DEFAULT_ALIAS) -> Iterator[bool]:
    """Hold the index write lock while inside: yields True, or False if ``stop`` was set while waiting.

    Every path that writes the index holds it around reading its objects and
    writing them (see the module's docstring). Whoosh's own lock is not enough:
    it is taken by ``index.writer()``, after haystack has read the objects.

    Without ``stop`` (haystack's commands) it waits as long as it takes,
    saying so once. With ``stop`` (the writer) it polls, so that SIGTERM stops
    a writer waiting behind a long rebuild. Reentrant in one thread: flock
    locks an open file, so a second ``open()`` of the file in the same
    thread would wait forever for the first. Two threads conflict as two
    processes do, which is what a rebuild beside a writer in one process needs.
    """
    if getattr(_holding, "alias", None) == alias:
        yield True
        return
    path = beside_index("write.lock", alias)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:  # closing it releases the flock
        if not _take(handle, path, stop):
            yield False
            return
        _holding.alias = alias
        try:
            yield True
        finally:
            _holding.alias = None


def _take(handle, path: Path, stop: threading.Event | None) -> bool:
    """flock ``handle``, waiting if another write holds it; False if ``stop`` is set first."""
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        # Routine for the writer during a rebuild; worth saying to whoever ran a haystack command.
        level = logging.INFO if stop else logging.WARNING
        log.log(level, "ينتظر قفل الكتابة في الفهرس (%s): عملية أخرى تكتب فيه الآن.", path)
    if stop is None:
        fcntl.flock(handle, fcntl.LOCK_EX)
        return True
    while not stop.wait(conf.get("WRITER_POLL_INTERVAL")):
        _beat()  # waiting behind a rebuild is not being stopped
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            continue
    return False


# The writer -----------------------------------------------------------------


@contextmanager
def writer_lock() -> Iterator[None]:
    """Be the index's only writer process while inside, or raise ``WriterAlreadyRunning``."""
    path = beside_index("writer.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WriterAlreadyRunning(
                f"كاتب آخر للفهرس يعمل الآن (يمسك القفل {path})، ولا يكتب الفهرس إلا كاتب واحد. "
                "ذلك الكاتب يفهرس كل ما في الطابور؛ أوقفه أولًا إن أردت تشغيل غيره."
            ) from None
        yield


def run_writer(stop: threading.Event | None = None, once: bool = False) -> int:
    """Be the index's writer: heal the index, then drain the queue once, or until stopped.

    Before each drain it links again the articles of the entities whose names
    changed (``archive.linking.relink_queued``): the mentions it changes queue
    their articles, which the drain then writes.

    Without ``stop``, SIGTERM and SIGINT stop it, after the batch being
    written. Healing (see ``heal``) runs at the start and after a failure,
    inside the loop, so that nothing it meets stops the writer. A failed batch
    is logged and tried again after a pause that doubles up to
    ``MAX_RETRY_DELAY``. Each turn touches the heartbeat file, which the
    ``search.W003`` check reads. Returns how many tasks were done.
    """
    with writer_lock():
        if once:
            heal()
            relink_queued()
            return drain()
        stop = stop or _stop_on_signals()
        poll = conf.get("WRITER_POLL_INTERVAL")
        done = failures = 0
        must_heal = True  # at the start, and after a failure
        log.info("كاتب الفهرس يعمل.")
        while not stop.is_set():
            _beat()
            close_old_connections()
            try:
                if must_heal:
                    heal(stop)  # a failure may have been a deleted index folder
                    must_heal = False
                relink_queued()  # what it links, it queues for the index
                done += drain(stop=stop)
            except Exception:
                failures += 1
                must_heal = True
                delay = min(poll * 2**failures, MAX_RETRY_DELAY)
                log.exception("تعذّرت كتابة دفعة في الفهرس؛ بقيت في الطابور وتُعاد بعد %.1f ث.", delay)
                # A fresh backend opens the index again, and makes its folder if it was deleted.
                connections.reload(DEFAULT_ALIAS)
                stop.wait(delay)
            else:
                failures = 0
                stop.wait(poll)
        log.info("توقف كاتب الفهرس؛ المهام المنجزة: %d.", done)
        return done


def _stop_on_signals() -> threading.Event:
    """An event that SIGTERM and SIGINT set, so a batch is finished rather than cut."""
    stop = threading.Event()
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: stop.set())
    return stop
