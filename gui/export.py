"""Raster and vector exports that paint through the one MapRenderer (PNG now; SVG/PDF share it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage, QImageWriter, QPainter

from geo.atomic import atomic_output
from geo.document import MapDocument
from geo.errors import ExportError
from geo.page import Page
from gui.render import MapRenderer, RenderOptions


@dataclass(frozen=True)
class PngExportSettings:
    """A PNG of the page: paper or pixel size from ``page``, optionally transparent."""

    page: Page
    transparent: bool = False


def render_image(doc: MapDocument, page: Page, options: RenderOptions = RenderOptions()) -> QImage:
    w, h = page.size_px
    fmt = QImage.Format.Format_ARGB32_Premultiplied if options.transparent else QImage.Format.Format_RGB32
    image = QImage(w, h, fmt)
    image.setDotsPerMeterX(round(page.dpi / 0.0254))
    image.setDotsPerMeterY(round(page.dpi / 0.0254))
    image.fill(0)
    painter = QPainter(image)
    try:
        MapRenderer(doc).render_page(painter, page, options)
    finally:
        painter.end()
    return image


def export_png(doc: MapDocument, path: str | Path, settings: PngExportSettings) -> Path:
    path = Path(path)
    image = render_image(doc, settings.page, RenderOptions(transparent=settings.transparent))
    if not settings.transparent:
        image = image.convertToFormat(QImage.Format.Format_RGB888)
    with atomic_output(path) as tmp:
        # Qt's default zlib level: as fast as any setting here and ~30x smaller than
        # setCompression(n), which Qt's PNG plugin takes as "store uncompressed".
        writer = QImageWriter(str(tmp), b"png")
        if not writer.write(image):
            raise ExportError(f"{path.name}: could not write PNG ({writer.errorString()})")
    return path
