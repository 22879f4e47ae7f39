"""Install line: each home page shows the one `pip install` line of tools/install.py (made from pyproject.toml), in
its set-up block (a shell snippet, snippets/setup/setup.sh) or as inline code; the only other pip line allowed is
the Jupyter one."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from tools.install import install_problems
from tools.pages import scan_fences
from tools.site import SITE


def on_page_markdown(markdown, page, config, files):
    src = Path(page.file.abs_src_path).resolve()
    if src.suffix != ".md" or src.relative_to(SITE.docs).parts[1:] != ("index.md",):
        return markdown
    where = SITE.show(src)
    shown = [markdown]
    for fence in scan_fences(markdown, where):
        inc = fence.include
        if inc.shell:
            shown.append(inc.file.read_text(encoding="utf-8"))
    problems = install_problems("\n".join(shown))
    if problems:
        raise PluginError(
            f"{where}: {'; '.join(problems)} (the install line comes from pyproject.toml, see tools/install.py)"
        )
    return markdown
