"""Greedy label placement with collision avoidance, in page pixels and free of any GUI toolkit.

The caller measures text (the renderer uses Qt font metrics) and passes candidate positions in
order of preference; a label never overlaps an already placed label and avoids obstacles (flow
symbols, markers) where any candidate allows. All candidates of a label are tested at once
(numpy for label–label overlaps, an STR tree for obstacles), so hundreds of labels stay fast.

Two rules make labels read as what they name, not just fit:
- a label tied back by a leader line gets one only where the line crosses no label, no other leader
  and no hard obstacle, and later labels never sit on a placed leader (a leader through "Lampedusa"
  or a total's leader through "Almería" pointed the reader at the wrong word);
- names that share ``Claims`` (place names) each stay the nearest name to their own feature: a name is
  never placed nearer to another named feature than that feature's own name is, nor where a name
  already placed is nearer to its feature than it would be ("Almería" nearer the Cartagena dot than
  "Cartagena" read as Cartagena's name).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.strtree import STRtree


def summed_cost(costs, which: np.ndarray) -> np.ndarray:
    """The sum of several ``LabelRequest.extra_cost`` functions for the candidates ``which``."""
    return sum(cost(which) for cost in costs)


@dataclass
class LabelRequest:
    key: str
    size: tuple[float, float]
    """Width and height of the text box in pixels (halo included)."""
    candidates: list[tuple[float, float, float]] = field(default_factory=list)
    """(centre x, centre y, penalty) in pixels; lower penalty is preferred."""
    priority: float = 0.0
    """Higher goes first and so gets the better position."""
    anchors: list[tuple[float, float] | None] | None = None
    """Per candidate, the point a leader line would tie it back to (its flow's edge, a branch's tip), or
    None: no leader. A leader is drawn when the box lies farther than ``leader_min`` from its anchor."""
    feature: object = None
    """What the label names, as a shapely geometry in pixels, when it takes part in ``Claims``."""
    extra_cost: Callable[[np.ndarray], np.ndarray] | None = None
    """Cost added to the candidates (by index) left after every test: asked only of those, as it may be
    dear (a figure's distance to every symbol near it) and a crowded map rules most candidates out.
    An infinite cost rules a candidate out (a circle's figure nearer another circle than its own)."""
    home: object = None
    """The land (pixels) a label belongs on, where it may cover the small islands (``passable``)."""
    passable: tuple = ()
    """Hard obstacles this label may cover all the same (by identity): a total naming its country may
    lie over that country's small islands, which would read as a figure's of theirs."""
    own: tuple = ()
    """Soft obstacles that are this label's own (by identity), covered at no cost: a route's figure by
    the town its route leaves from reads as that route's, as it should."""
    never_stacked: bool = False
    """Where it has no leader, never over or under a figure or a name without a dot placed so far
    (``place_labels``' ``stacking``), nor that near a leader, even at a cost: a total of several routes,
    untied, read as one label with the figure under it ('Ceuta and Melilla 2,647 (b)' 0.9 mm over
    '2,531 (b)'), and as tied by the leader beside it. Tied by a leader, it pays STACK_COST there."""
    attach: tuple[float, float, float] | None = None
    """The point a candidate without a leader reads as attached to, and the radius of its mark (a town's
    dot, a node's circle): no hard obstacle may stand between the mark's edge and the box."""


@dataclass(frozen=True)
class PlacedLabel:
    key: str
    rect: tuple[float, float, float, float]
    """(x0, y0, x1, y1) in pixels."""
    overlaps_obstacle: bool
    candidate: int = 0
    """Index of the chosen candidate in the request's list (e.g. to draw a leader line)."""
    leader: tuple[tuple[float, float], tuple[float, float]] | None = None
    """(anchor, point on the label's box) of the leader line to draw, or None."""


UNSTACKED_APART = 1.8
"""Two labels that are never stacked (LabelRequest.never_stacked: totals, in black bold) keep this many stack
gaps apart, one over the other (2.7 mm between their boxes): on the small multiples 'Spain (WMR) 16,903' 3.1 mm
of white under 'Spain 63,427 (a)' (about 2 mm between the boxes, which hold their lines' leading) read as one
block of four lines; in the inset of the Strait 'Ceuta and Melilla 2,647 (b)', 5.1 mm of white (3.2 mm between
the boxes) under 'Spain (WMR)', reads as a total of its own."""
STACK_OVERLAP, STACK_COST, INLINE_GAPS = 0.3, 25.0, 2.0
"""Names sharing more than this share of the narrower one's width across stack (``Claims.stack_gap``); a
stacked candidate costs this much more, as much as half its box over another name's obstacle: taken
only where no other place is left. Names on one line read as one closer than INLINE_GAPS stack gaps."""


@dataclass
class Claims:
    """The names placed so far and what each names, shared by every call that places names.

    ``margin`` (pixels) is how much nearer a name must be to its own feature than any other name is:
    near-ties read as either. A name with no feature (an archipelago's) claims nothing but is held to
    the others' claims.
    """

    margin: float = 0.0
    stack_gap: float = 0.0
    """Two names one above the other, closer than this (pixels) and overlapping across, read as one name
    of two lines ('Cabrera' over 'Balearic Islands'): a candidate that would stack so costs STACK_COST,
    unless both names have a dot, which tells each from the other."""
    features: list = field(default_factory=list)
    rects: list = field(default_factory=list)
    distances: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    """The boxes of the figures (and country names) placed so far (``place_labels(stacking=...)``): they
    claim no feature, but a name stacked on one reads as its label ('Annaba' over the 2023 Tunisia flow's
    '97,306')."""

    def stack_cost(self, rects: np.ndarray, feature, figure: bool = False, dots_apart: bool = False,
                   tied: np.ndarray | None = None) -> np.ndarray:
        """STACK_COST for each candidate box in ``rects`` (of a name of ``feature``, or of a figure: None)
        that would stand over or under a name or figure placed so far, less than ``stack_gap`` from it and
        sharing more than STACK_OVERLAP of the narrower's width, where one of the two has no dot. A town's
        name stacked on a figure is ruled out (an infinite cost): 'Annaba' over '97,306' gave the 2023
        Tunisia flow's figure to Annaba, and a town left unnamed (its dot goes too) misleads no one. So is
        an archipelago's name (no ``feature``, not a ``figure``) stacked on anything: on the small
        multiples 'Canary Islands' ran on from 'Fuerteventura' 0.7 mm after it; its islands keep theirs.
        With ``dots_apart``, as for a town's name, a town's name (its dot sets it apart) does not count.
        ``tied``: which candidates hang on a leader (a town's name untied is one mark with its dot)."""
        cost = np.zeros(len(rects))
        named = [(r, f) for r, f in zip(self.rects, self.features, strict=True)
                 if not (_is_dot(feature) or dots_apart) or not _is_dot(f)]
        names = [r for r, _f in named]
        others = [*names, *self.figures]
        if not others or self.stack_gap <= 0 or not len(rects):
            return cost
        stacked = stacked_pairs(rects, others, self.stack_gap)
        cost[stacked.any(axis=1)] = STACK_COST
        if _is_dot(feature) and self.figures:  # a town's name on a figure: left off, with its dot; a name
            # beside its dot is one mark with it ('Sebha •' 2 mm before Libya's '787,326' on A4 read as Sebha's
            # figure); a name on a leader is not (Sfax's dot by '19,238', its name 9 mm off, on the small multiples)
            bounds = shapely.bounds(rects)
            beside = np.ones(len(rects), bool) if tied is None else ~np.asarray(tied, bool)
            with_dot = shapely.box(*np.column_stack([np.minimum(bounds[:, :2], [feature.x, feature.y]),
                                                     np.maximum(bounds[:, 2:], [feature.x, feature.y])]).T)
            on_figure = stacked[:, len(names):].any(axis=1)
            on_figure |= beside & stacked_pairs(with_dot, self.figures, self.stack_gap).any(axis=1)
            cost[on_figure] = np.inf
        groups = [k for k, (_r, f) in enumerate(named) if f is None]
        if _is_dot(feature) and groups:  # or on an archipelago's: 'Palma' 1 mm under 'Balearic Islands' read as one
            cost[stacked[:, groups].any(axis=1)] = np.inf
        if feature is None and not figure:  # an archipelago's name is left off rather than run on
            cost[stacked.any(axis=1)] = np.inf
        return cost

    def add(self, feature, rect, attached: bool = False) -> None:
        """A name placed at ``rect``; ``attached`` by a leader line, it is as near its feature as can be."""
        box = shapely.box(*rect)
        self.features.append(feature)
        self.rects.append(box)
        self.distances.append(np.inf if feature is None else 0.0 if attached else float(shapely.distance(box, feature)))

    def add_figure(self, rect) -> None:
        """A figure placed at ``rect``: no name may stack on it, nor it on a name."""
        self.figures.append(shapely.box(*rect))


def place_labels(requests: list[LabelRequest], obstacles: list, frame: tuple[float, float, float, float],
                 obstacle_weight: float = 50.0, hard: list | None = None, *, leader_min: float = 0.0,
                 leader_trim: float = 0.0, claims: Claims | None = None, crossable: tuple = (),
                 leader_blockers: tuple = (), stacking: Claims | None = None,
                 stacked_left_off: bool = False, lines: tuple = ()) -> tuple[list[PlacedLabel], list[str]]:
    """Place labels; returns the placed ones and the keys that found no free position.

    ``obstacles`` may be overlapped at a cost; ``hard`` ones (flows, the legend) never are: a
    label with no candidate clear of them is dropped and reported rather than drawn over a flow.
    A leader may touch hard obstacles only within ``leader_trim`` of its anchor (the flow it ties to),
    and may cross the ``crossable`` ones among them; it never crosses ``leader_blockers`` (room kept round a
    circle for its own figure's leader). Figures placed with ``stacking`` (the names' claims) keep from
    standing over or under a name or another figure, and join it as figures (``Claims.add_figure``);
    ``stacked_left_off``, a label that can only stand so is left off (a country's name). No label set
    without a leader stands across one of ``lines`` (leaders drawn before) from the mark it is attached
    to, however near the mark: 'Tamanrasset' stood left of a leader passing 0.6 mm right of its dot.
    """
    soft = np.asarray(obstacles, dtype=object)
    tree = STRtree(soft) if len(soft) else None
    hard = np.asarray(hard if hard is not None else [], dtype=object)
    hard_tree = STRtree(hard) if len(hard) else None
    if crossable or leader_blockers:  # what a leader may cross (an inset locator's thin outline), what it may not
        skip = {id(g) for g in crossable}
        leader_hard = np.asarray([g for g in hard if id(g) not in skip] + list(leader_blockers), dtype=object)
        leader_tree = STRtree(leader_hard) if len(leader_hard) else None
    else:
        leader_hard, leader_tree = hard, hard_tree
    fx0, fy0, fw, fh = frame
    placed: list[PlacedLabel] = []
    boxes = np.empty((0, 4))
    segments = np.empty((0, 4))  # leaders placed in this call: (ax, ay, bx, by)
    untied_boxes: list = []  # of the labels never stacked placed in this call without a leader
    dropped: list[str] = []
    lines = np.asarray(lines, dtype=object)
    line_tree = STRtree(lines) if len(lines) else None
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
        if len(segments):
            ok &= ~_segments_meet_boxes(segments, np.column_stack([x0, y0, x1, y1])).any(axis=0)
        idx = np.flatnonzero(ok)
        rects = shapely.box(x0[idx], y0[idx], x1[idx], y1[idx])
        if hard_tree is not None and len(idx):
            keep = ~_meets_any(hard_tree, hard, rects, {id(g) for g in req.passable})
            idx, rects = idx[keep], rects[keep]
        leaders = np.full((len(idx), 4), np.nan)
        if req.anchors is not None and len(idx):
            leaders = _leaders(req.anchors, idx, x0, y0, x1, y1, leader_min)
            keep = _leaders_clear(leaders, boxes, segments, leader_tree, leader_hard, leader_trim)
            idx, rects, leaders = idx[keep], rects[keep], leaders[keep]
        if req.attach is not None and len(idx):
            keep = _attached_clear(req.attach, idx, leaders, x0, y0, x1, y1, leader_tree, leader_hard, leader_trim,
                                   {id(g) for g in req.passable})
            idx, rects, leaders = idx[keep], rects[keep], leaders[keep]
        if req.attach is not None and line_tree is not None and len(idx):  # from the mark's very centre
            keep = _attached_clear((*req.attach[:2], 0.0), idx, leaders, x0, y0, x1, y1, line_tree, lines, 0.0, set())
            idx, rects, leaders = idx[keep], rects[keep], leaders[keep]
        if claims is not None and len(idx):
            keep = _respects_claims(claims, rects, req.feature, ~np.isnan(leaders[:, 0]))
            idx, rects, leaders = idx[keep], rects[keep], leaders[keep]
        if not len(idx):
            dropped.append(req.key)
            continue
        cost = c[idx, 2].copy()
        if claims is not None:
            cost += claims.stack_cost(rects, req.feature, tied=~np.isnan(leaders[:, 0]))
        if stacking is not None:
            stacked = stacking.stack_cost(rects, None, figure=True)
            if stacked_left_off:
                stacked = np.where(stacked > 0, np.inf, 0.0)
            elif req.never_stacked:  # untied, over or under a figure or a name without a dot: read as one label;
                # by another's leader, as tied by it
                misread = stacking.stack_cost(rects, None, figure=True, dots_apart=True) > 0
                misread |= _beside_lines(rects, hard, hard_tree, segments, stacking.stack_gap)
                if untied_boxes:  # and another such label, alike in black bold, reads as one block farther off
                    misread |= stacked_pairs(rects, untied_boxes, UNSTACKED_APART * stacking.stack_gap).any(axis=1)
                stacked = np.where(misread & np.isnan(leaders[:, 0]), np.inf, stacked)
            cost += stacked
        if req.extra_cost is not None:
            cost += req.extra_cost(idx)
        hit_area = np.zeros(len(idx))
        if tree is not None:
            a, b = tree.query(rects, predicate="intersects")
            if len(a) and req.own:
                own = {id(o) for o in req.own}
                mine = np.fromiter((id(g) in own for g in soft[b]), bool, len(b))
                a, b = a[~mine], b[~mine]
            if len(a):
                areas = shapely.area(shapely.intersection(rects[a], soft[b]))
                hit_area = np.bincount(a, areas, minlength=len(idx))
                cost += obstacle_weight * hit_area / (w * h)
        if not np.isfinite(cost).any():  # an infinite extra cost rules a candidate out
            dropped.append(req.key)
            continue
        best = int(np.argmin(cost))
        i = int(idx[best])
        rect = (float(x0[i]), float(y0[i]), float(x1[i]), float(y1[i]))
        boxes = np.vstack([boxes, rect])
        leader = None
        if not np.isnan(leaders[best, 0]):
            ax, ay, bx, by = (float(v) for v in leaders[best])
            leader = ((ax, ay), (bx, by))
            segments = np.vstack([segments, leaders[best]])
        if claims is not None:
            claims.add(req.feature, rect, attached=leader is not None)
        if stacking is not None:
            stacking.add_figure(rect)
        if req.never_stacked and leader is None:
            untied_boxes.append(shapely.box(*rect))
        placed.append(PlacedLabel(req.key, rect, bool(hit_area[best] > 0), i, leader))
    return placed, dropped


def stacked_pairs(rects, others, gap: float) -> np.ndarray:
    """(len(rects), len(others)) of which box of ``rects`` stands over or under which of ``others`` (shapely
    boxes) less than ``gap`` apart, sharing more than STACK_OVERLAP of the narrower's width, or beside it on
    one line closer than INLINE_GAPS times ``gap``: read as one label."""
    mine = shapely.bounds(np.asarray(rects, dtype=object))[:, None, :]
    theirs = shapely.bounds(np.asarray(others, dtype=object))[None, :, :]
    across = np.minimum(mine[..., 2], theirs[..., 2]) - np.maximum(mine[..., 0], theirs[..., 0])
    narrower = np.minimum(mine[..., 2] - mine[..., 0], theirs[..., 2] - theirs[..., 0])
    apart = np.maximum(mine[..., 1] - theirs[..., 3], theirs[..., 1] - mine[..., 3])
    stacked = (across > STACK_OVERLAP * narrower) & (apart >= 0) & (apart < gap)
    # or side by side on one line, closer than INLINE_GAPS stack gaps: 'جزر الكناري' half a millimetre
    # after 'غران كناريا' read (and pdftotext read) as one name
    level = np.minimum(mine[..., 3], theirs[..., 3]) - np.maximum(mine[..., 1], theirs[..., 1])
    lower = np.minimum(mine[..., 3] - mine[..., 1], theirs[..., 3] - theirs[..., 1])
    aside = np.maximum(mine[..., 0] - theirs[..., 2], theirs[..., 0] - mine[..., 2])
    return stacked | ((level > 0.5 * lower) & (aside >= 0) & (aside < INLINE_GAPS * gap))


def _beside_lines(rects: np.ndarray, hard: np.ndarray, hard_tree, segments: np.ndarray, gap: float) -> np.ndarray:
    """Which boxes stand within ``gap`` of a line among ``hard`` (a leader placed before, a dashed route) or
    of a leader of ``segments``: on the small multiples 'Ceuta and Melilla 1,234 (b)' ended 0.9 mm from
    Motril's leader and read as tied by it to Motril."""
    near = np.zeros(len(rects), bool)
    if hard_tree is not None and len(rects):
        a, b = hard_tree.query(rects, predicate="dwithin", distance=gap)
        near[np.unique(a[shapely.get_type_id(hard[b]) == 1])] = True
    if len(segments) and len(rects):
        lines = shapely.linestrings(segments.reshape(-1, 2, 2))
        near |= (shapely.distance(rects[:, None], lines[None, :]) < gap).any(axis=1)
    return near


def _is_dot(feature) -> bool:
    """Whether a name's feature is a point: a town's, drawn with its dot."""
    return feature is not None and feature.geom_type == "Point"


def _respects_claims(claims: Claims, rects: np.ndarray, feature, attached: np.ndarray) -> np.ndarray:
    """Which candidate boxes keep every named feature's own name the nearest name to it (``Claims``); a
    candidate ``attached`` to its feature by a leader line counts as touching it."""
    ok = np.ones(len(rects), bool)
    if not claims.rects:
        return ok
    m = claims.margin
    named = [k for k, f in enumerate(claims.features) if f is not None]
    if named:
        feats = np.asarray([claims.features[k] for k in named], dtype=object)
        own_d = np.asarray([claims.distances[k] for k in named])
        ok &= ~(shapely.distance(rects[:, None], feats[None, :]) < own_d[None, :] + m).any(axis=1)
    if feature is not None:
        mine = np.where(attached, 0.0, shapely.distance(rects, feature))
        theirs = shapely.distance(np.asarray(claims.rects, dtype=object), feature)
        ok &= ~(theirs[None, :] < mine[:, None] + m).any(axis=1)
    return ok


def _leaders(anchors: list, idx: np.ndarray, x0, y0, x1, y1, leader_min: float) -> np.ndarray:
    """(ax, ay, bx, by) of each candidate's leader: its anchor to the nearest point of its box; NaN where
    it has no anchor or the box is within ``leader_min`` of it (close enough reads as attached)."""
    out = np.full((len(idx), 4), np.nan)
    for k, i in enumerate(idx):
        a = anchors[i] if i < len(anchors) else None
        if a is None:
            continue
        bx, by = min(max(a[0], x0[i]), x1[i]), min(max(a[1], y0[i]), y1[i])
        if np.hypot(bx - a[0], by - a[1]) > leader_min:
            out[k] = (a[0], a[1], bx, by)
    return out


def _leaders_clear(leaders: np.ndarray, boxes: np.ndarray, segments: np.ndarray, hard_tree, hard: np.ndarray,
                   trim: float) -> np.ndarray:
    """Which leaders cross no placed label, no placed leader, and no hard obstacle beyond ``trim`` of
    their anchor (they start at the edge of their own flow). Candidates without a leader pass."""
    has = ~np.isnan(leaders[:, 0])
    ok = np.ones(len(leaders), bool)
    if not has.any():
        return ok
    segs = leaders[has]
    bad = np.zeros(len(segs), bool)
    if len(boxes):
        bad |= _segments_meet_boxes(segs, boxes).any(axis=1)
    if len(segments):
        lines = shapely.linestrings(segs.reshape(-1, 2, 2))
        placed = shapely.linestrings(segments.reshape(-1, 2, 2))
        bad |= shapely.intersects(lines[:, None], placed[None, :]).any(axis=1)
    if hard_tree is not None:
        bad |= leaders_over(segs, hard_tree, hard, trim)
    ok[np.flatnonzero(has)[bad]] = False
    return ok


def leaders_over(leaders: np.ndarray, tree, geoms: np.ndarray, trim: float) -> np.ndarray:
    """Which leaders (NaN: none) meet one of ``geoms`` beyond ``trim`` of their anchor."""
    has = ~np.isnan(leaders[:, 0])
    out = np.zeros(len(leaders), bool)
    if has.any():
        out[np.flatnonzero(has)] = _meets_any(tree, geoms, trimmed_leaders(leaders[has], trim))
    return out


def marks_under_leaders(xy: np.ndarray, radii: np.ndarray, segs: np.ndarray, trim: float) -> np.ndarray:
    """Which marks (centres ``xy``, ``radii``) a leader of ``segs`` (ax, ay, bx, by) runs over beyond
    ``trim`` of its anchor."""
    out = np.zeros(len(xy), bool)
    if len(xy) and len(segs):
        rings = shapely.buffer(shapely.points(np.asarray(xy, float)), np.asarray(radii, float))
        out[np.unique(STRtree(rings).query(trimmed_leaders(segs, trim), predicate="intersects")[1])] = True
    return out


def trimmed_leaders(segs: np.ndarray, trim: float) -> np.ndarray:
    """Each leader (ax, ay, bx, by) as a line, less its first ``trim`` pixels (where it leaves what it ties)."""
    d = segs[:, 2:] - segs[:, :2]
    length = np.hypot(d[:, 0], d[:, 1])
    start = segs[:, :2] + d * (np.minimum(trim, length) / np.maximum(length, 1e-9))[:, None]
    return shapely.linestrings(np.stack([start, segs[:, 2:]], axis=1))


def _attached_clear(attach, idx: np.ndarray, leaders: np.ndarray, x0, y0, x1, y1, hard_tree,
                    hard: np.ndarray, trim: float, passable: set) -> np.ndarray:
    """Which candidates set without a leader have no hard obstacle between the mark they read as attached
    to (``attach``: its centre and rim) and the box, beyond ``trim`` of its rim: 'Melilla' stood right of
    its dot with the Western Mediterranean arrow between them, and read as that arrow's name. (A figure's
    anchors sit on its own flow's edge, which it may touch: they are not asked.)"""
    ok = np.ones(len(idx), bool)
    if hard_tree is None or not len(idx):
        return ok
    segs = []
    for k, i in enumerate(idx):
        a = attach
        if not np.isnan(leaders[k, 0]):
            continue
        skip = trim + (a[2] if len(a) > 2 else 0.0)  # from the mark's edge: a node's own flows leave it there
        bx, by = min(max(a[0], x0[i]), x1[i]), min(max(a[1], y0[i]), y1[i])
        length = np.hypot(bx - a[0], by - a[1])
        if length > skip:
            t = skip / length
            segs.append((k, (a[0] + (bx - a[0]) * t, a[1] + (by - a[1]) * t, bx, by)))
    if not segs:
        return ok
    which = np.array([k for k, _ in segs])
    lines = shapely.linestrings(np.array([seg for _, seg in segs]).reshape(-1, 2, 2))
    ok[which[_meets_any(hard_tree, hard, lines, passable)]] = False
    return ok


def _segments_meet_boxes(segs: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """(S, B): whether each segment (ax, ay, bx, by) meets each box (x0, y0, x1, y1) (Liang–Barsky)."""
    ax, ay = segs[:, 0][:, None], segs[:, 1][:, None]
    dx, dy = (segs[:, 2] - segs[:, 0])[:, None], (segs[:, 3] - segs[:, 1])[:, None]
    bx0, by0, bx1, by1 = (boxes[:, k][None, :] for k in range(4))
    t0 = np.zeros((len(segs), len(boxes)))
    t1 = np.ones((len(segs), len(boxes)))
    meets = np.ones((len(segs), len(boxes)), bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-dx, ax - bx0), (dx, bx1 - ax), (-dy, ay - by0), (dy, by1 - ay)):
            p = np.broadcast_to(p, t0.shape)
            q = np.broadcast_to(q, t0.shape)
            parallel = p == 0
            meets &= ~(parallel & (q < 0))
            t = q / p
            t0 = np.where(~parallel & (p < 0), np.maximum(t0, t), t0)
            t1 = np.where(~parallel & (p > 0), np.minimum(t1, t), t1)
    return meets & (t0 <= t1)


def _meets_any(tree: STRtree, geoms: np.ndarray, rects: np.ndarray, passable: set = frozenset()) -> np.ndarray:
    """Which of ``rects`` intersect at least one of ``geoms`` (indexed by ``tree``) but those ``passable``
    (their ids).

    Where thousands of flow bands overlap, a candidate's box meets the boxes of a thousand bands and
    really crosses hundreds: testing every pair took seconds at 5,000 flows, for a yes that the first
    few give. So each rect's pairs are tested in rounds of 1, 2, 4, ... until one meets; a rect that
    meets nothing still tests them all, so the answer is the exhaustive one.
    """
    a, b = tree.query(rects)
    if passable:
        kept = np.fromiter((id(g) not in passable for g in geoms[b]), bool, len(b))
        a, b = a[kept], b[kept]
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
