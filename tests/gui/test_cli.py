"""``crossings render`` end to end: files written, numbers exported, mistakes told in one line."""

import json
import subprocess
import sys

import geopandas as gpd
import pandas as pd
import pytest
from PySide6.QtGui import QImage

from geo import paths
from gui.cli import main


@pytest.fixture
def in_tmp(tmp_path, monkeypatch, qapp):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_render_with_no_argument_writes_png_and_geojson_in_the_current_folder(in_tmp):
    assert main(["render", "-q", "--dpi", "100"]) == 0
    png = in_tmp / "crossings_2024Q4_arrivals.png"
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1169, 827)  # A4 landscape at 100 dpi
    names = sorted(p.name for p in in_tmp.glob("*.geojson"))
    assert names == [f"crossings_2024Q4_arrivals_{n}.geojson"
                     for n in ("countries", "figures", "flow_symbols", "flows", "places", "routes")]
    assert not list(in_tmp.glob(".*"))  # no temporary files left


def test_exported_flows_are_rfc7946_and_carry_the_csv_figures(in_tmp):
    assert main(["render", "-q", "--no-png", "--period", "Q4 2024", "--metric", "arrivals"]) == 0
    data = json.loads((in_tmp / "crossings_2024Q4_arrivals_flows.geojson").read_text())
    assert "crs" not in data  # RFC 7946: WGS84 implied
    csv = pd.read_csv(paths.default_flows())
    q4 = csv[(csv.period == "2024Q4") & (csv.metric == "arrivals")].set_index("route_id")["value"]
    got = {f["properties"]["route_id"]: f["properties"]["figure"] for f in data["features"]}
    assert got == {rid: q4[rid] for rid in ("ATL", "CMR-LY", "WMR", "CMR-TN", "CMR-DZ")}
    for f in data["features"]:
        assert f["properties"]["period_id"] == "2024Q4" and f["properties"]["source"]
        for lon, lat in f["geometry"]["coordinates"]:
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert -25 < lon < 20 and 10 < lat < 40  # the region, so not swapped or projected
    symbols = gpd.read_file(in_tmp / "crossings_2024Q4_arrivals_flow_symbols.geojson")
    assert set(symbols.geom_type) == {"Polygon"} and symbols.crs.to_epsg() == 4326
    assert symbols.set_index("route_id").loc["ATL", "figure"] == 16109


def test_geopackage_holds_every_layer(in_tmp):
    assert main(["render", "-q", "--no-png", "--no-geojson", "--gpkg", "map.gpkg"]) == 0
    import pyogrio

    layers = {name for name, _ in pyogrio.list_layers(in_tmp / "map.gpkg")}
    # and QGIS's table of each layer's default style (tests/qgis)
    assert layers == {"countries", "routes", "places", "flows", "flow_symbols", "figures", "layer_styles"}
    flows = gpd.read_file(in_tmp / "map.gpkg", layer="flows")
    assert flows.set_index("route_id").loc["CMR-LY", "figure"] == 11341


def test_other_selection_and_page(in_tmp):
    assert main(["render", "-q", "--metric", "dead and missing", "--period", "2024", "--source", "IOM Missing Migrants Project",
                 "--page", "A3", "--orientation", "portrait", "--dpi", "50", "--no-geojson"]) == 0
    image = QImage(str(in_tmp / "crossings_2024_dead_missing.png"))
    assert (image.width(), image.height()) == (585, 827)


@pytest.mark.parametrize("args, message", [
    (["--period", "2031Q1"], "period '2031Q1' has no figures; periods in the data: "),
    (["--period", "2024Q5"], "'2024Q5' is not a period"),
    (["--metric", "tourists"], "metric 'tourists' has no figures for 2024Q4; metrics: arrivals, dead_missing"),
    (["--source", "Nobody"], "source 'Nobody' has no arrivals figures for 2024Q4; sources: "),
    (["--flows", "missing.csv"], "missing.csv: file not found"),
    (["--crs", "EPSG:999999"], "projection 'EPSG:999999' is not a CRS"),
    (["--size", "big"], "--size 'big' is not WIDTHxHEIGHT"),
    (["--out-dir", "nowhere"], "output folder nowhere does not exist"),
    # sizes and figures are finite and in range: nan drew hairlines with a "nan = 7.5 mm" legend
    (["--scale-value", "nan"], "--scale-value nan is not a figure between 0 and 10,000,000"),
    (["--scale-value", "-5"], "--scale-value -5.0 is not a figure between 0 and 10,000,000"),
    (["--scale-value", "inf"], "--scale-value inf is not a figure"),
    (["--max-width-mm", "nan"], "--max-width-mm nan is outside 0.2–40 mm"),
    (["--max-width-mm", "1e6"], "--max-width-mm 1000000.0 is outside 0.2–40 mm"),
    (["--max-width-mm", "1e-300"], "--max-width-mm 1e-300 is outside 0.2–40 mm"),
    (["--classes", "1000,nan"], "--classes: nan is not a figure"),
])
def test_user_mistakes_give_one_line_and_exit_2(in_tmp, capsys, args, message):
    assert main(["render", *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("crossings: error: ") and message in err[0]
    assert not list(in_tmp.glob("*.png"))


def test_bad_figures_row_is_named(in_tmp, capsys):
    bad = in_tmp / "figs.csv"
    bad.write_text("route_id,period,metric,value\nCMR-LY,2024Q4,arrivals,11341\nCMR-TN,2024Q4,arrivals,lots\n")
    assert main(["render", "--flows", str(bad)]) == 2
    assert "figs.csv, row 3: value 'lots' is not a number" in capsys.readouterr().err


def test_unknown_route_in_figures_is_warned_not_dropped_silently(in_tmp, capsys):
    figs = in_tmp / "figs.csv"
    figs.write_text("route_id,period,metric,value\nCMR-LY,2024Q4,arrivals,11341\nCMR-XX,2024Q4,arrivals,10\n")
    assert main(["render", "--flows", str(figs), "--no-png", "--no-geojson"]) == 0
    assert "warning: CMR-XX (row 3): is in figs.csv but not in the routes layer; not drawn" in capsys.readouterr().err


def test_console_script_runs_headless_and_never_shows_a_traceback(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    ok = subprocess.run([sys.executable, "-m", "gui.cli", "render", "--dpi", "60", "--no-geojson"], cwd=tmp_path,
                        env=env, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "crossings_2024Q4_arrivals.png").exists()
    bad = subprocess.run([sys.executable, "-m", "gui.cli", "render", "--routes", "nope.shp"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.strip() == "crossings: error: nope.shp: file not found"


def test_cli_tiles_option_adds_a_layer_marked_as_needing_a_connection(in_tmp):
    tmp_path = in_tmp
    url = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert main(["render", "-q", "--no-png", "--no-geojson", "--html", "map.html", "--tiles", url]) == 0
    html = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "tile.openstreetmap.org" in html and "needs an internet connection" in html


def test_the_summary_gives_totals_as_the_map_writes_them(in_tmp, capsys):
    """The console summary of a French map gave its routes as '46 524' but its totals as 'Italy 65,474 (incl.
    3,495 from other …)': English words and an English comma among French figures."""
    assert main(["render", "--no-png", "--no-geojson", "--period", "2024", "--language", "fr"]) == 0
    summary = next(line for line in capsys.readouterr().err.splitlines() if "; totals: " in line)
    totals = summary.split("; totals: ")[1]
    assert "65\u202f474" in totals and "65,474" not in totals, totals
    assert "incl." not in totals and "Italy" not in totals, totals
