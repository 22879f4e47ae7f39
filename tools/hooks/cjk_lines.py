"""Chinese text: a line break between two Chinese characters in the Markdown source is no space on the page.

Browsers render a source line break as a space, which is right between English words and wrong between Chinese
characters (“时 经常”). Joining those lines before Markdown is parsed removes the stray spaces; a break next to
Latin text, code or markup is left alone.
"""

from __future__ import annotations

import re

CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"  # CJK punctuation, ideographs, full-width forms
BREAK = re.compile(rf"(?<=[{CJK}])\n[ \t]*(?=[{CJK}])")


def join_cjk_lines(markdown: str) -> str:
    return BREAK.sub("", markdown)


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri.startswith("zh/") or "/zh/" in page.file.abs_src_path:
        return join_cjk_lines(markdown)
    return markdown
