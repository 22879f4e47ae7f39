"""Sitemap: the i18n plugin's sitemap.xml lists only the pages it knows; add the generated chapter notebooks."""

from __future__ import annotations

import gzip
from pathlib import Path

from mkdocs.plugins import event_priority

from tools import notebooks
from tools.pages import LANGS


@event_priority(-200)  # after the i18n plugin's on_post_build (-100), which builds the other languages
def on_post_build(config):
    site = Path(config.site_dir)
    if not all((site / lang / "index.html").exists() for lang in LANGS[1:]):
        return  # a nested build of one language: the site is not complete yet
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
