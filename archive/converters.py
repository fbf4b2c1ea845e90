"""The URL segment that names an article or an entity."""

from django.urls.converters import StringConverter


class SlugConverter(StringConverter):
    """A slug as the archive writes it (Arabic letters, digits, hyphens), but any text but a slash
    or a control character, so an unknown one reaches the view and gets its 404 page. A control
    character never reaches the database, which PostgreSQL would answer with an error (NUL)."""

    regex = r"[^/\x00-\x1f\x7f]+"
