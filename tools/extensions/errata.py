"""Errata rows you can link to, and back: `[勘误 3](#errata-3)` leads to row 3 of the page's errata table, and
row 3 links back to every place in the text that cites it (like footnotes).

The errata table is the first table after the heading with id `errata`; its first column is the row number.
Row N gets `id="errata-N"`; the k-th link to `#errata-N` gets `id="errata-N-ref"` (k = 1) or `errata-N-ref-k`, and
the row's number cell gets a ↩ link to each of them. A link to a row that does not exist is left as it is: MkDocs'
strict build fails on its missing anchor.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

ROW_LINK = re.compile(r"^#errata-(\d+)$")
CJK = re.compile(r"[\u4e00-\u9fff]")
BACK = {"zh": "回到正文中引用勘误 {n} 的位置", "en": "Back to where the text cites erratum {n}"}


def ref_id(n: str, k: int) -> str:
    return f"errata-{n}-ref" if k == 1 else f"errata-{n}-ref-{k}"


class ErrataTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        children = list(root)
        heading = next((i for i, el in enumerate(children) if el.tag == "h2" and el.get("id") == "errata"), None)
        if heading is None:
            return
        table = next((el for el in children[heading + 1 :] if el.tag == "table"), None)
        if table is None:
            return
        lang = "zh" if CJK.search("".join(children[heading].itertext())) else "en"
        refs: dict[str, list[str]] = {}
        for link in root.iter("a"):
            m = ROW_LINK.match(link.get("href", ""))
            if m and not link.get("id"):
                n = m.group(1)
                refs.setdefault(n, []).append(ref_id(n, len(refs.get(n, [])) + 1))
                link.set("id", refs[n][-1])
        for row in table.iter("tr"):
            cells = list(row)
            if not cells or cells[0].tag != "td":
                continue
            n = "".join(cells[0].itertext()).strip()
            if not n.isdigit():
                continue
            row.set("id", f"errata-{n}")
            for k, target in enumerate(refs.get(n, []), start=1):
                back = etree.SubElement(cells[0], "a")
                back.set("href", f"#{target}")
                back.set("class", "errata-back")
                back.set("title", BACK[lang].format(n=n))
                back.set("aria-label", BACK[lang].format(n=n) + (f" ({k})" if len(refs[n]) > 1 else ""))
                back.text = "↩"  # the number of a second citation is in the label only (axe: name contains text)
                back.tail = ""
            if refs.get(n):
                cells[0].text = (cells[0].text or "") + " "


class ErrataExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # After attr_list (8), which sets the heading's { #errata }; before MkDocs collects the page's anchors (5).
        md.treeprocessors.register(ErrataTreeprocessor(md), "errata", 6)


def makeExtension(**kwargs) -> ErrataExtension:
    return ErrataExtension(**kwargs)
