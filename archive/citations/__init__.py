"""Citing articles as researchers do: one set of fields per article, each format a short renderer.

``fields.cite`` builds what every format writes from an article; ``reference``
writes it as an Arabic reference for the page, and ``csl_json``, ``ris``,
``bibtex`` and ``table`` (CSV) for reference managers and spreadsheets.
``formats`` names the downloads, their media types and file extensions.
"""
