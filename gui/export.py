"""Raster and vector exports that paint through the one MapRenderer (PNG now; SVG/PDF share it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage, QPainter

from geo.atomic import check_output_target
from geo.document import MapDocument
from geo.page import Page
from geo.view import MapView
from gui.pdf_export import contents_pdf as contents_pdf  # the PDF writer lives there; callers import from here
from gui.pdf_export import export_pdf
from gui.pdf_export import pdf_bytes as pdf_bytes
from gui.png_writer import encode_png
from gui.render import MapRenderer, RenderOptions
from gui.svg_export import LAYER_LABELS as LAYER_LABELS  # the SVG writer lives there; callers import from here
from gui.svg_export import export_svg


@dataclass(frozen=True)
class PngExportSettings:
    """A PNG of the page: paper or pixel size from ``page``, optionally transparent; with
    ``periods``, small multiples of those periods on one width scale."""

    page: Page
    transparent: bool = False
    periods: tuple[str, ...] | None = None
    world_file: bool = False
    """Also write a world file (``.pgw``), a ``.prj`` and GDAL's ``.png.aux.xml`` beside the PNG:
    the page's pixels in the map CRS (one map only: small multiples have a frame per period)."""


def paint_page(painter: QPainter, doc: MapDocument, page: Page, options: RenderOptions,
               periods: tuple[str, ...] | None = None, reports: list | None = None) -> list[MapView]:
    """The page every export paints: the map, or small multiples when ``periods`` are given;
    returns the view of every map frame painted (what a world file or a GeoPDF georeferences).
    ``reports`` receives the map's render report (what it placed and what found no room)."""
    if periods:
        from gui.small_multiples import render_small_multiples

        return render_small_multiples(painter, doc, page, list(periods), options)
    renderer = MapRenderer(doc)
    view = renderer.render_page(painter, page, options)
    if reports is not None:
        reports.append(renderer.report)
    return [view]


def render_image(doc: MapDocument, page: Page, options: RenderOptions = RenderOptions(),
                 periods: tuple[str, ...] | None = None, reports: list | None = None) -> QImage:
    page.check_raster()  # before allocating: A2 at 1200 dpi once took 7.1 GB
    w, h = page.size_px
    # an opaque page in three bytes a pixel, as the PNG stores it: Qt paints it as fast, to within rounding at
    # antialiased edges, the encoder reads it in place, and an A4 page at 300 dpi holds 8.7 MB less
    # (the cold render's peak, bench/README.md)
    fmt = QImage.Format.Format_ARGB32_Premultiplied if options.transparent else QImage.Format.Format_RGB888
    image = QImage(w, h, fmt)
    image.setDotsPerMeterX(round(page.dpi / 0.0254))
    image.setDotsPerMeterY(round(page.dpi / 0.0254))
    if options.transparent or periods:
        image.fill(0)  # otherwise render_page paints every pixel of the page itself
    painter = QPainter(image)
    try:
        paint_page(painter, doc, page, options, periods, reports)
    finally:
        painter.end()
    return image


def export_png(doc: MapDocument, path: str | Path, settings: PngExportSettings, progress=None,
               reports: list | None = None) -> Path:
    """The PNG; ``progress(fraction)`` is told when the page is painted and when it is encoded (the
    export dialog's bar sat at 0 % for the whole of a large PNG)."""
    from gui.png_writer import png_metadata, png_sidecars, write_png_files

    path = check_output_target(path)
    sidecars = png_sidecars(doc, path, settings)  # before painting: a refused world file costs no render
    image = render_image(doc, settings.page, RenderOptions(transparent=settings.transparent), settings.periods, reports)
    if progress is not None:
        progress(PNG_PAINTED)
    data = encode_png(image, settings.page.dpi, **png_metadata(doc, settings.periods))
    if progress is not None:
        progress(PNG_ENCODED)
    write_png_files(path, data, sidecars)
    return path


# Shares of a PNG export's time, measured on the default map at A4 300 dpi: painting, then encoding.
PNG_PAINTED, PNG_ENCODED = 0.6, 0.9


@dataclass(frozen=True)
class VectorExportSettings:
    """SVG or PDF of the page; sizes in mm come from ``page`` (its dpi sets the coordinate grid)."""

    page: Page
    transparent: bool = False
    periods: tuple[str, ...] | None = None
    geopdf: bool = False
    """PDF only: georeference every map frame (ISO 32000 geospatial measure, as QGIS's GeoPDF)."""


# The order every caller writes a map's files in: the quick raster first, the web map last.
FILE_FORMATS = ("png", "svg", "pdf", "geojson", "gpkg", "html")


def write_map_files(doc: MapDocument, page: Page, targets: dict[str, Path], *, transparent: bool = False,
                    periods: tuple[str, ...] | None = None, tiles: str | None = None,
                    progress=None, cancelled=None, pdf: bytes | None = None,
                    geopdf: bool = False, world_file: bool = False, reports: list | None = None) -> list[Path]:
    """Write one map in every format of ``targets`` (format → path; for ``geojson`` the path is a
    prefix, ``<prefix>_<layer>.geojson``), the one path the command line, the export dialog and the
    series share. Call it inside :func:`geo.atomic.output_set` so the files land together.

    ``progress(fraction, format)`` and ``cancelled()`` are checked between files; ``pdf`` reuses
    bytes from :func:`pdf_bytes`. ``geopdf`` georeferences the PDF; ``world_file`` writes the PNG's
    world file, ``.prj`` and ``.aux.xml`` beside it. ``reports`` receives the PNG's render report.
    """
    from gui.layout import page_view
    from gui.workers import Cancelled

    steps = [f for f in FILE_FORMATS if f in targets]
    written: list[Path] = []
    view = layers = marks = None
    for i, fmt in enumerate(steps):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(i / len(steps), fmt)
        if fmt == "png":
            step = (lambda f, i=i: progress((i + f) / len(steps), "png")) if progress is not None else None
            written.append(export_png(doc, targets[fmt], PngExportSettings(page, transparent, periods, world_file), step,
                                      reports))
        elif fmt == "svg":
            written.append(export_svg(doc, targets[fmt], VectorExportSettings(page, transparent, periods)))
        elif fmt == "pdf":
            written.append(export_pdf(doc, targets[fmt], VectorExportSettings(page, transparent, periods, geopdf), pdf))
        else:
            view = view or page_view(doc, page)
            if marks is None:  # the PNG's names, laid out once for the layers and the web map
                from gui.web_export import page_marks

                marks = page_marks(doc, view)
            if fmt == "html":
                from geo.exports.webmap import WebMapSettings
                from gui.web_export import export_webmap

                settings = WebMapSettings(tiles=tiles) if tiles else WebMapSettings()
                written.append(export_webmap(doc, view, targets[fmt], settings, marks))
                continue
            # imported here: the vector writers bring GDAL (30 MB), which a PNG-only render never needs
            from geo.exports.layers import export_layers
            from geo.exports.vector import write_geojson, write_geopackage

            if layers is None:  # with the PNG's names: a town whose name found no room is off its map
                layers = export_layers(doc, view, marks)
            if fmt == "geojson":
                prefix = targets[fmt]
                for name, gdf in layers.items():
                    if cancelled is not None and cancelled():
                        raise Cancelled()
                    written.append(write_geojson(gdf, prefix.with_name(f"{prefix.name}_{name}.geojson")))
            else:  # with the map's style for every layer, so QGIS opens it looking like the PNG
                from geo.exports.gpkg_styles import map_styles

                written.append(write_geopackage(layers, targets[fmt], styles=map_styles(doc, layers)))
    return written
