"""Citations as BibTeX entries in biblatex's fields, which biber reads in UTF-8, Arabic included.

A newspaper article is biblatex's ``@article`` with ``entrysubtype = {newspaper}``
and the paper as ``journaltitle`` (biblatex manual, 2.1.1); without a known
paper it is ``@online``. ``date`` is ISO 8601, as precise as the source gives it.
Text is escaped for LaTeX: a brace, a backslash or ``%`` in a title must not
end a field or start a command. ``url`` is verbatim in biblatex and a
permalink is percent-encoded ASCII, so it is written as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from .fields import Citation

# LaTeX's special characters, written as text (the backslash first, so no escape is escaped again).
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_ESCAPES = str.maketrans(_LATEX)


def escape(text: str) -> str:
    """``text`` as LaTeX prints it literally."""
    return text.translate(_ESCAPES)


def _entry(citation: Citation) -> str:
    fields = [
        ("entrysubtype", "newspaper" if citation.outlet else ""),
        ("title", escape(citation.title)),
        ("journaltitle", escape(citation.outlet)),
        ("date", citation.published.isoformat() if citation.published else ""),
        ("url", citation.permalink),
        ("urldate", citation.accessed.isoformat()),
        # biblatex's language of hyphenation, by babel's name: the archive's texts are Arabic.
        ("langid", "arabic" if citation.language == "ar" else ""),
        ("note", escape(f"التاريخ الهجري: {citation.hijri}") if citation.hijri else ""),
    ]
    kind = "article" if citation.outlet else "online"
    lines = [f"  {name} = {{{value}}}," for name, value in fields if value]
    return "\n".join([f"@{kind}{{{citation.key},", *lines, "}"])


def render(citations: Iterable[Citation]) -> str:
    return "".join(f"{_entry(citation)}\n\n" for citation in citations)
