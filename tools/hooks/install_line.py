"""Install line: each home page shows the one `pip install` line of tools/install.py (made from pyproject.toml), in
its set-up block (a shell snippet, snippets/setup/setup.sh) or as inline code; the only other pip line allowed is
the Jupyter one."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from tools.install import install_problems
from tools.pages import DOCS, scan_fences


def on_page_markdown(markdown, page, config, files):
    src = Path(page.file.abs_src_path).resolve()
    if src.suffix != ".md" or src.relative_to(DOCS).parts[1:] != ("index.md",):
        return markdown
    where = src.relative_to(DOCS.parent).as_posix()
    shown = [markdown]
    for *_, inc in scan_fences(markdown, where):
        if inc.shell:
            shown.append(inc.file.read_text(encoding="utf-8"))
    problems = install_problems("\n".join(shown))
    if problems:
        raise PluginError(
            f"{where}: {'; '.join(problems)} (the install line comes from pyproject.toml, see tools/install.py)"
        )
    return markdown
