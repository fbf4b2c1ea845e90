"""How well the linker names entities, measured on paragraphs a person has marked.

A case file is JSON Lines, one paragraph a line (``fixtures/linking/README.md``):
its text, every mention of a known entity, the look-alikes (words that look like
a known name and are not that entity) and the names of people, organisations and
agreements the archive does not know. The linker runs on each text with the
gazetteer of the database, and nothing is saved.

A predicted mention is correct when its text, normalised, and its entity equal a
marked mention of its paragraph not matched yet; a look-alike counts as linked
when any predicted mention overlaps it. The names the archive does not know are
scored the same way against the names it suggests (``archive.suggesting``): an
unknown name is suggested when a suggestion of its kind writes it, normalised,
and a suggestion that writes none of them is a false one.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from arabic.normalization import normalize

from . import numerals
from .linking import Gazetteer
from .models import ENTITY_MODELS, Entity
from .suggesting import suggest_names

FIELDS = ("text", "mentions", "lookalikes", "unknown")


class CaseFileError(ValueError):
    """A case file that cannot be scored; the message says where and what to fix."""


class _Invalid(ValueError):
    """A problem in one line, before the line's number is known to the message."""


@dataclass(frozen=True, slots=True)
class Marked:
    """A name as the paragraph writes it, and what it names: an entity's slug or a kind."""

    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Case:
    line: int
    text: str
    mentions: tuple[Marked, ...]
    lookalikes: tuple[str, ...]
    unknown: tuple[Marked, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """A mention, predicted or marked, in the paragraph on ``line`` of the case file."""

    line: int
    text: str
    slug: str


@dataclass
class Score:
    paragraphs: int = 0
    gold: int = 0
    linked: int = 0
    correct: int = 0
    lookalikes: int = 0
    lookalikes_linked: int = 0
    unknown: int = 0
    suggested: int = 0
    unknown_suggested: int = 0
    wrong: list[Link] = field(default_factory=list)
    missed: list[Link] = field(default_factory=list)
    # Of the suggestions, those that are no unknown name, and the unknown names none suggests;
    # a ``Link``'s slug is then the kind of name.
    false_suggestions: list[Link] = field(default_factory=list)
    unsuggested: list[Link] = field(default_factory=list)

    # With nothing linked, nothing was linked wrong; with nothing to find, nothing was missed.
    @property
    def precision(self) -> float:
        return self.correct / self.linked if self.linked else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def suggested_share(self) -> float:
        """The share of the unknown names that are suggested."""
        return self.unknown_suggested / self.unknown if self.unknown else 1.0


def load_cases(path: str | Path) -> list[Case]:
    """Every paragraph of the file at ``path``, checked against the entities of the database."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as error:
        raise CaseFileError(f"لا ملف في {path}.") from error
    except IsADirectoryError as error:
        raise CaseFileError(f"{path} مجلد، ويُنتظر ملف JSON Lines.") from error
    except UnicodeDecodeError as error:
        raise CaseFileError(f"الملف {path} ليس نصًّا بترميز UTF-8.") from error
    except OSError as error:
        raise CaseFileError(f"تعذّرت قراءة الملف {path}: {error.strerror}.") from error
    slugs = frozenset(Entity.objects.values_list("slug", flat=True))
    cases = [_parse_line(number, line, slugs) for number, line in enumerate(lines, 1) if line.strip()]
    if not cases:
        raise CaseFileError(f"لا فقرات في الملف {path}: يُنتظر سطر JSON لكل فقرة.")
    return cases


def _parse_line(number: int, line: str, slugs: frozenset[str]) -> Case:
    try:
        return _case(number, json.loads(line), slugs)
    except json.JSONDecodeError as error:
        problem = f"ليس JSON صالحًا (العمود {numerals.number(error.colno)})"
    except _Invalid as error:
        problem = str(error)
    raise CaseFileError(f"السطر {numerals.number(number)}: {problem}.")


def _case(number: int, record: object, slugs: frozenset[str]) -> Case:
    if not isinstance(record, dict):
        raise _Invalid("يُنتظر كائن JSON فيه النص (text)")
    if unexpected := sorted(set(record) - set(FIELDS)):
        raise _Invalid(f"حقل غير معروف: {'، '.join(map(str, unexpected))}؛ الحقول: {'، '.join(FIELDS)}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _Invalid("النص (text) مفقود أو فارغ")
    kinds = tuple(ENTITY_MODELS)
    mentions = tuple(_marked(item, "entity", slugs, "mentions") for item in _items(record, "mentions"))
    unknown = tuple(_marked(item, "kind", kinds, "unknown") for item in _items(record, "unknown"))
    lookalikes = tuple(_span(item, "lookalikes") for item in _items(record, "lookalikes"))
    for spans in ([m.text for m in mentions], lookalikes, [u.text for u in unknown]):
        _check_written(text, spans)
    return Case(number, text, mentions, lookalikes, unknown)


def _items(record: dict, key: str) -> list:
    items = record.get(key, [])
    if not isinstance(items, list):
        raise _Invalid(f"الحقل {key} يُنتظر قائمة")
    return items


def _span(value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"في {key} نص مفقود أو فارغ")
    return value


def _marked(item: object, label_key: str, labels: Collection[str], key: str) -> Marked:
    if not isinstance(item, dict):
        raise _Invalid(f"كل عنصر في {key} يُنتظر كائنًا فيه text و{label_key}")
    text = _span(item.get("text"), key)
    label = item.get(label_key)
    if not isinstance(label, str) or label not in labels:
        known = "" if label_key == "entity" else f"؛ المعروف: {'، '.join(labels)}"
        raise _Invalid(f"{label_key} «{label}» لـ«{text}» غير معروف في الأرشيف{known}")
    return Marked(text, label)


def _check_written(text: str, spans: Iterable[str]) -> None:
    """Each span is written in the text, whole-word at its end, as often as it is listed."""
    for span, listed in Counter(spans).items():
        found = len(occurrences(text, span))
        if found < listed:
            counts = f"{numerals.number(listed)} في القائمة و{numerals.number(found)} في النص"
            raise _Invalid(
                f"«{span}» لا يرد في النص" if not found else f"«{span}» مذكور أكثر مما يرد ({counts})"
            )


def occurrences(text: str, span: str) -> list[tuple[int, int]]:
    """Where ``span`` is written in ``text`` with a word ending where it ends (it may begin after a proclitic)."""
    return [match.span() for match in re.finditer(re.escape(span) + r"(?!\w)", text)]


def evaluate(cases: list[Case], gazetteer: Gazetteer | None = None) -> Score:
    """Run the linker on each case's text and compare with what the case marks."""
    gazetteer = gazetteer or Gazetteer.from_database()
    slug_of = dict(Entity.objects.values_list("id", "slug"))
    score = Score(paragraphs=len(cases))
    for case in cases:
        found = gazetteer.find(case.text)
        predicted = [
            Link(case.line, case.text[span.start : span.end], slug_of[span.entity_id]) for span in found
        ]
        _score_mentions(case, predicted, score)
        lookalikes = _lookalike_spans(case)
        score.lookalikes += len(lookalikes)
        score.lookalikes_linked += sum(
            any(span.start < end and start < span.end for span in found) for start, end in lookalikes
        )
        _score_suggestions(case, gazetteer, score)
    return score


def _score_mentions(case: Case, predicted: list[Link], score: Score) -> None:
    wrong, unmatched = _compare(predicted, [Link(case.line, m.text, m.label) for m in case.mentions])
    score.gold += len(case.mentions)
    score.linked += len(predicted)
    score.correct += len(predicted) - len(wrong)
    score.wrong += wrong
    score.missed += unmatched


def _score_suggestions(case: Case, gazetteer: Gazetteer, score: Score) -> None:
    suggested = [Link(case.line, name.text, name.kind) for name in suggest_names(case.text, gazetteer)]
    false, unsuggested = _compare(suggested, [Link(case.line, u.text, u.label) for u in case.unknown])
    score.unknown += len(case.unknown)
    score.suggested += len(suggested)
    score.unknown_suggested += len(suggested) - len(false)
    score.false_suggestions += false
    score.unsuggested += unsuggested


def _compare(predicted: list[Link], marked: list[Link]) -> tuple[list[Link], list[Link]]:
    """The predicted links that match no marked one, and the marked ones left; each marked one matches once."""
    unmatched = list(marked)
    wrong = []
    for link in predicted:
        match = next((gold for gold in unmatched if _same(gold, link)), None)
        if match:
            unmatched.remove(match)
        else:
            wrong.append(link)
    return wrong, unmatched


def _same(gold: Link, predicted: Link) -> bool:
    return gold.slug == predicted.slug and normalize(gold.text) == normalize(predicted.text)


def _lookalike_spans(case: Case) -> list[tuple[int, int]]:
    """Each listed look-alike at its place: the n-th listing of a text is its n-th occurrence."""
    seen: Counter[str] = Counter()
    placed = []
    for text in case.lookalikes:
        placed.append(occurrences(case.text, text)[seen[text]])
        seen[text] += 1
    return placed
