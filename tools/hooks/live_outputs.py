"""`mkdocs serve` keeps outputs current: before each rebuild, re-run the snippet files whose code changed.

The incremental `python -m tools.regenerate` (a few seconds for one file) runs before every rebuild while serving;
the outputs and figures it rewrites trigger one more rebuild that finds nothing left to run. `mkdocs build` never
runs code: it shows the committed outputs, which the tests check.
"""

from __future__ import annotations

import subprocess
import sys

from mkdocs.exceptions import PluginError

from tools.snippets import ROOT

_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_pre_build(config):
    if not _serving:
        return
    proc = subprocess.run(
        [sys.executable, "-m", "tools.regenerate"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    sys.stderr.write(proc.stdout)
    if proc.returncode != 0:
        raise PluginError(f"make regen failed:\n{proc.stderr[-2000:]}")
