"""Print the print edition to site/pdf/d2l-notes-<lang>.pdf: `python -m tools.pdf` after `mkdocs build`.

The build (tools/hooks/print_edition.py) writes one HTML document per language to .build-cache/print/<lang>.html. This
serves site/ on loopback (the document's styles, KaTeX fonts and figures are the site's own), opens it in
Debian's headless Chromium (or $CHROMIUM; never a downloaded browser) and prints it with Playwright's page.pdf:
tagged, with bookmarks from the headings. Chromium cannot fill in page numbers by itself (no target-counter()), so
it prints twice: the first PDF tells on which page each table-of-contents entry starts (its named destinations,
read with poppler's pdfinfo), the numbers go into the table of contents, and the second print is the PDF.

Fonts: Debian's fonts-noto-cjk are CFF-flavoured OpenType, which Chromium's PDF backend (Skia) can only embed as
Type 3 glyph procedures: text, but no real font. So the print gets real fonts instead: Noto Sans CJK SC (regular,
bold) and Noto Sans Mono CJK SC, subset to the characters of the print documents and converted to TrueType
outlines with fontTools (cached in .build-cache/print/fonts/), which Chromium embeds as CID TrueType subsets.
"""

from __future__ import annotations

import asyncio
import hashlib
import html as htmllib
import os
import re
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS
from .serve import serve
from .site import SITE as MODEL  # the site as a model; SITE here is the built folder
from .snippets import ROOT

SITE = Path(os.environ.get("SITE_DIR", ROOT / "site")).resolve()
PRINT = MODEL.cache / "print"
MAX_BYTES = 10 * 1024 * 1024
FONTS = PRINT / "fonts"
# file served to the print document -> (fontconfig pattern that finds the collection, family inside it, @font-face)
FACES = {
    "sans-400.ttf": ("Noto Sans CJK SC:regular", "Noto Sans CJK SC", "D2L Print Sans", 400),
    "sans-700.ttf": ("Noto Sans CJK SC:bold", "Noto Sans CJK SC", "D2L Print Sans", 700),
    "mono-400.ttf": ("Noto Sans Mono CJK SC:regular", "Noto Sans Mono CJK SC", "D2L Print Mono", 400),
    # bold code (in a bold summary line): without its own face Chromium fakes bold, which Skia draws as Type 3
    "mono-700.ttf": ("Noto Sans Mono CJK SC:bold", "Noto Sans Mono CJK SC", "D2L Print Mono", 700),
}


def _to_truetype(font) -> None:
    """CFF outlines -> TrueType (quadratic) outlines, in place (what fontTools' otf2ttf example does)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements"):
        setattr(maxp, field, 0)
    maxp.maxZones, maxp.maxSizeOfInstructions, maxp.maxComponentElements = 1, 0, 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
    font.sfntVersion = "\x00\x01\x00\x00"


def print_fonts(documents: list[str]) -> dict[str, bytes]:
    """The print fonts (FACES), subset to every character of the documents; cached by character set."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    chars = "".join(sorted(set(htmllib.unescape("".join(documents))) | set(string.printable)))
    files = {}
    for name, (pattern, family, _, _) in FACES.items():
        found = subprocess.run(["fc-match", "--format=%{file}", pattern], capture_output=True, text=True).stdout
        if "NotoSans" not in found:
            sys.exit(f"no {family} font (fc-match {pattern!r} -> {found!r}): `apt-get install fonts-noto-cjk`")
        files[name] = Path(found)
    key = hashlib.sha256((chars + repr(sorted((n, str(p)) for n, p in files.items()))).encode()).hexdigest()[:16]
    cache = FONTS / key
    if not all((cache / name).exists() for name in FACES):
        cache.mkdir(parents=True, exist_ok=True)
        for name, (_, family, _, _) in FACES.items():
            collection = TTCollection(str(files[name]), lazy=True)
            font = next(f for f in collection.fonts if f["name"].getDebugName(1) == family)
            options = subset.Options()
            options.layout_features, options.name_IDs, options.notdef_outline = ["*"], ["*"], True
            subsetter = subset.Subsetter(options)
            subsetter.populate(text=chars)
            subsetter.subset(font)
            _to_truetype(font)
            font.save(str(cache / name))
    return {name: (cache / name).read_bytes() for name in FACES}


def font_faces(url: str) -> str:
    return "".join(
        f"@font-face {{ font-family: '{face}'; font-weight: {weight}; src: url({url}__print__/fonts/{name}); }}\n"
        for name, (_, _, face, weight) in FACES.items()
    )


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


def document(lang: str) -> str:
    source = PRINT / f"{lang}.html"
    if not source.exists():
        sys.exit(f"{source} is missing: build the site first (`make build`), the print_edition hook writes it")
    return source.read_text(encoding="utf-8")


async def build(lang: str, browser, url: str, fonts: dict[str, bytes]) -> Path:
    html = document(lang).replace("</head>", f"<style>\n{font_faces(url)}</style>\n</head>", 1)
    page = await browser.new_page()
    address = f"{url}__print__/{lang}.html"  # served from memory, like the fonts: neither is part of the site
    await page.route(address, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    await page.route(
        f"{url}__print__/fonts/*",
        lambda route: route.fulfill(body=fonts[route.request.url.rsplit("/", 1)[1]], content_type="font/ttf"),
    )
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
    draft = target.with_suffix(".tmp")  # the PDF replaces the old one only once it is checked
    await _print(page, draft, final=True)
    moved = {t for t, n in numbers.items() if destinations(draft).get(t) != n}
    if moved:  # the numbers changed the contents' layout: never seen, but a wrong page number must not ship
        draft.unlink()
        sys.exit(f"print edition ({lang}): page numbers moved while filling in the contents: {sorted(moved)[:5]}")
    draft.replace(target)
    await page.close()
    return target


async def _main() -> None:
    from playwright.async_api import async_playwright

    if not Path(CHROMIUM).exists():
        sys.exit(f"no browser at {CHROMIUM}: `apt-get install chromium` (or set CHROMIUM=...)")
    start = time.perf_counter()
    fonts = print_fonts([document(lang) for lang in MODEL.langs])
    print(f"print fonts ready in {time.perf_counter() - start:.1f} s")
    with serve(SITE) as url:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            targets = await asyncio.gather(*(build(lang, browser, url, fonts) for lang in MODEL.langs))  # all at once
            await browser.close()
    for target in targets:
        size = target.stat().st_size
        count = re.search(
            r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
        )
        print(f"{target}: {count[1] if count else '?'} pages, {size / 1e6:.1f} MB")
        if size > MAX_BYTES:
            sys.exit(f"{target} is {size / 1e6:.1f} MB: over the 10 MiB budget")
    print(f"print edition built in {time.perf_counter() - start:.1f} s")


def main() -> None:
    asyncio.run(_main())


if __name__ == "__main__":
    main()
