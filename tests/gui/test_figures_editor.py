"""Next quarter's figures entered in the window: the Edit figures dialog, the Figures panel's value cells,
and a figures file opened over loaded figures (add or replace). Every change is one undoable step."""
# ruff: noqa: F811
# Fixtures come from window_support by import, so test arguments "redefine" them.

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from window_support import isolated_settings, prompts, wait_idle, window  # noqa: F401

from geo.history import History
from gui.figures_editor import FiguresEditor
from gui.figures_table import FiguresTable

ADD, REPLACE = "Add to the loaded figures", "Replace the loaded figures"
UNNAMED = "Not named in the update (linked)"


@pytest.fixture
def editor(qtbot, doc):
    history = History(doc)
    dialog = FiguresEditor(doc, history)
    qtbot.addWidget(dialog)
    dialog.history_ = history
    return dialog


def periods(doc) -> list[str]:
    return [str(p) for p in doc.flows.periods()]


def value_of(doc, route: str, period: str, metric: str = "arrivals") -> list[float]:
    rows = doc.flows.select(period, metric)
    return rows.loc[rows["route_id"] == route, "value"].tolist()


# -- the dialog ---------------------------------------------------------------------------------------
def test_a_row_added_for_a_new_quarter_keeps_every_period_and_undoes(editor, doc):
    before, old_periods, old_period = doc.flows, periods(doc), doc.period
    assert editor.table.rowCount() == 47 and editor.table.verticalHeaderItem(0).text() == "2"
    row = editor.add_row()
    assert editor.rows()[row]["period"] == "2024Q4" and editor.rows()[row]["metric"] == "arrivals"
    for column, text in (("route_id", "CMR-LY"), ("period", "2025Q1"), ("value", "8900")):
        editor.set_cell(row, column, text)
    assert editor.apply()
    assert value_of(doc, "CMR-LY", "2025Q1") == [8900.0]
    assert periods(doc) == [*old_periods, "2025Q1"] and doc.period == "2025Q1"  # the new quarter is shown
    assert doc.flows.path is None and editor.history_.undo_label == "Edit figures"
    editor.history_.undo()
    assert doc.flows is before and doc.period == old_period


def test_a_bad_value_keeps_the_dialog_open_naming_and_selecting_its_row(editor, doc, qtbot):
    before = doc.flows
    editor.show()
    editor.filter.setText("ATL")  # the bad row is hidden by the filter: it is shown again
    row = next(i for i, r in enumerate(editor.rows()) if (r["route_id"], r["period"]) == ("CMR-LY", "2024Q4")
               and r["metric"] == "arrivals")
    editor.set_cell(row, "value", "lots")
    editor.buttons.button(editor.buttons.StandardButton.Ok).click()
    assert editor.isVisible() and doc.flows is before and not editor.history_.can_undo
    assert editor.message.text() == f"row {row + 2}: value 'lots' is not a number"
    assert editor.table.currentRow() == row and not editor.table.isRowHidden(row) and editor.filter.text() == ""
    assert {i.row() for i in editor.table.selectedIndexes()} == {row}
    editor.set_cell(row, "value", "11,400")
    editor.buttons.button(editor.buttons.StandardButton.Ok).click()
    assert not editor.isVisible() and value_of(doc, "CMR-LY", "2024Q4") == [11400.0]


def test_new_period_copies_the_routes_with_empty_figures(editor, doc):
    q4 = doc.flows.select("2024Q4", "arrivals")
    editor.ask_text = lambda *args: "Q1 2025"
    assert editor.new_period() == "2025Q1" and editor.filter.text() == "2025Q1"
    new = [r for r in editor.rows() if r["period"] == "2025Q1"]
    assert len(new) == len(doc.flows.frame[doc.flows.frame["period"] == "2024Q4"])
    assert all(r["value"] == r["date_from"] == r["note"] == "" for r in new)
    row = editor.table.currentRow()
    assert editor.rows()[row]["period"] == "2025Q1" and editor.table.currentColumn() == editor.columns.index("value")
    cmr_ly = next(i for i, r in enumerate(editor.rows()) if r["period"] == "2025Q1" and r["route_id"] == "CMR-LY"
                  and r["metric"] == "arrivals")
    editor.set_cell(cmr_ly, "value", "8 900")
    assert editor.apply() and doc.period == "2025Q1"
    assert value_of(doc, "CMR-LY", "2025Q1") == [8900.0]
    assert len(doc.flows.select("2025Q1", "arrivals")) == len(q4)  # the others: no data yet, not zero
    editor.ask_text = lambda *args: "2025Q9"
    assert editor.new_period() is None and "2025Q9" in editor.message.text()


def test_pasted_rows_are_added_or_overwrite_the_selected_cells(editor, doc):
    editor.paste_text("route_id\tperiod\tmetric\tvalue\r\nCMR-LY\t2025Q1\tarrivals\t8,900\r\nCMR-TN\t2025Q1\tarrivals\t2100\r\n")
    assert editor.table.rowCount() == 49 and editor.rows()[-1]["route_id"] == "CMR-TN"
    editor.table.setCurrentCell(48, editor.columns.index("value"))
    editor.paste_text("2200\n")  # no header: over the current cell
    assert editor.rows()[-1]["value"] == "2200" and editor.table.rowCount() == 49
    editor.table.setCurrentCell(48, 0)
    editor.paste_text("CMR-DZ\t2025Q1\tarrivals\t90\nATL\t2025Q1\tarrivals\t4000\n")  # grows at the end
    assert [r["route_id"] for r in editor.rows()[-2:]] == ["CMR-DZ", "ATL"] and editor.rows()[-1]["value"] == "4000"
    assert editor.apply()
    assert value_of(doc, "CMR-DZ", "2025Q1") == [90.0] and value_of(doc, "ATL", "2025Q1") == [4000.0]
    paste = next(a for a in editor.table.actions() if a.shortcut() == QKeySequence(QKeySequence.StandardKey.Paste))
    assert paste.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut


def test_deleted_rows_are_gone_once_applied(editor, doc):
    editor.table.selectRow(0)
    editor.delete_rows()
    assert editor.table.rowCount() == 46 and editor.table.verticalHeaderItem(45).text() == "47"
    assert editor.apply() and len(doc.flows.frame) == 46 and value_of(doc, "ATL", "2024Q4") == []


def test_applying_unchanged_figures_records_nothing(editor, doc):
    before = doc.flows
    assert editor.apply() and doc.flows is before and not editor.history_.can_undo


# -- the Figures panel ----------------------------------------------------------------------------------
def test_typing_a_figure_in_the_panel_is_one_undoable_edit(qtbot, doc):
    history = History(doc)
    panel = FiguresTable(doc, history)
    qtbot.addWidget(panel)
    i = next(n for n, r in enumerate(panel.rows) if r.route_id == "CMR-LY")
    item = panel.table.item(i, 1)
    assert item.flags() & Qt.ItemFlag.ItemIsEditable and not panel.table.item(i, 0).flags() & Qt.ItemFlag.ItemIsEditable
    assert item.data(Qt.ItemDataRole.EditRole) == "11341"  # typed as a number, shown as the map writes it
    item.setText("9,000")
    qtbot.waitUntil(lambda: value_of(doc, "CMR-LY", "2024Q4") == [9000.0], timeout=2000)
    assert history.undo_label == "Figure of CMR-LY" and len(doc.flows.frame) == 47
    assert panel.table.item(i, 1).text() == "9,000"
    assert panel.set_value("ALB", "1200")  # a route without a figure gets a row
    assert value_of(doc, "ALB", "2024Q4") == [1200.0] and len(doc.flows.frame) == 48
    before = doc.flows
    assert not panel.set_value("CMR-LY", "abc")
    assert doc.flows is before and "value 'abc' is not a number" in panel.summary.text()
    history.undo()
    history.undo()
    assert value_of(doc, "CMR-LY", "2024Q4") == [11341.0] and value_of(doc, "ALB", "2024Q4") == []


def test_the_panel_opens_the_editor(qtbot, doc):
    panel = FiguresTable(doc, History(doc))
    qtbot.addWidget(panel)
    panel.edit_all.click()
    dialog = panel.findChild(FiguresEditor)
    assert dialog is not None and dialog.isVisible() and dialog.table.rowCount() == 47
    dialog.reject()


# -- the window -----------------------------------------------------------------------------------------
def test_the_edit_menu_opens_the_editor_without_blocking(window):
    act = window.act_edit_figures
    assert act.shortcut() == QKeySequence("Ctrl+Shift+F")
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert act in edit_menu.actions()
    dialog = window.edit_figures()
    assert isinstance(dialog, FiguresEditor) and dialog.isVisible() and dialog.isModal()
    row = dialog.add_row({"route_id": "CMR-LY", "period": "2025Q1", "value": "8900"})
    assert dialog.rows()[row]["metric"] == "arrivals"
    dialog.accept()
    assert value_of(window.doc, "CMR-LY", "2025Q1") == [8900.0] and window.act_undo.text() == "&Undo Edit figures"


def q1_file(folder) -> tuple:
    """2025Q1 figures, CMR-TN's Q4 figure exactly as loaded, and CMR-LY's Q4 figure revised (a conflict)."""
    rows = [{"route_id": "CMR-LY", "period": "2025Q1", "metric": "arrivals", "value": "8900", "source": "UNHCR"},
            {"route_id": "CMR-TN", "period": "2024Q4", "metric": "arrivals", "value": "3438", "source": UNNAMED,
             "date_from": "2024-09-29", "date_to": "2024-12-29"},
            {"route_id": "CMR-LY", "period": "2024Q4", "metric": "arrivals", "value": "11,400", "source": UNNAMED,
             "date_from": "2024-09-29", "date_to": "2024-12-29"}]
    path = folder / "q1_2025.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["route_id", "period", "metric", "value", "source", "date_from", "date_to"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_opening_figures_can_add_them_to_the_loaded_ones(window, prompts, qtbot, tmp_path):
    before, old_periods = window.doc.flows, periods(window.doc)
    prompts.choice = ADD
    window.files.open_paths([q1_file(tmp_path)])
    wait_idle(qtbot, window)
    assert prompts.choices_offered == [("Figures are loaded already. Add those of q1_2025.csv to them, or replace "
                                        "them?", [ADD, REPLACE])]
    doc = window.doc
    assert periods(doc) == [*old_periods, "2025Q1"] and doc.period == "2025Q1" and not prompts.errors
    assert len(doc.flows.frame) == 49 and value_of(doc, "CMR-LY", "2024Q4") == [11341.0, 11400.0]
    title, message = prompts.infos[-1]
    assert title == "q1_2025.csv added, with conflicts" and message.count("\n") == 2
    assert "CMR-LY 2024Q4 arrivals: 11,341 in mmc_na_2024q4.csv but 11,400 in q1_2025.csv" in message
    window.act_undo.trigger()
    assert window.doc.flows is before


def test_opening_figures_can_replace_them_or_be_cancelled(window, prompts, qtbot, tmp_path):
    before = window.doc.flows
    path = q1_file(tmp_path)
    prompts.figures_choice = None
    window.files.open_paths([path])  # the fake prompts answer None: cancelled
    wait_idle(qtbot, window)
    assert window.doc.flows is before and not window.history.can_undo and not prompts.errors
    prompts.choice = REPLACE
    window.files.open_paths([path])
    wait_idle(qtbot, window)
    assert window.doc.flows.path == path and len(window.doc.flows.frame) == 3
