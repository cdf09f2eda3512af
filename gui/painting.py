"""Shapely geometry to QPainterPath in page pixels, and text with a halo."""

from __future__ import annotations

import ctypes

import numpy as np
import shapely
import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from geo.dash_fit import outline_dashes
from geo.halo_shape import halo_polygon
from geo.view import MapView


def _polygon(xy: np.ndarray) -> QPolygonF:
    """A QPolygonF filled straight from numpy (as pyqtgraph does): ~500x faster than one QPointF per vertex."""
    poly = QPolygonF()
    n = len(xy)
    if n == 0:
        return poly
    poly.resize(n)
    address = shiboken6.getCppPointer(poly.data())[0]
    target = np.frombuffer((ctypes.c_double * (2 * n)).from_address(address), dtype=np.float64)
    target[:] = np.ascontiguousarray(xy, dtype=np.float64).ravel()
    return poly


def _points(poly: QPolygonF) -> np.ndarray:
    """A QPolygonF's points as an (N, 2) array, read straight from its buffer."""
    n = poly.size()
    if n == 0:
        return np.empty((0, 2))
    address = shiboken6.getCppPointer(poly.data())[0]
    return np.frombuffer((ctypes.c_double * (2 * n)).from_address(address), dtype=np.float64).reshape(n, 2).copy()


def _shape_path(geom) -> QPainterPath:
    """A polygon or multipolygon already in device pixels as a path (odd-even: holes stay holes)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in shapely.get_rings(shapely.get_parts(geom)):
        path.addPolygon(_polygon(shapely.get_coordinates(ring)))
        path.closeSubpath()
    return path


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
            path.closeSubpath()
    for line in polys[(kinds == 1) | (kinds == 2)]:
        xy = view.to_px(shapely.get_coordinates(line))
        if len(xy) >= 2:
            path.addPolygon(_polygon(xy))  # an open subpath
    return path


def draw_dashed_outline(painter: QPainter, shape_px, colour: QColor | str, width_px: float,
                        dash: tuple[float, float]) -> None:
    """The outline of ``shape_px`` (a polygon or a QRectF, page pixels) dashed ``dash`` (in pen widths),
    the dashes fitted to its corners (geo.dash_fit) and stroked solid with round caps: each corner,
    an arrow's tip among them, is turned by one dash."""
    if isinstance(shape_px, QRectF):
        shape_px = shapely.box(shape_px.left(), shape_px.top(), shape_px.right(), shape_px.bottom())
    path = QPainterPath()
    for line in outline_dashes(shape_px, dash[0] * width_px, dash[1] * width_px).geoms:
        path.addPolygon(_polygon(np.asarray(line.coords)))  # an open subpath
    painter.setPen(pen(colour, width_px))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


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


def draw_halo_text(painter: QPainter, rect: QRectF, text: str, font: QFont, colour: QColor,
                   halo: QColor, halo_px: float, flags=Qt.AlignmentFlag.AlignCenter) -> None:
    """Text (one or more lines, centred in ``rect``) with a soft outline so it reads over flows and
    coastlines; it stays text in SVG/PDF."""
    painter.setFont(font)
    lines = text.split("\n")
    fm = painter.fontMetrics()
    line_h = fm.height()
    top = rect.center().y() - line_h * len(lines) / 2
    boxes = []
    for k, line in enumerate(lines):
        w = fm.horizontalAdvance(line)
        if flags & Qt.AlignmentFlag.AlignLeft:
            x = rect.left()
        elif flags & Qt.AlignmentFlag.AlignRight:
            x = rect.right() - w
        else:
            x = rect.center().x() - w / 2
        boxes.append((line, QPointF(x, top + k * line_h + fm.ascent())))
    record = getattr(painter, "record_halo_text", None)
    if record is not None:  # an SVG export writes the text and its halo as SVG text (gui.svg_text_recorder)
        record(boxes, font, colour, halo, halo_px, flags)
        return
    device = painter.device()
    low = isinstance(device, QImage) and device.dotsPerMeterX() * 0.0254 < GLYPHS_AS_PATHS_BELOW_DPI
    if halo_px > 0:
        painter.fillPath(halo_outline(painter, font, boxes, max(halo_px, MIN_HALO_PX) if low else halo_px), halo)
    if low:
        painter.fillPath(glyph_path(painter, font, boxes), colour)  # where the halo's path has them
        return
    painter.setPen(QPen(colour))
    for line, origin in boxes:
        painter.drawText(origin, line)


MIN_HALO_PX = 1.5
"""On such a page a halo is at least this wide: an island's 0.45 mm is 1.3 px at 72 dpi, and the
antialiased edges of its letters and of the halo met, leaving no white between the text and the ground."""
GLYPHS_AS_PATHS_BELOW_DPI = 90.0
"""Below this, a raster page's letters are filled from their outlines, as the halo is built from: at
72 dpi Qt set the glyphs on whole pixels and the halo's path was not, so 6-10 % of the ring round the
letters was missing on one side (issue 11). Above it the drift is under a quarter pixel, and glyphs keep
Qt's rendering; SVG and PDF always keep their text."""


def glyph_path(painter: QPainter, font: QFont, lines: list[tuple[str, QPointF]]) -> QPainterPath:
    """The outlines of ``lines`` (text, baseline origin) in ``font`` on ``painter``'s device, in page
    pixels: the path the halo widens (QPainterPath.addText sets the font at the screen's dpi, so the
    path's font is scaled by the device's)."""
    path_font = QFont(font)
    path_font.setPointSizeF(font.pointSizeF() * painter.device().logicalDpiY() / QFontMetricsF(font).fontDpi())
    outline = QPainterPath()
    for line, origin in lines:
        outline.addText(origin, path_font, line)
    return outline


HALOS_KEPT = 1024
"""Halo outlines kept, each at its own origin: names and figures come back render after render (a
change of period redraws the same place and country names), and stroking a text's outline was about
a third of a canvas render's time."""
_HALOS: dict[tuple, QPainterPath] = {}


def halo_outline(painter: QPainter, font: QFont, lines: list[tuple[str, QPointF]], halo_px: float) -> QPainterPath:
    """The halo round ``lines`` (text, baseline origin) set in ``font`` on ``painter``'s device: the
    glyphs' outlines widened by ``halo_px`` on every side.

    QPainterPath.addText sets the font at the screen's dpi, not the device's: the path's font is scaled
    by the two dpis. Scaled by their rounded line heights instead, the halo was a copy of the word 2-15 %
    larger or smaller than the text (at 300 dpi it ran 1.7 mm past a label's end, or stopped short)."""
    if not lines:
        return QPainterPath()
    x0, y0 = lines[0][1].x(), lines[0][1].y()
    dpi = painter.device().logicalDpiY()
    key = (font.key(), dpi, round(halo_px, 4),
           tuple((line, round(o.x() - x0, 4), round(o.y() - y0, 4)) for line, o in lines))
    halo = _HALOS.get(key)
    if halo is None:
        outline = glyph_path(painter, font, [(line, QPointF(o.x() - x0, o.y() - y0)) for line, o in lines])
        rings = [_points(poly) for poly in outline.toSubpathPolygons()]
        halo = _shape_path(halo_polygon(rings, halo_px))
        if len(_HALOS) >= HALOS_KEPT:
            _HALOS.pop(next(iter(_HALOS)))
        _HALOS[key] = halo
    return halo.translated(x0, y0)


def text_size(painter: QPainter, text: str) -> tuple[float, float]:
    """Width and height of (multi-line) ``text`` in the painter's current font."""
    fm = painter.fontMetrics()
    lines = text.split("\n")
    return max(fm.horizontalAdvance(line) for line in lines), fm.height() * len(lines)
