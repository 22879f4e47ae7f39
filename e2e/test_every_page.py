"""Every page of the site at desktop and phone width, each loaded once per width: what a reader gets, then what
axe-core and the keyboard rule say about it.

One visit per page and width serves all of the page's checks (a page load is most of a check's cost):

1. As a reader gets it, when the page is ready (loaded, Material has mounted its tables; nothing is scrolled and
   nothing waits for frames): the page answers 200 in its language, no console error, no request to another host,
   math typeset by KaTeX and no raw TeX, every table header has text, every image loaded, no sideways scroll of the
   page, transitions back on (the palette's data-md-color-switching gone); a notebook page ran every cell and its
   .ipynb downloads (at phone width, once per page).
2. The keyboard rule: in one task (no frame, no observer in between) every block is laid out at once
   (content-visibility off: what a reader sees when they scroll there), and every box that scrolls sideways must
   already be keyboard-reachable (scroll-focus.js, Material's code blocks, notebook cells). The list names each box
   that breaks it, with its section.
3. axe-core (axe.min.js from the PyPI wheel axe-playwright-python, injected by Playwright: no CDN), by width and
   colour scheme (RUNS): at desktop width in the light scheme, every rule; in the dark scheme (set as Material's
   toggle sets it, an attribute on <body>) the colour rules, all that a scheme changes; at phone width every rule
   but the colour ones (colours do not depend on the width; layout does). The colour rules check each look once,
   not each node (NEW_LOOK): the first element of each combination of text colour, weight, size and the
   backgrounds behind it (for links in text, also what tells them from that text), where a worker first meets it;
   a dark-scheme run is left out when the page has no look that is new in that scheme. KaTeX's MathML (clipped to
   1 px: not drawn) is left to the other rules.
   Reading pages must have no serious or critical violation; on notebook pages, rules listed in NOTEBOOK_ALLOWED
   (none today) would be allowed, each with its reason.

Every browser step is bounded (tools.browser.TIMEOUT_MS): a page that never gets ready fails with its URL and what
it waited for. `python e2e/test_every_page.py [SITE_DIR]` prints axe's counts per rule and impact instead.
"""

from __future__ import annotations

import collections
import importlib.util
import json
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tools.browser import READY, VIEWPORTS
from tools.serve import page_url, site_pages
from tools.snippets import ROOT

AXE_PACKAGE = "axe_playwright_python"  # PyPI's axe-playwright-python ships axe.min.js; we inject it, not its API
SCHEMES = {"light": "default", "dark": "slate"}  # Material's palettes, as its toggle sets them on <body>
BLOCKING = ("serious", "critical")
NOTEBOOK_ALLOWED: dict[str, str] = {}

TRANSITIONS_ON = """() => !document.body.hasAttribute("data-md-color-switching")"""
# What a reader sees when the page is ready, in one evaluation.
AS_READ = r"""() => ({
  lang: document.documentElement.lang,
  untypeset: [...document.querySelectorAll(".arithmatex")]
    .filter((e) => !e.querySelector(".katex") || e.querySelector(".katex-error"))
    .map((e) => e.textContent.slice(0, 60)),
  rawTex: ["\\(", "\\[", "$$"].filter((raw) => document.querySelector(".md-content").innerText.includes(raw)),
  emptyHeaders: [...document.querySelectorAll(".md-typeset th")].filter((th) => !th.textContent.trim()).length,
  brokenImages: [...document.images].filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.src),
  width: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
})"""
# Figures below the first section load as the reader comes near (loading="lazy", tools/extensions/figures.py): the
# check asks for them all now, then waits until each has loaded or failed.
LOAD_FIGURES = """() => document.querySelectorAll("img[loading=lazy]").forEach((img) => { img.loading = "eager"; })"""
FIGURES_SETTLED = """() => [...document.images].every((img) => img.complete)"""
# In one task: lay every block out, then list the boxes that scroll sideways but cannot be reached with the keyboard
# (neither focusable themselves nor holding something focusable).
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
# Contrast is checked once per look, not once per node: axe's colour rules check only what this marks (CONFIGURE).
# A look is all that contrast depends on: the text's colour, weight, size and shadow, and the backgrounds, opacities
# and filters of the element and of all its ancestors (text over a background image is always checked). For a link
# in a block of text (link-in-text-block), also all that tells it apart from the text around it: its underline,
# borders, outline, font, and the colour of that text. A site has tens of thousands of elements with text (code
# tokens, cells, paragraphs) but a few hundred looks, most of them on every page: a look is checked where a worker
# first meets it, in each scheme (`seen`: the looks checked so far; the result: the looks this marked). The same
# look has the same contrast on every page. KaTeX's MathML, clipped to 1 px (its drawn copy is .katex-html), is not
# marked. Run after each scheme change.
NEW_LOOK = """(seen) => {
  seen = new Set(seen);
  for (const el of document.querySelectorAll("[data-axe-new-look], [data-axe-new-link]")) {
    el.removeAttribute("data-axe-new-look");
    el.removeAttribute("data-axe-new-link");
  }
  const behind = new Map();
  const layers = (el) => {  // backgrounds, opacities, filters of el and its ancestors (how deep: no matter)
    if (!el) return "";
    if (!behind.has(el)) {
      const s = getComputedStyle(el);
      const own = s.backgroundImage !== "none" ? `image ${behind.size} ${location.pathname}` : [
        s.backgroundColor === "rgba(0, 0, 0, 0)" ? "" : s.backgroundColor, s.opacity === "1" ? "" : s.opacity,
        s.filter === "none" ? "" : s.filter, s.mixBlendMode === "normal" ? "" : s.mixBlendMode].join(",");
      behind.set(el, own === ",,," ? layers(el.parentElement) : `${own}>${layers(el.parentElement)}`);
    }
    return behind.get(el);
  };
  const hasText = (el) => /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) ||
    [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.data.trim());
  const drawn = (el) => {  // a hidden or clipped first of a look would leave the drawn ones of that look unchecked
    const box = el.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  };
  const textLook = (el, s) => [el.tagName === "INPUT", s.color, s.fontWeight, s.fontSize, s.textShadow,
                               s.webkitTextStrokeWidth, layers(el)].join("|");
  const STYLE = ["color", "background-image", "font-family", "font-weight", "font-style", "font-size",
                 "text-decoration", "text-decoration-line", "text-decoration-style",
                 ...["border-bottom", "border-top", "outline"].flatMap((b) => ["color", "style", "width"].map(
                   (p) => `${b}-${p}`))];
  const block = (el) => {  // the block of text around a link, as axe finds it
    let parent = el.parentElement;
    while (parent && /^inline/.test(getComputedStyle(parent).display)) parent = parent.parentElement;
    return parent;
  };
  const styleOf = (el) => { const s = el && getComputedStyle(el); return STYLE.map((p) => s?.getPropertyValue(p)); };
  const linkLook = (el) => ["link", ...styleOf(el), "in", ...styleOf(block(el)), layers(el)].join("|");
  const marked = [];
  const mark = (el, look, attribute) => {
    if (seen.has(look)) return;
    seen.add(look);
    marked.push(look);
    el.setAttribute(attribute, "");
  };
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".katex-mathml") || !(hasText(el) || el.matches("a[href], [role=link]")) || !drawn(el)) continue;
    if (hasText(el)) mark(el, textLook(el, getComputedStyle(el)), "data-axe-new-look");
    if (el.matches("a[href], [role=link]")) mark(el, linkLook(el), "data-axe-new-link");
  }
  return marked;
}"""
CONFIGURE = """() => axe.configure({rules: [{id: "color-contrast", selector: "[data-axe-new-look]"},
                                        {id: "link-in-text-block", selector: "[data-axe-new-link]"}]})"""
COLOUR = ["color-contrast", "link-in-text-block"]  # all that the colour scheme changes
# The whole document. (KaTeX's aria-hidden HTML copy of each formula is not left out: axe checks every element
# against an exclude list, which cost more than checking those spans; its colours are checked once per look.)
WHOLE = {"include": ["html"]}
NOT_COLOUR = {"rules": {rule: {"enabled": False} for rule in COLOUR}}
# The looks whose contrast this worker has checked, by scheme (NEW_LOOK).
CHECKED: dict[str, set[str]] = collections.defaultdict(set)
RUNS = {  # width: (scheme, axe's context, axe's options), in order
    "desktop": [("light", WHOLE, {}), ("dark", WHOLE, {"runOnly": COLOUR})],
    "phone": [("light", WHOLE, NOT_COLOUR)],
}
# Each node named by its selector and its HTML (a node marked by NEW_LOOK gets that mark as its selector).
RUN = """async ([context, options]) => (await axe.run(context, {resultTypes: ["violations"], ...options})).violations
  .map(v => ({id: v.id, impact: v.impact, count: v.nodes.length,
               nodes: v.nodes.map(n => `${n.target.join(" ")} ${n.html.slice(0, 120)}`).slice(0, 5)}))"""


def visit(tab, url: str, lang: str, page: str, width: str) -> tuple[list[str], dict[str, list[dict]]]:
    """One page at one width, loaded in `tab` (see the `tabs` fixture): (what is wrong for a reader, axe's
    violations by scheme)."""
    errors, foreign = [], []

    def console(msg):
        if msg.type == "error":
            errors.append(msg.text)

    def page_error(exc):
        errors.append(str(exc))

    def request(req):
        if urlsplit(req.url).hostname != "127.0.0.1":
            foreign.append(req.url)

    listeners = {"console": console, "pageerror": page_error, "request": request}
    for event, listener in listeners.items():
        tab.on(event, listener)
    try:
        response = tab.goto(url, wait_until="load")
        tab.wait_for_function(READY, polling=50)  # a timer poll, not animation frames
        bad = [f"answers {response.status}"] if response.status != 200 else []
        try:  # transitions are off only while a reader switches colours (docs/assets/javascripts/palette.js)
            tab.wait_for_function(TRANSITIONS_ON, polling=50, timeout=5_000)
        except PlaywrightTimeout:
            bad.append("transitions stay off: <body data-md-color-switching> 5 s after the page was ready")
        tab.evaluate(LOAD_FIGURES)
        tab.wait_for_function(FIGURES_SETTLED, polling=50, timeout=10_000)
        seen = tab.evaluate(AS_READ)
        bad += [f"<html lang={seen['lang']!r}>"] if seen["lang"] != lang else []
        bad += [f"math not typeset by KaTeX: {text}" for text in seen["untypeset"]]
        bad += [f"raw TeX {raw!r} visible" for raw in seen["rawTex"]]
        bad += [f"{seen['emptyHeaders']} table header cell(s) without text"] if seen["emptyHeaders"] else []
        bad += [f"image did not load: {src}" for src in seen["brokenImages"]]
        if seen["width"][0] > seen["width"][1]:
            bad.append(f"the page scrolls sideways ({seen['width'][0]} > {seen['width'][1]} px)")
        if page.startswith("notebooks/") and width == "phone":
            bad += notebook_problems(tab, url, lang, page)
        bad += [f"scrolls sideways, no tab stop when the page is ready: {box}" for box in tab.evaluate(UNREACHABLE)]

        tab.add_script_tag(path=str(axe_js()))
        tab.evaluate(CONFIGURE)
        found = collections.defaultdict(list)
        for scheme, axe_context, options in RUNS[width]:
            tab.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{SCHEMES[scheme]}')")
            new_looks = tab.evaluate(NEW_LOOK, sorted(CHECKED[scheme])) if options is not NOT_COLOUR else []
            if options.get("runOnly") == COLOUR and not new_looks:
                continue  # a run of the colour rules, and every look on the page has been checked in this scheme
            found[scheme] += tab.evaluate(RUN, [axe_context, options])
            CHECKED[scheme].update(new_looks)
        bad += [f"console error: {text}" for text in errors]
        bad += [f"request to another host: {url}" for url in foreign]
        return bad, found
    finally:
        for event, listener in listeners.items():
            tab.remove_listener(event, listener)


def axe_js() -> Path:
    """axe-core's axe.min.js inside the installed wheel (found without importing the package)."""
    spec = importlib.util.find_spec(AXE_PACKAGE)
    axe = Path(spec.origin).with_name("axe.min.js") if spec else None
    if not (axe and axe.exists()):
        pytest.fail("axe.min.js is missing: run `make setup` (installs axe-playwright-python)", pytrace=False)
    return axe


def notebook_problems(tab, url: str, lang: str, page: str) -> list[str]:
    """A mkdocs-jupyter page: every code cell ran, plots are inline, math is typeset, and the .ipynb next to the
    page downloads with its outputs."""
    slug = page.strip("/").split("/")[-1]
    cell = ".jp-CodeCell[id^='cell-id=']"  # nbconvert nests two .jp-CodeCell divs per cell
    prompts = tab.evaluate(f'[...document.querySelectorAll("{cell} .jp-InputPrompt")].map(e => e.textContent.trim())')
    bad = [f"cells not executed: {prompts}"] if not prompts or "[ ]:" in prompts else []
    if not tab.evaluate("document.querySelectorAll('.jp-OutputArea-output').length"):
        bad.append("no cell output")
    figures = (ROOT / "docs" / lang / f"{slug}.md").read_text(encoding="utf-8").count("](../assets/figures/")
    images = tab.evaluate("document.querySelectorAll('.jp-OutputArea-output img').length")
    if images < figures:
        bad.append(f"{figures} figures on the chapter page, {images} plots in the notebook")
    raw = tab.evaluate(
        "[...document.querySelectorAll('.jp-RenderedMarkdown')].filter(e => /\\$[^$\\s][^$]*\\$/.test(e.innerText))"
        ".map(e => e.innerText.slice(0, 80))"
    )
    bad += [f"math not typeset: {text}" for text in raw[:3]]
    with urllib.request.urlopen(f"{url}{slug}.ipynb") as response:
        code = [c for c in json.load(response)["cells"] if c["cell_type"] == "code"]
    if len(code) != len(prompts) or not all(c["execution_count"] for c in code):
        bad.append(f"{slug}.ipynb: {len(code)} code cells, not all executed ({len(prompts)} on the page)")
    return bad


def blocking(found: dict[str, list[dict]], allowed: dict[str, str], width: str) -> list[str]:
    return [
        f"axe {scheme}-{width}: {v['impact']} {v['id']} x{v['count']} at {v['nodes']}"
        for scheme, violations in found.items()
        for v in violations
        if v["impact"] in BLOCKING and v["id"] not in allowed
    ]


PAGES = [*site_pages(), ("zh", "404.html")]
CASES = [(lang, page, width) for lang, page in PAGES for width in VIEWPORTS]
CASE_IDS = [f"{lang}/{page}-{width}" for lang, page, width in CASES]


@pytest.mark.parametrize(("lang", "page", "width"), CASES, ids=CASE_IDS)
def test_page(tabs, base_url, lang, page, width):
    url = page_url(base_url, lang, page)
    allowed = NOTEBOOK_ALLOWED if page.startswith("notebooks/") else {}
    with tabs.at(width) as tab:
        bad, found = visit(tab, url, lang, page, width)
    bad += blocking(found, allowed, width)
    assert not bad, f"{url} at {width} width:\n  " + "\n  ".join(bad)


if __name__ == "__main__":  # axe's counts per rule over the whole site, for a before/after comparison
    import sys

    from playwright.sync_api import sync_playwright

    from tools.browser import CHROMIUM, CHROMIUM_ARGS, Tabs, new_context
    from tools.serve import SITE, serve

    site = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else SITE
    counts: collections.Counter = collections.Counter()
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tabs = Tabs({width: new_context(browser, viewport=viewport) for width, viewport in VIEWPORTS.items()})
        for lang, page in [*site_pages(site), ("zh", "404.html")]:
            kind = "notebook" if page.startswith("notebooks/") else "reading"
            for width in VIEWPORTS:
                with tabs.at(width) as tab:
                    bad, found = visit(tab, page_url(base, lang, page), lang, page, width)
                counts[(kind, "serious", "reader", width)] += len(bad)
                for scheme, violations in found.items():
                    for v in violations:
                        counts[(kind, v["impact"], v["id"], f"{scheme}-{width}")] += v["count"]
    print(json.dumps({" ".join(k): n for k, n in sorted(counts.items())}, indent=1, ensure_ascii=False))
