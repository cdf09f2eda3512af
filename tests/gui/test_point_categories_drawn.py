"""Point layers with meaning on the page (issue 14, item 3): each category's points painted in its colour,
sizes measured from the pixels to scale by area, the legend's entries in the same colours, labels placed
clear of flows and furniture, and bad input told in one line by the command line."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from painted import paint, pixels
from pixels_support import row_run

from geo.colours import blend
from geo.layer import Layer
from geo.page import Page
from geo.point_layers import read_point_csv
from geo.point_style import PointStyle, default_point_style
from geo.point_symbols import POINT_CATEGORY, POINT_LABEL, SIZED_OPACITY, point_symbols
from geo.styles import LayerStyle

PAGE = Page("A4", "landscape", dpi=150.0)
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "points" / "qmmu_2024q4_places.csv"


def rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])


@pytest.fixture(scope="module")
def sample(qapp):
    """The bundled map with the bundled sample point layer (categories, sizes, labels)."""
    from geo.document import MapDocument

    doc = MapDocument.from_files()
    doc.insets = "none"
    data = read_point_csv(SAMPLE)
    layer = Layer("points", "Named in the Q4 2024 update", data, SAMPLE, LayerStyle(points=default_point_style(data)))
    doc.add_layer(layer)
    image, view, report = paint(doc, PAGE)
    return doc, layer, pixels(image), view, report


@pytest.fixture(scope="module")
def desert(qapp):
    """Three categories in the Algerian desert, far apart, sized 100, 400 and 1,600: clean pixels to measure."""
    from geo.document import MapDocument

    doc = MapDocument.from_files()
    doc.insets = "none"
    data = gpd.GeoDataFrame({"org": ["A", "B", "C"], "kind_of": ["NGO", "UN agency", "Government"],
                             "staff": ["100", "400", "1,600"]},
                            geometry=gpd.points_from_xy([-1.0, 3.0, 7.0], [28.5, 27.5, 28.0]), crs=4326)
    layer = Layer("points", "Data collectors", data,
                  style=LayerStyle(points=PointStyle(category="kind_of", size="staff", label="org")))
    doc.add_layer(layer)
    image, view, report = paint(doc, PAGE)
    return doc, layer, pixels(image), view, report



def test_each_point_is_painted_in_its_categorys_colour(desert):
    doc, layer, px, _view, report = desert
    symbols = point_symbols(layer)
    drawn = [p for p in report.points if p[0] == layer.id]
    assert len(drawn) == 3
    for _, i, x, y, _r, colour in drawn:
        assert colour == symbols.frame["colour"].iat[i]
        expected = rgb(blend(colour, SIZED_OPACITY, doc.theme.focus_land))  # see-through over Algeria
        assert np.abs(px[round(y), round(x)].astype(int) - expected).max() <= 6, (i, px[round(y), round(x)], expected)
    colours = {p[5] for p in drawn}
    assert len(colours) == 3  # three categories, three colours


def test_sizes_measured_in_the_pixels_are_to_scale_by_area(desert):
    _doc, layer, px, view, report = desert
    mm = view.px_per_mm
    widths = {}
    for _, i, x, y, _r, _colour in (p for p in report.points if p[0] == layer.id):
        centre = px[round(y), round(x)].astype(int)
        widths[i] = row_run(px[round(y)], round(x), lambda p, c=centre: np.abs(p.astype(int) - c).max() < 10) / mm
        assert widths[i] == pytest.approx(point_symbols(layer).frame["diameter_mm"].iat[i] - 0.25, abs=0.35)
    # 100, 400, 1,600: each circle has four times the area of the one before (the white casing, centred
    # on the rim, covers 0.125 mm of colour on each side: added back)
    whole = {i: w + 0.25 for i, w in widths.items()}
    assert (whole[2] / whole[1]) ** 2 == pytest.approx(4.0, rel=0.1)
    assert (whole[1] / whole[0]) ** 2 == pytest.approx(4.0, rel=0.2)


def test_the_legend_shows_each_category_in_its_colour(sample):
    from geo.legend import legend_entries

    doc, layer, px, _view, report = sample
    symbols = point_symbols(layer)
    entries = [e for e in legend_entries(doc) if e.kind == POINT_CATEGORY]
    assert [(e.text, e.colour) for e in entries] == [(c.key, c.colour) for c in symbols.categories]
    box = report.furniture_rects["legend"]
    inside = px[round(box.top()):round(box.bottom()), round(box.left()):round(box.right())].astype(int)
    for c in symbols.categories:  # the sample circle: the category's colour, whole
        hits = (np.abs(inside - rgb(c.colour)).max(axis=2) <= 3).sum()
        assert hits > 40, (c.key, hits)
    # and on the map, the points of each category are that colour (see-through over their ground): the
    # median over a ring inside the circle, clear of a town's dot at its centre (Sfax's) and of a leader
    # line across it
    for _, i, x, y, r, colour in (p for p in report.points if p[0] == layer.id):
        angles = np.linspace(0, 2 * np.pi, 24, endpoint=False)
        ring = [px[round(y + f * r * np.sin(a)), round(x + f * r * np.cos(a))] for f in (0.5, 0.7) for a in angles]
        got = np.median(np.asarray(ring, int), axis=0)
        nearest = min(symbols.categories, key=lambda c: min(
            np.abs(got - rgb(blend(c.colour, SIZED_OPACITY, ground))).sum()
            for ground in (doc.theme.land, doc.theme.focus_land, doc.theme.sea)))
        assert nearest.colour == colour, (symbols.frame["label"].iat[i], got)


def test_labels_are_placed_clear_of_flows_and_furniture_and_drawn(sample, desert):
    for doc, _layer, px, view, report in (sample, desert):
        marks = [m for m in report.marks if m.kind == POINT_LABEL]
        assert marks, "no point label placed"
        flows = shapely.transform(np.asarray(report.symbols.geometry.to_numpy()), view.to_px)
        furniture = [shapely.box(r.left(), r.top(), r.right(), r.bottom()) for r in report.furniture_rects.values()]
        others = [shapely.box(*rect) for kind, rect in report.labels if kind != POINT_LABEL]
        for m in marks:
            box = shapely.box(*m.rect)
            assert not shapely.intersects(box, flows).any(), m.text
            assert not any(box.intersects(f) for f in furniture), m.text
            assert not any(box.intersection(o).area > 1 for o in others), m.text
            x0, y0, x1, y1 = (round(v) for v in m.rect)
            ink = (np.abs(px[y0:y1, x0:x1].astype(int) - rgb(doc.theme.text)).max(axis=2) < 60).sum()
            assert ink > 15, m.text
    texts = sorted(m.text for m in desert[4].marks if m.kind == POINT_LABEL)
    assert texts == ["A", "B", "C"]
    # a name the places layer already prints at the point is printed once, and is not a label left out
    # for want of room (the Canary Islands' children in care, at the archipelago's name)
    report = sample[4]
    printed = [t for _, t, _ in report.place_labels] + [m.text for m in report.marks if m.kind == POINT_LABEL]
    assert len(printed) == len(set(printed)), sorted(printed)
    assert "Canary Islands" in printed and "Canary Islands" not in report.dropped_labels


def test_bad_input_is_one_line_naming_file_row_and_column(tmp_path, monkeypatch, capsys, qapp):
    from gui.cli import main

    monkeypatch.chdir(tmp_path)
    rows = ["name,type,people,lat,lon"] + [f"P{n},NGO,{n * 10},{20 + n * 0.5},5" for n in range(2, 7)]
    (tmp_path / "orgs.csv").write_text("\n".join([*rows, "P7,NGO,several,24,5"]) + "\n", encoding="utf-8")
    assert main(["render", "-q", "--no-geojson", "--dpi", "50", "--points", "orgs.csv:size=people"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == ("crossings: error: orgs.csv, row 7, column 'people': value 'several' is not a number; "
                           "the size column needs a number in every cell (or an empty cell)")
    assert main(["render", "-q", "--no-geojson", "--dpi", "50", "--points", "orgs.csv:category=sector"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == ("crossings: error: orgs.csv, row 1: no column 'sector' for the points' category "
                           "(columns: name, type, people, kind)")
    assert "Traceback" not in err and not list(tmp_path.glob("*.png"))


def test_the_web_map_draws_the_same_colours_and_sets_the_labels_where_the_png_does(sample):
    import re

    from webmap_support import features

    from gui.layout import page_view
    from gui.web_export import page_marks, webmap_html

    doc, layer, _px, _view, _report = sample
    view = page_view(doc)
    text = webmap_html(doc, view)
    symbols = point_symbols(layer)
    points = features(text, "point")
    assert sorted(f["properties"]["row"] for f in points) == list(range(len(layer.data)))
    for f in points:
        p = f["properties"]
        assert p["fill"] == symbols.frame["colour"].iat[p["row"]], p
        assert p["label"] == symbols.frame["label"].iat[p["row"]]
    png = {m.key: m.text for m in page_marks(doc, view).marks if m.kind == POINT_LABEL}
    web = {f["properties"]["key"]: f["properties"]["text"] for f in features(text, "point_label")}
    assert png and web == png
    for c in symbols.categories:  # the legend: a circle in each category's colour, before its words
        assert re.search(r'crossings-point" style="background:' + c.colour + r'"></span><span>' + re.escape(c.key), text)


def test_the_layers_panel_chooses_the_columns_undoably_and_names_bad_input(qtbot, doc, tmp_path):
    from geo.history import History
    from gui.layer_panel import LayerPanel

    path = tmp_path / "orgs.csv"
    path.write_text("name,type,staff,lat,lon\nA,NGO,12,30,0\nB,UN,many,31,1\n", encoding="utf-8")
    data = read_point_csv(path)
    layer = Layer("points", "Organisations", data, path, LayerStyle(points=PointStyle(label="name")))
    doc.add_layer(layer)
    history = History(doc)
    panel = LayerPanel(doc, history)
    qtbot.addWidget(panel)
    panel.select_layer(layer)
    box = panel.points
    assert not box.isHidden()
    assert box.combos["label"].currentData() == "name" and box.combos["category"].currentData() is None
    combo = box.combos["category"]
    combo.setCurrentIndex(combo.findData("type"))
    combo.activated.emit(combo.currentIndex())
    assert layer.style.points == PointStyle(category="type", label="name")
    assert [c.key for c in point_symbols(layer).categories] == ["NGO", "UN"]
    size = box.combos["size"]  # a size column with text in row 3: named, not applied
    size.setCurrentIndex(size.findData("staff"))
    size.activated.emit(size.currentIndex())
    assert layer.style.points.size is None and size.currentData() is None
    assert box.message.text().startswith("orgs.csv, row 3, column 'staff': value 'many' is not a number")
    history.undo()
    assert layer.style.points == PointStyle(label="name")
    assert box.combos["category"].currentData() is None  # the panel shows the style undone
    panel.select_layer(doc.layer("boundaries"))
    assert box.isHidden()
