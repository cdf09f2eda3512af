"""The GIS clients people open our files in, run as they are installed: GDAL's gdalinfo and QGIS 3
(Debian's python3-qgis). A test that needs one is skipped, saying which, when it is missing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

QGIS_PYTHON = "/usr/bin/python3"
QGIS_SCRIPT = Path(__file__).resolve().parent.parent / "qgis" / "qgis_open_raster.py"


def gdalinfo(path: Path) -> dict:
    """``gdalinfo -json`` of ``path`` (gdal-bin)."""
    if shutil.which("gdalinfo") is None:
        pytest.skip("gdalinfo (Debian's gdal-bin) is not installed: the Makefile's APT_TEST installs it")
    done = subprocess.run(["gdalinfo", "-json", str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def qgis_open_raster(path: Path) -> dict:
    """What QGIS finds when it opens ``path`` as a raster layer (tests/qgis/qgis_open_raster.py)."""
    probe = subprocess.run([QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True, timeout=120) \
        if Path(QGIS_PYTHON).exists() else None
    if probe is None or probe.returncode != 0:
        pytest.skip("QGIS's Python (Debian's python3-qgis) is not installed: the Makefile's APT_TEST installs it")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    done = subprocess.run([QGIS_PYTHON, str(QGIS_SCRIPT), str(path)], capture_output=True, text=True,
                          timeout=300, env=env)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, f"QGIS said nothing about {path.name}: {done.stderr[-2000:]}"
    return json.loads(lines[-1])


def geotransform_of(info: dict) -> tuple[float, ...]:
    """gdalinfo's six-number geotransform: x0, pixel width, row rotation, y0, column rotation, pixel height."""
    return tuple(info["geoTransform"])
