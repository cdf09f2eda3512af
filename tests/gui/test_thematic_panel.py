"""The thematic layers panel (issue 14, item 1): layers added, edited, ticked, moved and removed in the
window, each an undoable step, drawn on the canvas's renderer; a layer the figures refuse is reported
and leaves the map as it was."""

from __future__ import annotations

import numpy as np
import pytest
from painted import paint, pixels
from PySide6.QtCore import Qt

from geo.document import MapDocument
from geo.history import History
from geo.page import Page
from geo.place_figures import FLOWS, PlaceFigureLayer, place_circles
from geo.thematic_layers import offers
from gui.dialogs.thematic_layer_form import ThematicLayerForm
from gui.thematic_panel import ThematicPanel

PAGE = Page("A4", "landscape", dpi=100.0)


@pytest.fixture()
def panel(qtbot):
    doc = MapDocument.from_files()
    doc.insets = "none"
    doc.select("2024", "arrivals")
    answers, reports = [], []
    w = ThematicPanel(doc, History(doc), ask=lambda _panel, _layer: answers.pop(0),
                      report=lambda title, message: reports.append(message))
    qtbot.addWidget(w)
    return w, answers, reports


def circle_ink(doc, where: str) -> bool:
    """Whether the page shows ``where``'s circle in its colour at its centre."""
    image, view, _report = paint(doc, PAGE)
    circles = place_circles(doc)
    if where not in set(circles["where"]):
        return False
    c = circles.set_index("where").loc[where]
    x, y = view.to_px(np.array([[c.x, c.y]]))[0]
    colour = np.array([int(c.colour[i:i + 2], 16) for i in (1, 3, 5)])
    return bool(np.abs(pixels(image)[round(y), round(x)].astype(int) - colour).max() < 60)


def test_a_layer_added_ticked_and_removed_is_drawn_and_undone(panel, qapp):
    w, answers, _ = panel
    doc = w.doc
    answers.append(PlaceFigureLayer("migrants_present", "2024Q4", colour="#7B3294"))
    w.add.click()
    assert w.list.count() == 1 and "Migrants present" in w.list.item(0).text()
    assert circle_ink(doc, "LBY")
    w.list.item(0).setCheckState(Qt.CheckState.Unchecked)  # hidden: gone from the page
    assert not doc.place_layers[0].visible and not circle_ink(doc, "LBY")
    w.history.undo()
    assert doc.place_layers[0].visible and w.list.item(0).checkState() == Qt.CheckState.Checked
    w.list.setCurrentRow(0)
    w.remove.click()
    assert doc.place_layers == ()
    w.history.undo()
    w.history.undo()
    assert doc.place_layers == () and w.list.count() == 0


def test_layers_are_edited_and_moved_in_legend_order(panel):
    w, answers, _ = panel
    doc = w.doc
    answers += [PlaceFigureLayer("stranded", "2024Q4"), PlaceFigureLayer("expulsions", "2024", kind=FLOWS)]
    w.add.click()
    w.add.click()
    assert "EXP-DZ-NE" in set(doc.join().flows["route_id"])  # the flows layer joins the map's flows
    w.list.setCurrentRow(1)
    w.up.click()
    assert [layer.metric for layer in doc.place_layers] == ["expulsions", "stranded"]
    answers.append(PlaceFigureLayer("stranded", "2024Q4", title="People stranded"))
    w.list.setCurrentRow(1)
    w.edit.click()
    assert doc.place_layers[1].title == "People stranded" and "People stranded" in w.list.item(1).text()
    w.history.undo()
    assert doc.place_layers[1].title == ""


def test_a_layer_the_figures_refuse_is_reported_and_changes_nothing(panel):
    w, answers, reports = panel
    answers.append(PlaceFigureLayer("dead_missing", "2024"))  # two sources on the Atlantic, none chosen
    w.add.click()
    assert w.doc.place_layers == () and w.list.count() == 0 and not w.history.can_undo
    assert "ATL has figures from Caminando Fronteras and IOM Missing Migrants Project" in reports[0]


def test_the_form_offers_what_the_figures_hold(qtbot):
    doc = MapDocument.from_files()
    form = ThematicLayerForm(offers(doc), PlaceFigureLayer("dead_missing", "2024", "IOM Missing Migrants Project",
                                                           part_period="2024Q4", scale="dead"))
    qtbot.addWidget(form)
    assert [form.part.itemData(i) for i in range(form.part.count())] == [None, "2024Q4"]
    assert form.layer() == PlaceFigureLayer("dead_missing", "2024", "IOM Missing Migrants Project",
                                            part_period="2024Q4", scale="dead")
    periods = [form.period.itemData(i) for i in range(form.period.count())]
    assert "2024" in periods and "2024Q4" in periods and "2023" not in periods  # no dead and missing for 2023


def test_the_figures_table_names_a_flow_layers_metric_and_keeps_it_out_of_typing(qtbot):
    """The expulsions drawn beside the arrivals were listed among them, typed in as an arrivals figure."""
    from PySide6.QtCore import Qt as QtCore

    from gui.figures_table import FiguresTable

    doc = MapDocument.from_files()
    doc.select("2024", "arrivals")
    doc.place_layers = (PlaceFigureLayer("expulsions", "2024", kind=FLOWS),)
    table = FiguresTable(doc, History(doc))
    qtbot.addWidget(table)
    row = next(i for i, r in enumerate(table.rows) if r.route_id == "EXP-DZ-NE")
    assert table.table.item(row, 1).text() == "≥ 31,404"
    assert "(expulsions)" in table.table.item(row, 3).text()
    assert not table.table.item(row, 1).flags() & QtCore.ItemFlag.ItemIsEditable
    assert table.rows[row].previous is None  # no arrivals figure of 2023 passed off as its previous
    atl = next(i for i, r in enumerate(table.rows) if r.route_id == "ATL")
    assert table.table.item(atl, 1).flags() & QtCore.ItemFlag.ItemIsEditable  # the map's own stay typed in
