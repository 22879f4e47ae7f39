"""Chinese text: a line break between two Chinese characters in the Markdown source is no space on the page.

Browsers render a source line break as a space, which is right between English words and wrong between Chinese
characters (“时 经常”). Joining those lines before Markdown is parsed removes the stray spaces; a break next to
Latin text, code or markup is left alone. Lines of one block quote (the same `>` markers) are joined the same way;
a line that starts or leaves a quote is not.

The rule is about the two characters, not the page's language, so it applies to every page (an English page that
quotes a Chinese term across a line break gets no stray space either); it needs no page object, and so works in
any Markdown build (MkDocs, Zensical). tools/notebooks.py applies it to the Chinese notebooks' Markdown cells.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

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


class CjkLinesPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return join_cjk_lines("\n".join(lines)).split("\n")


class CjkLinesExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # Before pymdownx.snippets (32) pastes code in (code is never joined), after snippet_blocks (34).
        md.preprocessors.register(CjkLinesPreprocessor(md), "cjk_lines", 33)


def makeExtension(**kwargs) -> CjkLinesExtension:
    return CjkLinesExtension(**kwargs)
