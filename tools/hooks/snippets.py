"""Snippets: expand each page's code fences (the snippet section, its file as title, its recorded output)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from tools.pages import DOCS, PageError, expand_fences


def on_page_markdown(markdown, page, config, files):
    src = Path(page.file.abs_src_path).resolve()
    if src.suffix == ".ipynb":  # a generated chapter notebook (hooks/notebooks.py): no fences to expand
        return markdown
    lang = src.relative_to(DOCS).parts[0]
    try:
        return expand_fences(markdown, lang, src.relative_to(DOCS.parent).as_posix())
    except PageError as exc:
        raise PluginError(str(exc)) from exc
