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
from whoosh.fields import KEYWORD, STORED, TEXT

from . import conf
from .arabic import arabic_analyzer, is_stop_word
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
        """This thread's searcher, refreshed only when the index has changed since."""
        if not self.setup_complete:
            self.setup()
        current = getattr(self._local, "searcher", None)
        fresh = current.refresh() if current is not None else self.index.searcher()
        if fresh is not current:
            self._local.searcher, self._local.facets = fresh, FacetCounter(fresh.reader())
        return fresh

    # Writing ----------------------------------------------------------------

    def apply_changes(self, updated: Iterable[tuple[object, Model]], removed: Iterable[str]) -> int:
        """Write ``updated`` (index, object) pairs and delete ``removed`` identifiers, all or none.

        Waits for the index lock rather than giving up, and raises on failure,
        so the caller keeps the changes queued. Returns the documents written.
        """
        if not self.setup_complete:
            self.setup()
        writer = self.index.writer(timeout=conf.get("WRITE_LOCK_TIMEOUT"))
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
        writer.commit()
        return written

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
        wanted = self._combined(terms_query, query_string, narrow_queries, models)
        field, reverse = _sort_field(sort_by)
        limit = end_offset if end_offset is not None else start_offset + conf.get("PAGE_SIZE")
        found = searcher.search(wanted, limit=max(limit, 1), sortedby=field, reverse=reverse)
        hits = found[start_offset:limit]
        matched = QueryTerms.of(terms_query) if highlight and terms_query is not None else None
        response = {
            "results": [self._result(hit, result_class, matched) for hit in hits],
            "hits": len(found),
            "facets": self._facets(searcher, wanted, facets) if facets else {},
            "spelling_suggestion": None,
        }
        if terms_query is not None and response["hits"] < conf.get("SUGGEST_BELOW"):
            response["spelling_suggestion"] = suggest(
                searcher, text, self.text_parser, self.content_field_name + EXACT_SUFFIX, response["hits"]
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
        if not key_terms:
            return {"results": [], "hits": 0}
        similar = whoosh_query.Or(key_terms)
        wanted = whoosh_query.AndNot(
            self._combined(similar, additional_query_string, None, models or [type(model_instance)]),
            whoosh_query.Term(ID, identifier),
        )
        limit = end_offset if end_offset is not None else start_offset + conf.get("PAGE_SIZE")
        found = searcher.search(wanted, limit=max(limit, 1))
        return {
            "results": [self._result(hit, result_class, None) for hit in found[start_offset:limit]],
            "hits": len(found),
        }

    def _combined(self, terms_query, query_string, narrow_queries, models) -> whoosh_query.Query:
        """The searcher's words AND haystack's filters AND the narrowing AND the models."""
        parts = [terms_query] if terms_query is not None else []
        for filters in (query_string, *(narrow_queries or ())):
            if filters and filters.strip() not in ("*", "*:*"):
                parts.append(self.parser.parse(filters))
        if models:
            parts.append(
                whoosh_query.Or([whoosh_query.Term(DJANGO_CT, get_model_ct(model)) for model in models])
            )
        return whoosh_query.And(parts).normalize() if parts else whoosh_query.Every()

    def _facets(self, searcher, wanted, fields) -> dict:
        documents = frozenset(searcher.docs_for_query(wanted))
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


def _sort_field(sort_by) -> tuple[str | None, bool]:
    """Whoosh's sort field and direction from haystack's ``order_by`` (one field)."""
    if not sort_by:
        return None, False
    field = sort_by[0]
    return field.lstrip("-"), field.startswith("-")


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
