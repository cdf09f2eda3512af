"""Callouts in the window (issue 14, item 4): added, edited, removed and reset in the Callouts dialog,
dragged on the canvas, every step undoable; an unknown place refused by name, the map left as it was."""
# ruff: noqa: F811
# Fixtures come from window_support by import, so test arguments "redefine" them.

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from window_support import isolated_settings, prompts, window  # noqa: F401

from geo.callouts import Callout, CalloutAnchor

TAMANRASSET = Callout(CalloutAnchor("place", "tamanrasset"), {"en": "About 400 people stranded"})


class Form:
    """A filled-in callout form that answers at once (no modal dialog)."""

    def __init__(self, callout: Callout) -> None:
        self._callout = callout

    def exec(self) -> int:
        return 1

    def callout(self) -> Callout:
        return self._callout


def test_the_dialog_adds_edits_resets_and_removes_each_as_one_undoable_step(window):
    dialog = window.callouts.show_dialog()
    dialog.add(Form(TAMANRASSET))
    assert window.doc.callouts == (TAMANRASSET,) and dialog.list.count() == 1
    dialog.list.setCurrentRow(0)
    french = TAMANRASSET.with_text("fr", "Environ 400 personnes bloquées").moved((5.0, -12.0))
    dialog.edit(Form(french))
    assert window.doc.callouts == (french,) and "(moved)" in dialog.list.item(0).text()
    dialog.reset()
    assert window.doc.callouts[0].offset_mm is None
    dialog.remove()
    assert window.doc.callouts == () and dialog.list.count() == 0
    for expected in ((french.moved(None),), (french,), (TAMANRASSET,), ()):
        window.history.undo()
        assert window.doc.callouts == expected
    assert window.history.undo_label == ""


def test_an_unknown_place_is_refused_by_name_and_nothing_changes(window):
    dialog = window.callouts.show_dialog()
    dialog.add(Form(Callout(CalloutAnchor("place", "dirkuo"), {"en": "About 400"})))
    assert window.doc.callouts == () and not window.history.can_undo
    assert dialog.error.text() == "callout 1: no place 'dirkuo' in the places layer (Dirkou is 'dirkou')"


def test_the_form_reads_an_anchor_and_a_text_per_language(window, qapp):
    from gui.callout_edit import CalloutForm

    form = CalloutForm(window.doc, TAMANRASSET.with_text("ar", "حوالي 400").moved((1.0, 2.0)))
    assert form.ref.currentText().startswith("tamanrasset") and form.texts["ar"].text() == "حوالي 400"
    form.texts["fr"].setText("Environ 400")
    assert form.callout() == TAMANRASSET.with_text("ar", "حوالي 400").with_text("fr", "Environ 400").moved((1.0, 2.0))
    form.kind.setCurrentIndex(form.kind.findData("lonlat"))
    form.lon.setValue(3.0)
    form.lat.setValue(36.8)
    assert str(form.callout().anchor) == "lonlat:3,36.8"


def test_a_callout_is_dragged_on_the_canvas_and_the_drag_undone(window, qtbot):
    window.callouts.add(TAMANRASSET)
    window.canvas.render_now()
    one, = window.canvas.renderer.report.callouts
    x0, y0, x1, y1 = one.rect
    start = QPoint(round((x0 + x1) / 2), round((y0 + y1) / 2))
    end = start + QPoint(-60, 40)
    qtbot.mousePress(window.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(window.canvas, end)
    qtbot.mouseRelease(window.canvas, Qt.MouseButton.LeftButton, pos=end)
    mm = window.canvas.view.px_per_mm
    offset = window.doc.callouts[0].offset_mm
    expected = ((x0 + x1) / 2 - 60 - one.anchor[0]) / mm, ((y0 + y1) / 2 + 40 - one.anchor[1]) / mm
    assert offset == pytest.approx(expected, abs=0.3)
    assert window.history.undo_label == "Move callout 1"
    window.canvas.render_now()
    moved, = window.canvas.renderer.report.callouts
    assert moved.moved and moved.rect == pytest.approx((x0 - 60, y0 + 40, x1 - 60, y1 + 40), abs=1.5)
    window.history.undo()
    assert window.doc.callouts == (TAMANRASSET,)
    # a drag elsewhere pans the map, as before
    extent = window.canvas.view.extent
    qtbot.mousePress(window.canvas, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.mouseMove(window.canvas, QPoint(60, 60))
    qtbot.mouseRelease(window.canvas, Qt.MouseButton.LeftButton, pos=QPoint(60, 60))
    assert window.canvas.view.extent != extent and window.doc.callouts == (TAMANRASSET,)


def test_hovering_a_lettered_callout_shows_its_text_and_how_to_set_its_box(window, qtbot):
    """A callout with no room for its box is a letter on the map, its text in the page's footer; the canvas
    shows no footer, so hovering the letter says the text (and that a drag sets its box by hand)."""
    from dataclasses import replace

    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    def hover(x: float, y: float) -> str:
        window.canvas.mouseMoveEvent(QMouseEvent(QEvent.Type.MouseMove, QPointF(x, y), QPointF(x, y),
                                                 Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                                                 Qt.KeyboardModifier.NoModifier))
        return window.canvas.toolTip()

    window.callouts.add(TAMANRASSET)
    window.canvas.render_now()
    qtbot.waitUntil(lambda: not window.canvas.busy)  # the edit's own render, on its worker, is in
    report = window.canvas.renderer.report
    one, = report.callouts
    cx, cy = (one.rect[0] + one.rect[2]) / 2, (one.rect[1] + one.rect[3]) / 2
    assert hover(cx, cy) == ""  # a box of its text: nothing to add
    report.callouts[0] = replace(one, keyed=True)  # as the layout sets a callout it letters
    tip = hover(cx, cy)
    assert tip.startswith("About 400 people stranded\n") and "drag the letter" in tip
    assert hover(5, 5) == ""
