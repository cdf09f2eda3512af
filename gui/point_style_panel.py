"""The Layers panel's point-layer controls: which column colours (Category), sizes (Size) and names (Label)
the selected point layer's points, and the category palette (geo.point_style).

Each choice is one undoable edit of the layer's style. A choice the data cannot be drawn with (a size
column with text in a cell) is not applied: the box says what is wrong, with the file, row and column,
and the combo goes back to the style in force.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from geo.colours import QUALITATIVE_PALETTES
from geo.errors import DataError
from geo.history import History
from geo.layer import Layer
from geo.point_symbols import check_point_style, point_symbols

ROLES = ("category", "size", "label")


class PointStyleBox(QWidget):
    """Category, Size and Label combo boxes (the layer's columns, or none) and the palette."""

    def __init__(self, doc, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.history, self.layer = doc, history, None
        self.combos = {role: QComboBox(self) for role in ROLES}
        self.palette = QComboBox(self)
        self.palette.addItems(list(QUALITATIVE_PALETTES))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        words = {"category": self.tr("Category"), "size": self.tr("Size"), "label": self.tr("Label")}
        tips = {"category": self.tr("Colour the points by this column: a legend entry per value"),
                "size": self.tr("Size the points by this column of numbers: circle area to scale"),
                "label": self.tr("Name each point with this column's text")}
        for role in ROLES:
            self.combos[role].setToolTip(tips[role])
            form.addRow(words[role], self.combos[role])
            self.combos[role].activated.connect(lambda _i, r=role: self._choose(r))
        form.addRow(self.tr("Palette"), self.palette)
        form.addRow(self.message)
        self.palette.activated.connect(lambda _i: self._choose("palette"))
        self.show_layer(None)

    def show_layer(self, layer: Layer | None) -> None:
        """Show ``layer``'s point style (hidden for any other kind of layer)."""
        self.layer = layer if layer is not None and layer.kind == "points" else None
        self.setVisible(self.layer is not None)
        if self.layer is None:
            return
        style = self.layer.style.points
        data = self.layer.data
        columns = [str(c) for c in data.columns if c != data.geometry.name]
        blockers = [QSignalBlocker(w) for w in (*self.combos.values(), self.palette)]
        for role, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for c in columns:
                combo.addItem(c, c)
            combo.setCurrentIndex(max(0, combo.findData(getattr(style, role))))
        self.palette.setCurrentText(style.palette)
        del blockers
        self.message.setText(point_symbols(self.layer).message or "")

    def _choose(self, role: str) -> None:
        layer = self.layer
        if layer is None:
            return
        value = self.palette.currentText() if role == "palette" else self.combos[role].currentData()
        style = replace(layer.style.points, **{role: value})
        if style == layer.style.points:
            return
        try:
            check_point_style(layer, style)
        except DataError as exc:  # named, and not applied
            self.show_layer(layer)
            self.message.setText(str(exc))
            return

        def apply() -> None:
            layer.style.points = style
            self.doc.style_changed()

        self.history.edit(self.tr("Point style: {0}").format(layer.title), apply)
