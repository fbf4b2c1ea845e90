"""haystack's Whoosh backend, reading Arabic: the archive's analyzer everywhere.

Stock haystack falls back to English stemming for any text field without an
analyzer, highlights with an English ``StemmingAnalyzer`` whatever the field
uses, tokenises facet values, lets a query typed by a searcher run into the
filters around it, opens a fresh searcher for each query and loses a delete
when the index is locked. This backend overrides those parts and nothing else:

- the schema: Arabic analyzers, stored-only fields, keyword facets, no spelling
  field (suggestions read the exact field's words);
- the search: the searcher's words (``SearchQuerySet.matching``) are parsed apart
  from the filters, by ``ArabicQueryParser``, so no input can break out of them;
  facets are counted from per-reader sets of documents; highlighting marks the
  words the query matched, by the same analysis that indexed them;
- writing: one transaction for a batch of updates and deletes, which waits for
  the index lock and raises when it cannot write (see ``search.indexing``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from django.db.models import Model
from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.models import SearchResult
from haystack.query import SearchQuerySet
from haystack.utils import get_identifier, get_model_ct
from whoosh import query as whoosh_query
from whoosh import scoring, sorting
from whoosh.collectors import FilterCollector, SortingCollector, TopCollector
from whoosh.columns import NumericColumn
from whoosh.fields import DATETIME, KEYWORD, STORED, TEXT
from whoosh.reading import SegmentReader
from whoosh.writing import NO_MERGE

from arabic.function_words import is_stop_word

from . import conf
from .analysis import arabic_analyzer
from .facets import FacetCounter
from .highlighting import QueryTerms, highlight, snippet
from .query import ArabicQueryParser
from .suggestions import suggest

EXACT_SUFFIX = "_exact"


class ArabicWhooshSearchBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        self._local = threading.local()

    # The schema -------------------------------------------------------------

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field in fields.values():
            name = field.index_fieldname
            if not field.indexed:
                fieldtype = STORED()
            elif field.is_multivalued:
                # A facet value is one slug, matched whole, never scored.
                fieldtype = KEYWORD(stored=True, commas=True, scorable=False)
            elif isinstance(schema[name], DATETIME):
                # An undated article sorts as the oldest: last when the newest come first.
                fieldtype = DATETIME(stored=field.stored, sortable=NumericColumn("Q", default=0))
            elif isinstance(schema[name], TEXT):
                # Never Whoosh's English default; not sortable, which would copy every text.
                fieldtype = TEXT(
                    analyzer=field.analyzer or arabic_analyzer(), stored=field.stored, phrase=True
                )
            else:
                continue
            schema.remove(name)
            schema.add(name, fieldtype)
        return content_field_name, schema

    def setup(self):
        super().setup()
        exact_field = self.content_field_name + EXACT_SUFFIX
        self.text_parser = ArabicQueryParser(
            self.content_field_name,
            self.schema,
            phrase_field=exact_field if exact_field in self.schema else None,
        )

    def searcher(self):
        """This thread's searcher, opened again only when the index has changed since.

        A new one, not ``Searcher.refresh()``: whoosh-reloaded's refresh keeps
        the replaced segments beside the new ones, so an edited article would
        be found twice and a deleted one still found.
        """
        if not self.setup_complete:
            self.setup()
        current = getattr(self._local, "searcher", None)
        if current is None or not current.up_to_date():
            if current is not None:
                current.close()
            current = self.index.searcher(weighting=_CachedLengthBM25F())
            self._local.searcher, self._local.facets = current, FacetCounter(current.reader())
        return current

    # Writing ----------------------------------------------------------------

    def apply_changes(
        self, updated: Iterable[tuple[object, Model]], removed: Iterable[str], processes: int = 1
    ) -> int:
        """Write ``updated`` (index, object) pairs and delete ``removed`` identifiers, all or none.

        Waits for the index lock rather than giving up, and raises on failure,
        so the caller keeps the changes queued. With several ``processes``, each
        writes its own segment, left unmerged. Returns the documents written.
        """
        if not self.setup_complete:
            self.setup()
        writer = self.index.writer(
            timeout=conf.get("WRITE_LOCK_TIMEOUT"), procs=processes, multisegment=processes > 1, limitmb=1024
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
        """``update_index`` and ``rebuild_index``: a large batch is analysed by several processes.

        Merging their segments would cost more than the analysis saved, and
        each is large enough (``PARALLEL_BATCH``) that the writer never merges it.
        """
        documents = [(index, obj) for obj in iterable]
        large = len(documents) >= conf.get("PARALLEL_BATCH")
        self.apply_changes(documents, (), conf.get("INDEX_PROCESSES") if large else 1)

    def remove(self, obj_or_string, commit=True):
        self.apply_changes((), [get_identifier(obj_or_string)])

    # Searching --------------------------------------------------------------

    def search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        highlight=False,
        facets=None,
        narrow_queries=None,
        models=None,
        result_class=None,
        text="",
        **kwargs,
    ):
        searcher = self.searcher()
        terms_query = self.text_parser.parse(text) if text.strip() else None
        wanted = terms_query if terms_query is not None else whoosh_query.Every()
        allowed = self._allowed(searcher, query_string, narrow_queries, models)
        if allowed is not None and not allowed:
            # Whoosh reads an empty filter as no filter at all.
            return {"results": [], "hits": 0, "facets": {}, "spelling_suggestion": None}
        field, reverse = _sort_field(sort_by)
        limit = max(1, end_offset if end_offset is not None else start_offset + conf.get("PAGE_SIZE"))
        matching = SortingCollector(field, limit, reverse) if field else _TopAndEveryCollector(limit)
        collector = FilterCollector(matching, allowed, None) if allowed is not None else matching
        searcher.search_with_collector(wanted, collector)
        found = collector.results()
        documents = matching.docset
        matched = QueryTerms.of(terms_query) if highlight and terms_query is not None else None
        response = {
            "results": [self._result(hit, result_class, matched) for hit in found[start_offset:limit]],
            "hits": len(documents),
            "facets": self._facets(documents, facets) if facets else {},
            "spelling_suggestion": None,
        }
        if terms_query is not None and len(documents) < conf.get("SUGGEST_BELOW"):
            response["spelling_suggestion"] = suggest(
                searcher, text, self.text_parser, self.content_field_name + EXACT_SUFFIX, len(documents)
            )
        return response

    def more_like_this(
        self,
        model_instance,
        additional_query_string=None,
        start_offset=0,
        end_offset=None,
        models=None,
        result_class=None,
        **kwargs,
    ):
        """Articles sharing the key words of ``model_instance``'s stored text, itself left out."""
        searcher = self.searcher()
        identifier = get_identifier(model_instance)
        stored = searcher.document(**{ID: identifier})
        if not stored:
            return {"results": [], "hits": 0}
        text = "\n".join(str(stored.get(name) or "") for name in ("title", "body"))
        key_terms = [
            whoosh_query.Term(self.content_field_name, term, boost=weight)
            for term, weight in searcher.key_terms_from_text(self.content_field_name, text, numterms=20)
            if not is_stop_word(term)
        ]
        allowed = self._allowed(searcher, additional_query_string, None, models or [type(model_instance)])
        if not key_terms or not allowed:
            return {"results": [], "hits": 0}
        limit = end_offset if end_offset is not None else start_offset + conf.get("PAGE_SIZE")
        found = searcher.search(
            whoosh_query.Or(key_terms),
            limit=max(limit, 1),
            filter=allowed,
            mask=whoosh_query.Term(ID, identifier),
        )
        return {
            "results": [self._result(hit, result_class, None) for hit in found[start_offset:limit]],
            "hits": found.estimated_length(),
        }

    def _allowed(self, searcher, query_string, narrow_queries, models) -> set[int] | None:
        """The documents that haystack's filters, the narrowing and the models allow.

        Kept out of the scored query: an unscored term there (a model, a facet
        value) would stop Whoosh from skipping the blocks that cannot reach the
        page, and the sets of models and facet values are read once per reader.
        """
        allowed = None
        if models:
            by_model = self._local.facets.documents(DJANGO_CT)
            allowed = set().union(*(by_model.get(get_model_ct(model), ()) for model in models))
        for filters in (query_string, *(narrow_queries or ())):
            if filters and filters.strip() not in ("*", "*:*"):
                found = set(searcher.docs_for_query(self.parser.parse(filters)))
                allowed = found if allowed is None else allowed & found
        return allowed

    def _facets(self, documents: set[int], fields) -> dict:
        counter = self._local.facets
        return {
            "fields": {field: counter.counts(field, documents) for field in fields},
            "dates": {},
            "queries": {},
        }

    def _result(self, hit, result_class, matched: QueryTerms | None) -> SearchResult:
        stored = dict(hit.fields())
        app_label, model_name = stored.pop(DJANGO_CT).split(".")
        pk = stored.pop(DJANGO_ID)
        if matched is not None:
            stored["highlighted"] = {
                "title": highlight(stored.get("title", ""), matched),
                "body": snippet(stored.get("body", ""), matched, conf.get("SNIPPET_LENGTH")),
            }
        return (result_class or SearchResult)(app_label, model_name, pk, hit.score or 0, **stored)


class _CachedLengthBM25F(scoring.BM25F):
    """Whoosh's BM25F, reading each document's field length from a list kept per segment.

    Stock BM25F reads the length from disk for every hit of every term: a
    quarter of a search's time when the words are common.
    """

    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf)
        if isinstance(scorer, scoring.BM25FScorer):
            scorer.dfl = _field_lengths(searcher, fieldname).__getitem__
        return scorer


def _field_lengths(searcher, fieldname: str) -> list[int]:
    """The length of ``fieldname`` in each document of the segment ``searcher`` reads, read once."""
    cached = searcher.__dict__.setdefault("_field_lengths", {})
    if fieldname not in cached:
        length = searcher.doc_field_length
        cached[fieldname] = [length(docnum, fieldname, 1) for docnum in range(searcher.doc_count_all())]
    return cached[fieldname]


class _TopAndEveryCollector(TopCollector):
    """The best ``limit`` documents by score, and every match: page, count and facets in one pass.

    Whoosh's own top-N collector can skip blocks that cannot reach the page, but
    then counts the matches in a second pass; in news, where the words searched
    for are in most articles, it seldom skips, and the second pass costs a third.
    """

    def __init__(self, limit: int):
        super().__init__(limit, usequality=False)

    def _collect(self, global_docnum, score):
        self.docset.add(global_docnum)
        return super()._collect(global_docnum, score)


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


def _sort_field(sort_by) -> tuple[sorting.FacetType | None, bool]:
    """Whoosh's sort key and direction from haystack's ``order_by`` (one field).

    A document without a value (an undated article) sorts last either way.
    """
    if not sort_by:
        return None, False
    field, reverse = sort_by[0].lstrip("-"), sort_by[0].startswith("-")
    last = 0 if reverse else 2**64 - 1
    return sorting.TranslateFacet(lambda value: value or last, sorting.FieldFacet(field)), reverse


class ArabicSearchQuery(WhooshSearchQuery):
    """haystack's query, carrying the searcher's own words apart from the filters."""

    def __init__(self, using=None, **kwargs):
        super().__init__(**({"using": using} if using else {}), **kwargs)
        self.text = ""

    def _clone(self, klass=None, using=None):
        clone = super()._clone(klass, using)
        clone.text = self.text
        return clone

    def build_params(self, spelling_query=None):
        return {**super().build_params(spelling_query), "text": self.text}


class ArchiveSearchQuerySet(SearchQuerySet):
    def matching(self, text: str) -> ArchiveSearchQuerySet:
        """Results for ``text`` as a searcher typed it: words, "phrases", OR, -word."""
        clone = self._clone()
        clone.query.text = text
        return clone


class ArabicWhooshEngine(BaseEngine):
    backend = ArabicWhooshSearchBackend
    query = ArabicSearchQuery
