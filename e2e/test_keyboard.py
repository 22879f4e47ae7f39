"""The keyboard path through a wide box: Tab until a wide table, formula or notebook cell has focus, then → scrolls
it (at phone width, where they overflow). That every such box is reachable at all is checked on every page by
e2e/test_every_page.py; this walks the path a keyboard reader takes, on a table, a formula and a notebook cell."""

from __future__ import annotations

import pytest

from tools.browser import READY
from tools.serve import page_url

KEY_PATHS = [
    ("zh", "linear-algebra/", ".md-typeset__scrollwrap"),
    ("en", "matrix-calculus/", ".md-typeset div.arithmatex"),
    ("en", "notebooks/linear-regression-scratch/", ".jp-Cell-inputWrapper"),
]
TAB_UNTIL = """(selector) => {
  const box = document.activeElement?.closest(selector);
  return box && box === document.activeElement && box.scrollWidth > box.clientWidth;
}"""


@pytest.mark.parametrize(("lang", "page", "selector"), KEY_PATHS, ids=[f"{lang}/{page}" for lang, page, _ in KEY_PATHS])
def test_tab_then_arrow_scrolls_a_wide_box(tabs, base_url, lang, page, selector):
    with tabs.at("phone") as tab:
        url = page_url(base_url, lang, page)
        tab.goto(url, wait_until="load")
        tab.wait_for_function(READY, polling=50)
        for _ in range(400):  # a bounded walk through the page's tab stops
            tab.keyboard.press("Tab")
            if tab.evaluate(TAB_UNTIL, selector):
                break
        else:
            pytest.fail(f"{url}: 400 Tab presses reached no {selector} that scrolls sideways")
        tab.keyboard.press("ArrowRight")
        tab.wait_for_function("() => document.activeElement.scrollLeft > 0", polling=50)
