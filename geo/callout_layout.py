"""Where a callout's box goes: clear of everything drawn, tied to its anchor by a leader (no Qt).

A callout is laid out after every other label (it is the most movable thing on the map). Its text is
wrapped to CALLOUT_MAX_WIDTH_MM; candidate boxes lie round the anchor in LEADER_DIRECTIONS at each
of LEADER_MM (the nearest point of the box that far from the anchor), and the cheapest candidate that
meets no flow, furniture, label, leader, circle, dot or other callout is taken (geo.labels, the
placement every label shares). Where none is clear, the text wrapped narrower (CALLOUT_WRAPS_MM) is
tried: a taller, narrower box fits between a crowded coast's figures; then the names (of places and
countries) make way: a box or leader may take their room, and they are not drawn. Where still none is
clear, the callout is *keyed*: a small box with a letter (a geo.callouts.CALLOUT_KEY mark) is set by its anchor as
the box would be, and its text goes to the page's footer, as a figure without room is numbered and keyed
(a box 40 mm from what it is about, or over another country's circle, read as that country's news).
Only where not even the letter finds room is the least covered box taken and what it overlaps named: a
callout is never dropped. A callout the user moved (``offset_mm``) keeps its place and is still told
what it now overlaps.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np
import shapely

from geo.labels import LabelRequest, place_labels

CALLOUT_PT = 7.0
"""The callout's text size on paper (legible at print: at least 6.5 pt)."""
CALLOUT_MAX_WIDTH_MM = 38.0
"""The widest line of a callout's text on paper; longer texts wrap."""
CALLOUT_WRAPS_MM = (CALLOUT_MAX_WIDTH_MM, 30.0, 23.0)
"""The widths a callout's text is wrapped to, in turn, until its box finds a clear place. On the A4
overview the 38 mm box of the Algerian callout had none between the Balearics, Sardinia and the Algerian
coast's figures; a callout moved by hand keeps the first."""
PAD_MM = (1.2, 0.8)
"""Paper between the box's border and its text, each side (x, y)."""
BORDER_MM = 0.25
"""The box's thin dark border."""
LEADER_WIDTH_MM = 0.25
ANCHOR_DOT_MM = 0.55
"""The radius of the dot at the anchor."""
LEADER_MM = (3.0, 6.0, 10.0, 15.0, 22.0, 30.0)
"""How far from its anchor a box may lie (its nearest point), nearer preferred. Farther, a box reads as
news of wherever it lands: on the English A4 overview a 52 mm leader set the Algerian note off Morocco's
Atlantic coast and the Tunisian one over the Balkans. Past the last ring the callout is keyed instead."""
RING_COST = 1.0
"""The cost of each farther leader length: any direction near beats the best one farther out."""
FOREIGN_RINGS = 3.0
"""What a box half or more on another country's land costs, as farther rings (less, in proportion, below
half). Its text names its country, so it is not ruled out as a figure there would be; but given a free
place 10 mm from Tunis over Algeria's coast (the A3 overview, once the Algerian note had moved), the
Tunisian note took it and read at a glance as Algeria's, though the sea north of Tunis held it 24 mm off."""
LEADER_DIRECTIONS = 32
"""Directions round the anchor (every 11.25°), north-east preferred: boxes read up and away from a place. Sixteen
left the A4 overview's Algerian callout no way between the Balearics, the Algerian coast's figures and Sardinia."""
ANCHOR_CLEAR_MM = 0.6
"""The leader may cross what it starts on (its route's band, its place's dot) within this much more
than that thing's size of the anchor."""
OVERLAP_WEIGHT = 1000.0
"""With no clear position, how much a candidate's overlap costs (per share of its box)."""
LEADER_CROSSES = "its leader crosses "
"""How geo.callout_layout.overlaps names what a callout's leader crosses, before the thing's name."""
LEADER_CROSS_SHARE = 0.01
"""With no clear position, each flow, label or leader a candidate's leader crosses costs as much as a
hundredth of its box covered: the box covering least comes first (a box on a flow hides it; a hairline
across one does not), then the leader crossing least."""


@dataclass(frozen=True)
class CalloutRequest:
    """One callout to place: its key ("callout:<n>"), anchor and box size in page pixels, the user's
    offset of the box's centre from the anchor (page pixels, None: automatic), and how far from the
    anchor its leader may cross what the anchor lies on (``trim``)."""

    key: str
    anchor: tuple[float, float]
    size: tuple[float, float]
    offset: tuple[float, float] | None = None
    trim: float = 0.0
    narrower: tuple[tuple[float, float], ...] = ()
    """The box's sizes with the text wrapped to each narrower width of CALLOUT_WRAPS_MM, in turn."""
    key_size: tuple[float, float] | None = None
    """The size of its key's box (a letter) where the text finds no clear place; None: never keyed."""
    foreign: Callable[[list, tuple[float, float], np.ndarray], np.ndarray] | None = None
    """Per candidate (centres, box size, which of them): the share of its box on the land of a country the
    callout is not about (geo.foreign_land.CountryLand.foreign_share); None: no land is foreign to it."""


@dataclass(frozen=True)
class PlacedCallout:
    key: str
    rect: tuple[float, float, float, float]
    anchor: tuple[float, float]
    leader: tuple[tuple[float, float], tuple[float, float]] | None
    """(anchor, nearest point of the box) in page pixels; None where the box covers its anchor."""
    moved: bool
    overlaps: tuple[str, ...] = ()
    """What the box covers (named): empty when it is clear of everything drawn."""
    wrap: int = 0
    """Which of CALLOUT_WRAPS_MM the text is wrapped to (0: the widest)."""
    yielded: tuple[int, ...] = ()
    """The obstacles (their indexes in the list given to layout_callouts) that make way for it: names its
    box covers or its leader crosses, not to be drawn."""
    keyed: bool = False
    """``rect`` is its key's box (a letter), its text set in the page's footer: no clear place for the text."""


@dataclass(frozen=True)
class Obstacle:
    """Something drawn, in page pixels, named for messages ("the flow CMR-LY", "the legend").
    ``leader``: a callout's leader may not cross it either (flows, labels, furniture); circles and
    dots keep boxes off but a leader may pass over them."""

    name: str
    geometry: object
    leader: bool = True
    yields: float = 0.0
    """For a name (a place's or a country's, or a name's leader), what its making way costs (as many
    farther rings of RING_COST): where a callout finds no place clear of everything, it may take a name's
    room and the name is not drawn (a note on the map says more than the name of a place: on the French
    A3 overview, Cabrera's fenced off the Algerian callout's every leader). 0: it never makes way."""
    ref: object = None
    """What the caller knows the thing by (a name's box, a leader's key), told back when it makes way."""


DASHES = ("–", "—", "-")
"""A dash standing alone between two words ('1 Jan – 16 Oct'): it stays with the word before it."""


def wrap_lines(text: str, max_width: float, width) -> list[str]:
    """``text`` in lines no wider than ``max_width`` (``width(line)`` measures one line): greedy by
    words, a word wider than the line on its own; line breaks in the text are kept. Words are parted
    at spaces only, never at a no-break space: split at every Unicode space, '65\u202f474' came back
    as '65 474', which broke where it liked and, in an Arabic line, was drawn '474 65' (the ordinary
    space between two numbers takes the line's direction)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words: list[str] = []
        for word in (w for w in re.split(r"[ \t]+", paragraph) if w):
            if word in DASHES and words:  # a dash ends a line, never begins one (as Qt breaks: after it)
                words[-1] += " " + word
            else:
                words.append(word)
        line = ""
        for word in words:
            trial = f"{line} {word}" if line else word
            if line and width(trial) > max_width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def box_size(lines: list[str], width, line_height: float, mm: float) -> tuple[float, float]:
    """The box round ``lines`` in page pixels: the widest line and every line's height, with PAD_MM."""
    return (max(width(line) for line in lines) + 2 * PAD_MM[0] * mm, line_height * len(lines) + 2 * PAD_MM[1] * mm)


def candidates(anchor: tuple[float, float], size: tuple[float, float], mm: float) -> list[tuple[float, float, float]]:
    """(centre x, centre y, cost) of boxes of ``size`` round ``anchor``: at each leader length the
    box's nearest side or corner that far out, north-east first, then round both ways."""
    ax, ay = anchor
    w, h = size
    out = []
    for ring, reach_mm in enumerate(LEADER_MM):
        reach = reach_mm * mm
        for k in range(LEADER_DIRECTIONS):
            angle = math.radians(45.0 + 360.0 * k / LEADER_DIRECTIONS)
            ux, uy = math.cos(angle), -math.sin(angle)  # page y runs down
            # out along u until the box's support in that direction clears ``reach``
            extent = abs(ux) * w / 2 + abs(uy) * h / 2
            turn = min(k, LEADER_DIRECTIONS - k) / LEADER_DIRECTIONS  # 0 at north-east, 0.5 opposite
            out.append((ax + ux * (reach + extent), ay + uy * (reach + extent), RING_COST * ring + turn))
    return out


def layout_callouts(requests: list[CalloutRequest], obstacles: list[Obstacle], soft: list,
                    frame: tuple[float, float, float, float], mm: float) -> list[PlacedCallout]:
    """Place each callout in order, each placed box and leader an obstacle to the next ones. A name that
    makes way for one (``yields``) is no obstacle to the next ones."""
    obstacles = list(obstacles)
    placed: list[PlacedCallout] = []
    for req in requests:
        one = _place(req, obstacles, soft, frame, mm)
        for k in one.yielded:  # gone from the map: what is laid out after may take its room
            obstacles[k] = Obstacle(obstacles[k].name, shapely.Point(), yields=obstacles[k].yields, ref=obstacles[k].ref)
        placed.append(one)
        name = f"callout {req.key.rpartition(':')[2]}"
        obstacles.append(Obstacle(name, shapely.box(*one.rect)))
        if one.leader is not None:
            obstacles.append(Obstacle(f"the leader of {name}", shapely.LineString(one.leader), leader=True))
    return placed


def _place(req: CalloutRequest, obstacles: list[Obstacle], soft: list, frame, mm: float) -> PlacedCallout:
    ax, ay = req.anchor
    if req.offset is not None:
        w, h = req.size
        cx, cy = ax + req.offset[0], ay + req.offset[1]
        rect = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
        return PlacedCallout(req.key, rect, req.anchor, leader_of(rect, req.anchor), True,
                             overlaps(rect, obstacles, frame))
    sizes = (req.size, *req.narrower)
    # the widest box with a place clear of everything; else the cheapest clear of all but the names, each
    # name it covers or crosses costing its making way; else its key, found alike; else the least covered
    # position, named
    found, keyed = _clear_of_all(req, sizes, obstacles, soft, frame, mm), False
    if found is None and req.key_size is not None:
        found = _clear_of_all(req, (req.key_size,), obstacles, soft, frame, mm)
        keyed = found is not None
    kept = [o for o in obstacles if not o.yields]
    wrap, rect = found if found is not None else _least_covered(req, sizes, kept, soft, frame, mm)
    leader = leader_of(rect, req.anchor)
    gone = _made_way(rect, leader, req.trim, obstacles)  # drawn after the callouts, a name would cover it
    left = [o for k, o in enumerate(obstacles) if k not in gone]
    return PlacedCallout(req.key, rect, req.anchor, leader, False, overlaps(rect, left, frame, leader, req.trim), wrap,
                         gone, keyed)


def _clear_of_all(req: CalloutRequest, sizes, obstacles: list[Obstacle], soft: list, frame, mm: float):
    """(wrap, box) of the cheapest of ``sizes`` with a place clear of everything, each narrower wrap (a
    taller box) costing as a ring farther out: a narrow box by its anchor beats a wide one 25 mm off. Else
    the cheapest clear of all but the names, each it covers or crosses costing its making way; None where
    neither is."""
    found = _cheapest(req, sizes, obstacles, soft, frame, mm)
    names = [o for o in obstacles if o.yields]
    if found is None and names:
        found = _cheapest(req, sizes, [o for o in obstacles if not o.yields], soft, frame, mm, names)
    return found


def _cheapest(req: CalloutRequest, sizes, obstacles: list[Obstacle], soft: list, frame, mm: float, names=()):
    tried = [(got[1] + k * RING_COST, k, got[0]) for k, size in enumerate(sizes)
             if (got := _clear_place(req, size, obstacles, soft, frame, mm, names)) is not None]
    return min(tried)[1:] if tried else None


def _made_way(rect, leader, trim: float, obstacles: list[Obstacle]) -> tuple[int, ...]:
    """The names (``yields``) a callout's box covers or its leader crosses: they make way."""
    names = [k for k, o in enumerate(obstacles) if o.yields]
    if not names:
        return ()
    hit = _in_the_way(rect, leader, trim, np.asarray([obstacles[k].geometry for k in names], dtype=object))
    return tuple(k for k, h in zip(names, hit, strict=True) if h)


def _in_the_way(rect, leader, trim: float, geoms: np.ndarray) -> np.ndarray:
    """Which of ``geoms`` a box covers or its leader (less its first ``trim`` pixels) crosses."""
    hit = shapely.intersects(geoms, shapely.box(*rect))
    line = _trimmed(leader, trim)
    return hit | shapely.intersects(geoms, line) if line is not None else hit


def _clear_place(req: CalloutRequest, size: tuple[float, float], obstacles: list[Obstacle], soft: list, frame,
                 mm: float, names: list[Obstacle] = ()) -> tuple[tuple[float, float, float, float], float] | None:
    """The cheapest box of ``size`` round the anchor clear of ``obstacles`` and its cost, each of ``names``
    its box covers or its leader crosses costing its ``yields``; None where none is clear."""
    w, h = size
    cands = candidates(req.anchor, size, mm)
    start = shapely.Point(req.anchor).buffer(req.trim + 1.0)  # what the leader starts on, it may cross
    box_only = [o.geometry for o in obstacles if not o.leader or o.geometry.intersects(start)]
    if box_only:  # circles and dots: off the box, under the leader allowed
        c = np.asarray(cands, float)
        boxes = shapely.box(c[:, 0] - w / 2, c[:, 1] - h / 2, c[:, 0] + w / 2, c[:, 1] + h / 2)
        tree = shapely.STRtree(box_only)
        hit = np.zeros(len(cands), bool)
        hit[np.unique(tree.query(boxes, predicate="intersects")[0])] = True
        cands = [cand for cand, bad in zip(cands, hit, strict=True) if not bad]
    hard = [o.geometry for o in obstacles if o.leader and not o.geometry.intersects(start)]
    costs = [partial(_names_in_the_way, cands, size, req, names)] if names else []
    if req.foreign is not None:
        costs.append(lambda which: FOREIGN_RINGS * np.minimum(1.0, 2.0 * req.foreign(cands, size, which)))
    extra = (lambda which: sum(cost(which) for cost in costs)) if costs else None
    request = LabelRequest(req.key, size, cands, anchors=[req.anchor] * len(cands), extra_cost=extra)
    done, _ = place_labels([request], soft, frame, hard=hard, leader_min=0.0, leader_trim=req.trim)
    if not done:
        return None
    i = done[0].candidate
    return done[0].rect, cands[i][2] + (float(extra(np.array([i]))[0]) if extra else 0.0)


def _names_in_the_way(cands: list, size: tuple[float, float], req: CalloutRequest, names: list[Obstacle],
                      which: np.ndarray) -> np.ndarray:
    """Per candidate of ``which``: what the names its box covers or its leader crosses cost to make way."""
    w, h = size
    geoms = np.asarray([n.geometry for n in names], dtype=object)
    costs = np.asarray([n.yields for n in names], float)
    out = np.zeros(len(which))
    for j, i in enumerate(which):
        cx, cy, _ = cands[i]
        rect = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
        out[j] = costs[_in_the_way(rect, leader_of(rect, req.anchor), req.trim, geoms)].sum()
    return out


def _least_covered(req: CalloutRequest, sizes, obstacles: list[Obstacle], soft: list, frame, mm: float):
    """(wrap, box) round the anchor inside the frame at any of ``sizes`` that covers least of what is
    drawn, each thing its leader crosses costing as much as LEADER_CROSS_SHARE of the box covered; beside
    the anchor when no box fits the frame (a tiny view). A leader over a flow, a figure or a number was not
    weighed at all: the Tunisian callout's ran across the Central Mediterranean's arrowhead, unreported."""
    fx, fy, fw, fh = frame
    crossable = [o.geometry for o in obstacles if o.leader]
    everything = [*soft, *(o.geometry for o in obstacles)]
    tree = shapely.STRtree(everything) if everything else None
    leader_tree = shapely.STRtree(crossable) if crossable else None
    own = set(leader_tree.query(shapely.Point(req.anchor).buffer(req.trim + 1.0), predicate="intersects")) \
        if leader_tree is not None else set()  # what the leader starts on: crossing it is no fault
    best, best_cost = None, math.inf
    for wrap, (w, h) in enumerate(sizes):
        for cx, cy, cost in candidates(req.anchor, (w, h), mm):
            rect = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if rect[0] < fx or rect[1] < fy or rect[2] > fx + fw or rect[3] > fy + fh:
                continue
            box = shapely.box(*rect)
            cost += wrap * RING_COST  # a narrower wrap is a taller box: as a ring farther out
            if tree is not None:
                hit = tree.query(box, predicate="intersects")
                cost += OVERLAP_WEIGHT * sum(shapely.area(shapely.intersection(box, everything[i])) for i in hit) / (w * h)
            line = _trimmed(leader_of(rect, req.anchor), req.trim)
            if line is not None and leader_tree is not None:
                crossed = set(leader_tree.query(line, predicate="intersects")) - own
                cost += OVERLAP_WEIGHT * LEADER_CROSS_SHARE * len(crossed)
            if cost < best_cost:
                best, best_cost = (wrap, rect), cost
    if best is None:
        w, h = sizes[0]
        cx, cy, _ = candidates(req.anchor, sizes[0], mm)[0]
        best = (0, (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))
    return best


def _trimmed(leader, trim: float):
    """A leader less its first ``trim`` pixels (what it starts on), as a line; None when nothing is left."""
    if leader is None:
        return None
    (ax, ay), (bx, by) = leader
    length = math.hypot(bx - ax, by - ay)
    if length <= trim:
        return None
    t = trim / length
    return shapely.LineString([(ax + (bx - ax) * t, ay + (by - ay) * t), (bx, by)])


def leader_of(rect, anchor) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """From the anchor to the nearest point of the box; None where the box covers the anchor."""
    x0, y0, x1, y1 = rect
    ax, ay = anchor
    bx, by = min(max(ax, x0), x1), min(max(ay, y0), y1)
    if (bx, by) == (ax, ay):
        return None
    return (float(ax), float(ay)), (float(bx), float(by))


def overlaps(rect, obstacles: list[Obstacle], frame, leader=None, trim: float = 0.0) -> tuple[str, ...]:
    """The names of what ``rect`` covers, once each, in the obstacles' order, then of what its ``leader``
    crosses beyond ``trim`` of its anchor ('its leader crosses the flow CMR-LY'); "the map's edge" when
    it runs out of the frame."""
    box = shapely.box(*rect)
    names: list[str] = []
    if obstacles:
        geoms = np.asarray([o.geometry for o in obstacles], dtype=object)
        hits = shapely.intersects(geoms, box)
        for obstacle, hit in zip(obstacles, hits, strict=True):
            if hit and obstacle.name not in names:
                names.append(obstacle.name)
        line = _trimmed(leader, trim)
        if line is not None:  # what the leader starts on (its own route's band) it may cross
            start = shapely.Point(leader[0]).buffer(trim + 1.0)
            crossed = shapely.intersects(geoms, line) & ~shapely.intersects(geoms, start)
            for obstacle, hit in zip(obstacles, crossed, strict=True):
                name = f"{LEADER_CROSSES}{obstacle.name}"
                if hit and obstacle.leader and obstacle.name not in names and name not in names:
                    names.append(name)
    fx, fy, fw, fh = frame
    if rect[0] < fx or rect[1] < fy or rect[2] > fx + fw or rect[3] > fy + fh:
        names.append("the map's edge")
    return tuple(names)


def _longest_drawn(symbols, route_id: str):
    """The centre line and half width (mm) of ``route_id``'s longest drawn symbol, or None."""
    if symbols is None or not len(symbols):
        return None
    rows = symbols[symbols["route_id"].astype(str).str.casefold() == route_id.casefold()]
    if not len(rows):
        return None
    row = rows.iloc[int(np.argmax([g.length for g in rows["centreline"]]))]
    return row["centreline"], float(row["width_mm"]) / 2


def route_anchor(symbols, route_id: str, view) -> tuple[tuple[float, float], float] | None:
    """The middle of ``route_id``'s drawn flow (half way along its symbol's centre line, page pixels)
    and half its band's width, from the renderer's symbols (geo.document.flow_symbols); None where the
    map draws no symbol of it."""
    drawn = _longest_drawn(symbols, route_id)
    if drawn is None:
        return None
    line, half_mm = drawn
    mid = line.interpolate(0.5, normalized=True)
    (x, y), = view.to_px(np.array([[mid.x, mid.y]]))
    return (float(x), float(y)), half_mm * view.px_per_mm


def callout_home(land, anchor_px: tuple[float, float], route_ends_px: np.ndarray | None = None) -> set[int]:
    """The countries a callout is about (indexes into ``land``, a geo.foreign_land.CountryLand): a route's,
    those nearest its drawn flow's ends (``route_ends_px``, N x 2); a place's or a point's, the country
    holding it, or the nearest (a point just off Tunis is Tunisia's)."""
    if route_ends_px is not None and len(route_ends_px):
        return land.home(np.asarray(route_ends_px, float))
    return land.containing(anchor_px) or land.home(np.array([anchor_px], float))


def drawn_route_ends(symbols, route_id: str, view) -> np.ndarray | None:
    """Where ``route_id``'s drawn flow starts and arrives (2 x 2, page pixels), or None where none is drawn."""
    drawn = _longest_drawn(symbols, route_id)
    return None if drawn is None else view.to_px(shapely.get_coordinates(drawn[0])[[0, -1]])


def offset_mm(rect, anchor, mm: float) -> tuple[float, float]:
    """A box's centre from its anchor in page millimetres (what a drag stores)."""
    return (round(((rect[0] + rect[2]) / 2 - anchor[0]) / mm, 2), round(((rect[1] + rect[3]) / 2 - anchor[1]) / mm, 2))
