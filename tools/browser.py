"""The browser every check and script uses: Debian's headless Chromium (or $CHROMIUM), never a downloaded one.

The flags keep it off the network this machine does not have (background updates, sync, QUIC). Every browser step
of the checks is bounded by TIMEOUT_MS (new_context sets it): a page that never gets there fails, naming what it
waited for, instead of hanging until pytest-timeout.
"""

from __future__ import annotations

import os

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
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
TIMEOUT_MS = 30_000  # any one browser step (load, wait, click); well under a second on a quiet machine


def new_context(browser, **options):
    """A browser context whose every step is bounded by TIMEOUT_MS."""
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    return context
