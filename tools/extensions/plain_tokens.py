"""Code blocks without the spans that change nothing on screen: a Pygments filter (mkdocs.yml gives it to the Python
lexer of pymdownx.highlight).

Pygments wraps every token in a <span> of its type. Two types are drawn exactly as the text around them: plain
names (class "n": Material colours them --md-code-hl-name-color, which is --md-code-fg-color, the code's own
colour) and whitespace (class "w"). As plain text they merge with their neighbours: a third of the spans of a
code block go, the same characters in the same colours remain (a chapter loses ~1,500 elements, which every
style pass, axe run and PDF print walks). Keywords, built-ins, functions, numbers, strings and operators keep their
spans and colours.
"""

from __future__ import annotations

from pygments.filter import Filter
from pygments.token import Name, Text, Whitespace


class PlainTokens(Filter):
    def filter(self, lexer, stream):
        for ttype, value in stream:
            yield (Text if ttype is Name or ttype in Whitespace else ttype), value


# What mkdocs.yml names (`!!python/name:`): a lexer takes filter instances, or names registered as plugins.
plain_tokens = PlainTokens()
