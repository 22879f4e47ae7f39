"""The Python-Markdown extensions that carry the pages' content rules (tools/extensions/): they work in a bare
Markdown build, without MkDocs' events, which is what lets a second engine (Zensical) build the same pages."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from tools.extensions.snippet_blocks import SnippetBlockError, page_language
from tools.site import SITE
from tools.snippets import ROOT, read_outputs

EXTENSIONS = ["tools.extensions.snippet_blocks", "tools.extensions.cjk_lines", "pymdownx.snippets"]
CONFIGS = {"pymdownx.snippets": {"base_path": [str(ROOT / "snippets")], "check_paths": True}}
PAGE = {
    "zh": '# 数据操作\n\n画图和使用其他库时\n经常用到。\n\n```python\n--8<-- "data_ops/ndarrays.py:ranks"\n```\n',
    "en": '# Data operations\n\nThe book calls it 自动\n微分.\n\n```python\n--8<-- "data_ops/ndarrays.py:ranks"\n```\n',
}


def render(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS).convert(text)


@pytest.mark.parametrize("lang", SITE.langs)
def test_every_page_is_read_as_the_language_of_its_folder(lang):
    """snippet_blocks takes a page's language from its title: a title that breaks the rule fails here."""
    pages = SITE.pages(lang)
    wrong = [f"docs/{lang}/{page}" for page in pages if page_language(SITE.page(lang, page).read_text()) != lang]
    assert not wrong, f"title not in the page's language (the output block's title would be wrong): {wrong}"


@pytest.mark.parametrize(("lang", "title"), [("zh", "输出"), ("en", "Output")])
def test_a_fence_becomes_its_titled_code_and_recorded_output(lang, title):
    html = render(PAGE[lang])
    recorded = read_outputs(ROOT / "snippets/data_ops/ndarrays.py")["ranks"].splitlines()[0]
    code, output = html.split(f'title="{title}"')
    assert 'title="snippets/data_ops/ndarrays.py"' in code and "ndim" in code
    assert recorded in output
    # A line break between Chinese characters is joined, on an English page too (a Chinese term broken in two).
    assert {"zh": "其他库时经常用到", "en": "自动微分"}[lang] in html


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '# 页\n\n```python\n--8<-- "data_ops/missing.py:x"\n```\n',
            "line 4 \\(below the front matter\\): snippet file 'snippets/data_ops/missing",
        ),
        ("# 页\n\n```python\nprint(1)\n```\n", "line 3 \\(below the front matter\\): hand-written code block"),
    ],
)
def test_a_broken_fence_fails_naming_the_line(text, message):
    with pytest.raises(SnippetBlockError, match=message):
        render(text)


def highlight_config() -> dict:
    """pymdownx.highlight's settings in mkdocs.yml (the Pygments filter comes as the object itself)."""
    from tools.site import read_config

    for entry in read_config(ROOT / "mkdocs.yml")["markdown_extensions"]:
        if isinstance(entry, dict) and "pymdownx.highlight" in entry:
            return entry["pymdownx.highlight"]
    pytest.fail("mkdocs.yml: pymdownx.highlight has no settings (the Python lexer's filter is gone)")


def test_code_has_no_span_drawn_as_the_text_around_it():
    """Python code keeps its colours without the spans of plain names and whitespace (tools/extensions/plain_tokens):
    the same text, the coloured tokens still in their spans."""
    import html as html_lib
    import re

    fence = '```python\n--8<-- "data_ops/ndarrays.py:ranks"\n```\n'
    extensions = ["pymdownx.highlight", "pymdownx.superfences", "pymdownx.snippets"]
    configs = {**CONFIGS, "pymdownx.highlight": highlight_config()}
    code = markdown.Markdown(extensions=extensions, extension_configs=configs).convert(fence)
    plain = markdown.Markdown(extensions=extensions, extension_configs=CONFIGS).convert(fence)
    spans = lambda text: re.findall(r'<span class="(\w+)">', text)  # noqa: E731
    assert {"n", "w"} & set(spans(plain)), "the snippet has no plain name: the test proves nothing"
    assert not {"n", "w"} & set(spans(code)), "spans of plain names or whitespace are back"
    assert set(spans(code)) == set(spans(plain)) - {"n", "w"}  # every coloured token keeps its span
    text = lambda html: html_lib.unescape(re.sub(r"<[^>]+>", "", html))  # noqa: E731
    assert text(code) == text(plain)


def test_plain_names_have_the_colour_of_code_text():
    """The filter's premise, in the installed Material's stylesheets: a plain name (.n) is drawn in the colour of the
    code around it, in every palette. If a Material release gives names a colour of their own, this fails: the filter
    would then take that colour away."""
    import re
    from importlib.util import find_spec

    folder = Path(find_spec("material").origin).parent / "templates/assets/stylesheets"
    css = "".join(f.read_text(encoding="utf-8") for f in sorted(folder.glob("*.min.css")))
    assert ".highlight .n{color:var(--md-code-hl-name-color)}" in css
    assert set(re.findall(r"--md-code-hl-name-color:([^;}]*)", css)) == {"var(--md-code-fg-color)"}
    assert "--md-code-hl-name-color:" not in (ROOT / "docs/assets/stylesheets/extra.css").read_text(encoding="utf-8")


def test_a_table_is_a_block_of_its_own():
    """tools/extensions/table_blocks.py: each top-level table sits in <div class="table-block"> (extra.css skips such
    blocks off screen; a table box itself cannot skip its content). A table inside another block stays as it is."""
    text = "| a | b |\n| - | - |\n| 1 | 2 |\n\n!!! note\n\n    | c |\n    | - |\n    | 3 |\n"
    extensions = ["tables", "admonition", "tools.extensions.table_blocks"]
    html = markdown.Markdown(extensions=extensions).convert(text)
    assert html.startswith('<div class="table-block">\n<table>') or html.startswith('<div class="table-block"><table>')
    assert html.count('class="table-block"') == 1 and html.count("<table>") == 2


def test_figures_keep_their_place_and_load_near_the_reader():
    """tools/extensions/figures.py: a figure gets the size its SVG declares (pt -> CSS px), so nothing moves when it
    arrives; below the first section it is lazy. Every figure the pages use is sized."""
    figure = "![scatter](../assets/figures/linreg-scatter.svg)"
    text = f"# Page\n\n{figure}\n\n## Section\n\n{figure}\n"
    html = markdown.Markdown(extensions=["tools.extensions.figures"]).convert(text)
    intro, section = re.findall(r"<img [^>]*>", html)
    assert 'width="432"' in intro and 'height="307"' in intro  # 324 pt x 230.4 pt
    assert "loading" not in intro and 'loading="lazy"' in section
    pages = (ROOT / "docs").glob("*/*.md")
    used = {src for page in pages for src in re.findall(r"\]\((\.\./assets/[^)]+)\)", page.read_text("utf-8"))}
    for src in used:
        html = markdown.Markdown(extensions=["tools.extensions.figures"]).convert(f"![x]({src})")
        assert re.search(r' width="\d+"', html) and re.search(r' height="\d+"', html), src


def test_a_missing_figure_fails_naming_it():
    with pytest.raises(FileNotFoundError, match="no-such-figure.svg"):
        markdown.Markdown(extensions=["tools.extensions.figures"]).convert("![x](../assets/figures/no-such-figure.svg)")
