"""Chapter notebooks, made at build time from a page and the snippet sections it includes (no second copy).

Markdown between code blocks becomes markdown cells (Material-only syntax simplified), each included snippet
section becomes a code cell, the "full code" section is left out. A first code cell, all comments, states what
the notebook needs (the site's install line, commented out so "Run all" does not reinstall) and which files it
writes. Notebooks are executed with nbclient in an empty directory; outputs (and the files written) are cached by
the hash of the code cells, so a warm build executes nothing and both languages share one execution.

The notebook rendered on the site links to the site's pages relatively; the .ipynb readers download
(`download_text`) links to the published site (site_url), so that it works offline on a reader's disk and on Colab.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import tomllib
from pathlib import Path

import nbformat

from . import colab
from .extensions.cjk_lines import join_cjk_lines
from .install import install_line, requirements
from .pages import DOCS, LANGS, scan_fences
from .snippets import ROOT, parse_sections

CACHE = ROOT / ".cache" / "notebooks"
EXECUTED = CACHE / "executed"
INTRO = {
    "zh": "本 notebook 由网页《{title}》自动生成：代码与网页完全相同，来自仓库的 `snippets/` 目录。{download}",
    "en": "This notebook is generated from the page *{title}*: the code is exactly the page's, from the repository's "
    "`snippets/` directory.{download}",
}
HEADER = {
    "zh": {"back": "← 回到本章", "download": "下载 .ipynb", "colab": "在 Colab 中打开", "label": "本 notebook"},
    "en": {
        "back": "← Back to the chapter",
        "download": "Download the .ipynb",
        "colab": "Open in Colab",
        "label": "This notebook",
    },
}
FIGURE_ALT = {"zh": "上面代码单元格画出的图", "en": "The plot drawn by the code cell above"}
REQUIREMENTS = {
    "zh": "# 运行本 notebook 需要 Python {python}，以及 {packages}\n"
    "# （torch 用 CPU 版即可）。缺少这些包时，去掉下一行开头的“# ”，运行一次这个单元格：\n"
    "# %{install}\n"
    "# 在 Colab 上，这个单元格会自动安装页面输出所用的版本：\n"
    "{colab}\n",
    "en": "# This notebook needs Python {python} with {packages}\n"
    '# (the CPU build of torch is enough). If they are missing, remove the "# " from the next\n'
    "# line and run this cell once:\n"
    "# %{install}\n"
    "# On Colab this cell installs the versions the page's outputs come from:\n"
    "{colab}\n",
}
WRITES = {
    "zh": ("# 运行时会在当前目录写入：{files}", "# 运行时不会写入任何文件。"),
    "en": ("# Running it writes these files into the current folder: {files}", "# Running it writes no files."),
}
REQUIREMENTS_ID = "requirements"
IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?$")
IMAGE_ALT = re.compile(r"^!\[(?P<alt>[^\]]*)\]\([^)]*\)(\{[^}]*\})?$")
ATTR = re.compile(r"\s*\{\s*#[-\w]+\s*\}")
ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s+\w+(?:\s+"(?P<title>[^"]*)")?\s*$')


HEADING_LINE = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<title>.*?)\s*(?:\{[^}]*#(?P<id>[-\w]+)[^}]*\})?\s*$")
NOT_TEXT = re.compile(r"[^\w]+")


def heading_key(title: str) -> str:
    """A heading's text without markup, spaces or punctuation: what a Markdown heading and its rendering share."""
    return NOT_TEXT.sub("", re.sub(r"<[^>]+>", "", title)).lower()


def heading_ids(page: Path) -> list[tuple[str, str]]:
    """(heading_key, id) of each heading of a page that has an explicit `{ #id }`, in order: the notebook's headings
    get the ids of the chapter's (the same in both languages, so the switcher keeps the section)."""
    found = []
    for line in page.read_text(encoding="utf-8").split("\n"):
        m = HEADING_LINE.match(line)
        if m and m["id"]:
            found.append((heading_key(m["title"]), m["id"]))
    return found


def title(page: Path) -> str:
    """The page's title: its first-level heading, without its `{ #id }`."""
    line = next(line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
    return ATTR.sub("", line[2:]).strip()


def has_code(page: Path, lang: str) -> bool:
    where = page.relative_to(ROOT).as_posix()
    return any(inc.section and not inc.shell for *_, inc in scan_fences(page.read_text(encoding="utf-8"), where))


MD_LINK = re.compile(r"\]\((?P<page>[-\w]+)\.md(?P<anchor>#[-\w]+)?\)")
SAME_PAGE_LINK = re.compile(r"\]\((?P<anchor>#[-\w]+)\)")


def _links(line: str, slug: str, base: str) -> str:
    """Links to the chapters, from `base` (the language root: "../../" from the notebook page, or an absolute URL);
    anchors of the chapter itself point at the chapter page, whose sections (errata, ...) the notebook does not
    repeat."""
    line = MD_LINK.sub(lambda m: f"]({base}{'' if m['page'] == 'index' else m['page'] + '/'}{m['anchor'] or ''})", line)
    return SAME_PAGE_LINK.sub(lambda m: f"]({base}{slug}/{m['anchor']})", line)


def _markdown(lines: list[str], slug: str, base: str) -> str:
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
    return _links("\n".join(out).strip(), slug, base)


def colab_install() -> str:
    """The install line made for Colab: it runs only there (Colab's preinstalled torch is another version)."""
    return f'import sys\n\nif "google.colab" in sys.modules:\n    %{install_line()} --quiet'


def requirements_cell(lang: str, files: list[str] | None) -> str:
    """The set-up cell: what to install (the home pages' line; installed on Colab) and which files it writes."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        python = tomllib.load(f)["project"]["requires-python"].removeprefix(">=") + "+"
    packages = ("、" if lang == "zh" else ", ").join(requirements())
    text = REQUIREMENTS[lang].format(python=python, packages=packages, install=install_line(), colab=colab_install())
    if files is None:  # not executed yet: what it writes is known once it ran (a comment changes no result)
        return text.rstrip("\n")
    some, none = WRITES[lang]
    return text + "\n" + (some.format(files=", ".join(files)) if files else none)


def header(page: Path, lang: str, base: str) -> str:
    """The notebook's header, under its title: back to the chapter (keeping the section: keep-place.js), the .ipynb
    and Colab. Raw HTML, which Jupyter, Colab and mkdocs-jupyter all render."""
    text, slug = HEADER[lang], page.stem
    links = [f'<a class="nb-back" data-keep-place href="{base}{slug}/">{text["back"]}</a>']
    if not base.startswith(("http://", "https://")):  # on the site; the downloaded file is that .ipynb already
        links.append(f'<a class="nb-download" href="{slug}.ipynb" download>{text["download"]}</a>')
    links.append(f'<a class="nb-colab" href="{colab.colab_url(lang, slug)}">{text["colab"]}</a>')
    return f'<nav class="nb-header" aria-label="{text["label"]}">\n' + " ·\n".join(links) + "\n</nav>"


def make_notebook(page: Path, lang: str, base: str = "../../", files: list[str] | None = None) -> nbformat.NotebookNode:
    """The notebook of a chapter page; `base` is where its links to the chapters start (see _links).

    Cells: the title, the header (header()), the set-up cell, the intro, then the page's prose and code. A code
    cell that draws a figure of the page carries that figure's alt text in its metadata (`alt`)."""
    text = page.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text.split("---\n", 2)[2]
    lines = ["" if line.startswith("# ") else line for line in text.split("\n")]  # the title gets its own cell
    where = page.relative_to(ROOT).as_posix()
    cells = []
    pos = 0
    title_text = title(page)
    fences = list(scan_fences("\n".join(lines), where))
    stop = next((i for i, line in enumerate(lines) if line.startswith("## ") and "#full-code" in line), len(lines))

    def prose(chunk: list[str]) -> None:
        code = [c for c in cells if c.cell_type == "code"]
        alts = [m["alt"] for m in map(IMAGE_ALT.match, (line.strip() for line in chunk)) if m]
        if alts and code:
            code[-1].metadata["alt"] = " ".join(alts)
        if lang == "zh":  # the pages' rule, before admonitions become block quotes (tools/extensions/cjk_lines.py)
            chunk = join_cjk_lines("\n".join(chunk)).split("\n")
        markdown = _markdown(chunk, page.stem, base)
        if markdown:
            cells.append(nbformat.v4.new_markdown_cell(markdown))

    for start, end, _indent, _info, inc in fences:
        if start >= stop:
            break
        prose(lines[pos:start])
        if inc.section:
            code = next(s.code for s in parse_sections(inc.file) if s.name == inc.section)
            cells.append(nbformat.v4.new_code_cell(code.rstrip("\n")))
        pos = end + 1
    prose(lines[pos:stop])
    if base.startswith(("http://", "https://")):  # the downloaded file: the title links to the chapter page
        intro = INTRO[lang].format(title=f"[{title_text}]({base}{page.stem}/)", download="")
    else:
        intro = INTRO[lang].format(title=title_text, download="")
    cells.insert(0, nbformat.v4.new_markdown_cell(intro.rstrip()))
    for i, cell in enumerate(cells):  # stable ids: the same page gives the same file (mkdocs-jupyter caches by hash)
        cell.id = f"cell-{i}"
    cells.insert(0, nbformat.v4.new_code_cell(requirements_cell(lang, files)))
    cells[0].id = REQUIREMENTS_ID
    cells.insert(0, nbformat.v4.new_markdown_cell(header(page, lang, base)))
    cells[0].id = "header"
    cells.insert(0, nbformat.v4.new_markdown_cell(f"# {title_text}"))
    cells[0].id = "title"
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def code_key(nb: nbformat.NotebookNode) -> str:
    """The hash of the code that runs (the requirements cell is comments only)."""
    import torch

    code = [c.source for c in nb.cells if c.cell_type == "code" and c.id != REQUIREMENTS_ID]
    return hashlib.sha256(json.dumps(["v2", torch.__version__, code]).encode()).hexdigest()[:20]


def execute(nb: nbformat.NotebookNode) -> list[str]:
    """Run the notebook like a reader would: a fresh kernel in an empty directory; return the files it wrote."""
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory(prefix="notebook-") as tmp:
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": tmp}}).execute()
        return sorted(p.relative_to(tmp).as_posix() for p in Path(tmp).rglob("*") if p.is_file())


def executed(page: Path, lang: str, base: str = "../../") -> nbformat.NotebookNode:
    """The notebook of a page with its outputs: from the cache, or executed now (and cached)."""
    nb = make_notebook(page, lang, base)
    outputs_file = EXECUTED / f"{code_key(nb)}.json"
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    if outputs_file.exists():
        saved = json.loads(outputs_file.read_text())
    else:
        files = execute(nb)
        EXECUTED.mkdir(parents=True, exist_ok=True)
        cells = [{"outputs": c.outputs, "execution_count": c.execution_count} for c in code_cells]
        saved = {"cells": cells, "files": files}
        outputs_file.write_text(json.dumps(saved))
    for cell, out in zip(code_cells, saved["cells"], strict=True):
        cell.outputs = [nbformat.from_dict(o) for o in out["outputs"]]
        cell.execution_count = out["execution_count"]
    code_cells[0].source = requirements_cell(lang, saved["files"])
    return nb


def download_text(page: Path, lang: str, site_url: str) -> str:
    """The .ipynb readers download: links to the published site instead of relative ones."""
    root = site_url.rstrip("/") + "/" + ("" if lang == LANGS[0] else f"{lang}/")
    return nbformat.writes(executed(page, lang, root))


def build(page: Path, lang: str) -> Path:
    """Write the executed notebook of a page to .cache/notebooks/<lang>/notebooks/<stem>.ipynb."""
    nb = executed(page, lang)
    target = CACHE / lang / "notebooks" / f"{page.stem}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = nbformat.writes(nb)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def chapter_pages(lang: str) -> list[Path]:
    return [p for p in sorted((DOCS / lang).glob("*.md")) if has_code(p, lang)]
