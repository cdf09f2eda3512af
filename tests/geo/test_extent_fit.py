"""The fitted frame (geo.extent_fit), --extent's checks and OD nodes at the ports the data names.

Measured on what is drawn: symbol polygons and node circles in page pixels, distances on the
ellipsoid, never the code's own report of what it meant to do.
"""

import numpy as np
import pytest
import shapely
from pyproj import Geod

from geo import paths
from geo.document import MapDocument
from geo.errors import CrossingsError, DataError
from geo.extent_fit import Panel, Reach, clears, fit_extent, solve
from geo.od import node_points
from geo.od_nodes import read_node_table
from geo.page import Page
from geo.projection import transformer
from geo.vector_io import read_vector
from geo.view import MapView
from geo.view_extent import check_extent_lonlat

OD = paths.data_path("flows", "od_2024.csv")
GEOD = Geod(ellps="WGS84")
K = 300 / 25.4  # pixels per mm at 300 dpi


def km(lon0, lat0, lon1, lat1) -> float:
    return GEOD.inv(lon0, lat0, lon1, lat1)[2] / 1000.0


# -- the solver -------------------------------------------------------------------------------------
def test_the_fit_fills_the_frame_in_its_limiting_dimension_with_the_margin():
    xy = np.array([[0.0, 0.0], [1000.0, 0.0], [1000.0, 400.0], [0.0, 400.0]])
    reach = Reach.points(xy, 0.0)
    cx, cy, u = solve([(reach, ())], (1000.0, 1000.0), K, margin_mm=5.0, gap_mm=0.0)
    # 1000 units across 1000 px less 5 mm each side: the width binds, the height has room
    assert 1000.0 / u == pytest.approx(1000.0 - 2 * 5.0 * K, rel=1e-3)
    assert (cx, cy) == pytest.approx((500.0, 200.0), abs=1e-6)


def test_points_never_sit_under_a_box_and_the_frame_grows_only_as_needed():
    rng = np.random.default_rng(7)
    xy = rng.uniform(0, 1000, (200, 2))
    reach = Reach.points(xy, 1.0)
    title = (0.0, 0.0, 600.0, 150.0)  # a wide title across the top left of a 1200 x 800 frame
    free = solve([(reach, ())], (1200.0, 800.0), K, margin_mm=3.0, gap_mm=0.0)
    boxed = solve([(reach, (title,))], (1200.0, 800.0), K, margin_mm=3.0, gap_mm=2.0)
    assert not clears(reach, free, (1200.0, 800.0), K, (title,), 3.0, 2.0)  # the plain fit runs under it
    assert clears(reach, boxed, (1200.0, 800.0), K, (title,), 3.0, 2.0)
    assert free[2] < boxed[2] < free[2] * 1.6  # larger, by less than the box's share of the frame


def test_the_free_centre_is_the_nearest_one_no_box_covers_as_every_point_measured_finds():
    """The grid of candidate centres is blocked by summing each point's box of centres on a summed-area
    grid; here every candidate is measured against every point and box, as ``clears`` measures them:
    the same free centre, for 60 points with paper offsets and pads under three boxes, two overlapping, in
    two groups (panels) with boxes of their own."""
    from geo.extent_fit import GRID, _free_centre

    rng = np.random.default_rng(4)
    w, h, gap = 1200.0, 800.0, 6.0
    x, y = rng.uniform(300, 900, 60), rng.uniform(200, 600, 60)
    ox, oy, pad = rng.normal(0, 10, 60), rng.normal(0, 10, 60), rng.uniform(0, 5, 60)
    groups = [(40, ((0.0, 0.0, 700.0, 250.0), (800.0, 300.0, 1000.0, 600.0), (900.0, 400.0, 1200.0, 800.0))),
              (20, ((0.0, 550.0, 350.0, 800.0),))]
    u = 1.0
    f = (450.0, 750.0, 250.0, 550.0)
    got = _free_centre(f, u, (x, y, ox, oy, pad), groups, (w, h), gap)
    gx, gy = np.linspace(f[0], f[1], GRID), np.linspace(f[2], f[3], GRID)
    owner = np.repeat(np.arange(len(groups)), [n for n, _ in groups])
    free = []
    for cy in gy:
        for cx in gx:
            px, py = w / 2 + (x - cx) / u + ox, h / 2 - (y - cy) / u + oy
            under = any(np.any((owner == k) & (px > a0 - gap - pad) & (px < a1 + gap + pad)
                               & (py > b0 - gap - pad) & (py < b1 + gap + pad))
                        for k, (_, rects) in enumerate(groups) for a0, b0, a1, b1 in rects)
            if not under:
                free.append((cx, cy))
    assert 0 < len(free) < GRID * GRID / 2  # the boxes block most centres, not all
    middle = ((f[0] + f[1]) / 2, (f[2] + f[3]) / 2)
    want = min(free, key=lambda c: (c[0] - middle[0]) ** 2 + (c[1] - middle[1]) ** 2)
    assert got == pytest.approx(want, abs=1e-9)


def test_offsets_on_paper_do_not_scale_with_the_map():
    """A band's edge is millimetres from its centre line at any scale: the fit keeps that edge in."""
    anchors = np.array([[0.0, 0.0], [100.0, 0.0]])
    reach = Reach(anchors, np.array([[0.0, 0.0], [10.0, 0.0]]), np.zeros(2))  # the second reaches 10 mm right
    cx, _, u = solve([(reach, ())], (1000.0, 1000.0), K, margin_mm=0.0, gap_mm=0.0)
    right = 500.0 + (100.0 - cx) / u + 10.0 * K
    assert right == pytest.approx(1000.0, abs=0.5)


# -- --extent's checks ------------------------------------------------------------------------------
@pytest.mark.parametrize("values, said", [
    (["-20", "10", "30"], "needs four numbers"),
    (["10", "10", "0", "46"], "west 10 must be less than east 0"),
    (["-20", "x", "30", "46"], "south 'x' is not a number"),
    (["-200", "10", "30", "46"], "west -200 is outside -180 to 180"),
    (["-20", "10", "30", "95"], "north 95 is outside -90 to 90"),
    (["-20", "10", "30", "10"], "south 10 must be less than north 10"),
    (["nan", "10", "30", "46"], "west nan is not a finite number"),
])
def test_a_bad_extent_is_named_in_one_line(values, said):
    with pytest.raises(CrossingsError) as err:
        check_extent_lonlat(values)
    assert said in str(err.value) and "\n" not in str(err.value)


def test_a_good_extent_is_four_floats():
    assert check_extent_lonlat(["−20", "10.5", "30", "46"]) == (-20.0, 10.5, 30.0, 46.0)  # a typographic minus too


# -- OD nodes ---------------------------------------------------------------------------------------
def od_doc(period="2024", metric="departures") -> MapDocument:
    doc = MapDocument.from_files(flows=OD)
    doc.select(period, metric)
    return doc


@pytest.mark.parametrize("period", ["2024", "2024Q4", "2023"])
def test_departure_nodes_stand_at_the_ports_the_routes_name(period):
    """Libya's departures leave from Tripoli (route CMR-LY), Tunisia's from Sfax, Algeria's from Annaba,
    and land in Italy at Lampedusa: never a country's label point in the Sahara or the Po valley."""
    places = read_vector(paths.default_places()).set_index("place_id")
    nodes = node_points(od_doc(period).join().flows).set_index("name").geometry
    for node, port in (("Libya", "tripoli"), ("Tunisia", "sfax"), ("Algeria", "annaba"), ("Italy", "lampedusa")):
        p = places.geometry[port]
        assert km(nodes[node].x, nodes[node].y, p.x, p.y) < 3.0, node


def test_the_canary_node_covers_no_island_on_the_drawn_map():
    doc = od_doc("2024", "arrivals_by_nationality")
    page = Page()
    from gui.layout import PageLayout  # the frame only: no Qt is started

    frame = PageLayout().frame_px(page)
    view = MapView(doc.crs, fit_extent(doc, [Panel(frame)], page.dpi), frame, page.dpi)
    radii = doc.od_curves(view)[1]
    node = node_points(doc.join().flows).set_index("name").geometry["Canary Islands"]
    (x, y), = view.to_px(np.array(transformer("EPSG:4326", doc.crs).transform(node.x, node.y))[None, :])
    circle = shapely.Point(x, y).buffer(radii["Canary Islands"] * view.px_per_mm)
    countries = doc.layer("boundaries").data
    spain = countries[countries["iso_a3"] == "ESP"].geometry.iloc[0]
    islands = [g for g in shapely.get_parts(spain) if g.centroid.x < -12 and g.centroid.y < 30]
    to_map = transformer("EPSG:4326", doc.crs)
    islands_px = [shapely.transform(g, lambda c: view.to_px(np.column_stack(to_map.transform(c[:, 0], c[:, 1]))))
                  for g in islands]
    assert len(islands) >= 7 and not any(circle.intersects(g) for g in islands_px)


def test_od_arrowheads_reach_their_node():
    """Every arrow's tip within 0.7 mm (8 px at 300 dpi) of its destination's circle: OD flows used to
    stop 1.5 mm short, and flows sharing a node were set aside in lanes beside it."""
    for period, metric in (("2024", "departures"), ("2024", "arrivals_by_nationality"), ("2024Q4", "departures")):
        doc = od_doc(period, metric)
        page = Page()
        frame = (70.0, 70.0, 3300.0, 2100.0)
        view = MapView(doc.crs, doc.default_extent(), frame, page.dpi)
        curves, radii, _ = doc.od_curves(view)
        symbols = doc.flow_symbols(view).set_index("route_id")
        nodes = node_points(doc.join().flows).set_index("name").geometry
        for row in curves.itertuples():
            end = nodes[row.dest]
            (x, y), = view.to_px(np.array(transformer("EPSG:4326", doc.crs).transform(end.x, end.y))[None, :])
            symbol = shapely.transform(symbols.geometry[row.route_id], view.to_px)
            gap = symbol.distance(shapely.Point(x, y)) - radii[row.dest] * view.px_per_mm
            assert 0.0 <= gap < 0.7 * view.px_per_mm, (metric, row.route_id, gap)


def test_a_node_table_names_the_row_that_is_wrong(tmp_path):
    good = "node,metric,lon,lat\nLibya,departures,12.08,32.93\n"
    for text, said in ((good.replace("12.08", "east"), "row 2: lon 'east' is not a number"),
                       (good.replace("32.93", "95"), "row 2: lat 95 is outside"),
                       ("node,lon\nLibya,12\n", "row 1: missing column lat"),
                       (good + "libya,Departures,13,32.9\n", "is given twice for departures (rows 2 and 3)")):
        path = tmp_path / "nodes.csv"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(DataError) as err:
            read_node_table(path)
        assert said in str(err.value) and "nodes.csv" in str(err.value)


def test_a_node_table_moves_a_node_under_every_spelling(tmp_path):
    path = tmp_path / "nodes.csv"
    path.write_text("node,lon,lat\nLBY,12.08,32.93\n", encoding="utf-8")  # Zuwara, by the ISO code
    doc = od_doc("2024", "departures")
    doc.od_nodes = read_node_table(path)
    node = node_points(doc.join().flows).set_index("name").geometry["Libya"]  # the figures say "Libya"
    assert (node.x, node.y) == pytest.approx((12.08, 32.93))


def test_the_project_keeps_the_extent_and_the_node_table(tmp_path):
    from geo.project import load_project, save_project

    nodes = tmp_path / "nodes.csv"
    nodes.write_text("node,lon,lat\nLibya,12.08,32.93\n", encoding="utf-8")
    doc = od_doc()
    doc.extent_lonlat = (5.0, 30.0, 16.0, 38.5)
    doc.od_nodes = read_node_table(nodes)
    save_project(doc, tmp_path / "m.crossings.json")
    back = load_project(tmp_path / "m.crossings.json")
    assert back.extent_lonlat == (5.0, 30.0, 16.0, 38.5) and back.od_nodes.points == doc.od_nodes.points


@pytest.mark.parametrize("growth,layouts", [(1.1, 2), (1.4, 1)])
def test_a_refit_that_shrinks_the_scale_much_is_drawn_without_another_check(monkeypatch, growth, layouts):
    """A map whose symbols never clear the check: each refit is checked again (one more layout) while
    it moves the scale a little, and drawn unchecked once it moved it much (symbols in millimetres of
    paper that grow with the frame, never clearing: a check there is a layout for nothing)."""
    import geo.extent_fit as ef
    from gui.layout import PageLayout

    doc = MapDocument.from_files()
    page = Page()
    frame = PageLayout().frame_px(page)
    built, solved = [], []
    real_solve, real_reach = ef.solve, ef.symbol_reach
    monkeypatch.setattr(ef, "clears", lambda *a, **k: False)
    monkeypatch.setattr(ef, "symbol_reach", lambda d, view: built.append(view.units_per_px) or real_reach(d, view))

    def solve(parts, *args, **kwargs):  # each refit from the symbols comes out this much smaller
        cx, cy, u = real_solve(parts, *args, **kwargs)
        solved.append(u * growth ** len(built))
        return cx, cy, solved[-1]

    monkeypatch.setattr(ef, "solve", solve)
    monkeypatch.setattr(ef, "MAX_DRAFT_REFITS", 0)  # the drafts' refits: tested below
    extent = fit_extent(doc, [Panel(frame)], page.dpi)
    assert len(built) == layouts
    assert len(solved) == layouts + 1  # the last refit is the frame drawn, unchecked
    assert (extent[2] - extent[0]) / frame[2] == pytest.approx(solved[-1], rel=1e-9)


@pytest.mark.parametrize("drafts", [True, False])
def test_where_many_branches_meet_the_symbols_are_built_once_and_fit_the_frame(tmp_path, monkeypatch, drafts):
    """200 routes in six groups (the benchmark's synthetic sea routes) meet in lanes of arrowheads,
    each lane a head's width of paper. A frame fitted to the centre lines failed its check (a lane
    under the legend), and each check was a whole layout; fitted first to the drafts' lanes (offsets
    on paper), the symbols are built once, for a frame that holds them with the margin."""
    import geo.document as gd
    import geo.extent_fit as ef
    from bench.many_routes import write_routes
    from gui.layout import furniture_boxes, page_layout

    routes, flows = write_routes(tmp_path, 200, 6)
    builds = []
    real = gd.build_flow_symbols
    monkeypatch.setattr(gd, "build_flow_symbols", lambda *a, **k: builds.append(1) or real(*a, **k))
    if not drafts:  # without them the first check fails: the test's premise
        monkeypatch.setattr(ef, "MAX_DRAFT_REFITS", 0)
    doc = MapDocument.from_files(routes=routes, flows=flows)
    page = Page("A4", "landscape", 150)
    layout = page_layout(doc, page, None)
    frame, boxes = layout.frame_px(page), furniture_boxes(doc, page, layout)
    extent = fit_extent(doc, [Panel(frame, boxes)], page.dpi)
    view = MapView(doc.crs, extent, frame, page.dpi)
    symbols = doc.flow_symbols(view)
    assert len(builds) == (1 if drafts else 2)
    x0, y0, x1, y1 = shapely.total_bounds(symbols.geometry.to_numpy())
    inside_mm = np.array([x0 - extent[0], y0 - extent[1], extent[2] - x1, extent[3] - y1]) / view.mm_to_units(1.0)
    assert inside_mm.min() >= ef.FIT_MARGIN_MM * ef.CHECK_SHARE


def test_a_point_no_scale_can_hold_is_fitted_by_its_anchor():
    """An offset on paper wider than half the frame (a lane of many arrowheads) holds at no scale:
    the fit frames its anchor, and the others as ever, instead of zooming out without end."""
    anchors = np.array([[0.0, 0.0], [1000.0, 0.0], [500.0, 300.0]])
    reach = Reach(anchors, np.array([[0.0, 0.0], [0.0, 0.0], [900.0 / K, 0.0]]), np.zeros(3))
    _, _, u = solve([(reach, ())], (1000.0, 1000.0), K, margin_mm=5.0, gap_mm=0.0)
    assert np.isfinite(u) and 1000.0 / u == pytest.approx(1000.0 - 2 * 5.0 * K, rel=1e-3)
