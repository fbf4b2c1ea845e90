"""Sentences of Arabic text, and the lede a list shows of an article."""

from __future__ import annotations

import re

# A sentence ends in a full stop, an exclamation mark or the Arabic question mark (U+061F),
# or with its line.
SENTENCE = re.compile(r"[^.!؟\n]+[.!؟]")
LEDE_WORDS = 40


def sentences(text: str) -> list[str]:
    """The sentences of ``text``: runs ending in a full stop, a question or an exclamation mark.

    What follows the last mark of a line is a heading or a caption, not a sentence.
    """
    return [match.group().strip() for match in SENTENCE.finditer(text)]


def lede(text: str, most_words: int = LEDE_WORDS) -> str:
    """The first sentence of ``text``, or its opening words when that runs past ``most_words``.

    A text with no sentence mark gives its first line's opening words.
    """
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    found = sentences(first_line)
    opening = found[0] if found else first_line
    words = opening.split()
    return opening if len(words) <= most_words else " ".join(words[:most_words]) + "…"
