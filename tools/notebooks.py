"""Chapter notebooks, made at build time from a page and the snippet sections it includes (no second copy).

Markdown between code blocks becomes markdown cells (Material-only syntax simplified), each included snippet
section becomes a code cell, the "full code" section is left out. Notebooks are executed with nbclient in an
empty directory; outputs are cached by the hash of the code cells, so a warm build executes nothing and both
languages share one execution.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

import nbformat

from .pages import DOCS, scan_fences
from .snippets import ROOT, parse_sections

CACHE = ROOT / ".cache" / "notebooks"
EXECUTED = CACHE / "executed"
INTRO = {
    "zh": "本 notebook 由网页《{title}》自动生成：代码与网页完全相同，来自仓库的 `snippets/` 目录。"
    "[下载 .ipynb]({slug}.ipynb)",
    "en": "This notebook is generated from the page *{title}*: the code is exactly the page's, from the repository's "
    "`snippets/` directory. [Download the .ipynb]({slug}.ipynb)",
}
IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?$")
ATTR = re.compile(r"\s*\{\s*#[-\w]+\s*\}")
ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s+\w+(?:\s+"(?P<title>[^"]*)")?\s*$')


def has_code(page: Path, lang: str) -> bool:
    where = page.relative_to(ROOT).as_posix()
    return any(inc.section for *_, inc in scan_fences(page.read_text(encoding="utf-8"), where))


MD_LINK = re.compile(r"\]\((?P<page>[-\w]+)\.md(?P<anchor>#[-\w]+)?\)")
SAME_PAGE_LINK = re.compile(r"\]\((?P<anchor>#[-\w]+)\)")


def _links(line: str, slug: str) -> str:
    """Links as seen from the notebook page (<lang>/notebooks/<slug>/): chapters are two levels up; anchors of
    the chapter itself point at the chapter page, whose sections (errata, ...) the notebook does not repeat."""
    line = MD_LINK.sub(lambda m: f"](../../{'' if m['page'] == 'index' else m['page'] + '/'}{m['anchor'] or ''})", line)
    return SAME_PAGE_LINK.sub(lambda m: f"](../../{slug}/{m['anchor']})", line)


def _markdown(lines: list[str], slug: str) -> str:
    """Material Markdown to plain Jupyter Markdown: no {#ids}, admonitions as block quotes, links that work."""
    out: list[str] = []
    quoting = False
    for line in lines:
        if IMAGE.match(line.strip()) or "](notebooks/" in line:  # figures come from the code; no self-link
            continue
        m = ADMONITION.match(line)
        if m:
            quoting = True
            out.append(f"> **{m['title']}**" if m["title"] else ">")
            continue
        if quoting and (line.startswith("    ") or not line.strip()):
            out.append(("> " + line[4:]).rstrip())
            continue
        quoting = False
        out.append(ATTR.sub("", line))
    return _links("\n".join(out).strip(), slug)


def make_notebook(page: Path, lang: str) -> nbformat.NotebookNode:
    text = page.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text.split("---\n", 2)[2]
    lines = text.split("\n")
    where = page.relative_to(ROOT).as_posix()
    cells = []
    pos = 0
    title = next(line[2:] for line in lines if line.startswith("# "))
    fences = list(scan_fences("\n".join(lines), where))
    stop = next((i for i, line in enumerate(lines) if line.startswith("## ") and "#full-code" in line), len(lines))
    for start, end, _indent, _info, inc in fences:
        if start >= stop:
            break
        prose = _markdown(lines[pos:start], page.stem)
        if prose:
            cells.append(nbformat.v4.new_markdown_cell(prose))
        if inc.section:
            code = next(s.code for s in parse_sections(inc.file) if s.name == inc.section)
            cells.append(nbformat.v4.new_code_cell(code.rstrip("\n")))
        pos = end + 1
    tail = _markdown(lines[pos:stop], page.stem)
    if tail:
        cells.append(nbformat.v4.new_markdown_cell(tail))
    cells.insert(1, nbformat.v4.new_markdown_cell(INTRO[lang].format(title=title, slug=page.stem)))
    for i, cell in enumerate(cells):  # stable ids: the same page gives the same file (mkdocs-jupyter caches by hash)
        cell.id = f"cell-{i}"
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def code_key(nb: nbformat.NotebookNode) -> str:
    import torch

    code = [c.source for c in nb.cells if c.cell_type == "code"]
    return hashlib.sha256(json.dumps([torch.__version__, code]).encode()).hexdigest()[:20]


def execute(nb: nbformat.NotebookNode) -> None:
    """Run the notebook like a reader would: a fresh kernel in an empty directory."""
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory(prefix="notebook-") as tmp:
        before = os.environ.get("D2L_QUICK")
        os.environ["D2L_QUICK"] = "1"  # the kernel inherits it: benchmark cells take their short path
        try:
            NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": tmp}}).execute()
        finally:
            if before is None:
                os.environ.pop("D2L_QUICK")
            else:
                os.environ["D2L_QUICK"] = before


def build(page: Path, lang: str) -> Path:
    """Write the executed notebook of a page to .cache/notebooks/<lang>/notebooks/<stem>.ipynb."""
    nb = make_notebook(page, lang)
    key = code_key(nb)
    outputs_file = EXECUTED / f"{key}.json"
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    if outputs_file.exists():
        for cell, saved in zip(code_cells, json.loads(outputs_file.read_text()), strict=True):
            cell.outputs = [nbformat.from_dict(o) for o in saved["outputs"]]
            cell.execution_count = saved["execution_count"]
    else:
        execute(nb)
        EXECUTED.mkdir(parents=True, exist_ok=True)
        saved = [{"outputs": c.outputs, "execution_count": c.execution_count} for c in code_cells]
        outputs_file.write_text(json.dumps(saved))
    target = CACHE / lang / "notebooks" / f"{page.stem}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = nbformat.writes(nb)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def chapter_pages(lang: str) -> list[Path]:
    return [p for p in sorted((DOCS / lang).glob("*.md")) if has_code(p, lang)]
