"""The figures of the current join as a table, with problems highlighted.

Problems: ids in the figures that no route has, routes without a figure (and empty figures), and
outliers: a figure at least ``OUTLIER_RATIO`` times (or at most 1/ratio of) the previous period's.
``figure_rows`` is plain data, so the checks are tested without a widget.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from geo.document import MapDocument
from geo.errors import CrossingsError
from geo.figures_edit import set_figure, value_text
from geo.history import History
from geo.join import ALL_SOURCES
from geo.periods import parse_period
from gui.figures_editor import open_figures_editor

OUTLIER_RATIO = 3.0
COLOURS = {"unknown": "#f4c7c3", "missing": "#fde7b0", "outlier": "#fff3a3", "sources": "#e3d7f4",
           "total": "#f4c7c3"}
# How the map shows a route's figure (geo.join statuses), in the table's words.
SHOWN_AS = {"drawn": QT_TRANSLATE_NOOP("FiguresTable", "drawn"),
            "total": QT_TRANSLATE_NOOP("FiguresTable", "total label"),
            "contained": QT_TRANSLATE_NOOP("FiguresTable", "outline, part of another"),
            "in_total": QT_TRANSLATE_NOOP("FiguresTable", "in its parent's figure"),
            "in_remainder": QT_TRANSLATE_NOOP("FiguresTable", "in the total's remainder"),
            "shown_by_branches": QT_TRANSLATE_NOOP("FiguresTable", "by its branches"),
            "no_data": QT_TRANSLATE_NOOP("FiguresTable", "no figure"),
            "not_applicable": QT_TRANSLATE_NOOP("FiguresTable", "not applicable")}


@dataclass(frozen=True)
class FigureRow:
    route_id: str
    name: str
    group: str
    value: float | None
    previous: float | None
    source: str
    problem: str | None
    """None, 'unknown', 'missing', 'outlier', 'sources' (sources disagree) or 'total' (parts exceed it)."""
    message: str = ""
    label: str = ""
    """The figure as the map writes it: qualifier and source marker included ('≥ 31,404', '16,109 (a)')."""
    shown: str = ""
    """How the map shows it: a geo.join status."""
    layer_metric: str = ""
    """A thematic flow layer's metric when the figure is that layer's, not the map's own selection."""


def previous_period(doc: MapDocument) -> str | None:
    """The latest period of the same kind (quarter, year...) that ends before the current one starts."""
    if doc.flows is None or doc.period is None:
        return None
    cur = parse_period(doc.period)
    earlier = [p for p in doc.flows.periods() if p.kind == cur.kind and p.end < cur.start]
    return str(earlier[-1]) if earlier else None


def figure_rows(doc: MapDocument) -> list[FigureRow]:
    """One row per route of the routes layer and per unknown id in the figures."""
    if doc.flows is None or doc.layer("routes") is None:
        return []
    join = doc.join()
    routes = doc.layer("routes").data
    figures = join.figures
    own = figures[figures["status"].isin(("drawn", "total", "contained"))].set_index("route_id")
    status = dict(zip(figures["route_id"], figures["status"], strict=True))
    status.update({rid: st for rid, st in zip(own.index, own["status"], strict=True)})
    prev = _previous_values(doc, previous_period(doc), dict(zip(own.index, own["source"], strict=True)))
    empty = {i.route_id for i in join.issues if "figure is empty" in i.message}
    said: dict[str, list[str]] = {}  # every warning the CLI prints, on the routes it names
    for issue in join.issues_at("warning"):
        for rid in issue.route_id.split(", "):
            said.setdefault(rid, []).append(issue.message)
    rows = []
    for r in routes.itertuples():
        fig = own.loc[r.route_id] if r.route_id in own.index else None
        value = None if fig is None or math.isnan(fig["value"]) else float(fig["value"])
        layer_metric = "" if fig is None or fig.get("metric", doc.metric) == doc.metric else str(fig["metric"])
        p = None if layer_metric else prev.get(r.route_id)  # the previous figure is the map's metric's
        problem, message = None, ""
        if layer_metric:  # typed in here it would become the map's metric's figure: edited in the figures editor
            message = f"a thematic layer's figure: {layer_metric}, {fig['period']}; edit it in Edit all figures…"
        if r.route_id in empty:
            problem, message = "missing", "the figure is empty (no data)"
        elif r.route_id in join.no_data:
            problem, message = "missing", "no figure for this selection"
        elif any("sum to" in m for m in said.get(r.route_id, [])):
            problem = "total"
        elif r.route_id in said:
            problem = "sources"
        elif value is not None and p:
            ratio = value / p
            if ratio >= OUTLIER_RATIO or ratio <= 1 / OUTLIER_RATIO:
                problem, message = "outlier", f"{ratio:.1f}× the previous period ({p:,.0f})"
        message = "\n".join([m for m in [message, *said.get(r.route_id, [])] if m])
        rows.append(FigureRow(r.route_id, r.name, r.group, value, p, "" if fig is None else fig["source"], problem,
                              message, "" if fig is None else fig["label"], status.get(r.route_id, ""), layer_metric))
    for issue in join.issues:
        if "not in the routes layer" in issue.message:
            rows.append(FigureRow(issue.route_id, "", "", None, None, "", "unknown", str(issue)))
    return rows


def _previous_values(doc: MapDocument, period: str | None, sources: dict[str, str]) -> dict[str, float]:
    if period is None:
        return {}
    rows = doc.flows.select(period, doc.metric).dropna(subset=["value"])
    out = {}
    for rid, grp in rows.groupby("route_id"):
        same = grp[grp["source"] == sources.get(rid, doc.source)]
        out[rid] = float((same if len(same) else grp)["value"].iloc[0])
    return out


class FiguresTable(QWidget):
    """The table plus a route colour button; selecting a row selects the route for the trend chart."""

    route_selected = Signal(str)
    HEADERS = (QT_TRANSLATE_NOOP("FiguresTable", "Route"), QT_TRANSLATE_NOOP("FiguresTable", "Figure"),
               QT_TRANSLATE_NOOP("FiguresTable", "Previous"), QT_TRANSLATE_NOOP("FiguresTable", "Shown as"),
               QT_TRANSLATE_NOOP("FiguresTable", "Problem"),
               QT_TRANSLATE_NOOP("FiguresTable", "Source"), QT_TRANSLATE_NOOP("FiguresTable", "Name"))
    PROBLEMS = (QT_TRANSLATE_NOOP("FiguresTable", "unknown"), QT_TRANSLATE_NOOP("FiguresTable", "missing"),
                QT_TRANSLATE_NOOP("FiguresTable", "outlier"), QT_TRANSLATE_NOOP("FiguresTable", "sources"),
                QT_TRANSLATE_NOOP("FiguresTable", "total"))

    def __init__(self, doc: MapDocument, history: History, parent: QWidget | None = None,
                 pick_colour: Callable[[QColor, QWidget], QColor | None] | None = None) -> None:
        super().__init__(parent)
        self.doc, self.history = doc, history
        self.pick_colour = pick_colour or _ask_colour
        self.rows: list[FigureRow] = []
        self._filling = False
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # the Figure column is typed in (double-click, F2 or just typing): one undoable edit of the figures
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((86, 78, 66, 120, 66, 150, 220)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.table.setWordWrap(False)
        # read-only rows are walked with the arrow keys; Tab leaves the table (it used to cycle through
        # every cell, so keyboard users could not get past it)
        self.table.setTabKeyNavigation(False)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a file's error message
        self.colour = QPushButton(self.tr("Route colour…"), self)
        self.colour.setToolTip(self.tr("Colour of the selected route's group (e.g. all Central Mediterranean branches)"))
        bottom = QHBoxLayout()
        self.edit_all = QPushButton(self.tr("Edit all figures…"), self)
        self.edit_all.setToolTip(self.tr("Every figure of every period: type, paste or add a period"))
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.edit_all)
        bottom.addWidget(self.colour)
        box = QVBoxLayout(self)
        box.setContentsMargins(2, 2, 2, 2)
        box.addWidget(self.table, 1)
        box.addLayout(bottom)
        self.table.itemSelectionChanged.connect(self._on_select)
        self.colour.clicked.connect(self._choose_colour)
        self.edit_all.clicked.connect(lambda: open_figures_editor(self.doc, self.history, self.window()))
        self.table.itemChanged.connect(self._on_item_changed)
        doc.changed.connect(lambda reason: self.refresh() if reason in ("selection", "layers") else None)
        self.refresh()

    def selected_route(self) -> str | None:
        rows = {i.row() for i in self.table.selectionModel().selectedIndexes()}
        return self.rows[min(rows)].route_id if rows else None

    def select_route(self, route_id: str) -> None:
        for i, row in enumerate(self.rows):
            if row.route_id == route_id:
                flags = QItemSelectionModel.SelectionFlag
                self.table.selectionModel().setCurrentIndex(
                    self.table.model().index(i, 0), flags.ClearAndSelect | flags.Rows)
                return

    def refresh(self) -> None:
        keep = self.selected_route()
        try:
            self.rows = figure_rows(self.doc)
        except CrossingsError as exc:
            self.rows = []
            self.summary.setText(str(exc))
        self._filling = True  # filling is not typing: no edit
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            shown = self.tr(SHOWN_AS.get(row.shown, ""))
            if row.layer_metric:  # a thematic layer's figure says whose: expulsions are no arrivals
                shown = f"{shown} ({row.layer_metric})"
            cells = (row.route_id, row.label or _fmt(row.value), _fmt(row.previous), shown,
                     self.tr(row.problem or ""), row.source, row.name)
            brush = QBrush(QColor(COLOURS[row.problem])) if row.problem else QBrush()
            for j, text in enumerate(cells):
                item = _ValueItem(text, value_text(row.value)) if j == 1 else QTableWidgetItem(text)
                if j != 1 or row.problem == "unknown" or row.layer_metric:  # only the map's own figures are typed in
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setBackground(brush)
                if j in (1, 2):  # figures right-aligned
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row.message:
                    item.setToolTip(row.message)
                self.table.setItem(i, j, item)
        self._filling = False
        n = sum(1 for r in self.rows if r.problem)
        if self.rows:
            self.summary.setText(self.tr("{0} routes, {1} with problems").format(len(self.rows), n))
        if keep:
            self.select_route(keep)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 1 or not 0 <= item.row() < len(self.rows):
            return
        row, text = self.rows[item.row()], item.text().strip()
        if text not in (getattr(item, "raw", None), row.label or _fmt(row.value)):
            # after the editor has let go of the cell: the edit refills the table
            QTimer.singleShot(0, lambda: self.set_value(row.route_id, text))

    def set_value(self, route_id: str, text: str) -> bool:
        """Set the route's figure for the current period, metric and source to ``text`` (checked as a
        figures file's cell; a row is added when the route has none), as one undoable edit."""
        row = next((r for r in self.rows if r.route_id == route_id), None)
        if row is None or self.doc.flows is None or self.doc.period is None:
            return False
        source = row.source or (self.doc.source if self.doc.source not in (None, ALL_SOURCES) else "")
        try:
            table = set_figure(self.doc.flows, route_id, self.doc.period, self.doc.metric, source, text)
            if table.frame.equals(self.doc.flows.frame):
                self.refresh()  # "31,404" for 31404: nothing to undo
                return True
            self.history.edit(self.tr("Figure of {0}").format(route_id), lambda: self.doc.set_flows(table))
        except CrossingsError as exc:
            self.refresh()  # the cell shows the figure again
            self.summary.setText(str(exc))
            return False
        return True

    def _on_select(self) -> None:
        rid = self.selected_route()
        if rid:
            self.route_selected.emit(rid)

    def _choose_colour(self) -> None:
        rid = self.selected_route()
        row = next((r for r in self.rows if r.route_id == rid and r.group), None)
        if row is None:
            return
        colour = self.pick_colour(QColor(self.doc.group_colour(row.group)), self)
        if colour is None:
            return

        def apply():
            self.doc.flow_style.group_colours[row.group] = colour.name()
            self.doc.style_changed()
        self.history.edit(self.tr("Colour of {0}").format(row.group), apply)


class _ValueItem(QTableWidgetItem):
    """A figure cell: shows the map's label ('≥ 31,404'), edits the plain number ('31404')."""

    def __init__(self, label: str, raw: str) -> None:
        super().__init__(label)
        self.raw = raw

    def data(self, role: int):
        if role == Qt.ItemDataRole.EditRole:
            return self.raw
        return super().data(role)


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


def _ask_colour(initial: QColor, parent: QWidget) -> QColor | None:
    colour = QColorDialog.getColor(initial, parent)
    return colour if colour.isValid() else None
