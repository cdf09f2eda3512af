"""Inset maps: small framed maps of areas the page's map cannot show legibly (issue 11, item 3).

At the scale a regional overview is printed (about 1:15 million on A4), the Strait of Gibraltar is a
few millimetres of paper: Ceuta and Fnideq, 5 km apart, fall on one dot, Melilla's dot hides
Nador's and Beni Ansar's, and the 4 km land legs into the enclaves are shorter than an arrowhead.
An inset shows such an area again at a larger scale, framed, titled, in a free corner or edge of
the map, with a locator rectangle on the map where the area lies.

Everything here is the domain's: which areas there are, when the map needs an inset of one
(:func:`illegibility`), where the inset goes (:func:`plan_insets`) and what it shows (its own
view). The renderer paints each inset as the same document through the same renderer in that view,
so flows are built on the same width scale (millimetres per value) and the legend holds for both.

The choice is the document's ``insets``: ``auto`` (each area whose inset the map needs),
``none``, or the names of the areas to show whatever the test says (``gibraltar,canaries``).
Insets belong to a page (PNG, SVG, PDF): the canvas and the web map zoom, so they show none, and
small-multiple panels are too small to hold one.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import shapely
from shapely.strtree import STRtree

from geo.errors import CrossingsError
from geo.projection import transformer
from geo.view import MapView
from geo.view_extent import projected_box

AUTO, NONE = "auto", "none"


@dataclass(frozen=True)
class InsetArea:
    """An area an inset can show: ``key`` (what the user types), ``word`` (its title's key in
    geo.map_words) and its box (west, south, east, north in degrees)."""

    key: str
    word: str
    box_lonlat: tuple[float, float, float, float]


INSET_AREAS: dict[str, InsetArea] = {area.key: area for area in (
    # Cape Trafalgar to Almería, Tangier to Málaga: the Strait, Ceuta, Melilla, the Moroccan towns
    # their land routes start from (Fnideq, Nador, Beni Ansar) and the sea route from Nador's coast
    # to Almería whole (cut at Melilla, its arrow showed as a sliver at the inset's edge)
    InsetArea("gibraltar", "inset_gibraltar", (-6.25, 34.9, -1.95, 36.95)),
    # El Hierro and La Palma to Lanzarote's islets: every island the Atlantic route lands on
    InsetArea("canaries", "inset_canaries", (-18.35, 27.55, -13.25, 29.45)),
)}
"""The areas, in the order the planner places them (the first gets the nearest free room)."""

LEGIBLE_SEPARATION_MM = 3.0
"""Two places the map shows need this much paper between them to be read as two: a dot (0.8 mm
across for an enclave) and a 6.5 pt name (a 2.6 mm line) beside it. Closer, the painter drops the
lesser dot (Fnideq beside Ceuta, Nador and Beni Ansar beside Melilla: 5 km, 0.3 mm at 1:15 million)
or their names crowd; an area with such a pair needs an inset."""
LEGIBLE_TERRITORY_MM = 2.0
"""An enclave's land must be this wide on paper (the diameter of a disc of its area) for its border
with the country round it, the border its land routes cross, to be seen beside its 0.8 mm dot: Ceuta
(43 km² in the bundled boundaries) is 0.5 mm at 1:15 million, Melilla 0.3 mm."""
LAND_ROUTE_END_MM = 3.0
"""An enclave's land counts only where a land route the map draws ends within this much paper of its
dot: its border is what such a route crosses. With none (Q4 2024 draws the sea routes alone), its
dot and name read on the map and an inset would repeat them."""
INSET_LONG_MM = 80.0
"""The longer side of an inset's map on paper at most: the Strait at about 1:4.5 million (2.5 times the
default map's scale), where Ceuta and Melilla stand 47 mm apart and Nador clear of Melilla."""
INSET_MIN_LONG_MM = 40.0
"""An inset is made smaller, down to this, where the full size finds no free room; smaller, it would
hardly read better than the map."""
INSET_SIZE_STEPS = 5
"""Sizes tried from INSET_LONG_MM down to INSET_MIN_LONG_MM."""
INSET_MAX_SHARE = 0.34
"""An inset takes at most this share of the map frame's width or height: the map stays the page."""
INSET_TITLE_MM = 4.5
"""The strip above an inset's map that holds its title (a 7 pt line with room above and below)."""
INSET_EDGE_MM = 3.0
"""An inset sits this far inside the map frame's edge, as the title, legend and scale boxes do."""
INSET_GAP_MM = 2.5
"""Paper kept between an inset and any flow symbol, furniture box, place or other inset (the gap the
frame fit keeps between symbols and furniture, geo.extent_fit.FURNITURE_GAP_MM)."""
PLACE_CLEAR_MM = 3.0
"""Room kept around a place the map shows: its dot and the start of its name."""
SLIDE_MM = 1.0
"""Candidate positions along each edge of the frame are this far apart."""
AREA_MARGIN = 0.04
"""An inset's view shows its area with this share of the area's size around it."""

Rect = tuple[float, float, float, float]


# -- the user's choice ----------------------------------------------------------------------------
def parse_insets(value: object, option: str = "insets") -> str | tuple[str, ...]:
    """``auto``, ``none`` or a tuple of area keys from text (``gibraltar,canaries``) or a list;
    anything else is a CrossingsError naming the unknown name and the choices (``option`` says
    where it was written: ``--insets``, a project's key)."""
    if isinstance(value, str):
        text = value.strip().lower()
        if text in (AUTO, NONE):
            return text
        names = [n.strip() for n in text.split(",") if n.strip()]
    elif isinstance(value, (list, tuple)) and all(isinstance(n, str) for n in value):
        names = [n.strip().lower() for n in value]
    else:
        raise CrossingsError(f"{option}: must be {AUTO}, {NONE} or a list of inset names ({', '.join(INSET_AREAS)})")
    if not names:
        raise CrossingsError(f"{option}: name at least one inset, or use {AUTO} or {NONE}")
    for name in names:
        if name not in INSET_AREAS:
            raise CrossingsError(f"{option}: there is no inset {name!r}; use {AUTO}, {NONE} or a comma-separated "
                                 f"list of {', '.join(INSET_AREAS)}")
    return tuple(dict.fromkeys(names))


def stored_insets(choice: str | tuple[str, ...]) -> str | list[str]:
    """The choice as a project file holds it: ``"auto"``, ``"none"`` or a list of names."""
    return choice if isinstance(choice, str) else list(choice)


# -- the legibility test --------------------------------------------------------------------------
def area_polygon(area: InsetArea, crs: str) -> shapely.Polygon:
    """The area's box in ``crs``, its edges sampled (a parallel is a curve in most projections)."""
    w, s, e, n = area.box_lonlat
    t = np.linspace(0.0, 1.0, 32)
    lon = np.concatenate([w + (e - w) * t, np.full(32, e), e - (e - w) * t, np.full(32, w)])
    lat = np.concatenate([np.full(32, s), s + (n - s) * t, np.full(32, n), n - (n - s) * t])
    x, y = transformer("EPSG:4326", crs).transform(lon, lat)
    return shapely.Polygon(np.column_stack([x, y]))


def _in_box(lonlat: np.ndarray, box: Rect) -> np.ndarray:
    w, s, e, n = box
    return (lonlat[:, 0] >= w) & (lonlat[:, 0] <= e) & (lonlat[:, 1] >= s) & (lonlat[:, 1] <= n)


def _places(doc, view: MapView):
    """The places layer's kinds, lon/lat points, page pixels and which the map shows (the painter's
    own rule, geo.place_layout.places_shown); None without a visible places layer."""
    from geo.place_layout import places_shown

    layer = doc.layer("places")
    if layer is None or not layer.style.visible:
        return None
    data = layer.data
    kinds = data["kind"].astype(str).to_numpy() if "kind" in data.columns else np.full(len(data), "city")
    lonlat = shapely.get_coordinates(data.geometry.to_numpy())
    xy = view.to_px(shapely.get_coordinates(doc.projected(layer).geometry.to_numpy()))
    ends = doc.route_ends()
    ends_px = view.to_px(ends) if len(ends) else np.empty((0, 2))
    shown = places_shown(kinds, xy, view.frame_px, ends_px, view.units_per_px, view.px_per_mm)
    return kinds, lonlat, xy, shown


def _land_route_ends_px(doc, view: MapView) -> np.ndarray:
    """Where the overland flows the map draws end (page pixels): a land route into an enclave."""
    from geo.flow_geometry import OVERLAND

    if doc.flows is None or doc.is_od or doc.layer("routes") is None:
        return np.empty((0, 2))
    flows = doc.projected_flows()
    lines = flows.geometry[flows["mode"].isin(OVERLAND).to_numpy()].to_numpy() if "mode" in flows.columns else []
    lines = shapely.get_parts(np.asarray(lines, dtype=object))
    if not len(lines):
        return np.empty((0, 2))
    return view.to_px(shapely.get_coordinates(shapely.get_point(lines, -1)))


def _land_across_mm(doc, view: MapView, place: int) -> float | None:
    """How wide on paper the land the place at row ``place`` of the places layer stands on is (the
    diameter of a disc of its area: the part of its country's outline that holds it); None without
    boundaries or where it stands on none."""
    boundaries = doc.layer("boundaries")
    if boundaries is None:
        return None
    # found in lon/lat, and only the parts found projected: projecting every country of the basemap
    # at full detail for this took 10 MiB at the peak of a cold render, which draws a prepared one
    import geopandas as gpd

    from geo.projection import to_crs

    point = doc.layer("places").data.geometry.iloc[place]
    countries = boundaries.data.geometry
    parts = shapely.get_parts(countries.to_numpy()[shapely.intersects(countries.to_numpy(), point)])
    parts = parts[shapely.intersects(parts, point)]
    if not len(parts):
        return None
    projected = to_crs(gpd.GeoDataFrame(geometry=parts, crs=countries.crs), view.crs).geometry.to_numpy()
    across = 2.0 * np.sqrt(float(shapely.area(projected).min()) / np.pi)
    return across / view.units_per_px / view.px_per_mm


def illegibility(doc, view: MapView, area: InsetArea) -> str | None:
    """Why the map drawn in ``view`` cannot show ``area`` legibly, or None when it can, when it shows
    none of it, or when it is at the scale an inset would be or larger.

    Measured on what the map draws: two places it shows in the area (a region's name aside) closer
    than LEGIBLE_SEPARATION_MM on paper, or an enclave it shows, with a land route drawn into it,
    whose land is narrower than LEGIBLE_TERRITORY_MM. An area the frame leaves out gets no inset
    unless the user names it: a frame the user chose (the Strait, the Central Mediterranean) says what
    the page is about."""
    _, _, fw, fh = view.frame_px
    w_mm, _ = inset_map_size_mm(area, view.crs, (fw / view.px_per_mm, fh / view.px_per_mm))
    x0, _, x1, _ = area_extent(area, view.crs)
    if (x1 - x0) / (w_mm * view.px_per_mm) >= view.units_per_px:
        return None  # the map is at the inset's scale or larger: an inset would show nothing more
    found = _places(doc, view)
    if found is not None:
        kinds, lonlat, xy, shown = found
        pick = shown & _in_box(lonlat, area.box_lonlat) & (kinds != "region_label")
        pts = xy[pick]
        if len(pts) >= 2:
            d = np.hypot(*(pts[:, None, :] - pts[None, :, :]).transpose(2, 0, 1))
            d[np.diag_indices(len(pts))] = np.inf
            closest = float(d.min()) / view.px_per_mm
            if closest < LEGIBLE_SEPARATION_MM:
                return f"two of its places are {closest:.1f} mm apart on the map"
        ends = _land_route_ends_px(doc, view)
        for i in np.flatnonzero(pick & (kinds == "enclave")):
            if not len(ends) or np.hypot(*(ends - xy[i]).T).min() > LAND_ROUTE_END_MM * view.px_per_mm:
                continue  # no land route drawn into it: its border crosses nothing the map shows
            across = _land_across_mm(doc, view, i)
            if across is not None and across < LEGIBLE_TERRITORY_MM:
                return f"an enclave's land is {across:.1f} mm across on the map"
    return None


def chosen_areas(doc, view: MapView, choice: str | tuple[str, ...]) -> list[InsetArea]:
    """The areas to show in insets: those the choice names, or with ``auto`` those the map cannot show."""
    if choice == NONE:
        return []
    if choice == AUTO:
        return [a for a in INSET_AREAS.values() if illegibility(doc, view, a) is not None]
    return [area for key, area in INSET_AREAS.items() if key in choice]  # in the planner's order


# -- what an inset shows ---------------------------------------------------------------------------
def area_extent(area: InsetArea, crs: str) -> Rect:
    """The projected extent an inset of ``area`` shows: its box with AREA_MARGIN around it."""
    x0, y0, x1, y1 = projected_box(area.box_lonlat, crs)
    m = max(x1 - x0, y1 - y0) * AREA_MARGIN
    return (x0 - m, y0 - m, x1 + m, y1 + m)


def inset_map_size_mm(area: InsetArea, crs: str, frame_mm: tuple[float, float]) -> tuple[float, float]:
    """The largest map (width, height in mm) an inset of ``area`` gets: INSET_LONG_MM on its longer
    side, no more than INSET_MAX_SHARE of the frame, in the shape of its extent."""
    x0, y0, x1, y1 = area_extent(area, crs)
    aspect = (x1 - x0) / (y1 - y0)
    w_max = min(INSET_LONG_MM, INSET_MAX_SHARE * frame_mm[0])
    h_max = min(INSET_LONG_MM, INSET_MAX_SHARE * frame_mm[1]) - INSET_TITLE_MM
    w = min(w_max, h_max * aspect)
    return (w, w / aspect)


@dataclass(frozen=True)
class PlacedInset:
    """One inset on the page: its area, its box (x0, y0, x1, y1 page pixels: title strip and map),
    the view its map is drawn in (a frame below the title strip) and its locator on the map (the
    inset's extent in the map's pixels)."""

    area: InsetArea
    rect: Rect
    view: MapView
    locator: Rect
    figures: frozenset[str] = frozenset()
    """The figures it prints and its page's map leaves out (``figures_inside`` its view's extent)."""

    @property
    def title_rect(self) -> Rect:
        x0, y0, x1, _ = self.rect
        return (x0, y0, x1, self.view.frame_px[1])


@dataclass(frozen=True)
class InsetPlan:
    """The insets of one page, and those chosen that found no free room (key, why)."""

    placed: tuple[PlacedInset, ...] = ()
    left_out: tuple[tuple[str, str], ...] = ()

    @property
    def rects(self) -> tuple[Rect, ...]:
        return tuple(p.rect for p in self.placed)

    def locator_edges(self, width: float) -> tuple[Rect, ...]:
        """The locator rectangles' four sides as boxes ``width`` pixels wide: what the map's labels
        keep clear of (a name across a locator's line read as cut)."""
        out = []
        h = width / 2
        for p in self.placed:
            x0, y0, x1, y1 = p.locator
            if x1 > x0 and y1 > y0:
                out += [(x0 - h, y0 - h, x1 + h, y0 + h), (x0 - h, y1 - h, x1 + h, y1 + h),
                        (x0 - h, y0 - h, x0 + h, y1 + h), (x1 - h, y0 - h, x1 + h, y1 + h)]
        return tuple(out)


# -- which figures an inset prints -----------------------------------------------------------------
CIRCLE_LABEL_ROOM_MM = 25.0
"""An inset prints a circle's figure when the circle stands this far inside the inset's frame, with
room round it for its label; nearer the edge (Spain's dead and missing, east of Almería at the Strait
inset's edge, between a band and the frame) the label found no room and was lost: it stays on the map."""
def figures_inside(doc, extent: Rect, view: MapView | None = None) -> frozenset[str]:
    """The figures (layout keys: route ids, ``geo.map_marks.total_key`` for totals, circles' keys) an inset
    showing ``extent`` prints instead of its page's map: those of every flow whose drawn course lies
    inside it, every total whose drawn branches all do, every circle centred in it. A figure is printed once on a page:
    printed twice, on the map and in its inset, a reader adds it up twice. OD flows are laid out for
    each scale, not drawn along courses: their figures stay on the map."""
    from geo.figure_layout import descends
    from geo.map_marks import total_key

    if doc.flows is None or doc.is_od or doc.layer("routes") is None:
        return frozenset()
    box = shapely.box(*extent)
    flows = doc.projected_flows()
    inside = {rid for rid, g in zip(flows["route_id"], flows.geometry, strict=True)
              if g is not None and not g.is_empty and box.contains(g)}
    drawn, totals = set(flows["route_id"]), set()
    projected = doc.projected(doc.layer("routes"))
    parents = dict(zip(projected["route_id"], projected["parent"].fillna(""), strict=True)) if (
        "parent" in projected.columns) else {}
    for t in doc.join().totals:
        branches = {r for r in drawn if descends(r, t.route_id, parents)}
        if branches and branches <= inside:
            totals.add(total_key(t.route_id))
    from geo.place_figures import place_circles  # a circle's figure goes with its centre: there it is read

    circles = place_circles(doc)
    room = view.mm_to_units(CIRCLE_LABEL_ROOM_MM) if view is not None else 0.0
    x0, y0, x1, y1 = extent
    within = shapely.box(x0 + room, y0 + room, x1 - room, y1 - room) if min(x1 - x0, y1 - y0) > 2 * room else box
    inside |= {key for key, x, y in zip(circles["key"], circles["x"], circles["y"], strict=True)
               if within.contains(shapely.Point(float(x), float(y)))}
    return frozenset(inside | totals)


# -- where an inset goes ---------------------------------------------------------------------------
def map_obstacles(doc, view: MapView) -> list:
    """What an inset must not cover on the map, in page pixels: every flow symbol, dashed route and
    OD node drawn, and every place shown (its dot and the start of its name)."""
    mm = view.px_per_mm
    out = []
    if doc.flows is not None and (doc.layer("routes") is not None or doc.is_od):
        symbols = doc.flow_symbols(view)
        geoms = symbols.geometry.to_numpy()
        geoms = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
        out += list(shapely.transform(geoms, view.to_px))
        routes = doc.layer("routes")
        no_data = doc.join().no_data
        if routes is not None and not doc.is_od and len(no_data):
            projected = doc.projected(routes)
            lines = projected.geometry[projected["route_id"].isin(set(no_data))].to_numpy()
            out += list(shapely.buffer(shapely.transform(lines, view.to_px), 0.4 * mm))
        if doc.is_od:
            from geo.map_marks import node_marks

            nodes = node_marks(doc, view)
            xy = view.to_px(np.column_stack([nodes.geometry.x, nodes.geometry.y])) if len(nodes) else np.empty((0, 2))
            out += [shapely.Point(x, y).buffer(r * mm) for (x, y), r in zip(xy, nodes["radius_mm"], strict=True)]
    found = _places(doc, view)
    if found is not None:
        _, _, xy, shown = found
        out += list(shapely.buffer(shapely.points(xy[shown]), PLACE_CLEAR_MM * mm))
        out += _name_room(doc, view, xy, shown)
    return out


NAME_EM_PER_CHAR = 0.6
"""A place name's width, in ems a character (Noto Sans averages about 0.55): what the planner, which
sets no text, takes a name to need."""


def _name_room(doc, view: MapView, xy: np.ndarray, shown: np.ndarray) -> list:
    """Room for each shown place's name on either side of its dot, a line high: the names are placed
    after the insets, round them, and a name with no room left beside its dot was dropped (Nouakchott,
    under the 2023 map's inset). The name is measured in the map's language, as it will be set: the
    English one's room under-reserved for a longer French or Arabic name."""
    from geo.map_marks import NAME_PT
    from geo.map_texts import label_names

    data = doc.layer("places").data
    if "name" not in data.columns or not shown.any():
        return []
    mm, em = view.px_per_mm, NAME_PT * 25.4 / 72
    # the name as the map writes it: Algiers is "الجزائر العاصمة" on the Arabic map, twice as long
    lengths = label_names(data, doc.label_language).str.len().to_numpy()[shown]
    reach = (lengths * NAME_EM_PER_CHAR * em + PLACE_CLEAR_MM) * mm
    x, y = xy[shown, 0], xy[shown, 1]
    half = em * mm * 0.6
    return list(shapely.box(x - reach, y - half, x + reach, y + half))


def _candidates(frame: Rect, w: float, h: float, edge: float, step: float) -> np.ndarray:
    """Boxes (N x 4) of ``w`` x ``h`` against each edge of ``frame`` (x0, y0, x1, y1), ``edge`` inside
    it, every ``step`` along it (the corners among them)."""
    fx0, fy0, fx1, fy1 = frame
    left, right, top, bottom = fx0 + edge, fx1 - edge - w, fy0 + edge, fy1 - edge - h
    if right < left or bottom < top:
        return np.empty((0, 4))
    xs = np.append(np.arange(left, right, step), right)
    ys = np.append(np.arange(top, bottom, step), bottom)
    corners = [np.column_stack([xs, np.full(len(xs), y)]) for y in (top, bottom)]
    corners += [np.column_stack([np.full(len(ys), x), ys]) for x in (left, right)]
    xy = np.unique(np.vstack(corners), axis=0)
    return np.column_stack([xy, xy[:, 0] + w, xy[:, 1] + h])


def _free_box(frame: Rect, size: tuple[float, float], tree: STRtree | None, near, k: float) -> Rect | None:
    """The box of ``size`` against an edge of ``frame`` that meets nothing in ``tree`` (grown by the
    gap) nearest ``near`` (a geometry in page pixels); None when every one meets something."""
    boxes = _candidates(frame, *size, INSET_EDGE_MM * k, SLIDE_MM * k)
    if not len(boxes):
        return None
    polys = shapely.box(*boxes.T)
    if tree is not None:
        grown = shapely.buffer(polys, INSET_GAP_MM * k, join_style="mitre")
        hit = np.zeros(len(boxes), bool)
        hit[np.unique(tree.query(grown, predicate="intersects")[0])] = True
        boxes, polys = boxes[~hit], polys[~hit]
    if not len(boxes):
        return None
    best = int(np.argmin(shapely.distance(polys, near)))
    return tuple(float(v) for v in boxes[best])


def plan_insets(doc, view: MapView, choice: str | tuple[str, ...], furniture: Sequence[Rect] = ()) -> InsetPlan:
    """The insets of the map drawn in ``view``: each chosen area (``choice``, see ``chosen_areas``)
    in the box against an edge of the frame nearest its locator that covers no flow symbol, place,
    furniture box (``furniture``: title, legend, scale bar, x0, y0, x1, y1 page pixels), locator or
    other inset; smaller (down to INSET_MIN_LONG_MM) where the full size finds no room, and left out
    (named in ``left_out``) where none does. Every order of the areas is tried (there are two): the
    plan that leaves fewest out, then shrinks fewest, then puts them nearest their areas, is kept.
    Labels are placed after, clear of the insets."""
    areas = chosen_areas(doc, view, choice)
    if not areas:
        return InsetPlan()
    locators = {a.key: _locator(view, a) for a in areas}
    taken = [shapely.box(*r) for r in furniture] + map_obstacles(doc, view)
    taken += [shapely.box(*loc) for loc in locators.values() if loc is not None]
    best = None
    for order in itertools.permutations(areas):
        plan, score = _plan_in_order(order, view, taken, locators)
        if best is None or score < best[1]:
            best = (plan, score)
    placed = sorted(best[0].placed, key=lambda p: list(INSET_AREAS).index(p.area.key))
    placed = [replace(p, figures=figures_inside(doc, p.view.extent, p.view)) for p in placed]  # of the plan kept only
    return InsetPlan(tuple(placed), best[0].left_out)


def _plan_in_order(areas: Sequence[InsetArea], view: MapView, taken: list, locators: dict) -> tuple[InsetPlan, tuple]:
    """The insets placed one after the other in ``areas``' order, and the plan's score (lower is better:
    insets left out, steps shrunk, distance from each inset to its locator)."""
    k = view.px_per_mm
    fx, fy, fw, fh = view.frame_px
    frame = (fx, fy, fx + fw, fy + fh)
    taken = list(taken)
    placed, left_out, shrunk, distance = [], [], 0, 0.0
    for area in areas:
        tree = STRtree(taken) if taken else None
        loc = locators[area.key]
        near = shapely.box(*loc) if loc is not None else shapely.Point(fx + fw / 2, fy + fh / 2)
        w_mm, h_mm = inset_map_size_mm(area, view.crs, (fw / k, fh / k))
        found = None
        for step, f in enumerate(np.linspace(1.0, INSET_MIN_LONG_MM / max(w_mm, h_mm), INSET_SIZE_STEPS)):
            size = (w_mm * f * k, (h_mm * f + INSET_TITLE_MM) * k)
            found = _free_box(frame, size, tree, near, k)
            if found is not None:
                shrunk += step
                break
        if found is None:
            left_out.append((area.key, "no free room on the map"))
            continue
        x0, y0, x1, y1 = found
        distance += float(shapely.distance(shapely.box(*found), near))
        title = INSET_TITLE_MM * k
        inset_view = MapView(view.crs, area_extent(area, view.crs), (x0, y0 + title, x1 - x0, y1 - y0 - title), view.dpi)
        placed.append(PlacedInset(area, found, inset_view, _locator(view, area, inset_view.extent) or (0, 0, 0, 0)))
        taken.append(shapely.box(*found))
    return InsetPlan(tuple(placed), tuple(left_out)), (len(left_out), shrunk, distance)


def _locator(view: MapView, area: InsetArea, extent: Rect | None = None) -> Rect | None:
    """The rectangle on the map (page pixels) an inset of ``area`` shows (``extent``, projected; by
    default its area's extent), or None when none of it lies in the frame."""
    x0, y0, x1, y1 = extent or area_extent(area, view.crs)
    (px0, py0), (px1, py1) = view.to_px(np.array([[x0, y1], [x1, y0]]))
    fx, fy, fw, fh = view.frame_px
    if px1 < fx or px0 > fx + fw or py1 < fy or py0 > fy + fh:
        return None
    return (float(px0), float(py0), float(px1), float(py1))

