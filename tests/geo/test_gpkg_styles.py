"""The styled GeoPackage as written: GeoPackage 1.2, QGIS's ``layer_styles`` table with a default
style per layer, QML and SLD that read the fields the file has and take their colours, widths and
words from the document; and a failed style write that leaves no file. (That QGIS shows the map:
tests/qgis/test_gpkg_opens_styled_in_qgis.py.)"""

from __future__ import annotations

import re
import sqlite3
import xml.etree.ElementTree as ET

import pyogrio
import pytest

from geo.document import MapDocument
from geo.errors import ExportError
from geo.exports import vector
from geo.exports.gpkg_styles import map_styles
from geo.exports.layers import export_layers
from geo.exports.sld import SE_PIXEL_MM
from geo.exports.vector import STYLES_TABLE, write_geopackage
from geo.page import Page
from geo.styles import CHANGE_COLOURS, MapTheme
from geo.view import MapView

GPKG_APPLICATION_ID = 0x47504B47  # 'GPKG'
QGIS_STYLE_COLUMNS = ["id", "f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                      "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"]
SE = "{http://www.opengis.net/se}"
OGC = "{http://www.opengis.net/ogc}"


def _view(doc: MapDocument) -> MapView:
    page = Page("A4", "landscape", 72)
    return MapView(doc.crs, doc.default_extent(), (0, 0, *page.size_px), page.dpi)


def _write(doc: MapDocument, path):
    layers = export_layers(doc, _view(doc))
    return write_geopackage(layers, path, styles=map_styles(doc, layers))


def _styles(path) -> dict[str, tuple[ET.Element, ET.Element]]:
    """layer -> (QML root, SLD root) of its default style, read back with sqlite."""
    with sqlite3.connect(path) as db:
        rows = db.execute(f"SELECT f_table_name, styleQML, styleSLD FROM {STYLES_TABLE} WHERE useAsDefault = 1")
        return {name: (ET.fromstring(qml.split("\n", 1)[1]), ET.fromstring(sld.encode())) for name, qml, sld in rows}


def _rules(qml: ET.Element) -> dict[str, dict]:
    """QML rule label -> its filter and its symbol layer's class and properties."""
    symbols = {s.get("name"): s for s in qml.iter("symbol")}
    out = {}
    for rule in qml.iter("rule"):
        layer = symbols[rule.get("symbol")].find("layer")
        props = {p.get("k"): p.get("v") for p in layer.iter("prop")}
        dd = {o.get("name"): o for o in layer.find("data_defined_properties").iter("Option")}
        out[rule.get("label")] = {"filter": rule.get("filter"), "class": layer.get("class"), **props,
                                  "dd": {name: o for name, o in dd.items() if name in ("fillColor", "outlineColor")}}
    return out


def _rgba(hex_colour: str, alpha: int = 255) -> str:
    return ",".join(str(int(hex_colour.lstrip("#")[i:i + 2], 16)) for i in (0, 2, 4)) + f",{alpha}"


@pytest.fixture(scope="module")
def default_map(tmp_path_factory):
    doc = MapDocument.from_files()
    return doc, _write(doc, tmp_path_factory.mktemp("gpkg") / "q4.gpkg")


@pytest.fixture(scope="module")
def year_maps(tmp_path_factory):
    """2024 arrivals (an outlined figure inside another) and 2024 dead and missing (circles, routes
    without a figure)."""
    out = {}
    for metric in ("arrivals", "dead_missing"):
        doc = MapDocument.from_files()
        doc.select("2024", metric)
        out[metric] = (doc, _write(doc, tmp_path_factory.mktemp("gpkg") / f"{metric}.gpkg"))
    return out


def test_the_file_is_geopackage_1_2(default_map):
    _, path = default_map
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == GPKG_APPLICATION_ID
        assert db.execute("PRAGMA user_version").fetchone()[0] == 10200


def test_every_layer_has_one_default_style_in_the_table_qgis_reads(default_map):
    _, path = default_map
    with sqlite3.connect(path) as db:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({STYLES_TABLE})")]
        kind = db.execute("SELECT data_type FROM gpkg_contents WHERE table_name = ?", (STYLES_TABLE,)).fetchone()
        geometry = dict(db.execute("SELECT table_name, column_name FROM gpkg_geometry_columns"))
        rows = db.execute(f"SELECT f_table_name, f_geometry_column, styleName, useAsDefault, f_table_schema "
                          f"FROM {STYLES_TABLE}").fetchall()
    assert columns == QGIS_STYLE_COLUMNS
    assert kind == ("attributes",)  # registered in the GeoPackage's contents, as GDAL (and QGIS) create it
    assert set(geometry) == {"countries", "routes", "places", "flows", "flow_symbols", "figures"}
    # QGIS looks a default up by table, geometry column and an empty schema
    assert sorted(rows) == sorted((name, column, name, 1, "") for name, column in geometry.items())


def test_every_field_a_style_reads_is_in_its_layer(default_map, year_maps):
    """A filter, a data-defined colour or a label on a field the layer lacks would draw nothing."""
    seen = set()
    for _, path in (default_map, *year_maps.values()):
        for name, (qml, sld) in _styles(path).items():
            fields = set(pyogrio.read_info(path, layer=name)["fields"])
            used = set()
            for rule in qml.iter("rule"):
                used |= set(re.findall(r'"([^"]+)"', rule.get("filter") or ""))
            used |= {o.get("value") for o in qml.iter("Option") if o.get("name") == "field"}
            for o in qml.iter("Option"):
                if o.get("name") == "expression":
                    used |= set(re.findall(r'"([^"]+)"', o.get("value")))
            used |= {t.get("fieldName") for t in qml.iter("text-style")} - {""}
            used |= {p.text for p in sld.iter(f"{OGC}PropertyName")}
            assert used <= fields, (path.name, name, used - fields)
            if used:
                seen.add(name)
    assert seen == {"countries", "places", "flows", "flow_symbols", "figures", "routes"}


def test_flow_colours_are_the_documents(tmp_path):
    """Each flow's colour is written into the file as ``doc.flow_colour`` gives it, here by change:
    the style reads it from there."""
    doc = MapDocument.from_files()
    doc.select("2024", "arrivals")
    doc.flow_style.compare, doc.flow_style.colour_by = "previous", "change"
    path = _write(doc, tmp_path / "change.gpkg")
    symbols = pyogrio.read_dataframe(path, layer="flow_symbols")
    assert set(symbols["colour"]) <= set(CHANGE_COLOURS.values()) and len(set(symbols["colour"])) > 1
    for r, g, c in zip(symbols["route_id"], symbols["route_group"], symbols["colour"], strict=True):
        assert c == doc.flow_colour(r, g)
    rules = _rules(_styles(path)["flow_symbols"][0])
    for rule in rules.values():
        assert rule["dd"]["fillColor" if rule["class"] == "SimpleFill" else "outlineColor"] is not None
    filled = {r["color"] for r in rules.values() if r["class"] == "SimpleFill"}
    assert filled == {_rgba(c) for c, f in zip(symbols["colour"], symbols["filled"], strict=True) if f}


def test_the_land_follows_the_theme_and_the_boundaries_layer(tmp_path):
    doc = MapDocument.from_files()
    doc.theme = MapTheme(land="#abcdef", focus_land="#123456")
    borders = doc.layer("boundaries").style
    borders.stroke, borders.stroke_width_mm = "#fedcba", 0.5
    qml, sld = _styles(_write(doc, tmp_path / "theme.gpkg"))["countries"]
    rules = _rules(qml)
    assert (rules["Focus countries"]["color"], rules["Other countries"]["color"]) == (_rgba("#123456"), _rgba("#abcdef"))
    assert {(r["outline_color"], r["outline_width"], r["outline_width_unit"]) for r in rules.values()} == {
        (_rgba("#fedcba"), "0.5", "MM")}
    fills = {p.text for p in sld.iter(f"{SE}SvgParameter") if p.get("name") == "fill"}
    widths = {p.text for p in sld.iter(f"{SE}SvgParameter") if p.get("name") == "stroke-width"}
    assert {"#abcdef", "#123456"} <= fills and widths == {f"{0.5 / SE_PIXEL_MM:.6g}"}


def test_an_outlined_figure_is_dashed_darker_and_unfilled(year_maps):
    _, path = year_maps["arrivals"]
    symbols = pyogrio.read_dataframe(path, layer="flow_symbols")
    assert not symbols["filled"].all()  # Algeria–Balearic: inside the Spanish sea arrivals
    qml, sld = _styles(path)["flow_symbols"]
    outlined = [r for r in _rules(qml).values() if r["class"] == "SimpleLine"]
    assert len(outlined) == 1
    rule = outlined[0]
    expression = [o.get("value") for o in rule["dd"]["outlineColor"] if o.get("name") == "expression"]
    assert expression == ['darker("colour", 115)']  # QGIS's darker() is Qt's, as the painter's
    assert (rule["line_width"], rule["customdash"], rule["use_custom_dash"]) == ("0.45", "1.35;0.675", "1")
    # its dashes fitted to the outline and turning its corners, as the painter draws them (geo.dash_fit)
    assert (rule.get("align_dash_pattern"), rule.get("tweak_dash_pattern_on_corners")) == ("1", "1")
    dashes = {p.text for p in sld.iter(f"{SE}SvgParameter") if p.get("name") == "stroke-dasharray"}
    assert dashes == {f"{1.35 / SE_PIXEL_MM:.6g} {0.675 / SE_PIXEL_MM:.6g}"}


def test_routes_without_a_figure_are_dashed_in_their_groups_colour(year_maps):
    doc, path = year_maps["dead_missing"]
    no_data = set(doc.join().no_data)
    assert no_data
    rules = _rules(_styles(path)["routes"][0])
    drawn = set()
    for rule in rules.values():
        ids = set(re.findall(r"'([^']+)'", rule["filter"]))
        drawn |= ids
        groups = {doc.layer("routes").data.set_index("route_id").loc[i, "group"] for i in ids}
        assert {_rgba(doc.flow_style.colour_for(g)) for g in groups} == {rule["line_color"]}
        assert (rule["line_width"], rule["customdash"]) == ("0.45", "1.8;1.35")
    assert drawn == no_data
    circles = _rules(_styles(path)["flows"][0])  # the route under each circle: thin, solid
    assert {r["line_width"] for r in circles.values()} == {"0.5"} and len(circles) >= 3


def test_labels_speak_the_maps_language(tmp_path):
    doc = MapDocument.from_files()
    doc.label_language = "ar"
    path = _write(doc, tmp_path / "ar.gpkg")
    places = pyogrio.read_dataframe(path, layer="places")
    assert places.set_index("place_id").loc["lampedusa", "map_name"] == "لامبيدوزا"
    qml, _ = _styles(path)["places"]
    assert not [o for o in qml.iter("Option") if o.get("name") == "Italic"]  # Arabic has no italics
    countries, _ = _styles(path)["countries"]
    assert {t.get("fontLetterSpacing") for t in countries.iter("text-style")} == {"0"}  # letters join


def test_a_failed_style_write_names_the_file_and_leaves_nothing(tmp_path, monkeypatch):
    doc = MapDocument.from_files()
    layers = export_layers(doc, _view(doc))
    target = tmp_path / "map.gpkg"
    target.write_bytes(b"the previous export")
    real = vector.raw_write

    def full_disk_at_the_styles(*args, **kwargs):
        if kwargs.get("layer") == STYLES_TABLE:
            raise pyogrio.errors.DataSourceError("sqlite3_exec(INSERT) failed: database or disk is full")
        return real(*args, **kwargs)

    monkeypatch.setattr(vector, "raw_write", full_disk_at_the_styles)
    with pytest.raises(ExportError) as failed:
        write_geopackage(layers, target, styles=map_styles(doc, layers))
    assert str(failed.value).startswith("map.gpkg: could not write the layer styles: ")
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.gpkg"]
