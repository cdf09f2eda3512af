"""The route form: a route's id, name, group, parent, mode, origin, destination and own colour.

The form only collects text; ``geo.route_edit.check_fields`` decides what is valid, and the window
shows its message if not (so a typed route and a drawn one are refused alike).
"""

from __future__ import annotations

import geopandas as gpd
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from geo.metrics import ROUTE_MODES
from geo.route_edit import RouteFields


class RouteForm(QDialog):
    """Fields of a new route (``fields`` None) or of an existing one."""

    def __init__(self, routes: gpd.GeoDataFrame, fields: RouteFields | None, colour: str | None,
                 group_colour, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Route properties") if fields else self.tr("New route"))
        self._group_colour = group_colour
        f = fields or RouteFields("")
        form = QFormLayout(self)
        self.route_id = QLineEdit(f.route_id, self)
        self.route_id.setPlaceholderText(self.tr("e.g. CMR-TOBRUK (as the figures file names it)"))
        self.name = QLineEdit(f.name, self)
        self.name.setPlaceholderText(self.tr("e.g. Central Mediterranean route: Tobruk to Crete"))
        self.group = QComboBox(self, editable=True)
        self.group.addItems(sorted({str(g) for g in routes["group"]}) if len(routes) else [])
        self.group.setCurrentText(f.group)
        self.parent_id = QComboBox(self)
        self.parent_id.addItem(self.tr("(none: a main route)"), "")
        for rid in routes["route_id"]:
            if rid != f.route_id:
                self.parent_id.addItem(str(rid), str(rid))
        self.parent_id.setCurrentIndex(max(0, self.parent_id.findData(f.parent)))
        self.mode = QComboBox(self)
        self.mode.addItems(list(ROUTE_MODES))
        self.mode.setCurrentText(f.mode or "sea")
        self.origin = QLineEdit(f.origin, self)
        self.dest = QLineEdit(f.dest, self)
        self.own_colour = QCheckBox(self.tr("Own colour (else the group's)"), self)
        self.colour = QPushButton(self)
        self._colour = colour or group_colour(f.group or "")
        self.own_colour.setChecked(colour is not None)
        self.colour.clicked.connect(self._pick_colour)
        self.own_colour.toggled.connect(lambda _: self._show_colour())
        self._show_colour()
        for label, widget in ((self.tr("Route id"), self.route_id), (self.tr("Name"), self.name),
                              (self.tr("Group"), self.group), (self.tr("Branch of"), self.parent_id),
                              (self.tr("Mode"), self.mode), (self.tr("Origin"), self.origin),
                              (self.tr("Destination"), self.dest), ("", self.own_colour), (self.tr("Colour"), self.colour)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, self.sizeHint().height())

    def values(self) -> tuple[RouteFields, str | None]:
        fields = RouteFields(self.route_id.text(), self.name.text(), self.group.currentText(),
                             self.parent_id.currentData() or "", self.mode.currentText(), self.origin.text(),
                             self.dest.text())
        return fields, (self._colour if self.own_colour.isChecked() else None)

    def _pick_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._colour), self, self.tr("Route colour"))
        if chosen.isValid():
            self._colour = chosen.name()
            self.own_colour.setChecked(True)
            self._show_colour()

    def _show_colour(self) -> None:
        colour = self._colour if self.own_colour.isChecked() else self._group_colour(self.group.currentText())
        self.colour.setText(colour)
        self.colour.setStyleSheet(f"background: {QColor(colour).name()}; color: "
                                  f"{'#000000' if QColor(colour).lightness() > 140 else '#ffffff'}")
