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
                 is_cancelled: Callable[[], bool] | None = None, heads: np.ndarray | None = None,
                 sides: np.ndarray | None = None) -> np.ndarray:
    """Control points (N, 2) for flows from ``starts`` to ``ends`` (N, 2), in map units.

    ``widths`` are the flows' drawn widths (map units) and set how far flows keep apart;
    ``nodes`` (M, 2) with ``node_radii`` are the symbols flows must not run under unless they
    start or end there. ``heads`` (N, 2): each arrowhead's width and how far its base stands from
    its destination's centre; the flows reaching one node arrive far enough apart for their heads
    not to overlap (``head_angles``), not only ``min_angle_deg``. ``sides`` (N): +1 bends a flow to the
    left of its travel, as every flow does by default (two-way pairs then separate), -1 to the right.
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
    bend = np.ones(n) if sides is None else np.asarray(sides, float)
    ideal = mid + normal * (bend * settings.curvature * length)[:, None]  # one way, unless told: two-way pairs separate
    ctrl = ideal.copy()
    widths = np.asarray(widths, float)
    heads = None if heads is None else np.asarray(heads, float)
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
    if heads is None:
        return ctrl
    return heads_apart(starts, ends, ctrl, heads, clear_of=(nodes, node_radii, connected, widths))


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


SPREAD_PASSES = 12
"""How often the flows at one node are pushed apart within one step of the layout."""
HEAD_PASSES, HEAD_SAMPLES, NODE_SAMPLES = 16, 200, 64
"""Arrowheads at one node: at most this many turns of their curves, each measured on this many points."""


BENDS = (1.0, -1.0, 1.6, -1.6, 2.2, -2.2)
"""The bends a flow's ideal curve may take (times the layout's curvature; + to the left of its travel),
in order of preference: the usual one first, stronger ones only to cross less land."""
FAR_BENDS, FAR_BEND_WET, FAR_BEND_DRY = (2.8, -2.8, 3.4, -3.4), 0.1, 1
"""Stronger bends still, taken only by a flow that crosses more than FAR_BEND_WET of its length over land
however BENDS bend it, and only where they bring it to the sea but for FAR_BEND_DRY samples: bent 2.2,
Annaba's departures for Lampedusa still ran 40 mm along the Algerian coast and over Cap Bon, and 3.4
clears both. A flow from inland (Mali's nationals) crosses land whichever way it bends, and bent so far
it only crossed the others."""


def drier_sides(starts: np.ndarray, ends: np.ndarray, land, curvature: float = LayoutSettings.curvature,
                samples: int = 40) -> np.ndarray:
    """Per flow, how its ideal curve bends (``layout_flows``' ``sides``): to the left of its travel as
    every flow does, unless another of BENDS crosses less land (the first of equals), and always the
    usual way where the reverse flow is drawn too (the pair must bend apart). Annaba's departures for
    Lampedusa crossed northern Tunisia: a sea crossing drawn across a country."""
    starts, ends = np.asarray(starts, float), np.asarray(ends, float)
    n = len(starts)
    out = np.ones(n)
    if land is None or not n:
        return out
    coast = getattr(land, "geometry", land)
    shapely.prepare(coast)
    key = {(tuple(np.round(a, 3)), tuple(np.round(b, 3))) for a, b in zip(starts, ends, strict=True)}
    free = np.array([(tuple(np.round(e, 3)), tuple(np.round(s, 3))) not in key for s, e in zip(starts, ends, strict=True)])
    if not free.any():
        return out
    s0, s1 = starts[free], ends[free]
    chord = s1 - s0
    normal = np.column_stack([-chord[:, 1], chord[:, 0]])
    bends = np.asarray(BENDS + FAR_BENDS)
    ctrl = ((s0 + s1) / 2)[:, None, :] + normal[:, None, :] * (curvature * bends)[None, :, None]  # (m, b, 2)
    t = np.linspace(0.0, 1.0, samples)[1:-1][None, None, :, None]
    pts = (1 - t) ** 2 * s0[:, None, None, :] + 2 * (1 - t) * t * ctrl[:, :, None, :] + t**2 * s1[:, None, None, :]
    wet = shapely.contains_xy(coast, pts[..., 0].ravel(), pts[..., 1].ravel()).reshape(pts.shape[:3]).sum(axis=2)
    usual, far = wet[:, :len(BENDS)], wet[:, len(BENDS):]
    pick = np.argmin(usual, axis=1)  # the first of equals: the usual bend
    dries = (usual.min(axis=1) > FAR_BEND_WET * (samples - 2)) & (far.min(axis=1) <= FAR_BEND_DRY)
    pick[dries] = len(BENDS) + np.argmin(far[dries], axis=1)
    out[free] = bends[pick]
    return out


def head_angles(heads: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The angle (radians) two flows reaching one node must arrive apart for their heads not to
    overlap: their half-widths side by side at the nearer base (``heads``: width, base's distance
    from the node's centre). At the Canary Islands the 2024 arrivals by nationality came in 14°
    apart, and four heads 2.6 to 6 mm wide lay over each other."""
    half = (heads[i, 0] + heads[j, 0]) / 2
    base = np.maximum(np.minimum(heads[i, 1], heads[j, 1]), 1e-12)
    return 2 * np.arcsin(np.minimum(1.0, half / (2 * base)))


def _spread_at_nodes(starts: np.ndarray, ends: np.ndarray, ctrl: np.ndarray, min_angle: float) -> np.ndarray:
    """Rotate control points of flows that leave (or reach) one node at nearly the same angle."""
    if min_angle <= 0:
        return ctrl
    ctrl = ctrl.copy()
    for anchor in (starts, ends):
        for idx in _shared(anchor):
            origin = anchor[idx[0]]
            vec = ctrl[idx] - origin
            ang = np.arctan2(vec[:, 1], vec[:, 0])
            order = np.argsort(ang)
            ang[order] = _pushed_apart(ang[order], np.full(len(idx) - 1, min_angle))
            r = np.hypot(vec[:, 0], vec[:, 1])
            ctrl[idx] = origin + np.column_stack([np.cos(ang), np.sin(ang)]) * r[:, None]
    return ctrl


def _shared(anchor: np.ndarray) -> list[np.ndarray]:
    """The groups (two or more) of flows whose ``anchor`` (start or end) is one node."""
    _, groups = np.unique(np.round(anchor, 3), axis=0, return_inverse=True)
    return [idx for g in np.unique(groups) if len(idx := np.flatnonzero(groups == g)) > 1]


def _pushed_apart(ang: np.ndarray, need: np.ndarray) -> np.ndarray:
    """Sorted angles, each gap widened to at least ``need`` by pushing its two ends apart alike; again,
    until none is short (a push may close the next gap)."""
    ang = ang.copy()
    for _ in range(SPREAD_PASSES):
        short = np.flatnonzero(np.diff(ang) < need - 1e-9)
        if not len(short):
            break
        for j in short:
            push = (need[j] - (ang[j + 1] - ang[j])) / 2
            ang[j] -= push
            ang[j + 1] += push
    return ang


def heads_apart(starts: np.ndarray, ends: np.ndarray, ctrl: np.ndarray, heads: np.ndarray,
                passes: int = HEAD_PASSES, clear_of: tuple | None = None) -> np.ndarray:
    """``ctrl`` with the flows reaching one node turned about it until their arrowheads' bases, where
    the curves cross each head's base circle (``heads``: width, base's distance from the node's centre),
    stand ``head_angles`` apart as seen from the node. Measured on the curves, not on the control points:
    a bent curve's last stretch turns away from its end tangent (the Senegal flow's head came in 33°
    off it), and the heads overlapped though the control points stood far enough apart. A turn that
    brings a curve over a node it does not connect is taken back as far as that node needs
    (``clear_of``: the nodes, their radii, which flows connect which, the flows' widths): the Guinea
    flow, turned, ran over Mauritania's circle."""
    ctrl = ctrl.copy()
    groups = _shared(ends)
    if not groups:
        return ctrl
    members = np.concatenate(groups)  # only the flows that share an end are turned, and measured
    row = np.full(len(starts), -1)
    row[members] = np.arange(len(members))
    for _ in range(passes):
        pts = bezier(starts[members], ctrl[members], ends[members], HEAD_SAMPLES)
        moved = False
        for idx in groups:
            end = ends[idx[0]]
            rel = pts[row[idx]] - end  # (k, n, 2)
            dist = np.hypot(rel[..., 0], rel[..., 1])
            # the last sample still outside the base circle, walking from the start
            at = np.array([np.flatnonzero(d >= heads[i, 1])[-1] if (d >= heads[i, 1]).any() else 0
                           for d, i in zip(dist, idx, strict=True)])
            base = rel[np.arange(len(idx)), at]
            ang = np.arctan2(base[:, 1], base[:, 0])
            order = np.argsort(ang)
            need = head_angles(heads, idx[order[:-1]], idx[order[1:]])
            if need.sum() > 1.5 * np.pi:  # heads needing most of the node's round cannot all be set apart
                continue
            turned = _pushed_apart(ang[order], need) - ang[order]
            if np.abs(turned).max() < 1e-4:
                continue
            moved = True
            vec = ctrl[idx[order]] - end
            c, s = np.cos(turned), np.sin(turned)
            ctrl[idx[order]] = end + np.column_stack([c * vec[:, 0] - s * vec[:, 1], s * vec[:, 0] + c * vec[:, 1]])
        if clear_of is not None and moved:
            nodes, radii, connected, widths = clear_of
            ctrl[members] = _off_foreign_nodes(starts[members], ends[members], ctrl[members], nodes, radii,
                                               connected[members], widths[members])
        if not moved:
            break
    return ctrl


def _off_foreign_nodes(starts: np.ndarray, ends: np.ndarray, ctrl: np.ndarray, nodes: np.ndarray,
                       radii: np.ndarray, connected: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """``ctrl`` moved so that no curve comes nearer a node it does not connect than the node's radius and
    its own width (the layout's node force, made a rule). Pairs found through an index, as the force's:
    thousands of flows and nodes make no dense array."""
    if not len(nodes):
        return ctrl
    n, k = len(starts), NODE_SAMPLES
    t = np.linspace(0.0, 1.0, k)
    flat = bezier(starts, ctrl, ends, k).reshape(-1, 2)
    owner = np.repeat(np.arange(n), k)
    a, j = shapely.STRtree(shapely.points(nodes)).query(shapely.points(flat), predicate="dwithin",
                                                        distance=float(radii.max() + widths.max()))
    keep = ~connected[owner[a], j]
    a, j = a[keep], j[keep]
    if not len(a):
        return ctrl
    rel = flat[a] - nodes[j]
    dist = np.hypot(rel[:, 0], rel[:, 1])
    short = radii[j] + widths[owner[a]] - dist
    near = short > 0
    a, j, rel, dist, short = a[near], j[near], rel[near], dist[near], short[near]
    ctrl = ctrl.copy()
    # per (flow, node), the sample that comes nearest: the control point moves it out by what it lacks
    seen = set()
    for m in np.lexsort((-short, j, owner[a])):
        pair = (int(owner[a[m]]), int(j[m]))
        if pair in seen:
            continue
        seen.add(pair)
        weight = max(2 * (1 - t[a[m] % k]) * t[a[m] % k], 0.1)  # how much of the control point's move reaches it
        ctrl[pair[0]] += rel[m] / max(dist[m], 1e-9) * short[m] / weight
    return ctrl
