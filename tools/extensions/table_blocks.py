"""Tables in a block of their own: every table of the page's top level is wrapped in `<div class="table-block">`.

Material wraps each table in its scroll box only when its script runs, after the page has been parsed, and a table
as such cannot skip the layout of its content (content-visibility needs size containment, which no table box
takes). So the tables were the one kind of block that a long chapter styled and laid out in full at load: on
matrix-calculus, two thousand formula spans, restyled in each of the passes Material's script forces while it
mounts (Lighthouse mobile: most of the blocking time). In a block of their own from the first parse, they are
skipped off screen like paragraphs and code (extra.css); Material's scroll box goes inside the block.

Runs after the errata extension (which finds the errata table among the top-level blocks).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

CLASS = "table-block"


class TableBlocksTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for i, child in enumerate(list(root)):
            if child.tag == "table":
                block = etree.Element("div", {"class": CLASS})
                block.tail, child.tail = child.tail, None
                root.remove(child)
                block.append(child)
                root.insert(i, block)


class TableBlocksExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(TableBlocksTreeprocessor(md), "table_blocks", 5)  # after errata (6)


def makeExtension(**kwargs) -> TableBlocksExtension:
    return TableBlocksExtension(**kwargs)
