"""The one install line readers are given (home pages, first cell of every notebook), made from pyproject.toml.

torch is pinned there to the version whose outputs the pages show; PyTorch's CPU-only wheel index keeps pip from
pulling the CUDA build (several GB) on Linux and Windows; on macOS the plain wheel is CPU-only already.
"""

from __future__ import annotations

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
