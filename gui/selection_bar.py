"""Period, metric and source selectors, filled from the figures (never from a fixed list)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from geo.document import MapDocument
from geo.errors import CrossingsError
from geo.history import History
from geo.join import ALL_SOURCES
from geo.periods import parse_period

METRIC_LABELS = {"arrivals": QT_TRANSLATE_NOOP("SelectionBar", "Arrivals"),
                 "dead_missing": QT_TRANSLATE_NOOP("SelectionBar", "Dead and missing"),
                 "interceptions": QT_TRANSLATE_NOOP("SelectionBar", "Interceptions"),
                 "expulsions": QT_TRANSLATE_NOOP("SelectionBar", "Expulsions"),
                 "rescues": QT_TRANSLATE_NOOP("SelectionBar", "Rescues")}


class SelectionBar(QWidget):
    """Three combo boxes; choosing one is an undoable ``doc.select`` step."""

    def __init__(self, doc: MapDocument, history: History, parent: QWidget | None = None, report=None) -> None:
        super().__init__(parent)
        self.doc, self.history = doc, history
        self.report = report or (lambda title, text: None)
        self.period, self.metric, self.source = QComboBox(self), QComboBox(self), QComboBox(self)
        self.language = QComboBox(self)
        for code, name in (("en", "English"), ("fr", "Français"), ("ar", "العربية")):
            self.language.addItem(name, code)
        self.language.setToolTip(self.tr("The map's language: its names, title, legend, sources, dates and numbers"))
        self.period.setToolTip(self.tr("Period of the figures (Ctrl+PgUp / Ctrl+PgDown: previous / next)"))
        self.metric.setToolTip(self.tr("What the flows measure"))
        self.source.setToolTip(self.tr("Whose figures to draw. 'One source per scale' never mixes sources that both "
                                       "report a route (their methods differ); 'All sources, marked' draws every "
                                       "route's best figure and marks those of other sources"))
        self.source.setMinimumContentsLength(14)
        for combo in (self.period, self.metric, self.source):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        for label, combo in ((self.tr("Period"), self.period), (self.tr("Metric"), self.metric),
                             (self.tr("Source"), self.source), (self.tr("Map language"), self.language)):
            row.addWidget(QLabel(label, self))
            row.addWidget(combo)
        self.period.activated.connect(lambda _: self._choose(self.tr("Change period")))
        self.metric.activated.connect(lambda _: self._choose(self.tr("Change metric")))
        self.source.activated.connect(lambda _: self._choose(self.tr("Change source")))
        self.language.activated.connect(lambda _: self.set_label_language(self.language.currentData()))
        doc.changed.connect(lambda reason: self.sync() if reason in ("selection", "layers", "style") else None)
        self.sync()

    def sync(self) -> None:
        """Refill the lists from the figures and show the document's selection."""
        table, doc = self.doc.flows, self.doc
        blockers = [QSignalBlocker(c) for c in (self.period, self.metric, self.source, self.language)]
        for combo in (self.period, self.metric, self.source):
            combo.clear()
            combo.setEnabled(table is not None)
        if table is not None and doc.period is not None:
            for p in reversed(table.periods()):
                self.period.addItem(p.display(), str(p))
            for m in table.metrics(doc.period):
                self.metric.addItem(self.tr(METRIC_LABELS.get(m, m.replace("_", " ").capitalize())), m)
            self.source.addItem(self.tr("One source per scale"), None)
            self.source.addItem(self.tr("All sources, marked"), ALL_SOURCES)
            for s in table.sources(doc.period, doc.metric):
                self.source.addItem(s, s)
            self.period.setCurrentIndex(self.period.findData(doc.period))
            self.metric.setCurrentIndex(self.metric.findData(doc.metric))
            self.source.setCurrentIndex(max(self.source.findData(doc.source), 0) if doc.source else 0)
        self.language.setCurrentIndex(max(self.language.findData(getattr(doc, "label_language", "en")), 0))
        del blockers

    def set_label_language(self, code: str) -> None:
        """The map in English, French or Arabic: every word and number it prints (an undoable step)."""
        def apply():
            self.doc.label_language = code
            self.doc.style_changed()
        self.history.edit(self.tr("Change map language"), apply)

    def step_period(self, delta: int) -> None:
        """Move to the previous (-1) or next (+1) period of the same kind with figures of this metric."""
        target = self.doc.neighbour_period(delta)
        if target is not None:
            self.choose(self.tr("Change period"), period=target)

    def _choose(self, label: str) -> None:
        self.choose(label, period=self.period.currentData(), metric=self.metric.currentData(),
                    source=self.source.currentData())

    def choose(self, label: str, **selection) -> None:
        """Select (period, metric, source), keeping what is not given; an undoable step."""
        sel = {"period": self.doc.period, "metric": self.doc.metric, "source": self.doc.source, **selection}
        try:
            parse_period(sel["period"])
            self.history.edit(label, lambda: self.doc.select(sel["period"], sel["metric"], sel["source"],
                                                             keep_if_valid=True))
        except (CrossingsError, ValueError) as exc:
            self.report(self.tr("Cannot select these figures"), str(exc))
            self.sync()
