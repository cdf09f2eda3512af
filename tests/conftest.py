"""Shared fixtures: Qt runs offscreen, and tests read the bundled data once per session."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest

from geo import paths

# Prepared layers and basemaps (geo/disk_cache.py) go to a folder of this run, never the user's cache;
# child processes inherit it.
_CACHE = tempfile.mkdtemp(prefix="crossings-test-cache-")
os.environ["CROSSINGS_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)


@pytest.fixture(scope="session")
def qapp_args(pytestconfig):
    """pytest-qt's QApplication gets the arguments Crossings starts with, Chromium switches and all,
    so the web preview is tested as it runs (tests/test_web_preview_isolation.py)."""
    from gui.qt_app import qt_app_argv

    return qt_app_argv(pytestconfig.getini("qt_qapp_name"))


@pytest.fixture(scope="session")
def bundled_doc_factory():
    """A function giving a fresh document on the bundled data (documents are mutable)."""
    from geo.document import MapDocument

    def make():
        return MapDocument.from_files()

    return make


@pytest.fixture(scope="session")
def flows_csv():
    return paths.default_flows()


@pytest.fixture(scope="module")
def routes():
    """The bundled routes (tests may not modify them)."""
    from geo.routes import read_routes

    return read_routes(paths.default_routes())


@pytest.fixture(scope="module")
def table():
    """The bundled figures table (tests may not modify it)."""
    from geo.flow_table import read_flow_table

    return read_flow_table(paths.default_flows())


@pytest.fixture(scope="module")
def offline() -> list[str]:
    """The command prefix that runs a program without network: ``unshare -n`` (root) or ``unshare -rn``."""
    if not shutil.which("unshare"):
        pytest.skip("unshare (util-linux) is not installed")
    for prefix in (["unshare", "-n"], ["unshare", "-r", "-n"]):
        probe = subprocess.run([*prefix, "cat", "/proc/net/dev"], capture_output=True, text=True)
        if probe.returncode == 0:
            interfaces = [line.split(":")[0].strip() for line in probe.stdout.splitlines()[2:]]
            assert interfaces == ["lo"], interfaces  # nothing but a loopback, and that one down
            return prefix
    pytest.skip(f"unshare cannot create a network namespace here: {probe.stderr.strip()}")
