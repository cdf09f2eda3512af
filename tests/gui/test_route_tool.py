"""Drawing and reshaping routes on the canvas with real mouse events, as a cartographer does."""
# ruff: noqa: F811
# Fixtures come from window_support by import, so test arguments "redefine" them.

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from window_support import isolated_settings, prompts, window  # noqa: F401

from geo import route_edit
from geo.projection import transformer
from geo.route_edit import RouteFields

TOBRUK_CRETE = [(23.98, 32.10), (24.6, 33.4), (24.85, 34.3), (24.95, 34.88)]
TOBRUK = RouteFields("CMR-TOBRUK", "Central Mediterranean route: Tobruk to Crete", "CMR", "", "sea", "Tobruk", "Crete")


def px(win, lon, lat) -> QPoint:
    x, y = transformer("EPSG:4326", win.doc.crs).transform(lon, lat)
    (u, v), = win.canvas.view.to_px(np.array([[x, y]]))
    return QPoint(round(u), round(v))


def click(qtbot, win, lon, lat, button=Qt.MouseButton.LeftButton):
    qtbot.mouseClick(win.canvas, button, pos=px(win, lon, lat))


def zoom_to(win, lon0, lat0, lon1, lat1):
    t = transformer("EPSG:4326", win.doc.crs)
    xs, ys = t.transform([lon0, lon1, lon0, lon1], [lat0, lat0, lat1, lat1])
    win.canvas.set_extent((min(xs), min(ys), max(xs), max(ys)))


@pytest.fixture
def drawn(window, qtbot):
    """The Tobruk → Crete route drawn by clicks and finished by a double click."""
    window.routes.ask_fields = lambda layer, fields: (TOBRUK, None)
    zoom_to(window, 22.5, 31.5, 26.5, 35.5)
    window.routes.actions["new_route"].trigger()
    for lon, lat in TOBRUK_CRETE[:-1]:
        click(qtbot, window, lon, lat)
    qtbot.mouseDClick(window.canvas, Qt.MouseButton.LeftButton, pos=px(window, *TOBRUK_CRETE[-1]))
    return window


def route(win, rid="CMR-TOBRUK"):
    data = win.doc.layer("routes").data
    return route_edit.vertices(data, rid)[0] if rid in set(data["route_id"]) else None


def test_a_route_drawn_by_clicks_is_added_as_one_undoable_step(drawn):
    win = drawn
    line = route(win)
    assert line is not None and len(line) == 4
    # clicks land within a pixel of where they were aimed (the canvas is about 4 km a pixel here)
    assert np.abs(line - np.array(TOBRUK_CRETE)).max() < 0.05
    assert win.canvas.tool is None  # the canvas pans again
    assert win.history.undo_label == "Add route CMR-TOBRUK"
    win.history.undo()
    assert route(win) is None
    win.history.redo()
    assert route(win) is not None


def test_a_click_near_a_place_snaps_onto_it(window, qtbot):
    window.routes.ask_fields = lambda layer, fields: (RouteFields("SNAP-1", mode="sea"), None)
    places = window.doc.layer("places").data
    tripoli = places[places.iloc[:, 0].astype(str).str.contains("Tripoli") | places.get("name", places.iloc[:, 0]).astype(str).str.contains("Tripoli")]
    lon, lat = float(tripoli.geometry.x.iloc[0]), float(tripoli.geometry.y.iloc[0])
    zoom_to(window, lon - 2, lat - 2, lon + 2, lat + 2)
    window.routes.actions["new_route"].trigger()
    aim = px(window, lon, lat) + QPoint(4, -3)  # a few pixels off the dot
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=aim)
    qtbot.mouseDClick(window.canvas, Qt.MouseButton.LeftButton, pos=px(window, lon + 1.0, lat + 1.0))
    first = route(window, "SNAP-1")[0]
    assert first.tolist() == [lon, lat]


def test_a_sea_leg_over_land_is_shown_red_and_named(window, qtbot):
    window.routes.ask_fields = lambda layer, fields: (RouteFields("OVER-TN", mode="sea"), None)
    zoom_to(window, 8.5, 33.5, 13.5, 37.5)
    window.routes.actions["new_route"].trigger()
    click(qtbot, window, 10.0, 36.8)
    click(qtbot, window, 10.5, 35.0)
    qtbot.mouseMove(window.canvas, px(window, 12.6, 35.5))
    assert window.routes.tool.crossings and window.routes.tool.crossings[0].country == "Tunisia"
    assert "crosses land" in window.statusBar().currentMessage()
    # the stretch over land is painted red on the canvas
    image = window.canvas.grab().toImage()
    mid = px(window, 10.3, 35.6)
    reds = sum(1 for dx in range(-12, 13) for dy in range(-12, 13)
               if QColor(image.pixel(mid.x() + dx, mid.y() + dy)).name() == "#d62728")
    assert reds > 10
    qtbot.mouseDClick(window.canvas, Qt.MouseButton.LeftButton, pos=px(window, 12.6, 35.5))
    assert route(window, "OVER-TN") is not None
    assert any("crosses land" in text and "Tunisia" in text for _, text in window.prompts.errors)


def test_escape_cancels_and_backspace_takes_the_last_vertex_back(window, qtbot):
    zoom_to(window, 22.5, 31.5, 26.5, 35.5)
    window.routes.actions["new_route"].trigger()
    click(qtbot, window, *TOBRUK_CRETE[0])
    click(qtbot, window, *TOBRUK_CRETE[1])
    qtbot.keyClick(window.canvas, Qt.Key.Key_Backspace)
    assert len(window.routes.tool.points) == 1
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.canvas.tool is None and not window.history.can_undo


def test_vertices_move_insert_and_delete_with_the_mouse(drawn, qtbot):
    win = drawn
    win.routes.select_route("CMR-TOBRUK")
    win.routes.actions["edit_route"].trigger()
    before = route(win).copy()
    # drag the second vertex half a degree east
    start, end = px(win, *TOBRUK_CRETE[1]), px(win, TOBRUK_CRETE[1][0] + 0.5, TOBRUK_CRETE[1][1])
    qtbot.mousePress(win.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(win.canvas, end)
    qtbot.mouseRelease(win.canvas, Qt.MouseButton.LeftButton, pos=end)
    moved = route(win)
    assert abs(moved[1][0] - (before[1][0] + 0.5)) < 0.05 and np.allclose(moved[[0, 2, 3]], before[[0, 2, 3]])
    # double-click the middle of the first segment: a vertex there
    a, b = moved[0], moved[1]
    qtbot.mouseDClick(win.canvas, Qt.MouseButton.LeftButton, pos=px(win, *(a + b) / 2))
    assert len(route(win)) == 5
    # right-click it away again
    click(qtbot, win, *route(win)[1], button=Qt.MouseButton.RightButton)
    assert len(route(win)) == 4
    labels = []
    while win.history.can_undo:
        labels.append(win.history.undo_label)
        win.history.undo()
    assert labels[:3] == ["Delete vertex of CMR-TOBRUK", "Add vertex to CMR-TOBRUK", "Move vertex of CMR-TOBRUK"]


def test_properties_and_delete_from_the_routes_menu(drawn):
    win = drawn
    win.routes.select_route("CMR-TOBRUK")
    win.routes.ask_fields = lambda layer, fields: (RouteFields("CMR-TB", fields.name, "CMR", "CMR", "sea",
                                                               "Tobruk", "Crete"), "#117733")
    win.routes.actions["route_properties"].trigger()
    data = win.doc.layer("routes").data.set_index("route_id")
    assert "CMR-TB" in data.index and data.at["CMR-TB", "parent"] == "CMR"
    assert win.doc.flow_colour("CMR-TB", "CMR") == "#117733"
    # a clash is refused by name and changes nothing
    win.routes.ask_fields = lambda layer, fields: (RouteFields("CMR-LY", mode="sea"), None)
    win.routes.select_route("CMR-TB")
    win.routes.actions["route_properties"].trigger()
    assert "already used" in win.prompts.errors[-1][1]
    win.routes.actions["delete_route"].trigger()
    assert "CMR-TB" not in set(win.doc.layer("routes").data["route_id"])
    win.routes.select_route("CMR")
    win.routes.actions["delete_route"].trigger()
    assert "branches" in win.prompts.errors[-1][1]


def test_a_second_routes_layer_is_painted_in_its_own_colour(qapp, bundled_doc_factory):
    """A route in a second routes layer, with a figure, is drawn (before, only the first routes layer was)."""
    import pandas as pd
    from painted import paint, pixels

    from geo.document import Layer
    from geo.flow_table import FlowTable
    from geo.page import Page

    doc = bundled_doc_factory()
    first = doc.routes_layers()[0].data
    data = route_edit.add_route(first.iloc[0:0], TOBRUK_CRETE, TOBRUK)
    doc.add_layer(Layer("routes", "Tobruk to Crete", data))
    frame = doc.flows.frame
    row = frame[(frame["period"] == doc.period) & (frame["metric"] == "arrivals")].iloc[[0]].copy()
    row["route_id"], row["value"] = "CMR-TOBRUK", 3000.0
    doc.set_flows(FlowTable(frame=pd.concat([frame, row], ignore_index=True), path=None))
    doc.set_route_colour("CMR-TOBRUK", "#117733")
    image, view, _ = paint(doc, Page(dpi=96))
    rgb = pixels(image)
    green = (rgb[..., 0] == 0x11) & (rgb[..., 1] == 0x77) & (rgb[..., 2] == 0x33)
    x, y = transformer("EPSG:4326", doc.crs).transform(*np.array(TOBRUK_CRETE).T)
    pts = view.to_px(np.column_stack([x, y]))
    (x0, y0), (x1, y1) = pts.min(axis=0).astype(int) - 15, pts.max(axis=0).astype(int) + 15
    assert green[y0:y1, x0:x1].sum() > 100


def test_opening_the_same_routes_again_offers_to_replace_them(window, prompts, qtbot, tmp_path):
    """A new version of the routes (same ids) replaces the routes layer; it is never added as a second copy
    whose ids would clash, and declining changes nothing."""
    from window_support import wait_idle

    from geo import paths

    routes = window.doc.routes_layers()[0]
    copy = tmp_path / "routes_v2.gpkg"
    import geopandas as gpd

    gpd.read_file(paths.default_routes()).to_file(copy, driver="GPKG")
    prompts.choice = None
    window.files.open_paths([copy])
    wait_idle(qtbot, window)
    assert prompts.choices_offered[-1][1] == ["Replace the routes layer Routes"]
    assert window.doc.routes_layers() == [routes] and not window.history.can_undo
    prompts.choice = "Replace the routes layer Routes"
    window.files.open_paths([copy])
    wait_idle(qtbot, window)
    assert [lyr.path for lyr in window.doc.routes_layers()] == [copy] and not prompts.errors
    window.history.undo()
    assert window.doc.routes_layers() == [routes]
