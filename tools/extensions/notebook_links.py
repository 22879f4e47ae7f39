"""A chapter's notebook button (`[...](notebooks/<slug>.md){ .md-button }`, a page that
python -m tools.generate writes) gets an "Open in Colab" button next
to it, in the page's language, and keeps the reader's section when followed (`data-keep-place`, read by
docs/assets/javascripts/keep-place.js). The Colab URL is tools.colab.colab_url's, as on the notebook pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from tools import colab

NOTEBOOK = re.compile(r"^notebooks/(?P<slug>[-\w]+)\.md$")
CJK = re.compile(r"[\u4e00-\u9fff]")
COLAB_TEXT = {"zh": "在 Colab 中打开本章", "en": "Open this chapter in Colab"}


class NotebookLinksTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for i, link in enumerate(list(parent)):
                m = NOTEBOOK.match(link.get("href", "")) if link.tag == "a" else None
                if not m or "md-button" not in (link.get("class") or "").split():
                    continue
                lang = "zh" if CJK.search("".join(link.itertext())) else "en"
                link.set("data-keep-place", "")
                button = etree.Element("a", {"class": "md-button nb-colab-button"})
                button.set("href", colab.colab_url(lang, m["slug"]))
                button.text = COLAB_TEXT[lang]
                button.tail, link.tail = link.tail, " "
                parent.insert(i + 1, button)


class NotebookLinksExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # After attr_list (8), which sets the button's class; before MkDocs makes the link relative (0).
        md.treeprocessors.register(NotebookLinksTreeprocessor(md), "notebook_links", 6)


def makeExtension(**kwargs) -> NotebookLinksExtension:
    return NotebookLinksExtension(**kwargs)
