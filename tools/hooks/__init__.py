"""MkDocs hooks, one concern per module, registered in mkdocs.yml `hooks:` (MkDocs loads each file by its path).

- translations.py  every page exists in both languages (on_config)
- snippets.py      page code fences: snippet includes, titles and recorded outputs (on_page_markdown)
- cjk_lines.py     no stray space where a Chinese line breaks in the source (on_page_markdown)
- install_line.py  the home pages show the pip install line made from pyproject.toml (on_page_markdown)
- notebooks.py     the chapter notebooks as pages of each language (on_files ... on_post_page)
- notebook_styles.py notebook pages link their Jupyter CSS instead of inlining it (on_page_content)
- search_languages.py one search index per language (on_post_build)
- katex_math.py    math typeset at build time by the vendored KaTeX (docs/assets/katex) in V8 (on_post_page)
- sitemap.py       the generated notebooks added to sitemap.xml (on_post_build)
- live_outputs.py  `mkdocs serve` re-runs changed snippets before each rebuild (on_startup, on_pre_build)
- print_edition.py the print edition's HTML, one page per language (python -m tools.pdf prints it)

No module here is named like a standard-library module (MkDocs puts this folder first on sys.path while it loads
each hook, so a `math.py` here could shadow `import math`).

HTML outside the page content is changed by template overrides in overrides/ (theme.custom_dir), not here.
This package module holds what several hooks share.
"""

from __future__ import annotations

from tools.pages import LANGS


def language(config) -> str:
    """The language being built: the i18n plugin runs one build per language."""
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n and i18n.current_language else LANGS[0]
