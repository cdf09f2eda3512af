"""Next quarter's map, made in the window from the bundled map, as a new user would make it.

Draw the Tobruk → Crete route on the canvas, enter its 2025Q1 figure and the other routes' 2025Q1
figures, compare Q1 2025 with Q4 2024 on one held scale, save, reopen and export; then every step is
undone. Widths are measured on the drawn geometry, not taken from the scale object.
"""
# ruff: noqa: F811
# Fixtures come from window_support by import, so test arguments "redefine" them.

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from test_export_dialog import export_and_wait
from window_support import isolated_settings, prompts, wait_idle, window  # noqa: F401

from geo import route_edit
from geo.projection import transformer
from geo.route_edit import RouteFields
from geo.view import MapView

TOBRUK_CRETE = [(23.98, 32.10), (24.6, 33.4), (24.85, 34.3), (24.95, 34.88)]
TOBRUK = RouteFields("CMR-TOBRUK", "Central Mediterranean route: Tobruk to Crete", "CMR", "", "sea", "Tobruk", "Crete")
# Made-up Q1 2025 figures for the walk (not shipped data): Libya lower than Q4's 11,341.
Q1_2025 = {"ATL": "10200", "CMR-LY": "8900", "CMR-TN": "1500", "CMR-DZ": "300", "WMR": "3900", "CMR-TOBRUK": "2100"}


def px(win, lon, lat) -> QPoint:
    x, y = transformer("EPSG:4326", win.doc.crs).transform(lon, lat)
    (u, v), = win.canvas.view.to_px(np.array([[x, y]]))
    return QPoint(round(u), round(v))


def band_width_mm(doc, route_id: str) -> float:
    """The drawn band's width across its middle, measured on the symbol geometry of a 300 dpi A4 page."""
    view = MapView(doc.crs, doc.default_extent(), (0, 0, 3508, 2480), dpi=300)
    symbols = doc.flow_symbols(view).set_index("route_id")
    band = symbols.loc[route_id, "geometry"]
    line = doc.projected_flows().set_index("route_id").loc[route_id, "geometry"]
    mid = line.interpolate(0.4, normalized=True)
    ahead = line.interpolate(0.4 * line.length + 1000)
    dx, dy = ahead.x - mid.x, ahead.y - mid.y
    n = np.array([-dy, dx]) / np.hypot(dx, dy) * view.mm_to_units(40)
    cut = shapely.LineString([(mid.x - n[0], mid.y - n[1]), (mid.x + n[0], mid.y + n[1])]).intersection(band)
    return cut.length / view.mm_to_units(1)


def test_next_quarters_map_made_in_the_window(window, prompts, qtbot, tmp_path):
    win = window
    start_libya_mm = band_width_mm(win.doc, "CMR-LY")

    # 1. draw the new route, vertex by vertex, on the canvas
    win.routes.ask_fields = lambda layer, fields: (TOBRUK, None)
    t = transformer("EPSG:4326", win.doc.crs)
    xs, ys = t.transform([22.5, 26.5], [31.5, 35.5])
    win.canvas.set_extent((min(xs), min(ys), max(xs), max(ys)))
    win.routes.actions["new_route"].trigger()
    for lon, lat in TOBRUK_CRETE[:-1]:
        qtbot.mouseClick(win.canvas, Qt.MouseButton.LeftButton, pos=px(win, lon, lat))
    qtbot.mouseDClick(win.canvas, Qt.MouseButton.LeftButton, pos=px(win, *TOBRUK_CRETE[-1]))
    assert "CMR-TOBRUK" in set(win.doc.layer("routes").data["route_id"])
    win.act_zoom_full.trigger()

    # 2. enter Q1 2025: a new period with the routes of Q4 2024, figures typed in, and the new route's row
    editor = win.edit_figures()
    editor.new_period("2025Q1")
    rows = editor.rows()
    # a change the update stated of Q4 ("+47% compared to last quarter") is not carried into Q1
    assert {r["stated_change"] for r in rows if r["period"] == "2025Q1"} == {""}
    assert any(r["stated_change"] for r in rows if r["period"] == "2024Q4")
    template = next(r for r in rows if r["period"] == "2025Q1" and r["metric"] == "arrivals")
    for i, r in enumerate(rows):
        if r["period"] == "2025Q1" and r["metric"] == "arrivals" and r["route_id"] in Q1_2025:
            editor.set_cell(i, "value", Q1_2025[r["route_id"]])
            editor.set_cell(i, "date_from", "2025-01-01")
            editor.set_cell(i, "date_to", "2025-03-31")
    editor.add_row({**template, "route_id": "CMR-TOBRUK", "value": Q1_2025["CMR-TOBRUK"], "qualifier": "about",
                    "date_from": "2025-01-01", "date_to": "2025-03-31"})
    # a typing mistake is refused by row, and the editor stays open
    bad = editor.add_row({**template, "route_id": "ATL", "value": "12 thousand"})
    assert not editor.apply() and f"row {bad + 2}" in editor.message.text()
    editor.delete_rows()  # the bad row is selected: delete it
    assert editor.apply(), editor.message.text()
    editor.close()
    doc = win.doc
    assert doc.period == "2025Q1"
    assert {"2024Q4", "2025Q1", "2024", "2023"} <= {str(p) for p in doc.flows.periods()}
    drawn = doc.join().flows.set_index("route_id")["value"]
    assert drawn["CMR-TOBRUK"] == 2100 and drawn["CMR-LY"] == 8900

    # 3. compare with Q4 2024 on one held scale (on by default), with change colours
    assert win.compare.hold.isChecked()
    libya_q1 = band_width_mm(doc, "CMR-LY")
    win.selection.choose("2024Q4", period="2024Q4")
    libya_q4 = band_width_mm(doc, "CMR-LY")
    assert abs(libya_q4 - start_libya_mm) < 0.05  # Q4's widths did not move: its 11,341 is the largest
    assert libya_q1 < libya_q4 * 8900 / 11341 + 0.1  # 8,900 is drawn narrower than 11,341, in proportion
    win.selection.choose("2025Q1", period="2025Q1")
    win.compare.compare.setCurrentIndex(win.compare.compare.findData("previous"))
    win.compare.compare.activated.emit(win.compare.compare.currentIndex())
    win.compare.colour_change.setChecked(True)
    assert doc.flow_style.compare == "previous" and doc.flow_style.colour_by == "change"
    changes = doc.changes()
    assert changes["CMR-LY"].direction == "down" and changes["ATL"].direction == "down"
    assert changes["CMR-TOBRUK"].direction in ("new", "none")

    # 4. save, reopen: the route, the figures and the comparison come back
    prompts.save_path = str(tmp_path / "q1_2025.crossings.json")
    win.act_save.trigger()
    assert not win.history.is_dirty
    assert (tmp_path / "q1_2025_data" / "routes.gpkg").exists() and (tmp_path / "q1_2025_data" / "figures.csv").exists()
    prompts.project_path = prompts.save_path
    win.act_open_project.trigger()
    wait_idle(qtbot, win)
    doc = win.doc
    assert doc.period == "2025Q1" and doc.flow_style.compare == "previous"
    assert np.allclose(route_edit.vertices(doc.layer("routes").data, "CMR-TOBRUK")[0], TOBRUK_CRETE, atol=0.05)
    assert doc.join().flows.set_index("route_id").at["CMR-TOBRUK", "value"] == 2100
    assert abs(band_width_mm(doc, "CMR-LY") - libya_q1) < 0.05

    # 5. export the map: the PNG shows the new route's band
    (tmp_path / "out").mkdir()
    dialog = win.show_export()
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.base.setText("q1_2025")
    for fmt, box in dialog.checks.items():
        box.setChecked(fmt in ("png", "gpkg"))
    export_and_wait(qtbot, dialog)
    dialog.close()
    png = QImage(str(tmp_path / "out" / "q1_2025.png"))
    assert not png.isNull() and png.width() > 2000
    assert (tmp_path / "out" / "q1_2025.gpkg").exists()

    # 6. every step since the project was reopened is undoable, back to the reopened map
    steps = []
    while win.history.can_undo:
        steps.append(win.history.undo_label)
        win.history.undo()
    assert steps == ["Export settings"]


def test_every_step_of_the_walk_is_undoable(window, qtbot):
    """Drawing, figures and comparison, undone one by one in reverse order, give back the bundled map."""
    win = window
    from geo.history import snapshot, snapshot_equal

    start = snapshot(win.doc)
    win.routes.ask_fields = lambda layer, fields: (TOBRUK, None)
    win.routes.actions["new_route"].trigger()
    for lon, lat in TOBRUK_CRETE[:-1]:
        qtbot.mouseClick(win.canvas, Qt.MouseButton.LeftButton, pos=px(win, lon, lat))
    qtbot.mouseDClick(win.canvas, Qt.MouseButton.LeftButton, pos=px(win, *TOBRUK_CRETE[-1]))
    editor = win.edit_figures()
    editor.new_period("2025Q1")
    for i, r in enumerate(editor.rows()):
        if r["period"] == "2025Q1" and r["route_id"] in Q1_2025:
            editor.set_cell(i, "value", Q1_2025[r["route_id"]])
    assert editor.apply(), editor.message.text()
    editor.close()
    win.compare.colour_change.setChecked(True)
    labels = []
    while win.history.can_undo:
        labels.append(win.history.undo_label)
        win.history.undo()
    assert labels == ["Colour by change", "Edit figures", "Add route CMR-TOBRUK"]
    assert snapshot_equal(start, snapshot(win.doc))
