"""Requests over loopback, each on a fresh connection, timed and classified."""

from __future__ import annotations

import http.client
import json
import re
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from .constants import ARABIC, REQUEST_TIMEOUT

# --- HTTP over loopback ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    """What one request got back: ``status`` None when no answer came (refused, reset, timed out)."""

    status: int | None
    body: bytes
    seconds: float
    cookies: dict[str, str] = field(default_factory=dict)
    location: str = ""
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 400

    def message(self) -> str:
        """What the page says went wrong: the API's ``errors``, the admin's error note, or the heading."""
        if self.status is None:
            return self.problem
        text = self.body.decode("utf-8", "replace")
        try:
            return " ".join(json.loads(text)["errors"])[:160]
        except (ValueError, KeyError, TypeError):
            pass
        for pattern in (
            r'class="errornote"[^>]*>(.*?)</p>',
            r'class="errorlist[^"]*"[^>]*>(.*?)</ul>',
            r"<h1[^>]*>(.*?)</h1>",
            r"<title>(.*?)</title>",
        ):
            found = re.search(pattern, text, re.S)
            if found:
                return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())[:160]
        return " ".join(text.split())[:160]

    def in_arabic(self) -> bool:
        return self.status is not None and bool(ARABIC.search(self.message()))

    def refusal(self) -> bool:
        """An answer the archive chose, telling the editor in Arabic why: a form shown again, a 4xx, a 503.

        A 500 is a failure even with the archive's Arabic page: nothing chose it.
        """
        chosen = self.status is not None and (self.status in (200, 503) or 400 <= self.status < 500)
        return chosen and self.in_arabic()


def send(
    port: int, method: str, path: str, *, data: dict | None = None, cookies: dict | None = None
) -> Answer:
    """One request to 127.0.0.1:``port`` on a connection of its own, as gunicorn's sync workers close each."""
    headers = {"Host": "127.0.0.1"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    body = None
    if data is not None:
        body = urlencode(data, doseq=True).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    started = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        jar = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        return Answer(
            response.status,
            content,
            time.perf_counter() - started,
            {name: morsel.value for name, morsel in jar.items()},
            response.headers.get("Location", ""),
        )
    except (OSError, http.client.HTTPException) as error:
        return Answer(None, b"", time.perf_counter() - started, problem=f"no answer ({type(error).__name__})")
    finally:
        connection.close()
