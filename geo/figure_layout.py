"""Where the map's figures go: one label request per printed figure and their placement, for the
painter (gui/value_labels.py, measuring with Qt) and the web map (measuring with the bundled fonts'
own advance widths), so both set each figure on the same side of the same flow.

Figures are placed most important first beside their own symbol (geo.value_layout's candidates),
a parent's total around where its branches arrive, never on a flow or a node (``hard``), and at a
cost near another route's end, where a figure would read as that route's (``soft`` and the towns).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import cache, partial

import numpy as np
import shapely

from geo.foreign_land import COUNTRY_TOTAL_LIMIT, CountryLand, country_land
from geo.labels import LabelRequest, PlacedLabel, leaders_over, place_labels, summed_cost
from geo.map_marks import FigureLabel, labelled_symbols, total_key
from geo.routes import total_anchor
from geo.value_layout import (
    LEADER_MIN_MM,
    LEADER_TRIM_MM,
    VALUE_MARGIN_MM,
    Symbols,
    flow_candidates,
    leader_ends,
    total_candidates,
)

NEAR_OTHER_ROUTES_WEIGHT = 400.0
"""A figure on a route's end town, its marker or a dashed route reads as that route's figure: such
places cost this much per share of the label they cover (flows themselves are never covered)."""
TOWN_MM = 2.0
"""Around a route's end, where its town's name goes: a figure there costs NEAR_OTHER_ROUTES_WEIGHT."""
FIGURE_PT = 8.5
"""Figures are set bold at this size on paper."""
PAD_MM = (1.6, 0.4)
"""A figure's box beyond its text (width, height): room for its halo."""

Measure = Callable[[str], tuple[float, float]]
"""Width and height in page pixels of a (multi-line) figure text in the figures' font."""


def figure_requests(doc, view, symbols, figures: dict[str, FigureLabel], measure: Measure, circles: tuple = (),
                    numbered: bool = False) -> tuple[list[LabelRequest], Symbols]:
    """A request per figure of ``figures`` (geo.map_marks.figure_labels) beside ``symbols``
    (``doc.flow_symbols(view)``), in page pixels; and the symbols on the page, as the layout sees them.
    A route's figure (or its number) nearer one of the thematic layers' ``circles`` (page pixels) than
    its own flow reads as the circle's, as one nearer another flow does: Tunisia's number (1) on A3 stood
    1 px above the Central Mediterranean's dead and missing, 7 px off its own arrow. A total's number
    (``numbered``: its disc, for want of room) keeps its leader: untied over Andalusia, Ceuta and Melilla's
    (1) read as a point in Spain."""
    mm = view.px_per_mm
    shapes = shapely.simplify(shapely.transform(symbols.geometry.to_numpy(), view.to_px), 0.75)
    drawn = Symbols(shapes, symbols["route_id"].to_numpy())
    near = Symbols([*shapes, *circles], [*symbols["route_id"], *(f"circle:{i}" for i in range(len(circles)))]) \
        if len(circles) else drawn
    shape_of = dict(zip(symbols.index, shapes, strict=True))
    margin = VALUE_MARGIN_MM * mm
    land = country_land(doc, view)
    ends = route_ends_px(doc, view)
    requests = []
    for row in labelled_symbols(doc, symbols).itertuples():
        w, h = _box(measure, figures[row.route_id].text, mm)
        line = row.centreline if row.centreline.geom_type == "LineString" else max(row.centreline.geoms, key=lambda g: g.length)
        xy = view.to_px(np.asarray(line.coords))
        cands, anchors = flow_candidates(xy, row.width_mm * mm / 2, (w, h), mm, shape_of[row.Index])
        # a route's figure on a third country's land reads as that country's (Tunisia's 19,238 over Algeria)
        home = land.home(ends.get(row.route_id, xy[[0, -1]]))
        costs = (partial(near.ambiguity_cost, cands, (w, h), {row.route_id}, margin),
                 partial(land.foreign_cost, cands, (w, h), home))
        requests.append(LabelRequest(row.route_id, (w, h), cands, priority=row.value, anchors=anchors,
                                     extra_cost=partial(summed_cost, costs)))
    return requests + _total_requests(doc, view, symbols, drawn, figures, measure, land, numbered), drawn


def route_ends_px(doc, view) -> dict[str, np.ndarray]:
    """Where each route of the map starts and ends (2 x 2, page pixels): the countries it joins are the
    nearest to these. Not its symbol's ends: a circle's stretch of route is a few millimetres either side of
    the circle, and on the 2024 dead and missing the Atlantic circle's, by Western Sahara's coast, made that
    territory the route's own, and '1,062' stood over it, under its name, as its figure. An OD flow's curve
    is its whole course (None: the symbol's own ends)."""
    if doc.is_od or not len(doc.route_ends()):
        return {}
    by_route: dict[str, list] = {}  # the document's cached ends, two a part: the first part's start, the last's end
    for route_id, xy in zip(doc.route_end_ids(), view.to_px(doc.route_ends()), strict=True):
        by_route.setdefault(str(route_id), []).append(xy)
    return {r: np.array([xy[0], xy[-1]]) for r, xy in by_route.items()}


def _box(measure: Measure, text: str, mm: float) -> tuple[float, float]:
    tw, th = measure(text)
    return tw + PAD_MM[0] * mm, th + PAD_MM[1] * mm


def _total_requests(doc, view, symbols, drawn: Symbols, figures: dict[str, FigureLabel], measure: Measure,
                    land: CountryLand, numbered: bool = False) -> list[LabelRequest]:
    """Requests for the totals of parents drawn through their branches, around the place their
    branches arrive at: the total of one drawn branch tied back to its tip by a leader line where it
    stands far, a total of several untied and near (UNTIED_TOTAL_REACH_MM)."""
    mm = view.px_per_mm
    join = doc.join()
    routes = doc.layer("routes")
    if not join.totals or routes is None:
        return []
    projected = doc.projected(routes)
    parents = dict(zip(projected["route_id"], projected["parent"].fillna(""), strict=True))
    tips = {r.route_id: _tip(r.centreline) for r in symbols.itertuples()}
    starts = {r.route_id: _tip(r.centreline, 0) for r in symbols.itertuples()}
    out = []
    for t in join.totals:
        key = total_key(t.route_id)
        w, h = _box(measure, figures[key].text, mm)
        if t.country is not None:  # a country's total of its own routes: over that country
            request = country_total_request(key, t, (w, h), land, drawn, mm)
            if request is not None:
                out.append(request)
            continue
        # beyond the destination, seen from where its routes come from: away from the flows
        arrival, start = view.to_px(np.array(total_anchor(projected, t.route_id)))
        branches = {r for r in tips if descends(r, t.route_id, parents)}
        branch_tips = view.to_px(np.array([tips[r] for r in branches])) if branches else np.empty((0, 2))
        cands, anchors = total_candidates(arrival, start, branch_tips, (w, h), mm)
        anchors = leader_ends(cands, anchors, [g for g, k in zip(drawn.shapes, drawn.keys, strict=True) if k in branches])
        if len(branches) > 1 and not numbered:  # near their ends, untied: tied to one's tip, it read as that one's
            cands, anchors = untied_near(cands, anchors, np.vstack([arrival, branch_tips]), (w, h), mm)
        # after every figure: a total has rings around each of its branches' tips to choose from,
        # a branch's figure only the sides of its own symbol (Melilla's '116' was pushed off its arrow)
        home = land.arrival(branch_tips, view.to_px(np.array([starts[r] for r in branches]))) if branches else \
            land.home(arrival[None])
        costs = (partial(drawn.ambiguity_cost, cands, (w, h), branches, VALUE_MARGIN_MM * mm),
                 partial(land.foreign_cost, cands, (w, h), home))
        if anchors is not None and None in anchors:  # untied, only nearer its own routes than any other
            nearer = partial(drawn.ambiguity_cost, cands, (w, h), branches, 0.0, ratio=1.0)
            costs += (partial(_untied_nearer, nearer, np.asarray([a is None for a in anchors])),)
        out.append(LabelRequest(key, (w, h), cands, priority=-1.0 / (1.0 + t.value), anchors=anchors,
                                extra_cost=partial(summed_cost, costs), home=land.union(home),
                                never_stacked=len(branches) > 1))
    return out


def _untied_nearer(nearer: Callable, untied: np.ndarray, which: np.ndarray) -> np.ndarray:
    """Infinite for each candidate of ``which`` without a leader that ``nearer`` finds nearer another route's
    symbol than its own ones, else 0: on the 2023 small multiple 'Ceuta and Melilla 1,234 (b)' stood nearer
    the Almería arrow than the enclaves'. (Nearer its own but within CLEAR_RATIO of another, it pays
    AMBIGUOUS_COST like any figure: named, a total reads as its place's.)"""
    return np.where((nearer(which) > 0) & untied[np.asarray(which, int)], np.inf, 0.0)


def untied_near(cands: list, anchors: list, ends: np.ndarray, size: tuple[float, float], mm: float
                ) -> tuple[list, list]:
    """A total's candidates whose box stands within UNTIED_TOTAL_REACH_MM of one of ``ends`` (where its
    branches arrive, and their tips) without their leader, then every candidate with its leader at
    TIED_TOTAL_COST more: tied where untied it would stand nearer another route, by a leader or stacked on
    another label (on the 2023 small multiple 'Ceuta and Melilla 1,234 (b)' keeps its leader to Ceuta), or
    far off, rather than numbered."""
    off = np.maximum(np.abs(np.asarray(cands)[:, None, :2] - ends[None]) - np.asarray(size) / 2, 0.0)
    near = np.flatnonzero(np.hypot(off[..., 0], off[..., 1]).min(axis=1) <= UNTIED_TOTAL_REACH_MM * mm)
    return ([cands[i] for i in near] + [(x, y, c + TIED_TOTAL_COST) for x, y, c in cands],
            [None] * len(near) + list(anchors))


UNTIED_TOTAL_REACH_MM, TIED_TOTAL_COST = 8.0, 4.0
"""A total of several drawn branches ('Italy 16,166', 'Ceuta and Melilla 2,647') names the place they
arrive at and has no leader: tied to one branch's arrowhead, Italy's stood on Libya's head and Ceuta and
Melilla's on Ceuta's dot, and read as theirs. Untied, its box stands within this far of where its branches
arrive or of one of their tips. Farther (on a crowded page: the A3 overview's Italy stood 19 mm above its
arrowheads) it is tied to a branch's tip by a leader, at TIED_TOTAL_COST more, rather than numbered, as a
headline figure should not be. (Measured from the box's middle, 16 mm set 'Ceuta and Melilla 1,234' over
Almería's arrow on the 2023 panel.)"""
COUNTRY_TOTAL_CLEAR_MM = 4.0
"""How far a country's total keeps off every flow (geo.relations.TOTAL_OVER): it is no one arrow's figure."""


def country_total_request(key: str, total, size: tuple[float, float], land: CountryLand, drawn: Symbols,
                           mm: float) -> LabelRequest | None:
    """A country's total of several routes (geo.relations.TOTAL_OVER): on rings round the middle of the
    country's largest part on the page, with no leader (it names the country it stands over, and tied
    to one branch's arrow it read as that branch's), never more than COUNTRY_TOTAL_LIMIT over another
    country nor at sea nearer another's coast than its own (geo.foreign_land.CountryLand.nearer_abroad_cost),
    and COUNTRY_TOTAL_CLEAR_MM off every flow (beside the Almería arrow, 'Spain 21,237' read as
    its figure). None where the country is not on the page: the total is then numbered and keyed."""
    home = land.country(total.country)
    country = land.union(home)
    middle = land.label_point(country)
    if middle is None:
        return None
    below = middle + np.array([0.0, 1.0])  # rings prefer the side above the middle, as a name's
    cands, _ = total_candidates(middle, below, np.empty((0, 2)), size, mm)
    # over and off its largest part only: over Mallorca, Spain's total read as the Balearics' (about 6,000)
    parts = shapely.get_parts(country)
    main = parts[int(np.argmax(shapely.area(parts)))]
    cands += _over_land(main, middle, size, mm)
    off_coast = shapely.difference(shapely.buffer(main, COUNTRY_SEA_REACH_MM * mm, quad_segs=4), country)
    cands += [(x, y, c + COUNTRY_SEA_COST) for x, y, c in _over_land(off_coast, middle, size, mm)]
    costs = (partial(land.foreign_cost, cands, size, home, limit=COUNTRY_TOTAL_LIMIT),
             partial(land.nearer_abroad_cost, cands, size, home, mm),
             partial(drawn.too_near, cands, size, COUNTRY_TOTAL_CLEAR_MM * mm))
    return LabelRequest(key, size, cands, priority=-1.0 / (1.0 + total.value), anchors=None,
                        extra_cost=partial(summed_cost, costs), home=country, never_stacked=True)


COUNTRY_SEA_REACH_MM, COUNTRY_SEA_COST = 8.0, 3.0
"""The grid reaches this far off the country's coast, at this cost more than over its land: on the 2024 map
the title and the inset of the Strait covered mainland Spain but for the coast of Valencia, and the sea off
it had room for Spain's total (which had stood by Algeria's coast, and then by the Canaries)."""
COUNTRY_GRID_MM, COUNTRY_GRID_COST = 4.0, (3.0, 0.05)
"""Beyond its rings, a country's total may stand anywhere over the country's land on the page, on a grid
this fine, at a cost of (base, per mm from the middle): on the A4 overview the inset of the Strait and
the title covered Spain's middle, and Spain's total was numbered though Catalonia was free."""


def _over_land(country, middle: np.ndarray, size: tuple[float, float], mm: float) -> list[tuple[float, float, float]]:
    """Candidate centres (x, y, cost) on a grid over ``country`` (pixels): every box centred on its land."""
    if country is None or country.is_empty:
        return []
    x0, y0, x1, y1 = country.bounds
    step = COUNTRY_GRID_MM * mm
    xs, ys = np.meshgrid(np.arange(x0, x1 + step, step), np.arange(y0, y1 + step, step))
    xy = np.column_stack([xs.ravel(), ys.ravel()])
    xy = xy[shapely.contains_xy(country, xy[:, 0], xy[:, 1])]
    base, per_mm = COUNTRY_GRID_COST
    cost = base + per_mm * np.hypot(*(xy - middle).T) / mm
    return [(float(x), float(y), float(c)) for (x, y), c in zip(xy, cost, strict=True)]


CIRCLE_ROOM_MM = 3.0
"""A flow's or total's leader keeps this far off a thematic layer's circle: run past it (Italy's total
past the Central Mediterranean's dead and missing), it fenced the circle off from every place its own
figure could be tied to it from, and that figure was lost."""


def place_figures(doc, view, requests: list[LabelRequest], hard: list, soft: list, crossable: tuple = (),
                  leader_blockers: tuple = (), islands: tuple = (), stacking=None,
                  dots: tuple = ()) -> tuple[list[PlacedLabel], list[str]]:
    """Place the figures inside the view's frame: never on ``hard`` (flows, nodes, furniture, labels
    placed before) nor on small ``islands`` but their own country's (a total's), at a cost on ``soft``
    and round every route's end, nor (at a cost) over or under a name or figure of ``stacking`` (the
    names' ``geo.labels.Claims``); a leader may cross ``crossable``, and the places' ``dots`` only where
    its figure has no other place once all are placed (``figures_off_dots``): the '513' leader ran through
    Boumerdès' dot and pointed at it."""
    mm = view.px_per_mm
    if len(islands):
        inside = shapely.points(shapely.get_coordinates(shapely.point_on_surface(np.asarray(islands, dtype=object))))
        requests = [r if r.home is None else replace(r, passable=tuple(np.asarray(islands, dtype=object)[shapely.within(inside, r.home)]))
                    for r in requests]
    ends = doc.route_ends()
    ends = view.to_px(ends) if len(ends) else ends
    # a route's end and its town name (one GEOS call for the thousands of ends of a big map)
    towns = list(shapely.buffer(shapely.points(ends), TOWN_MM * mm, quad_segs=16)) if len(ends) else []
    if towns:  # a route's own ends read as its own: its figure (or number) may stand by them
        requests = _own_towns(doc, requests, towns)
    def place(todo: list, taken: list, blockers: tuple) -> tuple[list[PlacedLabel], list[str]]:
        return place_labels(todo, [*soft, *towns], view.frame_px, obstacle_weight=NEAR_OTHER_ROUTES_WEIGHT,
                            hard=[*hard, *islands, *taken], leader_min=LEADER_MIN_MM * mm, leader_trim=LEADER_TRIM_MM * mm,
                            crossable=crossable, leader_blockers=blockers, stacking=stacking)

    placed, dropped = place(requests, [], leader_blockers)
    again = lambda todo, taken: place(todo, taken, (*leader_blockers, *dots))  # noqa: E731
    return figures_off_dots(placed, requests, dots, LEADER_TRIM_MM * mm, again, stacking), dropped


def figures_off_dots(placed: list[PlacedLabel], requests: list[LabelRequest], dots: tuple, trim: float, place,
                     stacking) -> list[PlacedLabel]:
    """``placed``, each figure whose leader runs over a place's dot (``dots``) moved where its leader
    keeps off them, among all the others placed (``place(todo, taken)``), where it has such a place clear
    of what it was clear of (off Boumerdès' dot, the overview's '513' stood on Cabrera's islet); else kept,
    and the town is not named (gui.place_labels). After the others: a figure moved first took the room of
    two placed after it (the A4 overview's '1,257' off Annaba's dot left Tunisia's circles' numbered)."""
    if not dots or not placed:
        return placed
    tree = shapely.STRtree(np.asarray(dots, dtype=object))
    tied = [k for k, lab in enumerate(placed) if lab.leader is not None]
    if not tied:
        return placed
    segs = np.asarray([[*placed[k].leader[0], *placed[k].leader[1]] for k in tied], float)
    over = leaders_over(segs, tree, np.asarray(dots, dtype=object), trim)
    out = list(placed)
    by_key = {r.key: r for r in requests}
    for k in np.asarray(tied)[over]:
        lab = out[k]
        taken = [g for j, other in enumerate(out) if j != k for g in drawn_obstacles(other)]
        mine = [f for f in stacking.figures if f.bounds == lab.rect] if stacking is not None else []
        for f in mine[:1]:
            stacking.figures.remove(f)
        again, _ = place([by_key[lab.key]], taken)
        if again and (lab.overlaps_obstacle or not again[0].overlaps_obstacle):  # never onto a small island
            out[k] = again[0]
            continue
        if stacking is not None:  # kept where it was: its claim too
            stacking.figures = [f for f in stacking.figures if not again or f.bounds != again[0].rect] + mine[:1]
    return out


def drawn_obstacles(lab: PlacedLabel) -> list:
    """A placed label's box and leader, as obstacles for what is placed after it."""
    return [shapely.box(*lab.rect)] + ([shapely.LineString(lab.leader)] if lab.leader is not None else [])


def _own_towns(doc, requests: list[LabelRequest], towns: list) -> list[LabelRequest]:
    """``requests`` with the towns at their own route's ends (``towns``, one per ``doc.route_ends()``) as
    their own (geo.labels.LabelRequest.own): NEAR_OTHER_ROUTES_WEIGHT is for another route's end. On A3
    the number of Tunisia's figure had the room by Sfax, where its arrow starts, and took a place
    touching the Central Mediterranean's dead and missing instead."""
    by_route: dict[str, list] = {}
    for route_id, town in zip(doc.route_end_ids(), towns, strict=True):
        by_route.setdefault(route_id, []).append(town)
    return [replace(r, own=tuple(by_route[r.key])) if r.key in by_route else r for r in requests]


def _tip(line, end: int = -1) -> tuple[float, float]:
    """Where a symbol's centre line arrives (its longest part's end: the arrowhead's tip), or with
    ``end`` 0 where it starts."""
    part = line if line.geom_type == "LineString" else max(line.geoms, key=lambda g: g.length)
    return part.coords[end][:2]


def descends(route_id: str, ancestor: str, parents: dict) -> bool:
    """Whether ``route_id`` is a branch of ``ancestor`` at any depth."""
    seen = set()
    while route_id in parents and route_id not in seen:
        seen.add(route_id)
        route_id = parents[route_id]
        if route_id == ancestor:
            return True
    return False


# -- measuring without Qt ---------------------------------------------------------------------------
def font_measure(dpi: float, size_pt: float = FIGURE_PT, bold: bool = True) -> Measure:
    """Text extents from the bundled Noto faces' advance widths and line height (ascent + descent, as
    Qt's ``fontMetrics().height()``), Arabic letters from Noto Sans Arabic: what the figures' font
    measures on a page of ``dpi``, without kerning or shaping (a few per cent at most)."""
    px = size_pt * dpi / 72.0
    latin, arabic = _metrics("Noto Sans", bold), _metrics("Noto Sans Arabic", bold)

    def measure(text: str) -> tuple[float, float]:
        lines = text.split("\n")
        widths = []
        for line in lines:
            em = 0.0
            for ch in line:
                if unicodedata.category(ch) == "Cf":  # a bidi mark or isolate: no glyph, no width
                    continue
                advance = latin[0].get(ord(ch))
                em += advance if advance is not None else arabic[0].get(ord(ch), latin[2])
            widths.append(em * px)
        return max(widths), latin[1] * px * len(lines)

    return measure


@cache
def _metrics(family: str, bold: bool) -> tuple[dict[int, float], float, float]:
    """(advance per code point in em, line height in em, an average advance in em) of a bundled face."""
    from fontTools.ttLib import TTFont

    from geo.svg_fonts import bundled_faces, matching_face

    face = matching_face(bundled_faces(), family, 700 if bold else 400, False)
    with TTFont(face.path, lazy=True) as font:
        upm = font["head"].unitsPerEm
        hmtx = font["hmtx"].metrics
        advances = {code: hmtx[name][0] / upm for code, name in font.getBestCmap().items()}
        hhea = font["hhea"]
        height = (hhea.ascent - hhea.descent) / upm
    return advances, height, advances.get(ord("0"), 0.55)
