"""A mention in its sentence: the words before it, the name as written, the words after.

A sentence ends where ``arabic.sentences`` ends one (a full stop, a question or
an exclamation mark, a line); a long one is cut to a few words either side, at a
word's edge, with an ellipsis saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[.!؟\n]")
# Characters kept either side of the mention, at most: about a dozen words.
WIDTH = 90


@dataclass(frozen=True, slots=True)
class InContext:
    before: str
    mention: str
    after: str


def in_context(text: str, start: int, end: int, width: int = WIDTH) -> InContext:
    """``text[start:end]`` with the rest of its sentence, each side cut to ``width`` characters."""
    ends_before = [match.end() for match in SENTENCE_END.finditer(text, 0, start)]
    sentence_start = ends_before[-1] if ends_before else 0
    following = SENTENCE_END.search(text, end)
    sentence_end = following.end() if following else len(text)
    before = text[sentence_start:start].lstrip()
    after = text[end:sentence_end].rstrip()
    if len(before) > width:
        cut = before[-width:]
        before = "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
    if len(after) > width:
        cut = after[:width]
        after = (cut[: cut.rfind(" ")] if " " in cut.strip() else cut) + "…"
    return InContext(before, text[start:end], after)
