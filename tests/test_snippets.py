"""Each snippet file on its own, as a reader who copies it would run it: fresh namespace, empty directory.

Random generators are deliberately left in an arbitrary state first: a file must seed what it uses.
The committed outputs (snippets/<chapter>/outputs/) and figures (docs/assets/figures/) must be exactly
what the file produces.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from tests.conftest import EXECUTED
from tools.snippets import (
    FIGURES,
    ROOT,
    SNIPPETS,
    format_outputs,
    is_volatile,
    output_file,
    read_outputs,
    rel,
    reset_state,
    run_file,
    snippet_files,
)

FILES = snippet_files()


@pytest.mark.parametrize("path", FILES, ids=[rel(p) for p in FILES])
def test_file_runs_alone_and_matches_outputs(path: Path, in_tmp_cwd):
    reset_state(seed=zlib.crc32(str(path).encode()))  # anything but the start-up state
    outputs = run_file(path)
    EXECUTED["snippet files run alone"] += 1
    out_path = output_file(path).relative_to(ROOT)
    recorded = read_outputs(path)
    if is_volatile(path):
        assert recorded.keys() == {k for k, v in outputs.items() if v}, f"{out_path}: sections differ; run make regen"
        return
    if format_outputs(outputs) != format_outputs(recorded):
        stale = [name for name in outputs.keys() | recorded.keys() if outputs.get(name, "") != recorded.get(name, "")]
        pytest.fail(
            f"snippets/{rel(path)}: {out_path} is stale for section(s) {sorted(stale)}. Run `make regen`.",
            pytrace=False,
        )
    for figure in sorted(Path.cwd().rglob("*.svg")):
        committed = FIGURES / figure.name
        assert committed.exists(), (
            f"snippets/{rel(path)} draws {figure.name}, missing from {committed.relative_to(ROOT)}"
        )
        assert committed.read_bytes() == figure.read_bytes(), (
            f"{committed.relative_to(ROOT)} is stale: snippets/{rel(path)} now draws it differently. Run `make regen`."
        )
        EXECUTED["figures compared"] += 1


def test_no_orphan_outputs():
    """Every outputs file belongs to a snippet file."""
    sources = {output_file(p) for p in FILES}
    orphans = [p.relative_to(ROOT).as_posix() for p in SNIPPETS.rglob("outputs/*.txt") if p not in sources]
    assert not orphans, f"outputs without a snippet file: {orphans}"
