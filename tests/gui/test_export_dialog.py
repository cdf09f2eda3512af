"""The export dialog: preview of the page, files written off the UI thread, cancel, errors."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from window_support import isolated_settings, prompts, wait_idle, window  # noqa: F401

from geo.export_settings import ExportSettings
from geo.history import History
from geo.page import Page
from geo.project import load_project, save_project
from gui.export_dialog import ExportDialog, ExportRequest, available_formats, run_export
from gui.workers import Cancelled


@pytest.fixture
def dialog(qtbot, doc, tmp_path):
    d = ExportDialog(doc, tmp_path)
    qtbot.addWidget(d)
    yield d
    d.runner.wait()


def test_preview_shows_the_page(dialog, qtbot):
    qtbot.waitUntil(lambda: not dialog.preview.pixmap().isNull(), timeout=10000)
    pix = dialog.preview.pixmap()
    assert pix.width() > pix.height()  # A4 landscape
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.orientation.setCurrentIndex(dialog.orientation.findData("portrait"))
    assert dialog.preview.pixmap().height() > dialog.preview.pixmap().width()


def test_exports_png_geojson_and_geopackage(dialog, qtbot, tmp_path):
    dialog.base.setText("map")
    dialog.paper.setCurrentText("A5")
    dialog.dpi.setValue(100)
    dialog.transparent.setChecked(True)
    dialog.checks["gpkg"].setChecked(True)
    with qtbot.waitSignal(dialog.finished_export, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    image = QImage(str(tmp_path / "map.png"))
    assert (image.width(), image.height()) == (round(210 / 25.4 * 100), round(148 / 25.4 * 100))
    assert image.hasAlphaChannel() and image.pixelColor(1, 1).alpha() == 0
    countries = json.loads((tmp_path / "map_countries.geojson").read_text(encoding="utf-8"))
    assert len(countries["features"]) > 50
    assert (tmp_path / "map.gpkg").exists() and dialog.progress.value() == 100
    assert {p.name for p in dialog.written} >= {"map.png", "map.gpkg", "map_flows.geojson"}


def test_cancel_leaves_no_file_of_the_cancelled_job(doc, tmp_path):
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1  # cancel after the first file was written

    (tmp_path / "m.png").write_bytes(b"last week's map")
    req = ExportRequest(tmp_path, "m", doc.page.with_dpi(50), frozenset({"png", "geojson"}))
    with pytest.raises(Cancelled):
        run_export(doc, req, lambda f, t="": None, cancelled)
    # the PNG was finished before Cancel, but it belongs to the cancelled job: the old file stays
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.png"]
    assert (tmp_path / "m.png").read_bytes() == b"last week's map"


def test_missing_folder_is_reported_not_raised(dialog, qtbot, tmp_path):
    dialog.folder.setText(str(tmp_path / "nope"))
    with qtbot.waitSignal(dialog.failed, timeout=10000) as sig:
        dialog.start()
    assert "does not exist" in sig.args[0]
    assert dialog.export_button.isEnabled()


def test_formats_include_the_base_three():
    assert {"png", "geojson", "gpkg"} <= set(available_formats())


def test_export_asks_before_replacing_files_and_keeps_them_when_declined(qtbot, doc, tmp_path):
    asked = []
    old_png, old_layer = tmp_path / "map.png", tmp_path / "map_routes.geojson"
    old_png.write_bytes(b"last week's map")
    old_layer.write_text("{}")
    d = ExportDialog(doc, tmp_path, confirm_overwrite=lambda paths: asked.append(sorted(p.name for p in paths)) or False)
    qtbot.addWidget(d)
    d.base.setText("map")
    d.dpi.setValue(50)
    d.start()
    assert asked == [["map.png", "map_routes.geojson"]] and d.task is None
    assert d.status.text() == "Not exported: the existing files were kept"
    assert old_png.read_bytes() == b"last week's map" and sorted(p.name for p in tmp_path.iterdir()) == [
        "map.png", "map_routes.geojson"]
    d.runner.wait()


def test_export_replaces_files_when_the_user_agrees(qtbot, doc, tmp_path):
    (tmp_path / "map.png").write_bytes(b"last week's map")
    d = ExportDialog(doc, tmp_path, confirm_overwrite=lambda paths: True)
    qtbot.addWidget(d)
    d.base.setText("map")
    d.dpi.setValue(50)
    with qtbot.waitSignal(d.finished_export, timeout=60000):
        d.start()
    assert not QImage(str(tmp_path / "map.png")).isNull()
    d.runner.wait()


def test_progress_moves_while_a_lone_png_is_written(doc, tmp_path):
    """With PNG the only format, the bar used to sit at 0 % until the file was there."""
    seen = []
    req = ExportRequest(tmp_path, "m", doc.page.with_dpi(50), frozenset({"png"}))
    run_export(doc, req, lambda fraction, text="": seen.append(fraction), lambda: False)
    inside = [f for f in seen if 0 < f < 1]
    assert len(inside) >= 2 and inside == sorted(inside) and seen[-1] == 1.0


# -- export settings kept in the document and the project ------------------------------------------
def export_and_wait(qtbot, dialog):
    with qtbot.waitSignal(dialog.finished_export, timeout=60000):
        dialog.start()


def test_the_inset_control_sets_the_pages_insets(qtbot, doc, tmp_path):
    """Each entry of the Inset maps control gives the exported page its insets (read from the SVG's
    furniture layer) and is kept in the document, undoably; the dialog opens on the document's choice."""
    from painted import svg_inset_titles

    strait, canaries = "Strait of Gibraltar", "Canary Islands"
    doc.select("2024")  # by itself (auto) the 2024 map gets the Strait's inset
    doc.insets = ("canaries", "gibraltar")
    history = History(doc)
    d = ExportDialog(doc, tmp_path, history=history, confirm_overwrite=lambda paths: True)
    qtbot.addWidget(d)
    entries = [d.insets.itemText(i) for i in range(d.insets.count())]
    assert entries[2:] == [strait, canaries, f"{strait} + {canaries}"]
    assert d.insets.currentIndex() == 4  # both, in whatever order the document names them
    for box in d.checks.values():
        box.setChecked(False)
    d.checks["svg"].setChecked(True)
    drawn = {}
    for i, name in enumerate(["auto", "none", "strait", "canaries", "both"]):
        d.insets.setCurrentIndex(i)
        d.base.setText(name)
        export_and_wait(qtbot, d)
        drawn[name] = svg_inset_titles(tmp_path / f"{name}.svg")
    assert drawn == {"auto": [strait], "none": [], "strait": [strait], "canaries": [canaries],
                     "both": [strait, canaries]}
    assert doc.insets == ("gibraltar", "canaries") and history.undo_label == "Export settings"
    while history.can_undo:
        history.undo()
    assert doc.insets == ("canaries", "gibraltar")
    d.runner.wait()


def test_dialog_opens_with_the_documents_export_settings(qtbot, doc, tmp_path):
    (tmp_path / "exports" / "q3").mkdir(parents=True)
    doc.export_settings = ExportSettings(("gpkg", "png"), "exports/q3", "deaths_q3", True)
    doc.page = Page("A3", "portrait", 150)
    d = ExportDialog(doc, tmp_path)
    qtbot.addWidget(d)
    assert {f for f, box in d.checks.items() if box.isChecked()} == {"png", "gpkg"}
    assert d.folder.text() == str(tmp_path / "exports" / "q3") and d.base.text() == "deaths_q3"
    assert d.transparent.isChecked()
    assert (d.paper.currentText(), d.orientation.currentData(), d.dpi.value()) == ("A3", "portrait", 150)
    d.runner.wait()


def test_dialog_defaults_to_the_project_folder_and_a_name_after_the_selection(dialog, doc, tmp_path):
    assert dialog.folder.text() == str(tmp_path)
    assert dialog.base.text() == f"crossings_{doc.period}_{doc.metric}"
    assert {f for f, box in dialog.checks.items() if box.isChecked()} == {"png", "geojson"}


def test_starting_an_export_stores_changed_settings_as_one_undoable_step(qtbot, doc, tmp_path):
    history = History(doc)
    before_page, before_settings = doc.page, doc.export_settings
    (tmp_path / "out").mkdir()
    d = ExportDialog(doc, tmp_path, history=history, confirm_overwrite=lambda paths: True)
    qtbot.addWidget(d)
    d.folder.setText(str(tmp_path / "out"))
    d.base.setText("q3 map")
    d.checks["png"].setChecked(False)
    d.checks["gpkg"].setChecked(True)
    d.paper.setCurrentText("A5")
    d.orientation.setCurrentIndex(d.orientation.findData("portrait"))
    d.dpi.setValue(100)
    export_and_wait(qtbot, d)
    assert doc.export_settings == ExportSettings(("geojson", "gpkg"), "out", "q3-map", False)
    assert doc.page == Page("A5", "portrait", 100)
    assert history.undo_label == "Export settings" and history.is_dirty
    export_and_wait(qtbot, d)  # the same settings again: no second step
    assert history.undo()
    assert (doc.page, doc.export_settings) == (before_page, before_settings)
    assert not history.can_undo and not history.is_dirty
    assert history.redo() and doc.export_settings.base == "q3-map"
    d.runner.wait()


def test_an_outside_folder_and_the_automatic_name_are_not_stored(qtbot, doc, tmp_path):
    project, outside = tmp_path / "project", tmp_path / "desktop"
    project.mkdir()
    outside.mkdir()
    history = History(doc)
    d = ExportDialog(doc, project, history=history)
    qtbot.addWidget(d)
    d.folder.setText(str(outside))
    d.checks["png"].setChecked(False)
    export_and_wait(qtbot, d)
    assert (outside / f"{d.base.text()}_flows.geojson").exists()
    assert doc.export_settings == ExportSettings(("geojson",), None, None)
    assert history.undo_label == "Export settings"
    d.runner.wait()


def test_a_saved_and_reopened_project_reopens_the_dialog_as_it_was(qtbot, doc, tmp_path):
    (tmp_path / "exports").mkdir()
    d = ExportDialog(doc, tmp_path, history=History(doc))
    qtbot.addWidget(d)
    d.folder.setText(str(tmp_path / "exports"))
    d.base.setText("deaths_q3")
    d.checks["png"].setChecked(False)
    d.checks["gpkg"].setChecked(True)
    d.dpi.setValue(150)
    export_and_wait(qtbot, d)
    d.runner.wait()
    back = load_project(save_project(doc, tmp_path / "map.crossings.json"))
    again = ExportDialog(back, tmp_path)
    qtbot.addWidget(again)
    assert {f for f, box in again.checks.items() if box.isChecked()} == {"geojson", "gpkg"}
    assert again.folder.text() == str(tmp_path / "exports") and again.base.text() == "deaths_q3"
    assert again.dpi.value() == 150
    again.runner.wait()


def test_the_window_keeps_export_settings_in_its_project(window, prompts, qtbot, tmp_path):  # noqa: F811
    win = window
    prompts.save_path = str(tmp_path / "quarter.crossings.json")
    win.act_save.trigger()
    (tmp_path / "exports").mkdir()
    dialog = win.show_export()
    assert dialog.folder.text() == str(tmp_path)
    dialog.folder.setText(str(tmp_path / "exports"))
    dialog.base.setText("q3")
    dialog.checks["png"].setChecked(False)
    export_and_wait(qtbot, dialog)
    dialog.close()
    assert win.history.is_dirty and "Export settings" in win.act_undo.text()
    win.act_save.trigger()
    assert not win.history.is_dirty
    win.doc.export_settings = ExportSettings()  # forgotten: reopening the project brings them back
    prompts.project_path = str(tmp_path / "quarter.crossings.json")
    win.act_open_project.trigger()
    wait_idle(qtbot, win)
    again = win.show_export()
    assert {f for f, box in again.checks.items() if box.isChecked()} == {"geojson"}
    assert again.folder.text() == str(tmp_path / "exports") and again.base.text() == "q3"
    again.close()


def test_the_legend_control_sets_where_the_pages_legend_stands(qtbot, doc, tmp_path):
    """Beside the map, the exported page's frame is narrower by the legend's column (measured on the PNG:
    the frame's edge, a dark line down the page); kept in the document, undoably; the dialog opens on it."""
    import numpy as np
    from painted import pixels

    from geo.legend_place import LEGEND_COLUMN_GAP_MM, LEGEND_COLUMN_W_MM

    history = History(doc)
    doc.legend_place = "inside"
    d = ExportDialog(doc, tmp_path, history=history, confirm_overwrite=lambda paths: True)
    qtbot.addWidget(d)
    assert d.legend_place.currentData() == "inside"
    d.dpi.setValue(60)
    for box in d.checks.values():
        box.setChecked(False)
    d.checks["png"].setChecked(True)
    edges = {}
    for place in ("inside", "beside"):
        d.legend_place.setCurrentIndex(d.legend_place.findData(place))
        d.base.setText(place)
        export_and_wait(qtbot, d)
        px = pixels(QImage(str(tmp_path / f"{place}.png"))).astype(int)
        rows = px[round(px.shape[0] * 0.25):round(px.shape[0] * 0.7)]
        dark = (rows.max(axis=2) < 200).mean(axis=0)
        edges[place] = int(np.flatnonzero(dark > 0.9).max())
    mm = 60 / 25.4
    assert (edges["inside"] - edges["beside"]) / mm == pytest.approx(LEGEND_COLUMN_W_MM + LEGEND_COLUMN_GAP_MM, abs=1.0)
    assert doc.legend_place == "beside" and history.undo_label == "Export settings"
    while history.can_undo:
        history.undo()
    assert doc.legend_place == "inside"
    d.runner.wait()
