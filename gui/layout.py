"""Where things sit on the page, in millimetres: one layout for every target (screen, PNG, SVG, PDF)."""

from __future__ import annotations

from dataclasses import dataclass

from geo.page import Page
from geo.view import MapView


@dataclass(frozen=True)
class PageLayout:
    """The map frame and the strip below it for sources and the disclaimer (all in mm)."""

    margin_mm: float = 6.0
    footer_mm: float = 10.0

    def frame_mm(self, page: Page) -> tuple[float, float, float, float]:
        w, h = page.size_mm
        m = self.margin_mm
        return (m, m, w - 2 * m, h - 2 * m - self.footer_mm)

    def frame_px(self, page: Page) -> tuple[float, float, float, float]:
        k = page.px_per_mm
        x, y, w, h = self.frame_mm(page)
        return (x * k, y * k, w * k, h * k)

    def footer_px(self, page: Page) -> tuple[float, float, float, float]:
        k = page.px_per_mm
        x, y, w, h = self.frame_mm(page)
        return (x * k, (y + h + 1.5) * k, w * k, (self.footer_mm - 1.5) * k)

    def view(self, page: Page, crs: str, extent: tuple[float, float, float, float]) -> MapView:
        return MapView(crs, extent, self.frame_px(page), page.dpi)


def page_view(doc, page: Page | None = None, layout: PageLayout | None = None,
              extent: tuple[float, float, float, float] | None = None) -> MapView:
    """The view every export of ``page`` draws (PNG, SVG, PDF, GeoJSON, web map alike): ``extent``
    (projected) exactly, else the document's frame (a copy's ``frame_extent``, the user's lon/lat
    box), else fitted to what the map draws, clear of the title, legend and scale bar
    (``geo.extent_fit``: the decision is the domain's; the boxes are measured here, in Qt fonts)."""
    from geo.extent_fit import Panel, cached_fit

    page, layout = page or doc.page, layout or PageLayout()
    extent = extent or doc.frame_extent
    if extent is None and doc.extent_lonlat is None:
        extent = cached_fit(doc, Panel(layout.frame_px(page), furniture_boxes(doc, page, layout)), page.dpi)
    return layout.view(page, doc.crs, extent or doc.default_extent())


def furniture_boxes(doc, page: Page, layout: PageLayout | None = None,
                    periods: list[str] | None = None) -> tuple[tuple[float, float, float, float], ...]:
    """The title, legend and scale-bar boxes of ``page`` (x0, y0, x1, y1 in page pixels), measured as
    the painter lays them out; they depend on the page, the texts and the legend, not on the extent."""
    from PySide6.QtGui import QImage, QPainter

    from gui.furniture_painter import FurniturePainter
    from gui.qt_app import ensure_gui_app

    ensure_gui_app(widgets=True)  # fonts need an application: a GeoJSON-only render has not started one
    layout = layout or PageLayout()
    image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(page.px_per_mm * 1000))  # the page's dpi, as an export's image has it
    image.setDotsPerMeterY(round(page.px_per_mm * 1000))
    painter = QPainter(image)
    try:
        rects = FurniturePainter(doc, layout.view(page, doc.crs, doc.default_extent()), painter, periods).layout_rects()
    finally:
        painter.end()
    return tuple((r.left(), r.top(), r.right(), r.bottom()) for r in rects.values() if r.width() > 0)
