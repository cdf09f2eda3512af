"""Exports GIS users can trust: a figures layer, nulls not '', one type per field, no reserved names."""

from __future__ import annotations

import json
import re
import sqlite3

import pyogrio
import pytest

from geo.document import MapDocument
from geo.exports.layers import export_layers
from geo.exports.vector import write_geojson, write_geopackage
from geo.page import Page
from geo.view import MapView

# SQL:2016 reserved words that look like field names a map layer might have.
RESERVED = {"group", "value", "row", "period", "order", "year", "date", "time", "from", "to", "user", "position",
            "level", "system", "window", "range", "case", "end", "start", "select", "table", "key", "language",
            "result", "type", "current", "month", "day", "section", "source_row"} - {"type", "language", "source_row"}


def view_of(doc: MapDocument) -> MapView:
    page = Page("A4", "landscape", 72)
    w, h = page.size_px
    return MapView(doc.crs, doc.default_extent(), (0, 0, w, h), page.dpi)


@pytest.fixture(scope="module")
def selections():
    doc = MapDocument.from_files()
    return doc, [(str(p), m) for p in doc.flows.periods() for m in doc.flows.metrics(p)]


@pytest.fixture(scope="module")
def written(selections, tmp_path_factory):
    """Every period and metric of the bundled figures, as a GeoPackage and a figures GeoJSON each."""
    doc, pairs = selections
    out = tmp_path_factory.mktemp("exports")
    files = {}
    for period, metric in pairs:
        doc.select(period, metric)
        layers = export_layers(doc, view_of(doc))
        name = re.sub(r"\W+", "_", f"{period}_{metric}")
        files[(period, metric)] = (write_geopackage(layers, out / f"{name}.gpkg"),
                                   write_geojson(layers["figures"], out / f"{name}_figures.geojson"))
    return files


def test_each_field_keeps_one_type_whatever_the_period(written):
    schemas: dict[tuple[str, str], set] = {}
    for gpkg, _ in written.values():
        for layer in ("figures", "flows"):
            info = pyogrio.read_info(gpkg, layer=layer)
            for field, kind in zip(info["fields"], info["ogr_types"], strict=True):
                schemas.setdefault((layer, field), set()).add(kind)
    mixed = {k: v for k, v in schemas.items() if len(v) > 1}
    assert not mixed
    assert schemas[("figures", "date_from")] == {"OFTDate"} and schemas[("figures", "figure")] == {"OFTReal"}
    assert schemas[("figures", "file_row")] == {"OFTInteger64"}


def test_no_field_is_an_sql_reserved_word_and_queries_run(written):
    gpkg, _ = written[("2024Q4", "arrivals")]
    for layer, _ in pyogrio.list_layers(gpkg):
        fields = set(pyogrio.read_info(gpkg, layer=layer)["fields"])
        assert not {f.lower() for f in fields} & RESERVED, (layer, fields & RESERVED)
    with sqlite3.connect(gpkg) as db:
        rows = db.execute("select route_id, route_group, figure, qualifier, status from flows order by figure desc").fetchall()
        assert rows[0] == ("ATL", "Atlantic", 16109.0, "exact", "drawn")
        # absent values are null, never ''
        for table in ("figures", "flows"):
            cols = [c[1] for c in db.execute(f"pragma table_info({table})") if c[2] in ("TEXT", "DATE")]
            for col in cols:
                assert db.execute(f'select count(*) from {table} where "{col}" = \'\'').fetchone() == (0,), (table, col)


def test_the_figures_layer_carries_every_figure_once_with_how_it_is_shown(written, selections):
    doc, _ = selections
    with sqlite3.connect(written[("2024", "arrivals")][0]) as db:
        got = db.execute("select route_id, status, figure, qualifier, source, date_from, file_row "
                         "from figures order by rowid").fetchall()
    rows = doc.flows.select("2024", "arrivals")
    listed = [r for r in got if r[6] is not None]
    assert sorted(r[6] for r in listed) == sorted(rows["row"])  # each row of the file once
    by = {(r[0], r[4]): r for r in got}
    assert by[("CMR", "Not named in the update (linked)")][1] == "total"
    assert by[("ALB", "Not named in the update (linked)")][1:4] == ("contained", 6000.0, "about")
    assert by[("ATL", "UNHCR")][1:6] == ("drawn", 46524.0, "exact", "UNHCR", "2024-01-01")
    assert by[("ATL", "Not named in the update (linked)")][1] == "other_source"
    remainder = [r for r in got if r[1] == "remainder"]
    assert remainder == [("CMR", "remainder", 3495.0, "derived", None, None, None)]
    # routes without a figure are in the layer too, with why
    no_fig = {r[0]: r[1] for r in got if r[2] is None}
    assert no_fig["EXP-DZ-NE"] == "not_applicable" and no_fig["ATL-SN"] == "in_total"


def test_geojson_figures_use_null_and_iso_dates(written):
    _, geojson = written[("2023", "arrivals")]  # figures of 2023 carry no dates
    data = json.loads(geojson.read_text(encoding="utf-8"))
    for f in data["features"]:
        for key, value in f["properties"].items():
            assert value != "", key
        for key in ("date_from", "date_to"):
            v = f["properties"][key]
            assert v is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)
    statuses = {f["properties"]["route_id"]: f["properties"]["status"] for f in data["features"]}
    assert statuses["ALB"] == "contained"  # 2,278 in the 15,435 sea arrivals of 2023


def test_a_second_layer_of_a_kind_is_exported_under_its_title(bundled_doc_factory):
    """Two routes layers once exported as routes and routes_4 (an internal id); the second is named after
    its title, as the Layers panel shows it, and a third of the same title gets a number."""
    import dataclasses

    doc = bundled_doc_factory()
    routes = doc.layer("routes")

    def renamed(suffix):  # route ids are unique across routes layers
        data = routes.data.copy()
        data["route_id"] = data["route_id"] + suffix
        data["parent"] = data["parent"].where(data["parent"] == "", data["parent"] + suffix)
        return data
    doc.add_layer(dataclasses.replace(routes, title="Tobruk – Crete (draft)", id=901, data=renamed("-a")))
    doc.add_layer(dataclasses.replace(routes, title="Tobruk – Crete (draft)", id=902, data=renamed("-b")))
    doc.add_layer(dataclasses.replace(doc.layer("places"), title="Places", id=903))
    names = list(export_layers(doc, view_of(doc)))
    assert names[:6] == ["countries", "routes", "places", "routes_tobruk_crete_draft", "routes_tobruk_crete_draft_2",
                         "places_2"]


def test_the_width_scale_is_fitted_once_per_export_not_once_per_flow(bundled_doc_factory, monkeypatch):
    """Each fit reads every figure: one per flow made 5,000 flows take minutes to export."""
    doc = bundled_doc_factory()
    fits, real = [], doc.width_scale
    monkeypatch.setattr(doc, "width_scale", lambda: fits.append(1) or real())
    counts = {}
    for period in ("2024Q4", "2024"):  # 5 flows, then 8
        doc.select(period, "arrivals")
        fits.clear()
        flows = export_layers(doc, view_of(doc))["flows"]
        counts[len(flows)] = len(fits)
        assert flows["width_mm"].tolist() == [round(real().width_mm(v), 3) for v in flows["value"]]
    assert len(counts) == 2 and len(set(counts.values())) == 1, counts
