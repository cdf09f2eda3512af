"""A small QPainter line chart of one route's figures across periods (no plotting library)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from geo.document import MapDocument
from geo.held_scale import join_for, same_kind_periods
from geo.periods import parse_period
from gui.selection_bar import METRIC_LABELS


def trend_series(doc: MapDocument, route_id: str) -> list[tuple[str, str, float | None]]:
    """(period label, display text, value or None) for the route and metric, oldest first.

    Only periods of the current period's kind (quarters with a quarter) so the points compare.
    Each value is the figure the map of that period draws for the route (drawn, total label or
    outline) under the current source choice, from the same join the map uses (geo.held_scale):
    a chart with its own source rule plotted IOM's 1,062 where the map drew Caminando Fronteras'
    9,757, and left out the current quarter when its source was not the most frequent one.
    """
    if doc.flows is None or doc.period is None or (doc.layer("routes") is None and not doc.is_od):
        return []
    kind = parse_period(doc.period).kind
    with_metric = set(same_kind_periods(doc.flows, doc.period, doc.metric))
    out = []
    for p in doc.flows.periods():
        if p.kind != kind:
            continue
        value = None
        if str(p) in with_metric:
            figured = join_for(doc, str(p), doc.metric, doc.source).figured
            if figured is not None and "route_id" in figured.columns:
                own = figured.loc[figured["route_id"] == route_id, "value"].dropna()
                value = float(own.iloc[0]) if len(own) else None
        out.append((str(p), p.display(), value))
    return out


class TrendChart(QWidget):
    """Figures of the selected route by period; the current period is marked."""

    def __init__(self, doc: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.route_id: str | None = None
        self.series: list[tuple[str, str, float | None]] = []
        self.text_rects: list[tuple[str, str, QRectF]] = []
        """Every text of the last paint: (kind, text, rectangle in widget pixels), for checks."""
        self._cache: dict = {}
        self._cache_token = None
        self.setMinimumHeight(120)
        doc.changed.connect(lambda reason: self.refresh() if reason in ("selection", "layers") else None)

    def sizeHint(self) -> QSize:
        return QSize(320, 160)

    def set_route(self, route_id: str | None) -> None:
        self.route_id = route_id
        self.refresh()

    def refresh(self) -> None:
        """Re-read the series; joins per period are computed once per figures table, route,
        metric and source choice (a paint never joins)."""
        self.series = []
        if self.route_id:
            routes = self.doc.layer("routes")
            key = (self.doc.flows.token if self.doc.flows is not None else 0, routes.id if routes is not None else None,
                   self.doc.period, self.doc.metric, self.doc.source, self.doc.od_net, self.route_id)
            if key[0] != self._cache_token:
                self._cache.clear()
                self._cache_token = key[0]
            if key not in self._cache:
                self._cache[key] = trend_series(self.doc, self.route_id)
            self.series = self._cache[key]
        self.update()

    # -- layout: every text's rectangle from the font metrics, inside the widget --------------------
    MARGIN = 4

    def _fit(self, fm: QFontMetrics, text: str, x: float, y: float, align: str = "left") -> tuple[str, QRectF] | None:
        """``text`` (elided if wider than the widget) in a rectangle of its own size, anchored at ``x``
        ('left', 'centre' or 'right' of it) and moved inside the widget; None when nothing fits."""
        room = self.width() - 2 * self.MARGIN
        if fm.horizontalAdvance(text) > room:
            text = fm.elidedText(text, Qt.TextElideMode.ElideRight, max(int(room), 0))
        if not text or text == "…":
            return None
        w, h = fm.horizontalAdvance(text), fm.height()
        left = x - w / 2 if align == "centre" else x - w if align == "right" else x
        left = min(max(left, self.MARGIN), self.width() - self.MARGIN - w)
        top = min(max(y, 0.0), self.height() - h)
        return text, QRectF(left, top, w, h)

    def layout(self, fm: QFontMetrics):
        """(texts, plot rectangle or None, points): texts are (kind, text, rectangle) in widget pixels,
        each as wide as its text; x labels and value labels that would overlap are left out."""
        texts: list[tuple[str, str, QRectF]] = []

        def add(kind: str, fitted) -> QRectF | None:
            if fitted is not None:
                texts.append((kind, *fitted))
                return fitted[1]
            return None

        if not self.route_id or not [v for _, _, v in self.series if v is not None]:
            message = (self.tr("Select a route in the figures table") if not self.route_id
                       else self.tr("No figures for this route"))
            add("message", self._fit(fm, message, self.width() / 2, (self.height() - fm.height()) / 2, "centre"))
            if self.route_id:
                add("title", self._fit(fm, self._title(), self.MARGIN + 2, 2))
            return texts, None, []
        add("title", self._fit(fm, self._title(), self.MARGIN + 2, 2))
        values = [v for _, _, v in self.series if v is not None]
        top = max(values) * 1.15 or 1.0
        top_text = f"{top:,.0f}"
        labels = [fm.horizontalAdvance(d) for _, d, _ in self.series]
        left = self.MARGIN + fm.horizontalAdvance(top_text) + 6
        right = self.MARGIN + max(6.0, labels[-1] / 2 if labels else 0.0)
        plot_top = 2.5 * fm.height() + 6
        plot = QRectF(left, plot_top, max(self.width() - left - right, 1.0),
                      max(self.height() - plot_top - fm.height() - 8, 1.0))
        placed = [add("axis", self._fit(fm, top_text, left - 4, plot.top() - fm.height() / 2, "right")),
                  add("axis", self._fit(fm, "0", left - 4, plot.bottom() - fm.height(), "right"))]
        n = len(self.series)
        xs = [plot.left() + (i * plot.width() / (n - 1) if n > 1 else plot.width() / 2) for i in range(n)]
        points = [None if v is None else QPointF(x, plot.bottom() - v / top * plot.height())
                  for x, (_, _, v) in zip(xs, self.series, strict=True)]
        current = next((i for i, (label, _, _) in enumerate(self.series) if label == self.doc.period), n - 1)
        order = list(dict.fromkeys([current, n - 1, 0, *range(1, n - 1)]))
        for i in order:  # the current period's label first; others where they do not overlap
            self._place(add, placed, "period", [self._fit(fm, self.series[i][1], xs[i], plot.bottom() + 2, "centre")])
        for i in (i for i in order if points[i] is not None):  # above the point, else beside it
            text, y = f"{self.series[i][2]:,.0f}", points[i].y() - fm.height() - 4
            self._place(add, placed, "value", [self._fit(fm, text, xs[i], y, "centre"),
                                               self._fit(fm, text, xs[i] + 6, y + fm.height() / 2, "left"),
                                               self._fit(fm, text, xs[i] - 6, y + fm.height() / 2, "right")])
        return texts, plot, points

    @staticmethod
    def _place(add, placed: list, kind: str, candidates: list) -> None:
        """The first candidate that overlaps no text placed so far, if any."""
        for fitted in candidates:
            if fitted is not None and not any(r is not None and fitted[1].adjusted(-3, 0, 3, 0).intersects(r)
                                              for r in placed):
                placed.append(add(kind, fitted))
                return

    def _title(self) -> str:
        metric = QCoreApplication.translate("SelectionBar", METRIC_LABELS.get(self.doc.metric, self.doc.metric))
        return self.tr("{route}: {metric} by period").format(route=self.route_id, metric=metric.lower())

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = p.fontMetrics()
        text_colour = self.palette().text().color()
        texts, plot, points = self.layout(fm)
        self.text_rects = texts
        if plot is not None:
            p.setPen(QPen(QColor("#bbbbbb"), 1))
            p.drawLine(plot.bottomLeft(), plot.bottomRight())
            for (label, _, _), pt in zip(self.series, points, strict=True):
                if label == self.doc.period:
                    x = pt.x() if pt is not None else plot.center().x()
                    p.fillRect(QRectF(x - 10, plot.top(), 20, plot.height()), QColor(0, 114, 178, 30))
            colour = QColor("#0072B2")
            path, pen_down = QPainterPath(), False
            for pt in points:
                if pt is None:
                    pen_down = False
                elif pen_down:
                    path.lineTo(pt)
                else:
                    path.moveTo(pt)
                    pen_down = True
            p.setPen(QPen(colour, 2))
            p.drawPath(path)
            p.setBrush(colour)
            for pt in points:
                if pt is not None:
                    p.drawEllipse(pt, 3.5, 3.5)
        p.setPen(text_colour)
        for _, text, rect in texts:
            p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
