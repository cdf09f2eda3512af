"""Raster and vector exports that paint through the one MapRenderer (PNG now; SVG/PDF share it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage, QPainter

from geo.atomic import atomic_output, check_output_target
from geo.document import MapDocument
from geo.errors import ExportError
from geo.map_texts import map_title
from geo.page import Page
from gui.png_writer import encode_png
from gui.render import PHASES, MapRenderer, RenderOptions


@dataclass(frozen=True)
class PngExportSettings:
    """A PNG of the page: paper or pixel size from ``page``, optionally transparent; with
    ``periods``, small multiples of those periods on one width scale."""

    page: Page
    transparent: bool = False
    periods: tuple[str, ...] | None = None


def paint_page(painter: QPainter, doc: MapDocument, page: Page, options: RenderOptions,
               periods: tuple[str, ...] | None = None) -> None:
    """The page every export paints: the map, or small multiples when ``periods`` are given."""
    if periods:
        from gui.small_multiples import render_small_multiples

        render_small_multiples(painter, doc, page, list(periods), options)
    else:
        MapRenderer(doc).render_page(painter, page, options)


def render_image(doc: MapDocument, page: Page, options: RenderOptions = RenderOptions(),
                 periods: tuple[str, ...] | None = None) -> QImage:
    page.check_raster()  # before allocating: A2 at 1200 dpi once took 7.1 GB
    w, h = page.size_px
    fmt = QImage.Format.Format_ARGB32_Premultiplied if options.transparent else QImage.Format.Format_RGB32
    image = QImage(w, h, fmt)
    image.setDotsPerMeterX(round(page.dpi / 0.0254))
    image.setDotsPerMeterY(round(page.dpi / 0.0254))
    if options.transparent or periods:
        image.fill(0)  # otherwise render_page paints every pixel of the page itself
    painter = QPainter(image)
    try:
        paint_page(painter, doc, page, options, periods)
    finally:
        painter.end()
    return image


def export_png(doc: MapDocument, path: str | Path, settings: PngExportSettings, progress=None) -> Path:
    """The PNG; ``progress(fraction)`` is told when the page is painted and when it is encoded (the
    export dialog's bar sat at 0 % for the whole of a large PNG)."""
    path = check_output_target(path)
    image = render_image(doc, settings.page, RenderOptions(transparent=settings.transparent), settings.periods)
    if progress is not None:
        progress(PNG_PAINTED)
    data = encode_png(image, settings.page.dpi)
    if progress is not None:
        progress(PNG_ENCODED)
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
    return path


# Shares of a PNG export's time, measured on the default map at A4 300 dpi: painting, then encoding.
PNG_PAINTED, PNG_ENCODED = 0.6, 0.9


@dataclass(frozen=True)
class VectorExportSettings:
    """SVG or PDF of the page; sizes in mm come from ``page`` (its dpi sets the coordinate grid)."""

    page: Page
    transparent: bool = False
    periods: tuple[str, ...] | None = None


LAYER_LABELS = {
    "background": "Sea and graticule",
    "countries": "Countries",
    "routes": "Routes and flows",
    "places": "Places",
    "labels": "Labels",
    "furniture": "Title, legend and sources",
}

_SVG = "http://www.w3.org/2000/svg"
_INKSCAPE = "http://www.inkscape.org/namespaces/inkscape"


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


def pdf_bytes(doc: MapDocument, settings: VectorExportSettings) -> bytes:
    """The print PDF in memory: vector shapes, text kept as text with the fonts embedded.

    QPdfWriter ignores failed writes (a full disk gave a corrupt file and "wrote m.pdf"), so it
    writes into memory and the bytes go to disk through Python, whose errors are reported; the
    series also joins these bytes into its atlas.
    """
    page = settings.page
    writer, buffer, data = _pdf_in_memory(page, map_title(doc))
    painter = QPainter(writer)
    if not painter.isActive():
        raise ExportError("could not start the PDF writer")
    try:
        paint_page(painter, doc, page, RenderOptions(transparent=settings.transparent), settings.periods)
    finally:
        painter.end()
    buffer.close()
    pdf = bytes(data.data())
    if not pdf.rstrip().endswith(b"%%EOF"):
        raise ExportError("the PDF writer did not finish the file")
    return pdf


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
    return bytes(data.data())


def export_pdf(doc: MapDocument, path: str | Path, settings: VectorExportSettings, pdf: bytes | None = None) -> Path:
    """Write the print PDF (``pdf``: bytes already made by :func:`pdf_bytes`)."""
    path = check_output_target(path)
    if pdf is None:
        try:
            pdf = pdf_bytes(doc, settings)
        except ExportError as exc:
            raise ExportError(f"{path.name}: {exc}") from None
    with atomic_output(path) as tmp:
        tmp.write_bytes(pdf)
    return path


def export_svg(doc: MapDocument, path: str | Path, settings: VectorExportSettings) -> Path:
    """An SVG whose top-level groups are named layers (Inkscape layers; Illustrator reads the ids).

    QSvgGenerator writes one anonymous group per painter state and knows nothing of layers, so
    each layer is painted in its own pass (the full layout is computed every time, so labels
    still avoid flows) and the passes are merged under ``<g id=... inkscape:groupmode="layer">``.
    """
    import xml.etree.ElementTree as ET

    path = check_output_target(path)
    ET.register_namespace("", _SVG)
    ET.register_namespace("inkscape", _INKSCAPE)
    root = None
    for phase in PHASES:
        svg = _svg_pass(doc, settings, frozenset({phase}))
        # every pass numbers its clip paths from 1: make the ids unique across layers
        prefix = phase.encode() + b"-clip"
        svg = re.sub(rb'(id="|url\(#)clipPath(\d+)', lambda m, p=prefix: m.group(1) + p + m.group(2), svg)
        tree = ET.fromstring(svg)
        if root is None:
            root = ET.Element(f"{{{_SVG}}}svg", {k: v for k, v in tree.attrib.items()})
            root.set("version", "1.1")
            title = ET.SubElement(root, f"{{{_SVG}}}title")
            title.text = map_title(doc)
        group = ET.SubElement(root, f"{{{_SVG}}}g", {
            "id": phase, f"{{{_INKSCAPE}}}groupmode": "layer", f"{{{_INKSCAPE}}}label": LAYER_LABELS[phase]})
        for child in tree:
            if child.tag.split("}")[-1] in ("title", "desc"):
                continue
            group.append(child)
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
    return path


def _svg_pass(doc: MapDocument, settings: VectorExportSettings, phases: frozenset[str]) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
    from PySide6.QtSvg import QSvgGenerator

    page = settings.page
    w, h = page.size_px
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    gen.setOutputDevice(buffer)
    gen.setSize(QSize(w, h))
    gen.setViewBox(QRect(0, 0, w, h))
    gen.setResolution(round(page.dpi))
    gen.setTitle(map_title(doc))
    painter = QPainter(gen)
    try:
        paint_page(painter, doc, page, RenderOptions(transparent=settings.transparent, phases=phases), settings.periods)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


# The order every caller writes a map's files in: the quick raster first, the web map last.
FILE_FORMATS = ("png", "svg", "pdf", "geojson", "gpkg", "html")


def write_map_files(doc: MapDocument, page: Page, targets: dict[str, Path], *, transparent: bool = False,
                    periods: tuple[str, ...] | None = None, tiles: str | None = None,
                    progress=None, cancelled=None, pdf: bytes | None = None) -> list[Path]:
    """Write one map in every format of ``targets`` (format → path; for ``geojson`` the path is a
    prefix, ``<prefix>_<layer>.geojson``), the one path the command line, the export dialog and the
    series share. Call it inside :func:`geo.atomic.output_set` so the files land together.

    ``progress(fraction, format)`` and ``cancelled()`` are checked between files; ``pdf`` reuses
    bytes from :func:`pdf_bytes`.
    """
    from gui.layout import page_view
    from gui.workers import Cancelled

    steps = [f for f in FILE_FORMATS if f in targets]
    written: list[Path] = []
    view = layers = None
    for i, fmt in enumerate(steps):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(i / len(steps), fmt)
        if fmt == "png":
            step = (lambda f, i=i: progress((i + f) / len(steps), "png")) if progress is not None else None
            written.append(export_png(doc, targets[fmt], PngExportSettings(page, transparent, periods), step))
        elif fmt == "svg":
            written.append(export_svg(doc, targets[fmt], VectorExportSettings(page, transparent, periods)))
        elif fmt == "pdf":
            written.append(export_pdf(doc, targets[fmt], VectorExportSettings(page, transparent, periods), pdf))
        else:
            view = view or page_view(doc, page)
            if fmt == "html":
                from geo.exports.webmap import WebMapSettings, export_webmap

                settings = WebMapSettings(tiles=tiles) if tiles else WebMapSettings()
                written.append(export_webmap(doc, view, targets[fmt], settings))
                continue
            # imported here: the vector writers bring GDAL (30 MB), which a PNG-only render never needs
            from geo.exports.layers import export_layers
            from geo.exports.vector import write_geojson, write_geopackage

            layers = layers if layers is not None else export_layers(doc, view)
            if fmt == "geojson":
                prefix = targets[fmt]
                for name, gdf in layers.items():
                    if cancelled is not None and cancelled():
                        raise Cancelled()
                    written.append(write_geojson(gdf, prefix.with_name(f"{prefix.name}_{name}.geojson")))
            else:
                written.append(write_geopackage(layers, targets[fmt]))
    return written
