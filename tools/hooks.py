"""MkDocs hooks (registered in mkdocs.yml): the build side of the snippet and translation rules."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path
from types import SimpleNamespace

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools import notebooks  # noqa: E402
from tools.pages import DOCS, LANGS, PageError, expand_fences, pages  # noqa: E402


def on_config(config):
    """Fail the build when a page exists in one language only (the i18n plugin would silently fall back)."""
    found = {lang: set(pages(lang)) for lang in LANGS}
    for lang in LANGS:
        for other in LANGS:
            for missing in sorted(found[lang] - found[other]):
                raise PluginError(
                    f"docs/{lang}/{missing.as_posix()} has no translation: create docs/{other}/{missing.as_posix()}"
                )
    return config


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n and i18n.current_language else LANGS[0]


def _share_jupyter_cache(config) -> None:
    """mkdocs-jupyter forgets its cache entries at each build's start and evicts unused ones at its end; the i18n
    plugin runs one build per language, so each language evicted the other's entries and nothing stayed warm.
    Start tracking only in the first language's build and evict only at the end of the last one."""
    jupyter = config.plugins.get("mkdocs-jupyter")
    events = config.plugins.events
    for name, keep in (("pre_build", LANGS[0]), ("post_build", LANGS[-1])):
        for i, method in enumerate(events[name]):
            if getattr(method, "__self__", None) is jupyter:

                def wrapped(*args, _method=method, _keep=keep, **kwargs):
                    if _language(config) == _keep:
                        return _method(*args, **kwargs)

                events[name][i] = wrapped


_PATCHED: set[int] = set()
NOTEBOOK_DESCRIPTION = {
    "zh": "《{chapter}》一章的 Jupyter notebook 版本：与网页相同的代码，构建时执行，附带输出和图，可下载 .ipynb。",
    "en": "The chapter {chapter} as a Jupyter notebook: the page's code, executed at build time, with outputs "
    "and plots; the .ipynb is downloadable.",
}
SEARCH_DIALOG_LABEL = {"zh": "搜索", "en": "Search"}


def _title(page: Path) -> str:
    return next(line[2:].strip() for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("# "))


@event_priority(-150)  # after the i18n plugin's on_files (-100), which rebuilds the file list
def on_files(files, config):
    """Add this language's chapter notebooks (made from the pages and snippets, executed, cached) as pages."""
    from mkdocs.structure.files import File
    from mkdocs_jupyter.plugin import NotebookFile

    if id(config.plugins) not in _PATCHED:
        _share_jupyter_cache(config)
        _PATCHED.add(id(config.plugins))
    lang = _language(config)
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    for page in notebooks.chapter_pages(lang):
        notebooks.build(page, lang)
        src = File(f"{lang}/notebooks/{page.stem}.ipynb", str(notebooks.CACHE), config.site_dir, True)
        nb = NotebookFile(src, use_directory_urls=True, site_dir=config.site_dir)
        nb.dest_path = f"{prefix}notebooks/{page.stem}/index.html"
        nb.abs_dest_path = str(Path(config.site_dir) / nb.dest_path)
        nb.url = f"{prefix}notebooks/{page.stem}/"
        # What the i18n plugin knows of its own files, so that the language switcher keeps the notebook.
        nb.locale, nb.locale_alternate_of = lang, "-"
        nb.alternates = {
            other: SimpleNamespace(url=("" if other == LANGS[0] else f"{other}/") + f"notebooks/{page.stem}/")
            for other in LANGS
        }
        files.append(nb)
    return files


def on_page_markdown(markdown, page, config, files):
    src = Path(page.file.abs_src_path).resolve()
    if src.suffix == ".ipynb":  # a generated chapter notebook: its chapter is what search should find
        lang = src.relative_to(notebooks.CACHE).parts[0]
        page.meta["search"] = {"exclude": True}
        page.meta["description"] = NOTEBOOK_DESCRIPTION[lang].format(chapter=_title(DOCS / lang / f"{src.stem}.md"))
        return markdown
    lang = src.relative_to(DOCS).parts[0]
    try:
        return expand_fences(markdown, lang, src.relative_to(DOCS.parent).as_posix())
    except PageError as exc:
        raise PluginError(str(exc)) from exc


KATEX = DOCS.parent / "node_modules" / "katex" / "dist"


KATEX_CSS = re.compile(r'\s*<link rel="stylesheet" href="[^"]*assets/katex/katex\.min\.css">')
KATEX_JS = re.compile(r'\s*<script src="[^"]*assets/(?:katex/[^"]+|javascripts/katex-init\.js)"[^>]*></script>')
MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])</(?P=tag)>', re.S
)


KATEX_CACHE = DOCS.parent / ".cache" / "katex.json"
_KATEX: dict[str, str] = {}


def _katex_cache() -> dict[str, str]:
    if not _KATEX and KATEX_CACHE.exists():
        _KATEX.update(json.loads(KATEX_CACHE.read_text(encoding="utf-8")))
    return _KATEX


KATEX_CACHE = DOCS.parent / ".cache" / "katex.json"
_KATEX: dict[str, str] = {}


def _katex(items: list[list], where: str) -> list[str]:
    """KaTeX HTML for [tex, display] items, from .cache/katex.json or one node process for the missing ones."""
    if not _KATEX and KATEX_CACHE.exists():
        _KATEX.update(json.loads(KATEX_CACHE.read_text(encoding="utf-8")))
    missing = [item for item in items if json.dumps(item) not in _KATEX]
    if missing:
        proc = subprocess.run(
            ["node", str(Path(__file__).with_name("katex_render.js"))],
            input=json.dumps(missing),
            capture_output=True,
            text=True,
            cwd=DOCS.parent,
        )
        if proc.returncode != 0:
            raise PluginError(f"KaTeX failed on docs/{where}: {proc.stderr[-1000:]}")
        for (tex, _), rendered in zip(missing, json.loads(proc.stdout), strict=True):
            if isinstance(rendered, dict):
                raise PluginError(f"docs/{where}: bad math ${tex}$: {rendered['error']}")
            _KATEX[json.dumps([tex, _])] = rendered
        KATEX_CACHE.parent.mkdir(exist_ok=True)
        KATEX_CACHE.write_text(json.dumps(_KATEX), encoding="utf-8")
    return [_KATEX[json.dumps(item)] for item in items]


def render_math(html: str, where: str) -> str:
    """Typeset arithmatex's inline and display math with KaTeX at build time: readers run no math JavaScript."""
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


HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]+">')


NOTEBOOK_HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]*)"')


def _toc_ids(items) -> list[str]:
    return [i for item in items for i in [item.id, *_toc_ids(item.children)]]


def _fix_notebook_heading_ids(output: str, page) -> str:
    """nbconvert and mkdocs-jupyter's table of contents slugify headings differently (Chinese headings get id=""
    in one and _1, _2 in the other): give the headings the ids the table of contents links to, in order."""
    ids = iter(_toc_ids(page.toc.items))
    return NOTEBOOK_HEADING.sub(lambda m: f'<h{m["level"]} id="{next(ids, m["id"])}"', output)


def on_post_page(output, page, config):
    """Drop the per-page hreflang <link>s from <head>; the hreflang pairs live in sitemap.xml instead.

    The i18n plugin points <link rel="alternate" hreflang> at the page's translation, but Material's JavaScript
    takes every such link as a language *root* and fetches "<href>/sitemap.xml": a 404 on every page, and a
    switcher that lands on the other language's home page. Without them, the switcher menu follows the i18n
    plugin's per-page links (no JavaScript needed), and search engines read each page's alternates from
    the i18n plugin's sitemap.xml.
    """
    if page.file.src_uri.endswith(".ipynb"):
        output = _fix_notebook_heading_ids(output, page)
    head, sep, body = output.partition("</head>")
    # Accessibility: Material's search dialog has no accessible name.
    label = SEARCH_DIALOG_LABEL.get(_language(config), "Search")
    body = body.replace('role="dialog">', f'role="dialog" aria-label="{label}">', 1)
    body = render_math(body, page.file.src_uri)
    # KaTeX's CSS only where there is math; its JavaScript only for notebook Markdown ($...$, typeset in the browser).
    if 'class="arithmatex"' not in body and "jupyter-wrapper" not in body:
        head = KATEX_CSS.sub("", head)
    if "jupyter-wrapper" not in body:
        body = KATEX_JS.sub("", body)
    return HEAD_ALTERNATE.sub("", head) + sep + body


def _add_notebooks_to_sitemap(config, site: Path) -> None:
    """The i18n plugin's sitemap lists only the pages it knows; add the generated notebooks."""
    sitemap = site / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8")
    base = config.site_url or "/"
    extra = ""
    for lang in LANGS:
        prefix = "" if lang == LANGS[0] else f"{lang}/"
        for page in notebooks.chapter_pages(lang):
            loc = f"{base}{prefix}notebooks/{page.stem}/"
            if f"<loc>{loc}</loc>" not in text:
                extra += f"    <url>\n        <loc>{loc}</loc>\n    </url>\n"
    if extra:
        text = text.replace("</urlset>", extra + "</urlset>")
        sitemap.write_text(text, encoding="utf-8")
        with gzip.GzipFile(site / "sitemap.xml.gz", "wb", mtime=0) as packed:
            packed.write(text.encode())


@event_priority(-200)  # after the i18n plugin's on_post_build (-100), which builds the other languages
def on_post_build(config):
    """Finish the site once every language is built (idempotent: it also runs after the nested builds)."""
    site = Path(config.site_dir)
    if not all((site / lang / "index.html").exists() for lang in LANGS[1:]):
        return
    _add_notebooks_to_sitemap(config, site)
    # Serve KaTeX from the site itself: copy it from node_modules (installed by `npm ci`) into assets/katex.
    if not (KATEX / "katex.min.js").exists():
        raise PluginError(f"{KATEX}/katex.min.js is missing: run `npm ci` (make setup does) to install KaTeX")
    target = site / "assets" / "katex"
    (target / "contrib").mkdir(parents=True, exist_ok=True)
    (target / "fonts").mkdir(exist_ok=True)
    for name in ("katex.min.js", "katex.min.css", "contrib/auto-render.min.js"):
        shutil.copyfile(KATEX / name, target / name)
    for font in (KATEX / "fonts").iterdir():  # browsers fetch only woff2; the CSS also names woff/ttf fallbacks
        shutil.copyfile(font, target / "fonts" / font.name)
