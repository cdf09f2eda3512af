"""Dashes fitted to an outline's corners, as a cartographer sets a dashed outline by hand.

A figure drawn inside another one shown is outlined with a dashed line (geo.map_marks.OUTLINE_DASH).
Stroked with one dash pattern running round the whole outline, the dashes fell where the pattern
happened to be: on the A3 overview the Algeria–Balearic arrow's head had a gap at one base corner
and an 'L' at the other, and read lopsided, notched. Here each run of the outline between two sharp
corners gets a whole number of dash periods, stretched or shrunk to fit it, starting and ending half
way through a dash: every corner is turned by one dash, the tip of an arrowhead among them. QGIS does
the same for the GeoPackage's style (``align_dash_pattern``, ``tweak_dash_pattern_on_corners``).

The dashes are returned as lines (their centre lines), drawn solid with round caps by every output.
"""

from __future__ import annotations

import numpy as np
from shapely.geometry import LineString, MultiLineString
from shapely.ops import substring

CORNER_TURN_DEG = 40.0
"""A vertex where the outline turns by more than this is a corner a dash must turn: an arrowhead's
tip and base corners, a band's flat tail. A band's curve turns a few degrees at each vertex."""


def corner_runs(ring: np.ndarray) -> list[np.ndarray]:
    """The runs of the closed ``ring`` (n×2, first point repeated last) between its corners, each from
    one corner to the next; the whole ring, starting where it starts, when it has no corner."""
    pts = np.asarray(ring, dtype=float)
    if len(pts) > 1 and np.allclose(pts[0], pts[-1]):
        pts = pts[:-1]
    keep = np.r_[True, np.hypot(*np.diff(pts, axis=0).T) > 1e-9]  # repeated vertices turn nowhere
    pts = pts[keep]
    n = len(pts)
    if n < 3:
        return [np.vstack([pts, pts[:1]])] if n else []
    into = pts - np.roll(pts, 1, axis=0)
    out = np.roll(pts, -1, axis=0) - pts
    turn = np.degrees(np.abs(np.arctan2(into[:, 0] * out[:, 1] - into[:, 1] * out[:, 0],
                                        (into * out).sum(axis=1))))
    corners = np.flatnonzero(turn > CORNER_TURN_DEG)
    if not len(corners):
        return [np.vstack([pts, pts[:1]])]
    runs = []
    for a, b in zip(corners, np.r_[corners[1:], corners[0] + n], strict=True):
        idx = np.arange(a, b + 1) % n
        runs.append(pts[idx])
    return runs


def fitted_dashes(line: np.ndarray, dash: float, gap: float) -> list[np.ndarray]:
    """The dashes along the open ``line`` (m×2): a whole number of ``dash`` + ``gap`` periods scaled
    to its length, half a dash at each end, so the dashes of two runs meeting at a corner join into one."""
    geom = LineString(line)
    length = geom.length
    period = dash + gap
    if length == 0 or period <= 0:
        return []
    n = max(1, round(length / period))
    k = length / (n * period)
    half = dash * k / 2
    spans = [(0.0, half)] + [(i * period * k - half, i * period * k + half) for i in range(1, n)]
    spans.append((length - half, length))
    return [np.asarray(substring(geom, a, b).coords) for a, b in spans if b > a]


def outline_dashes(geometry, dash: float, gap: float) -> MultiLineString:
    """The dashes of a polygon's (or several polygons') outline, in its units: ``dash`` and ``gap``
    are lengths in those units (a pattern of pen widths times the pen's width)."""
    rings = []
    for poly in getattr(geometry, "geoms", [geometry]):
        if poly.is_empty:
            continue
        rings.append(np.asarray(poly.exterior.coords))
        rings += [np.asarray(r.coords) for r in poly.interiors]
    out = []
    for ring in rings:
        runs = corner_runs(ring)
        if len(runs) == 1 and np.allclose(runs[0][0], runs[0][-1]):  # no corner: the pattern closes on itself
            out += fitted_dashes(runs[0], dash, gap)
        else:
            for run in runs:
                out += fitted_dashes(run, dash, gap)
    return MultiLineString([d for d in out if len(d) >= 2])
