"""Fixtures for the browser tests: the built site (site/, from `make build`) served on loopback under its site_url
path, and a headless Chromium.

The browser is Debian's /usr/bin/chromium (or $CHROMIUM); a missing browser fails the run, it is never skipped
and never downloaded. Under pytest-xdist (`make e2e` runs two workers) each worker has its own server and browser:
the session fixtures here hold no state that tests share across workers.

Helpers for test modules live in modules, not here: tools.serve (SITE, site_pages, page_url, LANG_PREFIX) and
tools.browser (CHROMIUM, CHROMIUM_ARGS, new_context: every step bounded by TIMEOUT_MS).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.browser import CHROMIUM, CHROMIUM_ARGS, VIEWPORTS, new_context
from tools.serve import SITE, serve


@pytest.fixture(scope="session")
def base_url():
    """http://127.0.0.1:PORT/<site_url path>: the built site, served as GitHub Pages serves it."""
    if not (SITE / "index.html").exists():
        pytest.fail("site/ is not built: run `make build` (make e2e does) first", pytrace=False)
    with serve(SITE) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium per test process."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no browser at {CHROMIUM}: `apt-get install chromium` (or set CHROMIUM=...)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def phone(browser):
    """A browser context shared by the tests that only read pages at 390 px (its HTTP cache is reused). A test
    that changes state (storage, permissions, colour scheme) makes its own context instead."""
    context = new_context(browser, viewport=VIEWPORTS["phone"])
    yield context
    context.close()


@pytest.fixture(scope="session")
def desktop(browser):
    """Like `phone`, at 1280 px."""
    context = new_context(browser, viewport=VIEWPORTS["desktop"])
    yield context
    context.close()
