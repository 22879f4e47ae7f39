"""MkDocs hooks (registered in mkdocs.yml): the build side of the snippet and translation rules."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

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


def on_post_build(config):
    """Serve KaTeX from the site itself: copy it from node_modules (installed by `npm ci`) into assets/katex."""
    site = Path(config.site_dir)
    if site.name in LANGS[1:]:  # other languages are built into site/<lang>/ and share the root assets
        return
    if not (KATEX / "katex.min.js").exists():
        raise PluginError(f"{KATEX}/katex.min.js is missing: run `npm ci` (make setup does) to install KaTeX")
    target = site / "assets" / "katex"
    (target / "contrib").mkdir(parents=True, exist_ok=True)
    (target / "fonts").mkdir(exist_ok=True)
    for name in ("katex.min.js", "katex.min.css", "contrib/auto-render.min.js"):
        shutil.copyfile(KATEX / name, target / name)
    for font in (KATEX / "fonts").glob("*.woff2"):  # every current browser takes woff2, the CSS lists it first
        shutil.copyfile(font, target / "fonts" / font.name)
