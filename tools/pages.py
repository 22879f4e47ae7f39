"""Pages: find them, check their code fences, and turn snippet includes into titled code + output blocks.

Authors write only the include of a snippet section::

    ```python
    --8<-- "data_ops/tensors.py:arange"
    ```

``expand_fences`` (run by tools/extensions/snippet_blocks.py before pymdownx.snippets) titles the block with its
file and, when the section prints something, appends the committed output as a second block. Any other fence is an
error: all code on the site comes from ``snippets/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .site import SITE, Site
from .snippets import SnippetError, include_target, output_file, parse_sections, read_outputs, rel

OUTPUT_TITLE = {"zh": "输出", "en": "Output"}  # the title of an output block, in the page's language
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")

__all__ = ["PageError", "Fence", "Include", "expand_fences", "scan_fences"]


class PageError(Exception):
    """A page breaks a rule of the site; the message names the page and line."""


@dataclass(frozen=True)
class Include:
    file: Path  # the snippet file
    section: str | None  # None: the whole file

    @property
    def shell(self) -> bool:
        """Shell commands (snippets/**/*.sh), shown in a ```sh fence: set-up steps a reader copies into a terminal.
        They are not Python, so the page tests do not run them (tests/test_setup.py checks them)."""
        return self.file.suffix == ".sh"

    @property
    def target(self) -> str:
        return f"{rel(self.file)}:{self.section}" if self.section else rel(self.file)


@dataclass(frozen=True)
class Fence:
    start: int  # 0-based index of the opening line
    end: int  # 0-based index of the closing line
    indent: str
    info: str
    include: Include


def resolve(target: str, where: str, project: Site = SITE) -> Include:
    """Check that an include names an existing snippet file (and section)."""
    path, _, section = target.partition(":")
    file = project.snippets / path
    if not file.is_file():
        raise PageError(f"{where}: snippet file 'snippets/{path}' does not exist")
    if file.suffix not in (".py", ".sh"):
        raise PageError(f"{where}: include 'snippets/{path}': only .py files (and .sh commands) are shown as code")
    if section:
        try:
            names = [s.name for s in parse_sections(file)]
        except SnippetError as exc:
            raise PageError(f"{where}: {exc}") from exc
        if section not in names:
            raise PageError(f"{where}: snippet file 'snippets/{path}' has no section '{section}'")
    return Include(file, section or None)


def scan_fences(markdown: str, where: str, project: Site = SITE) -> Iterator[Fence]:
    """Yield each code fence with its include; reject hand-written code."""
    lines = markdown.split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = m.group("indent"), m.group("fence"), m.group("info").strip()
        j = i + 1
        while j < len(lines):
            close = lines[j].strip()
            if close.startswith(fence[0] * len(fence)) and not close.strip(fence[0]):
                break
            j += 1
        else:
            raise PageError(f"{where}:{i + 1}: code fence is never closed")
        body = [line.strip() for line in lines[i + 1 : j] if line.strip()]
        target = include_target(body[0]) if len(body) == 1 else None
        if target is None:
            raise PageError(
                f"{where}:{i + 1}: hand-written code block. Put the code in snippets/ and include it with\n"
                f'    ```python\n    --8<-- "<chapter>/<file>.py:<section>"\n    ```'
            )
        if "/outputs/" in target:
            raise PageError(f"{where}:{i + 1}: outputs are added automatically; include only the code section")
        yield Fence(i, j, indent, info, resolve(target, f"{where}:{i + 2}", project))
        i = j + 1


def expand_fences(markdown: str, lang: str, where: str, project: Site = SITE) -> str:
    """Title every snippet block with its file and append its recorded output (see module docstring)."""
    lines = markdown.split("\n")
    out: list[str] = []
    pos = 0
    for fence in scan_fences(markdown, where, project):
        start, end, indent, info, inc = fence.start, fence.end, fence.indent, fence.info, fence.include
        out.extend(lines[pos:start])
        lang_name = info.split()[0] if info else ""
        if inc.shell and lang_name != "sh":
            raise PageError(f"{where}:{start + 1}: shell commands (snippets/{inc.target}) go in a ```sh fence")
        if not inc.shell and lang_name not in ("python", "py"):
            raise PageError(f"{where}:{start + 1}: snippet blocks must be ```python fences, not '{info}'")
        title = f'title="snippets/{inc.target.partition(":")[0]}"'
        out.append(f"{indent}```{info} {title}" if "title=" not in info else f"{indent}```{info}")
        out.extend(lines[start + 1 : end + 1])
        if inc.section is not None and not inc.shell and read_outputs(inc.file).get(inc.section):
            rel_out = f"{rel(inc.file).rpartition('/')[0]}/outputs/{output_file(inc.file).name}"
            out += [
                "",
                f'{indent}```{{ .text .no-copy title="{OUTPUT_TITLE[lang]}" }}',  # output: no copy button
                f'{indent}--8<-- "{rel_out}:{inc.section}"',
                f"{indent}```",
            ]
        pos = end + 1
    out.extend(lines[pos:])
    return "\n".join(out)
