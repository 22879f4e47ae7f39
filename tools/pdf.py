"""Print the print edition to site/pdf/d2l-notes-<lang>.pdf: `python -m tools.pdf` after `mkdocs build`.

The build (tools/hooks/print_edition.py) writes one HTML document per language to .cache/print/<lang>.html. This
serves site/ on loopback (the document's styles, fonts and figures are the site's own), opens the document in
Debian's headless Chromium (or $CHROMIUM; never a downloaded browser) and prints it with Playwright's page.pdf:
tagged, with bookmarks from the headings. Chromium cannot fill in page numbers by itself (no target-counter()), so
it prints twice: the first PDF tells on which page each table-of-contents entry starts (its named destinations,
read with poppler's pdfinfo), the numbers go into the table of contents, and the second print is the PDF.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .serve import serve
from .snippets import ROOT

SITE = Path(os.environ.get("SITE_DIR", ROOT / "site")).resolve()
PRINT = ROOT / ".cache" / "print"
LANGS = ("zh", "en")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
MAX_BYTES = 10 * 1024 * 1024


def pdf_path(lang: str) -> Path:
    return SITE / "pdf" / f"d2l-notes-{lang}.pdf"


def destinations(pdf: Path) -> dict[str, int]:
    """Named destination -> page number (1-based), from `pdfinfo -dests` (poppler-utils)."""
    out = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True, check=True).stdout
    found = {}
    for line in out.splitlines():
        m = re.match(r"\s*(\d+)\s+\[.*?\]\s+\"(.*)\"\s*$", line)
        if m:
            found[m[2]] = int(m[1])
    return found


def _print(page, target: Path) -> None:
    page.pdf(path=str(target), prefer_css_page_size=True, print_background=True, outline=True, tagged=True)


def build(lang: str, browser, url: str) -> Path:
    source = PRINT / f"{lang}.html"
    if not source.exists():
        sys.exit(f"{source} is missing: build the site first (`make build`), the print_edition hook writes it")
    html = source.read_text(encoding="utf-8")
    page = browser.new_page()
    address = f"{url}__print__/{lang}.html"  # served from memory: the document is not part of the site
    page.route(address, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.goto(address, wait_until="load")
    page.evaluate("document.fonts.ready")
    if failed:
        sys.exit(f"print edition ({lang}): could not load {failed}")
    target = pdf_path(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        first = Path(tmp) / "first.pdf"
        _print(page, first)
        pages = destinations(first)
    targets = page.eval_on_selector_all("[data-target]", "els => els.map(e => e.dataset.target)")
    missing = [t for t in targets if t not in pages]
    if missing:
        sys.exit(f"print edition ({lang}): no page found for {missing[:5]} (Chromium wrote no destination)")
    page.evaluate(
        "pages => document.querySelectorAll('[data-target]').forEach(e => e.textContent = pages[e.dataset.target])",
        {t: pages[t] for t in targets},
    )
    _print(page, target)
    page.close()
    return target


def main() -> None:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        sys.exit(f"no browser at {CHROMIUM}: `apt-get install chromium` (or set CHROMIUM=...)")
    start = time.perf_counter()
    with serve(SITE) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in LANGS:
            t0 = time.perf_counter()
            target = build(lang, browser, url)
            size = target.stat().st_size
            count = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
            pages = re.search(r"Pages:\s+(\d+)", count)
            print(
                f"{target.relative_to(ROOT)}: {pages[1] if pages else '?'} pages, {size / 1e6:.1f} MB, "
                f"{time.perf_counter() - t0:.1f} s"
            )
            if size > MAX_BYTES:
                sys.exit(f"{target} is {size / 1e6:.1f} MB: over the 10 MiB budget")
        browser.close()
    meta = json.dumps({lang: pdf_path(lang).name for lang in LANGS})
    print(f"print edition built in {time.perf_counter() - start:.1f} s: {meta}")


if __name__ == "__main__":
    main()
