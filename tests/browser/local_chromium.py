"""Debian's Chromium, driven by playwright, with every request for anything but a local file refused:
the browser tests' one way to open a page (a web map must draw offline).

Importing this skips the importing test module where Chromium is not installed."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pytest
from chromium_settings import CHROMIUM, FLAGS, LOCAL_SCHEMES, eventually  # noqa: F401  (re-exported)

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium; "
                "`make test` does it)", allow_module_level=True)

from playwright.sync_api import sync_playwright


@contextlib.contextmanager
def local_only_chromium(viewport: dict[str, int]):
    """A Chromium context of ``viewport``; on leaving it, fails if anything non-local was asked for."""
    refused: list[str] = []
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(tempfile.mkdtemp(prefix="crossings-chromium-"),
                                                    executable_path=str(CHROMIUM), args=FLAGS, headless=True,
                                                    viewport=viewport)

        def route(r):
            if r.request.url.split(":", 1)[0].lower() in LOCAL_SCHEMES:
                r.continue_()
            else:
                refused.append(r.request.url)
                r.abort("blockedbyclient")

        ctx.route("**/*", route)
        yield ctx
        ctx.close()
    assert refused == []


def open_map(ctx, path: Path, settle_ms: int = 300, viewport: dict[str, int] | None = None):
    """A new page of ``ctx`` (of ``viewport``, else the context's) showing the web map at ``path``, once
    its flows are drawn; fails on a script error."""
    page = ctx.new_page()
    if viewport is not None:
        page.set_viewport_size(viewport)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    page.wait_for_function("window.crossingsMap !== undefined && document.querySelectorAll('path.crossings-flow').length > 0")
    page.wait_for_timeout(settle_ms)
    assert errors == []
    return page
