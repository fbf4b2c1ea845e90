"""Function words: prepositions, pronouns, particles, which never decide what an article is about."""

from __future__ import annotations

from pyarabic import araby

from .normalization import normalize, strip_marks

# Function words, written as ``normalize`` writes them. They are indexed like
# any other word, so a quoted phrase that contains one ("الاتفاق على التعاون")
# still matches word for word; the query parser leaves them out of unquoted
# queries, so "في" or "على" never decides which article ranks first.
_STOP_WORDS = frozenset(
    normalize(word)
    for word in """
    في من إلى على عن مع عند لدى منذ حتى خلال بين ضد
    هذا هذه هذان هاتان هؤلاء ذلك تلك أولئك هنا هناك
    الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي
    ما ماذا لماذا كيف متى أين أي كل بعض
    هو هي هم هما هن أنا نحن أنت أنتم
    كان كانت كانوا يكون تكون ليس ليست
    لم لن لا قد لقد سوف أن إن أنه أنها إنه إنها
    أو أم ثم بل لكن كما إذا إذ لو لولا إلا أما أيضا يا
    له لها لهم لهما به بها بهم فيه فيها فيهم منه منها منهم
    عنه عنها عنهم عليه عليها عليهم إليه إليها
    """.split()
)
# "على" (on) and the name "علي" (Ali) are one word once alef maqsura is folded;
# only the spelling with ى is the preposition.
_NAMES_SPELT_LIKE_STOP_WORDS = frozenset({"علي"})
# Each function word also glued to the conjunctions و and ف: "وفي", "فقد".
_STOP_FORMS = frozenset(
    prefix + word for word in _STOP_WORDS - _NAMES_SPELT_LIKE_STOP_WORDS for prefix in ("", "و", "ف")
)
_NAME_FORMS = frozenset(prefix + word for word in _NAMES_SPELT_LIKE_STOP_WORDS for prefix in ("", "و", "ف"))


def is_stop_word(word: str, written: str = "") -> bool:
    """Whether a normalised word is a function word, alone or after و or ف.

    ``written`` is the word as it appears in the text; it tells "على" from "علي".
    """
    if word in _NAME_FORMS:
        return strip_marks(written).endswith(araby.ALEF_MAKSURA)
    return word in _STOP_FORMS


# Prepositions written joined to the word after them.
_JOINED_PREPOSITIONS = ("ب", "ل", "ك")


def is_function_word(word: str, written: str = "") -> bool:
    """Whether a normalised word is a function word, also behind a joined ب, ل or ك ("بأن", "لأن", "كذلك").

    Wider than ``is_stop_word``, which decides what the index leaves out of a
    query: this tells whether a word is worth offering or marking as a word of
    its own, where "بأن" is no more than "أن".
    """
    if is_stop_word(word, written):
        return True
    bare = strip_marks(written)
    return word.startswith(_JOINED_PREPOSITIONS) and is_stop_word(
        word[1:], bare[1:] if bare.startswith(word[0]) else ""
    )


def function_word_form(word: str) -> str:
    """The form a function word is indexed under: "على" keeps its ى, so it never answers "علي"."""
    return word[:-1] + araby.ALEF_MAKSURA if word in _NAME_FORMS else word
