"""Where an exported page lies on the Earth: world files beside a PNG, the GeoPDF measure of a PDF.

Both come from the one :class:`~geo.view.MapView` the page was drawn with, so a GIS puts the file
exactly where the map drew it. The page has no rotation (the view maps x and y separately), so a
world file's two rotation terms are zero and a GeoPDF's frame is a rectangle.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pyproj import Transformer
from pyproj.enums import WktVersion

from geo.projection import resolve_crs
from geo.view import MapView

# The frame's corners in the order GDAL (and so QGIS's GeoPDF export) lists them, as unit-square
# positions in the viewport (x right, y up): upper left, lower left, lower right, upper right.
UNIT_CORNERS = ((0, 1), (0, 0), (1, 0), (1, 1))
# The units a PDF map reader shows measurements in (ISO 32000-2, 12.10.3): metres, square metres, degrees.
DISPLAY_UNITS = ("M", "SQM", "DEG")


@lru_cache(maxsize=16)
def _to_geodetic(crs_text: str) -> Transformer:
    crs = resolve_crs(crs_text)
    return Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)


def esri_wkt(crs_text: str) -> str:
    """The projection as ESRI WKT: what a ``.prj`` beside a raster holds and what GDAL writes into a
    GeoPDF's ``/GCS /WKT``."""
    return resolve_crs(crs_text).to_wkt(WktVersion.WKT1_ESRI)


def epsg_code(crs_text: str) -> int | None:
    """The EPSG code of the projection when it has one (the bundled LAEA centred on North Africa has none)."""
    return resolve_crs(crs_text).to_epsg()


def is_geographic(crs_text: str) -> bool:
    return resolve_crs(crs_text).is_geographic


def frame_corners(view: MapView) -> list[tuple[float, float]]:
    """The map frame's corners in the map CRS, in :data:`UNIT_CORNERS` order."""
    minx, miny, maxx, maxy = view.extent
    return [(minx + u * (maxx - minx), miny + v * (maxy - miny)) for u, v in UNIT_CORNERS]


def frame_corners_lat_lon(view: MapView) -> list[tuple[float, float]]:
    """The frame's corners as (latitude, longitude) in the projection's own datum, the pairs a
    GeoPDF's ``/GPTS`` holds (latitude first)."""
    lon, lat = _to_geodetic(view.crs).transform(*zip(*frame_corners(view), strict=True))
    return list(zip(lat, lon, strict=True))


# -- PNG: world file, .prj and GDAL's sidecar --------------------------------------------------------------
def world_file_text(view: MapView) -> str:
    """The six lines of a world file for the whole page's pixels: pixel size in x, two rotation terms
    (0), minus the pixel size in y, then the map coordinates of the centre of the top-left pixel."""
    size = view.units_per_px
    x, y = view.to_map(0.5, 0.5)
    return "".join(f"{value!r}\n" for value in (size, 0.0, 0.0, -size, x, y))


def aux_xml_text(crs_text: str) -> str:
    """GDAL's sidecar (``<file>.aux.xml``) naming the raster's CRS: GDAL, and so QGIS, read the
    world file but not a ``.prj`` beside a PNG, so without it the PNG opens with no CRS."""
    from xml.sax.saxutils import escape

    wkt = resolve_crs(crs_text).to_wkt(WktVersion.WKT1_GDAL)
    return f'<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping="1,2">{escape(wkt)}</SRS>\n</PAMDataset>\n'


def world_file_sidecars(png: Path, view: MapView) -> dict[Path, str]:
    """The files beside ``png`` that place it: ``map.pgw`` (the world file GDAL, QGIS and ArcGIS read),
    ``map.prj`` (ESRI's projection file) and ``map.png.aux.xml`` (the CRS for GDAL and QGIS)."""
    return {png.with_suffix(".pgw"): world_file_text(view),
            png.with_suffix(".prj"): esri_wkt(view.crs),
            png.with_name(png.name + ".aux.xml"): aux_xml_text(view.crs)}


# -- PDF: the ISO 32000 geospatial measure ------------------------------------------------------------------
@dataclass(frozen=True)
class GeoViewport:
    """One map frame of a PDF page, georeferenced as ISO 32000-2 (12.10) and GDAL describe it:
    ``bbox`` in PDF user space (points, origin bottom left), the frame's corners as unit-square
    points (``/LPTS``) and as latitude/longitude pairs (``/GPTS``), and the projection."""

    bbox: tuple[float, float, float, float]
    lpts: tuple[float, ...]
    gpts: tuple[float, ...]
    wkt: str
    epsg: int | None
    geographic: bool


def geo_viewport(view: MapView, device_to_page: tuple[float, float, float, float]) -> GeoViewport:
    """The viewport of ``view``'s frame. ``device_to_page`` = (sx, sy, tx, ty) takes a device pixel
    (x, y) to PDF user space (sx * x + tx, sy * y + ty): QPdfWriter draws in device pixels, y down
    from the page's top, through that matrix (the first ``cm`` of its pages)."""
    sx, sy, tx, ty = device_to_page
    left, top, width, height = view.frame_px
    xs = (sx * left + tx, sx * (left + width) + tx)
    ys = (sy * top + ty, sy * (top + height) + ty)
    return GeoViewport(
        bbox=(min(xs), min(ys), max(xs), max(ys)),
        lpts=tuple(float(c) for corner in UNIT_CORNERS for c in corner),
        gpts=tuple(c for corner in frame_corners_lat_lon(view) for c in corner),
        wkt=esri_wkt(view.crs),
        epsg=epsg_code(view.crs),
        geographic=is_geographic(view.crs),
    )
