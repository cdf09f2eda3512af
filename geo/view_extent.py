"""The user's frame as a lon/lat box: from a view, to a projected extent, and checked as typed.

``MapDocument.extent_lonlat`` is a lon/lat box (``--extent``, a project's ``extent_lonlat``, View →
Use this view as the export extent), and ``default_extent`` projects it back. In a curved
projection a straight projected edge is a curve in lon/lat and a parallel bows out between its
corners, so both ways the box is taken from many points along every edge, not its four corners;
from a view it is then widened until the projected extent the exports draw covers the whole view.
"""

from __future__ import annotations

import math

import numpy as np

from geo.errors import CrossingsError
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


def projected_box(box: tuple[float, float, float, float], crs: str,
                  points: int = EDGE_POINTS) -> tuple[float, float, float, float]:
    """The projected extent of ``crs`` holding the lon/lat ``box``: its edges sampled, not only its
    corners, since in a curved projection a parallel bows out between them."""
    w, s, e, n = box
    t = np.linspace(0.0, 1.0, points)
    lon = np.concatenate([w + (e - w) * t, np.full(points, e), e - (e - w) * t, np.full(points, w)])
    lat = np.concatenate([np.full(points, s), s + (n - s) * t, np.full(points, n), n - (n - s) * t])
    x, y = transformer("EPSG:4326", crs).transform(lon, lat)
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ok = np.isfinite(x) & np.isfinite(y)
    if not ok.any():
        raise CrossingsError(f"the box {_degrees(box)} lies outside the projection's valid area")
    return (float(x[ok].min()), float(y[ok].min()), float(x[ok].max()), float(y[ok].max()))


MIN_BOX_DEGREES = 0.01
"""A frame narrower or shorter than this (about a kilometre) is a typing mistake, not a map."""


def check_extent_lonlat(values) -> tuple[float, float, float, float]:
    """``values`` (four numbers or texts: west, south, east, north in degrees) as a lon/lat box, or a
    CrossingsError saying in one line which number is wrong and why."""
    values = list(values)
    if len(values) != 4:
        raise CrossingsError(f"needs four numbers, WEST SOUTH EAST NORTH in degrees (e.g. -20 10 30 46); got "
                             f"{len(values)}")
    names = ("west", "south", "east", "north")
    box = []
    for name, value in zip(names, values, strict=True):
        try:
            number = float(str(value).replace("−", "-"))
        except ValueError:
            raise CrossingsError(f"{name} {str(value)!r} is not a number of degrees") from None
        limit = 180.0 if name in ("west", "east") else 90.0
        if not math.isfinite(number):
            raise CrossingsError(f"{name} {value} is not a finite number of degrees")
        if abs(number) > limit:
            raise CrossingsError(f"{name} {value} is outside -{limit:g} to {limit:g} degrees of "
                                 f"{'longitude' if limit == 180.0 else 'latitude'}")
        box.append(number)
    w, s, e, n = box
    if e - w < MIN_BOX_DEGREES:
        raise CrossingsError(f"west {w:g} must be less than east {e:g}" if e <= w else
                             f"west {w:g} to east {e:g} is under {MIN_BOX_DEGREES:g} degrees wide")
    if n - s < MIN_BOX_DEGREES:
        raise CrossingsError(f"south {s:g} must be less than north {n:g}" if n <= s else
                             f"south {s:g} to north {n:g} is under {MIN_BOX_DEGREES:g} degrees tall")
    return (w, s, e, n)


def _degrees(box) -> str:
    return "[" + ", ".join(f"{v:g}" for v in box) + "]"
