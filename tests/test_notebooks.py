"""One truth for what the code prints: each chapter notebook's code cells (executed by Jupyter, shown on the
notebook pages and in the downloaded .ipynb) print the recorded outputs that the chapter pages show."""

from __future__ import annotations

import pytest

from tools.checks import notebook_output_mismatches
from tools.notebooks import PLAIN_TOKEN
from tools.site import SITE

CHAPTERS = [(lang, page.relative_to(SITE.docs / lang)) for lang in SITE.langs for page in SITE.chapters(lang)]


@pytest.mark.parametrize(("lang", "page"), CHAPTERS, ids=[f"{lang}/{page.stem}" for lang, page in CHAPTERS])
def test_notebook_prints_the_recorded_outputs(lang, page):
    problems = notebook_output_mismatches(SITE, lang, page)
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


@pytest.mark.parametrize(("lang", "page"), CHAPTERS, ids=[f"{lang}/{page.stem}" for lang, page in CHAPTERS])
def test_notebook_code_has_no_span_drawn_as_the_text_around_it(lang, page):
    """As on the chapter pages (tools/extensions/plain_tokens.py): plain names and whitespace are plain text."""
    text = SITE.notebook(lang, page.stem).read_text(encoding="utf-8")
    assert 'class="kn"' in text, "no highlighted code on the notebook page"
    assert not PLAIN_TOKEN.findall(text), f"{SITE.show(SITE.notebook(lang, page.stem))}: spans of plain tokens"
