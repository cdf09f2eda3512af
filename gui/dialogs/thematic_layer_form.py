"""The thematic layer form: what a layer selects (metric, period, part period, source), how it is drawn
(circles or flows, its circle scale and colour) and its legend title.

The form offers only what the figures hold (``geo.thematic_layers.offers``) and returns a plain
``PlaceFigureLayer``; whether the map can draw it honestly is decided by ``geo.thematic_layers.set_layers``.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from geo.place_figures import CIRCLES, FLOWS, PlaceFigureLayer
from geo.thematic_layers import Offer


class ThematicLayerForm(QDialog):
    """Fields of a new thematic layer (``layer`` None) or of an existing one."""

    def __init__(self, offers: list[Offer], layer: PlaceFigureLayer | None, parent: QWidget | None = None,
                 period_text=str) -> None:
        super().__init__(parent)
        self._period_text = period_text  # 'July 2024' for 2024-07, in the map's language
        self.setWindowTitle(self.tr("Thematic layer") if layer else self.tr("New thematic layer"))
        self._offers = offers
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Circles (at places, in countries, on routes)"), CIRCLES)
        self.kind.addItem(self.tr("Flows (bands along routes, beside the map's)"), FLOWS)
        self.metric = QComboBox(self)
        for metric in dict.fromkeys(o.metric for o in offers):
            self.metric.addItem(metric, metric)
        self.period, self.part, self.source = QComboBox(self), QComboBox(self), QComboBox(self)
        self.scale = QLineEdit(self)
        self.scale.setPlaceholderText(self.tr("empty: the map's circle scale; a name: a scale of its own"))
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("empty: the metric's name (and source)"))
        self.colour = QPushButton(self.tr("Palette colour"), self)
        self._colour = ""
        form = QFormLayout(self)
        for label, widget in ((self.tr("Drawn as"), self.kind), (self.tr("Metric"), self.metric),
                              (self.tr("Period"), self.period), (self.tr("Also print"), self.part),
                              (self.tr("Source"), self.source), (self.tr("Circle scale"), self.scale),
                              (self.tr("Colour"), self.colour), (self.tr("Legend title"), self.title)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.metric.currentIndexChanged.connect(lambda _: self._fill_periods())
        self.period.currentIndexChanged.connect(lambda _: self._fill_parts())
        self.colour.clicked.connect(self._pick_colour)
        self._fill_periods()
        if layer is not None:
            self.set_layer(layer)

    def set_layer(self, layer: PlaceFigureLayer) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(layer.kind)))
        self.metric.setCurrentIndex(max(0, self.metric.findData(layer.metric)))
        self.period.setCurrentIndex(max(0, self.period.findData(layer.period)))
        self.part.setCurrentIndex(max(0, self.part.findData(layer.part_period)))
        self.source.setCurrentIndex(max(0, self.source.findData(layer.source)))
        self.scale.setText(layer.scale)
        self.title.setText(layer.title)
        self._set_colour(layer.colour)

    def layer(self, visible: bool = True) -> PlaceFigureLayer:
        """The layer the fields describe."""
        return PlaceFigureLayer(self.metric.currentData() or "", self.period.currentData(), self.source.currentData(),
                                self.title.text().strip(), visible, self.part.currentData(), self._colour,
                                self.kind.currentData(), self.scale.text().strip())

    def _offer(self) -> Offer | None:
        return next((o for o in self._offers if o.metric == self.metric.currentData()
                     and o.period == self.period.currentData()), None)

    def _fill_periods(self) -> None:
        self.period.clear()
        self.period.addItem(self.tr("the map's period"), None)
        for o in self._offers:
            if o.metric == self.metric.currentData():
                self.period.addItem(self._period_text(o.period), o.period)
        self._fill_parts()

    def _fill_parts(self) -> None:
        offer = self._offer()
        self.part.clear()
        self.part.addItem(self.tr("nothing more"), None)
        self.source.clear()
        self.source.addItem(self.tr("any (one per route or place)"), None)
        if offer is not None:
            for part in offer.parts:
                self.part.addItem(self.tr("of which {period}").format(period=self._period_text(part)), part)
            for source in offer.sources:
                self.source.addItem(source, source)

    def _pick_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._colour or "#7b3294"), self, self.tr("Circle colour"))
        if chosen.isValid():
            self._set_colour(chosen.name())

    def _set_colour(self, colour: str) -> None:
        self._colour = colour
        self.colour.setText(colour or self.tr("Palette colour"))
        self.colour.setStyleSheet(f"background: {colour};" if colour else "")
