"""Where place dots and names go, in page pixels: the geography decides, the painter only draws.

- **Dots.** An enclave's or town's dot is small at print (Ceuta's 1.5 mm dot blocked the Strait), never
  under DOT_MIN_PX on a screen, and never overlaps another: the lesser of two places whose dots would
  touch is left out at that scale (Fnideq beside Ceuta, Beni Ansar and Nador beside Melilla).
- **Names beside what they name.** An island's name is set around its island's outline, not on its
  point (on a small island the name covered it); it may sit inside its own island only where it fits
  whole. An archipelago's name is set around its group. No name covers any island.
- **Nearer its own than any other.** A candidate box nearer to another dot or island (named or not:
  La Palma, Ibiza, Gozo) than to its own, within AMBIGUITY_MARGIN_MM, is never offered. Where no
  position beside it is free (Cabrera, whose side away from Mallorca the Algeria–Balearic arrow takes),
  a name is offered farther out, tied to its feature by a leader line that meets no other island or dot.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.strtree import STRtree

from geo.foreign_land import NEARER_ABROAD_SLACK_MM, covered_share
from geo.labels import Claims, LabelRequest

TOWN_KINDS = frozenset({"port", "city", "border_post"})
DOT_KINDS = TOWN_KINDS | {"enclave"}
ROUTE_END_REACH_KM, ROUTE_END_REACH_MM = 40.0, 2.5
"""A town is shown where a drawn route starts or ends within this distance of it (or this far on the
page, zoomed far out): sea legs start and end off the coast, up to 37 km from their town (Almería at
the end of the sea arrivals, Sfax at the start of the Tunisia route); at 20 km they lost their names
once the frame fitted the flows."""
DOT_RADIUS_MM = {"enclave": 0.4, "town": 0.3}
"""Dot radii at print: 0.8 and 0.6 mm across read as places without hiding a strait or a neighbour."""
DOT_MIN_PX = 2.0
"""On a screen a dot is never smaller than this radius, whatever its size in mm."""
DOT_GAP_MM = 0.5
"""Two dots closer than their radii and this gap read as one blot (or a bullseye), not two places."""
DOT_RANK = {"enclave": 3, "port": 2, "city": 2, "border_post": 1}
"""Which of two crowded dots stays: the enclave, then the town, then the border post."""
NAME_GAPS_MM = (0.8, 1.8, 3.2)
"""Gaps between a name and the edge of its dot or island, nearest preferred."""
GROUP_FAR_GAPS_MM = (5.0, 7.0)
"""Farther gaps an archipelago's name may take (its islands' names come first and may crowd it): it
names the group, not one island, and needs no leader."""
GAP_COST = 1.0
"""Extra cost of each farther gap: any side at a near gap beats the best side farther out."""
SIDE_COSTS = {"right": 0.0, "left": 0.2, "above": 0.3, "below": 0.4, "above right": 0.5, "above left": 0.6,
              "below right": 0.7, "below left": 0.8}
"""Cartographic order of positions around a point or island (right first, as in Imhof's rules)."""
GROUP_SIDE_COSTS = {"above": 0.0, "below": 0.1, "above right": 0.6, "above left": 0.6, "below right": 0.7,
                    "below left": 0.7, "right": 0.8, "left": 0.8}
"""An archipelago's name spans its group from above or below; beside the group it would sit next to one
island only and read as that island's name."""
SLIDE_COST = 0.15
"""Cost of sliding a name half way along its island's or group's side instead of centring it."""
SLIDES = (-0.5, -0.25, 0.25, 0.5)
"""How far a name slides along a side, as fractions of how far it can go (its end level with the far
corner of the island or group)."""
INSIDE_COST = -0.5
"""A name that fits whole inside its own island (Sicily, Sardinia) is set there first."""
GROUP_INSIDE_COST = 1.5
"""An archipelago's name between its islands costs more than any position around the group."""
SMALL_ISLAND_MM = 12.0
"""An island no wider or taller than this on the page is kept clear of names and figures and competes
with names; a larger one (Sicily on a regional map, any island zoomed in) is land like a coast."""
FEWER_FIRST = 1e-4
"""Priority given up per candidate position: within one rank (priorities 0.5 apart, a few hundred
positions at most) the most constrained name is placed first (Lanzarote before Fuerteventura)."""
LEADER_RINGS_MM = (4.0, 6.5)
"""Distances from its feature of a name tied back by a leader line, when no position beside it is free."""
LEADER_RING_STEPS = 16
LEADER_COST = 4.0
"""A name on a leader costs more than any position beside its feature."""
LEADER_OTHERS_CLEAR_MM = 1.6
"""A name on a leader keeps this far from every other small island and dot (twice the nearest of
NAME_GAPS_MM): nearer, it stands where that one's own name would, and reads as it. On the 2024 dead and
missing, 'Tenerife' stood 1.4 mm under Gran Canaria, tied to Tenerife by a leader, and Gran Canaria's
own name found no place. A town's name keeps this far from the other dots only: set upright, it reads
as no island's (Sfax's may stand by the Kerkennah Islands)."""
LEADER_RIVAL_MM = (1.0, 8.0)
"""The islands a name on a leader keeps LEADER_OTHERS_CLEAR_MM from, by their longest side on the page: a
smaller one is a speck, and along a larger one's coast (Sicily's) a name reads as a place on it, not as
its name. Kept 1.6 mm off Sicily and Malta's specks, Lampedusa's name found no place on the A4 overview."""
ATTACH_CLEAR_MM = 0.5
"""From a mark's rim, this much is its own (its casing, the room kept round it): what stands between a name and
its mark is looked for beyond it."""
LEADER_MIN_MM = 1.0
"""A name this close to its feature needs no leader line."""
LEADER_GAP_MM = 0.25
"""A name's leader stops this short of its island or dot."""
MIN_ISLAND_MM = 0.3
"""An island smaller than this on the page (a speck: the Salvages beside the Canaries) is ignored: no
reader takes a name for the speck's, and keeping names off it only pushes them away from what they name."""
LIFT_ISLAND_MM = 6.0
"""An island a flow covers is drawn again above the flow when no wider or taller than this (Malta,
Lampedusa): a larger one shows around the flow anyway, and lifting it would cut the flow's tip."""
NAME_ON_LAND_COST = 4.0
"""Cost of an island's or archipelago's name wholly over other land, in proportion to its share of it:
'Lampedusa', set half over the Tunisian coast by Mahdia where the side towards Malta was taken, read
as a Tunisian town's name. A farther gap at sea (GAP_COST) beats half a box over land."""
NAME_ON_LAND_LIMIT = 0.3
"""Nor is it set where more of its box than this lies over other land: in the small multiples' panels the
Canaries lie 4 mm off Africa, and 'Fuerteventura' and 'Gran Canaria' stood on the mainland at Tarfaya,
read as its towns. A name with no such place is left out; its archipelago's name stays."""
AMBIGUITY_MARGIN_MM = 0.5
"""How much nearer its own feature a name must be than any other: near-ties read as either."""
LARGE_ISLAND_MARGIN_MM = 1.5
"""A large island's name (wider or taller than SMALL_ISLAND_MM: a coast) keeps this much nearer its island than
any small island or dot: on the A3 portrait 'Sicily', by Sicily's south-east tip, stood 1.8 mm over Malta, 0.5 mm
farther than from Sicily, and read as Malta's name."""
HOME_SLACK_MM = 0.5
"""A town's country is the land nearest its dot, and any this little farther (a port's dot at sea between two
coasts a strait apart belongs to neither alone)."""
NAME_STACK_GAP_MM = 1.5
"""Two names one above the other closer than this read as one name of two lines: on the Q4 2024 map
'Cabrera' stood 0.3 mm over 'Balearic Islands', read as one name (geo.labels.Claims.stack_gap)."""


def name_claims(px_per_mm: float) -> Claims:
    """The claims every name of one map is held to, across the passes that place names."""
    return Claims(AMBIGUITY_MARGIN_MM * px_per_mm, stack_gap=NAME_STACK_GAP_MM * px_per_mm)


@dataclass(frozen=True)
class Dots:
    """The places drawn as dots: which are kept and their radii in pixels."""

    keep: np.ndarray
    radius: np.ndarray


def dot_radius(kind: str, px_per_mm: float) -> float:
    """A dot's radius in pixels: DOT_RADIUS_MM at print, never under DOT_MIN_PX on a screen."""
    return max(DOT_RADIUS_MM["enclave" if kind == "enclave" else "town"] * px_per_mm, DOT_MIN_PX)


def ground_units_per_km(doc) -> np.ndarray:
    """Per route end of the document (``doc.route_ends()``), its projection's units per kilometre of
    ground there (the square root of the areal scale: exact in a conformal projection, the mean of the
    two directions in others), kept per projection and selection."""
    ends = doc.route_ends()
    if not len(ends):
        return np.empty(0)
    key = ("ground-units-per-km", doc.crs, ends.tobytes())
    if key not in doc._cache:
        from pyproj import Proj

        from geo.projection import resolve_crs, transformer

        lon, lat = transformer(doc.crs, "EPSG:4326").transform(ends[:, 0], ends[:, 1])
        try:
            areal = np.asarray(Proj(resolve_crs(doc.crs)).get_factors(lon, lat).areal_scale, float)
        except Exception:  # a CRS pyproj cannot take factors of: metres as they are
            areal = np.ones(len(ends))
        doc._cache[key] = 1000.0 * np.sqrt(np.where(np.isfinite(areal) & (areal > 0), areal, 1.0))
    return doc._cache[key]


def places_shown(kinds: np.ndarray, xy: np.ndarray, frame: tuple[float, float, float, float], ends: np.ndarray,
                 view_units_per_px: float, px_per_mm: float, bands=None, units_per_km=1000.0) -> np.ndarray:
    """Which places a map shows (before dots too close are thinned, ``place_dots``): every place in
    the frame (pixels), but a town only where a drawn route, or one without a figure, starts or ends
    within ROUTE_END_REACH of it (``ends``, pixels), and not under a flow symbol (``bands``, pixels): its
    dot was a ring inside the arrowhead and its name pointed into the symbol (In Guezzam under the
    expulsions' head, Nador under Melilla's, Sfax under the 2023 Tunisia flow's tail). The painter and
    the exports ask this alike. ``units_per_km``: the projection's units per kilometre of ground at each
    end (``ground_units_per_km``; in Web Mercator a kilometre is 1,220 units at Sfax's latitude, and
    Sfax, 37 km from where its route starts, was left off)."""
    kinds, xy = np.asarray(kinds), np.asarray(xy, float).reshape(-1, 2)
    left, top, width, height = frame
    inside = (xy[:, 0] >= left) & (xy[:, 0] <= left + width) & (xy[:, 1] >= top) & (xy[:, 1] <= top + height)
    d, reach = _end_distances(xy, ends, view_units_per_px, px_per_mm, units_per_km)
    near_end = (d <= reach[None, :]).any(axis=1) if d.size else np.zeros(len(xy), bool)
    town = np.isin(kinds, list(TOWN_KINDS))
    shown = inside & (~town | near_end)
    bands = np.asarray([] if bands is None else bands, dtype=object)
    ask = np.flatnonzero(shown & town)
    if len(bands) and len(ask):
        under = STRtree(bands).query(shapely.points(xy[ask]), predicate="within")[0]
        shown[ask[np.unique(under)]] = False
    return shown


def _end_distances(xy, ends, view_units_per_px: float, px_per_mm: float, units_per_km) -> tuple[np.ndarray, np.ndarray]:
    """Each place's distance to each route end (pixels; places x ends) and each end's ROUTE_END_REACH."""
    ends = np.asarray(ends, float).reshape(-1, 2)  # per end: a kilometre is more units nearer a pole
    per_km = np.broadcast_to(np.asarray(units_per_km, float), (len(ends),))
    reach = np.maximum(ROUTE_END_REACH_MM * px_per_mm, ROUTE_END_REACH_KM * per_km / view_units_per_px)
    if not len(ends) or not len(xy):
        return np.empty((len(xy), 0)), reach
    return np.hypot(xy[:, None, 0] - ends[None, :, 0], xy[:, None, 1] - ends[None, :, 1]), reach


def route_end_places(kinds: np.ndarray, xy: np.ndarray, shown: np.ndarray, ends: np.ndarray, view_units_per_px: float,
                     px_per_mm: float, units_per_km=1000.0) -> np.ndarray:
    """Which shown places are a route's own end: per route end (``ends``, pixels), the shown town or
    enclave nearest it within ROUTE_END_REACH. Their dots stay before their neighbours' (``place_dots``):
    on the A4 overview In Guezzam, Algeria's border post, kept the dot at the expulsions' arrowhead
    (listed first of two border posts) and Assamaka, in Niger, where the update says people are expelled
    to, was left off: the arrow read as ending in Algeria."""
    kinds, xy, own = np.asarray(kinds), np.asarray(xy, float).reshape(-1, 2), np.zeros(len(kinds), bool)
    d, reach = _end_distances(xy, ends, view_units_per_px, px_per_mm, units_per_km)
    dotted = np.asarray(shown, bool) & np.isin(kinds, list(DOT_KINDS))
    if not d.size or not dotted.any():
        return own
    d = np.where(dotted[:, None], d, np.inf)
    nearest = np.argmin(d, axis=0)
    own[nearest[d[nearest, np.arange(d.shape[1])] <= reach]] = True
    return own


def place_dots(kinds: np.ndarray, xy: np.ndarray, shown: np.ndarray, px_per_mm: float, first=None) -> Dots:
    """The dots of the shown places: every enclave and town whose dot meets no dot of a place kept
    before it: an enclave (a figures' place: Melilla before Nador, where its land route starts), a
    route's own end (``first``, route_end_places), then a higher-ranked, then an earlier one; islands
    and archipelagos have no dot and are always kept."""
    radius = np.array([dot_radius(k, px_per_mm) if k in DOT_KINDS else 0.0 for k in kinds])
    keep = np.asarray(shown, bool).copy()
    first = np.zeros(len(keep), bool) if first is None else np.asarray(first, bool)
    dotted = [i for i in np.flatnonzero(keep) if kinds[i] in DOT_KINDS]
    gap = DOT_GAP_MM * px_per_mm
    kept: list[int] = []
    for i in sorted(dotted, key=lambda i: (kinds[i] != "enclave", not first[i], -DOT_RANK.get(kinds[i], 0), i)):
        d = np.hypot(*(xy[kept] - xy[i]).T) if kept else np.empty(0)
        if (d < radius[kept] + radius[i] + gap).any():
            keep[i] = False
        else:
            kept.append(i)
    return Dots(keep, radius)


def dot_waits_for_name(kind: str, name: str, labels: bool) -> bool:
    """Whether a place's dot is drawn only where its name is (``labels``: the places layer shows
    names): a town's. A dot with no name says nothing a reader can use, and three of them along the
    Algerian coast read as a route of their own (Algiers, Boumerdès and Dellys on the small multiples,
    where one name found room). An enclave keeps its dot: Ceuta and Melilla are figures' places."""
    return kind in TOWN_KINDS and bool(name) and bool(labels)


def named_dots(kinds, names, keep: np.ndarray, ids, named: set[str], labels: bool) -> np.ndarray:
    """``keep`` (``place_dots``) less the towns whose names were not placed (``named``: the ids of the
    places named on the page), by the painter's rule (``dot_waits_for_name``)."""
    out = np.asarray(keep, bool).copy()
    for i in np.flatnonzero(out):
        if dot_waits_for_name(str(kinds[i]), str(names[i] or ""), labels) and str(ids[i]) not in named:
            out[i] = False
    return out


@dataclass
class Place:
    """A name to place: its key, kind, point and text size in pixels, and what it names there."""

    key: str
    kind: str
    xy: tuple[float, float]
    size: tuple[float, float]
    radius: float = 0.0
    """Its dot's radius (0: no dot)."""
    outline: object = None
    """Its island or archipelago in pixels (None: it names its dot or point)."""
    islands: tuple[int, ...] = ()
    """Which islands on the page (indices into ``Geography.islands``) it names."""


class Geography:
    """What names must read against, in pixels: the islands on the page (the small ones are kept clear
    and compete with a name; a large one is land like any coast) and the dots drawn."""

    def __init__(self, islands, dots, px_per_mm: float, land=()) -> None:
        self.land = np.asarray(land, dtype=object)
        """The page's land (countries, pixels): an island's name over it reads as a mainland place's."""
        self.land_tree = STRtree(self.land) if len(self.land) else None
        self.islands = np.asarray(islands, dtype=object)
        self.dots = np.asarray(dots, float).reshape(-1, 2)
        self.px_per_mm = px_per_mm
        self.side = _longest_side(self.islands)
        self.small = np.flatnonzero(_small(self.side, px_per_mm))
        self.rivals = np.concatenate([self.islands[self.small], shapely.points(self.dots)])
        """Small islands, then dots: what a name must be clearly nearer its own feature than."""
        self.tree = STRtree(self.rivals) if len(self.rivals) else None
        self.small_tree = STRtree(self.islands[self.small]) if len(self.small) else None

    def land_share(self, rects: np.ndarray, own) -> np.ndarray:
        """Each box's share over land other than ``own`` (the island or group it names)."""
        share = covered_share(self.land_tree, self.land, rects)
        if own is not None and len(rects):
            share -= shapely.area(shapely.intersection(rects, own)) / np.maximum(shapely.area(rects), 1e-9)
        return np.clip(share, 0.0, 1.0)

    def nearer_abroad(self, rects: np.ndarray, xy: tuple[float, float]) -> np.ndarray:
        """Which boxes stand nearer another country's land than that of the town at ``xy`` (the land
        nearest its dot) by more than NEARER_ABROAD_SLACK_MM: a town's name there reads as a place of that
        country's coast. On the rescues maps 'Cartagena', its sides taken by the figure and the title, went
        out on its leader across the sea to Algeria's coast above 'Oran', and read as an Algerian port."""
        out = np.zeros(len(rects), bool)
        if self.land_tree is None or not len(rects):
            return out
        d = shapely.distance(self.land, shapely.Point(xy))
        home = np.flatnonzero(d <= d.min() + HOME_SLACK_MM * self.px_per_mm)
        reach = shapely.distance(rects, shapely.union_all(self.land[home])) - NEARER_ABROAD_SLACK_MM * self.px_per_mm
        ask = np.flatnonzero(reach > 0)  # on its own country's land, or this near it: its country's
        if len(ask):
            a, b = self.land_tree.query(rects[ask], predicate="dwithin", distance=reach[ask])
            out[ask[np.unique(a[~np.isin(b, home)])]] = True
        return out

    def is_small(self, islands) -> np.ndarray:
        """Whether these islands (indices) are no larger than SMALL_ISLAND_MM (specks included)."""
        return self.side[np.asarray(islands, int)] <= SMALL_ISLAND_MM * self.px_per_mm


def name_request(place: Place, geo: Geography, priority: float) -> LabelRequest:
    """The label request of one name: every position beside its dot, island or group that covers no
    island (except its own, whole) and is clearly nearer its own feature than any other dot or island;
    then, dearer, positions farther out tied to it by a leader line that crosses no other island or dot
    (Cabrera, where the Algeria–Balearic arrow takes the side away from Mallorca)."""
    mm = geo.px_per_mm
    w, h = place.size
    own = place.outline if place.outline is not None else shapely.Point(place.xy)
    if place.outline is None:
        cands = _around_box(*place.xy, *place.xy, place.radius, w, h, mm, slide=False)
    else:
        b = shapely.bounds(place.outline)
        group = place.kind == "region_label"
        cands = _around_box(*b, 0.0, w, h, mm, slide=True, sides=GROUP_SIDE_COSTS if group else SIDE_COSTS,
                            gaps=NAME_GAPS_MM + GROUP_FAR_GAPS_MM if group else NAME_GAPS_MM)
        if place.kind == "region_label":
            cands += _inside_box(*b, w, h)
        else:
            inside = shapely.Point(place.xy) if place.outline.contains(shapely.Point(place.xy)) else \
                place.outline.representative_point()
            cands.append((inside.x, inside.y, INSIDE_COST))
    c = np.asarray(cands, float)
    ok = _clear_of_islands(_boxes(c, w, h), place, geo) & _unambiguous(_boxes(c, w, h), own, place, geo)
    c = c[ok]
    anchors: list = [None] * len(c)
    if place.kind != "region_label":
        far, far_anchors = _tied_farther(place, own, geo)
        c = np.concatenate([c, far]) if len(far) else c
        anchors += far_anchors
    if place.outline is not None and len(c):  # an island's name off other land (Lampedusa's over Tunisia's coast)
        share = geo.land_share(_boxes(c, w, h), place.outline)
        keep = share <= NAME_ON_LAND_LIMIT
        c, anchors = c[keep], [a for a, k in zip(anchors, keep, strict=True) if k]
        c[:, 2] += NAME_ON_LAND_COST * share[keep]
    feature = None if place.kind == "region_label" else own
    # of names of one rank, the one with fewest positions goes first: the others have room to give way
    priority -= FEWER_FIRST * len(c)
    return LabelRequest(place.key, (w, h), [tuple(map(float, row)) for row in c], priority,
                        anchors=anchors if any(a is not None for a in anchors) else None, feature=feature,
                        attach=(*place.xy, place.radius + ATTACH_CLEAR_MM * mm) if place.outline is None else None)


def _boxes(c: np.ndarray, w: float, h: float) -> np.ndarray:
    c = c.reshape(-1, 3)
    return shapely.box(c[:, 0] - w / 2, c[:, 1] - h / 2, c[:, 0] + w / 2, c[:, 1] + h / 2)


def _tied_farther(place: Place, own, geo: Geography) -> tuple[np.ndarray, list]:
    """Positions on rings around the feature, each with its leader's anchor (the feature's edge nearest
    the box): clear of every island, and with a leader that meets no other island or dot."""
    mm = geo.px_per_mm
    w, h = place.size
    cx, cy = place.xy if place.outline is None else np.asarray(shapely.centroid(own).coords[0])
    out = []
    for k, dist in enumerate(LEADER_RINGS_MM):
        for ang in np.linspace(0, 2 * np.pi, LEADER_RING_STEPS, endpoint=False):
            ux, uy = np.cos(ang), np.sin(ang)
            reach = abs(ux) * w / 2 + abs(uy) * h / 2 + place.radius
            out.append((cx + ux * (dist * mm + reach), cy + uy * (dist * mm + reach), LEADER_COST + k * GAP_COST))
    c = np.asarray(out, float)
    rects = _boxes(c, w, h)
    ok = _clear_of_islands(rects, place, geo) & ~shapely.intersects(rects, own)
    if geo.tree is not None:  # and not where another island's or dot's own name would stand
        i, j = geo.tree.query(rects, predicate="dwithin", distance=LEADER_OTHERS_CLEAR_MM * mm)
        rival = ~_own_rivals(j, place, geo)
        n = len(geo.small)
        if place.outline is None:  # a town's upright name reads as no island's (they are in italics)
            rival &= j >= n
        else:  # nor is a speck (Linosa beside Lampedusa) or a coast as long as Sicily's taken for what it names
            side = geo.side[geo.small[j[j < n]]]
            rival[j < n] &= (side >= LEADER_RIVAL_MM[0] * mm) & (side <= LEADER_RIVAL_MM[1] * mm)
        ok[i[rival]] = False
    if place.outline is None:  # a town's name far out reads as a place of the coast it stands by
        ok &= ~geo.nearer_abroad(rects, place.xy)
    c, rects = c[ok], rects[ok]
    if not len(c):
        return c.reshape(0, 3), []
    edge = shapely.get_coordinates(shapely.shortest_line(own, rects))
    a, b = edge[0::2], edge[1::2]
    # from just off the dot's rim or the island's coast: the line must not hide the little it points at
    d = b - a
    a = a + d * ((place.radius + LEADER_GAP_MM * mm) / np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9))[:, None]
    lines = shapely.linestrings(np.stack([a, b], axis=1))
    meets = np.zeros(len(lines), bool)
    if geo.tree is not None:
        i, j = geo.tree.query(lines, predicate="intersects")
        meets[i[~_own_rivals(j, place, geo)]] = True
    return c[~meets], [(float(x), float(y)) for x, y in a[~meets]]


def _own_rivals(j: np.ndarray, place: Place, geo: Geography) -> np.ndarray:
    """Which of ``geo.rivals`` (by index ``j``) are the place's own: its islands, or its dot and the
    island it stands on (Palma's Mallorca)."""
    n = len(geo.small)
    own = np.zeros(len(j), bool)
    own[j < n] = np.isin(geo.small[j[j < n]], place.islands)
    if place.outline is None:
        own[j >= n] = np.hypot(*(geo.dots[j[j >= n] - n] - place.xy).T) <= 1e-6
        own[j < n] |= shapely.dwithin(geo.rivals[j[j < n]], shapely.Point(place.xy), place.radius)
    return own


def _around_box(x0: float, y0: float, x1: float, y1: float, r: float, w: float, h: float, mm: float,
                slide: bool, sides: dict = SIDE_COSTS, gaps: tuple = NAME_GAPS_MM) -> list[tuple[float, float, float]]:
    """Positions around a box (a point when x0 == x1 and y0 == y1, a dot of radius ``r``) at each of
    ``gaps``, costing ``sides``; with ``slide``, also slid along each side (SLIDES)."""
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    out = []
    for k, gap_mm in enumerate(gaps):
        g = r + gap_mm * mm
        dx, dy = w / 2 + g, h / 2 + g
        at = {"right": (x1 + dx, cy), "left": (x0 - dx, cy), "above": (cx, y0 - dy), "below": (cx, y1 + dy),
              "above right": (x1 + dx - g * 0.3, y0 - dy + g * 0.3), "above left": (x0 - dx + g * 0.3, y0 - dy + g * 0.3),
              "below right": (x1 + dx - g * 0.3, y1 + dy - g * 0.3), "below left": (x0 - dx + g * 0.3, y1 + dy - g * 0.3)}
        for side, (x, y) in at.items():
            out.append((x, y, sides[side] + k * GAP_COST))
        for s in SLIDES if slide else ():
            for side in ("above", "below"):
                x, y = at[side]
                out.append((x + s * (x1 - x0 + w) / 2, y, sides[side] + SLIDE_COST * 2 * abs(s) + k * GAP_COST))
            for side in ("right", "left"):
                x, y = at[side]
                out.append((x, y + s * (y1 - y0 + h) / 2, sides[side] + SLIDE_COST * 2 * abs(s) + k * GAP_COST))
    return out


def _inside_box(x0: float, y0: float, x1: float, y1: float, w: float, h: float) -> list[tuple[float, float, float]]:
    """Positions on a grid within a group's box (between its islands), dearer away from its middle."""
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half = max(x1 - x0, y1 - y0, 1.0) / 2
    xs = np.arange(x0 + w / 2, x1 - w / 2 + 1e-9, max(w / 4, 1.0)) if x1 - x0 > w else np.array([cx])
    ys = np.arange(y0 + h / 2, y1 - h / 2 + 1e-9, max(h / 2, 1.0)) if y1 - y0 > h else np.array([cy])
    return [(float(x), float(y), GROUP_INSIDE_COST + float(np.hypot(x - cx, y - cy)) / half) for x in xs for y in ys]


def _clear_of_islands(rects: np.ndarray, place: Place, geo: Geography) -> np.ndarray:
    """No candidate covers a small island, except a box whole inside its own island."""
    ok = np.ones(len(rects), bool)
    if place.outline is not None and place.kind != "region_label":
        on_own = shapely.intersects(rects, place.outline)
        ok &= ~on_own | shapely.contains(place.outline, rects)
    if geo.small_tree is None:
        return ok
    a, b = geo.small_tree.query(rects, predicate="intersects")
    own = np.isin(geo.small[b], place.islands) if place.kind != "region_label" else np.zeros(len(b), bool)
    ok[a[~own]] = False
    return ok


def _unambiguous(rects: np.ndarray, own, place: Place, geo: Geography) -> np.ndarray:
    """Candidates no nearer (within the margin) to any other dot or small island than to their own feature."""
    ok = np.ones(len(rects), bool)
    if geo.tree is None:
        return ok
    large = place.outline is not None and place.kind != "region_label" and len(place.islands) and \
        not geo.is_small(place.islands).any()
    reach = shapely.distance(rects, own) + (LARGE_ISLAND_MARGIN_MM if large else AMBIGUITY_MARGIN_MM) * geo.px_per_mm
    a, b = geo.tree.query(rects, predicate="dwithin", distance=reach)
    n = len(geo.small)
    is_island = b < n
    mine = np.zeros(len(b), bool)
    mine[is_island] = np.isin(geo.small[b[is_island]], place.islands)
    if place.outline is None:  # its own dot
        mine[~is_island] = np.hypot(*(geo.dots[b[~is_island] - n] - place.xy).T) < 1e-6
    else:  # the dot of a town on its own island (Palma on Mallorca) does not compete with the island's name
        mine[~is_island] = shapely.intersects(geo.rivals[b[~is_island]], place.outline)
    pairs = ~mine
    if pairs.any():
        d = shapely.distance(rects[a[pairs]], geo.rivals[b[pairs]])
        ok[a[pairs][d < reach[a[pairs]]]] = False
    return ok


def small_islands(shapes: np.ndarray, px_per_mm: float) -> np.ndarray:
    """The island outlines (pixels) no wider or taller than SMALL_ISLAND_MM (and no speck under
    MIN_ISLAND_MM): what figures keep clear of."""
    shapes = np.asarray(shapes, dtype=object)
    return shapes[_small(_longest_side(shapes), px_per_mm)]


def _longest_side(shapes: np.ndarray) -> np.ndarray:
    b = shapely.bounds(np.asarray(shapes, dtype=object)).reshape(-1, 4)
    return np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])


def _small(side: np.ndarray, px_per_mm: float) -> np.ndarray:
    return (side <= SMALL_ISLAND_MM * px_per_mm) & (side >= MIN_ISLAND_MM * px_per_mm)
