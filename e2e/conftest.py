"""Fixtures for the browser tests: the built site (site/, from `make build`) served on loopback under its site_url
path, and pytest-playwright's browser fixtures pointed at Debian's Chromium.

pytest-playwright gives `browser` (one per test process), `new_context` (a factory; its contexts close after the
test) and, on failure, screenshots and traces (`--screenshot only-on-failure`, `--tracing retain-on-failure`). Here
its browser is Debian's /usr/bin/chromium (or $CHROMIUM) with tools.browser.CHROMIUM_ARGS: a missing browser fails
the run, it is never skipped and never downloaded; and every context's steps are bounded by
tools.browser.TIMEOUT_MS. Under pytest-xdist (`make e2e` runs two workers) each worker has its own server and
browser: the session fixtures here hold no state that tests share across workers.

Helpers for test modules live in modules, not here: tools.serve (SITE, site_pages, page_url, LANG_PREFIX) and
tools.browser (CHROMIUM, CHROMIUM_ARGS, VIEWPORTS, Tabs, search).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.browser import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS, VIEWPORTS, Tabs
from tools.serve import SITE, serve


@pytest.fixture(scope="session")
def base_url():
    """http://127.0.0.1:PORT/<site_url path>: the built site, served as GitHub Pages serves it."""
    if not (SITE / "index.html").exists():
        pytest.fail("site/ is not built: run `make build` (make e2e does) first", pytrace=False)
    with serve(SITE) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium, off the network (tools.browser.CHROMIUM_ARGS)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no browser at {CHROMIUM}: `apt-get install chromium` (or set CHROMIUM=...)", pytrace=False)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def new_context(new_context):
    """pytest-playwright's context factory, each context's every step bounded by TIMEOUT_MS."""

    def bounded(**options):
        context = new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        return context

    return bounded


def _shared_context(browser, base_url, viewport):
    context = browser.new_context(viewport=viewport, base_url=base_url)
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture(scope="session")
def phone(browser, base_url):
    """A browser context shared by the tests that only read pages at 390 px (its HTTP cache is reused). A test
    that changes state (storage, permissions, colour scheme) makes its own context (`new_context`) instead."""
    context = _shared_context(browser, base_url, VIEWPORTS["phone"])
    yield context
    context.close()


@pytest.fixture(scope="session")
def desktop(browser, base_url):
    """Like `phone`, at 1280 px."""
    context = _shared_context(browser, base_url, VIEWPORTS["desktop"])
    yield context
    context.close()


@pytest.fixture(scope="session")
def tabs(desktop, phone):
    """A tab per width, reused from page to page (tools.browser.Tabs), for the tests that only load and read."""
    return Tabs({"desktop": desktop, "phone": phone})
