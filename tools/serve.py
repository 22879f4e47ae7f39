"""Serve a built site on loopback under its site_url path, as GitHub Pages does (used by e2e/ and lighthouse),
and list the pages it holds.

GitHub Pages serves the project under /<repo>/, answers a missing page with the site's 404.html, and compresses
text with gzip; the server does the same (gzip on request), so the browser sees what readers get.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from .site import SITE as MODEL  # the site as a model (languages, prefixes); SITE here is the built folder
from .snippets import ROOT

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml")
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site")).resolve()  # `make build` writes site/
LANG_PREFIX = {lang.code: lang.prefix for lang in MODEL.languages}  # "" for the default language, "en/", ...


def site_pages(site: Path = SITE) -> list[tuple[str, str]]:
    """(lang, path relative to the language root, "" or "data-ops/") of every page in a built site."""
    found = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix().removeprefix(".")
        if rel.startswith(("assets", "search")):
            continue
        lang = MODEL.lang_of_url(rel)
        page = rel.removeprefix(MODEL.prefix(lang).rstrip("/")).strip("/")
        found.append((lang, f"{page}/" if page else ""))
    return found


def page_url(base: str, lang: str, page: str) -> str:
    """The URL of a page from site_pages() under a served base URL (or under site_url)."""
    return f"{base}{MODEL.prefix(lang)}{page}"


def site_path() -> str:
    """The path part of site_url (e.g. /d2l-notes/)."""
    from mkdocs.config import load_config

    return urlsplit(load_config(str(ROOT / "mkdocs.yml")).site_url).path


@functools.lru_cache(maxsize=512)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    """Each file is compressed once (per version), not on every request: less CPU taken from the browser."""
    return gzip.compress(path.read_bytes())


class SiteHandler(SimpleHTTPRequestHandler):
    prefix = "/"
    compress = False

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_site_url__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (self.compress and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code, message=None, explain=None):
        """A missing page gets the site's own 404.html."""
        page = Path(self.directory) / "404.html"
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


@contextlib.contextmanager
def serve(site: Path, compress: bool = False) -> Iterator[str]:
    """Serve `site` on an ephemeral loopback port; yields the base URL (http://127.0.0.1:PORT/<site_url path>)."""
    prefix = site_path()
    handler = type("Handler", (SiteHandler,), {"prefix": prefix, "compress": compress})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
