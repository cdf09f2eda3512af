"""PDF through the one renderer: QPdfWriter paints the page, then ``geo.pdf_finish`` finishes the bytes.

QPdfWriter keeps text as text and subsets the fonts, but writes Arabic that search and copy get
wrong, paths with nine significant digits, and no georeferencing; the finishing pass mends the
first two on every PDF and adds the third when asked (``VectorExportSettings.geopdf``). Callers
import these from ``gui.export`` as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPainter

from geo.atomic import write_made
from geo.document import MapDocument
from geo.errors import ExportError
from geo.map_texts import map_title
from geo.page import Page
from gui.render import RenderOptions

if TYPE_CHECKING:
    from gui.export import VectorExportSettings


def _pdf_in_memory(page: Page, title: str):
    """A QPdfWriter for ``page`` writing into memory: (writer, its buffer, the bytes it fills)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    w_mm, h_mm = page.size_mm
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(round(page.dpi))
    writer.setPageSize(QPageSize(QSizeF(w_mm, h_mm), QPageSize.Unit.Millimeter))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Crossings")
    return writer, buffer, data


def _finished(pdf: bytes, views=None) -> bytes:
    from geo.pdf_finish import finish_pdf

    if not pdf.rstrip().endswith(b"%%EOF"):
        raise ExportError("the PDF writer did not finish the file")
    return finish_pdf(pdf, views)


def pdf_bytes(doc: MapDocument, settings: VectorExportSettings) -> bytes:
    """The print PDF in memory: vector shapes, text kept as text with the fonts embedded (subset),
    Arabic searchable; georeferenced (a GeoPDF) when ``settings.geopdf``.

    QPdfWriter ignores failed writes (a full disk gave a corrupt file and "wrote m.pdf"), so it
    writes into memory and the bytes go to disk through Python, whose errors are reported; the
    series also joins these bytes into its atlas.
    """
    from gui.export import paint_page

    page = settings.page
    writer, buffer, data = _pdf_in_memory(page, map_title(doc))
    painter = QPainter(writer)
    if not painter.isActive():
        raise ExportError("could not start the PDF writer")
    try:
        views = paint_page(painter, doc, page, RenderOptions(transparent=settings.transparent), settings.periods)
    finally:
        painter.end()
    buffer.close()
    return _finished(bytes(data.data()), [views] if settings.geopdf else None)


# The contents page of a series atlas: type sizes in points, margins in millimetres.
CONTENTS_TITLE_PT, CONTENTS_LINE_PT, CONTENTS_MARGIN_MM = 16.0, 10.0, 20.0


def contents_pdf(page: Page, title: str, lines: list[str]) -> bytes:
    """A one-page PDF listing the atlas: its title, then a line per map (page number first) and
    what was not drawn. Lines that do not fit continue in a second column."""
    from PySide6.QtCore import QRectF, Qt

    from gui.fonts import map_font

    w_mm, h_mm = page.size_mm
    writer, buffer, data = _pdf_in_memory(page, title)
    painter = QPainter(writer)
    try:
        mm = page.px_per_mm
        device = writer.logicalDpiX()
        margin = CONTENTS_MARGIN_MM * mm
        painter.setFont(map_font(CONTENTS_TITLE_PT, page.dpi, device, bold=True))
        box = QRectF(margin, margin, w_mm * mm - 2 * margin, 12 * mm)
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(map_font(CONTENTS_LINE_PT, page.dpi, device))
        step = painter.fontMetrics().height() * 1.35
        top = margin + 18 * mm
        rows = max(1, int((h_mm * mm - margin - top) // step))
        column_w = (w_mm * mm - 2 * margin) / 2
        if len(lines) > rows * 2:  # never a silent cut: the last line says how many more there are
            lines = [*lines[: rows * 2 - 1], f"… and {len(lines) - rows * 2 + 1} more (see the bookmarks)"]
        for n, line in enumerate(lines):
            x = margin + (n // rows) * column_w
            y = top + (n % rows) * step
            painter.drawText(QRectF(x, y, column_w - 4 * mm, step),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
    finally:
        painter.end()
    buffer.close()
    return _finished(bytes(data.data()))


def export_pdf(doc: MapDocument, path: str | Path, settings: VectorExportSettings, pdf: bytes | None = None) -> Path:
    """Write the print PDF (``pdf``: bytes already made by :func:`pdf_bytes`)."""
    return write_made(path, lambda: pdf if pdf is not None else pdf_bytes(doc, settings))
