"""Each page, run the way a reader following along would: its code blocks in order, in one session.

pytest-codeblocks finds the page's code blocks; each include is read by tools.snippets (the reader the build uses
too), and every output the page shows is compared with what the code prints (numbers up to their last printed
digit: tools/compare.py). All mismatches of a page are reported at once.

The pages of the default language are run; a translation shows the same code blocks in the same order
(tests/test_structure.py: test_languages_show_the_same_code) and the same recorded outputs (one outputs file per
section, whatever the language), so running it again would run the same code to compare the same text.
"""

from __future__ import annotations

import pytest

from tools.checks import page_output_mismatches
from tools.site import SITE

PAGES = [(SITE.default, page) for page in SITE.pages(SITE.default)]


# (not `page`: that name is pytest-playwright's browser-tab fixture, which would pull a browser into unit tests)
@pytest.mark.parametrize(("lang", "source"), PAGES, ids=[f"{lang}/{source.as_posix()}" for lang, source in PAGES])
def test_page_outputs(lang, source, workdir):
    problems = page_output_mismatches(SITE, lang, source, workdir)
    if problems:
        pytest.fail(f"{len(problems)} problem(s):\n\n" + "\n\n".join(problems), pytrace=False)
