"""The .ipynb files readers download: fetched through the served site, they link only to absolute URLs or
in-notebook anchors, say what they need and write, and run in an empty folder like on a reader's disk."""

from __future__ import annotations

import json
import re
import urllib.request

import nbformat
import pytest

from tools import notebooks
from tools.install import install_line
from tools.serve import page_url, site_pages

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
    stray space, as a browser would (the pages' rule, tools/hooks/cjk_lines.py, applied to the cells too)."""
    breaks = [
        cell.source[max(0, m.start() - 10) : m.end() + 10]
        for cell in downloaded[(lang, page)].cells
        if cell.cell_type == "markdown"
        for m in CJK_BREAK.finditer(cell.source)
    ]
    assert not breaks, f"{lang}/{page}: line breaks between Chinese characters: {breaks[:3]}"


CHAPTERS = [page for lang, page in NOTEBOOKS if lang == "zh"]


@pytest.mark.parametrize("page", CHAPTERS, ids=CHAPTERS)
def test_downloaded_notebook_runs_in_an_empty_folder(downloaded, page):
    """The notebook runs in a fresh kernel and an empty folder and writes only the files its first cell names.
    The two languages share their code (checked here), so it is run once, in Chinese."""
    nb = downloaded[("zh", page)]
    code = [
        [
            c.source
            for c in downloaded[(lang, page)].cells
            if c.cell_type == "code" and c.id != notebooks.REQUIREMENTS_ID
        ]
        for lang in ("zh", "en")
    ]
    assert code[0] == code[1], f"{page}: the zh and en notebooks should run the same code"
    fresh = nbformat.from_dict(json.loads(json.dumps(nb)))
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    try:
        written = notebooks.execute(fresh)
    except Exception as exc:  # nbclient's CellExecutionError names the cell and the traceback
        pytest.fail(f"zh/{page}: the downloaded notebook fails in an empty folder:\n{str(exc)[-2000:]}")
    declared = setup_cell(nb).source.splitlines()[-1]
    missing = [f for f in written if f not in declared]
    assert not missing, f"zh/{page}: writes {missing}, which its first cell does not name ({declared!r})"
