"""The built site (site/, from `make build`) served on loopback under its site_url path, and a headless Chromium.

The browser is Debian's /usr/bin/chromium (or $CHROMIUM); a missing browser fails the run, it is never skipped
and never downloaded.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.serve import serve  # noqa: E402

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


@pytest.fixture(scope="session")
def base_url():
    if not (SITE / "index.html").exists():
        pytest.fail("site/ is not built: run `make build` (make e2e does) first", pytrace=False)
    with serve(SITE) as url:
        yield url


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
