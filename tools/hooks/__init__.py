"""MkDocs hooks, one concern per module, registered in mkdocs.yml `hooks:` (MkDocs loads each file by its path).
They transform content; what the site renders but nobody writes (the chapter notebooks) is generated before the
build (python -m tools.generate), and what the site is (languages, pages) comes from tools/site.py.

- translations.py  every page exists in every language (on_config)
- install_line.py  the home pages show the pip install line made from pyproject.toml (on_page_markdown)
- notebooks.py     notebook pages: description, no search entry or lightbox, the chapter's heading ids and figure
                   alt texts (on_page_markdown, on_page_content)
- glightbox_defer.py the figure lightbox's script deferred, started at DOMContentLoaded (on_post_page)
- search_languages.py one search index per language (on_post_build)
- katex_math.py    math typeset at build time by the vendored KaTeX (docs/assets/katex) in V8 (on_post_page)
- print_edition.py the print edition's HTML, one page per language (python -m tools.pdf prints it)

No module here is named like a standard-library module (MkDocs puts this folder first on sys.path while it loads
each hook, so a `math.py` here could shadow `import math`).

Content rules that need no page object are Python-Markdown extensions in tools/extensions/ (mkdocs.yml
`markdown_extensions`), so another engine that reads mkdocs.yml (Zensical) applies them too: the code fences'
snippet blocks and outputs (snippet_blocks.py), Chinese line joins (cjk_lines.py), errata and notebook links.

HTML outside the page content is changed by template overrides in overrides/ (theme.custom_dir), not here.
"""
