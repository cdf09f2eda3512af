"""Towns and their names, measured on the drawn page at 300 dpi (issue 11, item 3): a town is drawn with its
name or not at all, with no flow between its dot and its name, and shown near a route's end measured on the
ground in every projection; on single maps and on the small multiples' panels."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from drawn_maps import ARRIVALS, MM
from page_geography import lonlat_to_px

from geo.map_marks import DOT_FILLS
from geo.place_layout import TOWN_KINDS


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
