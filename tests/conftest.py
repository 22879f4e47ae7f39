"""Shared fixtures, and a summary of what the suite really executed."""

from __future__ import annotations

import os

import pytest

from tools.checks import EXECUTED

os.environ.setdefault("MPLBACKEND", "Agg")


def pytest_terminal_summary(terminalreporter):
    if EXECUTED:
        parts = ", ".join(f"{n} {what}" for what, n in sorted(EXECUTED.items()))
        terminalreporter.write_line(f"executed: {parts}")


@pytest.fixture
def workdir(tmp_path):
    """An empty folder to run code in: snippets write files (CSV, figures) to the working directory."""
    return tmp_path
