"""Each page, run the way a reader following along would: its code blocks in order, in one session.

The page's Markdown goes through the same transformation as the build (titles, output blocks), is parsed by
pytest-codeblocks (code blocks and their <!--pytest-codeblocks:expected-output--> blocks), and each include
is expanded by pymdownx.snippets. Every shown output is compared with what the code prints.
"""

from __future__ import annotations

import difflib

import pytest

from tests.conftest import EXECUTED
from tools.pages import DOCS, LANGS, page_blocks, pages
from tools.snippets import Runner, is_volatile, output_file, reset_state

PAGES = [(lang, page) for lang in LANGS for page in pages(lang)]


def diff(shown: str, printed: str) -> str:
    lines = difflib.unified_diff(
        shown.splitlines(), printed.splitlines(), "shown on the page", "printed by the code", lineterm=""
    )
    return "\n".join(lines)


@pytest.mark.parametrize(("lang", "page"), PAGES, ids=[f"{lang}/{page.as_posix()}" for lang, page in PAGES])
def test_page_outputs(lang, page, in_tmp_cwd):
    path = DOCS / lang / page
    where = f"docs/{lang}/{page.as_posix()}"
    blocks = page_blocks(path, lang)
    reset_state()
    runner = Runner(where)
    for block in blocks:
        inc = block.include
        if inc.section is None:  # a whole-file block: the file is run on its own by test_snippets.py
            EXECUTED["whole-file blocks (run by test_snippets)"] += 1
            continue
        printed = runner.run(block.code, f"{where}:{block.lineno} (snippets/{inc.target})")
        EXECUTED["page code blocks"] += 1
        shown = block.expected_output or ""
        if is_volatile(inc.file):  # timings: the numbers differ from run to run, the shape must not
            shown, printed = [len(s.splitlines()) for s in (shown, printed)]
        if shown != printed:
            out = output_file(inc.file).relative_to(DOCS.parent).as_posix()
            pytest.fail(
                f"{where}:{block.lineno}: the output shown for snippets/{inc.target} ({out}) "
                f"is not what the code prints:\n{diff(str(shown), str(printed))}\n"
                "Run `make regen` to regenerate outputs, then review the diff.",
                pytrace=False,
            )
        if block.expected_output is not None:
            EXECUTED["page outputs compared"] += 1
