"""Flow symbols as shapely data: smoothed centre line, proportional band and arrowhead.

Widths are chosen in millimetres of paper and turned into map units for a given view, so the
painter, the GeoJSON export and the web map all share the very same polygons.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, MultiLineString, Polygon
from shapely.ops import substring

from geo.band_start import offshore_starts, straight_start, turned_to_sea
from geo.branches import offset_parallel_branches, separate_parallel_branches
from geo.keep_clear import keep_all_clear
from geo.line_cut import line_head, line_tail
from geo.view import MapView


@dataclass(frozen=True)
class WidthScale:
    """Linear widths: ``reference_value`` draws ``reference_width_mm`` wide.

    Hold ``reference_value`` fixed across quarters and the maps compare; widths never go below
    ``min_width_mm`` so that small flows stay visible (the legend says so). With ``breaks``
    (ascending class limits) widths are classed instead: every flow of a class gets one width,
    stepping evenly from the minimum to ``reference_width_mm``.
    """

    reference_value: float
    reference_width_mm: float = 7.5
    min_width_mm: float = 0.6
    breaks: tuple[float, ...] = ()
    by_area: bool = False
    """Circles: ``width_mm`` is a diameter and the circle's area, not its width, grows with the value
    (a diameter in proportion would make a figure twice as large look four times as large)."""

    def width_mm(self, value: float) -> float:
        if self.breaks:
            return self.class_widths()[int(np.searchsorted(self.breaks, value, side="right"))]
        return max(self.min_width_mm, self.proportional_mm(value))

    def proportional_mm(self, value: float) -> float:
        """The width (or diameter) ``value`` has in proportion, before the minimum is applied."""
        ratio = value / self.reference_value
        return (math.sqrt(ratio) if self.by_area else ratio) * self.reference_width_mm

    def class_widths(self) -> list[float]:
        n = len(self.breaks) + 1
        return [float(w) for w in np.linspace(self.min_width_mm * 1.5, self.reference_width_mm, n)]

    @classmethod
    def fit(cls, values, max_width_mm: float = 7.5, min_width_mm: float = 0.6,
            reference_value: float | None = None, breaks: tuple[float, ...] = (), by_area: bool = False) -> WidthScale:
        """The scale for these values: the largest is drawn ``max_width_mm`` unless a value is fixed."""
        if reference_value is None:
            finite = [v for v in values if v is not None and np.isfinite(v) and v > 0]
            reference_value = max(finite) if finite else 1.0
        return cls(float(reference_value), max_width_mm, min_width_mm, tuple(sorted(breaks)), by_area)

    def legend_values(self, largest: float, count: int = 3) -> list[float]:
        """Round values (1-2-5 series) from ``largest`` down, for a legend that reads at a glance.

        Every sample is drawn at its own width in proportion: a value thinner than the minimum
        width would be drawn at the minimum, as wide as the next sample or a band of another
        figure, so it gives way to the roundest value drawn at least that wide (the legend's note
        says how thin the smallest flows are drawn). Each sample is visibly thinner than the one
        above it (``LEGEND_SAMPLE_STEP``), so no two bars look alike."""
        if largest <= 0:
            return []
        top = _nice_floor(largest)
        bottom = max(_nice_floor(top / (20 if self.by_area else 12)), _nice_ceil(self.value_at_mm(self.min_width_mm)))
        out = [top]
        if count >= 3:  # the round value nearest the middle of the two, on a log scale
            between = [v for v in _nice_series(bottom, top) if self._apart(v, top) and self._apart(bottom, v)]
            out += sorted(between, key=lambda v: abs(math.log(v * v / (top * bottom))))[:1]
        if count >= 2 and self._apart(bottom, out[-1]):
            out.append(bottom)
        return out

    def _apart(self, smaller: float, larger: float) -> bool:
        return smaller < larger and self.width_mm(smaller) * LEGEND_SAMPLE_STEP <= self.width_mm(larger)

    def value_at_mm(self, width_mm: float) -> float:
        """The value drawn ``width_mm`` wide in proportion (the inverse of ``proportional_mm``)."""
        ratio = width_mm / self.reference_width_mm
        return (ratio * ratio if self.by_area else ratio) * self.reference_value


LEGEND_SAMPLE_STEP = 1.5
"""Each legend sample is at least this many times thinner than the one above it: bars closer in
width read as one width at a glance."""


def _nice_ceil(x: float) -> float:
    """The smallest 1-2-5 value at least ``x``."""
    return _nice_series(x, 10 * x)[0] if x > 0 else 0.0


def _nice_series(low: float, high: float) -> list[float]:
    """The 1-2-5 values from ``low`` to ``high``, both included."""
    out, exp = [], math.floor(math.log10(low))
    while 10**exp <= high:
        out += [float(m * 10**exp) for m in (1, 2, 5) if low <= m * 10**exp <= high]
        exp += 1
    return out


def _nice_floor(x: float) -> float:
    if x <= 0:
        return 0.0
    exp = math.floor(math.log10(x))
    for m in (10, 5, 2, 1):
        if m * 10**exp <= x:
            return float(m * 10**exp)
    return float(10**exp)


def chaikin(coords: np.ndarray, iterations: int = 3) -> np.ndarray:
    """Corner cutting (1/4, 3/4) that keeps both ends: smooth curves that stay inside the drawn course."""
    pts = np.asarray(coords, dtype=float)[:, :2]
    for _ in range(iterations):
        if len(pts) < 3:
            break
        p, q = pts[:-1], pts[1:]
        cut = np.empty((2 * len(p), 2))
        cut[0::2] = 0.75 * p + 0.25 * q
        cut[1::2] = 0.25 * p + 0.75 * q
        pts = np.vstack([pts[:1], cut[1:-1], pts[-1:]])
    return pts


def smooth_line(line: LineString, iterations: int = 3) -> LineString:
    return LineString(chaikin(np.asarray(line.coords), iterations))


@dataclass(frozen=True)
class ArrowStyle:
    """Arrowhead proportions; the minimums keep heads readable on thin flows."""

    width_factor: float = 1.75
    min_width_mm: float = 2.6
    length_factor: float = 0.85
    min_length_mm: float = 2.4
    end_gap_mm: float = 1.2
    """The tip stops this short of the destination, so a small island or town stays visible."""

    def head_width_mm(self, width_mm: float) -> float:
        """The head's width across its base, for a band ``width_mm`` wide."""
        return max(width_mm * self.width_factor, self.min_width_mm + width_mm)

    def head_length_mm(self, width_mm: float) -> float:
        """The head's length from base to tip, for a band ``width_mm`` wide."""
        return max(self.head_width_mm(width_mm) * self.length_factor, self.min_length_mm)


def flow_symbol(line: LineString, width: float, arrow_width: float, arrow_length: float) -> Polygon:
    """The band (flat start, round joins) plus arrowhead of one line, in the line's units."""
    length = line.length
    # a short course gives the head at most 45 % of it; one lengthened to hold its head whole on a body its
    # width long (build_flow_symbols, BODY_AT_LEAST_WIDTHS) keeps it whole
    arrow_length = min(arrow_length, max(length * 0.45, length - CRAMPED_BODY_WIDTHS * width))
    body = line_head(line, length - arrow_length * 0.9)
    band = body.buffer(width / 2.0, cap_style="flat", join_style="round", quad_segs=6)
    tip = np.asarray(line.coords[-1])
    base = np.asarray(line.interpolate(length - arrow_length).coords[0])
    direction = tip - base
    norm = np.hypot(*direction)
    if norm == 0:
        return band
    direction /= norm
    perp = np.array([-direction[1], direction[0]])
    half = arrow_width / 2.0
    head = Polygon([base + perp * half, tip, base - perp * half])
    return shapely.union(band, head)


# A band shorter than this on paper is no symbol at all (Ceuta's land leg is 4 km, a fraction of a
# millimetre at the regional scale, and its figure floated over nothing): it is lengthened backwards,
# along its first direction, so the arrow still arrives where the route does.
MIN_SYMBOL_LENGTH_MM = 6.0
# A band's course holds at least its whole head and a body this many times its width long: shorter, the
# head was cut to 45 % of the course and kept its width, and the 2023 Tunisia flow (97,306: 7.5 mm wide,
# a 13 mm head, on 7 mm of sea from Sfax to Lampedusa) was a head 13 mm across and 2.9 mm long on a
# stub. Such a band is lengthened backwards like a short one: its arrow still arrives where its route
# does, and its tail lies over the side it comes from.
BODY_AT_LEAST_WIDTHS = 1.0
# A band too short for that is first drawn with a blunter head and a shorter body, down to these: a head
# this share of its width across (a right angle at its tip) on a body half the band's width long. The
# 2023 Tunisia flow lengthened back for its whole pointed head lay 40 % over Tunisia's land, and its small
# multiple's tail was in Algeria: a blunt head is still a whole arrowhead, a tail on land reads as a route.
BLUNT_HEAD_LENGTH = 0.55
CRAMPED_BODY_WIDTHS = 0.5


def blunt_head_mm(width_mm: float, arrow: ArrowStyle) -> float:
    """The shortest head a band ``width_mm`` wide is drawn with (its width across is ArrowStyle's)."""
    return max(arrow.head_width_mm(width_mm) * BLUNT_HEAD_LENGTH, arrow.min_length_mm)


def _head_length(course: float, width: float, head: float, blunt: float, whole: bool) -> float:
    """The head's length on a course this long (all in one unit): for a band lengthened for its head
    (``whole``), its ``head`` on a course with room for it and a body as long as the band is wide, else
    as much of it as leaves that body, not less than ``blunt``; for any other, at most 45 % of the
    course, as ever (the figures' and their numbers' places beside the short arrows of the A4 overview
    were found for those heads)."""
    if not whole:
        return min(head, 0.45 * course)
    return min(head, max(blunt, course - BODY_AT_LEAST_WIDTHS * width))


END_GAP_SHARE = 0.1
"""A course gives its end gap (ArrowStyle.end_gap_mm) at most this share of its length."""


def end_gap(length: float, gap: float) -> float:
    """How much of a course ``length`` long is left short of its destination: ``gap``, at most END_GAP_SHARE."""
    return min(gap, length * END_GAP_SHARE)


HEAD_SETS_NO_LENGTH = frozenset({"return_flow"})
"""Symbols not lengthened for their heads: a return band starts where people are stopped at sea, and
lengthened back it started by Malta (Libya's ≥ 21,470 interceptions), read as leaving from there."""


def _with_gap(course_mm: float, gap_mm: float) -> float:
    """The line a course ``course_mm`` long needs with its end gap (at most END_GAP_SHARE of the line)."""
    return course_mm + gap_mm if gap_mm <= END_GAP_SHARE * (course_mm + gap_mm) else course_mm / (1 - END_GAP_SHARE)


def least_course_mm(width_mm: float, head_length_mm: float, arrow: ArrowStyle, symbol: str = "flow"
                    ) -> tuple[float, bool]:
    """The shortest line (paper mm, its end gap included) a band of this width and head is drawn on, and
    whether it is that long for its head: then its course, less the end gap, holds at least a blunt head
    (``blunt_head_mm``) on a body CRAMPED_BODY_WIDTHS its width long (not for HEAD_SETS_NO_LENGTH)."""
    if symbol in HEAD_SETS_NO_LENGTH:
        return MIN_SYMBOL_LENGTH_MM, False
    if _with_gap(head_length_mm + BODY_AT_LEAST_WIDTHS * width_mm, arrow.end_gap_mm) <= MIN_SYMBOL_LENGTH_MM:
        return MIN_SYMBOL_LENGTH_MM, False
    cramped = blunt_head_mm(width_mm, arrow) + CRAMPED_BODY_WIDTHS * width_mm
    return max(MIN_SYMBOL_LENGTH_MM, _with_gap(cramped, arrow.end_gap_mm)), True


def chord(line: LineString) -> LineString:
    """The straight line from ``line``'s start to its end."""
    return LineString([line.coords[0], line.coords[-1]])


def lengthened_course(line: LineString, route_chord: LineString, least: float) -> LineString:
    """``line`` itself where it is ``least`` long, else its route's chord (its start to its end: a bend
    in so short a course folds the band) lengthened backwards to ``least``."""
    if line.length >= least or line.length == 0:
        return line
    return at_least_long(route_chord if route_chord.length > 0 else line, least)


# Routes drawn over land (metrics.ROUTE_MODES): generalised to their band's width and smoothed like sea
# bands, and started clear of the place they leave. Origin-destination flows (mode "od") keep the
# curves their layout gives them, between nodes.
OVERLAND = frozenset({"land", "expulsion"})

# A sea band's edge keeps this far off the coast along its course, and starts half as far off it.
COAST_MARGIN_MM = 0.6

def at_least_long(line: LineString, length: float) -> LineString:
    """``line`` itself, or extended before its start along its first direction to ``length``."""
    if line.length >= length or line.length == 0:
        return line
    pts = np.asarray(line.coords)[:, :2]
    first = pts[1] - pts[0]
    norm = np.hypot(*first)
    if norm == 0:
        return line
    start = pts[0] - first / norm * (length - line.length)
    return LineString(np.vstack([start, pts]))


# A band's centre line is fitted with a vertex every third of its clearance; before the band is
# built on it, vertices that bend it by less than this on paper are dropped, and then those of the
# band's outline by less than half of it (a twentieth of a pixel at 300 dpi: the band, its outline in
# SVG, PDF and GeoJSON, and the painting had 5-10x the vertices the shape needs, and the casing's
# round join at each cost seconds at 5,000 flows).
SYMBOL_TOLERANCE_MM = 0.004

# A band whose course is shorter than this many times its width is drawn straight from its start to its
# tip: any bend in so short a course is tighter than the band's half width, and folds it over itself (the
# 2023 Tunisia flow of the small multiples, 7.5 mm wide on a 6 mm course, had a hole, and its body bulged
# past the sides of its head).
STRAIGHT_BELOW_WIDTHS = 2.0

# Symbols that are not bands sit this far along their route (as a fraction of its length); a zero
# is a ring this wide, labelled "0" (never a thin flow).
CIRCLE_AT = 0.5
ZERO_RING_MM = 2.4


LANE_GAP_MM = 0.4
"""Paper between the arrowheads of branches set side by side at their shared end."""
MAX_LANE_BUNDLE_MM = 30.0
"""Lanes at a shared end are at most this wide together: two of the widest bands' heads (27 mm) fit."""


def _smoothed(parts, mode: str, half_width: float, smoothing: int) -> list[LineString]:
    """A band's parts smoothed: an overland one generalised first, as a jog narrower than the band
    cannot show in it and folded it."""
    if mode not in OVERLAND:
        return [smooth_line(part, smoothing) for part in parts]
    return [smooth_line(shapely.simplify(part, half_width), smoothing) for part in parts]


def _set_in_lanes(parts_of: list[list[LineString]], groups: list, spans: list[float], max_bundle: float) -> None:
    """Converging branches (single-part flows) of one group set side by side near their shared end, in place."""
    single = [i for i, p in enumerate(parts_of) if len(p) == 1]
    moved = offset_parallel_branches([parts_of[i][0] for i in single], [groups[i] for i in single],
                                     [spans[i] for i in single], max_bundle)
    for i, line in zip(single, moved, strict=True):
        parts_of[i] = [line]


def draft_courses(flows: gpd.GeoDataFrame, view: MapView, scale: WidthScale, step: float,
                  arrow: ArrowStyle = ArrowStyle(), smoothing: int = 3) -> list:
    """Each band's course as ``build_flow_symbols`` lays it out, less the costly part: smoothed, and
    with converging branches set in lanes, but neither kept off the land nor pushed apart mid-course
    (a few millimetres either way). Lanes are what moves a band farthest from its drawn course
    (eighty arrowheads side by side where many branches of a route meet), so a frame fitted to the
    draft is near the one the built symbols need, at a small share of their cost.

    Per row, None for a circle, else a (course, laned) pair of coordinate arrays per part: the
    smoothed course with a vertex every ``step`` at most, and the same vertices set in their lane.
    The lane's shift is paper (a lane is an arrowhead's width), so a frame fit reads it as an offset
    in millimetres from the course, not as ground."""
    parts_of, groups, spans, bands = [], [], [], []
    out: list = [None] * len(flows)
    for n, row in enumerate(flows.itertuples()):
        if (getattr(row, "symbol", "flow") or "flow") in ("circle", "zero"):
            continue
        parts = row.geometry.geoms if isinstance(row.geometry, MultiLineString) else [row.geometry]
        w_mm = scale.width_mm(row.value)
        aw_mm = arrow.head_width_mm(w_mm)
        smoothed = _smoothed(parts, getattr(row, "mode", "sea"), view.mm_to_units(w_mm / 2), smoothing)
        least = view.mm_to_units(least_course_mm(w_mm, arrow.head_length_mm(w_mm), arrow,
                                                 getattr(row, "symbol", "flow") or "flow")[0])
        smoothed = [lengthened_course(p, chord(p), least) for p in smoothed]
        parts_of.append(list(shapely.segmentize(np.asarray(smoothed, dtype=object), step)))
        groups.append(row.group)
        spans.append(view.mm_to_units(aw_mm + LANE_GAP_MM))
        bands.append(n)
    courses = [list(p) for p in parts_of]
    _set_in_lanes(parts_of, groups, spans, view.mm_to_units(MAX_LANE_BUNDLE_MM))
    for n, course, laned in zip(bands, courses, parts_of, strict=True):
        out[n] = [(shapely.get_coordinates(a), shapely.get_coordinates(b)) for a, b in zip(course, laned, strict=True)]
    return out


def build_flow_symbols(flows: gpd.GeoDataFrame, view: MapView, scale: WidthScale,
                       arrow: ArrowStyle = ArrowStyle(), smoothing: int = 3, land=None) -> gpd.GeoDataFrame:
    """Symbols for joined flows already in the view's CRS; largest first, so small ones draw on top.

    Each row's ``symbol`` (from the metric's meaning, see geo.metrics) decides the shape: a band
    with an arrowhead (flows, return flows, corridors), a circle whose area is to scale, or a ring
    for a zero. ``filled`` is False for a figure inside another one drawn on the map: the painter
    outlines it. With ``land`` (a projected polygon or its ``Obstacle``), sea bands are kept off the
    coast along their course. Branches of one route group that reach (or leave) the same place are set side by side
    instead of on top of each other.
    """
    rows, parts_of, sizes, modes = [], [], [], []
    chords = []  # each part's straight line from where its route leaves to where it arrives
    rounds = []
    sea = []  # (flow, part, clearance, protected length at the ends) of every sea band
    for row in flows.itertuples():
        symbol = getattr(row, "symbol", "flow") or "flow"
        parts = row.geometry.geoms if isinstance(row.geometry, MultiLineString) else [row.geometry]
        if symbol in ("circle", "zero"):
            d_mm = ZERO_RING_MM if symbol == "zero" else scale.width_mm(row.value)
            rounds.append((row, [smooth_line(p, smoothing) for p in parts], d_mm))
            continue
        w_mm = scale.width_mm(row.value)
        aw_mm, al_mm = arrow.head_width_mm(w_mm), arrow.head_length_mm(w_mm)
        mode = getattr(row, "mode", "sea")
        smoothed = _smoothed(parts, mode, view.mm_to_units(w_mm / 2), smoothing)
        if mode == "sea":  # free to leave the coast at once; the arrow reaches the shore
            clearance = view.mm_to_units(w_mm / 2 + COAST_MARGIN_MM)
            sea.extend((len(parts_of), k, clearance, (clearance, view.mm_to_units(aw_mm + 1.0)))
                       for k in range(len(parts)))
        rows.append(row)
        modes.append(mode)
        parts_of.append(smoothed)
        chords.extend(chord(p) for p in smoothed)
        sizes.append((w_mm, aw_mm, al_mm))
    if sea:  # every sea band kept off the coast in one pass
        kept = keep_all_clear([parts_of[i][k] for i, k, _, _ in sea], land, [c for *_, c, _ in sea],
                              [p for *_, p in sea], taut=True)
        for (i, k, _, _), line in zip(sea, kept, strict=True):
            parts_of[i][k] = line
    overland = [(i, k) for i, mode in enumerate(modes) if mode in OVERLAND for k in range(len(parts_of[i]))]
    if overland:  # no coast to keep off, but the same rule for bends: none tighter than the band's half width
        kept = keep_all_clear([parts_of[i][k] for i, k in overland], None,
                              [view.mm_to_units(sizes[i][0] / 2 + COAST_MARGIN_MM) for i, _ in overland],
                              [0.0] * len(overland))
        for (i, k), line in zip(overland, kept, strict=True):
            parts_of[i][k] = line
    _set_in_lanes(parts_of, [row.group for row in rows], [view.mm_to_units(sz[1] + LANE_GAP_MM) for sz in sizes],
                  view.mm_to_units(MAX_LANE_BUNDLE_MM))
    separate_parallel_branches(parts_of, rows, [view.mm_to_units(sz[0]) for sz in sizes],
                               [view.mm_to_units(sz[1] + 1.0) for sz in sizes], view.mm_to_units(0.5))
    # every band's course to its arrow's tip (labels keep all its vertices), then the course and the
    # band's outline less their idle vertices, each in one call for all bands
    courses, lengthened, whole_heads = [], [], []
    for row, mode, smoothed, (w_mm, _, al_mm) in zip(rows, modes, parts_of, sizes, strict=True):
        least, for_head = least_course_mm(w_mm, al_mm, arrow, getattr(row, "symbol", "flow") or "flow")
        for drawn in smoothed:
            smooth = lengthened_course(drawn, chords[len(courses)], view.mm_to_units(least))
            if mode == "sea" and smooth is not drawn and land is not None:  # its body at sea, not over the port's land
                smooth = turned_to_sea(smooth, land, view.mm_to_units(w_mm / 2 + COAST_MARGIN_MM),
                                       view.mm_to_units(blunt_head_mm(w_mm, arrow)))
            lengthened.append(smooth is not drawn)
            whole_heads.append(for_head and (smooth is not drawn or smooth.length < view.mm_to_units(
                _with_gap(al_mm + BODY_AT_LEAST_WIDTHS * w_mm, arrow.end_gap_mm))))
            gap = end_gap(smooth.length, view.mm_to_units(arrow.end_gap_mm))
            course = line_head(smooth, smooth.length - gap)
            # the place an overland band leaves stays visible too (one lengthened backwards starts at no place)
            if mode in OVERLAND and smooth is drawn:
                course = line_tail(course, gap)
            courses.append(course)
    first = np.r_[0, np.cumsum([len(p) for p in parts_of])]  # each flow's parts in ``courses``
    if sea and land is not None:  # a sea band starts where its whole width is at sea, off its port
        coast = getattr(land, "geometry", land)
        shapely.prepare(coast)
        starts = offshore_starts([courses[first[i] + k] for i, k, _, _ in sea], land,
                                 [view.mm_to_units(sizes[i][0] / 2) for i, *_ in sea],
                                 view.mm_to_units(COAST_MARGIN_MM / 2))
        for (i, k, _, _), s0 in zip(sea, starts, strict=True):
            if s0 > 0 and not lengthened[first[i] + k]:  # a lengthened band starts behind its port
                line = courses[first[i] + k]
                w = view.mm_to_units(sizes[i][0])
                courses[first[i] + k] = straight_start(line_tail(line, s0), w, coast, w / 2 + view.mm_to_units(COAST_MARGIN_MM / 2))
    for i in range(len(parts_of)):  # a band wider than half its course is drawn straight: a bend folds it
        for k in range(first[i], first[i + 1]):
            if courses[k].length < STRAIGHT_BELOW_WIDTHS * view.mm_to_units(sizes[i][0]):
                courses[k] = LineString([courses[k].coords[0], courses[k].coords[-1]])
    tolerance = view.mm_to_units(SYMBOL_TOLERANCE_MM)
    lean = shapely.simplify(np.asarray(courses, dtype=object), tolerance, preserve_topology=False)
    bands = [flow_symbol(lean[k], view.mm_to_units(sizes[i][0]), view.mm_to_units(sizes[i][1]),
                         _head_length(lean[k].length, view.mm_to_units(sizes[i][0]), view.mm_to_units(sizes[i][2]),
                                      view.mm_to_units(blunt_head_mm(sizes[i][0], arrow)), whole_heads[k]))
             for i in range(len(parts_of)) for k in range(first[i], first[i + 1])]
    outlines = shapely.simplify(np.asarray(bands, dtype=object), tolerance / 2)
    records = [_record(row, w_mm, aw_mm, courses[first[i]:first[i + 1]], list(outlines[first[i]:first[i + 1]]))
               for i, (row, (w_mm, aw_mm, _)) in enumerate(zip(rows, sizes, strict=True))]
    for row, lines, d_mm in rounds:
        line = lines[0] if len(lines) == 1 else max(lines, key=lambda g: g.length)
        at = CIRCLE_AT * line.length
        centre = line.interpolate(at)
        circle = centre.buffer(view.mm_to_units(d_mm / 2), quad_segs=16)
        reach = view.mm_to_units(d_mm)  # labels sit beside the circle, not anywhere along the route
        records.append(_record(row, d_mm, d_mm, [substring(line, max(at - reach, 0), min(at + reach, line.length))],
                               [circle]))
    out = gpd.GeoDataFrame(records, columns=list(SYMBOL_COLUMNS), geometry="geometry", crs=flows.crs)
    return out.sort_values("value", ascending=False, kind="stable").reset_index(drop=True)


SYMBOL_COLUMNS = ("route_id", "group", "value", "symbol", "filled", "width_mm", "arrow_width_mm", "centreline",
                  "geometry")


def _record(row, w_mm: float, aw_mm: float, lines: list, polys: list) -> dict:
    """One symbol: ``centreline`` is what labels sit beside (the band's course, or the route under a circle)."""
    return {
        "route_id": row.route_id, "group": row.group, "value": row.value,
        "symbol": getattr(row, "symbol", "flow") or "flow", "filled": bool(getattr(row, "filled", True)),
        "width_mm": round(w_mm, 3), "arrow_width_mm": round(aw_mm, 3),
        "centreline": lines[0] if len(lines) == 1 else MultiLineString(lines),
        "geometry": polys[0] if len(polys) == 1 else shapely.union_all(polys),
    }
