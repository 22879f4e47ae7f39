"""axe-core (from npm, injected by Playwright: no CDN) on every page, light and dark, desktop and phone width.

Each page is loaded once and scrolled to the end at each width first: content.lazy mounts the copy buttons of code
blocks as they come into view, and boxes wider than the page get their tab stop then. The dark scheme is set as
Material's toggle sets it (an attribute on <body>), transitions off. Reading pages must have no serious or
critical violation; on notebook pages (HTML from nbconvert), the rules in NOTEBOOK_ALLOWED are the ones the site's
CSS cannot fix, each with the reason. `python e2e/test_accessibility.py [SITE_DIR]` prints the counts per rule and
impact instead.
"""

from __future__ import annotations

import collections
import json

import pytest

from tools.serve import page_url, site_pages
from tools.snippets import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# Material's two palettes, as its toggle sets them on <body> (no reload needed: the layout is the same).
SCHEMES = {"light": "default", "dark": "slate"}
BLOCKING = ("serious", "critical")
NOTEBOOK_ALLOWED: dict[str, str] = {}
PAGES = [*site_pages(), ("zh", "404.html")]

SCROLL = """async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
    scrollTo(0, y);
    await new Promise(resolve => setTimeout(resolve, 40)); // not requestAnimationFrame: it can stall headless
  }
  scrollTo(0, 0);
  await new Promise(resolve => setTimeout(resolve, 100));
}"""
# The colour scheme changes colours only: in dark mode only the colour rules run again (axe costs 2-3 s a page).
COLOUR_RULES = {"runOnly": ["color-contrast", "link-in-text-block"]}
RUN = """async (only) => (await axe.run(document, {resultTypes: ["violations"], ...only})).violations.map(v => ({
  id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5), count: v.nodes.length}))"""


def violations(browser, url: str) -> dict[str, list[dict]]:
    """axe's violations of one page in every mode: one browser context and one load; scrolled through at each
    width (boxes that scroll sideways depend on it), then checked in each colour scheme."""
    context = browser.new_context(viewport=WIDTHS["desktop"])
    tab = context.new_page()
    tab.goto(url, wait_until="load")
    tab.add_script_tag(path=str(AXE))
    tab.add_style_tag(content="*, *::before, *::after { transition: none !important }")  # colours switch at once
    found = {}
    for width, viewport in WIDTHS.items():
        if viewport != WIDTHS["desktop"]:  # the page loaded at desktop width
            tab.set_viewport_size(viewport)
            tab.wait_for_timeout(200)  # the page settles at its new width (scroll-focus.js looks at boxes again)
        tab.evaluate(SCROLL)
        for scheme, palette in SCHEMES.items():
            tab.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{palette}')")
            found[f"{scheme}-{width}"] = tab.evaluate(RUN, COLOUR_RULES if scheme == "dark" else {})
    context.close()
    return found


@pytest.mark.parametrize(("lang", "page"), PAGES, ids=[f"{lang}/{page}" for lang, page in PAGES])
def test_no_serious_accessibility_violation(browser, base_url, lang, page):
    url = page_url(base_url, lang, page)
    allowed = NOTEBOOK_ALLOWED if page.startswith("notebooks/") else {}
    bad = [
        f"{mode}: {v['impact']} {v['id']} x{v['count']} at {v['nodes']}"
        for mode, found in violations(browser, url).items()
        for v in found
        if v["impact"] in BLOCKING and v["id"] not in allowed
    ]
    assert not bad, f"{url}: axe violations\n  " + "\n  ".join(bad)


if __name__ == "__main__":  # counts per rule over the whole site, for a before/after comparison
    import sys
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    from tools.browser import CHROMIUM, CHROMIUM_ARGS
    from tools.serve import SITE, serve

    site = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else SITE
    counts: collections.Counter = collections.Counter()
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang, page in [*site_pages(site), ("zh", "404.html")]:
            kind = "notebook" if page.startswith("notebooks/") else "reading"
            for mode, found in violations(browser, page_url(base, lang, page)).items():
                for v in found:
                    counts[(kind, v["impact"], v["id"], mode)] += v["count"]
    print(json.dumps({" ".join(k): n for k, n in sorted(counts.items())}, indent=1, ensure_ascii=False))
