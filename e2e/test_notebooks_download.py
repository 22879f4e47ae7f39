"""The .ipynb files readers download: fetched through the served site, they link only to absolute URLs or
in-notebook anchors, say what they need and write, and hold the code the build ran in an empty folder, with its
outputs."""

from __future__ import annotations

import json
import re
import urllib.request

import nbformat
import pytest

from tools import notebooks
from tools.install import install_line
from tools.serve import page_url, site_pages
from tools.site import SITE as MODEL

NOTEBOOKS = [(lang, page) for lang, page in site_pages() if page.startswith("notebooks/")]
LINK = re.compile(r"\]\((?P<md>[^)\s]+)|(?:href|src)=[\"'](?P<html>[^\"']+)")
ABSOLUTE = ("https://", "http://", "#", "mailto:", "data:")


def download(base_url: str, lang: str, page: str) -> nbformat.NotebookNode:
    slug = page.strip("/").split("/")[-1]
    with urllib.request.urlopen(f"{page_url(base_url, lang, page)}{slug}.ipynb") as response:
        return nbformat.reads(response.read().decode(), as_version=4)


@pytest.fixture(scope="module")
def downloaded(base_url):
    return {(lang, page): download(base_url, lang, page) for lang, page in NOTEBOOKS}


@pytest.mark.parametrize(("lang", "page"), NOTEBOOKS, ids=[f"{lang}/{page}" for lang, page in NOTEBOOKS])
def test_downloaded_notebook_has_no_site_relative_link(downloaded, lang, page):
    nb = downloaded[(lang, page)]
    relative = [
        m["md"] or m["html"]
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for m in LINK.finditer(cell.source)
        if not (m["md"] or m["html"]).startswith(ABSOLUTE)
    ]
    assert not relative, f"{lang}/{page}: links that break once the file is on a reader's disk: {relative[:5]}"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# "), f"{lang}/{page}: title first"
    setup = setup_cell(nb)
    assert f"# %{install_line()}" in setup.source.splitlines(), (
        f"{lang}/{page}: the set-up cell must give the install line, commented out:\n{setup.source}"
    )
    assert f"    %{install_line()} --quiet" in setup.source.splitlines(), f"{lang}/{page}: no install for Colab"


def setup_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The set-up cell (what to install, which files it writes), right under the title and the header."""
    return next(c for c in nb.cells if c.get("id") == notebooks.REQUIREMENTS_ID)


CJK_BREAK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]\n[ \t>]*[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")


@pytest.mark.parametrize(("lang", "page"), NOTEBOOKS, ids=[f"{lang}/{page}" for lang, page in NOTEBOOKS])
def test_downloaded_notebook_joins_chinese_lines(downloaded, lang, page):
    """No Chinese character + line break + Chinese character in a Markdown cell: Jupyter shows that break as a
    stray space, as a browser would (the pages' rule, tools/extensions/cjk_lines.py, applied to the cells too)."""
    breaks = [
        cell.source[max(0, m.start() - 10) : m.end() + 10]
        for cell in downloaded[(lang, page)].cells
        if cell.cell_type == "markdown"
        for m in CJK_BREAK.finditer(cell.source)
    ]
    assert not breaks, f"{lang}/{page}: line breaks between Chinese characters: {breaks[:3]}"


@pytest.mark.parametrize(("lang", "page"), NOTEBOOKS, ids=[f"{lang}/{page}" for lang, page in NOTEBOOKS])
def test_downloaded_notebook_is_what_the_build_ran(downloaded, lang, page):
    """The build ran this very code in a fresh kernel and an empty folder, as on a reader's disk (tools.notebooks.
    execute, cached by the hash of the code); the file readers get holds exactly that code, executed, without an
    error, and its set-up cell names every file that run wrote. Not run a second time here."""
    nb = downloaded[(lang, page)]
    slug = page.strip("/").split("/")[-1]
    built = notebooks.make_notebook(MODEL.page(lang, f"{slug}.md"), lang)
    code = [c.source for c in nb.cells if c.cell_type == "code" and c.id != notebooks.REQUIREMENTS_ID]
    assert code == [c.source for c in built.cells if c.cell_type == "code" and c.id != notebooks.REQUIREMENTS_ID], (
        f"{lang}/{page}: the downloaded notebook's code is not the code of docs/{lang}/{slug}.md"
    )
    run = notebooks.EXECUTED / f"{notebooks.code_key(built)}.json"
    assert run.exists(), f"{lang}/{page}: no record of the build's run ({run}): build the site with `make build`"
    files = json.loads(run.read_text())["files"]
    cells = [c for c in nb.cells if c.cell_type == "code" and c.id != notebooks.REQUIREMENTS_ID]
    unrun = [i for i, c in enumerate(cells, 1) if not c.execution_count]
    errors = [o.get("ename") for c in cells for o in c.outputs if o.output_type == "error"]
    assert not unrun and not errors, f"{lang}/{page}: cells not executed {unrun}, errors {errors}"
    declared = setup_cell(nb).source.splitlines()[-1]
    missing = [f for f in files if f not in declared]
    assert not missing, f"{lang}/{page}: running it writes {missing}, its set-up cell does not name ({declared!r})"
