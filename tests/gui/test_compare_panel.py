"""The Compare dock: held scale, comparison, change colours, classes and a fixed value as undoable
edits; small multiples written off the UI thread; the canvas's view as the export extent."""

# Fixtures come from window_support by import, so test arguments "redefine" them.
# ruff: noqa: F811

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from window_support import isolated_settings, prompts, window  # noqa: F401

from geo.history import History, clone
from geo.page import Page
from geo.projection import transformer
from geo.styles import FlowStyle
from gui.compare_panel import ComparePanel, parse_classes
from gui.export import PngExportSettings, export_png
from gui.render import MapRenderer
from gui.small_multiples import render_small_multiples


@pytest.fixture
def panel(qtbot, doc):
    p = ComparePanel(doc, History(doc))
    qtbot.addWidget(p)
    p.show()
    return p


def enter(qtbot, line_edit, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def test_every_control_is_one_undoable_step(qtbot, panel, doc):
    history, styles = panel.history, []
    doc.changed.connect(lambda reason: styles.append(reason))
    assert panel.hold.isChecked() and doc.flow_style.hold_scale
    panel.hold.click()
    assert doc.flow_style.hold_scale is False and history.undo_label == "Fit widths to each period"
    assert "style" in styles
    panel.compare.setCurrentIndex(2)
    panel.compare.activated.emit(2)
    assert doc.flow_style.compare == "year_ago" and panel.colour_change.isEnabled()
    panel.colour_change.click()
    assert doc.flow_style.colour_by == "change"
    enter(qtbot, panel.classes, "1000, 10000;5000")
    assert doc.flow_style.classes == (1000.0, 5000.0, 10000.0) and panel.classes.text() == "1000, 5000, 10000"
    enter(qtbot, panel.reference, "20,000")
    assert doc.flow_style.reference_value == 20000.0 and not panel.hold.isEnabled()  # a fixed value overrides
    panel.compare.setCurrentIndex(0)
    panel.compare.activated.emit(0)  # no comparison: change colours go with it, in the same step
    assert (doc.flow_style.compare, doc.flow_style.colour_by) == (None, "group")
    assert not panel.colour_change.isChecked() and not panel.colour_change.isEnabled()
    for _ in range(6):
        assert history.undo()
    assert not history.can_undo
    assert doc.flow_style == FlowStyle()  # six steps, all undone
    # and the panel shows the document again after every undo
    assert panel.hold.isChecked() and panel.compare.currentIndex() == 0 and panel.classes.text() == ""
    assert panel.reference.text() == "" and not panel.colour_change.isChecked()


@pytest.mark.parametrize("field, text, said", [
    ("classes", "1000, lots", "'lots' is not a number"),
    ("classes", "-5, 100", "'-5' is not a number"),
    ("reference", "twenty", "'twenty' is not a number"),
    ("reference", "0", "reference_value 0.0 is not a figure"),
])
def test_bad_values_are_refused_and_said(qtbot, panel, doc, field, text, said):
    enter(qtbot, getattr(panel, field), text)
    assert said in panel.message.text() and panel.message.isVisible()
    assert doc.flow_style == FlowStyle() and not panel.history.can_undo
    enter(qtbot, getattr(panel, field), "")  # empty: proportional widths, fitted scale; the message goes
    assert not panel.message.isVisible() and doc.flow_style == FlowStyle()


def test_parse_classes():
    assert parse_classes("") == ()
    assert parse_classes(" 10_000; 1000 , 5000 ") == (1000.0, 5000.0, 10000.0)
    assert parse_classes("1000 5000 5000") == (1000.0, 5000.0)
    with pytest.raises(ValueError):
        parse_classes("1e3x")


def test_the_panel_shows_a_project_just_opened(panel, doc):
    doc.flow_style = FlowStyle(hold_scale=False, classes=(500.0, 2000.0), compare="previous", colour_by="change",
                               reference_value=12000.0)
    doc.invalidate("style")  # what opening a project announces
    assert not panel.hold.isChecked() and panel.classes.text() == "500, 2000"
    assert panel.compare.currentData() == "previous" and panel.colour_change.isChecked()
    assert panel.reference.text() == "12000"


def test_small_multiples_are_written_off_the_ui_thread_on_one_scale(qtbot, panel, doc, tmp_path):
    doc.page = Page.from_pixels(900, 600, dpi=96.0)
    doc.select("2024", "arrivals")
    offered = [panel.periods.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.periods.count())]
    assert offered == ["2023", "2024"]  # years with a year: the same kind as the map
    target = tmp_path / "multiples.png"
    panel.ask_path = lambda suggestion: str(target)
    panel.set_checked_periods(["2023", "2024"])
    panel.export_multiples.click()
    assert panel.task is not None and panel.progress.isVisible()
    qtbot.waitUntil(lambda: panel.written is not None, timeout=60000)
    assert panel.written == target and target.exists()
    assert (doc.period, doc.metric) == ("2024", "arrivals")
    image = QImage(str(target))
    assert (image.width(), image.height()) == (900, 600)
    # the panels where the small multiples renderer puts them: map inside each, white page between
    scratch = QImage(900, 600, QImage.Format.Format_RGB32)
    painter = QPainter(scratch)
    views = render_small_multiples(painter, clone(doc), doc.page, ["2023", "2024"])
    painter.end()
    assert len(views) == 2
    (l0, t0, w0, h0), (l1, _, _, _) = views[0].frame_px, views[1].frame_px
    assert l1 > l0 + w0  # side by side
    sea = QColor(doc.theme.sea)
    for left, top, w, h in (v.frame_px for v in views):
        inside = [QColor(image.pixel(round(left + w * fx), round(top + h * fy))) for fx in (0.1, 0.9) for fy in (0.1, 0.9)]
        assert sum(c == sea for c in inside) >= 2  # a map: sea in the panel's corners
    gap = round((l0 + w0 + l1) / 2)
    assert all(QColor(image.pixel(gap, round(t0 + h0 * f))).name() == "#ffffff" for f in (0.2, 0.5, 0.8))


def test_too_few_periods_are_said(panel, doc):
    said = []
    panel.report = lambda title, text: said.append(text)
    panel.ask_path = lambda suggestion: pytest.fail("no file is asked for")
    doc.select("2024", "arrivals")
    panel.set_checked_periods(["2024"])
    panel.export_multiples.click()
    assert said == ["Check at least two periods to compare"]


def gibraltar(doc, half_width_m=90_000.0, half_height_m=60_000.0):
    x, y = transformer("EPSG:4326", doc.crs).transform(-5.6, 35.95)
    return (x - half_width_m, y - half_height_m, x + half_width_m, y + half_height_m)


def covers(outer, inner):
    return outer[0] <= inner[0] and outer[1] <= inner[1] and outer[2] >= inner[2] and outer[3] >= inner[3]


def test_the_canvas_view_becomes_the_export_extent(qtbot, window, tmp_path):
    win, doc = window, window.doc
    assert win.docks["compare"] in win.tabifiedDockWidgets(win.docks["trend"])
    view_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    assert win.compare.act_use_view in view_menu.actions() and win.compare.act_reset_extent in view_menu.actions()
    region = doc.default_extent()
    win.canvas.set_extent(gibraltar(doc))
    shown = win.canvas.view.extent
    win.compare.act_use_view.trigger()
    assert doc.extent_lonlat is not None and "export extent" in win.history.undo_label
    page = Page.from_pixels(800, 560, dpi=96.0)
    exported = MapRenderer(doc).page_view(page)  # the view every export of the page draws
    assert covers(exported.extent, shown)
    area = (exported.extent[2] - exported.extent[0]) * (exported.extent[3] - exported.extent[1])
    assert area < 0.05 * (region[2] - region[0]) * (region[3] - region[1])  # the strait, not the region
    png = export_png(doc, tmp_path / "strait.png", PngExportSettings(page))
    assert QImage(str(png)).width() == 800
    win.history.undo()
    assert doc.extent_lonlat is None  # the frame fits the flows drawn (geo.extent_fit)
    win.history.redo()
    win.compare.act_reset_extent.trigger()
    assert doc.extent_lonlat is None and doc.default_extent() == region


def test_the_exported_page_shows_the_view(qtbot, window):
    """What the page export paints (render_page, the path of every PNG, SVG and PDF export): the
    strait's towns, and none of the region's far ends."""
    doc = window.doc
    page = Page.from_pixels(900, 640, dpi=96.0)

    def towns():
        image = QImage(900, 640, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        renderer = MapRenderer(doc)
        renderer.render_page(painter, page)
        painter.end()
        return {text for kind, text, _, _ in renderer.report.texts}

    region = towns()
    window.canvas.set_extent(gibraltar(doc))
    window.compare.use_view_button.click()
    strait = towns()
    assert {"Ceuta", "MOROCCO", "SPAIN"} <= strait
    far = {"Nouakchott", "LIBYA", "Tripoli", "Canary Islands"}  # the fitted frame's far ends
    assert far <= region and not far & strait


@pytest.mark.parametrize("crs, box", [(None, (0.05, 0.1, 0.8, 0.95)), ("EPSG:3035", (0.05, 0.1, 0.8, 0.95)),
                                       (None, (0.3, 0.6, 0.9, 0.95))])
def test_a_large_view_in_a_curved_projection_is_covered_whole(doc, crs, box):
    """Meridians and parallels bend in an equal-area projection: the view's four corners in lon/lat
    would cut off the middle of its edges (the top edge of a view north of the projection's centre
    reaches furthest north halfway along)."""
    from geo.view_extent import set_extent_to_view

    if crs:
        doc.crs = crs
    x0, y0, x1, y1 = doc.default_extent()
    w, h = x1 - x0, y1 - y0
    view = (x0 + box[0] * w, y0 + box[1] * h, x0 + box[2] * w, y0 + box[3] * h)
    set_extent_to_view(doc, view)
    t = np.linspace(0.0, 1.0, 200)
    edge_x = np.concatenate([view[0] + (view[2] - view[0]) * t, np.full(200, view[2]),
                             view[0] + (view[2] - view[0]) * t, np.full(200, view[0])])
    edge_y = np.concatenate([np.full(200, view[1]), view[1] + (view[3] - view[1]) * t,
                             np.full(200, view[3]), view[1] + (view[3] - view[1]) * t])
    lon, lat = transformer(doc.crs, "EPSG:4326").transform(edge_x, edge_y)
    west, south, east, north = doc.extent_lonlat  # the lon/lat box holds every point of the view's edge
    assert west <= min(lon) and east >= max(lon) and south <= min(lat) and north >= max(lat)
    exported = doc.default_extent()
    assert covers(exported, view)
    # a lon/lat box round a tilted projected box is larger, but not boundlessly
    assert (exported[2] - exported[0]) * (exported[3] - exported[1]) < 2.5 * (view[2] - view[0]) * (view[3] - view[1])
