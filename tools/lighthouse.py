"""Lighthouse budgets (a script, not a test): performance, accessibility, best practices, SEO >= 95; on a phone
also total blocking time <= 200 ms and largest contentful paint <= 2.5 s.

    make lighthouse                        # after make build: every reading page, both languages, mobile
    python -m tools.lighthouse --runs 5    # more runs, steadier medians
    python -m tools.lighthouse --pages matrix-calculus/ en/matrix-calculus/ --devices mobile,desktop
    python -m tools.lighthouse --notebooks # the notebook pages too (reported, outside the budget)

Serves site/ on loopback under its site_url path, gzip-compressed as GitHub Pages serves it, and runs
Lighthouse (npm, pinned in package.json) with Debian's Chromium on every reading page of both languages (notebook
pages on request), with Lighthouse's mobile settings (slow 4G, 4x CPU slowdown; desktop on request).
Performance varies by several points from run to run on a shared 2-core machine, so each page is measured
--runs times and the budgets apply to the medians. Exits non-zero when a median is outside a budget; the table it
prints (Markdown) goes into the README.
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

from .serve import serve
from .site import SITE
from .snippets import ROOT

SITE_DIR = Path(os.environ.get("SITE_DIR", ROOT / "site"))
BUDGET = 95
TBT_BUDGET_MS = 200  # mobile
LCP_BUDGET_S = 2.5  # mobile
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"


def content_pages(site: Path, notebooks: bool = False) -> dict[str, list[str]]:
    """Per language, the site's reading pages (URL paths below the site root); 404 excluded, notebooks on request."""
    pages: dict[str, list[str]] = {lang: [] for lang in SITE.langs}
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        if ("notebooks/" in rel and not notebooks) or rel.startswith(("search/", "assets/")):
            continue
        pages[SITE.lang_of_url(rel)].append(rel)
    return pages


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
    parser.add_argument("--pages", nargs="+", help="these pages only (paths below the site root, e.g. en/data-ops/)")
    parser.add_argument("--notebooks", action="store_true", help="the notebook pages too (reported, no budget)")
    parser.add_argument("--devices", default="mobile", help="comma-separated: mobile, desktop")
    args = parser.parse_args()
    if not (SITE_DIR / "index.html").exists():
        sys.exit(f"{SITE_DIR} has no index.html: run `make build` first")
    pages = content_pages(SITE_DIR, notebooks=args.notebooks)
    chosen = args.pages or [p for lang in SITE.langs for p in pages[lang]]
    failed = []
    print(
        f"median of {args.runs} runs (min-max of performance); budgets: every score >= {BUDGET}, mobile TBT <= "
        f"{TBT_BUDGET_MS} ms and LCP <= {LCP_BUDGET_S} s\n"
    )
    print("| page | device | perf | a11y | best | SEO | TBT ms | LCP s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    with serve(SITE_DIR, compress=True) as base:
        for preset in args.devices.split(","):
            for page in chosen:
                runs = [lighthouse(base + page, preset) for _ in range(args.runs)]
                scores = {c: [round(r["categories"][c]["score"] * 100) for r in runs] for c in CATEGORIES}
                median = {c: statistics.median(v) for c, v in scores.items()}
                tbt = statistics.median(r["audits"]["total-blocking-time"]["numericValue"] for r in runs)
                lcp = statistics.median(r["audits"]["largest-contentful-paint"]["numericValue"] for r in runs) / 1000
                over = [c for c in CATEGORIES if median[c] < BUDGET]
                if preset == "mobile":
                    over += ["TBT"] * (tbt > TBT_BUDGET_MS) + ["LCP"] * (lcp > LCP_BUDGET_S)
                if over and "notebooks/" not in page:
                    failed.append(f"/{page} {preset}: {', '.join(over)}")
                perf = scores["performance"]
                print(
                    f"| `/{page}` | {preset} | {median['performance']:g} ({min(perf)}-{max(perf)}) | "
                    + " | ".join(f"{median[c]:g}" for c in CATEGORIES[1:])
                    + f" | {tbt:.0f} | {lcp:.2f} |",
                    flush=True,
                )
                for key, audit in runs[0]["audits"].items():
                    if audit.get("scoreDisplayMode") == "binary" and (audit.get("score") or 0) < 0.9:
                        if audit.get("score") is not None:
                            print(f"<!-- failing audit: {key}: {audit['title']} -->")
    for line in failed:
        print(f"over budget: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
