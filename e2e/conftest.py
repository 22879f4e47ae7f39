"""The built site (site/, from `make build`) served on loopback under its site_url path, and a headless Chromium.

The browser is Debian's /usr/bin/chromium (or $CHROMIUM); a missing browser fails the run, it is never skipped
and never downloaded.
"""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site")).resolve()  # make build writes site/
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
LANG_PREFIX = {"zh": "", "en": "en/"}


def site_path() -> str:
    """The path part of site_url (e.g. /d2l-notes/): the site is served there, as on GitHub Pages."""
    from mkdocs.config import load_config

    return urlsplit(load_config(str(ROOT / "mkdocs.yml")).site_url).path


class Handler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(SITE / "__outside_site_url__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        """Like GitHub Pages: a missing page gets the site's own 404.html."""
        page = SITE / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url():
    if not (SITE / "index.html").exists():
        pytest.fail("site/ is not built: run `make build` (make e2e does) first", pytrace=False)
    prefix = site_path()
    handler = type("SiteHandler", (Handler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(SITE)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{prefix}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no browser at {CHROMIUM}: `apt-get install chromium` (or set CHROMIUM=...)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def site_pages() -> list[tuple[str, str]]:
    """(lang, path relative to the language root) of every page in the built site."""
    found = []
    for index in sorted(SITE.rglob("index.html")):
        rel = index.parent.relative_to(SITE).as_posix().removeprefix(".")
        if rel.startswith(("assets", "search")):
            continue
        lang = "en" if rel == "en" or rel.startswith("en/") else "zh"
        page = rel.removeprefix("en").strip("/")
        found.append((lang, f"{page}/" if page else ""))
    return found


def page_url(base: str, lang: str, page: str) -> str:
    return f"{base}{LANG_PREFIX[lang]}{page}"
