"""Where figures go beside their flows, in page pixels (no Qt): the painter measures and draws.

A figure is offered positions beside its flow (either side, along it), beyond its tip and behind
its start, then on rings farther out tied back by a leader line; a total (a parent's figure drawn
through its branches) around the place its branches arrive. Two rules make a figure read as its
own flow's:
- a leader ends at what the label stands for: the edge of its flow, or the tip of one of the total's
  branches, not a point in the sea between them (the Italy total's leader ended off Sicily);
- a position not clearly nearer its own symbol than any other (CLEAR_RATIO) costs
  AMBIGUOUS_COST, more than every other position together, so it is taken only when nothing else
  is free ("3,438" under the Tunisia arrow sat nearer the Libya arrow's shaft).
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.strtree import STRtree

LEADER_MIN_MM = 2.0
"""A label this close to its anchor reads as attached and gets no leader line."""
LEADER_TRIM_MM = 0.4
"""A leader may touch flows only this near its anchor (where it leaves its own flow's edge)."""
VALUE_MARGIN_MM = 0.5
CLEAR_RATIO = 2.0
"""A figure is read as its own symbol's when every other symbol is more than CLEAR_RATIO times as far
and VALUE_MARGIN_MM more: between two arrows, a little nearer one still reads as either's
('11,341' between the Libya and Tunisia arrows under EPSG:3035)."""
AMBIGUOUS_COST = 20.0
"""Cost of a position nearer another symbol: more than the dearest unambiguous one (about 6)."""
ALONG = (0.5, 0.42, 0.58, 0.34, 0.66, 0.25, 0.75, 0.15, 0.85, 0.05)
"""Where along its flow a figure is tried, as fractions of its length (the middle first)."""
SIDE_GAPS_MM = ((1.2, 0.0), (3.5, 0.5), (6.0, 1.0), (9.0, 1.5))
"""(gap from the band's edge, cost) of the positions beside a flow; past 2 mm a leader ties them back."""
RING_MM = (6, 10, 15)
"""Radii of the last-resort rings around a flow's middle."""
TOTAL_RING_MM = ((2, 0.0), (5, 0.5), (9, 1.0), (14, 1.6), (20, 2.4))
"""(distance, cost) of a total's rings around where its branches arrive, and around each branch's tip."""
TIP_RING_COST = 0.1
"""Extra cost, per mm between that tip and where the branches arrive, of a total's position around one
branch's tip: near the arrival they are almost as good, by a far branch (Sardinia's) a last resort."""


def flow_candidates(xy: np.ndarray, half_w: float, size: tuple[float, float], mm: float, shape=None
                    ) -> tuple[list[tuple[float, float, float]], list[tuple[float, float]]]:
    """Candidate centres (x, y, cost) of a figure beside the flow whose centre line is ``xy`` (pixels),
    and per candidate the anchor of its leader on the flow's edge (``shape``, its symbol in pixels, for
    the rings farther out); whether a leader is drawn depends on how far the box lands from it."""
    w, h = size
    seg = np.diff(xy, axis=0)
    cum = np.concatenate([[0], np.cumsum(np.hypot(seg[:, 0], seg[:, 1]))])
    cands: list[tuple[float, float, float]] = []
    anchors: list[tuple[float, float] | None] = []
    for frac in ALONG:
        s = frac * cum[-1]
        k = min(max(np.searchsorted(cum, s) - 1, 0), len(seg) - 1)
        t = (s - cum[k]) / max(cum[k + 1] - cum[k], 1e-9)
        px, py = xy[k] + t * seg[k]
        dx, dy = seg[k] / max(np.hypot(*seg[k]), 1e-9)
        nx, ny = -dy, dx
        reach = abs(nx) * w / 2 + abs(ny) * h / 2
        for side, side_pen in ((1, 0.0), (-1, 0.05)):
            for gap, gap_pen in SIDE_GAPS_MM:
                off = half_w + gap * mm + reach
                anchors.append((float(px + side * nx * half_w), float(py + side * ny * half_w)))
                cands.append((float(px + side * nx * off), float(py + side * ny * off),
                               abs(frac - 0.5) + side_pen + gap_pen))
    for end, sign, pen_end in ((xy[-1], 1, 0.6), (xy[0], -1, 0.8)):  # beyond the tip, behind the start
        k = len(seg) - 1 if sign > 0 else 0
        dx, dy = seg[k] / max(np.hypot(*seg[k]), 1e-9)
        reach = abs(dx) * w / 2 + abs(dy) * h / 2
        for gap in (1.5, 3.5):
            anchors.append((float(end[0]), float(end[1])))
            cands.append((float(end[0] + sign * dx * (gap * mm + reach)), float(end[1] + sign * dy * (gap * mm + reach)),
                          pen_end + gap / 5))
    mx, my = xy[len(xy) // 2]
    ring = []
    for dist in RING_MM:  # last resort: a ring around the flow, tied by a leader to its nearest edge
        for ang in np.linspace(0, 2 * np.pi, 16, endpoint=False):
            ux, uy = np.cos(ang), np.sin(ang)
            reach = abs(ux) * w / 2 + abs(uy) * h / 2
            ring.append((float(mx + ux * (dist * mm + reach)), float(my + uy * (dist * mm + reach)), 3.0 + dist / 5))
    r = np.asarray(ring)
    if shape is not None and not shape.is_empty:
        edge = shapely.get_coordinates(shapely.shortest_line(shape, shapely.points(r[:, :2])))[0::2]
    else:
        edge = np.tile([mx, my], (len(r), 1))
    anchors += [(float(x), float(y)) for x, y in edge]
    return cands + ring, anchors


def total_candidates(arrival: np.ndarray, start: np.ndarray, tips: np.ndarray, size: tuple[float, float], mm: float
                     ) -> tuple[list[tuple[float, float, float]], list[tuple[float, float]]]:
    """Candidate centres of a total on rings around ``arrival`` (where its branches arrive) and around
    each of its branches' ``tips``, preferring the side away from ``start`` (where they come from);
    each is tied to the nearest tip, so its leader ends at an arrowhead, not in the sea between them."""
    w, h = size
    beyond = np.asarray(arrival, float) - start
    beyond /= max(np.hypot(*beyond), 1e-9)
    given = np.asarray(tips, float).reshape(-1, 2)
    tips = given if len(given) else np.asarray([arrival], float)  # no tips: tied to the arrival itself
    cands, anchors = [], []
    for k, (ax, ay) in enumerate([arrival, *given]):  # the arrival's rings once, not again as its own tip
        for dist, cost in TOTAL_RING_MM:
            for ang in np.linspace(0, 2 * np.pi, 24, endpoint=False):
                ux, uy = np.cos(ang), np.sin(ang)
                reach = abs(ux) * w / 2 + abs(uy) * h / 2
                cx, cy = ax + ux * (dist * mm + reach), ay + uy * (dist * mm + reach)
                near = tips[np.argmin(_box_distance(tips, cx, cy, w, h))]
                anchors.append((float(near[0]), float(near[1])))
                away = np.hypot(ax - arrival[0], ay - arrival[1]) / mm if k else 0.0
                cands.append((float(cx), float(cy),
                              cost + 2.5 * (1 - ux * beyond[0] - uy * beyond[1]) / 2 + TIP_RING_COST * away))
    return cands, anchors


def leader_ends(cands: list, anchors: list, shapes: list) -> list[tuple[float, float]]:
    """Each candidate's anchor moved back along the line from the candidate's centre to where that
    line first meets the outline of the symbol ``shapes`` the anchor lies on (within a pixel): a
    total's leader to an arrowhead's tip crossed the whole head, and on Ceuta's 3 mm arrow two such
    leaders hid most of it."""
    if not shapes:
        return list(anchors)
    shapes = np.asarray(shapes, dtype=object)
    cand_xy = np.asarray([c[:2] for c in cands], float).reshape(-1, 2)
    anchor_xy = np.asarray(anchors, float).reshape(-1, 2)
    # each anchor's symbols' outline, once (a few tips, ~200 candidates each); all leaders cut at once
    tips, which = np.unique(anchor_xy, axis=0, return_inverse=True)
    outlines = np.empty(len(tips), dtype=object)
    for k, (ax, ay) in enumerate(tips):
        near = shapes[shapely.dwithin(shapes, shapely.Point(ax, ay), 1.0)]
        outlines[k] = shapely.boundary(shapely.union_all(near)) if len(near) else None
    lines = shapely.linestrings(np.stack([cand_xy, anchor_xy], axis=1))
    hits, of = shapely.get_coordinates(shapely.intersection(lines, outlines[np.ravel(which)]), return_index=True)
    out = anchor_xy.copy()
    if len(hits):
        d = np.hypot(hits[:, 0] - cand_xy[of, 0], hits[:, 1] - cand_xy[of, 1])
        order = np.lexsort((d, of))  # each candidate's hit nearest its centre first
        first = order[np.r_[True, of[order][1:] != of[order][:-1]]]
        out[of[first]] = hits[first]
    return [(float(x), float(y)) for x, y in out]


def _box_distance(pts: np.ndarray, cx: float, cy: float, w: float, h: float) -> np.ndarray:
    dx = np.maximum(np.abs(pts[:, 0] - cx) - w / 2, 0.0)
    dy = np.maximum(np.abs(pts[:, 1] - cy) - h / 2, 0.0)
    return np.hypot(dx, dy)


class Symbols:
    """The flow symbols on the page (pixel polygons), indexed for the nearer-its-own rule."""

    def __init__(self, shapes, keys) -> None:
        self.shapes = np.asarray(shapes, dtype=object)
        self.keys = np.asarray(keys, dtype=object)
        self.tree = STRtree(self.shapes) if len(self.shapes) else None

    def too_near(self, cands: list, size: tuple[float, float], clear: float,
                 which: np.ndarray | None = None) -> np.ndarray:
        """Infinite for each candidate box (of ``which``, or all) within ``clear`` pixels of any symbol, else 0:
        a figure that belongs to no one flow, beside one, reads as that flow's."""
        c = np.asarray(cands, float).reshape(-1, 3)[:, :2]
        c = c if which is None else c[np.asarray(which, int)]
        cost = np.zeros(len(c))
        if self.tree is None or not len(c):
            return cost
        w, h = size
        rects = shapely.box(c[:, 0] - w / 2, c[:, 1] - h / 2, c[:, 0] + w / 2, c[:, 1] + h / 2)
        cost[np.unique(self.tree.query(rects, predicate="dwithin", distance=clear)[0])] = np.inf
        return cost

    def ambiguity_cost(self, cands: list, size: tuple[float, float], own: set, margin: float,
                       which: np.ndarray | None = None, ratio: float = CLEAR_RATIO) -> np.ndarray:
        """AMBIGUOUS_COST for each candidate box (of ``which``, or all) with a symbol not in ``own`` (keys)
        within ``ratio`` times its distance to the nearest of its own symbols, plus ``margin``; else 0."""
        c = np.asarray(cands, float).reshape(-1, 3)[:, :2]
        c = c if which is None else c[np.asarray(which, int)]
        cost = np.zeros(len(c))
        mine = np.flatnonzero(np.isin(self.keys, list(own)))
        if self.tree is None or not len(c) or not len(mine):
            return cost
        w, h = size
        rects = shapely.box(c[:, 0] - w / 2, c[:, 1] - h / 2, c[:, 0] + w / 2, c[:, 1] + h / 2)
        d_own = shapely.distance(rects[:, None], self.shapes[mine][None, :]).min(axis=1)
        reach = ratio * d_own + margin
        a, b = self.tree.query(rects, predicate="dwithin", distance=reach)
        other = ~np.isin(b, mine)
        a, b = a[other], b[other]
        bad = shapely.distance(rects[a], self.shapes[b]) < reach[a]
        cost[np.unique(a[bad])] = AMBIGUOUS_COST
        return cost
