"""The layer panel: visibility, drag to reorder, opacity, colour, width scale and labels.

Every control edits the document through the undo history; the panel re-reads the document when
it changes (under QSignalBlocker, so nothing echoes back).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QListView,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from geo.document import Layer, MapDocument
from geo.history import History
from gui.layer_list_model import LayerListModel
from gui.point_style_panel import PointStyleBox


class LayerPanel(QWidget):
    """A list of layers and the style of the selected one."""

    zoom_to_layer = Signal(object)

    def __init__(self, doc: MapDocument, history: History, parent: QWidget | None = None,
                 pick_colour: Callable[[QColor, QWidget], QColor | None] | None = None) -> None:
        super().__init__(parent)
        self.doc, self.history = doc, history
        self.pick_colour = pick_colour or _ask_colour
        self.model = LayerListModel(doc, history, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setToolTip(self.tr("Tick to show a layer; drag to change the drawing order (top is drawn last)"))
        self.opacity = QSlider(Qt.Orientation.Horizontal, self, minimum=0, maximum=100, tracking=False)
        self.opacity.setToolTip(self.tr("Opacity of the selected layer"))
        self.colour = QPushButton(self.tr("Colour…"), self)
        self.width = QDoubleSpinBox(self, minimum=0.05, maximum=30.0, singleStep=0.25, decimals=2, suffix=" mm")
        self.width.setKeyboardTracking(False)
        self.labels = QCheckBox(self.tr("Labels"), self)
        self.labels.setToolTip(self.tr("Show the layer's labels (place names, country names, flow values)"))
        self.zoom = QPushButton(self.tr("Zoom to layer"), self)
        form = QFormLayout()
        form.addRow(self.tr("Opacity"), self.opacity)
        form.addRow(self.tr("Width"), self.width)
        buttons = QHBoxLayout()
        for w in (self.colour, self.labels, self.zoom):
            buttons.addWidget(w)
        box = QVBoxLayout(self)
        box.addWidget(self.list, 1)
        box.addLayout(form)
        self.points = PointStyleBox(doc, history, self)  # a point layer's category, size and label columns
        box.addWidget(self.points)
        box.addLayout(buttons)

        self.list.selectionModel().currentChanged.connect(lambda *_: self.sync())
        self.opacity.valueChanged.connect(lambda v: self._edit(self.tr("Opacity"), opacity=v / 100))
        self.labels.toggled.connect(lambda on: self._edit(self.tr("Labels"), labels=on))
        self.width.valueChanged.connect(self._set_width)
        self.colour.clicked.connect(self._choose_colour)
        self.zoom.clicked.connect(lambda: self.current() and self.zoom_to_layer.emit(self.current()))
        doc.changed.connect(lambda reason: self.sync())
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        self.sync()

    def current(self) -> Layer | None:
        return self.model.layer_at(self.list.currentIndex().row())

    def select_layer(self, layer: Layer) -> None:
        self.list.setCurrentIndex(self.model.index(self.model.row_of(layer)))

    def sync(self) -> None:
        """Show the selected layer's style."""
        layer = self.current()
        if layer is None and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))  # calls sync again through currentChanged
            return
        for w in (self.opacity, self.colour, self.width, self.labels, self.zoom):
            w.setEnabled(layer is not None)
        self.points.show_layer(layer)
        if layer is None:
            return
        blockers = [QSignalBlocker(w) for w in (self.opacity, self.width, self.labels)]
        self.opacity.setValue(round(layer.style.opacity * 100))
        self.labels.setChecked(layer.style.labels)
        routes = layer.kind == "routes"
        self.width.setValue(self.doc.flow_style.max_width_mm if routes else layer.style.stroke_width_mm)
        self.width.setToolTip(self.tr("Width of the largest flow on paper") if routes
                              else self.tr("Width of the outlines on paper"))
        self.colour.setEnabled(layer.kind == "boundaries")
        self.colour.setToolTip(self.tr("Land colour") if layer.kind == "boundaries"
                               else self.tr("Colour routes by group in the Figures panel"))
        del blockers

    def _edit(self, label: str, **changes) -> None:
        layer = self.current()
        if layer is not None:
            self.history.edit(f"{label}: {layer.title}", lambda: self.model.set_style(layer, **changes))

    def _set_width(self, mm: float) -> None:
        layer = self.current()
        if layer is None:
            return
        if layer.kind == "routes":
            def apply():
                self.doc.flow_style.max_width_mm = mm
                self.doc.style_changed()
            self.history.edit(self.tr("Flow width"), apply)
        else:
            self._edit(self.tr("Width"), stroke_width_mm=mm)

    def _choose_colour(self) -> None:
        colour = self.pick_colour(QColor(self.doc.theme.land), self)
        if colour is None:
            return

        def apply():
            self.doc.theme.land = colour.name()
            self.doc.style_changed()
        self.history.edit(self.tr("Land colour"), apply)


def _ask_colour(initial: QColor, parent: QWidget) -> QColor | None:
    colour = QColorDialog.getColor(initial, parent)
    return colour if colour.isValid() else None
