"""Install line: each home page shows the one `pip install` line of tools/install.py (made from pyproject.toml)."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from tools.install import install_line
from tools.pages import DOCS

PIP = re.compile(r"`(pip install [^`]*)`")


def on_page_markdown(markdown, page, config, files):
    src = Path(page.file.abs_src_path).resolve()
    if src.suffix != ".md" or src.relative_to(DOCS).parts[1:] != ("index.md",):
        return markdown
    where = src.relative_to(DOCS.parent).as_posix()
    shown = PIP.findall(markdown)
    wrong = [line for line in shown if line != install_line()]
    if not shown or wrong:
        raise PluginError(
            f"{where}: the install line must be `{install_line()}` (from pyproject.toml, see tools/install.py); "
            f"the page shows {shown or 'none'}"
        )
    return markdown
