"""Snippet files: parse their named sections and run them, capturing what each section prints.

A snippet file is plain Python split into named sections with pymdownx.snippets markers::

    # --8<-- [start:create]
    import torch
    x = torch.arange(12)
    print(x)
    # --8<-- [end:create]

Every non-blank line belongs to exactly one section, so the page (which includes the sections)
and the file (which a reader runs with ``python snippets/...py``) are the same program.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import random
import re
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
FIGURES = ROOT / "docs" / "assets" / "figures"
OUTPUT_DIR = "outputs"  # snippets/<chapter>/outputs/<stem>.txt holds what each section prints

# The include format, read in one place: a section marker, in a snippet file behind a comment ("# --8<-- [start:x]")
# and bare in an outputs file ("--8<-- [start:x]"), and an include line in a page ('--8<-- "file.py:section"').
SECTION_MARKER = re.compile(r"^\s*(?:#\s*)?-+8<-+\s+\[\s*(start|end)\s*:\s*([a-z][-_0-9a-z]*)\s*\]\s*$", re.I)
INCLUDE_LINE = re.compile(r'^\s*-+8<-+[ \t]+"(?P<target>[^"]+)"\s*$')

# Snippets whose output depends on the machine (timings): compared by shape, re-measured only on request.
VOLATILE_PREFIX = "bench_"


class SnippetError(Exception):
    """A snippet file is malformed or raised while running; the message names the file and line."""


@dataclass(frozen=True)
class Section:
    path: Path
    name: str
    code: str
    first_line: int  # 1-based line number of the first code line in the file

    @property
    def ref(self) -> str:
        return f"{rel(self.path)}:{self.name}"


def include_target(line: str) -> str | None:
    """'--8<-- "data_ops/create.py:arange"' -> 'data_ops/create.py:arange' (None for any other line)."""
    m = INCLUDE_LINE.match(line)
    return m.group("target") if m else None


def rel(path: Path) -> str:
    """Path relative to snippets/, the form pages use in --8<-- includes: snippets/<chapter>/<file>.py."""
    path = Path(path)
    return f"{path.parent.name}/{path.name}"


def snippet_files(snippets: Path = SNIPPETS) -> list[Path]:
    return sorted(p for p in snippets.rglob("*.py") if OUTPUT_DIR not in p.parts and "__pycache__" not in p.parts)


def output_file(path: Path) -> Path:
    return Path(path).parent / OUTPUT_DIR / (Path(path).stem + ".txt")


def is_volatile(path: Path) -> bool:
    return Path(path).name.startswith(VOLATILE_PREFIX)


def split_sections(text: str, where: str) -> list[tuple[str, int, list[str]]]:
    """(name, first line, lines) of each section of a text written in the include format.

    The rules, the same for snippet files and outputs files: every non-blank line is inside a section, a section
    is closed by its own end marker before the next one starts, and no name is used twice.
    """
    sections: list[tuple[str, int, list[str]]] = []
    current: str | None = None
    start = 0
    body: list[str] = []
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        m = SECTION_MARKER.match(line)
        if m is None:
            if current is None and line.strip():
                raise SnippetError(f"{where}:{lineno}: code outside any '# --8<-- [start:name]' section")
            if current is not None:
                body.append(line)
            continue
        kind, name = m.group(1).lower(), m.group(2)
        if kind == "start":
            if current is not None:
                raise SnippetError(f"{where}:{lineno}: section '{name}' starts inside section '{current}'")
            if name in seen:
                raise SnippetError(f"{where}:{lineno}: section '{name}' defined twice")
            current, start, body = name, lineno + 1, []
            seen.add(name)
        else:
            if current != name:
                raise SnippetError(f"{where}:{lineno}: '[end:{name}]' does not close section '{current}'")
            sections.append((name, start, body))
            current = None
    if current is not None:
        raise SnippetError(f"{where}: section '{current}' is never closed")
    return sections


@functools.lru_cache(maxsize=512)
def _parse(path: Path, text: str) -> tuple[Section, ...]:
    where = _display(path)
    found = tuple(
        Section(path, name, "\n".join(body).strip("\n") + "\n", first)
        for name, first, body in split_sections(text, where)
    )
    if not found:
        raise SnippetError(f"{where}: no sections")
    return found


def _display(path: Path) -> str:
    """A path as messages show it: relative to the repository (or the fixture project) when possible."""
    path = Path(path).resolve()
    for base in (ROOT, Path.cwd()):
        with contextlib.suppress(ValueError):
            return path.relative_to(base).as_posix()
    return str(path)


def parse_sections(path: Path) -> list[Section]:
    """The sections of a snippet file, checked; cached by the file's content."""
    path = Path(path).resolve()
    if not path.is_file():
        raise SnippetError(f"{_display(path)}: snippet file does not exist")
    return list(_parse(path, path.read_text(encoding="utf-8")))


def reset_state(seed: int | None = None) -> None:
    """Put process-wide state where a fresh interpreter would (or, with a seed, somewhere else on purpose).

    Snippets must seed their own random number generators; running them after ``reset_state(seed)``
    with an arbitrary seed proves they do.
    """
    import torch

    torch.manual_seed(67280421310721 if seed is None else seed)  # torch's own start-up seed
    random.seed(seed)
    with contextlib.suppress(ImportError):
        import numpy as np

        np.random.seed(seed)
    with contextlib.suppress(ImportError):
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        plt.close("all")
        matplotlib.rcdefaults()
        # Deterministic SVG: fixed ids (hash salt); SOURCE_DATE_EPOCH fixes the date metadata.
        matplotlib.rcParams["svg.hashsalt"] = "d2l-notes"
        # Every vertex drawn, none dropped by path simplification: which vertices it drops depends on the last bits
        # of the data, so the same figure from another CPU would have a different number of points.
        matplotlib.rcParams["path.simplify"] = False
    os.environ["SOURCE_DATE_EPOCH"] = "0"


def tidy(text: str) -> str:
    """Normalise output the way it is stored: no trailing spaces, one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


class Runner:
    """Runs code blocks in one namespace, in order, like a reader following along in one session."""

    def __init__(self, filename: str = "<page>"):
        self.namespace: dict = {"__name__": "__main__", "__file__": filename}

    def run(self, code: str, where: str, first_line: int = 1) -> str:
        # Pad with newlines so that tracebacks point at the real line of the snippet file.
        source = "\n" * (first_line - 1) + code
        buffer = io.StringIO()
        try:
            compiled = compile(source, where.split(":")[0], "exec")
            with contextlib.redirect_stdout(buffer):
                exec(compiled, self.namespace)
        except Exception as exc:
            tb = "".join(traceback.format_exception(exc)[-6:])
            raise SnippetError(f"{where} raised {type(exc).__name__}: {exc}\n{tb}") from exc
        return tidy(buffer.getvalue())


def run_file(path: Path) -> dict[str, str]:
    """Run every section of a file in order in a fresh namespace; return each section's output."""
    path = Path(path).resolve()
    runner = Runner(str(path))
    return {s.name: runner.run(s.code, f"snippets/{s.ref}", s.first_line) for s in parse_sections(path)}


def format_outputs(outputs: dict[str, str]) -> str:
    """The outputs file: one pymdownx.snippets section per section that printed something."""
    parts = [f"--8<-- [start:{name}]\n{text}--8<-- [end:{name}]\n" for name, text in outputs.items() if text]
    return "".join(parts)


def read_outputs(path: Path) -> dict[str, str]:
    """Parse a snippet file's outputs file back into {section: text} (cached by the file's content)."""
    out_path = output_file(path)
    if not out_path.exists():
        return {}
    return dict(_parse_outputs(_display(out_path), out_path.read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=512)
def _parse_outputs(where: str, text: str) -> tuple[tuple[str, str], ...]:
    return tuple((name, "".join(line + "\n" for line in lines)) for name, _, lines in split_sections(text, where))
