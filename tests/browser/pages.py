"""What the browser tests share besides fixtures: the data a page shows, and what to read off a page."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from archive.linking import save_linked
from archive.models import Alias, Article, Country, Person

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
# A phone of today in CSS pixels, taller than PHONE.
TALL_PHONE = {"width": 390, "height": 844}
# A page that does not answer within this many milliseconds is a failure, not a hang.
TIMEOUT_MS = 10_000

# The sentence the tests' article says, naming a person (by an alias) and a country.
VISIT_BODY = "استقبل الرئيس عبدالمجيد تبون وفدا ليبيا في الجزائر."


# --- The data a page shows ------------------------------------------------------------


def make_person(name: str, *aliases: str, **fields) -> Person:
    """A person with other spellings of their name."""
    person = Person.objects.create(name=name, **fields)
    for alias in aliases:
        Alias.objects.create(entity=person, name=alias)
    return person


def make_article(title: str, body: str, **fields) -> Article:
    """An article, saved and linked to the entities it names, as the admin and the importer save one."""
    return save_linked(Article(title=title, body=body, **fields))


@dataclass(frozen=True)
class SmallArchive:
    algeria: Country
    tebboune: Person
    visit: Article
    security: Article


def make_small_archive() -> SmallArchive:
    """A country, a person written two ways, and two articles, one naming both."""
    algeria = Country.objects.create(name="الجزائر")
    tebboune = make_person("عبد المجيد تبون", "عبدالمجيد تبون", role="الرئيس الجزائري", country=algeria)
    visit = make_article("الرئيس تبون يستقبل وفدا ليبيا", VISIT_BODY)
    security = make_article(
        "اجتماع حول التعاون في مجال الأمن",
        "عقد وزراء الداخلية اجتماعا لبحث التعاون الأمني على الحدود.\n\nواتفقوا على لقاء جديد.",
    )
    return SmallArchive(algeria=algeria, tebboune=tebboune, visit=visit, security=security)


# --- The browser ----------------------------------------------------------------------


def as_phone(viewport: dict) -> dict[str, object]:
    """The options of a browser context that is a phone of this size: touch, a dense screen, its viewport meta read."""
    return {"viewport": viewport, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


# --- What the tests measure -----------------------------------------------------------


def page_direction(page: Page) -> dict[str, str]:
    """The document's declared language and direction, and the body's computed direction."""
    return page.evaluate(
        """() => ({
            lang: document.documentElement.lang,
            dir: document.documentElement.dir,
            body: getComputedStyle(document.body).direction,
        })"""
    )


def bidi_of(locator: Locator) -> dict[str, str]:
    """The computed direction and ``unicode-bidi`` of an element: an isolate says "isolate"."""
    return locator.evaluate(
        "(element) => ({direction: getComputedStyle(element).direction,"
        " unicodeBidi: getComputedStyle(element).unicodeBidi})"
    )


def left_edges(locator: Locator, groups: list[str]) -> list[float]:
    """Where on screen the bidi algorithm drew each of ``groups``: the left edge of each.

    The groups are found one after another in the element's text (so "21" then
    "2021" in "21 أبريل 2021" are the day, then the year), and each is measured
    with a DOM Range over the rendered text.
    """
    edges = locator.evaluate(
        """(element, groups) => {
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            const nodes = [];
            let text = "";
            while (walker.nextNode()) {
                nodes.push([walker.currentNode, text.length]);
                text += walker.currentNode.data;
            }
            const at = (offset) => {
                const [node, start] = nodes.findLast(([, start]) => start <= offset);
                return [node, offset - start];
            };
            let from = 0;
            return groups.map((group) => {
                const start = text.indexOf(group, from);
                if (start < 0) return null;
                from = start + group.length;
                const range = document.createRange();
                range.setStart(...at(start));
                const [node, offset] = at(start + group.length - 1);
                range.setEnd(node, offset + 1);
                return range.getBoundingClientRect().left;
            });
        }""",
        groups,
    )
    assert None not in edges, f"{groups} not all in {locator.inner_text()!r}"
    return edges


def reads_left_to_right(locator: Locator, groups: list[str]) -> bool:
    """Whether ``groups``, in the order they are written, stand left to right on screen."""
    edges = left_edges(locator, groups)
    return edges == sorted(edges) and len(set(edges)) == len(edges)


def reads_right_to_left(locator: Locator, groups: list[str]) -> bool:
    edges = left_edges(locator, groups)
    return edges == sorted(edges, reverse=True) and len(set(edges)) == len(edges)


def horizontal_overflow(page: Page) -> dict[str, object]:
    """How far the page is wider than the viewport, and which elements stick out."""
    return page.evaluate(
        """() => {
            const width = window.innerWidth;
            const culprits = [...document.querySelectorAll("body *")]
                .filter((element) => {
                    const box = element.getBoundingClientRect();
                    return box.width > 0 && (box.right > width + 1 || box.left < -1)
                        && getComputedStyle(element).position !== "absolute";
                })
                .slice(0, 5)
                .map((element) => element.tagName.toLowerCase() + (element.className ? "." + element.className : ""));
            return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits};
        }"""
    )


def assert_fits_a_phone(page: Page) -> None:
    measured = horizontal_overflow(page)
    # The page must lay out at the phone's width (its viewport meta): a phone
    # browser zooms out to a page wider than itself, so innerWidth grows with it...
    assert measured["innerWidth"] == PHONE["width"], measured
    # ...and nothing may push it wider.
    assert measured["scrollWidth"] <= measured["innerWidth"], measured


def platform_fonts(page: Page, selector: str) -> dict[str, int]:
    """The fonts chromium really drew the text of ``selector`` with, and how many glyphs each.

    ``document.fonts.check`` answers true for any font that is not a web font, even one
    that is not installed, so this asks the renderer through the DevTools protocol.
    """
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
    return {font["familyName"]: font["glyphCount"] for font in fonts}


def snap(page: Page, name: str, widths: tuple[int, ...] = ()) -> None:
    """Save full-page screenshots when BROWSER_SCREENSHOTS names a folder, for a human to look at.

    Each width in ``widths`` is shot in turn (then the viewport is put back); with none,
    the page is shot as it is. Nothing is done, and nothing is slowed, without the variable.
    """
    folder = os.environ.get("BROWSER_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    original = page.viewport_size
    for width in widths or (original["width"],):
        page.set_viewport_size({"width": width, "height": original["height"]})
        page.screenshot(path=Path(folder) / f"{name}-{width}px.png", full_page=True)
    page.set_viewport_size(original)


def log_in(page: Page, site, editor: tuple[str, str]) -> None:
    """Log in through the admin's own form, as an editor does."""
    username, password = editor
    page.goto(site("/admin/"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("#login-form [type=submit]").click()
    expect(page.locator("#user-tools")).to_be_visible()
