"""Names and figures that know the geography, measured on the drawn page at 300 dpi (issue 11, item 3).

The islands, dots, routes and symbols are worked out here from the bundled data and the view, not taken
from the layout code; what the renderer reports is only where it says it drew each label, and the
pixels check that it did. Maps: the default quarter under three projections, in Arabic and on A3
portrait, the 2024 arrivals (every route drawn), the November rescues (no figure: dashed routes) and the
2024 dead and missing (circles on their routes).
"""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest
import shapely
from page_geography import TOTAL_HOMES, foreign_shares, lonlat_to_px, route_figures_abroad
from painted import paint, pixels

from geo.map_marks import DOT_FILLS
from geo.map_words import WORDS
from geo.page import Page
from geo.place_layout import TOWN_KINDS
from geo.projection import resolve_crs

DPI = 300
MM = DPI / 25.4
SMALL_ISLAND_PX = 12 * MM  # wider or taller is land like a coast (Sicily on the regional map)
VISIBLE_ISLAND_PX = 0.35 * MM  # smaller is a speck no name can be taken for
LEADER_REACH_PX = 0.5 * MM  # a leader ends this close to what it labels

MAPS = {
    "default": dict(period="2024Q4", metric="arrivals"),
    "laea-europe": dict(period="2024Q4", metric="arrivals", crs="EPSG:3035"),
    "web-mercator": dict(period="2024Q4", metric="arrivals", crs="EPSG:3857"),
    "arabic": dict(period="2024Q4", metric="arrivals", language="ar"),
    "a3-portrait": dict(period="2024Q4", metric="arrivals", page=("A3", "portrait")),
    "2024-arrivals": dict(period="2024", metric="arrivals"),
    "2024-as-the-cli": dict(period="2024", metric="arrivals", title=WORDS["en"]["title"]),
    "2023-arrivals": dict(period="2023", metric="arrivals"),
    "wide-flows": dict(period="2024Q4", metric="arrivals", max_width_mm=12.0),
    "rescues": dict(period="2024-11", metric="rescues"),
    "dead-missing": dict(period="2024", metric="dead_missing"),
    "2024-expulsions": dict(period="2024", metric="expulsions"),
    "2023-expulsions": dict(period="2023", metric="expulsions"),
    "balearic-rescues": dict(period="2024-08-01/2024-12-31", metric="rescues", title=WORDS["en"]["title"]),
    "2024-change": dict(period="2024", metric="arrivals", title=WORDS["en"]["title"], compare="previous"),
}
ARRIVALS = ("default", "laea-europe", "web-mercator", "2024-arrivals", "2024-as-the-cli")
NAMED_ISLANDS = {"el_hierro", "tenerife", "gran_canaria", "fuerteventura", "lanzarote", "cabrera", "lampedusa",
                 "malta"}


class Drawn:
    """One map drawn at 300 dpi, with the geography of its page worked out from the data."""

    def __init__(self, doc, image, view, report) -> None:
        self.doc, self.view, self.report = doc, view, report
        self.rgb = pixels(image).astype(int)
        countries = doc.layer("boundaries").data
        parts = shapely.get_parts(countries.geometry.to_numpy())
        parts = parts[shapely.get_type_id(parts) == 3]
        # an island: a land part touching no other part (Ceuta and Gibraltar touch a neighbour)
        touching = shapely.STRtree(parts).query(parts, predicate="intersects")
        alone = np.bincount(touching[0][touching[0] != touching[1]], minlength=len(parts)) == 0
        self.islands_lonlat = parts[alone & (shapely.area(parts) < 4.0)]
        self.islands = self.to_px(self.islands_lonlat)
        b = shapely.bounds(self.islands)
        side = np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])
        fx, fy, fw, fh = view.frame_px
        on_page = shapely.intersects(self.islands, shapely.box(fx, fy, fx + fw, fy + fh))
        self.small = on_page & (side <= SMALL_ISLAND_PX) & (side >= VISIBLE_ISLAND_PX)
        places = doc.layer("places").data.set_index("place_id")
        self.places = places
        self.countries = countries
        self.place_px = dict(zip(places.index, shapely.get_coordinates(self.to_px(places.geometry.to_numpy())),
                                 strict=True))
        self.symbols = {r.route_id: shapely.transform(r.geometry, view.to_px) for r in report.symbols.itertuples()}

    def to_px(self, geoms):
        return lonlat_to_px(self.view)(geoms)

    def own_island(self, place_id: str) -> int:
        point = shapely.Point(self.places.geometry[place_id].coords[0])
        return int(np.argmin(shapely.distance(self.islands_lonlat, point)))

    def on_page(self, place_id: str) -> bool:
        fx, fy, fw, fh = self.view.frame_px
        x, y = self.place_px[place_id]
        return fx <= x <= fx + fw and fy <= y <= fy + fh

    def dots(self) -> dict[str, tuple[float, float, float]]:
        return {pid: (x, y, r) for pid, x, y, r in self.report.dots}

    def land_share(self, island: int) -> float:
        """Share of an island's pixels drawn as land (its land colour, or the white of its coast and of a
        name's halo): what of it shows. A flow, a leader or a letter over it is none of these."""
        shape = self.islands[island]
        x0, y0, x1, y1 = (int(v) for v in shapely.bounds(shape))
        xs, ys = np.meshgrid(np.arange(x0, x1 + 1) + 0.5, np.arange(y0, y1 + 1) + 0.5)
        inside = shapely.contains_xy(shape, xs.ravel(), ys.ravel())
        if not inside.any():
            c = shape.centroid
            xs, ys, inside = np.array([c.x]), np.array([c.y]), np.array([True])
        px = self.rgb[ys.ravel()[inside].astype(int), xs.ravel()[inside].astype(int)]
        land = np.array([int(self.doc.theme.land[k:k + 2], 16) for k in (1, 3, 5)])
        return float(((np.abs(px - land).max(axis=1) <= 12) | (px.min(axis=1) >= 235)).mean())


@pytest.fixture(scope="module")
def drawn(qapp):
    from geo.document import MapDocument

    cache: dict[str, Drawn] = {}

    def draw(name: str) -> Drawn:
        if name not in cache:
            spec = MAPS[name]
            doc = MapDocument.from_files()
            if "crs" in spec:
                doc.crs = spec["crs"]
            doc.select(spec["period"], spec["metric"], None)
            doc.label_language = spec.get("language", "en")
            doc.title = spec.get("title", doc.title)
            if "compare" in spec:
                doc.flow_style.compare, doc.flow_style.colour_by = spec["compare"], "change"
            if "max_width_mm" in spec:
                doc.flow_style = dataclasses.replace(doc.flow_style, max_width_mm=spec["max_width_mm"])
            image, view, report = paint(doc, Page(*spec.get("page", ("A4", "landscape")), DPI))
            cache[name] = Drawn(doc, image, view, report)
        return cache[name]

    return draw


@pytest.mark.parametrize("name", ["default", "laea-europe", "web-mercator", "arabic", "a3-portrait", "2024-arrivals"])
def test_island_names_sit_beside_their_own_island_and_nearer_it_than_anything_else(drawn, name):
    """'El Hierro' covered El Hierro, 'Tenerife' sat at La Palma's height, 'Fuerteventura' covered
    Lanzarote, 'Cabrera' sat beside Ibiza; Gran Canaria and Lanzarote had no name at all. A name with no
    room beside its island is tied to it by a leader line."""
    d = drawn(name)
    named = {pid: rect for pid, _, rect in d.report.place_labels}
    on_page = {pid for pid in NAMED_ISLANDS if d.on_page(pid)}
    assert len(on_page) >= 5 and on_page <= set(named), f"unnamed: {sorted(on_page - set(named))}"
    dots = [shapely.Point(x, y) for x, y, _ in d.dots().values()]
    tied = {key for key, _, _ in d.report.leaders}
    for pid in on_page:
        box, own = shapely.box(*named[pid]), d.own_island(pid)
        assert box.intersection(d.islands[own]).area == 0 or d.islands[own].contains(box), f"{pid} covers its island"
        assert d.land_share(own) > 0.9, f"{pid}: its island does not show"
        others = [g for k, g in enumerate(d.islands) if d.small[k] and k != own]
        assert not any(box.intersects(g) for g in others), f"{pid} covers another island"
        if f"place:{pid}" in tied:  # tied by a leader (checked below to end at its island)
            continue
        mine = box.distance(d.islands[own])
        nearest_other = min(box.distance(g) for g in [*others, *dots])
        assert mine < nearest_other, f"{pid}: {mine:.0f} px from its island, {nearest_other:.0f} from another"


@pytest.mark.parametrize("name", ["default", "laea-europe", "web-mercator", "rescues"])
def test_archipelago_names_cover_no_island_and_no_route(drawn, name):
    """'Canary Islands' hid Gran Canaria and crossed the dashed routes; 'Balearic Islands' lay across Mallorca."""
    d = drawn(name)
    lines = no_figure_lines(d)
    for pid, _, rect in d.report.place_labels:
        if d.places.loc[pid, "kind"] != "region_label":
            continue
        box = shapely.box(*rect)
        assert not any(box.intersects(g) for k, g in enumerate(d.islands) if d.small[k]), f"{pid} covers an island"
        assert not any(box.intersects(g) for g in [*lines, *d.symbols.values()]), f"{pid} crosses a route"


def no_figure_lines(d: Drawn) -> list:
    """The routes drawn dashed (no figure) or as a thin line under a circle, in pixels."""
    routes = d.doc.layer("routes").data.set_index("route_id")
    join = d.doc.join()
    circles = set(d.report.symbols.loc[d.report.symbols["symbol"].isin(("circle", "zero")), "route_id"])
    ids = [r for r in [*join.no_data, *circles] if r in routes.index]
    return list(d.to_px(routes.geometry[ids].to_numpy()))


@pytest.mark.parametrize("name", list(MAPS))
def test_no_name_sits_on_a_flow_an_arrowhead_or_a_route_line(drawn, name):
    """The dashed Algeria–Balearic line ran through 'Cabrera' and 'Boumerdès', Oran–Cartagena through
    'Almería'; the circles' route lines through 'Canary Islands'."""
    d = drawn(name)
    lines = no_figure_lines(d)
    for _, text, rect in d.report.place_labels:
        box = shapely.box(*rect)
        assert not any(box.intersects(s) for s in d.symbols.values()), f"{text} on a flow"
        assert not any(box.intersects(g) for g in lines), f"{text} on a route line"


@pytest.mark.parametrize("name", [*ARRIVALS, "2023-arrivals", "wide-flows", "dead-missing"])
def test_small_islands_the_flows_reach_stay_visible(drawn, name):
    """Malta lay under the Libya arrowhead's barb and Lampedusa under the end of a leader line; Malta lies
    under the barb when flows are drawn up to 12 mm wide; on the dead and missing Lampedusa lies under the
    end of the route line its circle sits on. An island a symbol covers whole is left under it: drawn
    again inside the 2023 Tunisia arrow, Kerkennah and Djerba read as holes in it."""
    d = drawn(name)
    b = shapely.bounds(d.islands)
    small = [k for k in np.flatnonzero(d.small) if max(b[k, 2] - b[k, 0], b[k, 3] - b[k, 1]) <= 6 * MM]
    reached = [k for k in small if any(d.islands[k].intersects(s) and not d.islands[k].within(s)
                                       for s in d.symbols.values())]
    under = [k for k in small if any(d.islands[k].buffer(0.3 * MM).within(s) for s in d.symbols.values())]
    assert reached or name not in ("default", "wide-flows")
    assert under or name != "2023-arrivals"
    for k in {*reached, d.own_island("malta"), d.own_island("lampedusa")} - set(under):
        share = d.land_share(k)
        assert share > 0.9, f"the island at {d.islands[k].centroid}: {share:.0%} of it shows"
    for k in under:
        share = d.land_share(k)
        assert share < 0.1, f"the island at {d.islands[k].centroid} inside a flow: {share:.0%} of it drawn over it"


@pytest.mark.parametrize("name", [*ARRIVALS, "arabic", "a3-portrait"])
def test_leaders_end_at_what_they_label_and_cross_no_label(drawn, name):
    """The Italy total's leader ended in the sea off Sicily, a leader cut through 'Lampedusa', the Ceuta
    and Melilla total's through 'Almería' and 'Ceuta'."""
    d = drawn(name)
    routes = d.doc.layer("routes").data.set_index("route_id")
    boxes = {tuple(rect) for _, rect in d.report.labels}
    assert d.report.leaders or name not in ("default", "2024-arrivals")
    for key, anchor, end in d.report.leaders:
        if key.startswith("total:"):
            parent = key.split(":", 1)[1]
            own = [s for rid, s in d.symbols.items() if descends(rid, parent, routes)]
        elif key.startswith("place:"):
            pid = key.split(":", 1)[1]
            dot = d.dots().get(pid)
            own = [shapely.Point(dot[:2]).buffer(dot[2])] if dot else [d.islands[d.own_island(pid)]]
        else:
            own = [d.symbols[key]]
        gap = min(shapely.Point(anchor).distance(s) for s in own)
        assert gap <= LEADER_REACH_PX, f"{key}'s leader ends {gap / MM:.1f} mm from what it labels"
        line = shapely.LineString([anchor, end])
        crossed = [b for b in boxes if line.intersects(shapely.box(*b)) and not shapely.box(*b).touches(line)
                   and shapely.box(*b).distance(shapely.Point(end)) > 0.5]
        assert not crossed, f"{key}'s leader crosses a label"


def descends(route_id: str, ancestor: str, routes) -> bool:
    parent = routes["parent"].fillna("")
    while route_id in parent.index and parent[route_id]:
        route_id = parent[route_id]
        if route_id == ancestor:
            return True
    return False


@pytest.mark.parametrize("name", [*ARRIVALS, "arabic", "dead-missing", "2023-arrivals", "wide-flows"])
def test_each_figure_sits_nearer_its_own_symbol_than_any_other(drawn, name):
    """'3,438' sat 10 px from the Libya arrow's shaft; under EPSG:3857 '11,341' sat under the Tunisia arrow.
    Unambiguous: every other symbol half as far again as its own. And no figure covers a small island."""
    d = drawn(name)
    islands = [g for k, g in enumerate(d.islands) if d.small[k]]
    for lab in d.report.value_labels:  # and no figure hides an island (a total its own country's, at most)
        home = d.countries[d.countries["iso_a3"].isin(TOTAL_HOMES.get(lab.key, ()))].geometry.to_numpy()
        home = shapely.union_all(d.to_px(home)) if len(home) else shapely.Point()
        hidden = [g for g in islands if shapely.box(*lab.rect).intersects(g) and not home.contains(g.representative_point())]
        assert not hidden, f"{lab.key}'s figure covers an island"
    if len(d.symbols) < 2:
        pytest.skip("one symbol: nothing to confuse it with")
    for lab in d.report.value_labels:
        if lab.key.startswith("total:"):
            continue
        box = shapely.box(*lab.rect)
        mine = box.distance(d.symbols[lab.key])
        other = min(box.distance(s) for rid, s in d.symbols.items() if rid != lab.key)
        assert 1.5 * mine < other, f"{lab.key}: {mine:.0f} px from its symbol, {other:.0f} px from another"


@pytest.mark.parametrize("name", [*ARRIVALS, "a3-portrait"])
def test_no_two_dots_overlap_and_enclave_dots_stay_small(drawn, name):
    """Ceuta's dot (about 1.5 mm) blocked the Strait; Ceuta and Fnideq overlapped; Melilla, Nador and
    Beni Ansar made a bullseye."""
    d = drawn(name)
    dots = d.dots()
    assert {"ceuta", "melilla"} <= set(dots)
    for (a, (xa, ya, ra)), (b, (xb, yb, rb)) in itertools.combinations(dots.items(), 2):
        assert np.hypot(xa - xb, ya - yb) >= ra + rb, f"the dots of {a} and {b} overlap"
    for pid, (x, y, r) in dots.items():
        px, py = d.place_px[pid]
        assert np.hypot(x - px, y - py) < 1 and r <= 0.5 * MM, pid
        assert d.rgb[int(y), int(x)].max() < 90, f"{pid}'s dot is not drawn where it is reported"


@pytest.mark.parametrize("name", ["default", "2024-arrivals", "rescues", "laea-europe", "web-mercator"])
def test_every_dot_has_its_own_name_nearest(drawn, name):
    """'Almería' sat nearer the Cartagena dot than 'Cartagena' did (a name on a leader line is tied to its
    dot whatever the distance)."""
    d = drawn(name)
    names = {pid: shapely.box(*rect) for pid, _, rect in d.report.place_labels}
    tied = {key.split(":", 1)[1] for key, _, _ in d.report.leaders if key.startswith("place:")}
    for pid, (x, y, _) in d.dots().items():
        if pid not in names:
            continue
        dot = shapely.Point(x, y)
        mine = 0.0 if pid in tied else names[pid].distance(dot)  # a leader ties a name to its dot
        for other, box in names.items():
            if other != pid:
                assert box.distance(dot) > mine, f"'{other}' is nearer the dot of {pid} than its own name"


def test_crs_of_the_drawn_maps(drawn):
    """The projections above are the ones drawn (a silent fallback would test one projection thrice)."""
    assert resolve_crs(drawn("laea-europe").view.crs) == resolve_crs("EPSG:3035")
    assert resolve_crs(drawn("web-mercator").view.crs) == resolve_crs("EPSG:3857")


@pytest.mark.parametrize("name", [*ARRIVALS, "a3-portrait"])
def test_a_total_stands_on_the_sea_or_in_its_own_country(drawn, name):
    """Italy's 65,474 stood over Tunisia beside the arrow from Sfax, read as Tunisia's. Each total's box
    (seen drawn: its text's dark pixels inside it) lies on the sea or in the country the update counts
    its arrivals in, but for a sliver of another's coast."""
    d = drawn(name)
    assert any(m.kind == "total" for m in d.report.marks), "no total drawn: nothing tested"
    assert foreign_shares(d.report, d.countries, d.to_px, d.rgb) == {}



@pytest.mark.parametrize("name", [*ARRIVALS, "a3-portrait"])
def test_spain_s_total_stands_over_spain_clear_of_every_arrow(drawn, name):
    """Spain's arrivals over all its routes (63,427 in 2024, 21,237 in Q4) belong to no one arrow: set by the
    Almería arrow with a leader to it, 'Spain 21,237' read as that arrow's figure. Drawn (its letters'
    dark pixels in its box), it has no leader and keeps COUNTRY_TOTAL_CLEAR_MM off every flow."""
    from geo.figure_layout import COUNTRY_TOTAL_CLEAR_MM

    d = drawn(name)
    spain = [m for m in d.report.marks if m.key == "total:ESP"]
    assert spain, "Spain's total is not set: nothing tested"
    mark, = spain
    x0, y0, x1, y1 = (round(v) for v in mark.rect)
    assert (d.rgb[y0:y1, x0:x1].max(axis=2) < 90).sum() > 30, "no letters drawn in its box"
    assert mark.leader is None
    box = shapely.box(*mark.rect)
    near = {rid: round(box.distance(g) / d.view.px_per_mm, 1) for rid, g in d.symbols.items()
            if box.distance(g) < COUNTRY_TOTAL_CLEAR_MM * d.view.px_per_mm - 1}
    assert near == {}


@pytest.mark.parametrize("name", [*ARRIVALS, "a3-portrait", "arabic"])
def test_a_routes_figure_stands_on_the_sea_or_a_country_it_joins(drawn, name):
    """The Atlantic's 16,109 stood over Western Sahara on the default map, read as its figure; on the
    overview the expulsions' ≥ 31,404 over Mali and ~460 over Algeria. A route's figure lies on the sea
    or on the countries where its route leaves and arrives, but for a sliver."""
    d = drawn(name)
    assert any(m.kind == "value" for m in d.report.marks), "no figure drawn: nothing tested"
    abroad = route_figures_abroad(d.report, d.doc, d.view, d.countries, d.to_px)
    assert abroad == {}


@pytest.mark.parametrize("name", [*ARRIVALS, "a3-portrait", "arabic"])
def test_a_total_at_sea_is_nearer_its_own_country_than_any_other(drawn, name):
    """On the 2024 map the inset of the Strait and the title covered mainland Spain, and 'Spain 63,427'
    stood at sea against Algeria's coast by Boumerdès, 40 mm from the Balearics: on no other country's
    land, and read as Algeria's. A total with no leader to a branch stands on its country or nearer it
    than any other (its drawn letters' box, measured to every country's land on the page)."""
    d = drawn(name)
    totals = [m for m in d.report.marks if m.kind == "total" and m.leader is None]
    assert totals, "no total without a leader drawn: nothing tested"
    shapes = d.to_px(d.countries.geometry.to_numpy())
    fx, fy, fw, fh = d.view.frame_px
    on_page = shapely.intersects(shapes, shapely.box(fx, fy, fx + fw, fy + fh))
    nearer_abroad = {}
    for mark in totals:
        x0, y0, x1, y1 = (round(v) for v in mark.rect)
        assert (d.rgb[y0:y1, x0:x1].max(axis=2) < 90).sum() > 30, f"{mark.key}: no letters drawn in its box"
        gaps = shapely.distance(shapes, shapely.box(*mark.rect)) / d.view.px_per_mm
        own = d.countries["iso_a3"].isin(TOTAL_HOMES[mark.key]).to_numpy()
        home, abroad = gaps[own & on_page].min(), gaps[~own & on_page].min()
        if abroad < home - 1.0:
            nearer_abroad[mark.key] = (round(home, 1), round(abroad, 1))
    assert nearer_abroad == {}


@pytest.mark.parametrize("name", ["default", "2023-arrivals", "2024-expulsions", "2024-as-the-cli", "a3-portrait"])
def test_no_town_dot_is_drawn_under_a_flow(drawn, name):
    """In Guezzam's dot was a ring inside the expulsions' arrowhead, its name pointing into it; Sfax's
    inside the 2023 Tunisia flow's tail. A town a symbol covers is not shown (the update's figures
    name the countries; the arrow says where it leaves from): every dot drawn lies off every symbol."""
    d = drawn(name)
    towns = {pid for pid, kind in d.places["kind"].items() if kind in ("port", "city", "border_post")}
    dots = {pid: shapely.Point(x, y) for pid, (x, y, _) in d.dots().items() if pid in towns}
    assert dots, "no town dot drawn: nothing tested"
    under = {pid: rid for pid, dot in dots.items() for rid, g in d.symbols.items() if g.contains(dot)}
    assert under == {}


ISLAND_NAME_LAND_SHARE = 0.1
"""An island's name may touch another coast, no more: 'Lampedusa' stood half over Tunisia's by Mahdia."""


@pytest.mark.parametrize("name", [*ARRIVALS, "a3-portrait", "dead-missing", "rescues"])
def test_island_names_stand_off_other_land(drawn, name):
    """An island's (or archipelago's) name over a mainland reads as a mainland town's: each drawn name
    beside its island (not tied to it by a leader) has its box (its letters' dark pixels inside it) over
    no land but its own islands', but for a sliver."""
    d = drawn(name)
    kinds = d.places["kind"]
    land = shapely.union_all(d.to_px(d.countries.geometry.to_numpy()))
    tied = {key.split(":", 1)[1] for key, _, _ in d.report.leaders if key.startswith("place:")}
    islands = {pid: rect for pid, _, rect in d.report.place_labels
               if kinds[pid] in ("island", "region_label") and pid not in tied}  # a leader says what it names
    assert islands, "no island named: nothing tested"
    over = {}
    for pid, rect in islands.items():
        x0, y0, x1, y1 = (round(v) for v in rect)
        assert (d.rgb[y0:y1, x0:x1].max(axis=2) < 90).sum() > 10, f"{pid}: no letters drawn in its box"
        box = shapely.box(*rect)
        own = [k for k, isl in enumerate(d.islands_lonlat) if isl.distance(d.places.geometry[pid]) < 0.3]
        mine = shapely.union_all(d.islands[own]) if own else shapely.Point(0, 0)
        share = (box.intersection(land).area - box.intersection(mine).area) / box.area
        if share > ISLAND_NAME_LAND_SHARE:
            over[pid] = round(share, 2)
    assert over == {}


COUNTRY_NAME_OWN_SHARE = 0.5
"""A country's name stands at least half over its own country: 'PORTUGAL', its land under the title but
for the Algarve, stood over the Gulf of Cádiz on the Balearic rescues map."""


@pytest.mark.parametrize("name", [*ARRIVALS, "a3-portrait", "balearic-rescues", "2024-expulsions", "arabic"])
def test_a_country_name_stands_over_its_own_country(drawn, name):
    """Each country name drawn (its letters' dark pixels in its box) has at least half its box over the
    country it names, measured on the page's countries."""
    d = drawn(name)
    marks = [m for m in d.report.marks if m.kind == "country"]
    assert marks, "no country named: nothing tested"
    shapes = d.to_px(d.countries.geometry.to_numpy())
    off = {}
    for m in marks:
        x0, y0, x1, y1 = (round(v) for v in m.rect)
        assert (d.rgb[y0:y1, x0:x1].max(axis=2) < 200).sum() > 10, f"{m.text}: no letters drawn in its box"
        box = shapely.box(*m.rect)
        own = box.intersection(shapes[int(m.key)]).area / box.area
        if own < COUNTRY_NAME_OWN_SHARE:
            off[m.text] = round(own, 2)
    assert off == {}


@pytest.mark.parametrize("name", [*ARRIVALS, "a3-portrait", "2024-change"])
def test_a_country_total_covers_none_of_its_islands(drawn, name):
    """On the 2024 change map Spain's 63,427 stood over Mallorca, read as the Balearics' (about 6,000): a
    total over its country stands over or off its largest part, and its box covers no island of a square
    millimetre or more."""
    d = drawn(name)
    totals = [m for m in d.report.marks if m.kind == "total" and m.leader is None]
    numbered = {key for k in d.report.numbered for key in k.keys}
    assert totals or numbered, "no total drawn: nothing tested"
    islands = d.islands[shapely.area(d.islands) >= MM ** 2]  # not a coastal sliver (Mar Menor's, 0.07 mm²)
    covered = {m.key: int(i) for m in totals for i in np.flatnonzero(shapely.intersects(islands, shapely.box(*m.rect)))}
    assert covered == {}


def dotted_towns(rgb: np.ndarray, view, places, px) -> set[str]:
    """The towns of ``places`` the page shows a dot at, read from the pixels: the 3 × 3 pixels at the
    town's point in the town dots' fill (a 0.6 mm dot is 7 pixels across at 300 dpi)."""
    fill = np.array([int(DOT_FILLS["town"][k:k + 2], 16) for k in (1, 3, 5)])
    fx, fy, fw, fh = view.frame_px
    found = set()
    for pid, kind in places["kind"].items():
        x, y = px[pid]
        if kind not in TOWN_KINDS or not (fx + 2 <= x <= fx + fw - 2 and fy + 2 <= y <= fy + fh - 2):
            continue
        centre = rgb[int(y) - 1:int(y) + 2, int(x) - 1:int(x) + 2].reshape(-1, 3)
        if (np.abs(centre - fill).max(axis=1) <= 30).all():
            found.add(pid)
    return found


@pytest.mark.parametrize("name", ["default", "2023-arrivals", "2024-arrivals", "a3-portrait", "arabic", "dead-missing",
                                  "2024-expulsions", "rescues"])
def test_every_town_dot_on_the_page_has_its_name(drawn, name):
    """A dot with no name says nothing a reader can use; on the small multiples three dots along the
    Algerian coast, one of them named, read as a route of their own. A town is drawn with its name or
    not at all (an enclave keeps its dot: it is a figure's place)."""
    d = drawn(name)
    dotted = dotted_towns(d.rgb, d.view, d.places, d.place_px)
    assert dotted, "no town dot on the page: nothing tested"
    named = {pid for pid, *_ in d.report.place_labels}
    assert dotted - named == set()


@pytest.fixture(scope="module")
def small_multiples(qapp):
    """``--periods 2023 2024`` at 300 dpi, with each panel's view and its renderer's report."""
    from test_print_pixels import paint_small_multiples

    import gui.render
    from geo.document import MapDocument

    reports = []
    render_map = gui.render.MapRenderer.render_map

    def recorded(self, *args, **kwargs):
        out = render_map(self, *args, **kwargs)
        reports.append(self.report)
        return out

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(gui.render.MapRenderer, "render_map", recorded)
        doc, _, _, rgb, views = paint_small_multiples(MapDocument.from_files())
    return doc, rgb, views, reports


def test_every_town_dot_on_the_small_multiples_has_its_name(small_multiples):
    """The 2023 and 2024 panels, each a small map where names find little room: Algiers (2023),
    Boumerdès and Tangier (2024), Motril, Tripoli and Garabulli had dots and no names."""
    doc, rgb, views, reports = small_multiples
    places = doc.layer("places").data.set_index("place_id")
    unnamed = {}
    for view, report in zip(views, reports, strict=True):
        px = dict(zip(places.index, shapely.get_coordinates(lonlat_to_px(view)(places.geometry.to_numpy())), strict=True))
        dotted = dotted_towns(rgb.astype(int), view, places, px)
        assert dotted, "no town dot in a panel: nothing tested"
        unnamed[view.frame_px[0]] = dotted - {pid for pid, *_ in report.place_labels}
    assert all(not u for u in unnamed.values()), unnamed


@pytest.mark.parametrize("name", ["default", "web-mercator", "laea-europe"])
def test_a_town_near_a_route_s_end_on_the_ground_is_shown_in_every_projection(drawn, name):
    """In Web Mercator a kilometre is 1,220 units at Sfax's latitude: Sfax, 37 km from where the Tunisia
    route starts, was farther than the 40 km reach in the projection's units, and left off with its name.
    Distances here are on the ellipsoid: a town within 38 km of a drawn route's end is drawn (dot and
    name), or its name found no room (then neither is), or a symbol covers it."""
    from pyproj import Geod

    d = drawn(name)
    routes = d.doc.layer("routes").data.set_index("route_id")
    ends = np.array([c for rid in d.symbols for part in shapely.get_parts(routes.geometry[rid])
                     for c in (part.coords[0], part.coords[-1])])
    towns = d.places[d.places["kind"].isin(TOWN_KINDS)]
    geod, missing = Geod(ellps="WGS84"), {}
    for pid, point in towns.geometry.items():
        _, _, metres = geod.inv(np.full(len(ends), point.x), np.full(len(ends), point.y), ends[:, 0], ends[:, 1])
        if metres.min() > 38_000 or not d.on_page(pid):
            continue
        under = any(g.contains(shapely.Point(d.place_px[pid])) for g in d.symbols.values())
        if pid not in d.dots() and d.places["name"][pid] not in d.report.dropped_labels and not under:
            missing[pid] = round(metres.min() / 1000, 1)
    assert missing == {}


BIG_COUNTRY_MM2 = 40 * 40
"""A country showing this much land on the page, clear of the furniture, has room for its name."""


@pytest.mark.parametrize("name", ["default", "2023-expulsions", "2024-expulsions", "a3-portrait", "rescues"])
def test_a_country_the_page_shows_large_is_named(drawn, name):
    """LIBYA, half the 2023 expulsions map, had no name: its best place grazed the dashed Libya–Niger
    route and the name was left off rather than moved."""
    d = drawn(name)
    fx, fy, fw, fh = d.view.frame_px
    shown = shapely.box(fx, fy, fx + fw, fy + fh).difference(
        shapely.union_all([shapely.box(r.left(), r.top(), r.right(), r.bottom()) for r in d.report.furniture_rects.values()]))
    written = {t.replace("\n", " ").rstrip("*").casefold() for kind, t, *_ in d.report.texts if kind == "country"}
    unnamed = []
    for country, geom in zip(d.countries["name"], d.countries.geometry, strict=True):
        area = shapely.area(shapely.intersection(d.to_px(np.array([geom], dtype=object))[0], shown)) / MM**2
        if area >= BIG_COUNTRY_MM2 and str(country).casefold() not in written:
            unnamed.append((country, round(area)))
    assert unnamed == []


def flows_between_dots_and_names(report, symbols: dict) -> dict:
    """Per name set without a leader, the symbols between its dot's edge (and half a millimetre) and the
    nearest point of its box."""
    led = {key.split(":", 1)[1] for key, *_ in report.leaders if key.startswith("place:")}
    dots = {pid: (x, y, r) for pid, x, y, r in report.dots}
    between = {}
    for pid, text, (x0, y0, x1, y1) in report.place_labels:
        if pid in led or pid not in dots:
            continue
        x, y, r = dots[pid]
        bx, by = min(max(x, x0), x1), min(max(y, y0), y1)
        length = float(np.hypot(bx - x, by - y))
        t = (r + 0.5 * MM) / length if length else 1.0
        if t >= 1:
            continue
        seg = shapely.LineString([(x + (bx - x) * t, y + (by - y) * t), (bx, by)])
        crossed = [rid for rid, g in symbols.items() if seg.intersects(g)]
        if crossed:
            between[text] = crossed
    return between


@pytest.mark.parametrize("name", [*ARRIVALS, "2023-arrivals", "a3-portrait", "arabic", "rescues"])
def test_no_flow_stands_between_a_dot_and_its_name(drawn, name):
    """'Melilla' stood right of its dot with the Western Mediterranean arrow between them (on the small
    multiples): from each dot to the nearest point of its name's box (a name with a leader is tied by it
    instead), no symbol."""
    d = drawn(name)
    assert flows_between_dots_and_names(d.report, d.symbols) == {}


def test_no_flow_stands_between_a_dot_and_its_name_on_the_small_multiples(small_multiples):
    _, _, views, reports = small_multiples
    for view, report in zip(views, reports, strict=True):
        symbols = {r.route_id: shapely.transform(r.geometry, view.to_px) for r in report.symbols.itertuples()}
        assert flows_between_dots_and_names(report, symbols) == {}, view.frame_px[0]
