"""Map furniture computed from the projection: scale bar, north arrow and graticule."""

from __future__ import annotations

import math

import numpy as np
from pyproj import Geod, Transformer
from shapely.geometry import LineString

from geo.projection import transformer
from geo.view import MapView

BOX_OPACITY = 0.96
"""The white of the title, legend and key boxes over the map: at 0.88 the country borders showed
through the legend's circle sizes at print resolution."""
_GEOD = Geod(ellps="WGS84")
_NICE_KM = (10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)


def _to_lonlat(view: MapView) -> Transformer:
    return transformer(view.crs, "EPSG:4326")


def km_per_unit_at_centre(view: MapView) -> float:
    """True ground distance per projected unit at the map centre, east–west."""
    minx, miny, maxx, maxy = view.extent
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    d = (maxx - minx) / 50
    t = _to_lonlat(view)
    (lon0, lon1), (lat0, lat1) = t.transform([cx - d, cx + d], [cy, cy])
    _, _, metres = _GEOD.inv(lon0, lat0, lon1, lat1)
    return metres / 1000.0 / (2 * d)


def scale_bar(view: MapView, target_mm: float = 30.0) -> tuple[float, float]:
    """A round length (km) near ``target_mm`` of paper, and its length in pixels at the centre.

    In an equal-area or conformal world map the scale changes across the map, so the bar is
    labelled as true at the centre.
    """
    km_per_px = km_per_unit_at_centre(view) * view.units_per_px
    target_km = target_mm * view.px_per_mm * km_per_px
    km = min(_NICE_KM, key=lambda k: abs(math.log(k / target_km)))
    return float(km), km / km_per_px


def north_angle_deg(view: MapView) -> float:
    """Clockwise angle of true north from page-up at the map centre (0 = north is straight up)."""
    minx, miny, maxx, maxy = view.extent
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    to_ll = _to_lonlat(view)
    lon, lat = to_ll.transform(cx, cy)
    back = transformer("EPSG:4326", view.crs)
    x2, y2 = back.transform(lon, min(lat + 0.5, 89.9))
    return math.degrees(math.atan2(x2 - cx, y2 - cy))


def graticule(view: MapView, step_deg: float = 10.0) -> list[LineString]:
    """Meridians and parallels every ``step_deg`` across the view, in the view's CRS."""
    t = _to_lonlat(view)
    minx, miny, maxx, maxy = view.extent
    xs = np.linspace(minx, maxx, 9)
    ys = np.linspace(miny, maxy, 9)
    gx, gy = np.meshgrid(xs, ys)
    lons, lats = t.transform(gx.ravel(), gy.ravel())
    lons, lats = np.asarray(lons), np.asarray(lats)
    ok = np.isfinite(lons) & np.isfinite(lats)
    if not ok.any():
        return []
    lon0 = math.floor((lons[ok].min() - step_deg) / step_deg) * step_deg
    lon1 = math.ceil((lons[ok].max() + step_deg) / step_deg) * step_deg
    lat0 = max(-80.0, math.floor((lats[ok].min() - step_deg) / step_deg) * step_deg)
    lat1 = min(80.0, math.ceil((lats[ok].max() + step_deg) / step_deg) * step_deg)
    fwd = transformer("EPSG:4326", view.crs)
    lines = []
    dense_lat = np.linspace(lat0, lat1, 60)
    dense_lon = np.linspace(lon0, lon1, 90)
    for lon in np.arange(lon0, lon1 + 1e-9, step_deg):
        x, y = fwd.transform(np.full_like(dense_lat, lon), dense_lat)
        lines.append(LineString(np.column_stack([x, y])))
    for lat in np.arange(lat0, lat1 + 1e-9, step_deg):
        x, y = fwd.transform(dense_lon, np.full_like(dense_lon, lat))
        lines.append(LineString(np.column_stack([x, y])))
    return [ln for ln in lines if ln.is_valid and np.isfinite(np.asarray(ln.coords)).all()]
