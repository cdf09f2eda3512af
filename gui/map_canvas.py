"""The interactive map: a MapView that pans and zooms, painted by the one MapRenderer.

A full render (basemap, flows, label placement) takes 100-400 ms, far too slow for every mouse
move. So the canvas keeps the last render as a QImage and, while the user drags or scrolls, paints
that image shifted and scaled (about 1 ms); a single-shot timer re-renders once interaction
settles, on a worker thread with a copy of the document (QgsMapCanvas does the same with its
cached image and background render jobs), so the window never freezes. Level of detail comes from
the document's simplified geometry, bucketed by scale.
"""

from __future__ import annotations

import sys
import time

import numpy as np
from pyproj import Transformer
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QWidget

from geo.document import Layer, MapDocument
from geo.history import clone
from geo.projection import resolve_crs
from geo.view import MapView
from gui.fonts import ensure_fonts
from gui.render import MapRenderer, RenderOptions
from gui.workers import TaskRunner

SETTLE_MS = 150
ZOOM_STEP = 1.25
MAX_ZOOM_IN = 400.0  # relative to the full extent


class MapCanvas(QWidget):
    """Pan (drag, arrows), zoom (wheel, +/-), full extent, zoom to layer; the cursor in lon/lat."""

    cursor_lonlat = Signal(float, float)
    rendered = Signal(float)
    """Emitted after a full render with its duration in milliseconds."""

    def __init__(self, doc: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        ensure_fonts()  # register fonts on the UI thread before any worker paints text
        self.renderer = MapRenderer(doc)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(200, 150)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._extent: tuple[float, float, float, float] | None = None
        self._image: QImage | None = None
        self._image_view: MapView | None = None
        self._drag_from: QPointF | None = None
        self._to_lonlat: Transformer | None = None
        self.last_render_ms = 0.0
        self.last_paint_ms = 0.0
        self.background = True
        """Render on a worker thread after interaction (False: on the UI thread, e.g. to debug)."""
        self.tasks = TaskRunner(self)
        self._generation = 0  # bumped by every view or document change; stale renders are redone
        self._fitted = True  # the whole map is shown (no pan or zoom since): refit when resized
        self._render_doc: MapDocument | None = None
        self._render_doc_stale = True
        self._rendering = False
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS, timeout=self._render_later)
        doc.changed.connect(self._on_doc_changed)

    # -- the view -------------------------------------------------------------------------------
    @property
    def view(self) -> MapView:
        if self._extent is None:
            self._extent = self.doc.default_extent()
        w, h = max(self.width(), 1), max(self.height(), 1)
        return MapView(self.doc.crs, self._extent, (0.0, 0.0, float(w), float(h)), dpi=96.0)

    def set_extent(self, extent: tuple[float, float, float, float], settle: bool = False,
                   fitted: bool = False) -> None:
        """Show ``extent`` (projected units); re-render at once, or after interaction settles.
        ``fitted``: the whole map is shown, and a resized window shows it whole again."""
        self._fitted = fitted
        self._extent = tuple(extent)
        self._extent = self.view.extent
        self._generation += 1
        if settle:
            self.update()
            self._settle.start()
        else:
            self.render_now()

    def zoom_full(self) -> None:
        self.set_extent(self.doc.default_extent(), fitted=True)

    def zoom_to_layer(self, layer: Layer) -> None:
        minx, miny, maxx, maxy = self.doc.projected(layer).total_bounds
        pad = max(maxx - minx, maxy - miny) * 0.05 or 10_000.0
        self.set_extent((minx - pad, miny - pad, maxx + pad, maxy + pad))

    def zoom(self, factor: float, about: QPointF | None = None) -> None:
        view = self.view
        full = self.doc.default_extent()
        limit = (full[2] - full[0]) / MAX_ZOOM_IN
        new = view.zoomed(factor, (about.x(), about.y()) if about is not None else None)
        if factor > 1 and new.extent[2] - new.extent[0] < limit:
            return
        if factor < 1 and new.extent[2] - new.extent[0] > 8 * (full[2] - full[0]):
            return
        self.set_extent(new.extent, settle=True)

    def pan(self, dx_px: float, dy_px: float) -> None:
        self.set_extent(self.view.panned(dx_px, dy_px).extent, settle=True)

    # -- rendering ------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A render is scheduled or running (tests and benchmarks wait for this to end)."""
        return self._settle.isActive() or self._rendering

    def render_now(self) -> None:
        """Render the current view on the UI thread into the cache image, then repaint."""
        self._settle.stop()
        if self.width() < 2 or self.height() < 2:
            return
        image, view, ms = _render(self.renderer, self.view, self.devicePixelRatioF(), self.doc.theme.sea)
        self._show(image, view, ms)

    def _render_later(self) -> None:
        """Render the current view on a worker thread, with a copy of the document."""
        if not self.background:
            self.render_now()
            return
        if self._rendering or self.width() < 2 or self.height() < 2:
            return
        if self._render_doc is None or self._render_doc_stale:
            self._render_doc = clone(self.doc, self._render_doc)
            self._render_doc_stale = False
        renderer, view, generation = MapRenderer(self._render_doc), self.view, self._generation
        ratio, sea = self.devicePixelRatioF(), self.doc.theme.sea
        self._rendering = True
        self.tasks.start(lambda progress, cancelled: (*_render(renderer, view, ratio, sea), renderer),
                         lambda result: self._on_rendered(result, generation), self._on_render_failed)

    def _on_rendered(self, result, generation: int) -> None:
        self._rendering = False
        image, view, ms, renderer = result
        self.renderer.report = renderer.report
        self._show(image, view, ms)
        if generation != self._generation and not self._settle.isActive():
            self._settle.start(0)  # the view or the map changed meanwhile

    def _on_render_failed(self, exc: BaseException) -> None:
        self._rendering = False
        print(f"crossings: map render failed: {exc}", file=sys.stderr)

    def _show(self, image: QImage, view: MapView, ms: float) -> None:
        self.last_render_ms = ms
        self._image, self._image_view = image, view
        self.update()
        self.rendered.emit(ms)

    def paintEvent(self, event) -> None:
        t0 = time.perf_counter()
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.doc.theme.sea))
        if self._image is not None:
            view, old = self.view, self._image_view
            # Where the cached image's corners land in the current view: a shift and a scale.
            (x0, y0), = view.to_px(_corner(old.extent[0], old.extent[3]))
            (x1, y1), = view.to_px(_corner(old.extent[2], old.extent[1]))
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not self.busy)
            painter.drawImage(QRectF(x0, y0, x1 - x0, y1 - y0), self._image)
        for tool in (self.tool, self.idle_tool):
            if tool is not None:
                tool.paint(painter, self.view)
        painter.end()
        self.last_paint_ms = (time.perf_counter() - t0) * 1000

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fitted:
            # the whole map was shown (as at start or after Full extent): a larger window shows it larger
            self._extent = None
        elif self._extent is not None and event.oldSize().width() > 0:
            # zoomed or panned by the user: keep the scale and centre, as a GIS does; the view widens the
            # extent to the new aspect ratio
            old_w = max(event.oldSize().width(), 1)
            u = (self._extent[2] - self._extent[0]) / old_w
            cx, cy = (self._extent[0] + self._extent[2]) / 2, (self._extent[1] + self._extent[3]) / 2
            w, h = self.width() * u / 2, self.height() * u / 2
            self._extent = (cx - w, cy - h, cx + w, cy + h)
        self._generation += 1
        self._settle.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._image is None:
            self.render_now()

    def _on_doc_changed(self, reason: str) -> None:
        if reason == "crs":
            self._extent, self._to_lonlat, self._fitted = None, None, True
        self._generation += 1
        self._render_doc_stale = True
        self._settle.start(0)

    # -- input ----------------------------------------------------------------------------------
    tool = None
    """An editing tool (gui.route_tool.RouteTool) that sees mouse and key events first and paints over
    the map; None: the canvas pans and zooms."""

    idle_tool = None
    """What sees mouse events when no editing tool does (gui.callout_edit.CalloutDrag: a callout's box is
    dragged, anywhere else the map pans)."""

    def set_tool(self, tool) -> None:
        self.tool = tool
        self.setCursor(Qt.CursorShape.CrossCursor) if tool is not None else self.unsetCursor()
        self.update()

    def _to_tool(self, name: str, event) -> bool:
        tool = self.tool if self.tool is not None else self.idle_tool
        handled = tool is not None and getattr(tool, name)(event)
        if handled:
            self.update()
        return bool(handled)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if not self._to_tool("double_click", event):
            super().mouseDoubleClickEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._to_tool("press", event):
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._to_tool("move", event):
            self.cursor_lonlat.emit(*self.lonlat_at(pos))
            return
        if self._drag_from is not None:
            d = pos - self._drag_from
            self._drag_from = pos
            self.pan(d.x(), d.y())
        self.cursor_lonlat.emit(*self.lonlat_at(pos))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._to_tool("release", event):
            return
        self._drag_from = None
        self.setCursor(Qt.CursorShape.CrossCursor) if self.tool is not None else self.unsetCursor()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom(ZOOM_STEP ** steps, event.position())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._to_tool("key", event):
            return
        key, step = event.key(), 60.0
        moves = {Qt.Key.Key_Left: (step, 0), Qt.Key.Key_Right: (-step, 0),
                 Qt.Key.Key_Up: (0, step), Qt.Key.Key_Down: (0, -step)}
        if key in moves:
            self.pan(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        else:
            super().keyPressEvent(event)

    def lonlat_at(self, pos: QPointF) -> tuple[float, float]:
        """Longitude and latitude (degrees) under a widget position."""
        if self._to_lonlat is None:
            self._to_lonlat = Transformer.from_crs(resolve_crs(self.doc.crs), "EPSG:4326", always_xy=True)
        x, y = self.view.to_map(pos.x(), pos.y())
        lon, lat = self._to_lonlat.transform(x, y)
        return float(lon), float(lat)


def _render(renderer: MapRenderer, view: MapView, ratio: float, sea: str) -> tuple[QImage, MapView, float]:
    """One full render of ``view`` into a new image (safe on a worker thread: QImage, not QPixmap)."""
    image = QImage(round(view.frame_px[2] * ratio), round(view.frame_px[3] * ratio),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor(sea))
    t0 = time.perf_counter()
    painter = QPainter(image)
    try:
        renderer.render_map(painter, view, RenderOptions(furniture=False))
    finally:
        painter.end()
    return image, view, (time.perf_counter() - t0) * 1000


def _corner(x: float, y: float) -> np.ndarray:
    return np.array([[x, y]])
