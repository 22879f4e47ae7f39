"""Pages: find them, check their code fences, and turn snippet includes into titled code + output blocks.

Authors write only the include of a snippet section::

    ```python
    --8<-- "data_ops/tensors.py:arange"
    ```

``expand_fences`` (run by the MkDocs hook before pymdownx.snippets, and by the tests) titles the block with
its file and, when the section prints something, appends the committed output as a second block marked
``<!--pytest-codeblocks:expected-output-->``, so pytest-codeblocks' parser pairs code with its output.
Any other fence is an error: all code on the site comes from ``snippets/``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from .snippets import ROOT, SNIPPETS, SnippetError, output_file, parse_sections, read_outputs

DOCS = ROOT / "docs"
LANGS = ("zh", "en")  # the first is the default language, served at /
OUTPUT_TITLE = {"zh": "输出", "en": "Output"}

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
INCLUDE = re.compile(r'^-{1,}8<-{1,}[ \t]+"(?P<target>[^"]+)"$')
EXPECTED = "<!--pytest-codeblocks:expected-output-->"


class PageError(Exception):
    """A page breaks a rule of the site; the message names the page and line."""


@dataclass
class Include:
    file: Path  # the snippet file
    section: str | None  # None: the whole file

    @property
    def target(self) -> str:
        base = self.file.relative_to(SNIPPETS).as_posix()
        return f"{base}:{self.section}" if self.section else base


def pages(lang: str) -> list[Path]:
    """Markdown pages of one language, relative to docs/<lang>/."""
    base = DOCS / lang
    return sorted(p.relative_to(base) for p in base.rglob("*.md"))


def resolve(target: str, where: str) -> Include:
    """Check that an include names an existing snippet file (and section)."""
    path, _, section = target.partition(":")
    file = SNIPPETS / path
    if not file.is_file():
        raise PageError(f"{where}: snippet file 'snippets/{path}' does not exist")
    if file.suffix != ".py":
        raise PageError(f"{where}: include 'snippets/{path}': only .py files are shown as code")
    if section:
        try:
            names = [s.name for s in parse_sections(file)]
        except SnippetError as exc:
            raise PageError(f"{where}: {exc}") from exc
        if section not in names:
            raise PageError(f"{where}: snippet file 'snippets/{path}' has no section '{section}'")
    return Include(file, section or None)


def scan_fences(markdown: str, where: str):
    """Yield (start_line_index, end_line_index, indent, info, Include) for each fence; reject hand-written code."""
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
        inc = INCLUDE.match(body[0]) if len(body) == 1 else None
        if inc is None:
            raise PageError(
                f"{where}:{i + 1}: hand-written code block. Put the code in snippets/ and include it with\n"
                f'    ```python\n    --8<-- "<chapter>/<file>.py:<section>"\n    ```'
            )
        target = inc.group("target")
        if "/outputs/" in target:
            raise PageError(f"{where}:{i + 1}: outputs are added automatically; include only the code section")
        yield i, j, indent, info, resolve(target, f"{where}:{i + 2}")
        i = j + 1


def expand_fences(markdown: str, lang: str, where: str) -> str:
    """Title every snippet block with its file and append its recorded output (see module docstring)."""
    lines = markdown.split("\n")
    out: list[str] = []
    pos = 0
    outputs_cache: dict[Path, dict[str, str]] = {}
    for start, end, indent, info, inc in scan_fences(markdown, where):
        out.extend(lines[pos:start])
        lang_name = info.split()[0] if info else ""
        if lang_name not in ("python", "py"):
            raise PageError(f"{where}:{start + 1}: snippet blocks must be ```python fences, not '{info}'")
        title = f'title="{inc.file.relative_to(ROOT).as_posix()}"'
        out.append(f"{indent}```{info} {title}" if "title=" not in info else f"{indent}```{info}")
        out.extend(lines[start + 1 : end + 1])
        if inc.section is not None:
            recorded = outputs_cache.setdefault(inc.file, read_outputs(inc.file))
            if recorded.get(inc.section):
                rel_out = output_file(inc.file).relative_to(SNIPPETS).as_posix()
                out += [
                    "",
                    f"{indent}{EXPECTED}",
                    "",
                    f'{indent}```{{ .text .no-copy title="{OUTPUT_TITLE[lang]}" }}',  # output: no copy button
                    f'{indent}--8<-- "{rel_out}:{inc.section}"',
                    f"{indent}```",
                ]
        pos = end + 1
    out.extend(lines[pos:])
    return "\n".join(out)


def includes(path: Path, lang: str) -> list[Include]:
    """The snippet includes of a page, in order."""
    where = path.relative_to(ROOT).as_posix()
    return [inc for *_, inc in scan_fences(path.read_text(encoding="utf-8"), where)]


@dataclass
class PageBlock:
    include: Include
    code: str  # expanded, as the reader sees it
    expected_output: str | None
    lineno: int


def _snippet_preprocessor():
    import markdown

    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(SNIPPETS)], "check_paths": True}},
    )
    return md.preprocessors["snippet"]


def page_blocks(path: Path, lang: str) -> list[PageBlock]:
    """The page's code blocks as pytest-codeblocks parses them, with includes expanded by pymdownx.snippets."""
    from pytest_codeblocks import extract_from_buffer

    where = path.relative_to(ROOT).as_posix()
    source = expand_fences(path.read_text(encoding="utf-8"), lang, where)
    incs = [inc for *_, inc in scan_fences(path.read_text(encoding="utf-8"), where)]
    blocks = extract_from_buffer(io.StringIO(source))
    if len(blocks) != len(incs):
        raise PageError(f"{where}: pytest-codeblocks found {len(blocks)} code blocks, expected {len(incs)}")
    pre = _snippet_preprocessor()

    def expand(text: str) -> str:
        return "\n".join(pre.run(text.rstrip("\n").split("\n"))).strip("\n") + "\n"

    result = []
    for block, inc in zip(blocks, incs, strict=True):
        if not (block.syntax or "").startswith("python"):
            raise PageError(f"{where}:{block.lineno}: unexpected block type '{block.syntax}'")
        expected = expand(block.expected_output) if block.expected_output is not None else None
        result.append(PageBlock(inc, expand(block.code), expected, block.lineno))
    return result
