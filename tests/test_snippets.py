"""Each snippet file on its own, as a reader who copies it would run it: fresh namespace, empty directory.

Random generators are deliberately left in an arbitrary state first: a file must seed what it uses. The committed
outputs (snippets/<chapter>/outputs/) and figures (docs/assets/figures/) must be what the file prints and draws,
up to machine noise (tools/compare.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.checks import orphans, stale_outputs
from tools.site import SITE
from tools.snippets import rel

FILES = SITE.snippet_files()


@pytest.mark.parametrize("path", FILES, ids=[rel(p) for p in FILES])
def test_file_runs_alone_and_matches_outputs(path: Path, workdir):
    problems = stale_outputs(SITE, path, workdir)
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


def test_no_orphan_outputs_or_figures():
    assert not orphans(SITE), "\n".join(orphans(SITE))
