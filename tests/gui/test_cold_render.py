"""A cold ``crossings render`` loads only what the render needs (issue 15, "Lean"): once the bundled
layers and the basemap are prepared (geo/disk_cache.py), a fresh process draws the default map
without importing GDAL, and draws exactly the pixels it drew when it computed everything."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
# Runs the command line in a fresh process and reports which of the lazily imported modules it loaded.
CODE = ("import sys; from gui.cli import main; code = main(sys.argv[1:]); "
        "print(sorted(m for m in ('pyogrio', 'geo.gdal_offline', 'geo.exports.vector') if m in sys.modules)); "
        "sys.exit(code)")


def render(out: Path, cache: str) -> list[str]:
    out.mkdir()
    env = {**os.environ, "CROSSINGS_CACHE_DIR": cache, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", CODE, "render", "--no-geojson", "-q", "--dpi", "60",
                           "--out-dir", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    return ast.literal_eval(proc.stdout.strip().splitlines()[-1])  # the module names printed above


def pixels(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert not image.isNull()
    w, h = image.width(), image.height()
    return np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h).reshape(h, -1)[:, : w * 3].copy()


@pytest.mark.slow
def test_a_cold_render_from_prepared_data_imports_no_gdal_and_draws_the_same_pixels(qapp, tmp_path):
    cache = str(tmp_path / "cache")
    assert render(tmp_path / "off", "") == ["geo.gdal_offline", "pyogrio"]  # no cache: the files read with GDAL
    assert render(tmp_path / "first", cache) == ["geo.gdal_offline", "pyogrio"]  # read, then prepared on disk
    assert render(tmp_path / "second", cache) == []  # GDAL and the vector writers never loaded
    name = "crossings_2024Q4_arrivals.png"
    off = pixels(tmp_path / "off" / name)
    assert (pixels(tmp_path / "first" / name) == off).all()
    assert (pixels(tmp_path / "second" / name) == off).all()
