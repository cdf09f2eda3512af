"""The frame a map is drawn in, fitted to what it draws (issue 11, item 4).

A fixed regional box framed every page alike: an A3 portrait page showed Ireland to the Gulf of
Guinea with the flows in a strip, small-multiple panels spent 40 % of their area on Poland and
Ukraine, and an arrowhead ran under the title box. So by default the frame fits what the map
draws, whatever the page, and keeps it clear of the furniture boxes drawn over the map.

What must show is a set of points. Each has an anchor on the map (projected units), an offset on
paper and a pad (mm): a band's edge is a fixed number of millimetres from its centre line at any
scale, so as the scale changes the anchor moves and the offset does not. For a scale (map units
per pixel) the frame's centres that keep every point inside the frame, with a margin, form a
rectangle, and the centres that would put a point under a furniture box form rectangles too; the
fit is the smallest scale with a centre in the first and in none of the others, nearest the
middle. The page keeps its aspect: the extent returned has the frame's shape, so the short side
of the content is widened, never distorted.

The first guess comes from the flows' centre lines and the node points. The bands' drafts for
that frame (their courses smoothed and set in lanes where branches meet, each lane's shift an
offset on paper; no layout) are then measured and, where one leaves the frame or runs under a box,
the fit is redone from the drafts. The symbols built for that frame are then measured as drawn
and, where one comes too close to the edge or a box, the fit is redone from the symbols
themselves. The renderer finds those symbols in the document's cache: the check costs no extra
layout unless it fails.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from geo.errors import CrossingsError
from geo.flow_geometry import CIRCLE_AT, ZERO_RING_MM, ArrowStyle, draft_courses
from geo.projection import transformer
from geo.reach import (
    SAMPLE_MM,
    THIN_LINE_MM,
    Reach,
    island_reach,
    lane_reach,
    line_points,
    locator_reach,
    no_data_reach,
    node_reach,
    place_reach,
    point_reach,
)
from geo.styles import CASING_MM
from geo.view import MapView

FIT_MARGIN_MM = 7.0
"""Paper between the outermost symbol and the frame's edge: room for the label beside it."""
FURNITURE_GAP_MM = 2.5
"""Paper between any symbol and a furniture box (title, legend, scale bar, a panel's period)."""
CHECK_SHARE = 0.5
"""A symbol built for the fitted frame is refitted only if it comes closer than this share of the
margin to the edge (or the gap to a box): a guess a little off is not worth a second layout."""
MIN_FRAME_KM = 250.0
"""The frame's shorter side shows at least this much ground, so a single short flow (Ceuta's
land leg is 4 km) is never blown up to fill the page."""
CONTENT_MARGIN = 0.08
"""The canvas's full view: what the map draws, with this share of its size around it."""
MAX_REFITS = 2
MAX_DRAFT_REFITS = 4
"""Refits from the bands' draft courses (cheap: no layout) before the symbols are built and checked."""
UNCHECKED_GROWTH = 1.25
"""A refit that made the frame's scale this much smaller (units per pixel this many times the last)
is drawn without checking it again. Its symbols grow with the frame: a band's width, an arrowhead, a
lane of arrowheads side by side are millimetres of paper, so at a smaller scale they cover more
ground, and a frame refitted from them comes out short again, each time by less. Every bundled map
clears the first check (the review gallery: 24 maps); 500 routes in six groups, whose lanes hold
eighty arrowheads, refitted 813 to 1,146 to 1,307 map units a pixel, never clearing: a check there
was a whole layout (165 s at 5,000 routes) that could only lead to another refit."""
GROWTH = 1.015
"""A frame that cannot clear the furniture at the smallest scale is tried this much larger each step."""
MAX_GROWTH_STEPS = 160
GRID = 49
"""Candidate centres per side of the rectangle of centres that keep everything in the frame (odd:
its middle is one of them)."""



@dataclass(frozen=True)
class Panel:
    """One map frame of a page: ``frame_px`` (left, top, width, height) and the furniture boxes
    drawn over it (x0, y0, x1, y1 in page pixels); ``key`` is handed to the fit's ``select`` to
    make the document draw this panel's map (a period of small multiples, a map of a series)."""

    frame_px: tuple[float, float, float, float]
    reserved_px: tuple[tuple[float, float, float, float], ...] = ()
    key: object = None


# -- what a map draws -------------------------------------------------------------------------------

def drawn_reach(doc, view: MapView, draft: bool = False) -> Reach:
    """What the document's selection draws, from the flows' centre lines and the OD nodes: the
    first guess (symbols themselves are built for a frame, and the frame is what is sought). With
    ``draft``, the bands are their draft courses at ``view``'s scale (smoothed and set in lanes,
    ``geo.flow_geometry.draft_courses``), each lane's shift an offset on paper."""
    scale = doc.width_scale()
    if scale is None:
        return Reach.points(np.empty((0, 2)), 0.0)
    step, arrow, out = view.mm_to_units(SAMPLE_MM), ArrowStyle(), []
    drafts = None
    if doc.is_od:
        flows, radii, _ = doc.od_curves(view)
        out.append(node_reach(doc, view, radii))
    else:
        flows = doc.projected_flows()
        if draft:
            drafts = draft_courses(flows, view, scale, step, arrow, doc.flow_style.smoothing)
        out.append(no_data_reach(doc, step))
        out.append(island_reach(doc))
    out += [place_reach(doc), point_reach(doc), locator_reach(doc, view)]
    for n, row in enumerate(flows.itertuples()):
        kind = getattr(row, "symbol", "flow") or "flow"
        parts = list(getattr(row.geometry, "geoms", [row.geometry]))
        if kind in ("circle", "zero"):
            d = ZERO_RING_MM if kind == "zero" else scale.width_mm(row.value)
            line = max(parts, key=lambda g: g.length)
            out.append(Reach.points(line_points(line, step), THIN_LINE_MM))
            out.append(Reach.points(shapely.get_coordinates(line.interpolate(CIRCLE_AT * line.length)), d / 2 + CASING_MM))
            continue
        w = scale.width_mm(row.value)
        aw, al = arrow.head_width_mm(w), view.mm_to_units(arrow.head_length_mm(w))
        if drafts is not None:
            out += [lane_reach(course, laned, al, view, w / 2 + CASING_MM, aw / 2 + CASING_MM)
                    for course, laned in drafts[n]]
            continue
        for part in parts:
            out.append(Reach.points(line_points(part, step), w / 2 + CASING_MM))
            base = part.interpolate(max(part.length - al, 0.0))  # where the arrowhead is widest
            out.append(Reach.points(shapely.get_coordinates(base), aw / 2 + CASING_MM))
    return Reach.joined(out)


def symbol_reach(doc, view: MapView) -> Reach:
    """What the selection draws in ``view``, measured on the symbols as built: each outline point
    anchored at its nearest point of the symbol's centre line, with its offset on paper."""
    symbols = doc.flow_symbols(view)
    step, u, k = view.mm_to_units(SAMPLE_MM), view.units_per_px, view.px_per_mm
    geoms = symbols.geometry.to_numpy()
    centres = np.asarray(symbols["centreline"].to_numpy(), dtype=object)
    drawn = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    geoms, centres = geoms[drawn], centres[drawn]
    # every outline at once (one loop over 5,000 symbols spent 3.4 s in shapely's per-call overhead)
    outlines = shapely.segmentize(shapely.simplify(shapely.boundary(geoms), step / 8), step)
    pts, index = shapely.get_coordinates(outlines, return_index=True)
    # anchored on the centre lines simplified as the outlines are: locating a point walks every
    # vertex of its line (117 a line at 5,000 routes, 1.6 s in all); an anchor an eighth of a sample
    # off its line changes nothing at this scale (the outline point is exact) and next to nothing at
    # the next (the anchor moves with the map, the offset stays on paper)
    centre_of = shapely.simplify(centres, step / 8)[index]
    free = shapely.is_missing(centre_of) | shapely.is_empty(centre_of)
    out = [Reach.points(pts[free], CASING_MM)]
    pts, centre_of = pts[~free], centre_of[~free]
    anchors = shapely.get_coordinates(
        shapely.line_interpolate_point(centre_of, shapely.line_locate_point(centre_of, shapely.points(pts))))
    off = (pts - anchors) / u / k
    off[:, 1] *= -1.0  # paper's y runs down
    out.append(Reach(anchors, off, np.full(len(pts), CASING_MM)))
    if doc.is_od:
        out.append(node_reach(doc, view, doc.od_curves(view)[1]))
    else:
        out.append(no_data_reach(doc, step))
        out.append(island_reach(doc))
    out += [place_reach(doc), point_reach(doc), locator_reach(doc, view)]
    return Reach.joined(out)



def first_view(doc, frame_px: tuple[float, float, float, float], dpi: float) -> MapView | None:
    """A view of the flows' own bounds in ``frame_px``: where a first guess is measured (an OD
    layout depends on the scale it is laid out at); None when nothing is drawn."""
    if doc.flows is None or (doc.layer("routes") is None and not doc.is_od):
        return None
    flows = doc.join().flows
    if not len(flows):
        return None
    if doc.is_od:  # straight lines between the nodes: the curves are laid out for a scale
        x, y = transformer("EPSG:4326", doc.crs).transform(*shapely.get_coordinates(flows.geometry.to_numpy()).T)
        bounds = (np.min(x), np.min(y), np.max(x), np.max(y))
    else:
        bounds = doc.projected_flows().total_bounds
    x0, y0, x1, y1 = (float(v) for v in bounds)
    pad = max(x1 - x0, y1 - y0, 1.0) * 0.1
    return MapView(doc.crs, (x0 - pad, y0 - pad, x1 + pad, y1 + pad), frame_px, dpi)


def content_extent(doc) -> tuple[float, float, float, float] | None:
    """What the selection draws with a margin of CONTENT_MARGIN (the canvas's full view); None when
    it draws nothing."""
    try:
        view = first_view(doc, (0.0, 0.0, 1200.0, 800.0), 96.0)
        reach = drawn_reach(doc, view) if view is not None else None
    except CrossingsError:
        return None
    if reach is None or not len(reach):
        return None
    pad = reach.pad_mm * view.mm_to_units(1.0)
    x0, y0 = np.min(reach.xy - pad[:, None], axis=0)
    x1, y1 = np.max(reach.xy + pad[:, None], axis=0)
    m = max(x1 - x0, y1 - y0) * CONTENT_MARGIN
    return (float(x0 - m), float(y0 - m), float(x1 + m), float(y1 + m))


# -- the fit ---------------------------------------------------------------------------------------
def fit_extent(doc, panels: Sequence[Panel], dpi: float, select: Callable[[object], None] | None = None, *,
               margin_mm: float = FIT_MARGIN_MM, gap_mm: float = FURNITURE_GAP_MM
               ) -> tuple[float, float, float, float] | None:
    """One projected extent for every panel (all of one size): the smallest that shows each panel's
    map whole, ``margin_mm`` inside its frame and ``gap_mm`` clear of its furniture boxes; None when
    nothing is drawn. ``select(panel.key)`` makes the document draw a panel's map."""
    select = select or (lambda key: None)
    w, h = panels[0].frame_px[2], panels[0].frame_px[3]
    k = dpi / 25.4
    boxes = [tuple((x0 - p.frame_px[0], y0 - p.frame_px[1], x1 - p.frame_px[0], y1 - p.frame_px[1])
                   for x0, y0, x1, y1 in p.reserved_px) for p in panels]
    parts = []
    for panel, rects in zip(panels, boxes, strict=True):
        select(panel.key)
        view = first_view(doc, panel.frame_px, dpi)
        if view is not None:
            parts.append((drawn_reach(doc, view), rects))
    if not parts or not any(len(r) for r, _ in parts):
        return None
    u_min = MIN_FRAME_KM * units_per_km(doc.crs, Reach.joined([r for r, _ in parts]).xy) / min(w, h)
    solution = solve(parts, (w, h), k, margin_mm=margin_mm, gap_mm=gap_mm, min_units_per_px=u_min)

    def measured(solution, reach_of, margin: float, gap: float):
        """Each panel's reach in the frame of ``solution`` and whether all clear ``margin`` and ``gap``."""
        parts, clear = [], True
        for panel, rects in zip(panels, boxes, strict=True):
            select(panel.key)
            if first_view(doc, panel.frame_px, dpi) is None:
                continue
            reach = reach_of(MapView(doc.crs, _extent(solution, w, h), panel.frame_px, dpi))
            parts.append((reach, rects))
            clear = clear and clears(reach, solution, (w, h), k, rects, margin, gap)
        return parts, clear

    def refitted(solution, reach_of, rounds: int, margin: float, gap: float):
        """Measured and refitted until it clears, at most ``rounds`` times: the solution, and whether
        to draw it unchecked (a refit that shrank the scale by over UNCHECKED_GROWTH)."""
        for _ in range(rounds):
            parts, clear = measured(solution, reach_of, margin, gap)
            if clear:
                return solution, False
            last = solution[2]
            solution = solve(parts, (w, h), k, margin_mm=margin_mm, gap_mm=gap_mm, min_units_per_px=u_min)
            if solution[2] > UNCHECKED_GROWTH * last:
                return solution, True
        return solution, False

    # the drafts' lanes, refitted until they clear: the symbols are then built once, for a frame that
    # holds them (a frame fitted to the centre lines alone failed its check wherever many branches
    # meet, and each check was a whole layout). A draft is a few millimetres off the built symbols:
    # refitted only where it would leave the frame or run under a box, not for the margin.
    solution, unchecked = refitted(solution, lambda view: drawn_reach(doc, view, draft=True),
                                   MAX_DRAFT_REFITS if _branches_meet(doc) else 0, 0.0, 0.0)
    if not unchecked:
        solution, _ = refitted(solution, lambda view: symbol_reach(doc, view), MAX_REFITS,
                               margin_mm * CHECK_SHARE, gap_mm * CHECK_SHARE)
    return _extent(solution, w, h)


def _branches_meet(doc) -> bool:
    """Whether any two flows of the selection are branches of one route (group), and so may be set
    in lanes: the only thing a draft adds to the centre lines (OD flows are each their own)."""
    if doc.is_od:
        return False
    return bool(doc.projected_flows()["group"].duplicated().any())


def _extent(solution: tuple[float, float, float], w: float, h: float) -> tuple[float, float, float, float]:
    cx, cy, u = solution
    return (cx - u * w / 2, cy - u * h / 2, cx + u * w / 2, cy + u * h / 2)


def units_per_km(crs: str, xy: np.ndarray) -> float:
    """Projected units per kilometre of ground east–west at the middle of ``xy``."""
    from pyproj import Geod

    cx, cy = (np.min(xy, axis=0) + np.max(xy, axis=0)) / 2
    lon, lat = transformer(crs, "EPSG:4326").transform(cx, cy)
    lon2, lat2, _ = Geod(ellps="WGS84").fwd(lon, lat, 90.0, 10_000.0)
    x2, y2 = transformer("EPSG:4326", crs).transform(lon2, lat2)
    per_km = float(np.hypot(x2 - cx, y2 - cy)) / 10.0
    return per_km if np.isfinite(per_km) and per_km > 0 else 0.0


def _arrays(reach: Reach, k: float):
    x, y = reach.xy[:, 0], reach.xy[:, 1]
    return x, y, reach.off_mm[:, 0] * k, reach.off_mm[:, 1] * k, reach.pad_mm * k


def solve(parts: Sequence[tuple[Reach, Sequence[tuple[float, float, float, float]]]], size_px: tuple[float, float],
          px_per_mm: float, *, margin_mm: float, gap_mm: float, min_units_per_px: float = 0.0
          ) -> tuple[float, float, float]:
    """(centre x, centre y, units per pixel) of the smallest frame of ``size_px`` that holds every
    part's reach ``margin_mm`` inside its edges and ``gap_mm`` clear of the part's boxes (frame
    pixels, x0, y0, x1, y1); where no centre clears the boxes even 10x larger, the frame fit alone."""
    w, h = size_px
    reach = Reach.joined([r for r, _ in parts])
    x, y, ox, oy, pad = _arrays(reach, px_per_mm)
    m = margin_mm * px_per_mm + pad
    # a point no scale can hold (its pad, or its offset on paper, reaches past the frame's middle:
    # a lane of eighty arrowheads) is fitted by its anchor alone
    held = (np.abs(ox) + m < w / 2) & (np.abs(oy) + m < h / 2)
    if not held.all():
        m, ox, oy, pad = (np.where(held, a, 0.0) for a in (m, ox, oy, pad))
    lo_x, hi_x = w / 2 - m - ox, w / 2 - m + ox  # cx within [x - u lo_x, x + u hi_x]
    lo_y, hi_y = h / 2 + oy - m, h / 2 - oy - m  # cy within [y - u lo_y, y + u hi_y]

    def frame(u: float) -> tuple[float, float, float, float]:
        return (float(np.max(x - u * lo_x)), float(np.min(x + u * hi_x)),
                float(np.max(y - u * lo_y)), float(np.min(y + u * hi_y)))

    def fits(u: float) -> bool:
        f = frame(u)
        return f[0] <= f[1] and f[2] <= f[3]

    span = max(float(np.ptp(x)), float(np.ptp(y)), 1e-6)
    hi = span / min(w, h) * 4.0
    while not fits(hi) and hi < 1e300:  # never without end: every point is held, by its anchor at least
        hi *= 2.0
    lo = hi * 1e-6
    for _ in range(60):
        mid = (lo * hi) ** 0.5
        lo, hi = (lo, mid) if fits(mid) else (mid, hi)
    u0 = max(hi, min_units_per_px)
    groups = [(len(r), rects) for r, rects in parts]
    for step in range(MAX_GROWTH_STEPS):
        u = u0 * GROWTH ** step
        centre = _free_centre(frame(u), u, (x, y, ox, oy, pad), groups, (w, h), gap_mm * px_per_mm)
        if centre is not None:
            return (*centre, u)
    f = frame(u0)
    return ((f[0] + f[1]) / 2, (f[2] + f[3]) / 2, u0)


def _free_centre(f, u: float, arrays, groups, size, gap_px: float) -> tuple[float, float] | None:
    """The centre within ``f`` (the rectangle of centres that keep everything in the frame) nearest
    its middle that puts no point under a box, among GRID x GRID candidates; None if every one does."""
    x, y, ox, oy, pad = arrays
    w, h = size
    gx, gy = np.linspace(f[0], f[1], GRID), np.linspace(f[2], f[3], GRID)
    lows_x, highs_x, lows_y, highs_y = [], [], [], []
    start = 0
    for n, rects in groups:
        sl = slice(start, start + n)
        start += n
        for a0, b0, a1, b1 in rects:
            g = gap_px + pad[sl]
            lows_x.append(x[sl] - u * (a1 + g - w / 2 - ox[sl]))
            highs_x.append(x[sl] - u * (a0 - g - w / 2 - ox[sl]))
            lows_y.append(y[sl] + u * (b0 - g - h / 2 - oy[sl]))
            highs_y.append(y[sl] + u * (b1 + g - h / 2 - oy[sl]))
    blocked = np.zeros((GRID, GRID), dtype=bool)
    if lows_x:
        i0 = np.searchsorted(gx, np.concatenate(lows_x), side="right")
        i1 = np.searchsorted(gx, np.concatenate(highs_x), side="left")
        j0 = np.searchsorted(gy, np.concatenate(lows_y), side="right")
        j1 = np.searchsorted(gy, np.concatenate(highs_y), side="left")
        keep = (i0 < i1) & (j0 < j1)
        # each box's four corners on a summed-area grid, counted with bincount (np.add.at took 2.2 s of a
        # 5,000-route fit: 41 growth steps of 20,000 points)
        cells = (GRID + 1) ** 2
        diff = sum(sign * np.bincount(dj[keep] * (GRID + 1) + di[keep], minlength=cells)
                   for dj, di, sign in ((j0, i0, 1), (j0, i1, -1), (j1, i0, -1), (j1, i1, 1))).reshape(GRID + 1, GRID + 1)
        blocked = np.cumsum(np.cumsum(diff, axis=0), axis=1)[:GRID, :GRID] > 0
    free = np.argwhere(~blocked)
    if not len(free):
        return None
    cx, cy = gx[free[:, 1]], gy[free[:, 0]]
    best = int(np.argmin((cx - (f[0] + f[1]) / 2) ** 2 + (cy - (f[2] + f[3]) / 2) ** 2))
    return (float(cx[best]), float(cy[best]))


def clears(reach: Reach, solution: tuple[float, float, float], size_px: tuple[float, float], px_per_mm: float,
           rects: Sequence[tuple[float, float, float, float]], margin_mm: float, gap_mm: float) -> bool:
    """True when every point of ``reach`` framed by ``solution`` lies ``margin_mm`` inside the frame
    and ``gap_mm`` clear of every box (frame pixels)."""
    if not len(reach):
        return True
    cx, cy, u = solution
    w, h = size_px
    x, y, ox, oy, pad = _arrays(reach, px_per_mm)
    px, py = w / 2 + (x - cx) / u + ox, h / 2 - (y - cy) / u + oy
    m = margin_mm * px_per_mm + pad
    if np.any(px < m) or np.any(px > w - m) or np.any(py < m) or np.any(py > h - m):
        return False
    for a0, b0, a1, b1 in rects:
        g = gap_mm * px_per_mm + pad
        if np.any((px > a0 - g) & (px < a1 + g) & (py > b0 - g) & (py < b1 + g)):
            return False
    return True


def cached_fit(doc, panel: Panel, dpi: float) -> tuple[float, float, float, float] | None:
    """``fit_extent`` of the document's own selection in one panel, kept in the document's cache
    (every export of a page asks for it: the PNG, the GeoJSON, the web map)."""
    key = ("extent-fit", *doc.selection_key(), doc.width_scale(), repr(doc.flow_style), tuple(panel.frame_px),
           tuple(panel.reserved_px), dpi, tuple((lyr.id, lyr.style.visible) for lyr in doc.layers))
    if key not in doc._cache:
        doc._cache[key] = fit_extent(doc, [panel], dpi)
    return doc._cache[key]
