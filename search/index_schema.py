"""Whether the index on disk was built with the schema the code builds today.

Whoosh pickles the schema into the index's table of contents: field names,
field types, and each analyzer by its import path. haystack opens the index
passing the code's schema (``storage.open_index(schema=...)``), and Whoosh
then skips the pickled one (``TOC.read``), so an index built before a field
was renamed or an analyzer moved opens without an error and answers wrongly:
a renamed facet field counts nothing. Reading the pickled schema without
passing one tells the two apart; an analyzer whose module is gone does not
even unpickle.
"""

from __future__ import annotations

import types
from pathlib import Path

from haystack import connections
from haystack.constants import DEFAULT_ALIAS
from whoosh.fields import Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, EmptyIndexError, FileIndex


def built_with_another_schema(alias: str = DEFAULT_ALIAS) -> bool:
    """True when the index on disk was built with a schema other than the code's.

    A missing or empty index folder is not another schema: there is nothing to
    rebuild, and the writer fills an empty index by itself (``heal``). A server
    engine (no index folder) is never another schema here.
    """
    backend = connections[alias].get_backend()
    path = getattr(backend, "path", None)
    if not getattr(backend, "use_file_storage", False) or not path or not Path(path).is_dir():
        return False
    try:
        stored = stored_schema(path)
    except EmptyIndexError:
        return False
    except Exception:  # a class that moved or is gone, or a damaged table of contents: rebuild either way
        return True
    schema = code_schema(alias)
    return fingerprint(stored) != fingerprint(schema) or _holds_other_fields(path, schema)


def stored_schema(path: str) -> Schema:
    """The schema pickled in the latest table of contents of the index at ``path``.

    Raises ``EmptyIndexError`` when the folder holds no index, and whatever
    unpickling raises when the schema names a class that cannot be imported.
    """
    # No schema passed: TOC.read unpickles the stored one. "MAIN" is Whoosh's default index name.
    return TOC.read(FileStorage(path, readonly=True), "MAIN").schema


def _holds_other_fields(path: str, schema: Schema) -> bool:
    """Whether the index's segments hold terms of fields ``schema`` does not name.

    Each commit pickles the writer's schema into the table of contents, and
    haystack's writers carry the code's: one write into an old index makes
    its table of contents look current while its older segments still hold
    the old fields (a facet named ``people``), and their documents.
    """
    with FileIndex(FileStorage(path, readonly=True), schema=schema).reader() as reader:
        return not set(reader.indexed_field_names()) <= set(schema.names())


def code_schema(alias: str = DEFAULT_ALIAS) -> Schema:
    """The schema the backend builds from the search indexes, without opening or creating the index."""
    connection = connections[alias]
    _, schema = connection.get_backend().build_schema(connection.get_unified_index().all_searchfields())
    return schema


def fingerprint(schema: Schema) -> dict[str, object]:
    """Each field's type, options and analyzer, as comparable values.

    Not ``schema == other``: Whoosh's ``FieldType.__eq__`` compares neither
    the field's class nor its analyzer, and a ``NumericColumn`` (a sortable
    date's) has no ``__eq__``, so the same schema, unpickled, differs from itself.
    """
    return {name: _describe(field) for name, field in schema.items()}


def _describe(value, depth: int = 0) -> object:
    """``value`` as nested tuples of class paths and attributes, which compare by value."""
    if value is None or isinstance(value, str | bytes | int | float | bool):
        return value
    if isinstance(value, type | types.FunctionType | types.BuiltinFunctionType):
        return f"{value.__module__}.{value.__qualname__}"
    if depth > 8:  # analyzers are shallow; this only stops a cycle
        return _class_path(value)
    if isinstance(value, list | tuple):
        return tuple(_describe(item, depth + 1) for item in value)
    if isinstance(value, set | frozenset):
        return tuple(sorted(repr(_describe(item, depth + 1)) for item in value))
    if isinstance(value, dict):
        return tuple(sorted((str(key), _describe(item, depth + 1)) for key, item in value.items()))
    attributes = getattr(value, "__dict__", None)
    if attributes is None:
        # A compiled pattern's repr says what it is; a repr with an address
        # (a DATETIME's struct.Struct, derived from attributes described beside it) does not.
        text = repr(value)
        return (_class_path(value), None if " at 0x" in text else text)
    return (_class_path(value), _describe(attributes, depth + 1))


def _class_path(value) -> str:
    return f"{type(value).__module__}.{type(value).__qualname__}"
