"""Where a sea band starts: just off its port, where its whole cross-section is at sea, and straight and
square to its course there. Split from ``geo.flow_geometry``, which builds the bands."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString

from geo.keep_clear import Obstacle
from geo.line_cut import line_head

# A sea band may start at most this far along its course (as a fraction of its length) to start at sea.
MAX_OFFSHORE_START = 0.35


def offshore_starts(lines: list[LineString], land, half_widths: list[float], margin: float) -> np.ndarray:
    """How far along each line a band of the given half width starts wholly at sea: where its flat
    start (the band's cross-section) and everything after it lies ``margin`` off ``land`` (a polygon
    or its ``Obstacle``). 0 where it starts at sea, and also where it cannot clear the land in its
    first ``MAX_OFFSHORE_START`` (a course drawn along the coast keeps its start).

    A sea route starts at its port, on the coast: a band centred there lies half on land, and the
    Atlantic band covered the Mauritanian shore from Nouakchott. Cartographers start the arrow just
    off the port, which stays visible beside it. The cross-section is what must clear the coast, not
    a circle round the centre: a band leaving the shore square to it starts as close as the margin."""
    obstacle = Obstacle.of(land)
    out = np.zeros(len(lines))
    if obstacle is None or not lines:
        return out
    half = np.asarray(half_widths, float)
    heads = [line_head(line, line.length * MAX_OFFSHORE_START) for line in lines]
    xy, owner = shapely.get_coordinates(shapely.segmentize(np.asarray(heads, dtype=object), half / 2),
                                        return_index=True)
    same = np.r_[False, owner[1:] == owner[:-1]]
    step = np.r_[0.0, np.hypot(*np.diff(xy, axis=0).T)] * same
    start = np.searchsorted(owner, np.arange(len(lines) + 1))  # each line's first sample
    has = start[:-1] < start[1:]
    along = np.cumsum(step)
    along -= along[start[owner]]
    # each sample's direction from its neighbours on the same line, and its cross-section's points
    nxt = np.where(np.r_[same[1:], False], np.arange(len(xy)) + 1, np.arange(len(xy)))
    prv = np.where(same, np.arange(len(xy)) - 1, np.arange(len(xy)))
    tangent = xy[nxt] - xy[prv]
    tangent /= np.maximum(np.hypot(*tangent.T), 1e-300)[:, None]
    normal = np.column_stack([-tangent[:, 1], tangent[:, 0]])
    across = np.linspace(-1.0, 1.0, CROSS_SECTION_POINTS)

    def blocked_at(samples: np.ndarray) -> np.ndarray:
        if not len(samples):
            return np.zeros(0, bool)
        # a cross-section lies within its half width of its centre: a centre at sea and farther than
        # that plus the margin from the coast is clear whatever its points (most samples of a course
        # leaving the shore; at 5,000 routes 1.6 million points were asked of the coast, now 0.2)
        reach = half[owner[samples]] + margin
        near_centre = obstacle.near(xy[samples], reach, inside_within=-1.0)[0]  # inside or not, asked below
        ask = np.zeros(len(samples), bool)
        ask[near_centre] = True
        far = np.flatnonzero(~ask)
        ask[far[obstacle.inside(xy[samples[far]])]] = True  # a centre deep inland is no nearer the sea
        out = np.zeros(len(samples), bool)
        out[ask] = cross_blocked(samples[ask])
        return out

    def cross_blocked(samples: np.ndarray) -> np.ndarray:
        if not len(samples):
            return np.zeros(0, bool)
        cross = (xy[samples, None, :] + (half[owner[samples]][:, None] * across[None, :])[:, :, None]
                 * normal[samples, None, :]).reshape(-1, 2)
        hit, _, _, _ = obstacle.near(cross, margin)
        point = np.zeros(len(cross), bool)
        point[hit] = True
        point |= obstacle.inside(cross)  # a port digitised a little inland, and the way to the shore
        return point.reshape(len(samples), -1).any(axis=1)

    # first each line's start; then every sample of the lines that start on or by the land only (at
    # 5,000 routes, every sample of every line was 900,000 points asked of the coast)
    blocked = np.zeros(len(xy), bool)
    blocked[start[:-1][has]] = blocked_at(start[:-1][has])
    ashore = np.flatnonzero(np.isin(owner, np.flatnonzero(has)[blocked[start[:-1][has]]]))
    blocked[ashore] = blocked_at(ashore)
    # per line, the sample after its last blocked one: a line that starts blocked starts there, unless
    # it never clears (a loop over lines scanned every sample once per line)
    last = np.full(len(lines), -1)
    np.maximum.at(last, owner[blocked], np.flatnonzero(blocked))
    clears = has & blocked[np.minimum(start[:-1], len(xy) - 1)] & (last + 1 < start[1:])
    out[clears] = along[last[clears] + 1]
    return out


# Points across a band's start tested against the coast (its edges, centre and between).
CROSS_SECTION_POINTS = 9


def _square_start(line: LineString, width: float) -> LineString:
    """``line`` less its vertices within ``width`` of its start: a band's flat start is square to its
    first segment, and a short first segment at an angle to the next left a step in the cap."""
    pts = np.asarray(line.coords)[:, :2]
    along = np.r_[0.0, np.cumsum(np.hypot(*np.diff(pts, axis=0).T))]
    keep = (along >= width) | (np.arange(len(pts)) == 0)
    keep[-1] = True
    return LineString(pts[keep]) if keep.sum() >= 2 else line


START_TURN_DEG = 15.0
"""A band's first stretch (one width long) may turn this far from its course beyond before it is cut."""


def straight_start(line: LineString, width: float, land, clearance: float) -> LineString:
    """``line`` with its first ``width`` straight along its course there, re-aimed from where that stretch
    ends, where the band so started keeps ``clearance`` (its half width and margin) off ``land``; else
    ``_square_start``. Cut off its port, a band's first vertices still bent towards the port: the
    Atlantic band's first 2.5 mm turned 35° from the rest, and its 7.5 mm start was cut on the slant with
    a notch in its coast side, at Nouakchott and under Web Mercator."""
    if line.length < 2 * width:
        return _square_start(line, width / 3)
    pts = np.asarray(line.coords)[:, :2]
    along = np.r_[0.0, np.cumsum(np.hypot(*np.diff(pts, axis=0).T))]
    at = np.asarray(line.interpolate(width).coords[0])[:2]
    ahead = np.asarray(line.interpolate(min(1.5 * width, line.length)).coords[0])[:2]
    d = ahead - at
    d /= max(np.hypot(*d), 1e-12)
    start = at - d * width
    first = LineString([start, at])
    if land is None or not shapely.intersects(land, first.buffer(clearance, cap_style="flat")):
        return LineString(np.vstack([start, at, pts[along > width]]))
    # re-aimed, it would run along the coast it leaves: the band starts where its course is straight
    heading = np.arctan2(*(np.diff(pts, axis=0)[:, ::-1].T))
    turn = np.abs((heading - np.arctan2(d[1], d[0]) + np.pi) % (2 * np.pi) - np.pi)
    bent = np.flatnonzero((turn > np.radians(START_TURN_DEG)) & (along[1:] <= width))
    if not len(bent):
        return _square_start(line, width / 3)
    return _square_start(LineString(pts[bent[-1] + 1:]), width / 3) if len(pts) - bent[-1] - 1 >= 2 else line


MAX_SEA_TURN_DEG, SEA_TURN_STEP_DEG = 35.0, 2.5
"""A lengthened sea band turns about its tip by at most this much, in these steps, to lie at sea."""
SEA_TURN_COST = 0.003
"""Of two turns, the one over less land wins; per degree turned, this share of the band counts as over
land, so a turn is taken only for what it clears."""
TURN_SAMPLES = 40
"""Points along a band (five across it) where its share over land is read."""


def turned_to_sea(line: LineString, land, half_width: float, head_length: float = 0.0) -> LineString:
    """``line`` (a band's straight course, lengthened backwards for its head: ``flow_geometry.
    lengthened_course``) turned about its tip by up to MAX_SEA_TURN_DEG where its band lies less over
    ``land`` (a polygon or its ``Obstacle``). The 2023 Tunisia flow (97,306, 7.5 mm wide) needs 19 mm
    for its head and body; Sfax to Lampedusa is 10 mm, and lengthened back along its course it started
    deep in Tunisia. Turned about Lampedusa towards Djerba, its body lies over the Gulf of Gabès: the
    route is schematic, its arrival is what stays where it is. The body is what is read (its last
    ``head_length`` is the head, which reaches the landing coast)."""
    coast = getattr(land, "geometry", land)
    if coast is None or line.length == 0:
        return line
    pts = np.asarray(line.coords)[:, :2]
    tip = pts[-1]
    # the band as points: along its course, and across it (the coast may be invalid once simplified: no overlay)
    t = np.linspace(0.0, max(1.0 - head_length / line.length, 0.1), TURN_SAMPLES)
    along = np.asarray(shapely.get_coordinates(shapely.line_interpolate_point(line, t, normalized=True)))
    d = (pts[-1] - pts[0]) / max(np.hypot(*(pts[-1] - pts[0])), 1e-12)
    across = np.array([-d[1], d[0]]) * half_width
    samples = np.concatenate([along + k * across for k in np.linspace(-1.0, 1.0, 5)]) - tip
    shapely.prepare(coast)

    def turned(turn: float) -> np.ndarray:
        c, s = np.cos(np.radians(turn)), np.sin(np.radians(turn))
        return np.array([[c, s], [-s, c]])

    def band(turn: float) -> LineString:
        return LineString(tip + (pts - tip) @ turned(turn))

    def cost(turn: float) -> float:
        xy = tip + samples @ turned(turn)
        return float(shapely.contains_xy(coast, xy[:, 0], xy[:, 1]).mean()) + SEA_TURN_COST * abs(turn)

    straight = cost(0.0)
    if straight == 0:
        return line
    turns = np.arange(SEA_TURN_STEP_DEG, MAX_SEA_TURN_DEG + 1e-9, SEA_TURN_STEP_DEG)
    best = min([0.0, *turns, *-turns], key=cost)
    return line if best == 0 else band(best)
