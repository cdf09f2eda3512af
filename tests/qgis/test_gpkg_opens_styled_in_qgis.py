"""The GeoPackage in the real client: Debian's QGIS 3.22 (python3-qgis, headless) opens every layer
with the style stored in the file, and its render of the map's frame shows each flow, and the land,
in the colour the Crossings PNG of the same map shows them.

QGIS runs in a subprocess under /usr/bin/python3 (the virtualenv cannot import qgis), driven by
qgis_open_and_render.py beside this file; its render and report are kept in pytest's temporary
folder (``qgis_<map>.png`` next to ``crossings_<map>.png``) for a look by eye.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely

from geo.atomic import output_set
from geo.exports.gpkg_styles import PLACE_PT
from geo.exports.layers import export_layers
from geo.join import ZERO
from geo.page import Page
from geo.paths import resource_path

QGIS_PYTHON = "/usr/bin/python3"
SCRIPT = Path(__file__).with_name("qgis_open_and_render.py")
DPI = 100
# Maps that between them draw every kind of flow mark: filled bands (Q4 2024 arrivals), a dashed
# outline for a figure inside another (2024 arrivals: Algeria–Balearic), circles with their route
# lines and dashed routes without a figure (2024 dead and missing), and the open ring of a zero (the
# Q4 2024 arrivals with the Western Mediterranean's figure set to 0).
MAPS = {"q4_2024_arrivals": None, "2024_arrivals": ("2024", "arrivals"), "2024_dead_missing": ("2024", "dead_missing"),
        "zero_figure": ("2024Q4", "arrivals")}
ZERO_ROUTE = "WMR"
PAINTER_ORDER = ("countries", "routes", "flows", "flow_symbols", "place_figures", "nodes", "places", "figures", "callouts")
"""The layers bottom to top as the PNG paints them (place dots above the flows, names on top)."""
COLOUR_TOLERANCE = 6
"""Largest difference in any channel (0–255) between the two renders' colour of one area."""
INSET_MM = 0.6
"""Samples stay this far inside a symbol's edge: clear of its casing or dashed outline and of antialiasing."""

pytestmark = pytest.mark.slow


def _qgis_env(tmp: Path) -> dict[str, str]:
    """A plain environment for Debian's Python: not the virtualenv's, offscreen, no display."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(tmp), "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp),
            "LANG": os.environ.get("LANG", "C.UTF-8")}


@pytest.fixture(scope="module")
def qgis(tmp_path_factory):
    """The folder QGIS runs in; the test is skipped, saying why, only where QGIS cannot be imported."""
    tmp = tmp_path_factory.mktemp("qgis")
    if not Path(QGIS_PYTHON).exists():
        pytest.skip(f"{QGIS_PYTHON} is missing: QGIS's Python bindings (python3-qgis) cannot be run")
    probe = subprocess.run([QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True, text=True, env=_qgis_env(tmp))
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["no error output"])[-1]
        pytest.skip(f"{QGIS_PYTHON} cannot import qgis ({last}): install python3-qgis (make test does)")
    return tmp


@pytest.fixture(scope="module", params=list(MAPS))
def opened(request, qgis, qapp, bundled_doc_factory):
    """One map written as PNG and GeoPackage by the export every caller uses, then opened and rendered
    by QGIS at the PNG's frame: (doc, view, PNG pixels, QGIS pixels, QGIS's report, its stderr)."""
    from gui.export import write_map_files
    from gui.layout import page_view

    doc = _with_a_zero(qgis) if request.param == "zero_figure" else bundled_doc_factory()
    if MAPS[request.param] is not None:
        doc.select(*MAPS[request.param])
    doc.insets = "none"  # the GeoPackage holds the map's layers; an inset is the page's, drawn over them
    page = Page("A4", "landscape", DPI)
    png, gpkg = qgis / f"crossings_{request.param}.png", qgis / f"{request.param}.gpkg"
    with output_set():
        write_map_files(doc, page, {"png": png, "gpkg": gpkg})
    view = page_view(doc, page)
    if request.param == "zero_figure":
        assert (doc.flow_symbols(view)["symbol"] == ZERO).any()
    report, stderr = _open_in_qgis(qgis, doc, view, gpkg, request.param)
    return doc, view, _load_rgb(png), _load_rgb(qgis / f"qgis_{request.param}.png"), report, stderr


def _open_in_qgis(qgis: Path, doc, view, gpkg: Path, name: str) -> tuple[dict, str]:
    """QGIS opens ``gpkg`` and renders ``view``'s frame into ``qgis_<name>.png``: its report and stderr."""
    _, _, width, height = view.frame_px
    layers = sorted((n for n, _ in pyogrio.list_layers(gpkg) if n != "layer_styles"), key=PAINTER_ORDER.index)
    spec = {"gpkg": str(gpkg), "layers": layers, "crs": doc.crs, "extent": list(view.extent),
            "size": [round(width), round(height)], "dpi": DPI, "background": doc.theme.sea,
            "fonts": str(resource_path("fonts")), "png": str(qgis / f"qgis_{name}.png")}
    spec_path, report_path = qgis / f"{name}.json", qgis / f"{name}_report.json"
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    run = subprocess.run([QGIS_PYTHON, str(SCRIPT), str(spec_path), str(report_path)], capture_output=True, text=True,
                         env=_qgis_env(qgis), timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(report_path.read_text(encoding="utf-8")), run.stderr


def _with_a_zero(folder: Path):
    """The bundled document with Q4 2024 arrivals of the Atlantic, Libya and the Western Mediterranean,
    the last one a zero."""
    import csv

    from geo import paths
    from geo.document import MapDocument

    with open(paths.default_flows(), newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if (r["period"], r["metric"]) == ("2024Q4", "arrivals")
                and r["route_id"] in ("ATL", "CMR-LY", ZERO_ROUTE)]
    for r in rows:
        r["value"] = "0" if r["route_id"] == ZERO_ROUTE else r["value"]
    path = folder / "zero.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return MapDocument.from_files(flows=path)


def test_every_layer_opens_with_the_style_stored_in_the_file(opened):
    doc, _, _, _, report, _ = opened
    for name, layer in report["layers"].items():
        assert layer["valid"] and layer["features"] > 0, name
        assert layer["stored_styles"] == [name], name
        # the file's own style, not the random single colour QGIS gives a layer without one
        assert (layer["without_stored_style"], layer["type"]) == ("singleSymbol", "RuleRenderer"), name
        assert layer["rules"], name
        assert layer["sld"]["loaded"], (name, layer["sld"]["message"])
    countries = {r["label"]: r["symbol"]["layers"][0] for r in report["layers"]["countries"]["rules"]}
    assert countries["Focus countries"]["colour"] == doc.theme.focus_land
    assert countries["Other countries"]["colour"] == doc.theme.land
    assert {c["stroke"] for c in countries.values()} == {doc.layer("boundaries").style.stroke}
    for rule in report["layers"]["flow_symbols"]["rules"]:
        symbol = rule["symbol"]["layers"][0]
        if rule["filter"] == f'"symbol" = \'{ZERO}\'':  # a zero: an open ring in the text colour
            assert (symbol["colour"], symbol["stroke"], symbol["data_defined"]) == ("#ffffff", doc.theme.text, {})
        else:  # each feature's own colour, from the file
            assert symbol["data_defined"] in ({"fillColor": "colour"}, {"outlineColor": 'darker("colour", 115)'}), rule
            if symbol["data_defined"] == {"outlineColor": 'darker("colour", 115)'}:  # dashes fitted to its corners
                assert symbol["fitted_dash"] == ["1", "1"], rule
    figures = report["layers"]["figures"]["labels"]
    assert (figures["field"], figures["bold"], figures["data_defined"].get("Color")) == ("map_label", True,
                                                                                          "label_colour")
    assert report["layers"]["places"]["labels"]["field"] == "map_name"
    assert report["render"]["crs_valid"] and not report["render"]["errors"]


def test_qgis_reads_the_geopackage_without_a_version_warning(opened):
    *_, stderr = opened
    assert "may only be partially supported" not in stderr  # GDAL 3.6 on a GeoPackage 1.4
    assert "GeoPackage" not in stderr, stderr


def test_qgis_prints_the_maps_figures_and_names(opened):
    """QGIS places its own labels (fewer where the map is crowded), but only the map's words: each
    figure as the PNG prints it, each place the map names."""
    doc, view, _, _, report, _ = opened
    layers = export_layers(doc, view)
    placed = report["render"]["labels"]
    figures = [t for t in layers["figures"]["map_label"] if t]
    assert set(placed.get("figures", [])) <= set(figures)
    assert len(placed.get("figures", [])) >= 0.6 * len(figures)
    places = layers["places"]
    named = set(places.loc[places["on_map"], "map_name"])
    assert set(placed["places"]) <= named and len(placed["places"]) >= 0.6 * len(named)


def test_qgis_names_each_od_node_beside_its_circle_in_the_maps_language(qgis, qapp):
    """An OD map's GeoPackage: QGIS opens the nodes layer with its labels on, from ``map_name``, and
    sets every node's name as the French map writes it (Libye, not Libya), beside its circle: clear of
    it and within a few millimetres of its edge (the distance is from the circle's edge, not its centre)."""
    from geo import paths
    from geo.document import MapDocument
    from gui.export import write_map_files
    from gui.layout import page_view

    doc = MapDocument.from_files(flows=paths.data_path("flows", "od_2024.csv"))
    doc.select("2024Q4", "departures")
    doc.label_language = "fr"
    page = Page("A4", "landscape", DPI)
    gpkg = qgis / "od.gpkg"
    with output_set():
        write_map_files(doc, page, {"gpkg": gpkg})
    view = page_view(doc, page)
    report, _ = _open_in_qgis(qgis, doc, view, gpkg, "od")
    labels = report["layers"]["nodes"]["labels"]
    assert labels is not None and labels["draw"] and labels["field"] == "map_name", labels
    assert labels["halo"] and labels["size"] == pytest.approx(PLACE_PT)
    assert report["layers"]["nodes"]["sld"]["loaded"], report["layers"]["nodes"]["sld"]
    with sqlite3.connect(gpkg) as db:
        (sld,), = db.execute("SELECT styleSLD FROM layer_styles WHERE f_table_name = 'nodes' AND useAsDefault")
    assert "<se:TextSymbolizer>" in sld and "<ogc:PropertyName>map_name</ogc:PropertyName>" in sld
    nodes = pyogrio.read_dataframe(gpkg, layer="nodes").to_crs(doc.crs)
    names = dict(zip(nodes["name"], nodes["map_name"], strict=True))
    assert names == {"Libya": "Libye", "Tunisia": "Tunisie", "Algeria": "Algérie", "Italy": "Italie"}
    placed = report["render"]["label_boxes"]["nodes"]
    assert sorted(text for text, *_ in placed) == sorted(names.values())
    mm = view.px_per_mm
    for text, x0, y0, x1, y1 in placed:
        row = nodes[nodes["map_name"] == text].iloc[0]
        (cx, cy), = view.to_px(np.array([[row.geometry.x, row.geometry.y]]))
        circle = shapely.Point(cx, cy).buffer(row["diameter_mm"] / 2 * mm)
        box = shapely.box(*view.to_px(np.array([[x0, y1], [x1, y0]])).ravel())
        assert not box.intersects(circle), (text, "on its circle")
        assert box.distance(circle) < 3 * mm, (text, box.distance(circle) / mm)


def test_each_flow_is_the_colour_the_png_shows(opened):
    """A filled symbol is its flow's colour in both renders; a dashed outline's inside shows the same
    ground in both (nothing fills it)."""
    doc, view, crossings, qgis, report, _ = opened
    symbols = doc.flow_symbols(view)
    assert len(symbols)
    to_qgis = _qgis_pixels(view, report)
    for row in symbols.itertuples():
        xs, ys = _inside(shapely.transform(row.geometry, view.to_px), INSET_MM * view.px_per_mm)
        ours, theirs = _median(crossings, xs, ys), _median(qgis, *to_qgis(xs, ys))
        assert np.abs(ours - theirs).max() <= COLOUR_TOLERANCE, (row.route_id, ours, theirs)
        colour = _rgb(doc.flow_colour(row.route_id, row.group))
        if row.filled and row.symbol != ZERO:
            assert np.abs(theirs - colour).max() <= COLOUR_TOLERANCE, (row.route_id, theirs, colour)
        else:
            assert np.abs(theirs - colour).max() > 3 * COLOUR_TOLERANCE, (row.route_id, "filled in QGIS")


def test_the_land_is_the_colour_the_png_shows(opened):
    """The largest focus country and the largest other one, away from flows and names."""
    doc, view, crossings, qgis, report, _ = opened
    countries = doc.projected(doc.layer("boundaries"))
    frame = shapely.box(*view.extent)
    to_qgis = _qgis_pixels(view, report)
    for focus, expected in ((1, doc.theme.focus_land), (0, doc.theme.land)):
        chosen = countries[countries["focus"].astype(int) == focus]
        inside = shapely.intersection(chosen.geometry.to_numpy(), frame)
        land = inside[int(np.argmax(shapely.area(inside)))]
        xs, ys = _inside(shapely.transform(land, view.to_px), 10 * view.px_per_mm, step=6.0)
        ours, theirs = _median(crossings, xs, ys), _median(qgis, *to_qgis(xs, ys))
        assert np.abs(ours - _rgb(expected)).max() <= COLOUR_TOLERANCE, (expected, ours)
        assert np.abs(theirs - _rgb(expected)).max() <= COLOUR_TOLERANCE, (expected, theirs)


# -- measuring -----------------------------------------------------------------------------------------
def _load_rgb(path: Path) -> np.ndarray:
    """A PNG as an (h, w, 3) array, read by Qt."""
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert not image.isNull(), path
    w, h, per_line = image.width(), image.height(), image.bytesPerLine()
    return np.frombuffer(image.constBits(), np.uint8).reshape(h, per_line)[:, : w * 3].reshape(h, w, 3).copy()


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)], float)


def _inside(shape_px, inset_px: float, step: float = 1.5) -> tuple[np.ndarray, np.ndarray]:
    """Points on a grid inside ``shape_px`` at least ``inset_px`` from its edge (its widest part
    when a thin band leaves nothing that far in)."""
    inner = shape_px.buffer(-inset_px)
    if inner.is_empty:
        inner = shapely.Point(shapely.polylabel(max(shapely.get_parts(shape_px), key=lambda g: g.area))).buffer(0.8)
    x0, y0, x1, y1 = inner.bounds
    xs, ys = np.meshgrid(np.arange(x0, x1, step), np.arange(y0, y1, step))
    xs, ys = xs.ravel(), ys.ravel()
    keep = shapely.contains_xy(inner, xs, ys)
    assert keep.any(), "no pixel to sample"
    return xs[keep], ys[keep]


def _qgis_pixels(view, report):
    """Page pixels of the Crossings PNG to pixels of the QGIS render, through map coordinates."""
    vx0, _, _, vy1 = report["render"]["visible_extent"]
    per_px = report["render"]["units_per_px"]

    def convert(xs, ys):
        left, top, _, _ = view.frame_px
        u = view.units_per_px
        mx, my = view.extent[0] + (xs - left) * u, view.extent[3] - (ys - top) * u
        return (mx - vx0) / per_px, (vy1 - my) / per_px

    return convert


def _median(image: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """The median colour at these points: a name or an island drawn over a few of them does not count."""
    h, w = image.shape[:2]
    cols = np.clip(np.floor(xs).astype(int), 0, w - 1)
    rows = np.clip(np.floor(ys).astype(int), 0, h - 1)
    return np.median(image[rows, cols].astype(float), axis=0)


def test_qgis_opens_the_overviews_callouts_with_their_texts_in_the_maps_language(qgis, qapp):
    """The overview's callouts are a layer of the GeoPackage and of the GeoJSON (issue 14: every layer
    exported): points at their anchors with the printed text (``map_label``, French here), every
    language's text and what each is tied to. QGIS opens the layer with its stored style, labels on from
    ``map_label``, and sets the callouts' French texts."""
    from geo import paths
    from geo.callout_layout import CALLOUT_PT
    from geo.project import load_project
    from gui.export import write_map_files
    from gui.layout import page_view

    doc = load_project(paths.data_path() / "projects" / "q4_2024_overview.crossings.json")
    doc.label_language = "fr"
    doc.insets = "none"
    page = Page("A4", "landscape", DPI)
    gpkg = qgis / "overview.gpkg"
    with output_set():
        write_map_files(doc, page, {"gpkg": gpkg, "geojson": qgis / "overview"})
    notes = pyogrio.read_dataframe(gpkg, layer="callouts")
    assert list(notes["callout"]) == [1, 2, 3]
    assert list(notes["anchor"]) == ["route:ALB", "place:agadez", "lonlat:10.18,36.8"]
    assert list(notes["map_label"]) == [c.text_for("fr")[0] for c in doc.callouts]
    assert list(notes["text_ar"]) == [c.text_for("ar")[0] for c in doc.callouts]
    agadez = notes.geometry.iloc[1]
    assert agadez.distance(shapely.Point(7.99, 16.97)) < 0.1  # Agadez, in lon/lat
    geojson = json.loads((qgis / "overview_callouts.geojson").read_text(encoding="utf-8"))
    assert [f["properties"]["map_label"] for f in geojson["features"]] == list(notes["map_label"])
    view = page_view(doc, page)
    report, _ = _open_in_qgis(qgis, doc, view, gpkg, "overview_callouts")
    labels = report["layers"]["callouts"]["labels"]
    assert labels is not None and labels["draw"] and labels["field"] == "map_label", labels
    assert labels["size"] == pytest.approx(CALLOUT_PT)
    assert report["layers"]["callouts"]["sld"]["loaded"], report["layers"]["callouts"]["sld"]
    assert set(report["render"]["labels"].get("callouts", [])) <= set(notes["map_label"])
    assert report["render"]["labels"].get("callouts"), report["render"]["labels"]


def test_qgis_sets_a_layers_country_total_as_a_figure_and_draws_it_no_circle(qgis, qapp):
    """Caminando Fronteras' 'over 10,000' dead and missing on the routes to Spain is a figure of the map
    (geo.place_totals): the GeoPackage holds it in the circles' layer, at Spain's anchor, as a total
    (``symbol``) of no diameter, in a category of its own drawn unseen; QGIS sets its label as the map
    prints it. Drawn as a circle, it would count the dead a second time."""
    from geo import paths
    from geo.project import load_project
    from gui.export import write_map_files
    from gui.layout import page_view

    doc = load_project(paths.data_path() / "projects" / "q4_2024_overview.crossings.json")
    doc.insets = "none"
    page = Page("A4", "landscape", DPI)
    gpkg = qgis / "overview_totals.gpkg"
    with output_set():
        write_map_files(doc, page, {"gpkg": gpkg})
    figures = pyogrio.read_dataframe(gpkg, layer="place_figures")
    total = figures[figures["symbol"] == "total"]
    label = "Routes to Spain: ≥\u00a010,000 / dead and missing"
    assert list(total["map_label"]) == [label] and list(total["diameter_mm"]) == [0.0]
    assert list(total["figure"]) == [10000.0] and list(total["qualifier"]) == ["at_least"]
    assert total.geometry.iloc[0].distance(shapely.Point(-3.7, 40.2)) < 2.0  # over Spain, in lon/lat
    assert "ESP" not in set(figures[figures["symbol"] == "circle"]["place_key"])
    report, _ = _open_in_qgis(qgis, doc, page_view(doc, page), gpkg, "overview_totals")
    category = total["layer_title"].iloc[0]
    assert category == "Dead and missing (Caminando\u00a0Fronteras): Routes to Spain"
    assert label in report["render"]["labels"].get("place_figures", []), report["render"]["labels"]
