"""A small QPainter line chart of one route's figures across periods (no plotting library)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from geo.document import MapDocument
from geo.periods import parse_period
from gui.selection_bar import METRIC_LABELS


def trend_series(doc: MapDocument, route_id: str) -> list[tuple[str, str, float | None]]:
    """(period label, display text, value or None) for the route and metric, oldest first.

    Only periods of the current period's kind (quarters with a quarter) so the points compare;
    where sources differ, the current source, else the one covering most periods.
    """
    if doc.flows is None or doc.period is None:
        return []
    kind = parse_period(doc.period).kind
    frame = doc.flows.frame
    rows = frame[(frame["route_id"] == route_id) & (frame["metric"] == doc.metric)]
    if doc.source is not None and (rows["source"] == doc.source).any():
        rows = rows[rows["source"] == doc.source]
    elif len(rows):
        rows = rows[rows["source"] == rows["source"].value_counts().index[0]]
    values = {p: v for p, v in zip(rows["period"], rows["value"], strict=True)}
    out = []
    for p in doc.flows.periods():
        if p.kind == kind:
            v = values.get(str(p))
            out.append((str(p), p.display(), None if v is None or v != v else float(v)))
    return out


class TrendChart(QWidget):
    """Figures of the selected route by period; the current period is marked."""

    def __init__(self, doc: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.route_id: str | None = None
        self.series: list[tuple[str, str, float | None]] = []
        self.setMinimumHeight(120)
        doc.changed.connect(lambda reason: self.refresh() if reason in ("selection", "layers") else None)

    def sizeHint(self) -> QSize:
        return QSize(320, 160)

    def set_route(self, route_id: str | None) -> None:
        self.route_id = route_id
        self.refresh()

    def refresh(self) -> None:
        self.series = trend_series(self.doc, self.route_id) if self.route_id else []
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = p.fontMetrics()
        text_colour = self.palette().text().color()
        p.setPen(text_colour)
        if not self.route_id:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Select a route in the figures table"))
            return
        metric = QCoreApplication.translate("SelectionBar", METRIC_LABELS.get(self.doc.metric, self.doc.metric))
        title = self.tr("{route}: {metric} by period").format(route=self.route_id, metric=metric.lower())
        p.drawText(QRectF(6, 2, self.width() - 12, fm.height()), Qt.AlignmentFlag.AlignLeft, title)
        values = [v for _, _, v in self.series if v is not None]
        if not values:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No figures for this route"))
            return
        top = max(values) * 1.15 or 1.0
        left, right = fm.horizontalAdvance(f"{top:,.0f}") + 10, 10
        plot = QRectF(left, 2.5 * fm.height() + 6, self.width() - left - right, self.height() - 3.5 * fm.height() - 12)
        p.setPen(QPen(QColor("#bbbbbb"), 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.setPen(text_colour)
        p.drawText(QRectF(0, plot.top() - fm.height() / 2, left - 4, fm.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute, f"{top:,.0f}")
        p.drawText(QRectF(0, plot.bottom() - fm.height() / 2, left - 4, fm.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute, "0")
        n = len(self.series)
        step = plot.width() / max(n - 1, 1)
        pts: list[QPointF | None] = []
        for i, (label, display, v) in enumerate(self.series):
            x = plot.left() + (i * step if n > 1 else plot.width() / 2)
            pts.append(None if v is None else QPointF(x, plot.bottom() - v / top * plot.height()))
            if label == self.doc.period:
                p.fillRect(QRectF(x - 10, plot.top(), 20, plot.height()), QColor(0, 114, 178, 30))
            p.setPen(text_colour)
            p.drawText(QRectF(x - step / 2, plot.bottom() + 2, max(step, 40), fm.height()),
                       Qt.AlignmentFlag.AlignHCenter, display)
        colour = QColor("#0072B2")
        path, pen_down = QPainterPath(), False
        for pt in pts:
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
        for pt, (_, _, v) in zip(pts, self.series, strict=True):
            if pt is not None:
                p.drawEllipse(pt, 3.5, 3.5)
                p.drawText(QRectF(pt.x() - 40, pt.y() - fm.height() - 4, 80, fm.height()),
                           Qt.AlignmentFlag.AlignHCenter, f"{v:,.0f}")
