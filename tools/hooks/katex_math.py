"""Math: typeset arithmatex's $...$ and $$...$$ with KaTeX at build time, and serve KaTeX's files from the site.

Readers run no math JavaScript on pages (notebook pages typeset their Markdown cells in the browser, with the
KaTeX copied here). Rendered formulas are cached in .cache/katex.json; the missing ones go to one Node process.
Which pages load KaTeX's CSS and JavaScript is decided in overrides/main.html.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from tools.site import SITE

DOCS = SITE.docs

KATEX = DOCS.parent / "node_modules" / "katex" / "dist"
KATEX_CACHE = DOCS.parent / ".cache" / "katex.json"
RENDER_JS = Path(__file__).with_name("katex_render.js")
# Regex, not a template: the formulas are inside the page content, which no template block splits up. This runs
# after the search plugin has indexed the content, so the index holds the TeX, not KaTeX's HTML and MathML.
MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])</(?P=tag)>', re.S
)
_rendered: dict[str, str] = {}


def _katex(items: list[list], where: str) -> list[str]:
    """KaTeX HTML for [tex, display] items, from the cache or one node process for the missing ones."""
    if not _rendered and KATEX_CACHE.exists():
        _rendered.update(json.loads(KATEX_CACHE.read_text(encoding="utf-8")))
    missing = [item for item in items if json.dumps(item) not in _rendered]
    if missing:
        proc = subprocess.run(
            ["node", str(RENDER_JS)], input=json.dumps(missing), capture_output=True, text=True, cwd=DOCS.parent
        )
        if proc.returncode != 0:
            raise PluginError(f"KaTeX failed on docs/{where}: {proc.stderr[-1000:]}")
        for (tex, display), rendered in zip(missing, json.loads(proc.stdout), strict=True):
            if isinstance(rendered, dict):
                raise PluginError(f"docs/{where}: bad math ${tex}$: {rendered['error']}")
            _rendered[json.dumps([tex, display])] = rendered
        KATEX_CACHE.parent.mkdir(exist_ok=True)
        KATEX_CACHE.write_text(json.dumps(_rendered), encoding="utf-8")
    return [_rendered[json.dumps(item)] for item in items]


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


@event_priority(-200)  # after the i18n plugin's on_post_build (-100), which builds the other languages
def on_post_build(config):
    """Copy KaTeX from node_modules (installed by `npm ci`) into assets/katex, once the whole site is built."""
    site = Path(config.site_dir)
    if not all((site / lang / "index.html").exists() for lang in SITE.langs[1:]):
        return
    if not (KATEX / "katex.min.js").exists():
        raise PluginError(f"{KATEX}/katex.min.js is missing: run `npm ci` (make setup does) to install KaTeX")
    target = site / "assets" / "katex"
    (target / "contrib").mkdir(parents=True, exist_ok=True)
    (target / "fonts").mkdir(exist_ok=True)
    for name in ("katex.min.js", "katex.min.css", "contrib/auto-render.min.js"):
        shutil.copyfile(KATEX / name, target / name)
    for font in (KATEX / "fonts").iterdir():  # browsers fetch only woff2; the CSS also names woff/ttf fallbacks
        shutil.copyfile(font, target / "fonts" / font.name)
