"""Shared fixtures and a summary of what the suite really executed."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MPLBACKEND", "Agg")
# Benchmark snippets (bench_*.py) take a short path under test; `make regen` runs them in full.
os.environ["D2L_QUICK"] = "1"

# Filled by the tests, printed at the end so that nobody has to guess what ran.
EXECUTED: Counter = Counter()


def pytest_terminal_summary(terminalreporter):
    # The tests import this file as tests.conftest; pytest itself loaded it as conftest: read the tests' counter.
    from tests.conftest import EXECUTED as counted

    if counted:
        parts = ", ".join(f"{n} {what}" for what, n in sorted(counted.items()))
        terminalreporter.write_line(f"executed: {parts}")


@pytest.fixture
def in_tmp_cwd(tmp_path, monkeypatch):
    """Snippets write files (CSV, figures) to the working directory, as a reader's script would."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
