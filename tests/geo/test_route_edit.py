"""Routes edited in the app: the rules a route must keep, every routes layer drawn and joined, and
edited routes saved with the project."""

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geo import route_edit
from geo.autosave import write_autosave
from geo.document import Layer
from geo.errors import CrossingsError, DataError
from geo.flow_table import FlowTable
from geo.history import History
from geo.project import load_project, save_project
from geo.route_edit import RouteFields

TOBRUK_CRETE = [(23.98, 32.10), (24.6, 33.4), (24.85, 34.3), (24.95, 34.88)]  # ends on Crete's south coast
ACROSS_TUNISIA = [(10.0, 36.8), (10.5, 35.0), (12.6, 35.5)]


@pytest.fixture
def doc(bundled_doc_factory):
    return bundled_doc_factory()


def tobruk(doc):
    routes = doc.routes_layers()[0]
    fields = route_edit.check_fields(RouteFields("CMR-TOBRUK", "Central Mediterranean route: Tobruk to Crete", "CMR",
                                                 "", "sea", "Tobruk", "Crete"), routes.data, set(routes.data.route_id))
    return route_edit.add_route(routes.data, TOBRUK_CRETE, fields), fields


def with_figure(doc, route_id, value, period="2024Q4"):
    """The bundled figures plus one arrivals row (a new table, as figures are never edited in place)."""
    frame = doc.flows.frame
    row = frame[frame["period"] == period].iloc[[0]].copy()
    row["route_id"], row["value"], row["source"] = route_id, float(value), "Test source"
    return FlowTable(frame=pd.concat([frame, row], ignore_index=True), path=None)


# -- the fields a route may have -----------------------------------------------------------------------------------
@pytest.mark.parametrize("fields, words", [
    (RouteFields(""), "route id is empty"),
    (RouteFields("CMR TOBRUK"), "may hold only letters"),
    (RouteFields("CMR-LY"), "already used"),
    (RouteFields("X1", mode="air"), "mode 'air' is not one of"),
    (RouteFields("X1", parent="NOPE"), "parent 'NOPE' is not a route"),
    (RouteFields("X1", name="Tobruk\u202eetirC"), r"control character U\+202E"),
])
def test_bad_fields_are_refused_by_name(doc, fields, words):
    routes = doc.routes_layers()[0].data
    with pytest.raises(CrossingsError, match=words):
        route_edit.check_fields(fields, routes, set(routes["route_id"]))


def test_a_parent_loop_is_refused(doc):
    routes = doc.routes_layers()[0].data  # CMR-LY is a branch of CMR: CMR under CMR-LY would loop
    with pytest.raises(CrossingsError, match="loop"):
        route_edit.check_fields(RouteFields("CMR", parent="CMR-LY"), routes, set(routes["route_id"]), editing="CMR")


def test_fields_default_name_and_group_to_the_id(doc):
    routes = doc.routes_layers()[0].data
    f = route_edit.check_fields(RouteFields("  NEW-1 ", mode="sea"), routes, set(routes["route_id"]))
    assert (f.route_id, f.name, f.group) == ("NEW-1", "NEW-1", "NEW-1")


# -- geometry edits ------------------------------------------------------------------------------------------------
def test_vertex_edits_give_new_frames_and_keep_the_old(doc):
    data, _ = tobruk(doc)
    moved = route_edit.move_vertex(data, "CMR-TOBRUK", 0, 1, (24.7, 33.5))
    assert route_edit.vertices(moved, "CMR-TOBRUK")[0][1].tolist() == [24.7, 33.5]
    assert route_edit.vertices(data, "CMR-TOBRUK")[0][1].tolist() == [24.6, 33.4]  # untouched
    inserted = route_edit.insert_vertex(moved, "CMR-TOBRUK", 0, 1, (24.2, 32.8))
    assert len(route_edit.vertices(inserted, "CMR-TOBRUK")[0]) == 5
    deleted = route_edit.delete_vertex(inserted, "CMR-TOBRUK", 0, 1)
    assert np.allclose(route_edit.vertices(deleted, "CMR-TOBRUK")[0], route_edit.vertices(moved, "CMR-TOBRUK")[0])
    two = route_edit.add_route(data.iloc[0:0], [(0, 35), (1, 36)], RouteFields("T", "T", "T"))
    with pytest.raises(CrossingsError, match="at least 2 vertices"):
        route_edit.delete_vertex(two, "T", 0, 0)


def test_a_route_with_branches_cannot_be_deleted(doc):
    routes = doc.routes_layers()[0].data
    with pytest.raises(CrossingsError, match="branches"):
        route_edit.delete_route(routes, "CMR")
    assert "CMR-LY" not in set(route_edit.delete_route(routes, "CMR-LY")["route_id"])


def test_a_route_needs_two_distinct_vertices_on_earth(doc):
    routes = doc.routes_layers()[0].data
    with pytest.raises(CrossingsError, match=r"2 distinct"):
        route_edit.add_route(routes, [(10, 35), (10, 35)], RouteFields("T"))
    with pytest.raises(CrossingsError, match="outside longitude"):
        route_edit.add_route(routes, [(10, 35), (200, 35)], RouteFields("T"))


def test_picking_and_snapping_in_screen_units():
    parts = [np.array([[0.0, 0.0], [100.0, 0.0], [100.0, 100.0]])]
    assert route_edit.nearest_vertex(parts, (98, 3), 8) == (0, 1)
    assert route_edit.nearest_vertex(parts, (50, 3), 8) is None
    assert route_edit.nearest_segment(parts, (50, 3), 8) == (0, 1)
    assert route_edit.nearest_segment(parts, (97, 60), 8) == (0, 2)
    assert route_edit.snap((11, 11), np.array([[0.0, 0.0], [10.0, 10.0]]), 5) == 1
    assert route_edit.snap((30, 30), np.array([[0.0, 0.0], [10.0, 10.0]]), 5) is None


# -- land under a sea leg ------------------------------------------------------------------------------------------
def test_a_leg_across_tunisia_is_named_with_its_length(doc):
    check = route_edit.LandCheck(doc.layer("boundaries").data)
    found = check.crossings(ACROSS_TUNISIA)
    assert len(found) == 1 and found[0].country == "Tunisia"
    assert 200 < found[0].length_km < 300
    assert "crosses land for" in found[0].describe() and "in Tunisia" in found[0].describe()
    lines = check.crossing_lines(ACROSS_TUNISIA)
    assert len(lines) == 1 and shapely.LineString(lines[0]).within(
        doc.layer("boundaries").data.union_all().buffer(0.01))
    assert check.crossings(ACROSS_TUNISIA, mode="land") == []


def test_the_bundled_sea_routes_cross_no_land(doc):
    check = route_edit.LandCheck(doc.layer("boundaries").data)
    routes = doc.routes_layers()[0].data
    for rid, mode in zip(routes["route_id"], routes["mode"], strict=True):
        for part in route_edit.vertices(routes, rid):
            assert check.crossings(part, mode) == [], rid
    assert check.crossings(TOBRUK_CRETE) == []


# -- every routes layer drawn and joined ---------------------------------------------------------------------------
def test_a_second_routes_layer_is_joined_and_drawn(doc):
    data, _ = tobruk(doc)
    second = Layer("routes", "Tobruk to Crete", data[data["route_id"] == "CMR-TOBRUK"].reset_index(drop=True))
    doc.add_layer(second)
    doc.set_flows(with_figure(doc, "CMR-TOBRUK", 1234))
    joined = doc.join()
    assert "CMR-TOBRUK" in set(joined.flows["route_id"])
    assert "CMR-TOBRUK" not in {i.route_id for i in joined.issues if "unknown" in i.message.lower()}
    assert doc.relations.total_names["CMR"] == "Italy"  # the first layer's relations still hold
    from geo.view import MapView

    view = MapView(doc.crs, doc.default_extent(), (0, 0, 1200, 900), dpi=96)
    assert "CMR-TOBRUK" in set(doc.flow_symbols(view)["route_id"])


def test_route_ids_must_be_unique_across_layers(doc, tmp_path):
    data, _ = tobruk(doc)
    clash = Layer("routes", "Copy", data.iloc[:3].reset_index(drop=True))
    with pytest.raises(CrossingsError, match="already used by the routes layer 'Routes'"):
        doc.add_layer(clash)
    # a project naming two routes files that share ids is refused by key
    data.iloc[:2].to_file(tmp_path / "dup.gpkg", driver="GPKG")
    project = tmp_path / "p.crossings.json"
    save_project(doc, project)
    raw = json.loads(project.read_text())
    raw["layers"].append({"kind": "routes", "title": "dup", "path": "dup.gpkg", "style": raw["layers"][1]["style"]})
    project.write_text(json.dumps(raw))
    with pytest.raises(DataError, match=r"layers\[3\].*dup.gpkg.*already used"):
        load_project(project)


def test_route_edits_are_undoable(doc):
    history = History(doc)
    layer = doc.routes_layers()[0]
    data, _ = tobruk(doc)
    history.edit("Add route", lambda: doc.edit_routes(layer, data))
    assert "CMR-TOBRUK" in set(doc.layer("routes").data["route_id"])
    assert doc.routes_layers()[0].edited
    history.undo()
    assert doc.routes_layers()[0] is layer and "CMR-TOBRUK" not in set(doc.layer("routes").data["route_id"])
    history.redo()
    assert "CMR-TOBRUK" in set(doc.layer("routes").data["route_id"])


def test_a_route_colour_of_its_own(doc):
    assert doc.flow_colour("CMR-LY", "CMR") == doc.flow_style.colour_for("CMR")
    doc.set_route_colour("CMR-LY", "#117733")
    assert doc.flow_colour("CMR-LY", "CMR") == "#117733"
    from geo.legend import legend_entries

    labels = {e.text: e.colour for e in legend_entries(doc) if e.colour}
    assert labels.get("Libya to Italy") == "#117733"
    with pytest.raises(ValueError, match="not a colour"):
        doc.set_route_colour("CMR-LY", "red;}")


# -- saved with the project ----------------------------------------------------------------------------------------
def test_edited_routes_are_saved_beside_the_project_and_reopen(doc, tmp_path):
    layer = doc.routes_layers()[0]
    data, _ = tobruk(doc)
    doc.edit_routes(layer, route_edit.delete_route(data, "ALB"))
    doc.set_route_colour("CMR-TOBRUK", "#117733")
    project = tmp_path / "q1.crossings.json"
    save_project(doc, project)
    written = tmp_path / "q1_data" / "routes.gpkg"
    assert written.exists() and (tmp_path / "q1_data" / "routes.relations.csv").exists()
    stored = json.loads(project.read_text())["layers"][1]["path"]
    assert stored == "q1_data/routes.gpkg"
    assert not doc.routes_layers()[0].edited and doc.routes_layers()[0].path == written
    again = load_project(project)
    routes = again.layer("routes").data
    assert "CMR-TOBRUK" in set(routes["route_id"]) and "ALB" not in set(routes["route_id"])
    assert np.allclose(route_edit.vertices(routes, "CMR-TOBRUK")[0], TOBRUK_CRETE)
    assert again.relations.total_names["CMR"] == "Italy"  # totals keep their names
    assert not again.relations.contained  # ALB's containment went with ALB
    assert again.flow_colour("CMR-TOBRUK", "CMR") == "#117733"
    assert set(gpd.read_file(written)["route_group"]) >= {"CMR", "WMR"}


def test_the_autosave_keeps_edited_routes(doc, tmp_path):
    layer = doc.routes_layers()[0]
    data, _ = tobruk(doc)
    doc.edit_routes(layer, data)
    target = write_autosave(doc, tmp_path / "state")
    recovered = load_project(target, absolute_paths=True)
    assert "CMR-TOBRUK" in set(recovered.layer("routes").data["route_id"])
    assert doc.routes_layers()[0].edited  # the autosave is not a save
