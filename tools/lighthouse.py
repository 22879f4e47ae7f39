"""Lighthouse budgets (a script, not a test): performance, accessibility, best practices, SEO >= 95.

    make lighthouse      # after make build

Serves site/ on loopback under its site_url path, gzip-compressed as GitHub Pages serves it, and runs
Lighthouse (npm, pinned in package.json) with Debian's Chromium on the home page and the heaviest chapter
in both languages, with Lighthouse's mobile (default: slow 4G, 4x CPU slowdown) and desktop settings.
Exits non-zero when a score is below the budget. Scores vary by several points from run to run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .serve import serve
from .snippets import ROOT

SITE = ROOT / "site"
BUDGET = 95
PAGES = ["", "linear-regression/", "en/", "en/linear-regression/"]


def main() -> int:
    with serve(SITE, compress=True) as base:
        return run(base)


def run(base: str) -> int:
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    flags = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
    failed = False
    print(f"{'page':28} {'device':8} perf  a11y  best   seo")
    for preset, page in [(preset, page) for preset in ("mobile", "desktop") for page in PAGES]:
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            subprocess.run(
                [
                    str(ROOT / "node_modules" / ".bin" / "lighthouse"),
                    base + page,
                    "--quiet",
                    f"--chrome-flags={flags}",
                    "--output=json",
                    f"--output-path={report.name}",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    *(["--preset=desktop"] if preset == "desktop" else []),
                ],
                env={**os.environ, "CHROME_PATH": chromium},
                check=True,
            )
            result = json.loads(Path(report.name).read_text())
        scores = {k: round(v["score"] * 100) for k, v in result["categories"].items()}
        failed |= min(scores.values()) < BUDGET
        print(
            f"/{page:27} {preset:8}",
            "  ".join(f"{scores[k]:4}" for k in ("performance", "accessibility", "best-practices", "seo")),
        )
        for key, audit in result["audits"].items():
            if audit.get("score") is not None and audit["score"] < 0.9 and audit.get("scoreDisplayMode") == "binary":
                print(f"    failing audit: {key}: {audit['title']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
