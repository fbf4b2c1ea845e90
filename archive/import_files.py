"""Reading articles from files: plain text laid out as the seed articles are, and JSON Lines.

Every file is read and parsed into drafts before anything is written, and a
bad file is named with the line at fault. Nothing is invented on the way in:
a date comes only from a date line (text) or a ``date`` key (JSON Lines), a
source only from a ``source`` key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from arabic.bidi import isolate_ltr, quoted
from arabic.dates import WEEKDAYS as WEEKDAY_NAMES
from arabic.dates import read_date
from arabic.normalization import normalize

from . import numerals
from .dates import PartialDate

TEXT_SUFFIX = ".txt"
JSONL_SUFFIX = ".jsonl"
JSONL_KEYS = ("title", "body", "date", "source", "url")
PARAGRAPH_SEPARATOR = "\n\n"  # the body format of Article.body

# A headline is short and is not a sentence: no final stop, question or colon.
TITLE_MAX_CHARS = 150
SENTENCE_ENDINGS = tuple(".!?؟…:؛،")
CLOSING_QUOTES = "\"'”’»)"
DATELINE_DASHES = tuple("-–—")

# The weekday a dateline may open with, as ``normalize`` writes it (hamza and taa marbuta folded).
WEEKDAYS = tuple(normalize(day) for day in WEEKDAY_NAMES)
DATE_LINE = re.compile(
    rf"(?:(?:{'|'.join(WEEKDAYS)})\s*[,،]?\s*)?"
    r"(?:(?P<year>[0-9]{4})(?P<sep>[/-])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})"
    r"|(?P<day2>[0-9]{1,2})(?P<sep2>[/-])(?P<month2>[0-9]{1,2})(?P=sep2)(?P<year2>[0-9]{4}))"
)
PAGE_NUMBER = re.compile(r"[0-9]+")


@dataclass(frozen=True, slots=True)
class Location:
    """Where an article comes from: a file, and a line of it when that helps."""

    path: Path
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


class ImportFailure(Exception):
    """An import that wrote nothing; the message, in Arabic, says what to fix."""


class ImportFileError(ImportFailure):
    """A file that cannot be imported, named with the line at fault when there is one."""

    def __init__(self, location: Location | Path, problem: str):
        super().__init__(f"{location}: {problem}")


@dataclass(slots=True)
class Draft:
    """An article read from a file, not yet checked against the models."""

    location: Location
    body: str
    title: str = ""
    published: PartialDate | None = None
    source: str = ""
    url: str = ""


# --- Files -------------------------------------------------------------------


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to import: each path given, a directory standing for its own files."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and _is_importable(p))
            if not found:
                raise ImportFileError(path, "لا يحوي المجلد ملفات ‎.txt أو ‎.jsonl لاستيرادها.")
            files.extend(found)
        elif not path.exists():
            raise ImportFileError(path, "الملف غير موجود؛ تحقّق من المسار.")
        elif not _is_importable(path):
            raise ImportFileError(path, "نوع الملف غير مدعوم؛ استعمل ملفات ‎.txt أو ‎.jsonl.")
        else:
            files.append(path)
    return files


def _is_importable(path: Path) -> bool:
    return path.suffix.lower() in (TEXT_SUFFIX, JSONL_SUFFIX)


def read_text(path: Path) -> str:
    """The file as text; a UTF-8 byte order mark, as Windows editors write, is dropped."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(path, f"تعذّرت قراءة الملف ({error.strerror}).") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            path,
            f"الملف ليس نصاً بترميز UTF-8 (بايت غير صالح في الموضع {numerals.number(error.start)})؛ احفظه بترميز UTF-8.",
        ) from error
    if "\x00" in text:
        raise ImportFileError(path, "الملف ثنائي وليس نصاً؛ استورد ملفات نصية فقط.")
    if not text.strip():
        raise ImportFileError(path, "الملف فارغ؛ أضف نص المقال أو احذف الملف.")
    return text


def parse_file(path: Path) -> list[Draft]:
    text = read_text(path)
    if path.suffix.lower() == JSONL_SUFFIX:
        return parse_jsonl(path, text)
    return [parse_text(path, text)]


# --- Plain text --------------------------------------------------------------


def parse_text(path: Path, text: str) -> Draft:
    """One article from a plain-text file, laid out as the seed articles are.

    Each non-blank line is a paragraph: the seeds separate paragraphs by blank
    lines or by a single line break, and a lead paragraph and a sub-heading sit
    on lines of their own around the date line (seed 001). The first date line
    gives the publication date and is removed; lines that are only a number are
    page numbers and are dropped.
    """
    lines = [(number, line.strip()) for number, line in enumerate(text.splitlines(), start=1)]
    title, lines = _split_title(lines)
    published: PartialDate | None = None
    paragraphs: list[str] = []
    for number, line in lines:
        normalized = normalize(line)
        if not line or PAGE_NUMBER.fullmatch(normalized):
            continue
        date_line = _date_line_parts(line)
        if date_line and published is None:
            published = _date_from_line(Location(path, number), line, date_line)
        else:
            paragraphs.append(line)
    body = PARAGRAPH_SEPARATOR.join(_drop_repeated_dateline(paragraphs))
    if not body:
        raise ImportFileError(path, "لا يحوي الملف نصاً للمقال بعد العنوان والتاريخ؛ أضف النص.")
    return Draft(Location(path), body, title=title, published=published)


def _split_title(lines: list[tuple[int, str]]) -> tuple[str, list[tuple[int, str]]]:
    """The first line is a title when it reads as a headline set off from the body.

    That is: short, not ending as a sentence does, followed by a blank line and
    then more text (seeds 001 and 003). A first line that ends with a full stop,
    runs straight into the next line, or is the whole article is body text
    (seeds 000, 002 and 004): mistaking a paragraph for a title would take it
    out of the body, so in doubt the line stays in the body.
    """
    content = [index for index, (_, line) in enumerate(lines) if line]
    if len(content) < 2:
        return "", lines
    first, following = content[0], content[1]
    candidate = lines[first][1]
    is_headline = (
        len(candidate) <= TITLE_MAX_CHARS
        and not candidate.rstrip(CLOSING_QUOTES).endswith(SENTENCE_ENDINGS)
        and following > first + 1  # a blank line sets it off
        and not _date_line_parts(candidate)
        and not PAGE_NUMBER.fullmatch(normalize(candidate))
    )
    return (candidate, lines[first + 1 :]) if is_headline else ("", lines)


def _date_line_parts(line: str) -> tuple[int, int, int] | None:
    """(year, month, day) when ``line`` is a date line, else None.

    A date line names a day: Y/M/D or D/M/Y in figures, as Arabic news sites
    write it, or with the month's name in any region's spelling ("الأربعاء 21 أوت 2021").
    """
    if match := DATE_LINE.fullmatch(normalize(line)):
        year, month, day = (
            (match["year"], match["month"], match["day"])
            if match["year"]
            else (match["year2"], match["month2"], match["day2"])
        )
        return int(year), int(month), int(day)
    parts = read_date(line)
    return parts if parts and parts[2] is not None else None


def _date_from_line(location: Location, line: str, parts: tuple[int, int, int]) -> PartialDate:
    """The day a date line gives, or an error that quotes the line as it was written."""
    try:
        return PartialDate(*parts)
    except ValueError as error:
        examples = (isolate_ltr(example) for example in ("2021/04/21", "21/04/2021"))
        raise ImportFileError(
            location, f"سطر التاريخ {quoted(line)} لا يدل على يوم صحيح؛ اكتبه مثل {' أو '.join(examples)}."
        ) from error


def _drop_repeated_dateline(paragraphs: list[str]) -> list[str]:
    """Leave out a lone place line when the next paragraph opens with it as a dateline.

    Seed 003 gives "الجزائر" on its own line, then "الجزائر – أكد ...": the place
    is said twice, and the lone line would show as a one-word paragraph. The
    dateline glued to the paragraph is kept, as the article wrote it, so no text
    of the article is lost; a lone line that no dateline repeats is kept too.
    """
    kept = []
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        rest = following.removeprefix(paragraph)
        if rest != following and rest.lstrip().startswith(DATELINE_DASHES):
            continue
        kept.append(paragraph)
    return kept


# --- JSON Lines --------------------------------------------------------------


def parse_jsonl(path: Path, text: str) -> list[Draft]:
    """One article per line; blank lines are skipped.

    Split on "\\n" only: JSON allows U+2028 unescaped inside a string, which
    str.splitlines() would take for a line break (RFC 8259, section 7).
    """
    drafts = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            drafts.append(_draft_from_json(Location(path, number), line))
    return drafts


def _draft_from_json(location: Location, line: str) -> Draft:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            location,
            f"JSON غير صالح عند العمود {numerals.number(error.colno)}؛ اكتب كائن JSON كاملاً في السطر.",
        ) from error
    except RecursionError:
        raise ImportFileError(
            location, "JSON متداخل إلى عمق لا يُقرأ؛ اكتب المقال كائنًا بسيطًا من نصوص."
        ) from None
    if not isinstance(record, dict):
        raise ImportFileError(location, "يجب أن يكون السطر كائن JSON بين قوسين { }.")
    unknown = [key for key in record if key not in JSONL_KEYS]
    if unknown:
        raise ImportFileError(
            location, f"مفتاح غير معروف «{unknown[0]}»؛ المفاتيح المقبولة: {', '.join(JSONL_KEYS)}."
        )
    body = _string(location, record, "body")
    if not body:
        raise ImportFileError(location, "المفتاح «body» مطلوب ويجب أن يكون نصاً غير فارغ.")
    date = _string(location, record, "date")
    return Draft(
        location,
        body,
        title=_string(location, record, "title"),
        published=_iso_partial_date(location, date) if date else None,
        source=_string(location, record, "source"),
        url=_string(location, record, "url"),
    )


# Control characters but line breaks and tabs (Unicode's Cc), and lone surrogates (Cs).
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _string(location: Location, record: dict[str, object], key: str) -> str:
    """The value of ``key`` as stripped text; a missing key or null is empty."""
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ImportFileError(location, f"قيمة المفتاح «{key}» يجب أن تكون نصاً بين علامتي تنصيص.")
    control = _UNSTORABLE.search(value)
    if control is not None:
        # An escaped "\u0000" passes the file check; PostgreSQL refuses NUL in text. An escaped
        # lone surrogate ("\ud800") is half a character, which no UTF-8 text can hold.
        raise ImportFileError(
            location, f"في قيمة المفتاح «{key}» محرف لا يُحفظ في نص (U+{ord(control.group()):04X})؛ احذفه."
        )
    return value.strip()


def _iso_partial_date(location: Location, value: str) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise ImportFileError(location, str(error)) from None
