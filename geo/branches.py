"""Branches of one route side by side: converging (or diverging) ends set in lanes, and branches
that run along each other mid-course pushed apart, the smaller making room for the larger.

Split from ``geo.flow_geometry``, which builds each flow's band and calls these on the smoothed
centre lines of every flow.
"""

from __future__ import annotations

import itertools

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon

from geo.keep_clear import MEASURE_REACH, Obstacle, keep_all_clear
from geo.line_cut import line_part


def separate_parallel_branches(parts_of: list[list[LineString]], rows: list, widths: list[float],
                               protects: list[float], gap: float) -> None:
    """Where two branches of one route run along each other mid-course, the smaller moves aside.

    The larger flow keeps its drawn course; the smaller is pushed off it until the two bands
    sit side by side ``gap`` apart, except near its own ends, where it leaves or joins the other.
    A branch makes room for all its nearest larger branches at once (each band's edge, not its
    centre, is the obstacle), so that where there is room, making room for one does not push it
    onto another; a branch that no larger one comes near is left as it is. Works in place on
    ``parts_of`` (the smoothed centre lines of each flow).

    The larger branches that can come near a branch are found in an index of every branch's
    course as it was before any moved (a branch moves by at most its rounds' pushes): asking all
    larger branches of the route made 5,000 routes in six groups take minutes. Branches are then
    fitted in steps, each step every branch whose larger neighbours are all in place, a few dozen
    to a call (see ``BRANCHES_PER_CALL``).
    """
    order = sorted(range(len(rows)), key=lambda i: -rows[i].value)
    rank = np.empty(len(rows), int)
    rank[order] = np.arange(len(rows))
    simple: dict[int, list] = {}  # placed branches' courses, as obstacles

    def course(j: int) -> list:
        # simplified to a twentieth of the gap: a fitted centre line has a vertex every third of its
        # clearance, far more than its shape needs, and every one was a candidate nearest point
        if j not in simple:
            simple[j] = list(shapely.simplify(parts_of[j], gap / 20, preserve_topology=False))
        return simple[j]

    near = branch_neighbours(parts_of, rows, rank, widths, protects, gap)
    level = np.zeros(len(rows), int)  # a branch is fitted after every branch it makes room for
    for i in order:
        if near[i]:
            level[i] = 1 + max(level[j] for j in near[i])
    steps = [[i for i in order if level[i] == step] for step in range(1, int(level.max(initial=0)) + 1)]
    for batch in [b[k:k + BRANCHES_PER_CALL] for b in steps for k in range(0, len(b), BRANCHES_PER_CALL)]:
        obstacles = sorted({j for i in batch for j in near[i]})
        first = np.r_[0, np.cumsum([len(course(j)) for j in obstacles])]
        lines_of = {j: np.arange(first[k], first[k + 1]) for k, j in enumerate(obstacles)}
        others = Obstacle(shapely.multilinestrings([line for j in obstacles for line in course(j)]),
                          [widths[j] / 2 for j in obstacles for _ in course(j)])
        fitted = [(i, k) for i in batch for k in range(len(parts_of[i]))]
        kept = keep_all_clear([parts_of[i][k] for i, k in fitted], others,
                              [widths[i] / 2 + gap for i, _ in fitted], [protects[i] for i, _ in fitted],
                              rounds=BRANCH_ROUNDS, spacing=BRANCH_SPACING,
                              meets=[np.concatenate([lines_of[j] for j in near[i]]) for i, _ in fitted])
        for (i, k), line in zip(fitted, kept, strict=True):
            parts_of[i][k] = line


def branch_neighbours(parts_of: list[list[LineString]], rows: list, rank: np.ndarray, widths: list[float],
                      protects: list[float], gap: float) -> list[list[int]]:
    """For each branch, the larger branches of its route (group and mode) it makes room for: those
    whose drawn course comes within its reach, at most the ``MAX_NEIGHBOURS`` nearest at its middle,
    and none where more than that many overlap it there (``_nearest_branches``).

    Those crowded branches are found first, from their middles alone: one point against the courses,
    where the reach of a whole course against them all cost the product of the two counts (5,000
    routes in six groups: over 800 branches a route, 9 of 10 of them crowded, 8 s a layout)."""
    near: list[list[int]] = [[] for _ in rows]
    members: dict[tuple, list[int]] = {}
    for i, row in enumerate(rows):
        members.setdefault((row.group, getattr(row, "mode", "sea")), []).append(i)
    for idx in members.values():
        if len(idx) < 2:
            continue
        courses = _idle_free_courses(parts_of, idx, gap)
        whole = [i for i in idx if all(part.length > 2 * protects[i] for part in parts_of[i])]
        crowded = _crowded(parts_of, whole, idx, rank, widths, gap, courses) if whole else set()
        roomy = [i for i in idx if i not in crowded]
        for i, larger in _larger_near(parts_of, idx, rank, widths, protects, gap, roomy).items():
            near[i] = _nearest_branches(parts_of, i, larger, widths, gap, courses)
    return near


# Rounds a branch gets to make room for larger ones. The bundled maps' branches settle in one; in
# a 500-route map with six groups, 464 of 494 branches used all 16 rounds the coast gets, squeezed
# between others with no room, where more rounds only trade places.
BRANCH_ROUNDS = 6
# A branch making room for larger ones has a vertex every this share of its clearance (half its width
# plus the gap). The coast gets a third: its outline has capes a band must bend round. Another band
# is a smooth course, and bending beside it needs half as many vertices: half as many measured.
BRANCH_SPACING = 2 / 3

# Branches of one step fitted in one call. Shared calls saved a fifth of the 500-branch map's time;
# with no limit, 2,000 branches in six routes took a quarter longer and half as much memory again
# (every vertex's candidate pieces in a few huge arrays), and 64 at a time was as quick as one.
BRANCHES_PER_CALL = 64

# A branch makes room for at most this many larger branches of its route, the nearest at its middle:
# beside a flow there is room for a few neighbours, and pushing against all of them made 100
# branches converging on one place take minutes (every pair, every vertex).
MAX_NEIGHBOURS = 8
# Which branches are near is asked of their courses simplified to this share of the gap.
NEIGHBOUR_TOLERANCE = 0.5


def _larger_near(parts_of: list[list[LineString]], idx: list[int], rank: np.ndarray, widths: list[float],
                 protects: list[float], gap: float, ask: list[int] | None = None) -> dict[int, list[int]]:
    """For each branch ``ask`` (all of ``idx`` by default) of one route ``idx``, the larger branches
    (lower ``rank``) whose drawn course comes within reach of its vertices that may move (all but
    ``protects`` at either end), in order of size: one query of an STR tree of the drawn courses."""
    owner = np.array([i for i in idx for _ in parts_of[i]])
    # asked of the courses less their idle vertices (a fitted course has one every third of its
    # clearance; a distance between two lines costs the product of their vertices: 22 of 38 s of
    # 5,000 routes in six groups), the reach widened by what that can change on either line
    tolerance = gap * NEIGHBOUR_TOLERANCE
    tree = shapely.STRtree(shapely.simplify([part for i in idx for part in parts_of[i]], tolerance,
                                            preserve_topology=False))
    widest = max(widths[i] for i in idx)
    # how far a larger branch can have moved from its drawn course: each round pushes a vertex by at
    # most 1.1 times the clearance it lacks, smoothing only draws it back towards its neighbours
    drift = BRANCH_ROUNDS * 1.1 * (widest / 2 + gap)
    middles, middle_of, reach = [], [], []
    asked = idx if ask is None else ask
    for i in asked:
        for p in parts_of[i]:
            if p.length > 2 * protects[i]:
                middles.append(line_part(p, protects[i], p.length - protects[i]))
                middle_of.append(i)
                # a vertex is measured out to MEASURE_REACH times its clearance from the other band's edge
                reach.append(MEASURE_REACH * (widths[i] / 2 + gap) + widest / 2 + drift + 2 * tolerance)
    found: dict[int, set] = {i: set() for i in asked}
    if middles:
        middles = shapely.simplify(middles, tolerance, preserve_topology=False)
        m, hit = tree.query(middles, predicate="dwithin", distance=reach)
        of, by = np.asarray(middle_of)[m], owner[hit]
        larger = rank[by] < rank[of]
        for i, j in zip(of[larger].tolist(), by[larger].tolist(), strict=True):
            found[i].add(j)
    return {i: sorted(js, key=rank.__getitem__) for i, js in found.items()}


def _idle_free_courses(parts_of: list[list[LineString]], idx: list[int], gap: float) -> dict[int, object]:
    """Each branch's course (its parts as one) less its idle vertices, as ``_larger_near`` asks of
    them: once for a route, not once for every smaller branch that measures it."""
    whole = [shapely.union_all(parts_of[j]) if len(parts_of[j]) > 1 else parts_of[j][0] for j in idx]
    lean = shapely.simplify(np.array(whole, dtype=object), gap * NEIGHBOUR_TOLERANCE, preserve_topology=False)
    return dict(zip(idx, lean, strict=True))


def _middle(parts_of: list[list[LineString]], i: int):
    """The middle of branch ``i``: the point halfway along each of its parts."""
    middles = [shapely.line_interpolate_point(part, 0.5, normalized=True) for part in parts_of[i]]
    return middles[0] if len(middles) == 1 else shapely.multipoints(middles)


def _crowded(parts_of: list[list[LineString]], asked: list[int], idx: list[int], rank: np.ndarray,
             widths: list[float], gap: float, courses: dict[int, object]) -> set[int]:
    """The branches ``asked`` of the route ``idx`` that more than ``MAX_NEIGHBOURS`` larger branches
    overlap at their middle: they make room for none (``_nearest_branches``), whatever else is near.
    One query of an STR tree of the route's courses for all their middles.

    Asked only of branches whose every part is longer than its protected ends: a larger branch that
    overlaps such a middle is always within ``_larger_near``'s reach, so this is what
    ``_nearest_branches`` would find of them, without measuring every course near the whole band."""
    middles = np.array([_middle(parts_of, i) for i in asked], dtype=object)
    lean = np.array([courses[j] for j in idx], dtype=object)
    w_of, w = np.asarray([widths[i] for i in asked]), np.asarray([widths[j] for j in idx])
    m, hit = shapely.STRtree(lean).query(middles, predicate="dwithin", distance=(w_of + w.max()) / 2 + gap)
    larger = rank[np.asarray(idx)[hit]] < rank[np.asarray(asked)[m]]
    m, hit = m[larger], hit[larger]
    touching = shapely.distance(lean[hit], middles[m]) <= (w_of[m] + w[hit]) / 2 + gap
    counts = np.bincount(m[touching], minlength=len(asked))
    return {asked[k] for k in np.flatnonzero(counts > MAX_NEIGHBOURS)}


def _touching(parts_of: list[list[LineString]], i: int, candidates: list[int], widths: list[float], gap: float,
              courses: dict[int, object] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The distance of each candidate's course (less its idle vertices) from branch ``i``'s middle,
    and whether their bands overlap there (with ``gap`` between them)."""
    if courses is None:
        courses = _idle_free_courses(parts_of, candidates, gap)
    distance = shapely.distance(np.array([courses[j] for j in candidates], dtype=object), _middle(parts_of, i))
    return distance, distance <= (widths[i] + np.asarray([widths[j] for j in candidates])) / 2 + gap


def _nearest_branches(parts_of: list[list[LineString]], i: int, candidates: list[int], widths: list[float],
                      gap: float, courses: dict[int, object] | None = None) -> list[int]:
    """The ``MAX_NEIGHBOURS`` of ``candidates`` nearest branch ``i``'s middle (distances to their
    courses less their idle vertices, as ``_larger_near``; ``courses``: those, when already made).

    None when more than that many overlap it there: in a corridor with no room to make, a branch
    keeps its course, drawn over theirs. Pushed among them, it only traded places with them for all
    its rounds, and dragged them into a braid (500 synthetic routes in six groups, up to 56 larger
    branches within reach of one; every bundled branch has at most two)."""
    if len(candidates) <= MAX_NEIGHBOURS:
        return candidates
    distance, touching = _touching(parts_of, i, candidates, widths, gap, courses)
    if touching.sum() > MAX_NEIGHBOURS:
        return []
    return [candidates[k] for k in np.argsort(distance, kind="stable")[:MAX_NEIGHBOURS]]


def offset_parallel_branches(lines: list[LineString], groups: list[str], spans: list[float],
                             max_bundle: float = np.inf) -> list[LineString]:
    """Set converging (or diverging) branches of one group side by side near their shared end.

    Branches whose ends lie closer than their combined ``spans`` (the arrowhead widths, in map
    units) are ordered by their direction of approach and shifted sideways, the shift growing
    from nothing at mid-course to full width at the end, so the arrowheads arrive next to each
    other like lanes rather than stacked.
    """
    out = list(lines)
    members: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    for at_end in (True, False):
        for idx in members.values():
            idx = [i for i in idx if out[i].length > 0]
            if len(idx) < 2:
                continue
            ends = shapely.get_coordinates(shapely.get_point([out[i] for i in idx], -1 if at_end else 0))
            # each branch joins the first cluster whose first branch ends within their mean span
            clusters: list[list[int]] = []
            heads, head_spans = np.empty((len(idx), 2)), np.empty(len(idx))
            for n, i in enumerate(idx):
                m = len(clusters)
                near = np.hypot(*(heads[:m] - ends[n]).T) < (spans[i] + head_spans[:m]) / 2
                if near.any():
                    clusters[int(near.argmax())].append(i)
                else:
                    heads[m], head_spans[m] = ends[n], spans[i]
                    clusters.append([i])
            heads = {i: _head(out[i], spans[i], at_end) for i in idx}
            for c in clusters:
                # only heads that would overlap take lanes: ending near each other but one well ahead of
                # the other (Libya's at Sicily, Tunisia's at Lampedusa in the 2023 small multiples), they
                # are clear already, and a lane bent the Libya arrow through 60° at its end
                c = [i for i in c if any(heads[i].intersects(heads[j]) for j in c if j != i)]
                lanes = _in_lanes(c, spans, max_bundle)
                if len(lanes) > 1:
                    _shift_cluster(out, lanes, spans, at_end)
    return out


def _in_lanes(cluster: list[int], spans: list[float], max_bundle: float) -> list[int]:
    """The branches of a cluster that take lanes: the widest, at most MAX_LANES and no wider together
    than ``max_bundle``; the rest arrive on their own courses, over the lanes."""
    taken, total = [], 0.0
    for i in sorted(cluster, key=lambda i: -spans[i]):
        if len(taken) == MAX_LANES or total + spans[i] > max_bundle:
            break
        taken.append(i)
        total += spans[i]
    return sorted(taken)


# Branches of one group set side by side at a shared end, at most. Bundled and real routes meet in
# twos and threes; 500 synthetic routes in six groups met eighty at a place, and their lanes, an
# arrowhead's width each, ran for 300 mm across the page (from Tunisia to Jordan), and widened as the
# frame was fitted to them, since at a smaller scale more ends fall within a lane of each other.
# They are also at most ``max_bundle`` wide together (geo.flow_geometry.MAX_LANE_BUNDLE_MM): eight of
# the widest heads were 108 mm, arrows ending 300 km from their place on a regional map.
MAX_LANES = 8


def _head(line: LineString, span: float, at_end: bool):
    """The triangle a branch's head (or, at its start, its tail's end) takes: ``span`` across its base,
    ArrowStyle.length_factor of it long (at most 45 % of the line)."""
    from geo.flow_geometry import ArrowStyle  # which builds the bands from these branches

    length = min(ArrowStyle.length_factor * span, 0.45 * line.length)
    tip = np.asarray(line.coords[-1] if at_end else line.coords[0])[:2]
    base = np.asarray(line.interpolate(line.length - length if at_end else length).coords[0])[:2]
    d = tip - base
    n = np.array([-d[1], d[0]]) / max(np.hypot(*d), 1e-12) * span / 2
    return Polygon([base + n, tip, base - n]) if np.hypot(*d) > 0 else Point(tip).buffer(span / 2)


def lane_positions(across: np.ndarray, gaps: np.ndarray) -> np.ndarray:
    """Positions across the branches' mean direction, in lane order, nearest (least squares) to ``across``
    (where they end now) with each at least its ``gaps`` from the one before: a pool-adjacent-violators
    fit of ``across`` less the gaps summed, then the gaps added back. Branches ending at one place
    spread evenly about it; branches far enough apart keep their ends."""
    offset = np.r_[0.0, np.cumsum(gaps)]
    blocks: list[list[float]] = []  # [mean, count]
    for v in np.asarray(across, float) - offset:
        blocks.append([v, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            (m1, n1), (m2, n2) = blocks[-2], blocks.pop()
            blocks[-1] = [(m1 * n1 + m2 * n2) / (n1 + n2), n1 + n2]
    fitted = np.concatenate([[m] * int(n) for m, n in blocks])
    return fitted + offset


def _shift_cluster(lines: list[LineString], cluster: list[int], spans: list[float], at_end: bool) -> None:
    """Shift the lines of one cluster in place: lanes ordered left to right across the mean direction."""
    dirs = []
    for i in cluster:
        ln = lines[i]
        a = np.asarray(ln.interpolate(0.75 if at_end else 0.25, normalized=True).coords[0])
        b = np.asarray(ln.coords[-1] if at_end else ln.coords[0])
        d = (b - a) if at_end else (a - b)
        dirs.append(d / max(np.hypot(*d), 1e-12))
    mean = np.mean(dirs, axis=0)
    mean /= max(np.hypot(*mean), 1e-12)
    normal = np.array([-mean[1], mean[0]])
    # order by where each branch comes from across the mean direction
    side = [float(np.dot(np.asarray(lines[i].interpolate(0.5, normalized=True).coords[0]), normal)) for i in cluster]
    order = [cluster[k] for k in np.argsort(side)]
    # each branch moved from where it ends now only as far as its lane needs: in the 2023 small multiples
    # the Libya arrow, whose head was clear of Tunisia's already, was moved 7 mm and turned through 60°
    across = np.array([np.dot(np.asarray(lines[i].coords[-1 if at_end else 0])[:2], normal) for i in order])
    gaps = np.array([(spans[a] + spans[b]) / 2 for a, b in itertools.pairwise(order)])
    shifts = lane_positions(across, gaps) - across
    for i, centre in zip(order, shifts, strict=True):
        pts = np.asarray(lines[i].coords)[:, :2]
        along = np.concatenate([[0], np.cumsum(np.hypot(*np.diff(pts, axis=0).T))])
        s = along / max(along[-1], 1e-12)
        ramp = np.clip((s - 0.35) / 0.55, 0, 1) if at_end else np.clip((0.65 - s) / 0.55, 0, 1)
        ramp = ramp * ramp * (3 - 2 * ramp)  # smoothstep: no kink where the shift starts
        lines[i] = LineString(pts + (ramp * centre)[:, None] * normal[None, :])
