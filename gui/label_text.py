"""Label texts: names in the map's language, figures formatted, and the ambiguity rule."""

from __future__ import annotations

import numpy as np


def nearer_to_another(cand, size, own, others) -> bool:
    """True when a label box at ``cand`` would sit closer to another place than to its own (ambiguous)."""
    cx, cy, _ = cand
    w, h = size
    pts = np.asarray(others, float).reshape(-1, 2)
    pts = pts[(pts[:, 0] != own[0]) | (pts[:, 1] != own[1])]
    d_own = _box_distance(cx, cy, w, h, np.asarray([own], float))[0]
    slack = 0.25 * h  # near-ties are fine: only a box clearly nearer to another place misleads
    return bool(len(pts)) and bool((_box_distance(cx, cy, w, h, pts) + slack < d_own).any())


def _box_distance(cx: float, cy: float, w: float, h: float, pts: np.ndarray) -> np.ndarray:
    """Distances from points (N, 2) to an axis-aligned box centred at (cx, cy)."""
    dx = np.maximum(np.abs(pts[:, 0] - cx) - w / 2, 0.0)
    dy = np.maximum(np.abs(pts[:, 1] - cy) - h / 2, 0.0)
    return np.hypot(dx, dy)

