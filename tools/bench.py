"""Budgets, measured (a script, not a timed test): strict build time, test-suite time, page weights.

make bench
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .snippets import ROOT


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def page_weight(page: Path) -> tuple[int, int]:
    """(raw, gzip) bytes of a page plus every local CSS/JS/image it references. GitHub Pages serves gzip."""
    html = page.read_bytes()
    files = [html]
    for ref in set(re.findall(r'(?:href|src)="([^"#?]+\.(?:css|js|svg|png))"', html.decode())):
        target = (page.parent / ref).resolve()
        if target.is_file():
            files.append(target.read_bytes())
    return sum(map(len, files)), sum(len(gzip.compress(f)) for f in files)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", tmp]
        cold = timed(build)
        warm = timed(build)
        site = Path(tmp)
        weights = sorted(
            ((page_weight(p), p.relative_to(site).as_posix()) for p in site.rglob("index.html")), reverse=True
        )
    tests = timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"])
    print(f"mkdocs build --strict: {cold:.1f} s first, {warm:.1f} s again (budget 10 s)")
    print(f"test suite (pytest): {tests:.1f} s (budget 60 s)")
    print("heaviest pages (HTML + referenced CSS/JS/images, fonts excluded; budget 1 MB transferred):")
    for (raw, packed), name in weights[:4]:
        print(f"  {raw / 1024:6.0f} KiB raw, {packed / 1024:5.0f} KiB gzip transferred  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
