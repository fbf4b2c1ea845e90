"""Writing the index: one transaction a batch, under the index write lock, for the queue and haystack's commands alike.

A mixin of ``ArabicWhooshSearchBackend``: the writing half of the backend,
apart from its searching half. See ``search.indexing`` for the queue, the one
writer and the write lock.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.db.models import Model
from haystack import connections
from haystack.constants import ID
from haystack.exceptions import NotHandled
from haystack.utils import get_identifier
from whoosh.reading import SegmentReader
from whoosh.writing import NO_MERGE

from . import conf
from .indexing import index_write_lock
from .postings import CompactCodec


class IndexWriting:
    def apply_changes(
        self, updated: Iterable[tuple[object, Model]], removed: Iterable[str], processes: int = 1
    ) -> int:
        """Write ``updated`` (index, object) pairs and delete ``removed`` identifiers, all or none.

        Waits for Whoosh's lock rather than giving up, and raises on failure,
        so the caller keeps the changes queued. Takes no index write lock of
        its own: its callers hold it, around reading their objects too. With
        several ``processes``, each writes its own segment, left unmerged.
        Returns the documents written.
        """
        if not self.setup_complete:
            self.setup()
        writer = self.index.writer(
            timeout=conf.get("WRITE_LOCK_TIMEOUT"),
            procs=processes,
            multisegment=processes > 1,
            limitmb=conf.get("WRITER_MEMORY_MB"),
            codec=CompactCodec(),
        )
        written = 0
        try:
            for identifier in removed:
                writer.delete_by_term(ID, identifier)
            for index, obj in updated:
                document = {key: self._from_python(value) for key, value in index.full_prepare(obj).items()}
                document.pop("boost", None)
                writer.update_document(**document)
                written += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=_merge_small_segments if processes == 1 else NO_MERGE)
        return written

    def update(self, index, iterable, commit=True):
        """``update_index`` and ``rebuild_index``: write a batch, read again under the index write lock.

        haystack reads the batch before calling this, holding no lock: an
        editor may save one of its objects, and the writer write it, before
        this batch is written. So the objects are read again once the write
        lock is held (``search.indexing``), and only those still indexable
        are written, as they are now: the newer edit wins. A large batch is
        analysed by several processes; merging their segments would cost more
        than the analysis saved, and each is large enough (``PARALLEL_BATCH``)
        that the writer never merges it.
        """
        with index_write_lock(alias=self.connection_alias):
            documents = [(index, obj) for obj in _read_again(index, iterable, self.connection_alias)]
            large = len(documents) >= conf.get("PARALLEL_BATCH")
            self.apply_changes(documents, (), conf.get("INDEX_PROCESSES") if large else 1)

    def remove(self, obj_or_string, commit=True):
        """Remove a document, unless its object is indexable now (``update_index --remove``).

        haystack decides which documents are stale from the database's keys
        read earlier; an object an editor created since, and the writer
        indexed, would be removed with no task left to write it again.
        """
        identifier = get_identifier(obj_or_string)
        with index_write_lock(alias=self.connection_alias):
            current = _current_object(self.connection_alias, identifier)
            self.apply_changes([current] if current else (), () if current else [identifier])

    def clear(self, models=None, commit=True):
        """haystack's clear (``clear_index``, the first half of ``rebuild_index``), under the write lock.

        Clearing everything deletes the index folder and creates it again
        with the code's schema (haystack's ``delete_index``): no batch may
        be writing into it meanwhile.
        """
        with index_write_lock(alias=self.connection_alias):
            super().clear(models, commit)

    def document_identifiers(self) -> set[str]:
        """The identifier ("archive.article.12") of every document the index holds, deleted ones aside.

        Read from the unique ID field's terms, never from the stored texts, so
        that comparing a large index with the database costs seconds.
        """
        reader = self.searcher().reader()
        return {term.decode() for term in reader.lexicon(ID) if reader.postings(ID, term).is_active()}


def _read_again(index, objects: Iterable[Model], alias: str) -> list[Model]:
    """``objects`` as the database holds them now, those that ``index`` still indexes."""
    pks = [obj.pk for obj in objects]
    return list(index.index_queryset(using=alias).filter(pk__in=pks)) if pks else []


def _current_object(alias: str, identifier: str) -> tuple[object, Model] | None:
    """The (index, object) that haystack's ``identifier`` names, if the object is indexable now."""
    app_label, model_name, pk = identifier.split(".", 2)
    try:
        index = connections[alias].get_unified_index().get_index(apps.get_model(app_label, model_name))
    except (LookupError, NotHandled):
        return None
    obj = index.index_queryset(using=alias).filter(pk=pk).first()
    return (index, obj) if obj is not None else None


def _merge_small_segments(writer, segments):
    """Merge the segments under ``SMALL_SEGMENT`` documents, and only those.

    Whoosh's own policy (MERGE_SMALL) can decide, after a rebuild has left a
    few dozen large segments, to merge most of the index in one commit: minutes
    during which no queued edit reaches the index.
    """
    small = [segment for segment in segments if segment.doc_count_all() < conf.get("SMALL_SEGMENT")]
    if len(small) < 2:
        return segments
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in small]
