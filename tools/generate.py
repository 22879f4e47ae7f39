"""Generate what the site renders but nobody writes by hand, before MkDocs renders anything: the executed chapter
notebooks of every language, as ordinary (git-ignored) files where the i18n and mkdocs-jupyter plugins find them.

    python -m tools.generate     # make build and make serve run it first

For each chapter page with code:

- docs/<lang>/notebooks/<chapter>.md, the notebook page (<lang prefix>notebooks/<chapter>/): front matter and the
  executed notebook as mkdocs-jupyter's converter renders it. An ordinary Markdown page of its language, so the
  i18n plugin pairs it with its translations (language switcher, sitemap) like any other page;
- docs/<lang>/notebooks/<chapter>/<chapter>.ipynb, the file readers download, served next to that page;
- docs/assets/jupyter/<hash>.css, JupyterLab's stylesheet, linked by every notebook page instead of inlined.

Notebooks are executed once for all languages (they run the same code) and cached by the hash of their code
(.build-cache/notebooks/executed/), their HTML by the notebook's text: a warm run executes and converts nothing and
rewrites no unchanged file (MkDocs' serve rebuilds nothing). Generated files of a chapter that no longer has code
are removed.
"""

from __future__ import annotations

import sys
import time
from concurrent.futures import ThreadPoolExecutor

from . import notebooks
from .site import NOTEBOOKS, SITE
from .snippets import SnippetError


def generate() -> list[str]:
    """Write every chapter notebook of every language; return the files written or removed."""
    chapters = [(lang, page) for lang in SITE.langs for page in SITE.chapters(lang)]
    default = [c for c in chapters if c[0] == SITE.default]
    written, styles = [], {}
    # The default language first, chapters side by side (each runs its own kernel): the other languages then find
    # every execution in the cache.
    for batch in (default, [c for c in chapters if c[0] != SITE.default]):
        with ThreadPoolExecutor(max_workers=2) as pool:
            for files, css in pool.map(lambda c: notebooks.build(c[1], c[0]), batch):
                written += files
                styles.update(css)
    for name, css in sorted(styles.items()):
        if notebooks.write_if_changed(SITE.docs / name, css):
            written.append(SITE.docs / name)
    wanted = {SITE.notebook(lang, page.stem) for lang, page in chapters}
    wanted |= {p.with_suffix("") / f"{p.stem}.ipynb" for p in wanted} | {SITE.docs / name for name in styles}
    generated = [p for lang in SITE.langs for p in (SITE.docs / lang / NOTEBOOKS).rglob("*") if p.is_file()]
    for stale in sorted([*generated, *(SITE.docs / notebooks.STYLES).glob("*")]):
        if stale not in wanted:
            stale.unlink()
            written.append(stale)
    return [SITE.show(p) if p.exists() else f"{SITE.show(p)} (removed)" for p in written]


def main() -> int:
    start = time.perf_counter()
    try:
        written = generate()
    except (SnippetError, OSError) as exc:
        print(f"generating the chapter notebooks failed: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a cell that raised while executing: nbclient names the cell, we name the file
        print(f"generating the chapter notebooks failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    for name in written:
        print(f"generated {name}")
    print(f"chapter notebooks: {len(written)} files written in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
