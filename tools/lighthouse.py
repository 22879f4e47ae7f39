"""Lighthouse budgets (a script, not a test): performance, accessibility, best practices, SEO >= 95.

    make lighthouse                      # after make build
    python -m tools.lighthouse --runs 5  # more runs, steadier medians
    python -m tools.lighthouse --all --devices mobile  # every page, phone only

Serves site/ on loopback under its site_url path, gzip-compressed as GitHub Pages serves it, and runs
Lighthouse (npm, pinned in package.json) with Debian's Chromium on the home page and the heaviest page (most
gzip bytes: HTML + CSS/JS/images) in both languages, with Lighthouse's mobile (default: slow 4G, 4x CPU
slowdown) and desktop settings.
Performance varies by several points from run to run on a shared 2-core machine, so each page is measured
--runs times and the budget applies to the median. Exits non-zero when a median is below the budget.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .bench import page_weight
from .serve import serve
from .site import SITE
from .snippets import ROOT

SITE_DIR = Path(os.environ.get("SITE_DIR", ROOT / "site"))
BUDGET = 95
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"


def content_pages(site: Path) -> dict[str, list[str]]:
    """Per language, the site's reading pages (URL paths below the site root); notebooks and 404 excluded."""
    pages: dict[str, list[str]] = {lang: [] for lang in SITE.langs}
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        if "notebooks/" in rel or rel.startswith(("search/", "assets/")):
            continue
        pages[SITE.lang_of_url(rel)].append(rel)
    return pages


def heaviest(site: Path, pages: list[str]) -> str:
    """The page with the most bytes transferred on first load (gzip HTML + its CSS, JS and images)."""
    return max(pages, key=lambda p: page_weight(site / p / "index.html")[1])


def lighthouse(url: str, preset: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(ROOT / "node_modules" / ".bin" / "lighthouse"),
                url,
                "--quiet",
                f"--chrome-flags={FLAGS}",
                "--output=json",
                f"--output-path={report.name}",
                f"--only-categories={','.join(CATEGORIES)}",
                *(["--preset=desktop"] if preset == "desktop" else []),
            ],
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")},
            check=True,
        )
        return json.loads(Path(report.name).read_text())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and device (median counts)")
    parser.add_argument("--all", action="store_true", help="every reading page, not just home and the heaviest")
    parser.add_argument("--devices", default="mobile,desktop", help="comma-separated: mobile, desktop")
    args = parser.parse_args()
    if not (SITE_DIR / "index.html").exists():
        sys.exit(f"{SITE_DIR} has no index.html: run `make build` first")
    pages = content_pages(SITE_DIR)
    chosen = [
        p
        for lang in SITE.langs
        for p in (pages[lang] if args.all else [SITE.prefix(lang), heaviest(SITE_DIR, pages[lang])])
    ]
    failed = False
    print(f"median of {args.runs} runs (min-max of performance); budget {BUDGET}")
    print(f"{'page':36} {'device':8} {'perf':>11}  a11y  best   seo   TBT ms  LCP s")
    with serve(SITE_DIR, compress=True) as base:
        for preset in args.devices.split(","):
            for page in chosen:
                runs = [lighthouse(base + page, preset) for _ in range(args.runs)]
                scores = {c: [round(r["categories"][c]["score"] * 100) for r in runs] for c in CATEGORIES}
                median = {c: statistics.median(v) for c, v in scores.items()}
                tbt = statistics.median(r["audits"]["total-blocking-time"]["numericValue"] for r in runs)
                lcp = statistics.median(r["audits"]["largest-contentful-paint"]["numericValue"] for r in runs)
                failed |= min(median.values()) < BUDGET
                perf = scores["performance"]
                print(
                    f"/{page:35} {preset:8} {median['performance']:4g} ({min(perf)}-{max(perf)})",
                    "  ".join(f"{median[c]:4g}" for c in CATEGORIES[1:]),
                    f"{tbt:8.0f} {lcp / 1000:6.2f}",
                    flush=True,
                )
                for key, audit in runs[0]["audits"].items():
                    if audit.get("scoreDisplayMode") == "binary" and (audit.get("score") or 0) < 0.9:
                        if audit.get("score") is not None:
                            print(f"    failing audit: {key}: {audit['title']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
