"""Names and figures that know the geography, measured on the drawn page at 300 dpi (issue 11, item 3).

The islands, dots, routes and symbols are worked out here from the bundled data and the view, not taken
from the layout code; what the renderer reports is only where it says it drew each label, and the
pixels check that it did. Maps: the default quarter under three projections, in Arabic and on A3
portrait, the 2024 arrivals (every route drawn), the November rescues (no figure: dashed routes) and the
2024 dead and missing (circles on their routes).
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import shapely
from drawn_maps import ARRIVALS, LEADER_REACH_PX, MAPS, MM, NAMED_ISLANDS, Drawn
from page_geography import TOTAL_HOMES, foreign_shares, route_figures_abroad

from geo.map_marks import total_key
from geo.projection import resolve_crs


@pytest.mark.parametrize("name", ["default", "laea-europe", "web-mercator", "arabic", "a3-portrait", "2024-arrivals",
                                  "2023-arrivals", "dead-missing"])
def test_island_names_sit_beside_their_own_island_and_nearer_it_than_anything_else(drawn, name):
    """'El Hierro' covered El Hierro, 'Tenerife' sat at La Palma's height, 'Fuerteventura' covered
    Lanzarote, 'Cabrera' sat beside Ibiza; Gran Canaria and Lanzarote had no name at all. A name with no
    room beside its island is tied to it by a leader line, and stands clear of the other islands and dots
    (TIED_CLEAR_MM): on the 2024 dead and missing, 'Tenerife' stood 1.4 mm under Gran Canaria, whose own
    name found no room."""
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
        nearest_other = min(box.distance(g) for g in [*others, *dots])
        if f"place:{pid}" in tied:  # tied by a leader (checked below to end at its island)
            assert nearest_other >= TIED_CLEAR_MM * MM, f"{pid}, on a leader, {nearest_other / MM:.1f} mm from another"
            continue
        mine = box.distance(d.islands[own])
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


TIED_CLEAR_MM = 1.5
"""A name tied to its island by a leader stands at least this far from any other island or dot: nearer,
it stands where that one's name would."""


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


@pytest.mark.parametrize("name", [*ARRIVALS, "a3-portrait", "arabic", "dead-missing", "balearic-rescues",
                                  "2024-expulsions"])
def test_a_routes_figure_stands_on_the_sea_or_a_country_it_joins(drawn, name):
    """The Atlantic's 16,109 stood over Western Sahara on the default map, read as its figure; on the
    overview the expulsions' ≥ 31,404 over Mali and ~460 over Algeria. A route's figure lies on the sea
    or on the countries where its route leaves and arrives, but for a sliver. A circle's figure too: on the
    2024 dead and missing '1,062' stood over Western Sahara, under its name (the layout took the countries
    by the ends of the circle's few millimetres of route, off that coast, for the route's)."""
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
    millimetre or more. (A total of several routes names the place they arrive at: 'Italy 65,474' may stand
    over Sicily, where they land; test_a_total_stands_on_the_sea_or_in_its_own_country keeps it off Malta.)"""
    d = drawn(name)
    countries = {total_key(t.route_id) for t in d.doc.join().totals if t.country is not None}
    totals = [m for m in d.report.marks if m.kind == "total" and m.key in countries]
    numbered = {key for k in d.report.numbered for key in k.keys}
    assert totals or numbered & countries, "no country total drawn: nothing tested"
    islands = d.islands[shapely.area(d.islands) >= MM ** 2]  # not a coastal sliver (Mar Menor's, 0.07 mm²)
    covered = {m.key: int(i) for m in totals for i in np.flatnonzero(shapely.intersects(islands, shapely.box(*m.rect)))}
    assert covered == {}


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


@pytest.mark.parametrize("name", ["laea-europe", "a3-portrait", "default", "web-mercator"])
def test_a_large_island_s_name_is_clearly_nearer_it_than_any_small_island(drawn, name):
    """Under EPSG:3035 and on the A3 portrait, 'Sicily' stood by Sicily's south-east tip 1.8 mm over Malta,
    0.5 mm farther than from Sicily, and read as Malta's name. Untied, a large island's name stands
    LARGE_ISLAND_MARGIN_MM nearer its island than any small island or dot (measured on the page's islands
    worked out from the data); tied by a leader, it keeps TIED_CLEAR_MM off every other island and dot."""
    d = drawn(name)
    named = {pid: rect for pid, _, rect in d.report.place_labels}
    assert "sicily" in named, "Sicily is not named: nothing tested"
    box, own = shapely.box(*named["sicily"]), d.own_island("sicily")
    others = [g for k, g in enumerate(d.islands) if d.small[k] and k != own]
    dots = [shapely.Point(x, y) for x, y, _ in d.dots().values()]
    nearest_other = min(box.distance(g) for g in [*others, *dots])
    if "place:sicily" in {key for key, _, _ in d.report.leaders}:
        assert nearest_other >= TIED_CLEAR_MM * MM, f"'Sicily', on a leader, {nearest_other / MM:.1f} mm from another"
        return
    mine = box.distance(d.islands[own])
    assert mine + 1.3 * MM < nearest_other, \
        f"'Sicily' {mine / MM:.1f} mm from Sicily, {nearest_other / MM:.1f} mm from a small island or dot"


@pytest.mark.parametrize("name", ["balearic-rescues", "rescues", "2024-arrivals", "a3-portrait"])
def test_a_town_s_name_on_a_leader_stands_by_its_own_country(drawn, name):
    """On both rescues maps 'Cartagena', its sides taken by the title, the inset and the rescue figure, went
    out on a leader across the sea and stood on Algeria's coast above 'Oran': an Algerian port, to a reader.
    A town's name tied by a leader stands on its own country (the places table's iso_a3) or no more than
    1 mm nearer another country's land (its drawn box, to every country on the page); a name beside its dot
    is read by the dot. Tied nowhere it may, it is left off."""
    d = drawn(name)
    tied = {key.split(":", 1)[1] for key, _, _ in d.report.leaders if key.startswith("place:")}
    shapes = d.to_px(d.countries.geometry.to_numpy())
    fx, fy, fw, fh = d.view.frame_px
    on_page = shapely.intersects(shapes, shapely.box(fx, fy, fx + fw, fy + fh))
    towns = {"port", "city", "border_post"}
    nearer_abroad = {}
    for pid, _, rect in d.report.place_labels:
        if pid not in tied or d.places.loc[pid, "kind"] not in towns:
            continue
        x0, y0, x1, y1 = (round(v) for v in rect)
        assert (d.rgb[y0:y1, x0:x1].max(axis=2) < 90).sum() > 30, f"{pid}: no letters drawn in its box"
        gaps = shapely.distance(shapes, shapely.box(*rect)) / MM
        own = (d.countries["iso_a3"] == d.places.loc[pid, "iso_a3"]).to_numpy()
        home, abroad = gaps[own & on_page].min(), gaps[~own & on_page].min()
        if abroad < home - 1.0:
            nearer_abroad[pid] = (round(home, 1), round(abroad, 1))
    assert nearer_abroad == {}, "town names on a leader nearer another country (mm to own, to nearest other)"
    if name == "balearic-rescues":  # the case above: named beside its dot, or left off with it
        assert "cartagena" not in tied
