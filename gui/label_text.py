"""Label texts: names in the map's language, figures formatted, and the ambiguity rule."""

from __future__ import annotations

import numpy as np


def unambiguous(cands: list, size, own, others) -> list:
    """The candidate boxes (cx, cy, cost) that sit no closer to another place than to their own:
    all candidates of a label against all places in one array operation (a call per candidate cost
    a tenth of a window repaint)."""
    if not cands:
        return []
    w, h = size
    pts = np.asarray(others, float).reshape(-1, 2)
    pts = pts[(pts[:, 0] != own[0]) | (pts[:, 1] != own[1])]
    if not len(pts):
        return list(cands)
    centres = np.asarray([(c[0], c[1]) for c in cands], float)
    d_own = _box_distances(centres, w, h, np.asarray([own], float))[:, 0]
    slack = 0.25 * h  # near-ties are fine: only a box clearly nearer to another place misleads
    nearer = (_box_distances(centres, w, h, pts) + slack < d_own[:, None]).any(axis=1)
    return [c for c, bad in zip(cands, nearer, strict=True) if not bad]


def _box_distances(centres: np.ndarray, w: float, h: float, pts: np.ndarray) -> np.ndarray:
    """Distances (K, N) from points (N, 2) to K axis-aligned boxes of one size centred at ``centres``."""
    dx = np.maximum(np.abs(pts[None, :, 0] - centres[:, None, 0]) - w / 2, 0.0)
    dy = np.maximum(np.abs(pts[None, :, 1] - centres[:, None, 1]) - h / 2, 0.0)
    return np.hypot(dx, dy)

