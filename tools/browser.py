"""The browser every check and script uses: Debian's headless Chromium (or $CHROMIUM), never a downloaded one.

The flags keep it off the network this machine does not have (background updates, sync, QUIC).
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
