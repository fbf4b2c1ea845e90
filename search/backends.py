"""haystack's Whoosh backend, reading Arabic: the archive's analyzer everywhere.

Stock haystack falls back to English stemming for any text field without an
analyzer, highlights with an English ``StemmingAnalyzer`` whatever the field
uses, tokenises facet values, lets a query typed by a searcher run into the
filters around it, opens a fresh searcher for each query and loses a delete
when the index is locked. This backend overrides those parts and nothing else:

- the schema: Arabic analyzers, stored-only fields, keyword facets, no spelling
  field (suggestions read the exact field's words), word positions only where
  phrases are matched (the exact fields);
- the search: the searcher's words (``SearchQuerySet.matching``) are parsed apart
  from the filters, by ``ArabicQueryParser``, so no input can break out of them;
  facets are counted from per-reader sets of documents; highlighting marks the
  words the query matched, by the same analysis that indexed them, in bodies
  read from the database for the page's hits (an index's ``bodies(pks)``);
- writing: one transaction for a batch of updates and deletes, which waits for
  the index lock and raises when it cannot write; haystack's ``update_index``,
  ``rebuild_index`` and ``clear_index`` hold the index write lock, as the
  queue's writer does, and read their objects again under it (see ``search.indexing``).

The contract, what another engine (an OpenSearch backend, say) must provide for
the rest of the archive to work unchanged:

- ``apply_changes(updated, removed)``: write (index, object) pairs and delete
  identifiers in one transaction, raising on failure so the queue keeps them;
  ``update``/``remove``/``clear`` for haystack's commands, under the write lock;
- ``search(..., text=...)``: the searcher's own words arrive apart from the
  filters (``ArchiveSearchQuerySet.matching``) and are read with the query
  syntax of ``search.query`` and the analysis of ``search.analysis``;
- facets: for each requested field, (value, count) pairs, most frequent first,
  counted over every match, not the page;
- highlights: on request, each result's ``highlighted`` holds ``title`` and a
  ``body`` snippet as ``search.highlighting.Highlighted``, marking the words the
  query matched whatever their written form;
- ``spelling_suggestion`` when a search finds little, and ``more_like_this``;
- ``document_identifiers()``: what the index holds, which the writer compares with
  the database when the queue is empty;
- ``index_version()``: a key that changes whenever what a search finds may change
  (a commit, a rebuild), under which answers are kept (``search.answers``).
"""

from __future__ import annotations

import threading
from collections.abc import Set
from contextlib import suppress

from django.apps import apps
from haystack import connections
from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.models import SearchResult
from haystack.query import SearchQuerySet
from haystack.utils import get_identifier, get_model_ct
from whoosh import query as whoosh_query
from whoosh.collectors import FilterCollector, SortingCollector
from whoosh.columns import NumericColumn
from whoosh.fields import DATETIME, KEYWORD, STORED, TEXT
from whoosh.index import EmptyIndexError

from arabic.function_words import is_stop_word

from . import conf
from .analysis import arabic_analyzer
from .evaluation import matches
from .facets import FacetCounter
from .highlighting import QueryTerms, highlight, snippet
from .postings import CompactPositions
from .query import ArabicQueryParser
from .ranking import CachedLengthBM25F, TopAndEveryCollector, best, first_by, sort_field, sort_order
from .reopening import reopened
from .suggestions import suggest
from .writing import IndexWriting

EXACT_SUFFIX = "_exact"


class IndexUnavailable(Exception):
    """The index cannot be opened (damaged, or being replaced); the writer rebuilds it from the database."""


class ArabicWhooshSearchBackend(IndexWriting, WhooshSearchBackend):
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
                # Never Whoosh's English default; not sortable, which would copy every text. Only the
                # fields phrases are matched against (the exact ones) keep each word's positions.
                fieldtype = TEXT(
                    analyzer=field.analyzer or arabic_analyzer(), stored=field.stored, phrase=False
                )
                if name.endswith(EXACT_SUFFIX):
                    fieldtype.format = CompactPositions()
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

        Opened again with the readers of the segments the change left as
        they were (``search.reopening``), never by ``Searcher.refresh()``:
        whoosh-reloaded's refresh keeps the replaced segments beside the new
        ones, so an edited article would be found twice and a deleted one still found.
        """
        if not self.setup_complete:
            self.setup()
        current = getattr(self._local, "searcher", None)
        if current is None or not self._up_to_date(current):
            try:
                current = reopened(self.index, CachedLengthBM25F(), current)
            except Exception:
                # The index folder was deleted or replaced under this process: open
                # it anew (haystack makes an empty one for a deleted folder), and the
                # writer, finding it empty or damaged, indexes everything again.
                if current is not None:
                    with suppress(Exception):
                        current.close()
                current = self._reopened_searcher()
            self._local.searcher, self._local.facets = current, FacetCounter(current.reader())
        return current

    def _reopened_searcher(self):
        try:
            self.setup()
            return reopened(self.index, CachedLengthBM25F())
        except Exception as error:  # whatever Whoosh raises on a damaged index, the answer is the same
            raise IndexUnavailable(str(error)) from error

    def index_version(self) -> str:
        """What the index holds now, as a key: a commit or a rebuild changes it.

        The generation alone would not do: a rebuilt index counts its
        generations from the start again; its segments' names are new.
        """
        reader = self.searcher().reader()
        segments = sorted(leaf.segment().segment_id() for leaf, _ in reader.leaf_readers() if leaf.segment())
        return f"{reader.generation()}:{','.join(segments)}"

    @staticmethod
    def _up_to_date(searcher) -> bool:
        """Whether ``searcher`` reads the index's latest commit; not when the index is gone."""
        try:
            return searcher.up_to_date()
        except (EmptyIndexError, OSError):
            return False

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
        order = sort_order(sort_by)
        limit = max(1, end_offset if end_offset is not None else start_offset + conf.get("PAGE_SIZE"))
        scores = matches(searcher, terms_query) if terms_query is not None else None
        if scores is not None:
            for docnum in scores.keys() - allowed if allowed is not None else ():
                del scores[docnum]
            documents = set(scores)
            ranked = first_by(searcher, scores, order, limit) if order else best(scores, limit)
            hits = [(searcher.stored_fields(docnum), score) for docnum, score in ranked[start_offset:]]
        else:
            matching = (
                SortingCollector(sort_field(order), limit, order[1]) if order else TopAndEveryCollector(limit)
            )
            # Whoosh takes a filter only as a (mutable) set.
            collector = FilterCollector(matching, set(allowed), None) if allowed is not None else matching
            searcher.search_with_collector(wanted, collector)
            documents = matching.docset
            hits = [(hit.fields(), hit.score) for hit in collector.results()[start_offset:limit]]
        matched = QueryTerms.of(terms_query) if highlight and terms_query is not None else None
        bodies = self._bodies(stored for stored, _ in hits) if matched is not None else {}
        response = {
            "results": [self._result(stored, score, result_class, matched, bodies) for stored, score in hits],
            "hits": len(documents),
            "facets": self._facets(documents, facets) if facets else {},
            "spelling_suggestion": None,
        }
        if terms_query is not None and len(documents) < conf.get("SUGGEST_BELOW"):
            response["spelling_suggestion"] = suggest(
                searcher,
                text,
                self.text_parser,
                self.content_field_name + EXACT_SUFFIX,
                len(documents),
                self._texts,
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
        body = self._bodies([stored]).get(str(stored[DJANGO_ID]), "")
        text = "\n".join((str(stored.get("title") or ""), body))
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
            filter=set(allowed),  # Whoosh takes a filter only as a (mutable) set
            mask=whoosh_query.Term(ID, identifier),
        )
        return {
            "results": [
                self._result(hit.fields(), hit.score, result_class, None) for hit in found[start_offset:limit]
            ],
            "hits": found.estimated_length(),
        }

    def _allowed(self, searcher, query_string, narrow_queries, models) -> Set[int] | None:
        """The documents that haystack's filters, the narrowing and the models allow.

        Kept out of the scored query: an unscored term there (a model, a facet
        value) would stop Whoosh from skipping the blocks that cannot reach the
        page, and the sets of models and facet values are read once per reader.
        """
        allowed = None
        if models:
            by_model = self._local.facets.documents(DJANGO_CT)
            held = [by_model.get(get_model_ct(model), frozenset()) for model in models]
            allowed = held[0] if len(held) == 1 else frozenset().union(*held)
        for filters in (query_string, *(narrow_queries or ())):
            if filters and filters.strip() not in ("*", "*:*"):
                found = set(searcher.docs_for_query(self.parser.parse(filters)))
                allowed = found if allowed is None else allowed & found
        return allowed

    def _facets(self, documents: set[int], fields) -> dict:
        counter = self._local.facets
        return {
            "fields": counter.counts(fields, documents),
            "dates": {},
            "queries": {},
        }

    def _bodies(self, hits) -> dict[str, str]:
        """The bodies of ``hits`` (stored fields or Whoosh hits), by primary key, from the database.

        The index does not hold them: an index of a model whose text is the
        database's says so with a ``bodies(pks)`` method, asked once per model.
        """
        by_model: dict[str, list[str]] = {}
        for hit in hits:
            by_model.setdefault(hit[DJANGO_CT], []).append(hit[DJANGO_ID])
        unified, bodies = connections[self.connection_alias].get_unified_index(), {}
        for model_ct, pks in by_model.items():
            index = unified.get_index(apps.get_model(model_ct))
            if hasattr(index, "bodies"):
                bodies.update(index.bodies(pks))
        return bodies

    def _texts(self, stored: dict) -> list[str]:
        """What a document says: its stored texts, and its body from the database."""
        return [*(str(value) for value in stored.values()), *self._bodies([stored]).values()]

    def _result(
        self, stored: dict, score: float | None, result_class, matched: QueryTerms | None, bodies=None
    ) -> SearchResult:
        stored = dict(stored)
        app_label, model_name = stored.pop(DJANGO_CT).split(".")
        pk = stored.pop(DJANGO_ID)
        if matched is not None:
            stored["highlighted"] = {
                "title": highlight(stored.get("title", ""), matched),
                "body": snippet((bodies or {}).get(pk, ""), matched, conf.get("SNIPPET_LENGTH")),
            }
        return (result_class or SearchResult)(app_label, model_name, pk, score or 0, **stored)


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
