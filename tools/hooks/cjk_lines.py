"""Chinese text: a line break between two Chinese characters in the Markdown source is no space on the page.

Browsers render a source line break as a space, which is right between English words and wrong between Chinese
characters (“时 经常”). Joining those lines before Markdown is parsed removes the stray spaces; a break next to
Latin text, code or markup is left alone. Lines of one block quote (the same `>` markers) are joined the same way;
a line that starts or leaves a quote is not.
"""

from __future__ import annotations

import re

CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"  # CJK punctuation, ideographs, full-width forms
ENDS_CJK = re.compile(rf"[{CJK}]$")
STARTS_CJK = re.compile(rf"^[{CJK}]")
LEAD = re.compile(r"^[ \t]*(?:>[ \t]*)*")  # indentation and block-quote markers


def join_cjk_lines(markdown: str) -> str:
    lines: list[str] = []
    for line in markdown.split("\n"):
        lead = LEAD.match(line).group()
        if (
            lines
            and ENDS_CJK.search(lines[-1])
            and STARTS_CJK.match(line[len(lead) :])
            and LEAD.match(lines[-1]).group().count(">") == lead.count(">")
        ):
            lines[-1] += line[len(lead) :]
        else:
            lines.append(line)
    return "\n".join(lines)


def on_page_markdown(markdown, page, config, files):
    from tools.site import SITE

    if SITE.lang_of(page.file.abs_src_path) == "zh":
        return join_cjk_lines(markdown)
    return markdown
