"""Notebook pages link their stylesheets instead of carrying them: mkdocs-jupyter puts JupyterLab's CSS (~590 KB)
into every notebook page as <style> blocks, which made each notebook page ~800 KB of HTML, twice the site's
400 KiB page budget. Each block is written once to site/assets/jupyter/<hash>.css and the page links it, so a
reader downloads it once for all notebook pages (the browser caches it).

Content only: the blocks are moved, not changed, in the order they had (a <link rel="stylesheet"> may stand in
the body). Pages without such blocks are left alone.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

STYLE = re.compile(r'<style type="text/css">(?P<css>.*?)</style>', re.S)
FOLDER = "assets/jupyter"


def on_page_content(html, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return html

    def link(m: re.Match) -> str:
        css = m["css"].strip() + "\n"
        name = f"{FOLDER}/{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
        target = Path(config.site_dir) / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(css, encoding="utf-8")
        return f'<link rel="stylesheet" href="{get_relative_url(name, page.url)}">'

    return STYLE.sub(link, html)
