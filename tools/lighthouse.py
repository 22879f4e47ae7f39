"""Lighthouse budgets (a script, not a test): performance, accessibility, best practices, SEO >= 95; on a phone
also total blocking time <= 200 ms and largest contentful paint <= 2.5 s.

    make lighthouse                        # after make build: every reading page, both languages, mobile
    python -m tools.lighthouse --runs 5    # more runs, steadier medians
    python -m tools.lighthouse --pages matrix-calculus/ en/matrix-calculus/ --devices mobile,desktop
    python -m tools.lighthouse --notebooks # the notebook pages too (reported, outside the budget)
    python -m tools.lighthouse --native-window --pages matrix-calculus/   # diagnosis: no screen emulation

Serves site/ on loopback under its site_url path, gzip-compressed as GitHub Pages serves it, and runs
Lighthouse (npm, pinned in package.json) with Debian's Chromium on every reading page of both languages (notebook
pages on request), with Lighthouse's mobile settings (slow 4G, 4x CPU slowdown; desktop on request).
Performance varies by several points from run to run on a shared 2-core machine, so each page is measured
--runs times and the budgets apply to the medians. Exits non-zero when a median is outside a budget; the table it
prints (Markdown) goes into the README.

Two columns tell a slow page from a slow measurement. "held": runs in which Chromium drew nothing until about a
second after the page had loaded (its first paint came > 0.5 s after DOMContentLoaded). It happens under Lighthouse's
phone emulation when the first frame is a long one (the whole page parsed before it); we have not seen it with a
real window of the same size (--native-window). Lighthouse then counts every request and task before that late
paint towards the first and largest paint (mobile: ~87-91 instead of 95-99). "steal": the share of CPU time the
host took from this machine's virtual CPUs during the page's runs (from /proc/stat); above a few percent, all
timings are suspect.
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
NATIVE_WINDOW = "--window-size=412,823 --force-device-scale-factor=1.75"  # Lighthouse's phone: 412x823 CSS px, DPR 1.75
HELD_S = 0.5  # first paint this long after DOMContentLoaded: held


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


def lighthouse(url: str, preset: str, native_window: bool = False) -> dict:
    native = native_window and preset == "mobile"
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(ROOT / "node_modules" / ".bin" / "lighthouse"),
                url,
                "--quiet",
                f"--chrome-flags={FLAGS} {NATIVE_WINDOW if native else ''}".strip(),
                "--output=json",
                f"--output-path={report.name}",
                f"--only-categories={','.join(CATEGORIES)}",
                *(["--preset=desktop"] if preset == "desktop" else []),
                *(["--screenEmulation.disabled"] if native else []),
            ],
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")},
            check=True,
        )
        return json.loads(Path(report.name).read_text())


def held(run: dict) -> bool:
    """Chromium drew the first frame long after the page had loaded (see the module's docstring)."""
    observed = run["audits"]["metrics"]["details"]["items"][0]
    return observed["observedFirstContentfulPaint"] - observed["observedDomContentLoaded"] > HELD_S * 1000


def cpu_times() -> tuple[int, int]:
    """(steal, total) jiffies of all CPUs so far; (0, 0) where /proc/stat is not there."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    except (OSError, ValueError):
        return 0, 0
    return fields[7], sum(fields)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and device (median counts)")
    parser.add_argument("--pages", nargs="+", help="these pages only (paths below the site root, e.g. en/data-ops/)")
    parser.add_argument("--notebooks", action="store_true", help="the notebook pages too (reported, no budget)")
    parser.add_argument("--devices", default="mobile", help="comma-separated: mobile, desktop")
    parser.add_argument(
        "--native-window", action="store_true", help="mobile without screen emulation: a 412x823 window (diagnosis)"
    )
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
    print("| page | device | perf | a11y | best | SEO | TBT ms | LCP s | held | steal |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    with serve(SITE_DIR, compress=True) as base:
        for preset in args.devices.split(","):
            for page in chosen:
                steal0, total0 = cpu_times()
                runs = [lighthouse(base + page, preset, args.native_window) for _ in range(args.runs)]
                steal1, total1 = cpu_times()
                steal = 100 * (steal1 - steal0) / max(1, total1 - total0)
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
                    + f" | {tbt:.0f} | {lcp:.2f} | {sum(map(held, runs))} | {steal:.0f} % |",
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
