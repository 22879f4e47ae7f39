"""The browser every check and script uses: Debian's headless Chromium (or $CHROMIUM), never a downloaded one.

The flags keep it off the network this machine does not have (background updates, sync, QUIC). Every browser step
of the checks is bounded by TIMEOUT_MS (new_context sets it): a page that never gets there fails, naming what it
waited for, instead of hanging until pytest-timeout.
"""

from __future__ import annotations

import contextlib
import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# A page is ready to use: loaded, and Material has mounted its content (tables sit in their scroll wrappers).
READY = """() => document.readyState === "complete" && typeof document$ !== "undefined" &&
  !document.querySelector(".md-typeset table:not(.md-typeset__scrollwrap table)")"""
TIMEOUT_MS = 30_000  # any one browser step (load, wait, click); well under a second on a quiet machine


def new_context(browser, **options):
    """A browser context whose every step is bounded by TIMEOUT_MS."""
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    return context


class Tabs:
    """One tab per browser context (per width), reused from page to page, as a reader follows links in one tab: a new
    tab costs Chromium a renderer process and its tab UI, a third of the CPU of checking a page. A check that raises
    closes its tab, and the next one gets a fresh tab."""

    def __init__(self, contexts: dict):
        self.contexts = contexts
        self.open: dict = {}

    @contextlib.contextmanager
    def at(self, width: str):
        tab = self.open.get(width)
        if tab is None or tab.is_closed():
            tab = self.open[width] = self.contexts[width].new_page()
        try:
            yield tab
        except BaseException:
            tab.close()
            raise


# Material builds its search index in a web worker and drops a query typed before it is ready: until results show,
# the condition types the query again (alternately with a trailing space: Material ignores an unchanged value).
_RESULTS_OR_RETYPE = """(query) => {
  if (document.querySelector(".md-search-result__item")) return true;
  const input = document.querySelector(".md-search__input");
  input.value = input.value === query ? query + " " : query;
  input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  return false;
}"""


def search(tab, query: str) -> list[str]:
    """Type `query` into the open page's search box; the URLs of the results, best first."""
    tab.click(".md-search__input")
    tab.fill(".md-search__input", query)
    tab.wait_for_function(_RESULTS_OR_RETYPE, arg=query, polling=200)
    return tab.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


# The language menu opens with a transition on hover. Clicked while it still moves, its link is not yet fully on
# screen and Playwright scrolls the page to reveal it, moving the reader away from the section being read (under
# load the switcher then led to an earlier section). A reader clicks the menu once it stands open.
_MENU_OPEN = """(link) => {
  const menu = link.closest(".md-select__inner"), box = link.getBoundingClientRect();
  return !menu.getAnimations().length && getComputedStyle(menu).opacity === "1" && box.height > 0 &&
    box.top >= 0 && box.bottom <= innerHeight;
}"""


def follow(tab, selector: str) -> str:
    """Click a link and wait for the page it leads to; its URL (a wrong one is named by the caller's assertion,
    instead of a wait for the expected URL that times out)."""
    with tab.expect_navigation(wait_until="load"):
        tab.click(selector)
    return tab.url


def switch_language(tab, hreflang: str) -> str:
    """Follow the header's language menu to `hreflang`; the URL it led to, once that page has loaded."""
    link = f".md-select__link[hreflang={hreflang}]"
    tab.hover(".md-header__option .md-select")
    tab.wait_for_function(_MENU_OPEN, arg=tab.query_selector(link), polling=50)
    return follow(tab, link)


# Material mounts a code block's copy button when the block comes into view (content.lazy): an IntersectionObserver,
# which reports only when a frame is drawn. If something above moves the block off screen before a frame comes, it
# never mounts; so until the button is there, the condition scrolls the block into view again.
_MOUNTED_OR_SCROLL = """(block) => {
  if (block.querySelector("button[data-md-type=copy]")) return true;
  block.scrollIntoView({ block: "center" });
  return false;
}"""


def copy_button(tab, block):
    """The copy button of a code block (a Locator of the block or its <pre>), once Material has mounted it."""
    tab.wait_for_function(_MOUNTED_OR_SCROLL, arg=block.element_handle(), polling=100)
    return block.locator("button[data-md-type=copy]").first
