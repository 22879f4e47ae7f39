"""Snippet blocks: each code fence of a page becomes its snippet section, titled with its file, followed by the
section's recorded output (tools.pages.expand_fences writes the fences; pymdownx.snippets then pastes the code and
the output in). A hand-written code block, a missing snippet file or section fails the build.

The language of the page (for the output block's title, 输出 / Output) is the language of its title. MkDocs does not
tell an extension which file it renders, and Zensical only through its own rendering context; a hook that handed
the page over would work under MkDocs alone. A page's title is written in its language, so the rule holds in any
engine, and tests/test_extensions.py checks it for every page against the folder the page lives in: a page that
breaks it fails the tests, naming its file.
An error names the line; MkDocs names the page ("Error reading page 'zh/data-ops.md':", then the message and no
traceback); under Zensical, the message names the page from Zensical's rendering context.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

from tools.pages import PageError, expand_fences

TITLE = re.compile(r"^#[ \t]+(?P<title>.+)$", re.MULTILINE)  # the page's level-1 heading
CJK = re.compile(r"[\u4e00-\u9fff]")
LINE = re.compile(r"^line:(\d+):")  # the engines hand over the page without its front matter: lines count below it

try:  # under MkDocs: a BuildError, which MkDocs reports after the page's name, without a traceback
    from mkdocs.exceptions import PluginError as _EngineError
except ImportError:  # another engine (Zensical): a plain error
    _EngineError = Exception


class SnippetBlockError(PageError, _EngineError):
    """A page's code fence breaks a rule (tools.pages.PageError), raised so that the engine names the page."""


def page_language(markdown: str) -> str:
    """zh when the page's title (else, with no title, its text) has a Chinese character, en otherwise."""
    title = TITLE.search(markdown)
    return "zh" if CJK.search(title["title"] if title else markdown) else "en"


def zensical_page(md) -> str | None:
    """The page's path where Zensical tells extensions (its rendering context, which it offers extensions through
    ContextPreprocessor.from_markdown); None under MkDocs, which names the page itself."""
    try:
        from zensical.extensions.context import ContextPreprocessor
    except ImportError:
        return None
    context = ContextPreprocessor.from_markdown(md)
    return getattr(getattr(context, "page", None), "path", None)


class SnippetBlocksPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        try:
            return expand_fences(markdown, page_language(markdown), "line").split("\n")
        except PageError as exc:  # "line:12: ..." -> "[page: ]line 12 (below the front matter): ..."
            page = zensical_page(self.md)
            message = LINE.sub(r"line \1 (below the front matter):", str(exc), count=1)
            raise SnippetBlockError(f"{page}: {message}" if page else message) from exc


class SnippetBlocksExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # Before pymdownx.snippets (32), which then expands the includes written here, and before cjk_lines (33).
        md.preprocessors.register(SnippetBlocksPreprocessor(md), "snippet_blocks", 34)


def makeExtension(**kwargs) -> SnippetBlocksExtension:
    return SnippetBlocksExtension(**kwargs)
