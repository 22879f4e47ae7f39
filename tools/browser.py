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
