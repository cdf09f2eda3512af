"""Layer panel (drag to reorder, opacity, width, labels), figures checks and the trend chart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from window_support import two_quarter_figures

from geo.flow_table import read_flow_table
from geo.history import History
from gui.figures_table import FiguresTable, figure_rows, previous_period
from gui.layer_panel import LayerPanel
from gui.trend_chart import TrendChart, trend_series


@pytest.fixture
def two_quarters(doc, tmp_path):
    doc.set_flows(read_flow_table(two_quarter_figures(tmp_path)))
    return doc


def test_drag_reorders_layers_and_undo_restores(qtbot, doc):
    history = History(doc)
    panel = LayerPanel(doc, history)
    qtbot.addWidget(panel)
    model = panel.model
    assert [model.layer_at(r).kind for r in range(3)] == ["places", "routes", "boundaries"]
    mime = model.mimeData([model.index(2)])  # drag Countries to the top
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert [lyr.kind for lyr in doc.layers] == ["routes", "places", "boundaries"]
    assert model.layer_at(0).kind == "boundaries"
    history.undo()
    assert [lyr.kind for lyr in doc.layers] == ["boundaries", "routes", "places"]


def test_style_controls_edit_the_selected_layer(qtbot, doc):
    history = History(doc)
    panel = LayerPanel(doc, history)
    qtbot.addWidget(panel)
    panel.select_layer(doc.layer("boundaries"))
    panel.opacity.setValue(40)
    panel.width.setValue(1.5)
    panel.labels.setChecked(False)
    style = doc.layer("boundaries").style
    assert (style.opacity, style.stroke_width_mm, style.labels) == (0.4, 1.5, False)
    panel.pick_colour = lambda c, w: QColor("#aabbcc")
    panel.colour.click()
    assert doc.theme.land == "#aabbcc"
    panel.select_layer(doc.layer("routes"))
    assert not panel.colour.isEnabled()
    panel.width.setValue(10.0)
    assert doc.flow_style.max_width_mm == 10.0
    for _ in range(5):
        history.undo()
    style = doc.layer("boundaries").style  # undo restores a copy of the old style
    assert (style.opacity, style.stroke_width_mm, style.labels, doc.theme.land) == (1.0, 0.25, True, "#f1eee8")
    assert doc.flow_style.max_width_mm == 7.5


def test_problems_unknown_missing_and_outlier(two_quarters):
    doc = two_quarters
    assert previous_period(doc) == "2024Q3"
    rows = {r.route_id: r for r in figure_rows(doc)}
    assert rows["ATL"].problem == "outlier" and "4.0×" in rows["ATL"].message
    assert rows["WMR"].problem is None and rows["WMR"].previous == pytest.approx(5128 / 1.2, abs=1)
    assert rows["NOWHERE"].problem == "unknown"
    # no Q4 figure of its own, but inside the WMR's (Spain less the Canaries): part of it, not missing
    assert rows["ALB"].problem is None and rows["ALB"].shown == "in_total"


def test_table_highlights_problem_rows(qtbot, two_quarters):
    table = FiguresTable(two_quarters, History(two_quarters))
    qtbot.addWidget(table)
    colours = {table.table.item(i, 0).text(): table.table.item(i, 0).background().color().name()
               for i in range(table.table.rowCount())}
    assert colours["ATL"] == "#fff3a3" and colours["NOWHERE"] == "#f4c7c3"
    assert colours["WMR"] != "#fff3a3"
    with qtbot.waitSignal(table.route_selected) as sig:
        table.select_route("WMR")
    assert sig.args == ["WMR"]


def test_trend_chart_draws_the_route_across_quarters(qtbot, two_quarters):
    doc = two_quarters
    assert trend_series(doc, "ATL") == [("2024Q3", "Q3 2024", pytest.approx(16109 / 4, abs=1)),
                                        ("2024Q4", "Q4 2024", 16109.0)]
    chart = TrendChart(doc)
    qtbot.addWidget(chart)
    chart.resize(320, 160)
    blank = chart.grab().toImage()
    chart.set_route("ATL")
    image = chart.grab().toImage()
    blue = sum(1 for x in range(320) for y in range(160) if image.pixelColor(x, y).name() == "#0072b2")
    assert blue > 30 and image != blank


def test_table_shows_qualifiers_how_figures_are_shown_and_every_source_disagreement(qtbot, doc):
    """The app says what the CLI says: competing sources, and what each route's figure is on the map."""
    doc.select("2024", "dead_missing")
    table = FiguresTable(doc, History(doc))
    qtbot.addWidget(table)
    cells = {table.table.item(i, 0).text(): [table.table.item(i, j).text() for j in range(table.table.columnCount())]
             for i in range(table.table.rowCount())}
    assert cells["CMR"][1] == "≥ 1,659" and cells["CMR"][3] == "drawn"
    rows = {r.route_id: r for r in figure_rows(doc)}
    assert rows["ALB"].problem == "missing" and rows["ALB"].shown == "no_data"  # only Caminando Fronteras has it
    assert table.table.item(list(cells).index("ALB"), 0).background().color().name() == "#fde7b0"
    for rid in ("ATL", "WMR"):  # IOM drawn; Caminando Fronteras reports these too, on another method
        assert rows[rid].problem == "sources" and "Caminando Fronteras" in rows[rid].message
        assert table.table.item(list(cells).index(rid), 0).toolTip() == rows[rid].message
    doc.select("2024", "arrivals")
    rows = {r.route_id: r for r in figure_rows(doc)}
    assert rows["ATL"].problem == "sources" and "46,843" in rows["ATL"].message
    assert rows["CMR"].shown == "total" and rows["ALB"].shown == "contained" and rows["ALB"].label == "~6,000"
    assert rows["WMR"].problem == "total" and "17,078" in rows["WMR"].message
    assert rows["EXP-DZ-NE"].shown == "not_applicable"


def test_source_selector_offers_one_source_per_scale_and_all_sources_marked(qtbot, doc):
    from geo.history import History as _History
    from geo.join import ALL_SOURCES
    from gui.selection_bar import SelectionBar

    doc.select("2024", "dead_missing")
    bar = SelectionBar(doc, _History(doc))
    qtbot.addWidget(bar)
    items = [(bar.source.itemText(i), bar.source.itemData(i)) for i in range(bar.source.count())]
    assert items[:2] == [("One source per scale", None), ("All sources, marked", ALL_SOURCES)]
    bar.source.setCurrentIndex(1)
    bar.source.activated.emit(1)
    assert doc.source == ALL_SOURCES and doc.join().markers
