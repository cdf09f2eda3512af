"""Shapely geometry to QPainterPath in page pixels, and text with a halo."""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF

from geo.view import MapView


def _polygon(xy: np.ndarray) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in xy.tolist()])


def geometry_path(geoms, view: MapView) -> QPainterPath:
    """One path for many polygons or lines (odd-even fill makes holes work)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    geoms = np.asarray(geoms, dtype=object)
    geoms = geoms[~shapely.is_empty(geoms) & ~shapely.is_missing(geoms)] if len(geoms) else geoms
    if not len(geoms):
        return path
    polys = shapely.get_parts(geoms)
    kinds = shapely.get_type_id(polys)
    rings = []
    areal = polys[(kinds == 3)]
    if len(areal):
        rings.extend(shapely.get_exterior_ring(areal))
        n_int = shapely.get_num_interior_rings(areal)
        for poly, n in zip(areal, n_int, strict=True):
            rings.extend(shapely.get_interior_ring(poly, i) for i in range(n))
        for ring in rings:
            xy = view.to_px(shapely.get_coordinates(ring))
            path.addPolygon(_polygon(xy))
    for line in polys[(kinds == 1) | (kinds == 2)]:
        xy = view.to_px(shapely.get_coordinates(line))
        if len(xy) >= 2:
            path.moveTo(*xy[0])
            for x, y in xy[1:].tolist():
                path.lineTo(x, y)
    return path


def qcolor(hex_rgb: str, alpha: float = 1.0) -> QColor:
    c = QColor(hex_rgb)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c


def pen(colour: QColor | str, width_px: float, *, dash: list[float] | None = None,
        join: Qt.PenJoinStyle = Qt.PenJoinStyle.RoundJoin) -> QPen:
    p = QPen(colour if isinstance(colour, QColor) else QColor(colour))
    p.setWidthF(width_px)
    p.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setJoinStyle(join)
    if dash:
        p.setDashPattern(dash)
    return p


def text_path(text: str, font: QFont, x: float, y: float) -> QPainterPath:
    """Text as a path with its baseline at (x, y)."""
    path = QPainterPath()
    path.addText(QPointF(x, y), font, text)
    return path


def draw_halo_text(painter: QPainter, rect: QRectF, text: str, font: QFont, colour: QColor,
                   halo: QColor, halo_px: float, flags=Qt.AlignmentFlag.AlignCenter) -> None:
    """Text with a soft outline so it reads over flows and coastlines; it stays text in SVG/PDF."""
    painter.setFont(font)
    if halo_px > 0:
        painter.setPen(pen(halo, halo_px * 2))
        metrics_path = QPainterPath()
        fm_rect = painter.boundingRect(rect, int(flags | Qt.TextFlag.TextDontClip), text)
        metrics_path.addText(QPointF(fm_rect.left(), fm_rect.top() + painter.fontMetrics().ascent()), font, text)
        stroker = QPainterPathStroker()
        stroker.setWidth(halo_px * 2)
        stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.fillPath(stroker.createStroke(metrics_path), halo)
    painter.setPen(QPen(colour))
    # TextDontClip: without it Qt clips each text to its box, and SVG output gets one clipPath per label
    painter.drawText(rect, int(flags | Qt.TextFlag.TextDontClip), text)
