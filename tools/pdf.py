"""Print the print edition to site/pdf/d2l-notes-<lang>.pdf: `python -m tools.pdf` after `mkdocs build`.

The build (tools/hooks/print_edition.py) writes one HTML document per language to .cache/print/<lang>.html. This
serves site/ on loopback (the document's styles, fonts and figures are the site's own), opens the document in
Debian's headless Chromium (or $CHROMIUM; never a downloaded browser) and prints it with Playwright's page.pdf:
tagged, with bookmarks from the headings. Chromium cannot fill in page numbers by itself (no target-counter()), so
it prints twice: the first PDF tells on which page each table-of-contents entry starts (its named destinations,
read with poppler's pdfinfo), the numbers go into the table of contents, and the second print is the PDF.
"""

from __future__ import annotations

import asyncio
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


async def _print(page, target: Path, final: bool) -> None:
    # Only the final print is tagged and gets bookmarks (the first one is only read for page numbers: faster).
    await page.pdf(path=str(target), prefer_css_page_size=True, print_background=final, outline=final, tagged=final)


async def build(lang: str, browser, url: str) -> Path:
    source = PRINT / f"{lang}.html"
    if not source.exists():
        sys.exit(f"{source} is missing: build the site first (`make build`), the print_edition hook writes it")
    html = source.read_text(encoding="utf-8")
    page = await browser.new_page()
    address = f"{url}__print__/{lang}.html"  # served from memory: the document is not part of the site
    await page.route(address, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    await page.goto(address, wait_until="load")
    await page.evaluate("document.fonts.ready")
    if failed:
        sys.exit(f"print edition ({lang}): could not load {failed}")
    # A code block up to ~40 % of a page is kept whole (print.css); a longer one may break, rather than leave
    # half a page empty before it.
    await page.evaluate(
        """() => document.querySelectorAll('.md-typeset .highlight').forEach(block => {
            if (block.getBoundingClientRect().height > 0.4 * 980) block.classList.add('print-long');
        })"""
    )
    target = pdf_path(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    targets = await page.eval_on_selector_all("[data-target]", "els => els.map(e => e.dataset.target)")
    with tempfile.TemporaryDirectory() as tmp:
        first = Path(tmp) / "first.pdf"
        await _print(page, first, final=False)
        pages = destinations(first)
    missing = [t for t in targets if t not in pages]
    if missing:
        sys.exit(f"print edition ({lang}): no page found for {missing[:5]} (Chromium wrote no destination)")
    numbers = {t: pages[t] for t in targets}
    await page.evaluate(
        "pages => document.querySelectorAll('[data-target]').forEach(e => e.textContent = pages[e.dataset.target])",
        numbers,
    )
    await _print(page, target, final=True)
    moved = {t for t, n in numbers.items() if destinations(target).get(t) != n}
    if moved:  # the numbers changed the contents' layout: never seen, but a wrong page number must not ship
        sys.exit(f"print edition ({lang}): page numbers moved while filling in the contents: {sorted(moved)[:5]}")
    await page.close()
    return target


async def _main() -> None:
    from playwright.async_api import async_playwright

    if not Path(CHROMIUM).exists():
        sys.exit(f"no browser at {CHROMIUM}: `apt-get install chromium` (or set CHROMIUM=...)")
    start = time.perf_counter()
    with serve(SITE) as url:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            targets = await asyncio.gather(*(build(lang, browser, url) for lang in LANGS))  # both at once
            await browser.close()
    for target in targets:
        size = target.stat().st_size
        count = re.search(
            r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
        )
        print(f"{target.relative_to(ROOT)}: {count[1] if count else '?'} pages, {size / 1e6:.1f} MB")
        if size > MAX_BYTES:
            sys.exit(f"{target} is {size / 1e6:.1f} MB: over the 10 MiB budget")
    print(f"print edition built in {time.perf_counter() - start:.1f} s")


def main() -> None:
    asyncio.run(_main())


if __name__ == "__main__":
    main()
