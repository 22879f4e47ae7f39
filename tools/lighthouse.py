"""Lighthouse budgets (a script, not a test): performance, accessibility, best practices, SEO >= 95.

    make lighthouse      # after make build

Serves site/ on loopback under its site_url path, gzip-compressed as GitHub Pages serves it, and runs
Lighthouse (npm, pinned in package.json) with Debian's Chromium on the home page and the heaviest chapter
in both languages, with Lighthouse's mobile (default: slow 4G, 4x CPU slowdown) and desktop settings.
Exits non-zero when a score is below the budget. Scores vary by several points from run to run.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from .snippets import ROOT

SITE = ROOT / "site"
BUDGET = 95
PAGES = ["", "linear-regression/", "en/", "en/linear-regression/"]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml")


class GzipHandler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path):
        path = urlsplit(path).path
        path = "/" + path[len(self.prefix) :] if path.startswith(self.prefix) else "/__outside__"
        return super().translate_path(path)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.end_headers()
        return __import__("io").BytesIO(body)

    def log_message(self, *args):
        pass


def main() -> int:
    from mkdocs.config import load_config

    prefix = urlsplit(load_config(str(ROOT / "mkdocs.yml")).site_url).path
    handler = type("Handler", (GzipHandler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}{prefix}"
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
    server.shutdown()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
