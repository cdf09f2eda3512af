"""Point layers with meaning (issue 14, item 3): the one description of a point layer's symbols (categories
and their colours, sizes by area, labels), the style that chooses them (saved, undone), and bad input
named with its file, row and column."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from geo.colours import DEFAULT_PALETTE, OTHER_COLOUR, QUALITATIVE_PALETTES, delta_e, simulate_cvd
from geo.errors import DataError
from geo.layer import Layer
from geo.point_layers import read_point_csv
from geo.point_style import PointStyle, default_point_style, parse_point_spec
from geo.point_symbols import OTHER, POINT_CATEGORY, POINT_MAX_MM, POINT_MIN_MM, point_symbols
from geo.styles import LayerStyle

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "points" / "qmmu_2024q4_places.csv"


def write(tmp_path: Path, rows: list[str], name: str = "orgs.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def layer_of(path: Path, style: PointStyle | None = None) -> Layer:
    data = read_point_csv(path)
    return Layer("points", path.stem, data, path, LayerStyle(points=style or default_point_style(data)))


def test_each_category_gets_the_palettes_colour_in_order_of_first_appearance(tmp_path):
    path = write(tmp_path, ["name,type,lat,lon", "A,NGO,30,0", "B,UN agency,31,1", "C,NGO,32,2", "D,Government,33,3"])
    symbols = point_symbols(layer_of(path))
    palette = QUALITATIVE_PALETTES[DEFAULT_PALETTE]
    assert [(c.key, c.colour, c.count) for c in symbols.categories] == [
        ("NGO", palette[0], 2), ("UN agency", palette[1], 1), ("Government", palette[2], 1)]
    assert list(symbols.frame["colour"]) == [palette[0], palette[1], palette[0], palette[2]]
    assert symbols.message is None


def test_categories_beyond_the_palette_share_one_grey_bucket_and_say_so(tmp_path):
    palette = QUALITATIVE_PALETTES["tol_bright"]
    rows = ["name,category,lat,lon"] + [f"P{i},kind {i},{20 + i * 0.1},0" for i in range(len(palette) + 3)]
    symbols = point_symbols(layer_of(write(tmp_path, rows), PointStyle(category="category", palette="tol_bright")))
    assert [c.colour for c in symbols.categories] == [*palette, OTHER_COLOUR]
    other = symbols.categories[-1]
    assert other.key == OTHER and other.members == ("kind 6", "kind 7", "kind 8") and other.count == 3
    assert "9 categories" in symbols.message and "tol_bright 6 colours" in symbols.message
    assert "'kind 6'" in symbols.message


def test_sizes_are_to_scale_by_area(tmp_path):
    path = write(tmp_path, ["name,people,lat,lon", "A,1600,30,0", "B,400,31,1", "C,100,32,2", "D,,33,3"])
    symbols = point_symbols(layer_of(path))
    d = symbols.frame["diameter_mm"].tolist()
    assert d[0] == pytest.approx(POINT_MAX_MM)
    assert (d[0] / d[1]) ** 2 == pytest.approx(4.0) and (d[1] / d[2]) ** 2 == pytest.approx(4.0)
    assert d[3] == POINT_MIN_MM and symbols.no_value == 1  # an empty cell: no figure, drawn smallest


@pytest.mark.parametrize(("cell", "words"), [("many", "is not a number"), ("-12", "is negative")])
def test_a_size_cell_that_is_no_count_is_named_with_its_file_row_and_column(tmp_path, cell, words):
    rows = ["name,people,lat,lon"] + [f"P{i},{10 * i},{20 + i},0" for i in range(2, 6)] + ["", f"P7,{cell},27,0"]
    path = write(tmp_path, rows)  # the bad cell is on the file's row 7 (the header is row 1, row 6 is blank)
    with pytest.raises(DataError) as err:
        point_symbols(layer_of(path, PointStyle(size="people")))
    message = str(err.value)
    assert message.startswith("orgs.csv, row 7, column 'people': ") and words in message, message


def test_a_style_column_the_file_lacks_is_named_with_the_columns_it_has(tmp_path):
    path = write(tmp_path, ["name,type,lat,lon", "A,NGO,30,0"])
    with pytest.raises(DataError) as err:
        point_symbols(layer_of(path, PointStyle(category="sector")))
    assert str(err.value) == ("orgs.csv, row 1: no column 'sector' for the points' category "
                              "(columns: name, type, kind)")


def test_obvious_columns_are_the_defaults(tmp_path):
    path = write(tmp_path, ["Name,Category,Count,note,lat,lon", "A,NGO,12,x,30,0"])
    assert default_point_style(read_point_csv(path)) == PointStyle(category="Category", size="Count", label="Name")
    text = write(tmp_path, ["name,count,lat,lon", "A,twelve,30,0"], "text.csv")  # a count in words: no size
    assert default_point_style(read_point_csv(text)) == PointStyle(label="name")


def test_command_line_spec():
    assert parse_point_spec("orgs.csv") == ("orgs.csv", None, None)
    assert parse_point_spec("d/orgs.csv:category=type,size=staff,label=name,title=Data collectors") == (
        "d/orgs.csv", PointStyle(category="type", size="staff", label="name"), "Data collectors")
    with pytest.raises(ValueError, match="'colour=type' is not one of category=COLUMN"):
        parse_point_spec("orgs.csv:colour=type")
    with pytest.raises(ValueError, match="palette 'rainbow' is not one of tol_muted"):
        parse_point_spec("orgs.csv:palette=rainbow")


def test_palettes_stay_apart_with_every_colour_vision_deficiency():
    """Every colour of every palette stays distinguishable (CIE76 ΔE ≥ 10) from the others and from the
    'other' grey under protanopia, deuteranopia and tritanopia."""
    for name, palette in QUALITATIVE_PALETTES.items():
        for kind in ("protanopia", "deuteranopia", "tritanopia"):
            seen = [simulate_cvd(c, kind) for c in (*palette, OTHER_COLOUR)]
            worst = min(delta_e(a, b) for a, b in itertools.combinations(seen, 2))
            assert worst >= 10, (name, kind, worst)


def test_the_legend_has_a_heading_and_one_entry_per_category_in_its_colour(bundled_doc_factory):
    from geo.legend import SIZE, SUBHEADING, legend_entries

    doc = bundled_doc_factory()
    layer = layer_of(SAMPLE)
    layer.title = "Named in the Q4 2024 update"
    doc.add_layer(layer)
    entries = legend_entries(doc)
    start = [e.text for e in entries].index(layer.title)
    assert entries[start].kind == SUBHEADING
    categories = [e for e in entries if e.kind == POINT_CATEGORY]
    symbols = point_symbols(layer)
    assert [(e.text, e.colour) for e in categories] == [(c.key, c.colour) for c in symbols.categories]
    assert len(categories) == 4
    sizes = [e for e in entries[start:] if e.kind == SIZE]
    assert sizes and all(e.shape == "circle" for e in sizes)
    assert sizes[0].size_mm == pytest.approx(symbols.scale.width_mm(float(sizes[0].text.replace(",", ""))))


def test_the_style_is_saved_with_the_project_and_undone_with_the_history(tmp_path, bundled_doc_factory):
    from geo.history import History
    from geo.project import load_project, save_project

    doc = bundled_doc_factory()
    path = write(tmp_path, ["name,type,staff,lat,lon", "A,NGO,12,30,0", "B,UN,40,31,1"])
    doc.add_layer(layer_of(path, PointStyle(category="type", label="name")))
    history = History(doc)
    layer = doc.layers[-1]

    def apply():
        layer.style.points = PointStyle(category="type", size="staff", label="name", palette="okabe_ito")
        doc.style_changed()

    history.edit("Point style", apply)
    assert point_symbols(layer).scale is not None
    save_project(doc, tmp_path / "map.crossings.json")
    loaded = load_project(tmp_path / "map.crossings.json")
    assert loaded.layers[-1].style.points == PointStyle(category="type", size="staff", label="name",
                                                        palette="okabe_ito")
    history.undo()
    assert layer.style.points == PointStyle(category="type", label="name")
    assert point_symbols(layer).scale is None
    history.redo()
    assert layer.style.points.size == "staff"


def test_a_project_naming_a_column_its_file_lacks_is_refused_by_name(tmp_path, bundled_doc_factory):
    import json

    from geo.project import load_project, save_project

    doc = bundled_doc_factory()
    path = write(tmp_path, ["name,type,lat,lon", "A,NGO,30,0"])
    doc.add_layer(layer_of(path))
    project = save_project(doc, tmp_path / "map.crossings.json")
    data = json.loads(project.read_text())
    data["layers"][-1]["style"]["points"]["category"] = "sector"
    project.write_text(json.dumps(data))
    with pytest.raises(DataError, match=r"orgs.csv, row 1: no column 'sector' for the points' category"):
        load_project(project)
    data["layers"][-1]["style"]["points"]["shape"] = "star"
    project.write_text(json.dumps(data))
    with pytest.raises(DataError, match=r"points.shape is not a setting of points"):
        load_project(project)


def test_the_geopackage_style_is_a_categorized_renderer_in_the_maps_colours(tmp_path, bundled_doc_factory):
    """QGIS opens the point layer coloured as the map: a categorized renderer on ``map_category`` with a
    category per legend entry in its colour and size from ``diameter_mm``; the SLD says the same by rule."""
    import sqlite3
    import xml.etree.ElementTree as ET

    import pyogrio

    from geo.exports.gpkg_styles import map_styles
    from geo.exports.layers import export_layers
    from geo.exports.vector import STYLES_TABLE, write_geopackage
    from geo.legend import legend_entries
    from geo.page import Page
    from geo.view import MapView

    doc = bundled_doc_factory()
    doc.add_layer(layer_of(SAMPLE))
    page = Page("A4", "landscape", 72)
    layers = export_layers(doc, MapView(doc.crs, doc.default_extent(), (0, 0, *page.size_px), page.dpi))
    path = write_geopackage(layers, tmp_path / "map.gpkg", styles=map_styles(doc, layers))
    legend = [(e.text, e.colour) for e in legend_entries(doc) if e.kind == POINT_CATEGORY]
    with sqlite3.connect(path) as db:
        qml, sld = db.execute(f"SELECT styleQML, styleSLD FROM {STYLES_TABLE} WHERE f_table_name = 'points'").fetchone()
    root = ET.fromstring(qml.split("\n", 1)[1])
    renderer = root.find("renderer-v2")
    assert renderer.get("type") == "categorizedSymbol" and renderer.get("attr") == "map_category"
    symbols = {s.get("name"): s for s in renderer.find("symbols")}
    got = []
    for category in renderer.find("categories"):
        layer = symbols[category.get("symbol")].find("layer")
        colour = next(o.get("value") for o in layer.iter("Option") if o.get("name") == "color")
        r, g, b, _a = (int(v) for v in colour.split(","))
        assert category.get("value") == category.get("label")
        got.append((category.get("label"), f"#{r:02x}{g:02x}{b:02x}"))
        assert any(o.get("name") == "field" and o.get("value") == "diameter_mm" for o in layer.iter("Option"))
    assert got == legend
    features = pyogrio.read_dataframe(path, layer="points")
    symbols_frame = point_symbols(doc.layers[-1]).frame
    assert list(features["colour"]) == list(symbols_frame["colour"])
    assert set(features["map_category"]) == {text for text, _ in legend}
    se, ogc = "{http://www.opengis.net/se}", "{http://www.opengis.net/ogc}"
    by_rule = [(rule.find(f".//{ogc}Literal").text,
                next(p.text for p in rule.iter(f"{se}SvgParameter") if p.get("name") == "fill"))
               for rule in ET.fromstring(sld.encode()).iter(f"{se}Rule")
               if (rule.find(f".//{ogc}PropertyName") is not None
                   and rule.find(f".//{ogc}PropertyName").text == "map_category")]
    assert by_rule == legend
