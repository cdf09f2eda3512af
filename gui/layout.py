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
