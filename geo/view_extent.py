"""The export extent from a view: a projected box as the lon/lat box exports are framed by.

``MapDocument.extent_lonlat`` is a lon/lat box, and ``default_extent`` projects it back. In a
curved projection a straight projected edge is a curve in lon/lat, so the box is taken from many
points along every edge of the view (not its four corners), then widened until the projected
extent the exports draw covers the whole view.
"""

from __future__ import annotations

import numpy as np

from geo.projection import transformer

EDGE_POINTS = 64
"""Points per edge of the view sampled when converting it to lon/lat."""


def lonlat_box(extent: tuple[float, float, float, float], crs: str,
               points: int = EDGE_POINTS) -> tuple[float, float, float, float]:
    """The lon/lat box (west, south, east, north) holding the projected ``extent`` of ``crs``."""
    x0, y0, x1, y1 = extent
    t = np.linspace(0.0, 1.0, points)
    xs = np.concatenate([x0 + (x1 - x0) * t, np.full(points, x1), x1 - (x1 - x0) * t, np.full(points, x0)])
    ys = np.concatenate([np.full(points, y0), y0 + (y1 - y0) * t, np.full(points, y1), y1 - (y1 - y0) * t])
    lon, lat = transformer(crs, "EPSG:4326").transform(xs, ys)
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    ok = np.isfinite(lon) & np.isfinite(lat)
    if not ok.any():
        raise ValueError("the view lies outside the projection's valid area")
    # between samples an edge bends a little further out: a margin of 0.1 % of the box covers it
    return widened((float(lon[ok].min()), float(lat[ok].min()), float(lon[ok].max()), float(lat[ok].max())), 0.001)


def covers(outer: tuple[float, float, float, float], inner: tuple[float, float, float, float],
           tolerance: float = 1e-6) -> bool:
    """True when the box ``outer`` contains ``inner`` (to a relative ``tolerance`` of its size)."""
    slack = tolerance * max(inner[2] - inner[0], inner[3] - inner[1])
    return (outer[0] <= inner[0] + slack and outer[1] <= inner[1] + slack
            and outer[2] >= inner[2] - slack and outer[3] >= inner[3] - slack)


def widened(box: tuple[float, float, float, float], fraction: float) -> tuple[float, float, float, float]:
    """``box`` grown by ``fraction`` of its size on every side, kept within the globe."""
    w, s, e, n = box
    dx, dy = (e - w) * fraction, (n - s) * fraction
    return (max(-180.0, w - dx), max(-90.0, s - dy), min(180.0, e + dx), min(90.0, n + dy))


def set_extent_to_view(doc, extent: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """Set ``doc.extent_lonlat`` so that the extent exports draw (``doc.default_extent()``) covers the
    projected ``extent`` of ``doc.crs``, widening the lon/lat box by 1 % steps where the projection
    bends its edges outward; returns the box set."""
    box = lonlat_box(extent, doc.crs)
    for _ in range(50):
        doc.extent_lonlat = box
        if covers(doc.default_extent(), extent):
            break
        box = widened(box, 0.01)
    return box
