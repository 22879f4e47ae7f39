"""Notebook pages: their table of contents. A chapter's notebook page (docs/<lang>/notebooks/<chapter>.md, written
by python -m tools.generate) is the notebook rendered to HTML, whose headings Markdown does not see; this hook gives
the page the table of contents of those headings (ids already the chapter's: tools/notebooks.py).
"""

from __future__ import annotations

import re

from mkdocs.structure.toc import get_toc

from tools.notebooks import HEADING

TAG = re.compile(r"<[^>]+>")


def on_page_content(html, page, config, files):
    if not page.meta.get("notebook"):
        return html
    tokens: list[dict] = []
    open_levels: list[tuple[int, list]] = [(0, tokens)]
    for m in HEADING.finditer(html):
        level = int(m["level"])
        item = {"level": level, "id": m["id"], "name": TAG.sub("", m["text"]).strip(), "children": []}
        while open_levels[-1][0] >= level:
            open_levels.pop()
        open_levels[-1][1].append(item)
        open_levels.append((level, item["children"]))
    page.toc = get_toc(tokens)
    return html
