"""MkDocs hooks (registered in mkdocs.yml): the build side of the snippet and translation rules."""

from __future__ import annotations

import re
import shutil
import sys
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
    if not src.is_relative_to(DOCS) or src.suffix != ".md":  # generated notebooks
        return markdown
    lang = src.relative_to(DOCS).parts[0]
    try:
        return expand_fences(markdown, lang, src.relative_to(DOCS.parent).as_posix())
    except PageError as exc:
        raise PluginError(str(exc)) from exc


KATEX = DOCS.parent / "node_modules" / "katex" / "dist"


HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]+">')


def on_post_page(output, page, config):
    """Drop the per-page hreflang <link>s from <head>; the hreflang pairs live in sitemap.xml instead.

    The i18n plugin points <link rel="alternate" hreflang> at the page's translation, but Material's JavaScript
    takes every such link as a language *root* and fetches "<href>/sitemap.xml": a 404 on every page, and a
    switcher that lands on the other language's home page. Without them, the switcher menu follows the i18n
    plugin's per-page links (no JavaScript needed), and search engines read each page's alternates from
    the i18n plugin's sitemap.xml.
    """
    head, sep, body = output.partition("</head>")
    return HEAD_ALTERNATE.sub("", head) + sep + body


@event_priority(-200)  # after the i18n plugin's on_post_build (-100), which builds the other languages
def on_post_build(config):
    """Finish the site once every language is built (idempotent: it also runs after the nested builds)."""
    site = Path(config.site_dir)
    if not all((site / lang / "index.html").exists() for lang in LANGS[1:]):
        return
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
