"""The Compare dock: one width scale across periods, changes, classed widths, small multiples and
the export extent, each an undoable edit of the document.

Everything the command line can say with ``--scale-value``, ``--compare``, ``--colour-by``,
``--classes`` and ``--periods`` is here. Each control is one ``History.edit`` followed by
``doc.style_changed()``; the panel shows the document again whenever it changes (undo, a project
opened), so it never shows a setting the map does not have. Small multiples are written by the
exporters' own path (``gui.export.write_map_files`` with ``periods``, as ``crossings render
--periods``) on a worker thread, from a copy of the document.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from geo.document import REGIONAL_EXTENT_LONLAT, MapDocument
from geo.errors import CrossingsError
from geo.held_scale import HELD_KINDS
from geo.history import History, clone
from geo.periods import parse_period
from geo.view_extent import set_extent_to_view

_NUMBER = re.compile(r"[+]?\d+(?:\.\d+)?")


def parse_figure(text: str) -> float:
    """'10,000', '10 000', '10_000' or '10000' as 10000.0; ValueError otherwise."""
    cleaned = re.sub(r"[\s,_\u00a0\u202f]", "", text)
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(text)
    return float(cleaned)


def parse_classes(text: str) -> tuple[float, ...]:
    """'1000, 5000, 10000' (commas, semicolons or spaces between limits) as ascending class limits;
    empty for proportional widths. ValueError naming the first limit that is not a number."""
    parts = [p for p in re.split(r"[;,\s]+", text.strip()) if p]
    out = []
    for part in parts:
        try:
            out.append(parse_figure(part.replace("_", "")))
        except ValueError:
            raise ValueError(part) from None
    return tuple(sorted(set(out)))


class ComparePanel(QWidget):
    """Controls bound to ``doc.flow_style`` and ``doc.extent_lonlat`` through ``history``."""

    def __init__(self, doc: MapDocument, history: History, canvas=None, parent: QWidget | None = None,
                 report=None) -> None:
        super().__init__(parent)
        self.doc, self.history, self.canvas = doc, history, canvas
        self.report = report or (lambda title, text: None)
        self.ask_path = self._ask_path
        """Returns the PNG path for small multiples, or None (replaced in tests)."""
        self.runner = None
        self.task = None
        self.written: Path | None = None

        self.hold = QCheckBox(self.tr("Hold the width scale across periods"), self)
        self.hold.setToolTip(self.tr("Fit the widths to the largest figure of every period of the same kind, "
                                     "so a width means the same figure on every quarter's (or year's) map"))
        self.compare = QComboBox(self)
        for text, mode in ((self.tr("No comparison"), None), (self.tr("Previous period"), "previous"),
                           (self.tr("Same period a year earlier"), "year_ago")):
            self.compare.addItem(text, mode)
        self.colour_change = QCheckBox(self.tr("Colour flows by change"), self)
        self.classes = QLineEdit(self)
        self.classes.setPlaceholderText(self.tr("proportional, e.g. 1000, 5000, 10000"))
        self.classes.setToolTip(self.tr("Class limits for classed widths; empty for widths in proportion"))
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("none: fitted to the figures"))
        self.reference.setToolTip(self.tr("The figure drawn at the full width on every map; it overrides the held scale"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.message.hide()

        form = QFormLayout()
        form.addRow(self.hold)
        form.addRow(self.tr("Compare with"), self.compare)
        form.addRow(self.colour_change)
        form.addRow(self.tr("Class limits"), self.classes)
        form.addRow(self.tr("Fixed scale value"), self.reference)

        multiples = QGroupBox(self.tr("Small multiples"), self)
        self.periods = QListWidget(multiples)
        self.periods.setMaximumHeight(110)
        self.export_multiples = QPushButton(self.tr("Export small multiples…"), multiples)
        self.export_multiples.setToolTip(self.tr("The checked periods side by side in one PNG, on one width scale"))
        self.progress = QProgressBar(multiples, minimum=0, maximum=100)
        self.progress.hide()
        box = QVBoxLayout(multiples)
        box.addWidget(self.periods)
        box.addWidget(self.export_multiples)
        box.addWidget(self.progress)

        extent = QGroupBox(self.tr("Export extent"), self)
        self.act_use_view = QAction(self.tr("Use this &view as the export extent"), self)
        self.act_use_view.setObjectName("use_view_extent")
        self.act_use_view.setStatusTip(self.tr("Exports show what the map window shows now"))
        self.act_reset_extent = QAction(self.tr("&Reset export extent"), self)
        self.act_reset_extent.setObjectName("reset_extent")
        self.act_use_view.triggered.connect(lambda checked=False: self.use_view_as_extent())
        self.act_reset_extent.triggered.connect(lambda checked=False: self.reset_extent())
        self.extent_text = QLabel(extent)
        self.extent_text.setWordWrap(True)
        buttons = QHBoxLayout()
        for act in (self.act_use_view, self.act_reset_extent):
            button = QPushButton(act.text().replace("&", ""), extent)
            button.setToolTip(act.statusTip() or act.text().replace("&", ""))
            button.clicked.connect(act.trigger)
            buttons.addWidget(button)
        self.use_view_button, self.reset_extent_button = buttons.itemAt(0).widget(), buttons.itemAt(1).widget()
        ext = QVBoxLayout(extent)
        ext.addWidget(self.extent_text)
        ext.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(multiples)
        layout.addWidget(extent)
        layout.addStretch(1)

        self.hold.toggled.connect(lambda on: self._style(self.tr("Hold the width scale") if on
                                                         else self.tr("Fit widths to each period"), hold_scale=on))
        self.compare.activated.connect(lambda _: self._set_compare(self.compare.currentData()))
        self.colour_change.toggled.connect(
            lambda on: self._style(self.tr("Colour by change") if on else self.tr("Colour by route"),
                                   colour_by="change" if on else "group"))
        self.classes.editingFinished.connect(self._set_classes)
        self.reference.editingFinished.connect(self._set_reference)
        self.export_multiples.clicked.connect(self.start_small_multiples)
        doc.changed.connect(lambda reason: self.sync())
        self.sync()

    def view_actions(self) -> list[QAction]:
        """For the View menu."""
        return [self.act_use_view, self.act_reset_extent]

    # -- showing the document ---------------------------------------------------------------------
    def sync(self) -> None:
        """Show the document's settings (after any change: an edit, undo, a project opened)."""
        st, doc = self.doc.flow_style, self.doc
        blockers = [QSignalBlocker(w) for w in (self.hold, self.compare, self.colour_change, self.classes,
                                                 self.reference, self.periods)]
        self.hold.setChecked(st.hold_scale)
        self.hold.setEnabled(st.reference_value is None)
        self.compare.setCurrentIndex(max(self.compare.findData(st.compare), 0))
        self.colour_change.setChecked(st.colour_by == "change")
        self.colour_change.setEnabled(st.compare is not None or st.colour_by == "change")
        self._show_numbers(typing=True)
        self._fill_periods()
        box = doc.extent_lonlat
        where = "" if box is None else f"lon {box[0]:.2f} to {box[2]:.2f}, lat {box[1]:.2f} to {box[3]:.2f}"
        self.extent_text.setText(self.tr("Exports fit the flows drawn, clear of the title and legend") if box is None else
                                 self.tr("Exports show the regional default: {0}").format(where)
                                 if box == REGIONAL_EXTENT_LONLAT else self.tr("Exports show {0}").format(where))
        del blockers

    def _show_numbers(self, typing: bool = False) -> None:
        """The class limits and the fixed value as the document has them (with ``typing``, not in a
        field holding text typed but not yet taken, or refused: the user is still correcting it)."""
        st = self.doc.flow_style
        if not (typing and self.classes.isModified()):
            self.classes.setText(", ".join(f"{c:g}" for c in st.classes))
        if not (typing and self.reference.isModified()):
            self.reference.setText("" if st.reference_value is None else f"{st.reference_value:g}")

    def _fill_periods(self) -> None:
        """Periods of the selection's kind with the metric, the checks kept across refills."""
        table, doc = self.doc.flows, self.doc
        offered: list[tuple[str, str]] = []
        if table is not None and doc.period is not None:
            kind = parse_period(doc.period).kind
            offered = [(str(p), p.display()) for p in table.periods()
                       if p.kind == kind and doc.metric in table.metrics(str(p))]
        current = [(self.periods.item(i).data(Qt.ItemDataRole.UserRole), self.periods.item(i).text())
                   for i in range(self.periods.count())]
        if current == offered:
            return
        checked = set(self.checked_periods())
        self.periods.clear()
        for label, display in offered:
            item = QListWidgetItem(display, self.periods)
            item.setData(Qt.ItemDataRole.UserRole, label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if label in checked else Qt.CheckState.Unchecked)
        self.export_multiples.setEnabled(len(offered) >= 2 and parse_period(doc.period).kind in HELD_KINDS)

    def checked_periods(self) -> list[str]:
        return [self.periods.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.periods.count())
                if self.periods.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked_periods(self, labels: list[str]) -> None:
        for i in range(self.periods.count()):
            item = self.periods.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in labels
                               else Qt.CheckState.Unchecked)

    # -- edits ------------------------------------------------------------------------------------
    def _style(self, label: str, **changes) -> bool:
        """One undoable step replacing ``changes`` in the flow style (FlowStyle validates them)."""
        def apply():
            self.doc.flow_style = dataclasses.replace(self.doc.flow_style, **changes)
            self.doc.style_changed()
        try:
            self.history.edit(label, apply)
        except (ValueError, CrossingsError) as exc:
            self._say(str(exc))
            self.sync()
            return False
        self._say("")
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _set_compare(self, mode: str | None) -> None:
        changes = {"compare": mode}
        if mode is None and self.doc.flow_style.colour_by == "change":
            changes["colour_by"] = "group"  # change colours with nothing to compare would all be grey
        self._style(self.tr("Compare with the previous period") if mode == "previous" else
                    self.tr("Compare with a year earlier") if mode == "year_ago" else self.tr("No comparison"),
                    **changes)

    def _set_classes(self) -> None:
        text = self.classes.text()
        try:
            limits = parse_classes(text)
        except ValueError as exc:
            self._say(self.tr("Class limits: {0!r} is not a number; write limits such as 1000, 5000, 10000")
                      .format(str(exc)))
            return
        if limits != tuple(self.doc.flow_style.classes):
            if self._style(self.tr("Classed widths") if limits else self.tr("Proportional widths"), classes=limits):
                self._show_numbers()
        else:
            self._say("")

    def _set_reference(self) -> None:
        text = self.reference.text().strip()
        try:
            value = parse_figure(text) if text else None
        except ValueError:
            self._say(self.tr("Fixed scale value: {0!r} is not a number; leave it empty to fit the widths")
                      .format(text))
            return
        if value != self.doc.flow_style.reference_value:
            if self._style(self.tr("Fixed scale value") if value is not None else self.tr("Scale fitted to the figures"),
                           reference_value=value):
                self._show_numbers()
        else:
            self._say("")

    def use_view_as_extent(self) -> None:
        """Exports show the canvas's view: its projected box as a lon/lat box that covers it."""
        if self.canvas is None:
            return
        extent = tuple(self.canvas.view.extent)

        def apply():
            set_extent_to_view(self.doc, extent)
            self.doc.invalidate("page")
        self.history.edit(self.tr("Use this view as the export extent"), apply)

    def reset_extent(self) -> None:
        """Exports fit what each map draws again (``geo.extent_fit``)."""
        def apply():
            self.doc.extent_lonlat = None
            self.doc.invalidate("page")
        self.history.edit(self.tr("Reset export extent"), apply)

    # -- small multiples --------------------------------------------------------------------------
    def _ask_path(self, suggestion: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export small multiples"), suggestion,
                                              self.tr("PNG image (*.png)"))
        if path and not path.lower().endswith(".png"):
            path += ".png"
        return path or None

    def start_small_multiples(self) -> None:
        """Write the checked periods side by side on one width scale, off the UI thread."""
        from gui.export import write_map_files
        from gui.workers import TaskRunner

        periods = self.checked_periods()
        if len(periods) < 2:
            self.report(self.tr("Small multiples"), self.tr("Check at least two periods to compare"))
            return
        if self.runner is not None and self.runner.busy:
            return
        name = f"crossings_{'-'.join(periods)}_{self.doc.metric}.png"
        path = self.ask_path(str(Path.home() / re.sub(r"[^\w.-]+", "-", name)))
        if not path:
            return
        work = clone(self.doc, caches_from=self.doc)  # the worker reads a copy, never the live document
        page = work.page
        self.runner = self.runner or TaskRunner(self, threads=1)
        self.progress.setValue(0)
        self.progress.show()
        self.export_multiples.setEnabled(False)
        self.task = self.runner.start(
            lambda progress, cancelled: write_map_files(work, page, {"png": Path(path)}, periods=tuple(periods),
                                                        progress=progress, cancelled=cancelled),
            on_done=self._multiples_done, on_failed=self._multiples_failed,
            on_progress=lambda fraction, text: self.progress.setValue(round(fraction * 100)))

    def _multiples_done(self, written) -> None:
        self.written = Path(written[0]) if written else None
        self.progress.setValue(100)
        self.progress.hide()
        self.export_multiples.setEnabled(True)
        self._say("")

    def _multiples_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.export_multiples.setEnabled(True)
        self.report(self.tr("Small multiples"), str(exc))
