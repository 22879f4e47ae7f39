"""Notebooks: each chapter with code is also a page rendering its executed Jupyter notebook, in both languages.

tools/notebooks.py makes and executes the notebooks; this hook adds them to each language's build, which takes
some help: the i18n plugin rebuilds the file list (dropping pages it did not find) and runs one build per
language, and mkdocs-jupyter's cache is per build.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from mkdocs.plugins import event_priority

from tools import notebooks
from tools.hooks import language
from tools.pages import DOCS, LANGS

DESCRIPTION = {
    "zh": "《{chapter}》一章的 Jupyter notebook 版本：与网页相同的代码，构建时执行，附带输出和图，可下载 .ipynb。",
    "en": "The chapter {chapter} as a Jupyter notebook: the page's code, executed at build time, with outputs "
    "and plots; the .ipynb is downloadable.",
}
_PATCHED: set[int] = set()


def _share_jupyter_cache(config) -> None:
    """mkdocs-jupyter forgets its cache entries at each build's start and evicts unused ones at its end; the i18n
    plugin runs one build per language, so each language evicted the other's entries and nothing stayed warm.
    Start tracking only in the first language's build and evict only at the end of the last one."""
    jupyter = config.plugins.get("mkdocs-jupyter")
    events = config.plugins.events
    for name, keep in (("pre_build", LANGS[0]), ("post_build", LANGS[-1])):
        for i, method in enumerate(events[name]):
            if getattr(method, "__self__", None) is jupyter:

                def wrapped(*args, _method=method, _keep=keep, **kwargs):
                    if language(config) == _keep:
                        return _method(*args, **kwargs)

                events[name][i] = wrapped


@event_priority(-150)  # after the i18n plugin's on_files (-100), which rebuilds the file list
def on_files(files, config):
    """Add this language's chapter notebooks (made from the pages and snippets, executed, cached) as pages."""
    from mkdocs.structure.files import File
    from mkdocs_jupyter.plugin import NotebookFile

    if id(config.plugins) not in _PATCHED:
        _share_jupyter_cache(config)
        _PATCHED.add(id(config.plugins))
    lang = language(config)
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    for page in notebooks.chapter_pages(lang):
        notebooks.build(page, lang)
        src = File(f"{lang}/notebooks/{page.stem}.ipynb", str(notebooks.CACHE), config.site_dir, True)
        nb = NotebookFile(src, use_directory_urls=True, site_dir=config.site_dir)
        nb.dest_path = f"{prefix}notebooks/{page.stem}/index.html"
        nb.abs_dest_path = str(Path(config.site_dir) / nb.dest_path)
        nb.url = f"{prefix}notebooks/{page.stem}/"
        # What the i18n plugin knows of its own files, so that the language switcher keeps the notebook.
        nb.locale, nb.locale_alternate_of = lang, "-"
        nb.alternates = {
            other: SimpleNamespace(url=("" if other == LANGS[0] else f"{other}/") + f"notebooks/{page.stem}/")
            for other in LANGS
        }
        files.append(nb)
    return files


def on_page_markdown(markdown, page, config, files):
    """A notebook page is left out of search (its chapter is what search should find) and describes itself."""
    src = Path(page.file.abs_src_path).resolve()
    if src.suffix == ".ipynb":
        lang = src.relative_to(notebooks.CACHE).parts[0]
        page.meta["search"] = {"exclude": True}
        # No lightbox: its link would repeat each plot's base64 data (the page must stay under 400 KiB).
        page.meta["glightbox"] = False
        page.meta["description"] = DESCRIPTION[lang].format(chapter=notebooks.title(DOCS / lang / f"{src.stem}.md"))
    return markdown


# Regex, not a template: the headings are inside the HTML that nbconvert renders as the page content.
HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]*)">(?P<text>.*?)<a class="anchor-link" href="[^"]*">')


def _toc_items(items) -> list:
    return [i for item in items for i in [item, *_toc_items(item.children)]]


def on_page_content(html, page, config, files):
    """The notebook's headings get the ids of the chapter's headings (`{ #id }`, the same in both languages), in
    its table of contents and in the page: nbconvert and mkdocs-jupyter slugify headings on their own (a Chinese
    heading gets "" in one and _1, _2 in the other, ids that change when a heading is added)."""
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    src = Path(page.file.abs_src_path)
    lang = src.relative_to(notebooks.CACHE).parts[0]
    chapter = notebooks.heading_ids(DOCS / lang / f"{src.stem}.md")
    items, new_ids, pos = _toc_items(page.toc.items), [], 0
    for item in items:
        key = notebooks.heading_key(item.title)
        found = next((i for i in range(pos, len(chapter)) if chapter[i][0] == key), None)
        if found is not None:
            item.id, pos = chapter[found][1], found + 1
        new_ids.append(item.id)
    ids = iter(new_ids)

    def heading(m: re.Match) -> str:
        new = next(ids, m["id"])
        return f'<h{m["level"]} id="{new}">{m["text"]}<a class="anchor-link" href="#{new}">'

    return _figure_alts(HEADING.sub(heading, html), src, lang)


# nbconvert gives every image without alt text this English placeholder.
NO_ALT = 'alt="No description has been provided for this image"'
CELL = re.compile(r'<div class="jp-Cell [^"]*" id="cell-id=(?P<id>[^"]+)"')


def _figure_alts(html: str, src: Path, lang: str) -> str:
    """A plot gets the alt text of the chapter's figure that its code cell draws (tools/notebooks.py puts it in the
    cell's metadata), in the page's language; any other plot a plain description, never nbconvert's placeholder."""
    import html as html_lib

    import nbformat

    nb = nbformat.read(src, as_version=4)
    alts = {cell.id: cell.metadata.get("alt") for cell in nb.cells}
    starts = [(m.start(), m["id"]) for m in CELL.finditer(html)]
    out, pos, cell_id = [], 0, None
    for start, next_id in [*starts, (len(html), None)]:
        alt = html_lib.escape((cell_id and alts.get(cell_id)) or notebooks.FIGURE_ALT[lang], quote=True)
        out.append(html[pos:start].replace(NO_ALT, f'alt="{alt}"'))
        pos, cell_id = start, next_id
    return "".join(out)


@event_priority(-50)  # after mkdocs-jupyter's on_post_page (0), which copies the page's .ipynb next to it
def on_post_page(output, page, config):
    """The downloadable .ipynb links to the published site."""
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    src = Path(page.file.abs_src_path)
    lang = src.relative_to(notebooks.CACHE).parts[0]
    if config.site_url:
        download = Path(page.file.abs_dest_path).with_name(src.name)
        download.write_text(notebooks.download_text(DOCS / lang / f"{src.stem}.md", lang, config.site_url), "utf-8")
    return output
