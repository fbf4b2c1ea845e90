"""Writers beside the readers: an import of new articles and an editor saving through the admin."""

from __future__ import annotations

import json
import random
import secrets
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from archive.models import Article, Source
from archive.synthetic.article import SyntheticArticle
from archive.synthetic.seeds import synthetic_articles

from .constants import ARTICLE_FORM, IMPORT_SOURCE, REQUEST_TIMEOUT
from .figures import percentile
from .loopback import Answer, send
from .stack import stop

# --- Writers: an import and an editor, at the same time as the readers ---------------------


def write_import_file(folder: Path, count: int) -> Path:
    """``count`` new articles as JSON Lines: the seeds' sentences recombined, with a seed of this run's."""
    path = folder / "articles.jsonl"
    write_articles(path, synthetic_articles(count, seed=secrets.randbits(32)), IMPORT_SOURCE)
    return path


def write_articles(path: Path, articles: Iterable[SyntheticArticle], source: str | None = None) -> None:
    """``articles`` as the JSON Lines ``import_articles`` reads, each from ``source`` if given, else its own."""
    with path.open("w", encoding="utf-8") as output:
        for article in articles:
            record = {
                "title": article.title,
                "body": article.body,
                "date": article.published.isoformat() if article.published else None,
                "source": source or article.source,
            }
            output.write(json.dumps(record, ensure_ascii=False) + "\n")


@dataclass(slots=True)
class Saves:
    """The editor's saves: a 302 saved; any other answer a refusal (``Answer.refusal``) or a failure."""

    saved: int = 0
    refused: Counter = field(default_factory=Counter)
    failed: Counter = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)

    def record(self, step: str, answer: Answer, saved: bool = False) -> None:
        self.latencies.append(answer.seconds * 1000)
        if saved:
            self.saved += 1
        else:
            outcome = self.refused if answer.refusal() else self.failed
            language = "Arabic" if answer.in_arabic() else "not Arabic"
            outcome[f"{step} → {answer.status or 'no answer'} ({language}): {answer.message()}"] += 1

    def attempts(self) -> int:
        return self.saved + sum(self.refused.values()) + sum(self.failed.values())

    def row(self) -> str:
        line = f"{'admin saves':<22} saved {self.saved}, refused with a message {sum(self.refused.values())}, failed {sum(self.failed.values())}"
        if self.latencies:
            line += f"   (p50 {percentile(self.latencies, 0.5):.0f} ms, p95 {percentile(self.latencies, 0.95):.0f} ms)"
        details = [f"    refused: {n} × {what}" for what, n in self.refused.most_common(5)]
        details += [f"    failed: {n} × {what}" for what, n in self.failed.most_common(5)]
        return "\n".join([line, *details])


class FormFields(HTMLParser):
    """The values a browser would post from the form ``form_id``: its inputs, text areas and selects."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside = form_id, False
        self.fields: list[tuple[str, str]] = []
        self._textarea: tuple[str, list[str]] | None = None
        self._select: tuple[str, bool, list[tuple[str, bool]]] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.inside = attributes.get("id") == self.form_id
        if not self.inside:
            return
        name = attributes.get("name")
        kind = attributes.get("type", "text").lower()
        if tag == "input" and name and kind in ("checkbox", "radio"):
            if "checked" in attributes:
                self.fields.append((name, attributes.get("value") or "on"))
        elif tag == "input" and name and kind not in ("submit", "button", "file", "image", "reset"):
            self.fields.append((name, attributes.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = (name, [])
        elif tag == "select" and name:
            self._select = (name, "multiple" in attributes, [])
        elif tag == "option" and self._select is not None:
            self._select[2].append((attributes.get("value", ""), "selected" in attributes))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # A browser drops the one line break that follows <textarea> (the HTML parsing rules).
            self.fields.append((name, "".join(text).removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, multiple, options = self._select
            chosen = [value for value, selected in options if selected]
            if not chosen and not multiple:
                # With nothing selected, a browser posts a single select's first option.
                chosen = [value for value, _ in options[:1]]
            self.fields += [(name, value) for value in chosen]
            self._select = None


def form_fields(page: bytes, form_id: str) -> list[tuple[str, str]]:
    parser = FormFields(form_id)
    parser.feed(page.decode("utf-8", "replace"))
    return parser.fields


class Editor:
    """An editor in the admin, logged in through its login page, saving article after article."""

    def __init__(self, port: int, username: str, password: str, article_ids: list[int], seed: int):
        self.port, self.username, self.password = port, username, password
        self.article_ids, self.rng = article_ids, random.Random(seed)
        self.cookies: dict[str, str] = {}
        self.logged_in = False

    def _send(self, method: str, path: str, data: dict | list | None = None) -> Answer:
        answer = send(self.port, method, path, data=data, cookies=self.cookies)
        self.cookies.update(answer.cookies)
        return answer

    def log_in(self, saves: Saves) -> None:
        page = self._send("GET", "/admin/login/?next=/admin/")
        if page.status != 200:
            saves.record("login page", page)
            return
        token = dict(form_fields(page.body, "login-form")).get("csrfmiddlewaretoken", "")
        answer = self._send(
            "POST",
            "/admin/login/?next=/admin/",
            {
                "csrfmiddlewaretoken": token,
                "username": self.username,
                "password": self.password,
                "next": "/admin/",
            },
        )
        self.logged_in = (
            answer.status == 302 and "/login/" not in answer.location and "sessionid" in self.cookies
        )
        if not self.logged_in:
            saves.record("login", answer)

    def save_one(self, saves: Saves) -> None:
        """Open an article's change form and post it back as found; a login first when needed."""
        if not self.logged_in:
            self.log_in(saves)
            return
        path = f"/admin/archive/article/{self.rng.choice(self.article_ids)}/change/"
        page = self._send("GET", path)
        if page.status != 200:
            saves.record(f"GET {path}", page)
            self.logged_in = "/login/" not in page.location
            return
        fields = form_fields(page.body, ARTICLE_FORM)
        answer = self._send("POST", path, [*fields, ("_save", "1")])
        # The admin sends a saved form to the list; a lost session, to the login page.
        saves.record(f"POST {path}", answer, saved=answer.status == 302 and "/login/" not in answer.location)
        self.logged_in = "/login/" not in answer.location

    def edit_until(self, done: threading.Event, saves: Saves) -> None:
        """Save until ``done`` is set, and at least once: a quick import must not leave nothing to report."""
        while not (done.is_set() and saves.attempts()):
            self.save_one(saves)


@contextmanager
def editor_account() -> Iterator[tuple[str, str]]:
    """A superuser of this run's, for the block; deleted after, with its admin log."""
    username, password = f"bench-load-{secrets.token_hex(4)}", secrets.token_urlsafe(16)
    user = get_user_model().objects.create_superuser(username, password=password)
    try:
        yield username, password
    finally:
        user.delete()


@dataclass(slots=True)
class Import:
    seconds: float = 0.0
    status: int | None = None
    said: str = ""

    def row(self, articles: int) -> str:
        if self.status is None:
            return f"{'import':<22} {articles} articles, did not finish"
        return f"{'import':<22} {articles} articles in {self.seconds:.1f} s (exit {self.status}): {self.said}"


@contextmanager
def writing(
    port: int, account: tuple[str, str], articles: int, seed: int, folder: Path
) -> Iterator[tuple[Import, Saves]]:
    """For the block: ``manage.py import_articles`` of ``articles`` new ones, and an editor saving in the admin.

    The import starts with the block; leaving it stops the editor and waits for the import to end.
    """
    source = write_import_file(folder, articles)
    imported, saves, stop_editing = Import(), Saves(), threading.Event()
    ids = list(Article.objects.exclude(source__name=IMPORT_SOURCE).values_list("pk", flat=True)[:5000])
    editor = Editor(port, *account, ids, seed)
    thread = threading.Thread(target=editor.edit_until, args=(stop_editing, saves), daemon=True)
    thread.start()
    started = time.perf_counter()
    command = subprocess.Popen(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "import_articles", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # stopped by the block's end, not by a Ctrl-C half-way through
    )
    try:
        yield imported, saves
        output, _ = command.communicate()
        imported.seconds, imported.status = time.perf_counter() - started, command.returncode
        imported.said = " ".join(output.split())[-200:]
    finally:
        stop_editing.set()
        thread.join(timeout=REQUEST_TIMEOUT * 2 + 1)
        if command.poll() is None:
            stop(command)


def remove_imported() -> int:
    """Delete the articles imports of this benchmark stored, and their source; how many."""
    deleted = Article.objects.filter(source__name=IMPORT_SOURCE).delete()[1].get(Article._meta.label, 0)
    Source.objects.filter(name=IMPORT_SOURCE).delete()
    return deleted
