"""Each page, run the way a reader following along would: its code blocks in order, in one session.

pytest-codeblocks finds the page's code blocks; each include is read by tools.snippets (the reader the build uses
too), and every output the page shows is compared with what the code prints (numbers up to their last printed
digit: tools/compare.py). All mismatches of a page are reported at once.
"""

from __future__ import annotations

import pytest

from tools.checks import page_output_mismatches
from tools.site import SITE

PAGES = [(lang, page) for lang in SITE.langs for page in SITE.pages(lang)]


@pytest.mark.parametrize(("lang", "page"), PAGES, ids=[f"{lang}/{page.as_posix()}" for lang, page in PAGES])
def test_page_outputs(lang, page, workdir):
    problems = page_output_mismatches(SITE, lang, page, workdir)
    if problems:
        pytest.fail(f"{len(problems)} problem(s):\n\n" + "\n\n".join(problems), pytrace=False)
