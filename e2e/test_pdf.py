"""The print edition (site/pdf/d2l-notes-<lang>.pdf, from `make build`), read back with poppler-utils.

pdftotext, pdfinfo and pdffonts (Debian's poppler-utils, installed by .ci/run) see what a reader's PDF viewer
sees: the pages in navigation order under a table of contents whose page numbers are right, every code section and
its output, math typeset rather than left as TeX, and every font embedded.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

from tools.serve import SITE
from tools.site import SITE as MODEL
from tools.snippets import ROOT, SNIPPETS, parse_sections, read_outputs

MAX_BYTES = 10 * 1024 * 1024
PAGES = range(40, 300)  # about 100 pages now; far outside this range means chapters went missing or blew up
INCLUDE = re.compile(r'^\s*-+8<-+\s+"(?P<file>[^":]+)(?::(?P<section>[^"]+))?"\s*$', re.M)


def _tool(name: str, *args: str) -> str:
    if not shutil.which(name):
        pytest.fail(f"{name} is missing: `apt-get install poppler-utils` (.ci/run does)", pytrace=False)
    return subprocess.run([name, *args], capture_output=True, text=True, check=True).stdout


def pdf(lang: str) -> Path:
    path = SITE / "pdf" / f"d2l-notes-{lang}.pdf"
    if not path.exists():
        pytest.fail(f"{path} is missing: `make build` prints it (python -m tools.pdf)", pytrace=False)
    return path


@cache
def page_texts(lang: str, layout: bool = False) -> list[str]:
    return _tool("pdftotext", *(["-layout"] if layout else []), str(pdf(lang)), "-").split("\f")


def squash(text: str) -> str:
    """Text without any whitespace: code wraps and CJK spacing differ between the page and the PDF's text layer."""
    return re.sub(r"\s+", "", text)


@cache
def nav_files() -> list[str]:
    from mkdocs.config import load_config

    found: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk([value] if isinstance(value, str) else value)

    walk(load_config(str(ROOT / "mkdocs.yml")).nav)
    return found


def title(lang: str, name: str) -> str:
    text = (ROOT / "docs" / lang / name).read_text(encoding="utf-8")
    title = next(line[2:].strip() for line in text.splitlines() if line.startswith("# "))
    return re.sub(r"\s*\{[^}]*\}$", "", title)  # without its { #id }


def toc(lang: str) -> list[tuple[str, int]]:
    """(entry, page number) of the table of contents, from the pages before the first chapter."""
    entries = []
    for text in page_texts(lang, layout=True)[1:8]:
        for line in text.splitlines():
            m = re.match(r"^\s*(\S.*?)\s+(\d+)\s*$", line)
            if m:
                entries.append((squash(m[1]), int(m[2])))
    return entries


@pytest.mark.parametrize("lang", MODEL.langs)
def test_pdf_size_and_page_count(lang):
    path = pdf(lang)
    size = path.stat().st_size
    assert size < MAX_BYTES, f"{path.name} is {size / 1e6:.1f} MB, over the 10 MiB budget"
    pages = int(re.search(r"Pages:\s+(\d+)", _tool("pdfinfo", str(path)))[1])
    assert pages in PAGES, f"{path.name} has {pages} pages, expected {PAGES.start}..{PAGES.stop}"


@pytest.mark.parametrize("lang", MODEL.langs)
def test_every_page_in_navigation_order_where_the_contents_say(lang):
    """Each page of the navigation is in the table of contents, in order, and starts on the page it names."""
    entries = toc(lang)
    texts = page_texts(lang)
    last_index, last_page = -1, 0
    for name in nav_files():
        heading = squash(title(lang, name))
        index = next((i for i, (entry, _) in enumerate(entries) if entry == heading and i > last_index), None)
        where = f"{pdf(lang).name}: '{heading}' ({name})"
        assert index is not None, f"{where} is not in the table of contents (after entry {last_index})"
        number = entries[index][1]
        assert number >= last_page, f"{where} is on page {number}, before the page before it"
        top = squash("".join(texts[number - 1].splitlines()[:4]))
        assert heading in top, f"{where}: the contents say page {number}, which starts {top[:60]!r}"
        last_index, last_page = index, number


@cache
def all_code() -> str:
    """Every snippet file and outputs file, squashed: code may hold TeX on purpose (matplotlib labels)."""
    return "".join(squash(path.read_text(encoding="utf-8")) for path in sorted(SNIPPETS.rglob("*.[pt][yx]*")))


@pytest.mark.parametrize("lang", MODEL.langs)
def test_bookmarks(lang):
    """The PDF's outline (bookmarks) has every page of the navigation, in order, each title once."""
    from xml.etree import ElementTree

    xml = _tool("pdftohtml", "-xml", "-stdout", "-i", "-q", "-f", "1", "-l", "1", str(pdf(lang)))
    items = [squash(item.text or "") for item in ElementTree.fromstring(xml).iter("item")]
    assert len(items) > 50, f"{pdf(lang).name}: {len(items)} bookmarks: Chromium wrote no outline"
    rest = iter(items)
    for name in nav_files():
        heading = squash(title(lang, name))
        assert any(item == heading for item in rest), f"{pdf(lang).name}: no bookmark '{heading}' ({name}) in order"
    if lang == "en":  # e.g. a navigation section's title, which comes from mkdocs.yml's nav_translations
        chinese = [item for item in items if re.search(r"[\u4e00-\u9fff]", item)]
        assert not chinese, f"{pdf(lang).name}: Chinese bookmarks in the English PDF: {chinese}"
    doubled = [item for item in items if item and item == item[: len(item) // 2] * 2]
    assert not doubled, f"{pdf(lang).name}: bookmark titles doubled (a heading's line box too tight?): {doubled}"


@pytest.mark.parametrize("lang", MODEL.langs)
def test_math_is_typeset(lang):
    """No TeX left in the text, except inside code (a matplotlib label is TeX in a Python string)."""
    raw = re.compile(r"\$\$|\\frac|\\begin\{|\\\(|\\\[")
    for number, text in enumerate(page_texts(lang), 1):
        for line in text.splitlines():
            if raw.search(line) and squash(line) not in all_code():
                pytest.fail(f"{pdf(lang).name}: raw TeX on page {number}: {line.strip()!r}", pytrace=False)


@pytest.mark.parametrize("lang", MODEL.langs)
def test_fonts_are_embedded(lang):
    rows = _tool("pdffonts", str(pdf(lang))).splitlines()[2:]
    assert rows, f"{pdf(lang).name}: no fonts"
    # columns from the right: object ID (2), uni, sub, emb
    not_embedded = [row for row in rows if row.split()[-5] != "yes"]
    assert not not_embedded, f"{pdf(lang).name}: fonts not embedded: {not_embedded}"
    assert any("KaTeX" in row for row in rows), f"{pdf(lang).name}: no KaTeX font: math is not typeset"
    # Real fonts, not glyph procedures: Skia writes Type 3 for CFF fonts (the installed Noto CJK) and fake bold.
    type3 = [row for row in rows if "Type 3" in row]
    assert not type3, f"{pdf(lang).name}: {len(type3)} Type 3 fonts (a face missing from tools/pdf.py FACES?)"
    for face in ("NotoSansCJKsc-Regular", "NotoSansCJKsc-Bold", "NotoSansMonoCJKsc-Regular"):
        assert any(face in row for row in rows), f"{pdf(lang).name}: {face} is not embedded"


@pytest.mark.parametrize("lang", MODEL.langs)
def test_chinese_text_is_text(lang):
    """The text layer is text: no replacement characters or private-use code points (what glyphs without a Unicode
    mapping come out as), and the Chinese PDF is mostly Chinese (its headings are looked up above)."""
    text = "\n".join(page_texts(lang))
    # KaTeX draws the slash of \neq with its own private-use glyph U+E020; any other is a glyph without text.
    bad = sorted({c for c in text if c == "\ufffd" or ("\ue000" <= c <= "\uf8ff" and c != "\ue020")})
    assert not bad, f"{pdf(lang).name}: unmapped glyphs in the text layer: {bad}"
    if lang == "zh":
        assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 10000, "the Chinese PDF has little Chinese text"


def _sections(lang: str):
    """(page, first code line, first output line) of every section the language's pages include."""
    for name in nav_files():
        markdown = (ROOT / "docs" / lang / name).read_text(encoding="utf-8")
        for m in INCLUDE.finditer(markdown):
            if not m["section"]:
                continue  # a whole file for copying: the print edition lists its name, the sections show the code
            path = SNIPPETS / m["file"]
            code = next(s.code for s in parse_sections(path) if s.name == m["section"])
            output = read_outputs(path).get(m["section"], "")
            first_code = next(line for line in code.splitlines() if line.strip())
            first_output = next((line for line in output.splitlines() if line.strip()), "")
            yield name, m["file"], m["section"], first_code, first_output


@pytest.mark.parametrize("lang", MODEL.langs)
def test_code_and_outputs_are_printed(lang):
    text = squash("".join(page_texts(lang, layout=True)))  # layout: a table-like output stays in rows
    sections = list(_sections(lang))
    assert len(sections) > 50, f"only {len(sections)} included sections found in docs/{lang}/"
    for page, file, section, code, output in sections:
        assert squash(code) in text, f"{pdf(lang).name}: {page}: code of {file}:{section} missing: {code!r}"
        assert squash(output) in text, f"{pdf(lang).name}: {page}: output of {file}:{section} missing: {output!r}"
