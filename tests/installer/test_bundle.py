"""The offline installer (installer/): build the one-folder bundle, then use it as a field laptop would.

The bundle runs with an empty environment (``env -i``: no Python, no virtualenv, no PROJ_DATA) inside
a network namespace with no network (``unshare -n``): it renders the default map to PNG and GeoJSON
(checked against the CSV, and pixel for pixel against the same render from the source tree), then
opens the main window under Xvfb, which quits after its first paint (CROSSINGS_QUIT_AFTER_MS in
gui/app.py) while we take a screenshot. The bundle's size must stay within the budget; the size and
the cold start (page cache emptied for the bundle's files) are printed.

Set CROSSINGS_BUNDLE=<folder> to test an existing bundle (rebuilt anyway if older than the sources).
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUDGET_MB = 250
NAME = "crossings_2024Q4_arrivals"
LAYERS = ("countries", "figures", "flow_symbols", "flows", "places", "routes")


def _newest_source() -> float:
    folders = [ROOT / d for d in ("geo", "gui", "data", "resources")] + [ROOT / "installer"]
    files = [p for d in folders for p in d.rglob("*")
             if p.is_file() and not {"dist", "build", "__pycache__"} & set(p.relative_to(ROOT).parts)]
    return max(p.stat().st_mtime for p in files)


@pytest.fixture(scope="module")
def bundle() -> Path:
    given = os.environ.get("CROSSINGS_BUNDLE")
    if given and (Path(given) / "crossings").is_file() \
            and (Path(given) / "crossings").stat().st_mtime > _newest_source():
        return Path(given)
    subprocess.run(["bash", str(ROOT / "installer" / "build.sh"), sys.executable], cwd=ROOT, check=True, timeout=1200)
    return ROOT / "installer" / "dist" / "crossings"


def _clean_env(home: Path, **extra: str) -> list[str]:
    """``env -i`` with only what a desktop session gives: no Python, no virtualenv, no PROJ/GDAL variables."""
    return ["env", "-i", "PATH=/usr/bin:/bin", "LANG=C.UTF-8", f"HOME={home}", *(f"{k}={v}" for k, v in extra.items())]


def _evict_from_page_cache(folder: Path) -> None:
    """Make the next start a cold one: drop the bundle's files from the page cache (no root needed)."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def _du_mb(folder: Path) -> float:
    return int(subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True, check=True)
               .stdout.split()[0]) / 1024


@pytest.fixture(scope="module")
def rendered(bundle, offline, tmp_path_factory):
    """The default map rendered by the bundle offline (cold, then warm), and by the source tree."""
    tmp = tmp_path_factory.mktemp("bundle")
    home, out = tmp / "home", tmp / "out"
    home.mkdir()
    out.mkdir()
    _evict_from_page_cache(bundle)
    times = []
    for _ in range(2):  # cold, then warm
        start = time.perf_counter()
        run = subprocess.run([*offline, *_clean_env(home), str(bundle / "crossings"), "render", "--out-dir", str(out)],
                             capture_output=True, text=True, timeout=300, cwd=tmp)
        times.append(time.perf_counter() - start)
        assert run.returncode == 0, run.stderr
    source = tmp / "source"
    source.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", "import sys; from gui.cli import main; sys.exit(main(sys.argv[1:]))",
                    "render", "-q", "--out-dir", str(source)], env=env, check=True, timeout=300, cwd=tmp)
    return {"out": out, "source": source, "cold_s": times[0], "warm_s": times[1], "stderr": run.stderr}


def test_bundle_fits_the_budget_and_reports_size_and_cold_start(bundle, rendered, capsys):
    size = _du_mb(bundle)
    with capsys.disabled():
        print(f"\ninstaller bundle: {size:.0f} MB unpacked (du), cold `crossings render` {rendered['cold_s']:.1f} s, "
              f"warm {rendered['warm_s']:.1f} s (A4 300 dpi PNG + 5 GeoJSON, no network, env -i)")
    assert size < BUDGET_MB
    assert (bundle / "README.md").is_file()
    licences = bundle / "licenses"
    index = (licences / "INDEX.txt").read_text()
    for dist in ("PySide6", "geopandas", "pyogrio", "pyproj", "shapely", "numpy", "pandas", "folium", "Python"):
        assert dist in index
    for name in ("DATA-LICENSES.md", "LGPL-3.0.txt", "Noto-fonts-OFL.txt", "Leaflet-LICENSE.txt"):
        assert (licences / name).is_file()
    internal = bundle / "_internal"
    for needed in ("data/shapefiles/countries.shp", "data/flows/mmc_na_2024q4.csv", "resources/fonts/NotoSansArabic-Regular.ttf",
                   "resources/i18n/crossings_fr.qm", "resources/web/leaflet/leaflet.js", "pyogrio/proj_data/proj.db"):
        assert (internal / needed).is_file(), needed
    for absent in ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "libgtk-3.so.0",
                   "matplotlib", "PIL", "pytest"):
        assert not (internal / absent).exists(), absent


def test_offline_render_writes_the_default_map(rendered):
    from PySide6.QtGui import QColor, QImage

    from geo import paths
    from geo.styles import ROUTE_GROUP_COLOURS

    out, source = rendered["out"], rendered["source"]
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{NAME}.png", *(f"{NAME}_{n}.geojson" for n in LAYERS)])
    image = QImage(str(out / f"{NAME}.png"))
    assert (image.width(), image.height()) == (3508, 2480)  # A4 landscape, 300 dpi
    assert image == QImage(str(source / f"{NAME}.png"))  # pixel for pixel what the source tree draws
    # the Atlantic flow, where its band is drawn (a point inside it, from the flow_symbols layer)
    atlantic = QColor(ROUTE_GROUP_COLOURS["Atlantic"])
    sample = image.scaled(image.width() // 4, image.height() // 4)
    found = sum(1 for y in range(sample.height()) for x in range(0, sample.width())
                if sample.pixelColor(x, y) == atlantic)
    assert found > 500  # the ATL band: thousands of pixels of #0072B2 at 300 dpi

    flows = json.loads((out / f"{NAME}_flows.geojson").read_text())
    csv = pd.read_csv(paths.default_flows())
    q4 = csv[(csv.period == "2024Q4") & (csv.metric == "arrivals")].set_index("route_id")["value"]
    got = {f["properties"]["route_id"]: f["properties"]["figure"] for f in flows["features"]}
    assert got == {rid: q4[rid] for rid in got} and got["ATL"] == 16109 and len(got) == 5
    for name in LAYERS:
        assert json.loads((out / f"{NAME}_{name}.geojson").read_text()) == \
            json.loads((source / f"{NAME}_{name}.geojson").read_text()), name


GUI_SCRIPT = r"""
{env} DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" "$@" 2>"$ERR" &
app=$!
for _ in $(seq 300); do grep -q painted "$ERR" && break; kill -0 $app 2>/dev/null || break; sleep 0.1; done
sleep 2.5  # the map canvas renders on a worker thread after the first paint
import -window root "$SHOT"
wait $app
"""


def test_window_opens_offline_under_xvfb(bundle, offline, tmp_path):
    if not (shutil.which("xvfb-run") and shutil.which("import")):
        pytest.skip("xvfb-run and ImageMagick's import are needed (make test installs them)")
    from PySide6.QtGui import QColor, QImage

    from geo.styles import ROUTE_GROUP_COLOURS

    home = tmp_path / "home"
    home.mkdir()
    err, shot = tmp_path / "gui.err", tmp_path / "window.png"
    # xvfb-run starts Xvfb inside the namespace too; the app gets only DISPLAY and XAUTHORITY from it
    script = GUI_SCRIPT.replace("{env}", shlex.join(
        _clean_env(home, QT_QPA_PLATFORM="xcb", CROSSINGS_QUIT_AFTER_MS="4000")))
    run = subprocess.run([*offline, "xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "bash", "-c", script, "gui-smoke",
                          str(bundle / "crossings"), "gui", "--no-recover"],
                         env={**os.environ, "ERR": str(err), "SHOT": str(shot)}, capture_output=True, text=True,
                         timeout=180)
    log = err.read_text() if err.exists() else ""
    assert run.returncode == 0, run.stderr + log
    assert "painted" in log, log
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    sample = image.scaled(320, 200)
    colours = {sample.pixel(x, y) for y in range(sample.height()) for x in range(sample.width())}
    assert len(colours) > 50  # window chrome, table, map: not a blank or black screen
    atlantic = QColor(ROUTE_GROUP_COLOURS["Atlantic"])
    assert any(image.pixelColor(x, y) == atlantic for y in range(0, 800, 2) for x in range(0, 1280, 2))  # the map


def test_offline_atlas_draws_on_worker_processes_of_the_bundle(bundle, offline, tmp_path):
    """``crossings atlas`` in the frozen app: its workers are spawned from the bundle itself
    (multiprocessing.freeze_support in the entry point), offline, with nothing but the bundle."""
    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    out.mkdir()
    run = subprocess.run([*offline, *_clean_env(home), str(bundle / "crossings"), "atlas", "--periods", "2024Q4",
                          "--metrics", "arrivals", "--languages", "en", "ar", "--dpi", "60", "--jobs", "2",
                          "--out-dir", str(out)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    assert sorted(p.name for p in out.iterdir()) == ["atlas.pdf", "crossings_2024Q4_arrivals_ar.png",
                                                     "crossings_2024Q4_arrivals_en.png"]
    assert (out / "atlas.pdf").read_bytes().startswith(b"%PDF")
