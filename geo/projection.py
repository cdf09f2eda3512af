"""The project CRS and the one way geometries are projected (densified first, so long routes bend)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
from pyproj import CRS
from pyproj.exceptions import CRSError

from geo.errors import CrossingsError

# Lambert azimuthal equal-area centred on the region: areas compare fairly from the Sahel to the
# Alps, and the Mediterranean keeps its familiar shape.
DEFAULT_CRS = "+proj=laea +lat_0=30 +lon_0=5 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"

WGS84 = "EPSG:4326"


@dataclass(frozen=True)
class ProjectionPreset:
    key: str
    label: str
    crs: str


PRESETS: tuple[ProjectionPreset, ...] = (
    ProjectionPreset("north-africa-laea", "Equal-area, centred on North Africa (LAEA 30°N 5°E)", DEFAULT_CRS),
    ProjectionPreset("etrs89-laea", "ETRS89 / LAEA Europe (EPSG:3035)", "EPSG:3035"),
    ProjectionPreset("web-mercator", "Web Mercator (EPSG:3857)", "EPSG:3857"),
    ProjectionPreset("lonlat", "Plain longitude/latitude (EPSG:4326)", WGS84),
)

# Segments longer than this (degrees) are densified before projecting: to_crs moves vertices only.
DENSIFY_DEG = 0.5


@lru_cache(maxsize=32)
def resolve_crs(text: str) -> CRS:
    """A CRS from a preset key, an EPSG code (``EPSG:3035`` or ``3035``), WKT or a PROJ string."""
    for preset in PRESETS:
        if text == preset.key:
            return CRS.from_user_input(preset.crs)
    spec: str | int = int(text) if text.strip().isdigit() else text
    try:
        crs = CRS.from_user_input(spec)
    except CRSError as exc:
        raise CrossingsError(f"projection {text!r} is not a CRS pyproj knows: {exc}") from None
    if crs.is_geocentric:
        raise CrossingsError(f"projection {text!r} is geocentric; choose a map projection")
    return crs


def check_shows_region(text: str, extent_lonlat: tuple[float, float, float, float]) -> None:
    """Refuse a projection in which part of the map's region has no coordinates.

    An orthographic view of the other hemisphere, or a polar projection's far side, sends
    North Africa to infinity: the map would be empty or the render would fail deep inside.
    A 9 x 9 grid over the region (its edges included) must project to finite coordinates.
    """
    import numpy as np

    w, s, e, n = extent_lonlat
    lon, lat = np.meshgrid(np.linspace(w, e, 9), np.linspace(s, n, 9))
    try:
        x, y = transformer("EPSG:4326", text).transform(lon.ravel(), lat.ravel(), errcheck=False)
    except Exception as exc:  # pyproj raises ProjError for some inputs even without errcheck
        raise CrossingsError(f"projection {text!r} cannot show the map's region ({exc})") from None
    bad = ~(np.isfinite(x) & np.isfinite(y))
    if bad.any():
        raise CrossingsError(f"projection {text!r} cannot show the map's region: {int(bad.sum())} of 81 points between "
                             f"{w:g}° and {e:g}° longitude, {s:g}° and {n:g}° latitude fall outside it; choose "
                             "another, e.g. north-africa-laea")


@lru_cache(maxsize=32)
def transformer(src: str, dst: str):
    """A cached always_xy pyproj Transformer (building one costs ~10 ms; maps need a few per render)."""
    from pyproj import Transformer

    return Transformer.from_crs(resolve_crs(src), resolve_crs(dst), always_xy=True)


def to_crs(gdf: gpd.GeoDataFrame, crs: str) -> gpd.GeoDataFrame:
    """Project a lon/lat layer, densifying long segments so they follow the projection's curvature."""
    target = resolve_crs(crs)
    if gdf.crs is not None and CRS.from_user_input(gdf.crs) == target:
        return gdf
    if gdf.crs is not None and CRS.from_user_input(gdf.crs).is_geographic:
        gdf = gdf.set_geometry(gdf.geometry.segmentize(DENSIFY_DEG))
    return gdf.to_crs(target)
