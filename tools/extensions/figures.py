"""Figures that load when the reader comes near them and keep their place: every image under assets/ gets its
`width` and `height` (from the file: an SVG's own width and height, pt or px, in CSS pixels) and, below the page's
first section, `loading="lazy"`.

Without a size the browser lays the page out with the figure 0 px tall and moves everything under it when the file
arrives (a layout shift, Lighthouse's "image elements do not have explicit width and height"); with it, Material's
`height: auto; max-width: 100%` keeps the ratio at any width. Below the first section a figure is off screen when
the page opens, and a phone fetched it with the page all the same (on matrix-calculus 25 KB, competing with the
styles and fonts the first screen needs); lazy, the browser fetches it as the reader scrolls towards it. The intro
keeps eager loading: a figure there may be what the reader sees first. The print edition loads every figure with
the page (tools/hooks/print_edition.py drops the attribute).

A Markdown extension, so both engines (MkDocs and Zensical) get it. Pages are docs/<lang>/*.md and figures
docs/assets/...: an image `../assets/x.svg` is docs/assets/x.svg. An image that is missing fails here, naming it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import cache
from pathlib import Path

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from ..snippets import ROOT

ASSETS = ROOT / "docs" / "assets"
LENGTH = re.compile(r"^\s*([\d.]+)\s*(pt|px)?\s*$")
PX_PER = {"pt": 4 / 3, "px": 1.0, None: 1.0}


def svg_size(path: Path) -> tuple[int, int]:
    """The CSS pixel size an SVG file declares on its root element (read again when the file changes: `make serve`)."""
    return _svg_size(path, path.stat().st_mtime_ns)


@cache
def _svg_size(path: Path, mtime_ns: int) -> tuple[int, int]:
    head = path.read_text(encoding="utf-8")[:4000]
    root = re.search(r"<svg\b[^>]*>", head)
    if not root:
        raise ValueError(f"{path}: no <svg> element")
    size = []
    for name in ("width", "height"):
        attr = re.search(rf'\s{name}="([^"]+)"', root.group(0))
        length = LENGTH.match(attr.group(1)) if attr else None
        if not length:
            raise ValueError(f"{path}: the <svg> element has no {name} in pt or px")
        size.append(round(float(length.group(1)) * PX_PER[length.group(2)]))
    return size[0], size[1]


class FiguresTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        past_intro = False
        for block in root:
            past_intro = past_intro or block.tag == "h2"
            for img in block.iter("img"):
                src = img.get("src", "")
                if "assets/" not in src or "://" in src:
                    continue
                path = ASSETS / src.split("assets/", 1)[1].split("#")[0]
                if not path.is_file():
                    raise FileNotFoundError(f"image {src}: no file {path.relative_to(ROOT)}")
                if path.suffix == ".svg" and not img.get("width"):
                    width, height = svg_size(path)
                    img.set("width", str(width))
                    img.set("height", str(height))
                if past_intro:
                    img.set("loading", "lazy")
                img.set("decoding", "async")


class FiguresExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(FiguresTreeprocessor(md), "figures", 4)


def makeExtension(**kwargs) -> FiguresExtension:
    return FiguresExtension(**kwargs)
