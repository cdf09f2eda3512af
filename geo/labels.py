"""Greedy label placement with collision avoidance, in page pixels and free of any GUI toolkit.

The caller measures text (the renderer uses Qt font metrics) and passes candidate positions in
order of preference; a label never overlaps an already placed label and avoids obstacles (flow
symbols, markers) where any candidate allows. All candidates of a label are tested at once
(numpy for label–label overlaps, an STR tree for obstacles), so hundreds of labels stay fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.strtree import STRtree


@dataclass
class LabelRequest:
    key: str
    size: tuple[float, float]
    """Width and height of the text box in pixels (halo included)."""
    candidates: list[tuple[float, float, float]] = field(default_factory=list)
    """(centre x, centre y, penalty) in pixels; lower penalty is preferred."""
    priority: float = 0.0
    """Higher goes first and so gets the better position."""


@dataclass(frozen=True)
class PlacedLabel:
    key: str
    rect: tuple[float, float, float, float]
    """(x0, y0, x1, y1) in pixels."""
    overlaps_obstacle: bool
    candidate: int = 0
    """Index of the chosen candidate in the request's list (e.g. to draw a leader line)."""


def place_labels(requests: list[LabelRequest], obstacles: list, frame: tuple[float, float, float, float],
                 obstacle_weight: float = 50.0, hard: list | None = None) -> tuple[list[PlacedLabel], list[str]]:
    """Place labels; returns the placed ones and the keys that found no free position.

    ``obstacles`` may be overlapped at a cost; ``hard`` ones (flows, the legend) never are: a
    label with no candidate clear of them is dropped and reported rather than drawn over a flow.
    """
    soft = np.asarray(obstacles, dtype=object)
    tree = STRtree(soft) if len(soft) else None
    hard = np.asarray(hard if hard is not None else [], dtype=object)
    hard_tree = STRtree(hard) if len(hard) else None
    fx0, fy0, fw, fh = frame
    placed: list[PlacedLabel] = []
    boxes = np.empty((0, 4))
    dropped: list[str] = []
    for req in sorted(requests, key=lambda r: -r.priority):
        if not req.candidates:
            dropped.append(req.key)
            continue
        w, h = req.size
        c = np.asarray(req.candidates, float)
        x0, y0 = c[:, 0] - w / 2, c[:, 1] - h / 2
        x1, y1 = x0 + w, y0 + h
        ok = (x0 >= fx0) & (y0 >= fy0) & (x1 <= fx0 + fw) & (y1 <= fy0 + fh)
        if len(boxes):
            clash = ((x0[:, None] < boxes[None, :, 2]) & (x1[:, None] > boxes[None, :, 0])
                     & (y0[:, None] < boxes[None, :, 3]) & (y1[:, None] > boxes[None, :, 1]))
            ok &= ~clash.any(axis=1)
        if not ok.any():
            dropped.append(req.key)
            continue
        idx = np.flatnonzero(ok)
        rects = shapely.box(x0[idx], y0[idx], x1[idx], y1[idx])
        if hard_tree is not None:
            keep = ~_meets_any(hard_tree, hard, rects)
            idx, rects = idx[keep], rects[keep]
        if not len(idx):
            dropped.append(req.key)
            continue
        cost = c[idx, 2].copy()
        hit_area = np.zeros(len(idx))
        if tree is not None:
            a, b = tree.query(rects, predicate="intersects")
            if len(a):
                areas = shapely.area(shapely.intersection(rects[a], soft[b]))
                hit_area = np.bincount(a, areas, minlength=len(idx))
                cost += obstacle_weight * hit_area / (w * h)
        best = int(np.argmin(cost))
        i = int(idx[best])
        rect = (float(x0[i]), float(y0[i]), float(x1[i]), float(y1[i]))
        boxes = np.vstack([boxes, rect])
        placed.append(PlacedLabel(req.key, rect, bool(hit_area[best] > 0), i))
    return placed, dropped


def _meets_any(tree: STRtree, geoms: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """Which of ``rects`` intersect at least one of ``geoms`` (indexed by ``tree``).

    Where thousands of flow bands overlap, a candidate's box meets the boxes of a thousand bands and
    really crosses hundreds: testing every pair took seconds at 5,000 flows, for a yes that the first
    few give. So each rect's pairs are tested in rounds of 1, 2, 4, ... until one meets; a rect that
    meets nothing still tests them all, so the answer is the exhaustive one.
    """
    a, b = tree.query(rects)
    hit = np.zeros(len(rects), bool)
    if not len(a):
        return hit
    order = np.argsort(a, kind="stable")
    a, b = a[order], b[order]
    counts = np.bincount(a, minlength=len(rects))
    rank = np.arange(len(a)) - (np.cumsum(counts) - counts)[a]  # each pair's place among its rect's
    lo, hi, last = 0, 1, int(rank.max())
    while lo <= last:
        pairs = np.flatnonzero((rank >= lo) & (rank < hi))
        pairs = pairs[~hit[a[pairs]]]
        hit[a[pairs[shapely.intersects(geoms[b[pairs]], rects[a[pairs]])]]] = True
        lo, hi = hi, 2 * hi
    return hit
