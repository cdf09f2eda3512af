"""The thematic layers panel: the map's circle and flow layers in legend order, each ticked to show it,
added, edited, moved and removed as undoable steps.

The panel only turns clicks into a new tuple of layers (geo.thematic_layers) and hands it to the
history; a layer the figures cannot draw honestly is refused there, and its reason shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from geo.errors import CrossingsError
from geo.history import History
from geo.place_figures import PlaceFigureLayer
from geo.thematic_layers import describe, moved, offers, removed, replaced, set_layers, shown


def ask_layer(panel: QWidget, layer: PlaceFigureLayer | None) -> PlaceFigureLayer | None:
    """The form, filled with ``layer`` (None: a new one); the layer described, or None if cancelled."""
    from geo.map_language import map_language
    from gui.dialogs.thematic_layer_form import ThematicLayerForm

    form = ThematicLayerForm(offers(panel.doc), layer, panel, map_language(panel.doc).period)
    return form.layer(layer.visible if layer else True) if form.exec() else None


class ThematicPanel(QWidget):
    """The map's thematic layers; ``ask`` shows the form, ``report`` an edit the figures refuse."""

    def __init__(self, doc, history: History, parent: QWidget | None = None,
                 ask: Callable = ask_layer, report: Callable[[str, str], None] | None = None) -> None:
        super().__init__(parent)
        self.doc, self.history, self.ask = doc, history, ask
        self.report = report or (lambda title, message: None)
        self.list = QListWidget(self)
        self.list.setToolTip(self.tr("Circle and flow layers drawn over the map, in legend order; tick to show"))
        self.add, self.edit = QPushButton(self.tr("Add…"), self), QPushButton(self.tr("Edit…"), self)
        self.up, self.down = QPushButton(self.tr("Up"), self), QPushButton(self.tr("Down"), self)
        self.remove = QPushButton(self.tr("Remove"), self)
        buttons = QHBoxLayout()
        for b in (self.add, self.edit, self.up, self.down, self.remove):
            buttons.addWidget(b)
        box = QVBoxLayout(self)
        box.addWidget(self.list, 1)
        box.addLayout(buttons)
        self.add.clicked.connect(self._add)
        self.edit.clicked.connect(self._edit)
        self.list.itemDoubleClicked.connect(lambda _: self._edit())
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.remove.clicked.connect(self._remove)
        self.list.itemChanged.connect(self._ticked)
        self.list.currentRowChanged.connect(lambda _: self._enable())
        doc.changed.connect(lambda reason: self.sync())
        self.sync()

    def sync(self) -> None:
        """Re-read the document's layers (under a signal blocker: nothing echoes back)."""
        row = self.list.currentRow()
        with QSignalBlocker(self.list):
            self.list.clear()
            for layer in self.doc.place_layers:
                item = QListWidgetItem(describe(self.doc, layer), self.list)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._enable()

    def _enable(self) -> None:
        row, n = self.list.currentRow(), self.list.count()
        for button, on in ((self.edit, row >= 0), (self.remove, row >= 0), (self.up, row > 0),
                           (self.down, 0 <= row < n - 1)):
            button.setEnabled(on)

    def _apply(self, label: str, layers: tuple, row: int | None = None) -> bool:
        try:
            self.history.edit(label, lambda: set_layers(self.doc, layers))
        except CrossingsError as exc:
            self.report(self.tr("Thematic layer"), str(exc))
            self.sync()  # a refused tick is unticked again
            return False
        if row is not None:
            self.list.setCurrentRow(row)
        return True

    def _add(self) -> None:
        layer = self.ask(self, None)
        if layer is not None:
            self._apply(self.tr("Add thematic layer"), (*self.doc.place_layers, layer), len(self.doc.place_layers))

    def _edit(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        layer = self.ask(self, self.doc.place_layers[row])
        if layer is not None:
            self._apply(self.tr("Edit thematic layer"), replaced(self.doc.place_layers, row, layer), row)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self._apply(self.tr("Move thematic layer"), moved(self.doc.place_layers, row, step), row + step)

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self._apply(self.tr("Remove thematic layer"), removed(self.doc.place_layers, row))

    def _ticked(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        visible = item.checkState() == Qt.CheckState.Checked
        layers = self.doc.place_layers
        if 0 <= row < len(layers) and layers[row].visible != visible:
            label = self.tr("Show thematic layer") if visible else self.tr("Hide thematic layer")
            self._apply(label, replaced(layers, row, shown(layers[row], visible)), row)
