"""Where a place figure's label goes: beside its circle, or inside a circle large enough to hold it.

A proportional circle's figure is read as the circle's when it touches it: first inside a circle the
text fits in with room to spare (Libya's 787,326 in its 16 mm circle), else just outside it, east
and west before the diagonals and above or below; farther out only tied back by a leader line to
the circle's edge. The painter measures the text and places the labels with every other label
(geo.labels), so a place figure never sits on a flow, a figure or another circle's label.
"""

from __future__ import annotations

import math
from functools import partial

import numpy as np
import shapely

from geo.labels import LabelRequest, summed_cost
from geo.value_layout import Symbols

CIRCLE_LABEL_GAP_MM = 0.6
"""Paper between a circle's edge and its label's box."""
LEADER_RING_MM = 5.0
"""How much farther out each further ring of candidates lies, each tied back by a leader line."""
LEADER_RINGS = 4
"""Rings of candidates beyond the circle's edge: up to 20 mm out, where a crowded coast (Spain's dead
and missing east of Almería, between the Western Mediterranean's bands) leaves room only farther off."""
INSIDE_ROOM = 0.8
"""A label goes inside its circle when its box's diagonal is at most this share of the diameter."""
DIRECTIONS = ((1, 0, 0.0), (-1, 0, 0.1), (1, -1, 0.2), (1, 1, 0.25), (-1, -1, 0.3), (-1, 1, 0.35),
              (0, -1, 0.4), (0, 1, 0.45))
"""(dx, dy, penalty) of the candidates round a circle, page pixels with y down: east first (the
reading direction from the circle), then west, the diagonals, above and below."""
SLIDES = ((0.25, 0.05), (0.45, 0.12))
"""(share of the label's height, penalty) a label east or west of its circle, touching it, may slide up
or down: its side still faces the circle's middle, and a band's figure just below (the Atlantic's 46,524
under the Canaries' dead and missing) no longer takes the one centred place. A label tied by a leader
does not: slid, its leader met its box by a corner, beside the next label's (on the Arabic A3 overview,
the Western Mediterranean's dead and missing seemed tied to the Balearic route's rescues)."""
DISC_DIRECTIONS = 16
"""Directions round a circle tried for a figure's numbered disc (geo.figure_keys): every 22.5°. The disc
is small, so gaps between neighbours' labels that the label's eight directions miss can hold it."""
DISC_RING_STEP_MM = 2.5
"""How much farther out each ring of a disc's candidates lies, tied back by a leader: half the label's
step, out to the label's reach (LEADER_RING_MM × LEADER_RINGS). On the A4 overview in French, Tunisia's
two figures found room for their number 7.5 mm south-west of their circles, between the label's rings."""
FLUSH_PENALTY = 0.5
"""A label above or below its circle, flush with one of its sides, after the centred places."""
FIGURE_ROOM_MM = CIRCLE_LABEL_GAP_MM + 4.8
"""The paper round a place figure's circle that island and enclave names keep clear of where they can
(geo.place_figure_layout.figure_rooms): the gap and a numbered disc's diameter (geo.figure_keys at
KEY_PT). On the A4 overview, Lampedusa's name took the sea beside Tunisia's circles: their two figures
were numbered in English and found no room even for a number in French; clear of it they are labelled."""
AMBIGUOUS_MARGIN_MM = 0.5
"""A label beside its circle must lie at least this much nearer it than any other figure's circle
(else it reads as the other's figure)."""
BESIDE_OTHER_MM = 2.5
"""A label tied to its circle by a leader keeps this far from every other figure's circle: set beside
one, it reads as that circle's figure whatever its leader says."""
OTHER_CIRCLE_WEIGHT = 30.0
"""Cost per share of a label's box lying on another figure's circle: a label there reads as that
circle's (at one anchor, 79,019 refugees drawn inside Libya's 787,326 migrants)."""


def circle_candidates(cx: float, cy: float, radius: float, size: tuple[float, float], mm: float,
                      inside: bool = True) -> tuple[list[tuple[float, float, float]], list[tuple[float, float] | None]]:
    """Candidate centres (x, y, penalty) for a label of ``size`` round a circle, and per candidate the
    point of the circle's edge a leader ties it to (None: it touches the circle, or lies inside)."""
    w, h = size
    cands: list[tuple[float, float, float]] = []
    anchors: list[tuple[float, float] | None] = []
    if inside and math.hypot(w, h) <= INSIDE_ROOM * 2 * radius:
        cands.append((cx, cy, -0.1))
        anchors.append(None)
    for ring, extra in ((0, 0.0), *((n, n * LEADER_RING_MM * mm) for n in range(1, LEADER_RINGS + 1))):
        reach = radius + CIRCLE_LABEL_GAP_MM * mm + extra
        for dx, dy, penalty in DIRECTIONS:
            n = math.hypot(dx, dy)
            ux, uy = dx / n, dy / n
            # the box's corner or side nearest the circle lies ``reach`` from its centre
            x = cx + ux * reach + np.sign(dx) * w / 2
            y = cy + uy * reach + np.sign(dy) * h / 2
            cands.append((float(x), float(y), penalty + 2.0 * ring))
            anchors.append((cx + ux * radius, cy + uy * radius) if ring else None)
            if dy == 0 and not ring:  # east or west, touching: slid up or down, its side still facing the circle's middle
                for share, extra_penalty in SLIDES:
                    for sign in (-1, 1):
                        cands.append((float(x), float(y + sign * share * h), penalty + extra_penalty + 2.0 * ring))
                        anchors.append((cx + ux * radius, cy + uy * radius) if ring else None)
        for dy in (-1, 1):  # above or below, flush with the circle's east or west side: a wide label centred
            for side in (-1, 1):  # over a small circle near the frame's edge, between a band and the edge, has no room
                cands.append((cx + side * (w / 2 - radius), cy + dy * (reach + h / 2), FLUSH_PENALTY + 2.0 * ring))
                anchors.append((cx, cy + dy * radius) if ring else None)
    return cands, anchors


def disc_candidates(cx: float, cy: float, radius: float, size: tuple[float, float], mm: float
                    ) -> tuple[list[tuple[float, float, float]], list[tuple[float, float] | None]]:
    """Candidate centres (x, y, penalty) for a numbered disc of ``size`` round a circle, and their leaders'
    anchors on its edge (None: touching it): DISC_DIRECTIONS directions, east first, on rings
    DISC_RING_STEP_MM apart; nearer rings first, then directions nearer east."""
    half = max(size) / 2
    cands: list[tuple[float, float, float]] = []
    anchors: list[tuple[float, float] | None] = []
    rings = round(LEADER_RING_MM * LEADER_RINGS / DISC_RING_STEP_MM)
    for ring in range(rings + 1):
        reach = radius + CIRCLE_LABEL_GAP_MM * mm + ring * DISC_RING_STEP_MM * mm + half
        for k in range(DISC_DIRECTIONS):
            angle = 2 * math.pi * k / DISC_DIRECTIONS
            ux, uy = math.cos(angle), math.sin(angle)
            turn = min(k, DISC_DIRECTIONS - k) / DISC_DIRECTIONS  # 0 east … 0.5 west
            cands.append((cx + ux * reach, cy + uy * reach, 2.0 * ring + turn))
            anchors.append((cx + ux * radius, cy + uy * radius) if ring else None)
    return cands, anchors


def place_figure_requests(circles, view, measure, numbers: bool = False, land=None
                          ) -> tuple[list[LabelRequest], dict[str, list[str]]]:
    """One request per anchor of ``circles`` (geo.place_figures.place_circles), larger figures first,
    and the circles' keys each request sets, one line each. Circles at one anchor (Tunisia's
    15,514 refugees and its 5,400 returns) get one label of a line per figure, largest first: set
    apart, the second found no room round the first's label and was lost. With ``numbers`` the requests
    are for the figures' numbered discs (``measure`` gives the disc's box), on finer rings. With ``land``
    (geo.foreign_land.CountryLand), a circle on a country's land keeps its figure off other countries'
    where it can (at sea, a circle's figure may stand on any coast)."""
    from geo.figure_layout import PAD_MM

    mm = view.px_per_mm
    requests, members = [], {}
    if not len(circles):
        return requests, members
    xy = view.to_px(circles[["x", "y"]].to_numpy(float))
    discs = circle_shapes(circles, view)
    groups: dict[str, list[int]] = {}
    for i, group in enumerate(circles["group"]):  # circles at one anchor: one label (geo.place_figures)
        groups.setdefault(group, []).append(i)
    for rows in groups.values():
        px, py = (float(v) for v in xy[rows[0]])
        first = circles.iloc[rows[0]]
        tw, th = measure("\n".join(circles["text"].iloc[rows]))
        size = (tw + PAD_MM[0] * mm, th + PAD_MM[1] * mm)
        row = circles.iloc[rows]  # side by side: the label goes round the row as round one circle
        radius = float((row["offset_mm"].abs() + row["diameter_mm"] / 2).max()) * mm
        # circles side by side: a label inside would stand on one of them and read as its figure alone
        if numbers:
            cands, anchors = disc_candidates(px, py, radius, size, mm)
        else:
            cands, anchors = circle_candidates(px, py, radius, size, mm, inside=len(rows) == 1)
        others = [d for j, d in enumerate(discs) if j not in rows]
        members[first.key] = list(circles["key"].iloc[rows])
        tied = np.asarray([a is not None for a in anchors])
        own = shapely.union_all([discs[j] for j in rows]) if others else None
        costs = [partial(_on_other_circles, cands, size, own, others, mm, tied)] if others else []
        home = land.containing((px, py)) if land is not None else set()
        if home:
            costs.append(partial(land.foreign_cost, cands, size, home))
        requests.append(LabelRequest(first.key, size, cands, priority=float(first.value), anchors=anchors,
                                     extra_cost=partial(summed_cost, costs) if costs else None))
    return requests, members


def place_total_requests(totals, view, measure, land, flows) -> list[LabelRequest]:
    """One request per circle layer's country total (geo.place_totals), laid out as the arrivals'
    country total is: over its country with no leader, clear of every flow (``flows``,
    geo.value_layout.Symbols), at most a sliver of a neighbour's land (geo.figure_layout.
    country_total_request). ``measure`` gives the text's box; none where the country is off the page
    (the total is then numbered and keyed)."""
    from geo.figure_layout import PAD_MM, country_total_request

    mm = view.px_per_mm
    out = []
    for row in totals.itertuples():
        tw, th = measure(row.text)
        request = country_total_request(row.key, row, (tw + PAD_MM[0] * mm, th + PAD_MM[1] * mm), land, flows, mm)
        if request is not None:
            out.append(request)
    return out


def total_obstacles(symbols, view, written: list) -> Symbols:
    """What a layer's country total keeps off (``flows`` of place_total_requests): every drawn flow
    (``symbols``, doc.flow_symbols, or None) by COUNTRY_TOTAL_CLEAR_MM, and the totals written before it
    (``written``: (key, rect) in page pixels) by geo.place_totals.TOTALS_APART_MM."""
    from geo.figure_layout import COUNTRY_TOTAL_CLEAR_MM
    from geo.place_totals import TOTALS_APART_MM

    shapes, keys = (shapely.simplify(shapely.transform(symbols.geometry.to_numpy(), view.to_px), 0.75),
                    list(symbols["route_id"])) if symbols is not None and len(symbols) else ([], [])
    apart = (TOTALS_APART_MM - COUNTRY_TOTAL_CLEAR_MM) * view.px_per_mm
    return Symbols([*shapes, *(shapely.box(*rect).buffer(apart) for _key, rect in written)],
                   [*keys, *(key for key, _rect in written)])


def line_rects(rect: tuple[float, float, float, float], lines: int | list[int], pad_y: float
               ) -> list[tuple[float, float, float, float]]:
    """A stacked label's box cut into one box per figure (its padding shared above and below); ``lines``
    is the figures' count, or each figure's count of lines (a figure with its quarter's line below)."""
    counts = [1] * lines if isinstance(lines, int) else list(lines)
    x0, y0, x1, y1 = rect
    step = (y1 - y0 - pad_y) / max(sum(counts), 1)
    out, top = [], y0
    for n in counts:
        out.append((x0, top, x1, top + n * step + pad_y))
        top += n * step
    return out


def circle_centres_px(circles, view) -> np.ndarray:
    """Each circle's centre in page pixels: its anchor, moved east by its ``offset_mm`` (side by side)."""
    if not len(circles):
        return np.empty((0, 2))
    xy = view.to_px(circles[["x", "y"]].to_numpy(float))
    xy[:, 0] += circles["offset_mm"].to_numpy(float) * view.px_per_mm
    return xy


def circle_shapes(circles, view) -> list:
    """Each circle as a polygon in page pixels (an obstacle for labels)."""
    xy = circle_centres_px(circles, view)
    radii = circles["diameter_mm"].to_numpy(float) * view.px_per_mm / 2 if len(circles) else []
    return list(shapely.buffer(shapely.points(xy), radii, quad_segs=16)) if len(circles) else []


def figure_rooms(circle_shapes_px: list, mm: float) -> list:
    """The room each place figure's circle needs for its label or its number: the circle and a ring of
    FIGURE_ROOM_MM round it, as soft obstacles for the names laid out before the figures (islands and
    enclaves, which go first because a route's figure has more room to move than they do; a circle's
    figure has not)."""
    return list(shapely.buffer(np.asarray(circle_shapes_px, dtype=object), FIGURE_ROOM_MM * mm, quad_segs=8)) \
        if len(circle_shapes_px) else []


def _on_other_circles(cands: list, size: tuple[float, float], own, others: list, mm: float, tied: np.ndarray,
                      which: np.ndarray) -> np.ndarray:
    """The cost of candidates ``which``: the share of each box on other figures' circles; infinite (ruled
    out) where the box reads as another circle's: beside its circle, nearer another (by
    AMBIGUOUS_MARGIN_MM); tied back by a leader (``tied``), within BESIDE_OTHER_MM of another. Tied by a
    20 mm leader, Tunisia's '≥ 5,400 / 15,514' stood a millimetre from Algeria's circles off Algiers on
    the A4 overview and read as theirs; with no place of its own a figure is numbered (geo.figure_keys)."""
    w, h = size
    c = np.asarray(cands, float)[which]
    boxes = shapely.box(c[:, 0] - w / 2, c[:, 1] - h / 2, c[:, 0] + w / 2, c[:, 1] + h / 2)
    union = shapely.union_all(others)
    cost = OTHER_CIRCLE_WEIGHT * shapely.area(shapely.intersection(boxes, union)) / (w * h)
    other = shapely.distance(boxes, union)
    ambiguous = np.where(tied[which], other < BESIDE_OTHER_MM * mm,
                         other < shapely.distance(boxes, own) + AMBIGUOUS_MARGIN_MM * mm)
    return np.where(ambiguous, np.inf, cost)
