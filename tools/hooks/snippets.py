"""Snippets: expand each page's code fences (the snippet section, its file as title, its recorded output)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from tools.pages import PageError, expand_fences
from tools.site import SITE


def on_page_markdown(markdown, page, config, files):
    src = Path(page.file.abs_src_path).resolve()
    if SITE.is_notebook_page(src):  # a generated chapter notebook (python -m tools.generate): HTML, no fences
        return markdown
    try:
        return expand_fences(markdown, SITE.lang_of(src), SITE.show(src))
    except PageError as exc:
        raise PluginError(str(exc)) from exc
