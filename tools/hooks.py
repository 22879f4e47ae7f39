"""MkDocs hooks (registered in mkdocs.yml): the build side of the snippet and translation rules."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


def on_page_markdown(markdown, page, config, files):
    src = Path(page.file.abs_src_path).resolve()
    lang = src.relative_to(DOCS).parts[0]
    if lang not in LANGS:
        return markdown
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
