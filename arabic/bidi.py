"""Keeping what a person typed, or a date in figures, in its own direction inside Arabic text.

The Unicode bidirectional algorithm (UAX #9) reads the digits after an Arabic
letter as Arabic numbers (rule W2), and a hyphen between Arabic numbers takes
the paragraph's direction (W4 only joins them across a comma or a slash, N1):
"تاريخ غير مفهوم «2021-04-30»" shows the date as 30-04-2021. An isolate
(U+2066-U+2069) lays its text out on its own, as if it stood alone. Pages
isolate with mark-up (``<bdi>``, ``dir``); plain text, such as a form's error or a
command's message, with these characters.
"""

from __future__ import annotations

FIRST_STRONG_ISOLATE = "\u2068"
LEFT_TO_RIGHT_ISOLATE = "\u2066"
POP_DIRECTIONAL_ISOLATE = "\u2069"

# The longest input an error message quotes; a longer one is cut with an ellipsis.
QUOTED_MAX_CHARS = 40


def isolate(text: str) -> str:
    """``text`` laid out in the direction of its first letter, whatever surrounds it."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def isolate_ltr(text: str) -> str:
    """``text`` laid out left to right: an ISO date ("2021-04-21") or a file's path."""
    return f"{LEFT_TO_RIGHT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def quoted(text: str) -> str:
    """What a person typed, in Arabic quotation marks, isolated, and cut when it is long."""
    shown = text if len(text) <= QUOTED_MAX_CHARS else text[: QUOTED_MAX_CHARS - 1] + "…"
    return f"«{isolate(shown)}»"
