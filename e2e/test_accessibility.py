"""axe-core (injected by Playwright: no CDN) on every page, light and dark, at desktop and phone width, and the
keyboard path through a wide box.

Each page is loaded once per width, with that width from the start (as a reader's browser does), and checked in the
state it has when it is ready to use: nothing is scrolled, nothing waits for frames. In that same moment every block
is laid out at once (content-visibility off: what a reader sees when they scroll there), and every box that scrolls
sideways must already be keyboard-reachable (scroll-focus.js, Material's code blocks, notebook cells). That is the
rule axe checks too (scrollable-region-focusable); the page's own list names each box that breaks it.

Which axe rules run where (RULES): all of them at desktop width in the light scheme; in the dark scheme (set as
Material's toggle sets it, an attribute on <body>, transitions off) the colour rules, all that a scheme changes; at
phone width every rule but the colour ones, since colours do not depend on the width and the layout rules do
(colour contrast is half of axe's time on a long page). Reading pages must have no serious or critical violation;
on notebook pages, rules listed in NOTEBOOK_ALLOWED (none today) would be allowed, each with the reason. Every
browser step is bounded (tools.browser.TIMEOUT_MS): a page that never gets ready fails with the URL and what it
waited for. `python e2e/test_accessibility.py [SITE_DIR]` prints the counts per rule and impact instead.
"""

from __future__ import annotations

import collections
import importlib.util
import json
from pathlib import Path

import pytest

from tools.browser import VIEWPORTS, new_context
from tools.serve import page_url, site_pages

AXE_PACKAGE = "axe_playwright_python"  # PyPI's axe-playwright-python ships axe.min.js; we inject it, not its API
SCHEMES = {"light": "default", "dark": "slate"}  # Material's palettes, as its toggle sets them on <body>
BLOCKING = ("serious", "critical")
NOTEBOOK_ALLOWED: dict[str, str] = {}

# Ready to use: the page has loaded and Material has mounted its content (tables sit in their scroll wrappers).
READY = """() => document.readyState === "complete" && typeof document$ !== "undefined" &&
  !document.querySelector(".md-typeset table:not(.md-typeset__scrollwrap table)")"""
# In one task (no frame, no observer in between): lay every block out, then list the boxes that scroll sideways but
# cannot be reached with the keyboard (neither focusable themselves nor holding something focusable).
UNREACHABLE = r"""() => {
  const style = document.createElement("style");
  style.textContent = "*, *::before, *::after { content-visibility: visible !important; transition: none !important }";
  document.head.append(style);
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    [...el.classList].slice(0, 2).map((c) => "." + c).join("");
  const headings = [...document.querySelectorAll(".md-content :is(h1, h2, h3)[id]")];
  const before = (el) => (h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
  const section = (el) => headings.filter(before(el)).pop();
  const path = (el) => `${name(el)} in #${section(el)?.id ?? "?"}`;
  const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
  return [...document.querySelectorAll(".md-content *")]
    .filter((el) => el.scrollWidth > el.clientWidth && /auto|scroll/.test(getComputedStyle(el).overflowX))
    .filter((el) => el.tabIndex < 0 && !el.querySelector(focusable))
    .map((el) => `${path(el)}: ${el.textContent.replace(/\s+/g, " ").trim().slice(0, 40)}`);
}"""
COLOUR = ["color-contrast", "link-in-text-block"]  # all that the colour scheme changes
RULES = {  # (width, scheme): axe's options
    ("desktop", "light"): {},
    ("desktop", "dark"): {"runOnly": COLOUR},
    ("phone", "light"): {"rules": {rule: {"enabled": False} for rule in COLOUR}},
}
# KaTeX draws each formula twice: MathML for assistive technology, checked, and an aria-hidden HTML copy for the eye,
# thousands of spans in the colour of the text around them (checked there), a quarter of axe's time on a long page.
CONTEXT = {"exclude": [".katex-html"]}
RUN = """async ([context, only]) => (await axe.run(context, {resultTypes: ["violations"], ...only})).violations
  .map(v => ({id: v.id, impact: v.impact, count: v.nodes.length,
               nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}))"""


def axe_js() -> Path:
    """axe-core's axe.min.js inside the installed wheel (found without importing the package)."""
    spec = importlib.util.find_spec(AXE_PACKAGE)
    axe = Path(spec.origin).with_name("axe.min.js") if spec else None
    if not (axe and axe.exists()):
        pytest.fail("axe.min.js is missing: run `make setup` (installs axe-playwright-python)", pytrace=False)
    return axe


def check_page(context, url: str, width: str) -> tuple[list[str], dict[str, list[dict]]]:
    """(boxes that scroll sideways without a tab stop, axe's violations by scheme) of one page at one width, in a
    new tab of a browser context at that width (its HTTP cache shared between pages, as a reader's is)."""
    tab = context.new_page()
    try:
        tab.goto(url, wait_until="load")
        tab.wait_for_function(READY, polling=50)  # a timer poll, not animation frames
        unreachable = tab.evaluate(UNREACHABLE)
        tab.add_script_tag(path=str(axe_js()))
        found = {}
        for scheme, palette in SCHEMES.items():
            if (width, scheme) in RULES:
                tab.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{palette}')")
                found[scheme] = tab.evaluate(RUN, [CONTEXT, RULES[width, scheme]])
        return unreachable, found
    finally:
        tab.close()


PAGES = [*site_pages(), ("zh", "404.html")]
CASES = [(lang, page, width) for lang, page in PAGES for width in VIEWPORTS]
CASE_IDS = [f"{lang}/{page}-{width}" for lang, page, width in CASES]


@pytest.mark.parametrize(("lang", "page", "width"), CASES, ids=CASE_IDS)
def test_no_serious_accessibility_violation(request, base_url, lang, page, width):
    url = page_url(base_url, lang, page)
    allowed = NOTEBOOK_ALLOWED if page.startswith("notebooks/") else {}
    unreachable, found = check_page(request.getfixturevalue(width), url, width)  # the `desktop` or `phone` context
    bad = [f"{width}: scrolls sideways, no tab stop when the page is ready: {box}" for box in unreachable]
    bad += [
        f"{scheme}-{width}: {v['impact']} {v['id']} x{v['count']} at {v['nodes']}"
        for scheme, violations in found.items()
        for v in violations
        if v["impact"] in BLOCKING and v["id"] not in allowed
    ]
    assert not bad, f"{url}: accessibility\n  " + "\n  ".join(bad)


# The key path: Tab until a wide box has focus, then → scrolls it. A table and a formula on a phone, a notebook cell.
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
def test_tab_then_arrow_scrolls_a_wide_box(browser, base_url, lang, page, selector):
    context = new_context(browser, viewport=VIEWPORTS["phone"])
    try:
        tab = context.new_page()
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
    finally:
        context.close()


if __name__ == "__main__":  # counts per rule over the whole site, for a before/after comparison
    import sys

    from playwright.sync_api import sync_playwright

    from tools.browser import CHROMIUM, CHROMIUM_ARGS
    from tools.serve import SITE, serve

    site = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else SITE
    counts: collections.Counter = collections.Counter()
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        contexts = {width: new_context(browser, viewport=viewport) for width, viewport in VIEWPORTS.items()}
        for lang, page in [*site_pages(site), ("zh", "404.html")]:
            kind = "notebook" if page.startswith("notebooks/") else "reading"
            for width, context in contexts.items():
                unreachable, found = check_page(context, page_url(base, lang, page), width)
                counts[(kind, "serious", "unreachable-wide-box", width)] += len(unreachable)
                for scheme, violations in found.items():
                    for v in violations:
                        counts[(kind, v["impact"], v["id"], f"{scheme}-{width}")] += v["count"]
    print(json.dumps({" ".join(k): n for k, n in sorted(counts.items())}, indent=1, ensure_ascii=False))
