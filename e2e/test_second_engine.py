"""The second engine: Zensical builds the same sources (`make zensical`: zensical.yml inherits mkdocs.yml) into
site-zensical/. Its home page and a chapter in each language must show the same code blocks as the MkDocs site
(site/): the same snippet files as titles, the same code, the same recorded outputs, in the same order.

What Zensical does not build (notebook pages, PDFs, math at build time, ...) is listed in the README's
"Second engine: Zensical"; this test checks the part that must not differ: the code and what it prints.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tools.pages import OUTPUT_TITLE
from tools.serve import page_url, serve
from tools.site import SITE
from tools.snippets import ROOT

# The home page (a set-up block of shell commands) and the chapter with the most code blocks and outputs.
PAGES = [(lang, page) for lang in SITE.langs for page in ("", "data-ops/")]

# Each code block of the article: [its title (a snippet file, or 输出 / Output), its text].
BLOCKS = """() => [...document.querySelectorAll('article div.highlight')].map(block => [
  (block.querySelector('.filename') || {textContent: ''}).textContent.trim(),
  block.querySelector('pre code').textContent])"""


def zensical_site() -> Path:
    """The folder that `make zensical` writes: site_dir of zensical.yml."""
    return ROOT / yaml.safe_load((ROOT / "zensical.yml").read_text(encoding="utf-8"))["site_dir"]


@pytest.fixture(scope="module")
def zensical_url():
    site = zensical_site()
    if not (site / "index.html").exists():
        pytest.fail(f"{site.name}/ is not built: run `make zensical` first (CI's zensical stage)", pytrace=False)
    with serve(site) as url:
        yield url


def code_blocks(context, url: str, lang: str) -> list[list[str]]:
    tab = context.new_page()
    try:
        response = tab.goto(url)
        assert response.status == 200, url
        assert tab.evaluate("document.documentElement.lang") == lang, f"{url}: not a page in {lang}"
        return tab.evaluate(BLOCKS)
    finally:
        tab.close()


@pytest.mark.parametrize(("lang", "page"), PAGES, ids=[f"{lang}/{page}" for lang, page in PAGES])
def test_zensical_shows_the_same_code_and_outputs(desktop, base_url, zensical_url, lang, page):
    mkdocs = code_blocks(desktop, page_url(base_url, lang, page), lang)
    zensical = code_blocks(desktop, page_url(zensical_url, lang, page), lang)
    titles = {title for title, _ in mkdocs}
    assert any(title.startswith("snippets/") for title in titles), f"site/{lang}/{page}: no snippet block"
    if page:
        assert OUTPUT_TITLE[lang] in titles, f"site/{lang}/{page}: no output block"
    where = f"{lang}/{page or 'index'}"
    for i, (ours, theirs) in enumerate(zip(mkdocs, zensical, strict=False)):
        assert theirs == ours, (
            f"{where}: code block {i + 1} differs.\n  MkDocs (site/): {ours[0]!r}\n{ours[1]}\n"
            f"  Zensical (site-zensical/): {theirs[0]!r}\n{theirs[1]}"
        )
    assert len(zensical) == len(mkdocs), f"{where}: MkDocs shows {len(mkdocs)} code blocks, Zensical {len(zensical)}"
