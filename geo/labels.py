"""Greedy label placement with collision avoidance, in page pixels and free of any GUI toolkit.

The caller measures text (the renderer uses Qt font metrics) and passes candidate positions in
order of preference; a label never overlaps an already placed label and avoids obstacles (flow
symbols, markers) where any candidate allows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import shapely
from shapely.geometry import box
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
    tree = STRtree(obstacles) if obstacles else None
    hard_tree = STRtree(hard) if hard else None
    fx0, fy0, fw, fh = frame
    placed: list[PlacedLabel] = []
    placed_boxes: list = []
    dropped: list[str] = []
    for req in sorted(requests, key=lambda r: -r.priority):
        w, h = req.size
        best, best_cost, best_hit, best_i = None, float("inf"), False, 0
        for ci, (cx, cy, penalty) in enumerate(req.candidates):
            x0, y0 = cx - w / 2, cy - h / 2
            if x0 < fx0 or y0 < fy0 or x0 + w > fx0 + fw or y0 + h > fy0 + fh:
                continue
            rect = box(x0, y0, x0 + w, y0 + h)
            if any(rect.intersects(b) for b in placed_boxes):
                continue
            if hard_tree is not None and len(hard_tree.query(rect, predicate="intersects")):
                continue
            hit_area = 0.0
            if tree is not None:
                for i in tree.query(rect, predicate="intersects"):
                    hit_area += shapely.area(shapely.intersection(rect, obstacles[i]))
            cost = penalty + obstacle_weight * hit_area / (w * h)
            if cost < best_cost:
                best, best_cost, best_hit, best_i = rect, cost, hit_area > 0, ci
        if best is None:
            dropped.append(req.key)
            continue
        placed_boxes.append(best)
        placed.append(PlacedLabel(req.key, tuple(best.bounds), best_hit, best_i))
    return placed, dropped
