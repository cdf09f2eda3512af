"""Keeping a wide flow band clear of an obstacle: the coast, or a larger branch of its route.

A band is fitted by rounds of smoothing and pushing vertices away from the obstacle, and every
round asks the same question of every vertex: "is it within the clearance, and where is the
nearest obstacle point?" Asked of the land multipolygon (about 69,000 vertices) through shapely's
``dwithin``, ``distance`` and ``shortest_line``, that question cost 12 of the 19 s of a 500-route
map. ``Obstacle`` indexes the obstacle's outline once, cut into short pieces in an STR tree, and
answers it for an array of points with one tree query and a few numpy operations, exactly (the
nearest point of a polygon to a point outside it is on its outline). ``keep_all_clear`` also skips
vertices that cannot have come within reach since they were last measured.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, Point

from geo.outline import outline

# Outline vertices per indexed piece: long pieces make a small tree that is quick to build (the cold
# default map pays for it), short ones make few candidate segments per query.
PIECE_SEGMENTS = 8

# A band's rounds stop once no vertex moved by more than this fraction of the clearance: the rest
# is invisible on paper (a 1 mm clearance: 5 µm), and waiting for exactly nothing to move took
# every one of the 16 rounds wherever a bend could not open (a band squeezed between two coasts).
SETTLED = 0.005

# Vertices are measured out to this multiple of the clearance: one farther off is left unmeasured
# until it has moved by the difference, since it cannot have come within reach before.
MEASURE_REACH = 2.0
# Measure every vertex every round instead: the same result, slower (the tests prove the first).
MEASURE_ALWAYS = False


class Obstacle:
    """An obstacle's outline indexed for nearest-point questions from many points at once.

    For a polygonal obstacle (the land), a point inside it is reported as inside. Lines may carry a
    radius each (the half widths of other bands): distances are then to their edges, not centres.
    """

    def __init__(self, geometry, radii=None, piece_segments: int = PIECE_SEGMENTS):
        self.geometry = geometry
        self.piece_segments = piece_segments
        shape = outline(geometry)
        self.areal = shape.areal
        self.coords = shape.coords
        ring_start = shape.ring_start
        # pieces of up to piece_segments segments, ring by ring: (first vertex, segments) each
        segments = np.maximum(np.diff(ring_start) - 1, 0)
        per_ring = -(-segments // piece_segments)
        ring_of_piece = np.repeat(np.arange(len(segments)), per_ring)
        nth = np.arange(len(ring_of_piece)) - np.repeat(np.cumsum(per_ring) - per_ring, per_ring)
        self.piece_start = ring_start[:-1][ring_of_piece] + nth * piece_segments
        self.piece_count = np.minimum(segments[ring_of_piece] - nth * piece_segments, piece_segments)
        self.piece_part = shape.ring_part[ring_of_piece]  # for lines: the line each piece belongs to
        self.parts = int(shape.ring_part[-1]) + 1 if len(shape.ring_part) else 0
        if self.areal or radii is None:
            self.radius = None
        else:  # radii per line, so per piece
            self.radius = np.asarray(radii, float)[self.piece_part]
        self.widest = 0.0 if self.radius is None or not len(self.radius) else float(self.radius.max())
        # each piece indexed by its bounding box (never farther than its segments): the boxes of the
        # segments, less the one that would join a ring's end to the next ring's start
        c = self.coords
        low, high = np.minimum(c[:-1], c[1:]), np.maximum(c[:-1], c[1:])
        low[ring_start[1:-1] - 1] = high[ring_start[1:-1] - 1] = c[ring_start[1:-1] - 1]
        self.box_low, self.box_high = _run_boxes(low, high, self.piece_start)
        self._parts: dict[int, object] = {}
        if self.areal:  # the parts (countries, islands) by the box of their outer ring, for inside tests
            outer = ring_start[:-1][np.r_[True, shape.ring_part[1:] != shape.ring_part[:-1]]]
            self.part_tree = _box_tree(*_run_boxes(c, c, outer))

    @functools.cached_property
    def _xs(self) -> tuple[np.ndarray, np.ndarray]:
        """The vertices' x and y as two contiguous arrays: gathered a segment at a time, a column of
        the (N, 2) array was a strided read."""
        return np.ascontiguousarray(self.coords[:, 0]), np.ascontiguousarray(self.coords[:, 1])

    @functools.cached_property
    def tree(self) -> shapely.STRtree:
        """The pieces' boxes in an STR tree, built when first asked (a branch's few pieces never are)."""
        return _box_tree(self.box_low, self.box_high)

    def inside(self, xy: np.ndarray) -> np.ndarray:
        """Whether each point lies in the (polygonal) obstacle. Each part asked is prepared once, as it
        is first asked: a map's bands come near a few coasts, and preparing every country of the
        basemap for point-in-area tests took 6 MiB."""
        out = np.zeros(len(xy), bool)
        if not self.areal or not len(xy):
            return out
        pi, pj = self.part_tree.query(shapely.points(xy), predicate="intersects")
        for j in np.unique(pj):
            if j not in self._parts:
                part = self.geometry if shapely.get_type_id(self.geometry) == 3 else shapely.get_geometry(
                    self.geometry, int(j))
                shapely.prepare(part)
                self._parts[j] = part
            at = pi[pj == j]
            out[at] |= shapely.intersects_xy(self._parts[j], xy[at, 0], xy[at, 1])
        return out

    @classmethod
    def of(cls, geometry) -> Obstacle | None:
        if geometry is None or isinstance(geometry, Obstacle):
            return geometry
        return None if geometry.is_empty else cls(geometry)

    def near(self, xy: np.ndarray, reach, inside_within=np.inf, directions: bool = False,
             only: tuple[np.ndarray, PieceSets] | None = None) -> tuple[np.ndarray, ...]:
        """Points of ``xy`` (N, 2) whose distance to the obstacle is at most ``reach`` (a number, or
        one per point): their indices, distances, nearest outline (or centre line) points and whether
        they lie inside (asked of those within ``inside_within`` of the outline only); with
        ``directions``, also the direction (a unit vector) of the segment each nearest point is on.
        With ``only`` (each point's owner, and a ``PieceSets`` of the pieces each owner may meet),
        a point is measured against those pieces alone.

        The tree finds the pieces within reach of each point in C, each within its own reach (a thin
        band need not look as far as the widest); the nearest point on those pieces' few segments is
        then one numpy array."""
        empty = (np.empty(0, int), np.empty(0), np.empty((0, 2)), np.empty(0, bool))
        if not len(xy) or not len(self.piece_start):
            return empty + (np.empty((0, 2)),) * directions
        reach = np.broadcast_to(np.asarray(reach, float), len(xy))
        pi, ci = self.pieces_within(xy, reach, only)
        if not len(pi):
            return empty + (np.empty((0, 2)),) * directions
        # each pair's nearest segment of its piece, one segment position at a time: a (pairs x 8) array
        # of each quantity was 12 such arrays at once, 4 MiB of the default map's peak
        px, py = xy[pi, 0], xy[pi, 1]
        start, last = self.piece_start[ci], self.piece_count[ci] - 1
        d = np.full(len(pi), np.inf)
        best_seg, best_t = np.zeros(len(pi), np.intp), np.zeros(len(pi))
        cx, cy = self._xs
        for k in range(self.piece_segments):
            seg = start + np.minimum(k, last)  # a short piece repeats its last segment, never a false one
            ax, ay = cx[seg], cy[seg]
            abx, aby = cx[seg + 1] - ax, cy[seg + 1] - ay
            t = np.clip(((px - ax) * abx + (py - ay) * aby) / np.maximum(abx**2 + aby**2, 1e-300), 0.0, 1.0)
            dk = (px - (ax + t * abx)) ** 2 + (py - (ay + t * aby)) ** 2
            better = dk < d
            d[better] = dk[better]
            best_seg[better] = seg[better]
            best_t[better] = t[better]
        # the nearest point and its segment's run, once, for the segment found
        ax, ay = cx[best_seg], cy[best_seg]
        abx, aby = cx[best_seg + 1] - ax, cy[best_seg + 1] - ay
        q = np.column_stack([ax + best_t * abx, ay + best_t * aby])
        run = np.column_stack([abx, aby])
        d = np.sqrt(d)
        if self.radius is not None:  # to the other band's edge
            d = d - self.radius[ci]
        order = np.lexsort((d, pi))  # each point's nearest of its pieces
        first = order[np.r_[True, pi[order][1:] != pi[order][:-1]]]
        pi, d, q, run = pi[first], d[first], q[first], run[first]
        keep = d <= reach[pi]
        pi, d, q, run = pi[keep], d[keep], q[keep], run[keep]
        inside = np.zeros(len(pi), bool)
        if self.areal:  # asked only where it matters: a point farther in stays where it is anyway
            ask = d <= np.broadcast_to(np.asarray(inside_within, float), len(xy))[pi]
            inside[ask] = self.inside(xy[pi[ask]])
        if directions:
            return pi, d, q, inside, run / np.maximum(np.hypot(run[:, 0], run[:, 1]), 1e-300)[:, None]
        return pi, d, q, inside


    def pieces_within(self, xy: np.ndarray, distance: np.ndarray,
                      only: tuple[np.ndarray, PieceSets] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Pairs (point, piece) of the points of ``xy`` and the pieces whose box lies within each
        point's ``distance`` (plus the piece's radius, for lines with radii), ordered by point, then
        piece (with ``only``: the pieces each point's owner may meet, in their set's order).

        A small obstacle (another branch's few pieces, or the few each point may meet) is measured
        against every box in numpy: the tree's query cost half a millisecond a call however few
        pieces it held, and a map of 5,000 branches makes 30,000 such calls."""
        if only is not None:
            return self.owned_boxes_within(xy, xy, distance, *only)
        if len(self.box_low) > BRUTE_FORCE_PIECES or len(xy) * len(self.box_low) > BRUTE_FORCE_PAIRS:
            pi, ci = self.envelopes_near(xy, xy, distance)
        else:
            pi, ci = np.nonzero(np.ones((len(xy), len(self.box_low)), bool))
        return self.boxes_within(xy, xy, distance, pi, ci)

    def envelopes_near(self, low: np.ndarray, high: np.ndarray, distance: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Candidate pairs (box, piece), ordered by box, then piece: the pieces whose boxes meet each
        box ``low``-``high`` grown by its ``distance`` (and the widest radius). The tree compares
        envelopes only; asked with ``dwithin``, GEOS measured each pair's distance, four times slower
        for the same pairs, which ``boxes_within`` then measures exactly in numpy."""
        r = distance + self.widest
        pi, ci = self.tree.query(shapely.box(low[:, 0] - r, low[:, 1] - r, high[:, 0] + r, high[:, 1] + r))
        order = np.lexsort((ci, pi))
        return pi[order], ci[order]

    def owned_boxes_within(self, low: np.ndarray, high: np.ndarray, distance: np.ndarray, owner: np.ndarray,
                           sets: PieceSets) -> tuple[np.ndarray, np.ndarray]:
        """Pairs (box, piece) of the boxes ``low``-``high`` (points, or segments' boxes) and the pieces
        their ``owner`` may meet whose boxes lie within ``distance`` of them (plus the radius)."""
        counts = sets.start[owner + 1] - sets.start[owner]
        pi = np.repeat(np.arange(len(low)), counts)
        nth = np.arange(len(pi)) - np.repeat(np.cumsum(counts) - counts, counts)
        return self.boxes_within(low, high, distance, pi, sets.pieces[np.repeat(sets.start[owner], counts) + nth])

    def boxes_within(self, low: np.ndarray, high: np.ndarray, distance: np.ndarray, pi: np.ndarray,
                     ci: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The candidate pairs (box ``pi``, piece ``ci``) whose boxes lie within the box's ``distance``
        plus the piece's radius."""
        dx = np.maximum(np.maximum(self.box_low[ci, 0] - high[pi, 0], low[pi, 0] - self.box_high[ci, 0]), 0.0)
        dy = np.maximum(np.maximum(self.box_low[ci, 1] - high[pi, 1], low[pi, 1] - self.box_high[ci, 1]), 0.0)
        reach = distance[pi] if self.radius is None else distance[pi] + self.radius[ci]
        within = dx * dx + dy * dy <= reach * reach
        return pi[within], ci[within]

    def piece_sets(self, lines: list) -> PieceSets:
        """The pieces of the given lines of a line obstacle (one array of line indices per owner)."""
        first = np.searchsorted(self.piece_part, np.arange(self.parts + 1))  # pieces run line by line
        per_owner = [np.concatenate([np.arange(first[m], first[m + 1]) for m in np.asarray(own, int)] or [[]])
                     for own in lines]
        start = np.r_[0, np.cumsum([len(p) for p in per_owner])]
        return PieceSets(start, np.concatenate(per_owner or [[]]).astype(int))


@dataclass(frozen=True)
class PieceSets:
    """For each owner ``k``, the obstacle pieces ``pieces[start[k]:start[k + 1]]`` it may meet."""

    start: np.ndarray
    pieces: np.ndarray


# An obstacle of at most this many pieces, asked about at most this many (point, piece) pairs, is
# asked of every box in numpy rather than of the tree (the results are the same: the tests compare
# them). Measured: a branch's 8-320 pieces answer 5-500 points 1.5-2.5x faster in numpy; the coast's
# 6,355 pieces answer 10 points in 0.06 ms from the tree and 3.3 ms in numpy (most boxes are far).
BRUTE_FORCE_PIECES = 512
BRUTE_FORCE_PAIRS = 200_000


def _run_boxes(low: np.ndarray, high: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The boxes of the runs of rows that begin at ``starts``: each from the least of ``low`` to the
    greatest of ``high`` over its run."""
    if not len(starts):
        return np.empty((0, 2)), np.empty((0, 2))
    return np.minimum.reduceat(low, starts), np.maximum.reduceat(high, starts)


def _box_tree(lo: np.ndarray, hi: np.ndarray) -> shapely.STRtree:
    """An STR tree of boxes given by their lower-left and upper-right corners."""
    return shapely.STRtree(shapely.box(lo[:, 0], lo[:, 1], hi[:, 0], hi[:, 1]) if len(lo) else np.empty(0, object))


def keep_clear_of(line: LineString, obstacle, clearance: float, protect: float, rounds: int = 16,
                  spacing: float = 1 / 3) -> LineString:
    """One band kept clear of an ``obstacle`` (a geometry or an ``Obstacle``): see ``keep_all_clear``."""
    return keep_all_clear([line], obstacle, [clearance], [protect], rounds, spacing=spacing)[0]


# Copies of a line's last vertex between lines laid end to end: never free, they keep one line's
# smoothing window (9 vertices wide) from reaching into the next.
PAD = 4


def keep_all_clear(lines: list[LineString], obstacle, clearances, protects, rounds: int = 16,
                   meets: list | None = None, spacing: float = 1 / 3, taut: bool = False) -> list[LineString]:
    """Fit wide flows around an ``obstacle`` (the land, or larger branches of the same route; a
    geometry or an ``Obstacle``): bends no tighter than each band's half width, and each band
    (``clearances``: half width plus a margin) clear of the obstacle except within ``protects`` of
    either end (one length for both ends, or a pair: start and end), where flows meet the shore or
    their trunk. With ``meets`` (for a line obstacle: the
    indices of its lines each line must keep clear of), each line heeds those lines alone, exactly
    as if fitted against an obstacle made of them.

    Alternates Laplacian smoothing (a band wider than its bend's radius folds into a notch on the
    inner side) with pushing vertices straight away from the nearest obstacle point. Where a drawn
    course already keeps clear and bends gently, it is left as drawn. A vertex deep inside a
    polygonal obstacle (a sea route drawn across land) stays where it is: no push can make that
    course right, and the data checks name it.

    Every line is fitted exactly as if alone (a vertex moves by its own line's neighbours only),
    but all lines share each round's arrays and tree queries: 500 bands one at a time spent most of
    their time in the overhead of 3,500 small numpy and shapely calls.

    With ``taut`` (a polygonal obstacle), each fitted line's shift is then smoothed along it so the band
    bridges bays instead of following them (``geo.taut_bands``), where that clears the obstacle as well.
    """
    lines = list(lines)
    if not lines:
        return []
    clearances, protects = np.asarray(clearances, float), np.asarray(protects, float)
    steps = np.maximum(clearances * spacing, shapely.length(lines) / 500)
    coords, owner = shapely.get_coordinates(shapely.segmentize(np.asarray(lines, dtype=object), steps),
                                            return_index=True)
    counts = np.bincount(owner, minlength=len(lines))
    # lay the lines end to end with PAD copies of each last vertex after it
    starts = np.r_[0, np.cumsum(counts + PAD)[:-1]]
    line_of = np.repeat(np.arange(len(lines)), counts + PAD)
    pos = np.arange(len(line_of)) - starts[line_of]
    real = pos < counts[line_of]
    pts = coords[np.minimum(starts[line_of] - PAD * line_of + pos, np.cumsum(counts)[line_of] - 1)].copy()
    seg = np.r_[0.0, np.hypot(*np.diff(pts, axis=0).T)] * (pos > 0) * real
    along = np.cumsum(seg)
    along -= along[starts][line_of]
    total = along[starts + counts - 1][line_of]
    ends = protects.reshape(len(lines), -1)[line_of]  # each vertex's line's protected start and end
    c, protect, protect_end = clearances[line_of], ends[:, 0], ends[:, -1]
    free = real & (along >= protect * 0.5) & (total - along >= protect_end * 0.5) & (pos > 0) & (pos < counts[line_of] - 1)
    fitted = np.add.reduceat(free, starts) > 0
    obstacle = Obstacle.of(obstacle)
    pushable = free & (along >= protect) & (total - along >= protect_end)
    touched = np.zeros(len(pts), bool)
    only = None if meets is None else obstacle.piece_sets(meets)
    sides = None if obstacle is None or obstacle.areal else np.array([
        _side(pts[s], obstacle.geometry if meets is None else shapely.get_geometry(obstacle.geometry, meets[k]),
              line, cl) if f else np.zeros(2)
        for k, (s, line, cl, f) in enumerate(zip(starts, lines, clearances, fitted, strict=True))])
    drawn = (pts.copy(), free.copy(), pushable.copy()) if taut and obstacle is not None else None
    unmeasured = pushable.copy()  # every vertex is measured once, then again once it may have come within reach
    slack = np.zeros(len(pts))  # distance beyond the clearance when last measured (a lower bound)
    if obstacle is not None:
        _measure_by_segment(lines, obstacle, clearances, pts, line_of, along, real, unmeasured, slack, only)
    drift = np.zeros(len(pts))  # how far it moved since
    home = np.arange(len(pts))  # where each working vertex belongs in ``result``
    result, first = pts, starts
    # the lines still being fitted, laid end to end: when half of them have settled, the others are
    # copied out, so that a few slow lines do not drag every vertex of the map through each round
    work = np.flatnonzero(fitted)
    sizes = counts + PAD
    keep = fitted[line_of]
    for _ in range(rounds):
        if keep is not None:
            result[home] = pts
            pts, c, free, pushable, touched, unmeasured, slack, drift, home, line_of = (
                x[keep] for x in (pts, c, free, pushable, touched, unmeasured, slack, drift, home, line_of))
            starts = np.r_[0, np.cumsum(sizes[work])[:-1]]
            keep = None
        if not len(work):
            break
        before = pts.copy()
        tight = _tight_bends(pts, c) & free
        # smooth around tight bends and wherever the obstacle pushed, so no corner is left behind
        # (within 4 vertices either way; "same" would return 9 values for a line shorter than that)
        mask = (np.convolve(np.r_[np.zeros(4), tight | touched, np.zeros(4)], np.ones(9), "valid") > 0) & free
        if mask.any():
            for _ in range(3):
                inner = 0.25 * pts[:-2] + 0.5 * pts[1:-1] + 0.25 * pts[2:]
                pts[1:-1] = np.where(mask[1:-1, None], inner, pts[1:-1])
        moved = np.zeros(len(pts), bool)
        if obstacle is not None:
            drift += np.hypot(*(pts - before).T)
            check = pushable & (unmeasured | (drift >= slack) | MEASURE_ALWAYS)
            # a vertex the push moved was within reach (no slack): it is measured again next round
            _push_away(pts, np.flatnonzero(check), touched, moved, obstacle, c, line_of, sides, slack, only)
            unmeasured[check], drift[check] = False, 0.0
        shift = np.maximum.reduceat(np.hypot(*(pts - before).T), starts)
        busy = (np.add.reduceat(tight | moved, starts) > 0) & (shift >= SETTLED * clearances[work])
        if not busy.all():
            # a settled line stops here, as if alone: its vertices leave every later round
            still = np.repeat(busy, sizes[work])
            free &= still
            pushable &= still
            if busy.sum() * 2 <= len(busy):  # else they stay, frozen, until half have settled
                work, keep = work[busy], still
        if not busy.any():
            break
    result[home] = pts
    out = [LineString(result[s:s + n]) if f else line for s, n, f, line in zip(first, counts, fitted, lines, strict=True)]
    if drawn is not None:
        from geo.taut_bands import tautened_lines

        for k, line in tautened_lines(result, drawn, obstacle, first, counts, fitted, clearances, steps, protects).items():
            out[k] = line
    return out


def _measure_by_segment(lines, obstacle: Obstacle, clearances: np.ndarray, pts: np.ndarray, line_of: np.ndarray,
                        along: np.ndarray, real: np.ndarray, unmeasured: np.ndarray, slack: np.ndarray,
                        only: PieceSets | None = None) -> None:
    """Measure the drawn segments before their vertices: a segment farther than the reach from the
    obstacle holds only vertices that far (segmentizing puts them on it), and they start measured.
    Most of a sea route is far from any coast, and its fitted course has ten vertices per segment.
    With ``only``, a segment is near when the box of one of the pieces its line may meet is near its
    own box (never farther than the segment itself, so no vertex within reach starts measured)."""
    coords, owner = shapely.get_coordinates(np.asarray(lines, dtype=object), return_index=True)
    same = owner[1:] == owner[:-1]
    if not same.any():
        return
    seg_line = owner[:-1][same]
    reach = MEASURE_REACH * clearances[seg_line]
    near = np.zeros(len(seg_line), bool)
    a, b = coords[:-1][same], coords[1:][same]
    low, high = np.minimum(a, b), np.maximum(a, b)
    if only is None:  # a segment's box is never farther than the segment: near is never missed
        near[obstacle.boxes_within(low, high, reach, *obstacle.envelopes_near(low, high, reach))[0]] = True
    else:
        near[obstacle.owned_boxes_within(low, high, reach, seg_line, only)[0]] = True
    # each vertex's segment: its distance along its line against the segments' ends
    length = np.hypot(*(coords[1:][same] - coords[:-1][same]).T)
    seg_start = np.cumsum(length) - length
    first_seg = np.searchsorted(seg_line, np.arange(len(lines)))
    seg_start -= seg_start[first_seg][seg_line]
    offset = np.r_[0.0, np.cumsum(np.bincount(seg_line, length, minlength=len(lines)) + 1.0)][:-1]
    k = np.searchsorted(seg_start + offset[seg_line], along + offset[line_of], side="right") - 1
    k = np.clip(k, 0, len(seg_line) - 1)
    far = real & ~near[k] & (seg_line[k] == line_of)
    unmeasured[far] = False
    slack[far] = (reach[k] - clearances[line_of])[far] * (1 - 1e-9)


def _side(start: np.ndarray, geometry, line: LineString, clearance: float) -> np.ndarray:
    """The side a line's start lies on, for vertices exactly on a line obstacle (a branch drawn along
    another; ``geometry``: the obstacle's lines it heeds): they have no "away" and go to this side
    (zero: none). Polygonal obstacles have an inside instead."""
    x0, y0, x1, y1 = line.bounds
    reach = clearance * 3
    nearby = shapely.clip_by_rect(shapely.multilinestrings(geometry) if np.ndim(geometry) else geometry,
                                  x0 - reach, y0 - reach, x1 + reach, y1 + reach)
    if nearby.is_empty:
        return np.zeros(2)
    p0 = Point(start)
    return np.asarray(p0.coords[0]) - np.asarray(shapely.ops.nearest_points(nearby, p0)[0].coords[0])


# A band meeting a line obstacle (a larger branch) at more than this angle's sine, about 35 degrees,
# against the obstacle's nearest segment, crosses it: pushing it aside there cannot succeed (its ends
# are on either side) and only drags it round the other band, round after round.
CROSSING_SINE = 0.57


def _push_away(pts: np.ndarray, idx: np.ndarray, touched: np.ndarray, moved: np.ndarray, obstacle: Obstacle,
               clearance: np.ndarray, line_of: np.ndarray, sides: np.ndarray | None, slack: np.ndarray,
               only: PieceSets | None = None) -> None:
    """Move each vertex ``idx`` closer than its ``clearance`` to the obstacle straight away from it,
    in place, marking it ``touched`` and ``moved``. ``slack`` gets how far beyond the clearance
    each measured vertex lies. One vectorised pass: each vertex's move depends only on its own
    position."""
    if not len(idx):
        return
    reach = MEASURE_REACH * clearance[idx]
    slack[idx] = reach - clearance[idx]
    only = None if only is None else (line_of[idx], only)
    hit, dist, on_obstacle, inside, run = obstacle.near(pts[idx], reach, clearance[idx], directions=True, only=only)
    slack[idx[hit]] = dist - clearance[idx[hit]]
    # a vertex just inside the land (a smoothed band cutting a cape) goes back out across the
    # nearest coast; one farther in (more than the clearance) is on a course drawn across land
    close = dist <= clearance[idx[hit]]
    idx, dist, on_obstacle, inside, run = idx[hit][close], dist[close], on_obstacle[close], inside[close], run[close]
    if not obstacle.areal:  # a band crossing another is left crossing it: only a band alongside moves
        tangent = pts[idx + 1] - pts[idx - 1]
        sine = np.abs(tangent[:, 0] * run[:, 1] - tangent[:, 1] * run[:, 0])
        alongside = sine <= CROSSING_SINE * np.hypot(tangent[:, 0], tangent[:, 1])
        idx, dist, on_obstacle, inside = idx[alongside], dist[alongside], on_obstacle[alongside], inside[alongside]
    if not len(idx):
        return
    away = np.where(inside[:, None], on_obstacle - pts[idx], pts[idx] - on_obstacle)
    dist = np.where(inside, -dist, dist)  # out to 1.1 x the clearance beyond the coast
    norm = np.hypot(away[:, 0], away[:, 1])
    flat = norm == 0
    if flat.any() and sides is not None:
        side = sides[line_of[idx]]
        tangent = pts[idx + 1] - pts[idx - 1]
        across = np.stack([-tangent[:, 1], tangent[:, 0]], axis=1)
        across[np.einsum("ij,ij->i", across, side) < 0] *= -1
        has_side = np.hypot(side[:, 0], side[:, 1]) > 0
        away = np.where((flat & has_side)[:, None], across, away)
        norm = np.hypot(away[:, 0], away[:, 1])
    ok = norm > 0  # a vertex on the outline with no side to go to is the data tests' business
    idx = idx[ok]
    pts[idx] += away[ok] / norm[ok, None] * ((clearance[idx] - dist[ok]) * 1.1)[:, None]
    touched[idx] = moved[idx] = True


def _tight_bends(pts: np.ndarray, radius) -> np.ndarray:
    """Vertices where the curve's radius (circumcircle of neighbours) is below ``radius`` (a number
    or one per vertex)."""
    out = np.zeros(len(pts), bool)
    if len(pts) < 3:
        return out
    a, b, c = pts[:-2], pts[1:-1], pts[2:]
    ab, bc, ca = (np.hypot(*(b - a).T), np.hypot(*(c - b).T), np.hypot(*(a - c).T))
    cross = np.abs((b - a)[:, 0] * (c - a)[:, 1] - (b - a)[:, 1] * (c - a)[:, 0])
    with np.errstate(divide="ignore", invalid="ignore"):
        r = ab * bc * ca / (2 * cross)
    out[1:-1] = np.nan_to_num(r, nan=np.inf, posinf=np.inf) < (radius[1:-1] if np.ndim(radius) else radius)
    return out
