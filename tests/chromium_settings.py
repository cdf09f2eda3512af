"""What every test that drives a browser shares, with nothing imported that the browser tests do not
need: where Debian's Chromium is, its launch flags (/work/shared/TOOLING.md section 4), the URL
schemes a local page may ask for, and a poll for what a browser does a moment later."""

from __future__ import annotations

import time
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_SCHEMES = ("file", "data", "blob", "about")


def eventually(check, timeout_s: float = 5.0) -> bool:
    """Poll ``check`` until it holds: a busy CI machine repaints late, a fixed sleep makes tests flaky."""
    end = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True
