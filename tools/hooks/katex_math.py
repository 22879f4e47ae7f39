"""Math: typeset arithmatex's $...$ and $$...$$ with KaTeX at build time, inside Python.

KaTeX's own JavaScript (docs/assets/katex/, vendored from npm with its licence) runs in V8 embedded by mini-racer
(PyPI): no Node.js. The same files are static files of the site, so notebook pages typeset their Markdown cells in the
browser with them; overrides/main.html decides which pages load KaTeX's CSS and JavaScript. Readers of the other
pages run no math JavaScript. Rendered formulas are cached in .build-cache/katex.json, keyed by KaTeX's file.
"""

from __future__ import annotations

import hashlib
import json
import re
from html import unescape

from mkdocs.exceptions import PluginError
from py_mini_racer import MiniRacer

from tools.site import SITE

DOCS = SITE.docs

KATEX_JS = DOCS / "assets" / "katex" / "katex.min.js"
KATEX_CACHE = SITE.cache / "katex.json"
# [[tex, displayMode], ...] -> JSON [html | {error}, ...]
RENDER_JS = """
function renderAll(items) {
  return JSON.stringify(JSON.parse(items).map(([tex, displayMode]) => {
    try {
      return katex.renderToString(tex, { displayMode, throwOnError: true });
    } catch (error) {
      return { error: String(error.message || error) };
    }
  }));
}
"""
# Regex, not a template: the formulas are inside the page content, which no template block splits up. This runs
# after the search plugin has indexed the content, so the index holds the TeX, not KaTeX's HTML and MathML.
MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])</(?P=tag)>', re.S
)
_cache: dict = {}


def _katex(items: list[list], where: str) -> list[str]:
    """KaTeX HTML for [tex, display] items, from the cache or, for the missing ones, KaTeX in V8."""
    if not _cache:
        version = hashlib.sha256(KATEX_JS.read_bytes()).hexdigest()[:16]  # a new KaTeX renders everything again
        old = json.loads(KATEX_CACHE.read_text(encoding="utf-8")) if KATEX_CACHE.exists() else {}
        _cache.update(old if old.get("katex") == version else {"katex": version, "rendered": {}})
    rendered = _cache["rendered"]
    missing = [item for item in items if json.dumps(item) not in rendered]
    if missing:
        # One V8 per page with new math (~0.2 s to load KaTeX); closed at once: an open one keeps Python from exiting.
        with MiniRacer() as v8:
            v8.eval(KATEX_JS.read_text(encoding="utf-8"))
            v8.eval(RENDER_JS)
            results = json.loads(v8.call("renderAll", json.dumps(missing)))
        for (tex, display), result in zip(missing, results, strict=True):
            if isinstance(result, dict):
                raise PluginError(f"docs/{where}: bad math ${tex}$: {result['error']}")
            rendered[json.dumps([tex, display])] = result
        KATEX_CACHE.parent.mkdir(exist_ok=True)
        KATEX_CACHE.write_text(json.dumps(_cache), encoding="utf-8")
    return [rendered[json.dumps(item)] for item in items]


def render_math(html: str, where: str) -> str:
    """The HTML with every arithmatex formula replaced by KaTeX's output (a formula KaTeX rejects fails)."""
    found = list(MATH.finditer(html))
    if not found:
        return html
    items = [
        [unescape(m["inline"] if m["inline"] is not None else m["display"]), m["display"] is not None] for m in found
    ]
    out, pos = [], 0
    for m, rendered in zip(found, _katex(items, where), strict=True):
        out += [html[pos : m.start()], f'<{m["tag"]} class="arithmatex">{rendered}</{m["tag"]}>']
        pos = m.end()
    return "".join(out) + html[pos:]


def on_post_page(output, page, config):
    head, sep, body = output.partition("</head>")
    return head + sep + render_math(body, page.file.src_uri)
