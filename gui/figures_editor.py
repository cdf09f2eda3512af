"""Edit figures…: every figure of the table in one grid, to type, paste or add next quarter's figures.

The grid holds text, as a figures file does; Apply checks it with the file reader's rules
(geo.figures_edit) and replaces the document's figures with a new table in one undoable step. A
problem keeps the dialog open with the message, naming the row as the grid numbers it (the row the
figure would have in a figures file, whose header is row 1), and that row selected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from geo.document import MapDocument
from geo.errors import CrossingsError, DataError
from geo.figures_edit import FIRST_ROW, edit_columns, parse_pasted, table_from_rows, table_rows
from geo.history import History
from geo.join import ALL_SOURCES
from geo.periods import parse_period

# Columns the filter box searches.
FILTERED = ("route_id", "period", "metric", "source")
# Cells a new period starts without: they belong to the period copied from (a stated change above all:
# the Atlantic's "+47% on last quarter" copied into 2025Q1 drew a new route as a 47 % rise).
CLEARED = ("value", "qualifier", "date_from", "date_to", "note", "source_ref", "stated_change")


def _ask_text(parent: QWidget, title: str, label: str, text: str) -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


class FiguresEditor(QDialog):
    """The figures as an editable grid; ``apply`` makes them the document's, as one undoable edit.

    ``ask_text(parent, title, label, text)`` asks for the new period's name (replaced in tests).
    """

    def __init__(self, doc: MapDocument, history: History, parent: QWidget | None = None,
                 ask_text: Callable[[QWidget, str, str, str], str | None] | None = None) -> None:
        super().__init__(parent)
        self.doc, self.history = doc, history
        self.ask_text = ask_text or _ask_text
        self.period = doc.period
        """The period being edited: new rows take it; a new one is selected on the map when applied."""
        self.setWindowTitle(self.tr("Edit figures"))
        self.columns = list(edit_columns(doc.flows))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by route, period, metric or source"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setHorizontalHeaderLabels(self.columns)
        self.table.verticalHeader().setToolTip(self.tr("Row in the figures file (row 1 is the header)"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        paste = QAction(self.tr("Paste"), self.table)
        paste.setShortcut(QKeySequence.StandardKey.Paste)
        paste.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.triggered.connect(lambda checked=False: self.paste_text(QGuiApplication.clipboard().text()))
        self.table.addAction(paste)
        self.add_button = QPushButton(self.tr("Add row"), self)
        self.add_button.setToolTip(self.tr("A new figure for the period, metric and source shown on the map"))
        self.delete_button = QPushButton(self.tr("Delete rows"), self)
        self.paste_button = QPushButton(self.tr("Paste"), self)
        self.paste_button.setToolTip(self.tr("Spreadsheet cells: with a header row they are added as new rows; "
                                             "without, they overwrite the cells from the selected one on (Ctrl+V)"))
        self.period_button = QPushButton(self.tr("New period…"), self)
        self.period_button.setToolTip(self.tr("Copy the current period's routes into a new period, with empty figures to fill in"))
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it quotes typed cells
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Apply
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        tools = QHBoxLayout()
        tools.addWidget(self.filter, 1)
        for button in (self.add_button, self.delete_button, self.paste_button, self.period_button):
            tools.addWidget(button)
        box = QVBoxLayout(self)
        box.addLayout(tools)
        box.addWidget(self.table, 1)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        self.filter.textChanged.connect(lambda _: self._filter())
        self.add_button.clicked.connect(lambda: self.add_row())
        self.delete_button.clicked.connect(self.delete_rows)
        self.paste_button.clicked.connect(lambda: self.paste_text(QGuiApplication.clipboard().text()))
        self.period_button.clicked.connect(lambda: self.new_period())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        self._fill(table_rows(doc.flows) if doc.flows is not None else [])
        self.resize(1100, 600)

    # -- the grid ---------------------------------------------------------------------------------
    def rows(self) -> list[dict[str, str]]:
        """Every row of the grid as text, in order (hidden rows too)."""
        return [{c: self._text(i, j) for j, c in enumerate(self.columns)} for i in range(self.table.rowCount())]

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item is not None else ""

    def _fill(self, rows: list[dict[str, str]]) -> None:
        self.table.setRowCount(0)
        self.table.setRowCount(len(rows))
        for i, values in enumerate(rows):
            self._set_row(i, values)
        self._renumber()
        self._filter()

    def _insert(self, values: dict[str, str]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._set_row(row, values)
        self._renumber()
        return row

    def _set_row(self, row: int, values: dict[str, str]) -> None:
        for j, c in enumerate(self.columns):
            item = QTableWidgetItem(values.get(c, ""))
            if c == "value":
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, j, item)

    def _renumber(self) -> None:
        self.table.setVerticalHeaderLabels([str(i + FIRST_ROW) for i in range(self.table.rowCount())])

    def _filter(self) -> None:
        words = self.filter.text().casefold().split()
        cols = [self.columns.index(c) for c in FILTERED]
        for i in range(self.table.rowCount()):
            text = " ".join(self._text(i, j) for j in cols).casefold()
            self.table.setRowHidden(i, not all(w in text for w in words))

    def _show_row(self, row: int, column: str = "route_id") -> None:
        if self.table.isRowHidden(row):
            self.filter.clear()
        self.table.setRowHidden(row, False)
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(self.table.model().index(row, self.columns.index(column)),
                                                    flags.ClearAndSelect | flags.Rows)
        self.table.scrollToItem(self.table.item(row, 0))

    # -- editing ----------------------------------------------------------------------------------
    def add_row(self, values: dict[str, str] | None = None) -> int:
        """A new row at the end, with the period, metric and source being edited; returns its index."""
        source = self.doc.source if self.doc.source not in (None, ALL_SOURCES) else ""
        row = self._insert({"period": self.period or "", "metric": self.doc.metric, "source": source, **(values or {})})
        self._show_row(row)
        return row

    def delete_rows(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self._renumber()

    def set_cell(self, row: int, column: str, text: str) -> None:
        self.table.item(row, self.columns.index(column)).setText(text)

    def paste_text(self, text: str) -> None:
        """Spreadsheet cells: with a header, new rows by column name; without, over the cells from the
        current one on (rows added at the end when needed), or new rows when no cell is current."""
        try:
            header, rows = parse_pasted(text)
        except DataError as exc:
            self.message.setText(str(exc))
            return
        if not rows:
            return
        current = self.table.currentIndex()
        if header is not None or not current.isValid():
            names = header if header is not None else self.columns
            for cells in rows:
                self._insert({n: c for n, c in zip(names, cells, strict=False) if n in self.columns})
            self._show_row(self.table.rowCount() - 1)
            return
        top, left = current.row(), current.column()
        for i, cells in enumerate(rows):
            if top + i >= self.table.rowCount():
                self._insert({})
            for j, text_ in enumerate(cells[: len(self.columns) - left]):
                self.table.item(top + i, left + j).setText(text_.strip())
        self._filter()

    def new_period(self, label: str | None = None) -> str | None:
        """Copy the rows of the period being edited into a new period with empty figures; returns its label."""
        if label is None:
            label = self.ask_text(self, self.tr("New period"),
                                  self.tr("Period to add (e.g. 2025Q1), with the routes of {0}:").format(self.period or ""),
                                  "")
        if not label:
            return None
        try:
            new = parse_period(label).label
        except ValueError as exc:
            self.message.setText(str(exc))
            return None
        rows = self.rows()
        if any(r["period"] == new for r in rows):
            self.message.setText(self.tr("{0} has figures already: they are shown").format(new))
        else:
            seen = set()
            for r in rows:
                key = (r["route_id"], r["metric"], r["source"])
                if r["period"] == self.period and key not in seen:
                    seen.add(key)
                    self._insert({**r, "period": new, **dict.fromkeys(CLEARED, "")})
            self.message.setText(self.tr("{0} added: type its figures").format(new))
        self.period = new
        self.filter.setText(new)
        shown = [i for i in range(self.table.rowCount()) if not self.table.isRowHidden(i)]
        if shown:
            self._show_row(shown[0], "value")
        return new

    # -- applying ---------------------------------------------------------------------------------
    def apply(self) -> bool:
        """Check the grid and make it the document's figures (one undoable edit); False, with the
        problem shown and its row selected, when a row is wrong."""
        try:
            table = table_from_rows(self.rows(), self.doc.flows)
        except DataError as exc:
            self._show_problem(exc)
            return False
        old = self.doc.flows
        columns = [c for c in table.frame.columns if c != "row"]
        if old is not None and list(old.frame.columns) == list(table.frame.columns) and \
                old.frame[columns].reset_index(drop=True).equals(table.frame[columns]):
            self.message.setText(self.tr("No figure changed"))
            return True
        before = {str(p) for p in old.periods()} if old is not None else set()
        new = [str(p) for p in table.periods() if str(p) not in before]
        chosen = self.period if self.period in new else (new[-1] if new else None)

        def action():
            self.doc.set_flows(table)
            if chosen is not None:
                self.doc.select(chosen, keep_if_valid=True)
        try:
            self.history.edit(self.tr("Edit figures"), action)
        except CrossingsError as exc:
            self.message.setText(str(exc))
            return False
        self._fill(table_rows(table))
        self.message.setText(self.tr("Figures applied ({0} rows)").format(len(table.frame)))
        return True

    def _show_problem(self, exc: DataError) -> None:
        lines = getattr(exc, "problems", None) or [str(exc)]
        self.message.setText(str(exc) + ("\n" + "\n".join(lines[1:12]) if len(lines) > 1 else ""))
        rows = getattr(exc, "rows", None)
        if rows and 0 <= rows[0] - FIRST_ROW < self.table.rowCount():
            self._show_row(rows[0] - FIRST_ROW)

    def accept(self) -> None:
        if self.apply():
            super().accept()


def open_figures_editor(doc: MapDocument, history: History, parent: QWidget | None,
                        dialog: FiguresEditor | None = None) -> FiguresEditor:
    """Show the editor window-modal without blocking (``dialog`` injectable for tests); returned."""
    if dialog is None:
        dialog = FiguresEditor(doc, history, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
