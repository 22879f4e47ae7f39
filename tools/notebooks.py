"""Chapter notebooks, made from a page and the snippet sections it includes (no second copy), before the build
renders anything (python -m tools.generate writes them where the i18n and mkdocs-jupyter plugins find them).

Markdown between code blocks becomes markdown cells (Material-only syntax simplified), each included snippet
section becomes a code cell, the "full code" section is left out. A first code cell, all comments, states what
the notebook needs (the site's install line, commented out so "Run all" does not reinstall) and which files it
writes. Notebooks are executed with nbclient in an empty directory; outputs (and the files written) are cached by
the hash of the code cells, so a warm build executes nothing and both languages share one execution.

The notebook rendered on the site (the page docs/<lang>/notebooks/<chapter>.md: `page_text`) links to the site's
pages relatively; the .ipynb readers download (docs/<lang>/notebooks/<chapter>/<chapter>.ipynb, a plain file of
the site) links to the published site (site_url), so that it works offline on a reader's disk and on Colab. Both
are git-ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
import tomllib
from pathlib import Path

import nbformat

from . import colab
from .extensions.cjk_lines import join_cjk_lines
from .install import install_line, requirements
from .pages import scan_fences
from .site import SITE
from .snippets import ROOT, SnippetError, parse_sections

EXECUTED = SITE.cache / "notebooks" / "executed"  # outputs by the hash of the code: one run for every language
# The kernels run as on another CPU: PyTorch's non-vectorised kernels, one thread (two notebooks run at once, one
# per core). tests/test_notebooks.py compares every cell's output with the page's recorded one, so the pages' code
# is checked on this kernel path too (as `make test` checks it on the machine's own; make test-portable adds the
# snippet files run alone).
KERNEL_ENV = {"ATEN_CPU_CAPABILITY": "default", "OMP_NUM_THREADS": "1"}
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
SNIPPET = "snippet"  # a code cell's metadata: the snippet section it is ("data_ops/create.py:arange")
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
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return ATTR.sub("", line[2:]).strip()
    raise SnippetError(f"{SITE.show(page)}: no title (a first-level '# ' heading) to name its notebook")


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
    where = SITE.show(page)
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

    for fence in fences:
        if fence.start >= stop:
            break
        prose(lines[pos : fence.start])
        inc = fence.include
        if inc.section:
            code = {s.name: s.code for s in parse_sections(inc.file)}.get(inc.section)
            if code is None:
                raise SnippetError(f"{where}:{fence.start + 2}: snippets/{inc.target}: no such section")
            # The section the cell runs: tests/test_notebooks.py compares its output with the recorded one.
            cells.append(nbformat.v4.new_code_cell(code.rstrip("\n"), metadata={SNIPPET: inc.target}))
        pos = fence.end + 1
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
    from importlib.metadata import version  # not `import torch`: seconds, for a version string

    code = [c.source for c in nb.cells if c.cell_type == "code" and c.id != REQUIREMENTS_ID]
    return hashlib.sha256(json.dumps(["v2", version("torch"), KERNEL_ENV, code]).encode()).hexdigest()[:20]


def execute(nb: nbformat.NotebookNode) -> list[str]:
    """Run the notebook like a reader would: a fresh kernel (on KERNEL_ENV's kernel path) in an empty directory;
    return the files it wrote."""
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory(prefix="notebook-") as tmp:
        client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": tmp}})
        client.execute(env={**os.environ, **KERNEL_ENV})
        return sorted(p.relative_to(tmp).as_posix() for p in Path(tmp).rglob("*") if p.is_file())


def executed(page: Path, lang: str, base: str = "../../") -> nbformat.NotebookNode:
    """The notebook of a page with its outputs: from the cache, or executed now (and cached)."""
    nb = make_notebook(page, lang, base)
    outputs_file = EXECUTED / f"{code_key(nb)}.json"
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    if outputs_file.exists():
        saved = json.loads(outputs_file.read_text())
    else:
        try:
            files = execute(nb)
        except Exception as exc:  # nbclient's error names the cell, not the chapter
            raise SnippetError(f"the notebook of {SITE.show(page)} ({lang}) failed to run: {exc}") from exc
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
    root = site_url.rstrip("/") + "/" + SITE.prefix(lang)
    return nbformat.writes(executed(page, lang, root))


# --- The notebook page: nbconvert's HTML (mkdocs-jupyter's converter) in a Markdown page of the language ----------

HTML = SITE.cache / "notebooks" / "html"  # converted notebooks, by the hash of the notebook and the converter
STYLES = "assets/jupyter"  # JupyterLab's CSS (~590 KB), one file for every notebook page instead of inline blocks
STYLE = re.compile(r'<style type="text/css">(?P<css>.*?)</style>', re.S)
# mkdocs-jupyter's template ends the notebook with a <style> holding the repr of a Python list of CSS ("['pre { ...
# }\\n...']"): no browser applies it (its selectors start with an escaped "n"), and in a Markdown page its indented
# lines would show as a code block. Dropped.
LIST_STYLE = re.compile(r"\s*<style>\s*\['.*?'\]\s*</style>", re.S)
# nbconvert's headings, and the cells (their ids are the notebook's: make_notebook)
HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]*)">(?P<text>.*?)<a class="anchor-link" href="[^"]*">')
CELL = re.compile(r'<div class="jp-Cell [^"]*" id="cell-id=(?P<id>[^"]+)"')
NO_ALT = 'alt="No description has been provided for this image"'  # nbconvert's alt text for every image
# Pygments' spans of plain names and whitespace, drawn as the code around them: dropped, as on the chapter pages
# (tools/extensions/plain_tokens.py; nbconvert takes no lexer filter). Pygments escapes a token's text: no "<".
PLAIN_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')
DESCRIPTION = {
    "zh": "《{chapter}》一章的 Jupyter notebook 版本：与网页相同的代码，构建时执行，附带输出和图，可下载 .ipynb。",
    "en": "The chapter {chapter} as a Jupyter notebook: the page's code, executed at build time, with outputs "
    "and plots; the .ipynb is downloadable.",
}


_CONVERTING = threading.Lock()


def to_html(nb: nbformat.NotebookNode) -> str:
    """The notebook as mkdocs-jupyter renders it (nbconvert, its template), cached by the notebook's text."""
    from importlib.metadata import version

    text = nbformat.writes(nb)
    key = hashlib.sha256(json.dumps(["v2", version("mkdocs-jupyter"), version("nbconvert"), text]).encode())
    cached = HTML / f"{key.hexdigest()[:20]}.html"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    from mkdocs_jupyter.convert import nb2html

    # One conversion at a time: mkdocs-jupyter numbers the copy buttons' ids (cell-1, cell-2, ...) with a counter
    # that every conversion resets, shared by the threads of tools/generate.py (two at once gave duplicate ids).
    with _CONVERTING, tempfile.TemporaryDirectory(prefix="notebook-") as tmp:
        path = Path(tmp) / "notebook.ipynb"
        path.write_text(text, encoding="utf-8")
        # mkdocs-jupyter's defaults; no MathJax from a CDN: KaTeX renders the Markdown cells' math in the browser
        html = nb2html(str(path), execute=False, theme="", custom_mathjax_url="data:text/javascript,")
    HTML.mkdir(parents=True, exist_ok=True)
    cached.write_text(html, encoding="utf-8")
    return html


def chapter_heading_ids(html: str, chapter: Path) -> str:
    """The notebook's headings get the ids of the chapter's headings (`{ #id }`, the same in every language):
    nbconvert slugifies headings on its own (a Chinese heading gets ""), ids that the switcher could not keep."""
    ids, pos = heading_ids(chapter), 0

    def heading(m: re.Match) -> str:
        nonlocal pos
        key = heading_key(m["text"])
        found = next((i for i in range(pos, len(ids)) if ids[i][0] == key), None)
        new = m["id"]
        if found is not None:
            new, pos = ids[found][1], found + 1
        return f'<h{m["level"]} id="{new}">{m["text"]}<a class="anchor-link" href="#{new}">'

    return HEADING.sub(heading, html)


def figure_alts(html: str, nb: nbformat.NotebookNode, lang: str) -> str:
    """A plot gets the alt text of the chapter's figure that its code cell draws (make_notebook puts it in the
    cell's metadata), in the page's language; any other plot a plain description, never nbconvert's placeholder."""
    import html as html_lib

    alts = {cell.id: cell.metadata.get("alt") for cell in nb.cells}
    starts = [(m.start(), m["id"]) for m in CELL.finditer(html)]
    out, pos, cell_id = [], 0, None
    for start, next_id in [*starts, (len(html), None)]:
        alt = html_lib.escape((cell_id and alts.get(cell_id)) or FIGURE_ALT[lang], quote=True)
        out.append(html[pos:start].replace(NO_ALT, f'alt="{alt}"'))
        pos, cell_id = start, next_id
    return "".join(out)


def page_text(page: Path, lang: str, nb: nbformat.NotebookNode, styles: dict[str, str]) -> str:
    """The notebook page: front matter (what the theme and the plugins read) and the rendered notebook, its
    stylesheets linked (their CSS goes to `styles`: file name -> text) instead of inlined."""
    html = figure_alts(chapter_heading_ids(to_html(nb), page), nb, lang)
    root = "../" * (2 + SITE.prefix(lang).count("/"))  # from <language prefix>notebooks/<chapter>/ to the site root

    def link(m: re.Match) -> str:
        css = m["css"].strip() + "\n"
        name = f"{STYLES}/{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
        styles[name] = css
        return f'<link rel="stylesheet" href="{root}{name}">'

    html = PLAIN_TOKEN.sub(r"\1", LIST_STYLE.sub("", STYLE.sub(link, html)))
    chapter = title(page)
    meta = {
        "title": chapter,
        "description": DESCRIPTION[lang].format(chapter=chapter),
        "notebook": True,  # overrides/main.html: KaTeX in the browser for the Markdown cells' math
        "search": {"exclude": True},  # search finds the chapter, not its copy
        "glightbox": False,  # a lightbox link would repeat each plot's base64 data (the page must stay < 400 KiB)
    }
    front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())
    return f"---\n{front}\n---\n\n{html.strip()}\n"


def write_if_changed(target: Path, text: str) -> bool:
    """Write a file only if its text changed (an unchanged file keeps its date: `mkdocs serve` rebuilds nothing)."""
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return True


def build(page: Path, lang: str, site_url: str = SITE.site_url) -> tuple[list[Path], dict[str, str]]:
    """Write the notebook page of a chapter (docs/<lang>/notebooks/<chapter>.md) and, in its page's folder, the
    .ipynb readers download; return the files that changed and the stylesheets the page links."""
    target = SITE.notebook(lang, page.stem)
    download = target.with_suffix("") / f"{page.stem}.ipynb"
    styles: dict[str, str] = {}
    written = [target] if write_if_changed(target, page_text(page, lang, executed(page, lang), styles)) else []
    if write_if_changed(download, download_text(page, lang, site_url)):
        written.append(download)
    return written, styles
