"""Keys a cartographer uses in the window: stepping periods without changing what is shown, zooming."""
# ruff: noqa: F811
# Fixtures come from window_support by import, so test arguments "redefine" them.

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from window_support import isolated_settings, prompts, wait_idle, window  # noqa: F401


def test_ctrl_pgup_steps_year_to_year_and_keeps_the_metric(window, qtbot):
    """From 2024, Ctrl+PgUp once went to November 2024 (the period just before in time) and, as that
    month has no arrivals, silently switched the metric."""
    doc = window.doc
    window.selection.choose("setup", period="2024", metric="arrivals")
    window.act_prev_period.trigger()
    assert (doc.period, doc.metric) == ("2023", "arrivals")
    window.act_next_period.trigger()
    assert (doc.period, doc.metric) == ("2024", "arrivals")
    window.act_next_period.trigger()  # no later year: nothing changes
    assert (doc.period, doc.metric) == ("2024", "arrivals")


def test_ctrl_pgup_skips_periods_without_the_metric_and_stops_rather_than_switch_it(window):
    doc = window.doc
    window.selection.choose("setup", period="2024", metric="dead_missing")
    undo_label = window.history.undo_label
    window.act_prev_period.trigger()  # 2023 has no dead and missing figures
    assert (doc.period, doc.metric) == ("2024", "dead_missing") and window.history.undo_label == undo_label
    window.selection.choose("setup", period="2024Q4", metric="arrivals")
    window.act_prev_period.trigger()  # the only quarter: stays
    assert (doc.period, doc.metric) == ("2024Q4", "arrivals")


def test_ctrl_equals_zooms_in_like_ctrl_plus(window, qtbot):
    canvas = window.canvas
    assert QKeySequence("Ctrl+=") in window.act_zoom_in.shortcuts()
    wait_idle(qtbot, window)
    before = canvas.view.extent
    window.activateWindow()
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    after = canvas.view.extent
    assert after[2] - after[0] < (before[2] - before[0]) * 0.8


def test_a_long_undo_name_does_not_push_the_selectors_off_the_toolbar(window, qtbot, tmp_path):
    """At 1280 x 720, one edit with a long name made the toolbar's Undo button so wide that Period, Metric
    and Source fell into the » overflow; the toolbar's buttons keep short names, the menu names the step."""
    from PySide6.QtWidgets import QToolBar

    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    toolbar = window.findChild(QToolBar, "toolbar_main")
    undo_button = toolbar.widgetForAction(window.tool_undo)
    width_before = undo_button.width()
    long_label = "Open figures mmc_north_africa_quarterly_update_2025_q1_final_revised_v3.csv"
    window.history.edit(long_label, lambda: window.doc.set_title("Edited", None))
    qtbot.wait(50)
    assert window.act_undo.text() == f"&Undo {long_label}"  # the Edit menu still says which step
    assert undo_button.text() == "Undo" and undo_button.width() == width_before
    assert long_label in undo_button.toolTip()
    for combo in (window.selection.period, window.selection.metric, window.selection.source):
        assert combo.isVisible(), "a selector fell into the toolbar's overflow"


def test_a_resized_window_shows_the_whole_map_again_until_the_user_zooms(qtbot, canvas):
    """The whole map shown: a larger window shows it larger (it used to keep the small scale and show
    more sea around it). Once zoomed or panned, a resize keeps the scale and centre, as a GIS does."""
    def units_per_px():
        v = canvas.view
        return (v.extent[2] - v.extent[0]) / v.frame_px[2]

    canvas.resize(800, 600)
    qtbot.wait(20)
    small = units_per_px()
    canvas.resize(1600, 1200)
    qtbot.wait(20)
    assert units_per_px() == pytest.approx(small / 2, rel=0.02)  # the same map, twice as large
    canvas.zoom(1.5)
    zoomed = units_per_px()
    canvas.resize(1200, 900)
    qtbot.wait(20)
    assert units_per_px() == pytest.approx(zoomed, rel=1e-6)  # the user's scale is kept
    canvas.zoom_full()
    canvas.resize(800, 600)
    qtbot.wait(20)
    assert units_per_px() == pytest.approx(small, rel=0.02)


def test_tab_leaves_the_figures_table(window, qtbot):
    from PySide6.QtWidgets import QApplication

    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    table = window.figures.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert not table.hasFocus() and QApplication.focusWidget() is not None
