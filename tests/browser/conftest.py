"""Real-browser fixtures: Debian's chromium, driven by Playwright, against a live server.

One browser for the whole session, a fresh context and page for every test, and
small Arabic articles and entities created through the ORM by the helpers of
``pages.py``.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, sync_playwright

from .pages import CHROMIUM, CHROMIUM_ARGS, DESKTOP, TIMEOUT_MS, SmallArchive, make_small_archive

# Playwright's sync API keeps an asyncio event loop running in the main thread
# from the moment it starts, so Django sees "async context" and makes every ORM
# call in a test body (creating the data a page shows) raise
# SynchronousOnlyOperation. Nothing here is really concurrent: the ORM calls
# happen between browser calls, so the guard is switched off for this process (Django reads the
# variable at each call, so setting it here, before any test runs, is enough).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture
def small_archive(transactional_db) -> SmallArchive:
    return make_small_archive()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium and Arabic fonts. "
            "Run `make browser` (it installs chromium and fonts-noto-core) and run the tests again.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Open a page in a fresh context; keyword arguments go to ``browser.new_context``.

    Every test that browses also proves the Content-Security-Policy holds: a
    style, script or image the policy blocks (chromium reports it on the
    console) fails the test, naming what was refused.
    """
    contexts: list[BrowserContext] = []
    refused: list[str] = []

    def open_page(**context_options) -> Page:
        context_options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**context_options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: _note_refusal(message, page, refused))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not refused, "the Content-Security-Policy refused:\n" + "\n".join(refused)


def _note_refusal(message: ConsoleMessage, page: Page, refused: list[str]) -> None:
    if message.type == "error" and "Content Security Policy" in message.text:
        refused.append(f"{page.url}: {message.text}")


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    """A desktop-sized page in a fresh context."""
    return new_page()


@pytest.fixture
def site(live_server) -> Callable[[str], str]:
    """The live server's absolute URL of a path."""
    return lambda path="/": live_server.url + path


@pytest.fixture
def editor(transactional_db) -> tuple[str, str]:
    """A staff superuser's username and a password made up for this test alone."""
    from django.contrib.auth.models import User

    password = secrets.token_urlsafe(24)
    User.objects.create_superuser("mohrer", "mohrer@example.org", password)
    return "mohrer", password
