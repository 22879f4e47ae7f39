"""The one install line readers are given (home pages, first cell of every notebook), made from pyproject.toml.

torch is pinned there to the version whose outputs the pages show; PyTorch's CPU-only wheel index keeps pip from
pulling the CUDA build (several GB) on Linux and Windows; on macOS the plain wheel is CPU-only already.
"""

from __future__ import annotations

import re
import tomllib

from .snippets import ROOT

TORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def requirements() -> list[str]:
    """The packages the snippets need, as pyproject.toml's [project] dependencies state them."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["dependencies"]


def install_line() -> str:
    """`pip install ...` for a reader's shell: specifiers with < or > are double-quoted (bash, zsh, PowerShell, cmd)."""
    args = [f'"{req}"' if any(c in req for c in "<>") else req for req in requirements()]
    return f"pip install {' '.join(args)} --extra-index-url {TORCH_CPU_INDEX}"


# Jupyter, to open a downloaded .ipynb (`jupyter notebook`): not needed by the snippets, so not in pyproject.toml.
NOTEBOOK_LINE = "pip install notebook"


def shown_lines(text: str) -> list[str]:
    """The `pip install ...` commands in a text: lines of a shell snippet, or inline code spans of a page."""
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith("pip install ")]
    spans = re.findall(r"`(pip install [^`]*)`", text)
    return lines + spans


def install_problems(text: str) -> list[str]:
    """What is wrong with the pip lines a reader is shown: the torch line must be install_line(), the only other
    one the Jupyter line."""
    shown = shown_lines(text)
    problems = [
        f"`{line}` is neither `{install_line()}` nor `{NOTEBOOK_LINE}`"
        for line in shown
        if line not in (install_line(), NOTEBOOK_LINE)
    ]
    if install_line() not in shown:
        problems.append(f"the install line `{install_line()}` is not shown")
    return problems
