"""Force-directed layout of origin–destination flows as quadratic Bézier curves.

After Jenny et al., "Force-directed layout of origin-destination flow maps" (2017) and "Design
principles for origin-destination flow maps" (2018): every flow is one curve with a single
control point; the control points move under forces that keep curves symmetric and gently
bent (longer flows bend more), push flows apart where they overlap, keep them from passing
under nodes they do not connect, and spread flows that share a node. Pure numpy; it works in
any projected plane and reports progress and honours cancellation like the rest of geo/.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import shapely


@dataclass(frozen=True)
class LayoutSettings:
    iterations: int = 50
    curvature: float = 0.18
    """Ideal control point offset from the chord's midpoint, as a fraction of the chord length."""
    flow_repulsion: float = 1.0
    node_repulsion: float = 1.5
    spring: float = 0.6
    samples: int = 14
    """Points per curve used for the forces."""
    symmetry: float = 0.25
    """How much of a force may move a control point along its chord (0 keeps curves symmetric)."""
    min_angle_deg: float = 14.0
    """Flows leaving or entering one node spread at least this far apart."""


def bezier(start: np.ndarray, ctrl: np.ndarray, end: np.ndarray, n: int) -> np.ndarray:
    """Points of quadratic Bézier curves: arrays (N, 2) -> (N, n, 2)."""
    t = np.linspace(0.0, 1.0, n)[None, :, None]
    return (1 - t) ** 2 * start[:, None, :] + 2 * (1 - t) * t * ctrl[:, None, :] + t**2 * end[:, None, :]


def layout_flows(starts: np.ndarray, ends: np.ndarray, widths: np.ndarray, nodes: np.ndarray,
                 node_radii: np.ndarray, settings: LayoutSettings = LayoutSettings(),
                 progress: Callable[[float], None] | None = None,
                 is_cancelled: Callable[[], bool] | None = None) -> np.ndarray:
    """Control points (N, 2) for flows from ``starts`` to ``ends`` (N, 2), in map units.

    ``widths`` are the flows' drawn widths (map units) and set how far flows keep apart;
    ``nodes`` (M, 2) with ``node_radii`` are the symbols flows must not run under unless they
    start or end there.
    """
    starts, ends = np.asarray(starts, float), np.asarray(ends, float)
    n = len(starts)
    if n == 0:
        return np.empty((0, 2))
    chord = ends - starts
    length = np.maximum(np.hypot(chord[:, 0], chord[:, 1]), 1e-9)
    along = chord / length[:, None]
    normal = np.column_stack([-along[:, 1], along[:, 0]])  # left of the direction of travel
    mid = (starts + ends) / 2
    ideal = mid + normal * (settings.curvature * length)[:, None]  # every flow bends the same way: two-way pairs separate
    ctrl = ideal.copy()
    widths = np.asarray(widths, float)
    scale = float(np.median(length))
    reach = np.maximum(widths * 2.0, scale * 0.02)  # how far a flow's presence is felt
    nodes = np.asarray(nodes, float).reshape(-1, 2)
    node_radii = np.asarray(node_radii, float).reshape(-1)
    connected = _connected(starts, ends, nodes)
    node_tree = shapely.STRtree(shapely.points(nodes)) if len(nodes) else None
    k = settings.samples
    inner = slice(2, k - 2)  # the ends meet at nodes anyway: they do not repel
    for it in range(settings.iterations):
        if is_cancelled is not None and is_cancelled():
            break
        cool = 1.0 - it / settings.iterations
        pts = bezier(starts, ctrl, ends, k)  # (N, k, 2)
        force = settings.spring * (ideal - ctrl)
        if it % 5 == 0:
            pairs = _neighbour_pairs(pts[:, inner], reach) if n > 1 else (np.empty(0, int), np.empty(0, int))
        force += settings.flow_repulsion * _flow_repulsion(pts[:, inner], reach, pairs)
        force += settings.node_repulsion * _node_repulsion(pts, nodes, node_radii, connected, widths, node_tree)
        # keep curves symmetric: mostly move along the chord's normal
        f_norm = np.sum(force * normal, axis=1)[:, None] * normal
        f_along = np.sum(force * along, axis=1)[:, None] * along
        step = f_norm + settings.symmetry * f_along
        limit = (0.08 * length * cool + 1e-9)[:, None]
        mag = np.maximum(np.hypot(step[:, 0], step[:, 1])[:, None], 1e-12)
        ctrl += step * np.minimum(1.0, limit / mag)
        if settings.min_angle_deg > 0:
            ctrl = _spread_at_nodes(starts, ends, ctrl, np.radians(settings.min_angle_deg))
        if progress is not None:
            progress((it + 1) / settings.iterations)
    return ctrl


def _connected(starts: np.ndarray, ends: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """(N, M): whether flow i starts or ends at node j."""
    if not len(nodes):
        return np.zeros((len(starts), 0), bool)
    ds = np.hypot(*(starts[:, None, :] - nodes[None, :, :]).transpose(2, 0, 1))
    de = np.hypot(*(ends[:, None, :] - nodes[None, :, :]).transpose(2, 0, 1))
    return (ds < 1e-6) | (de < 1e-6)


def _neighbour_pairs(pts: np.ndarray, reach: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of sample points (flat indices) of different flows that may come within reach.

    Found with an STR tree (``dwithin`` runs in C) with a 30 % margin, so the pairs can be
    reused for a few iterations while the curves move.
    """
    n, s = pts.shape[:2]
    flat = pts.reshape(-1, 2)
    owner = np.repeat(np.arange(n), s)
    points = shapely.points(flat)
    tree = shapely.STRtree(points)
    a, b = tree.query(points, predicate="dwithin", distance=2.6 * reach[owner])
    keep = owner[a] != owner[b]
    return a[keep], b[keep]


def _flow_repulsion(pts: np.ndarray, reach: np.ndarray, pairs: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Push each control point away from other flows' curves that come within their reach."""
    n, s = pts.shape[:2]
    a, b = pairs
    if not len(a):
        return np.zeros((n, 2))
    flat = pts.reshape(-1, 2)
    owner_a = a // s
    d = flat[a] - flat[b]
    dist = np.hypot(d[:, 0], d[:, 1])
    r_a, r_b = reach[owner_a], reach[b // s]
    t = np.linspace(0, 1, s + 4)[2:-2]
    shape = (2 * (1 - t) * t)[a % s]  # a push at the curve's middle moves the control point most
    w = np.clip(1.0 - dist / (r_a + r_b), 0.0, None) ** 2 * shape * r_a / s
    unit = d / np.maximum(dist, 1e-9)[:, None]
    return np.column_stack([np.bincount(owner_a, unit[:, 0] * w, minlength=n),
                            np.bincount(owner_a, unit[:, 1] * w, minlength=n)])


def _node_repulsion(pts: np.ndarray, nodes: np.ndarray, radii: np.ndarray, connected: np.ndarray,
                    widths: np.ndarray, node_tree) -> np.ndarray:
    """Push curves off nodes they do not connect (a flow never passes under a foreign node)."""
    n, s = pts.shape[:2]
    if not len(nodes):
        return np.zeros((n, 2))
    flat = pts.reshape(-1, 2)
    owner = np.repeat(np.arange(n), s)
    clear_max = 2.0 * (radii.max() + widths[owner] * 1.5)
    a, j = node_tree.query(shapely.points(flat), predicate="dwithin", distance=clear_max)
    keep = ~connected[owner[a], j]
    a, j = a[keep], j[keep]
    if not len(a):
        return np.zeros((n, 2))
    d = flat[a] - nodes[j]
    dist = np.hypot(d[:, 0], d[:, 1])
    clear = radii[j] + widths[owner[a]] * 1.5
    t = np.linspace(0, 1, s)
    w = np.clip(1.0 - dist / (clear * 2.0), 0.0, None) ** 2 * (2 * (1 - t) * t)[a % s] * clear * 2.0
    unit = d / np.maximum(dist, 1e-9)[:, None]
    return np.column_stack([np.bincount(owner[a], unit[:, 0] * w, minlength=n),
                            np.bincount(owner[a], unit[:, 1] * w, minlength=n)])


def _spread_at_nodes(starts: np.ndarray, ends: np.ndarray, ctrl: np.ndarray, min_angle: float) -> np.ndarray:
    """Rotate control points of flows that leave (or reach) one node at nearly the same angle."""
    if min_angle <= 0:
        return ctrl
    ctrl = ctrl.copy()
    for anchor in (starts, ends):
        keys = np.round(anchor, 3)
        _, groups = np.unique(keys, axis=0, return_inverse=True)
        for g in np.unique(groups):
            idx = np.flatnonzero(groups == g)
            if len(idx) < 2:
                continue
            origin = anchor[idx[0]]
            vec = ctrl[idx] - origin
            ang = np.arctan2(vec[:, 1], vec[:, 0])
            order = np.argsort(ang)
            ang_sorted = ang[order]
            gaps = np.diff(ang_sorted)
            for j, gap in enumerate(gaps):
                if gap < min_angle:
                    push = (min_angle - gap) / 2
                    ang_sorted[j] -= push
                    ang_sorted[j + 1] += push
            ang[order] = ang_sorted
            r = np.hypot(vec[:, 0], vec[:, 1])
            ctrl[idx] = origin + np.column_stack([np.cos(ang), np.sin(ang)]) * r[:, None]
    return ctrl
