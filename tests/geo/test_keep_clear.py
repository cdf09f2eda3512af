"""Keeping bands clear of the coast and of larger branches: the indexed obstacle, the batch of all
bands at once, and the geometry it makes (measured with shapely, never with the code's own report)."""

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, MultiLineString, Point, Polygon
from shapely.ops import substring

from geo.branches import offset_parallel_branches, separate_parallel_branches
from geo.flow_geometry import line_head
from geo.keep_clear import Obstacle, keep_all_clear, keep_clear_of


def _coast():
    """A jagged 'land' of two parts: a toothed peninsula and an island, with many outline vertices."""
    angles = np.linspace(0, 2 * np.pi, 400, endpoint=False)
    r = 300 + 40 * np.sin(angles * 23)
    island = Polygon(np.column_stack([1500 + r * np.cos(angles), 900 + r * np.sin(angles)]))
    x = np.linspace(0, 1000, 200)
    teeth = np.column_stack([x, 400 + 60 * np.sin(x / 25)])
    peninsula = Polygon(np.vstack([[[0, -200]], teeth, [[1000, -200]]]))
    return shapely.multipolygons([peninsula, island])


@pytest.fixture(params=["tree", "every box"])
def candidates(request, monkeypatch):
    """Both ways of finding the candidate pieces: the tree, and every box in numpy."""
    monkeypatch.setattr("geo.keep_clear.BRUTE_FORCE_PAIRS", 0 if request.param == "tree" else 10**12)
    monkeypatch.setattr("geo.keep_clear.BRUTE_FORCE_PIECES", 0 if request.param == "tree" else 10**12)


def test_the_obstacle_finds_exactly_what_shapely_finds(candidates):
    land = _coast()
    obstacle = Obstacle(land)
    rng = np.random.default_rng(3)
    xy = rng.uniform([-100, -300], [2000, 1400], (3000, 2))
    reach = rng.uniform(20, 200, len(xy))
    hit, dist, nearest, inside = obstacle.near(xy, reach)
    points = shapely.points(xy)
    outline = shapely.boundary(land)
    truth = shapely.distance(points, outline)
    assert set(hit) == set(np.flatnonzero(truth <= reach))
    assert np.allclose(dist, truth[hit], atol=1e-9)
    # the nearest point is on the outline, at that distance
    assert np.allclose(shapely.distance(shapely.points(nearest), outline), 0, atol=1e-9)
    assert np.allclose(np.hypot(*(xy[hit] - nearest).T), dist, atol=1e-9)
    assert (inside == shapely.contains_xy(land, *xy[hit].T)).all()
    assert inside.any() and (~inside).any()


def test_lines_with_radii_are_measured_to_their_edges(candidates):
    lines = [LineString([(0, 0), (1000, 0)]), LineString([(0, 300), (500, 320), (1000, 300)])]
    obstacle = Obstacle(MultiLineString(lines), radii=[40.0, 10.0])
    rng = np.random.default_rng(4)
    xy = rng.uniform([-50, -200], [1050, 500], (2000, 2))
    hit, dist, _, inside = obstacle.near(xy, 100.0)
    edges = [shapely.distance(shapely.points(xy), line) - r for line, r in zip(lines, (40, 10), strict=True)]
    edge = np.minimum(*edges)
    assert set(hit) == set(np.flatnonzero(edge <= 100))
    assert np.allclose(dist, edge[hit], atol=1e-9)
    assert not inside.any()
    # each point measured against the lines its owner may meet alone: owner 0 the first, 1 the second
    owner = np.arange(len(xy)) % 2
    hit, dist, _, _ = obstacle.near(xy, 100.0, only=(owner, obstacle.piece_sets([[0], [1]])))
    own = np.where(owner == 0, edges[0], edges[1])
    assert set(hit) == set(np.flatnonzero(own <= 100))
    assert np.allclose(dist, own[hit], atol=1e-9)


def _lines_along_the_coast(n=12, seed=5):
    rng = np.random.default_rng(seed)
    lines = []
    for _ in range(n):
        y = rng.uniform(430, 560)
        xs = np.sort(rng.uniform(-50, 1100, 5))
        lines.append(LineString(np.column_stack([xs, y + rng.normal(0, 30, 5)])))
    return lines


def test_all_bands_at_once_are_fitted_exactly_as_one_at_a_time():
    """The batch lays the lines end to end; none may feel its neighbour (smoothing window, rounds)."""
    land = Obstacle(_coast())
    lines = _lines_along_the_coast()
    clear = np.linspace(15, 60, len(lines))
    protect = np.full(len(lines), 5.0)  # free almost to the ends: a leaking window would show
    together = keep_all_clear(lines, land, clear, protect)
    alone = [keep_clear_of(ln, land, c, p) for ln, c, p in zip(lines, clear, protect, strict=True)]
    for a, b in zip(together, alone, strict=True):
        assert np.array_equal(shapely.get_coordinates(a), shapely.get_coordinates(b))
    assert any(not a.equals(ln) for a, ln in zip(together, lines, strict=True))  # the test has something to do


def test_skipping_vertices_out_of_reach_changes_nothing(monkeypatch):
    """A vertex is measured again only once it may have moved within reach: exactly the lines that
    measuring every vertex every round gives."""
    import geo.keep_clear as kc

    land = Obstacle(_coast())
    rng = np.random.default_rng(9)
    lines = []
    for _ in range(40):  # zigzags near the teeth and round the island: smoothing moves them a lot
        x = np.linspace(rng.uniform(-50, 300), rng.uniform(700, 1900), 9)
        y = rng.uniform(440, 700) + rng.choice([-1, 1], 9) * rng.uniform(20, 120, 9)
        lines.append(LineString(np.column_stack([x, y])))
    clear, protect = rng.uniform(15, 50, len(lines)), rng.uniform(5, 60, len(lines))
    skipping = keep_all_clear(lines, land, clear, protect)
    monkeypatch.setattr(kc, "MEASURE_ALWAYS", True)
    measuring = keep_all_clear(lines, land, clear, protect)
    for a, b in zip(skipping, measuring, strict=True):
        assert np.array_equal(shapely.get_coordinates(a), shapely.get_coordinates(b))


def test_bands_end_clear_of_the_coast_except_at_their_ends():
    land = _coast()
    lines = [ln for ln in _lines_along_the_coast(30) if not ln.intersects(land)]  # drawn at sea, as sea routes are
    assert len(lines) >= 8
    clear, protect = 40.0, 60.0
    fitted = keep_all_clear(lines, Obstacle(land), [clear] * len(lines), [protect] * len(lines))
    for line in fitted:  # the ends are free to meet the shore: the push starts one protected length in
        middle = substring(line, protect * 1.5, line.length - protect * 1.5)
        dist = shapely.distance(shapely.points(shapely.get_coordinates(middle)), land)
        assert dist.min() >= clear * 0.97, "a band is left on or near the coast"
    before = [shapely.distance(shapely.points(shapely.get_coordinates(
        substring(ln, protect, ln.length - protect))), land).min() for ln in lines]
    assert min(before) < clear * 0.5  # the drawn courses did come close


def test_a_course_drawn_across_land_is_left_where_it_crosses():
    land = _coast()
    line = LineString([(500, 900), (500, 0), (500, -150)])  # from the sea deep into the peninsula
    fitted = keep_clear_of(line, Obstacle(land), 10.0, 20.0)
    pts = shapely.get_coordinates(fitted)
    deep = shapely.distance(shapely.points(pts), shapely.boundary(land)) > 40  # 4 x the clearance
    deep &= shapely.contains_xy(land, *pts.T)
    assert deep.sum() > 5
    assert np.allclose(pts[deep, 0], 500)  # inland vertices stay on the drawn course


def test_a_branch_between_two_larger_ones_clears_both():
    """Where there is room between two larger branches, the smaller one ends clear of both edges."""
    trunk_a = LineString([(0, 0), (2000, 0)])
    trunk_b = LineString([(0, 150), (2000, 150)])
    small = LineString([(0, 20), (700, 30), (1300, 120), (2000, 130)])  # drawn over both in turn
    rows = [type("Row", (), {"value": v, "group": "CMR", "mode": "sea"})() for v in (900, 800, 10)]
    parts = [[trunk_a], [trunk_b], [small]]
    widths, gap, protect = [80.0, 80.0, 20.0], 5.0, 100.0
    separate_parallel_branches(parts, rows, widths, [protect] * 3, gap)
    moved = parts[2][0]
    middle = substring(moved, protect * 1.5, moved.length - protect * 1.5)
    for trunk, w in ((trunk_a, widths[0]), (trunk_b, widths[1])):
        assert substring(small, protect, small.length - protect).distance(trunk) < (w + widths[2]) / 2
        assert middle.distance(trunk) >= (w + widths[2]) / 2 + gap * 0.95
    for before, after in zip((trunk_a, trunk_b), parts[:2], strict=True):  # the larger ones keep their courses
        assert before.hausdorff_distance(after[0]) < 1e-9


def test_a_band_that_cuts_a_cape_goes_back_out_to_sea():
    cape = Point(500, -180).buffer(300)  # a rounded headland reaching 20 units over the course
    line = LineString([(0, 100), (1000, 100)])
    fitted = keep_clear_of(line, Obstacle(cape), 30.0, 100.0)
    assert line.intersects(cape) and not fitted.intersects(cape)
    assert fitted.distance(cape) >= 30 * 0.97
    # in one round, a vertex inside goes out across the coast to the clearance, not short of it
    pts = shapely.get_coordinates(shapely.segmentize(line, 10.0))
    inside = shapely.contains_xy(cape, *pts.T)
    once = shapely.get_coordinates(keep_clear_of(line, Obstacle(cape), 30.0, 100.0, rounds=1))
    assert inside.sum() >= 3 and len(once) == len(pts)
    assert shapely.distance(shapely.points(once[inside]), cape).min() >= 30


def test_line_head_is_substring_in_numpy():
    rng = np.random.default_rng(6)
    for _ in range(500):
        c = np.cumsum(rng.normal(0, 1, (int(rng.integers(2, 25)), 2)), axis=0)
        line = LineString(c)
        length = rng.uniform(0, line.length)
        ours, theirs = shapely.get_coordinates(line_head(line, length)), shapely.get_coordinates(
            substring(line, 0, length))
        assert ours.shape == theirs.shape and np.allclose(ours, theirs, atol=1e-9)
    line = LineString([(0, 0), (4, 0), (10, 0)])
    assert line_head(line, 20).equals(line) and line_head(line, 3).equals(LineString([(0, 0), (3, 0)]))
    on_vertex = shapely.get_coordinates(line_head(line, 4.0))
    assert on_vertex.tolist() == shapely.get_coordinates(substring(line, 0, 4.0)).tolist() == [[0, 0], [4, 0]]


def _old_clusters(lines, groups, spans, at_end):
    """The clustering as first written (every group scanned for every branch), as a reference."""
    out = []
    for group in sorted(set(groups)):
        idx = [i for i, g in enumerate(groups) if g == group and lines[i].length > 0]
        clusters = []
        for i in idx:
            p = np.asarray(lines[i].coords[-1 if at_end else 0])
            for c in clusters:
                q = np.asarray(lines[c[0]].coords[-1 if at_end else 0])
                if np.hypot(*(p - q)) < (spans[i] + spans[c[0]]) / 2:
                    c.append(i)
                    break
            else:
                clusters.append([i])
        out += [c for c in clusters if len(c) > 1]
    return sorted(map(tuple, out))


def test_branch_clusters_are_the_ones_the_group_by_group_scan_finds(monkeypatch):
    import geo.branches as fg

    rng = np.random.default_rng(7)
    ends = rng.uniform(0, 400, (8, 2))
    lines = [LineString([tuple(rng.uniform(-2000, 2000, 2)), tuple(ends[rng.integers(8)] + rng.normal(0, 20, 2))])
             for _ in range(120)]
    groups = [f"G{i % 5}" for i in range(120)]
    spans = list(rng.uniform(20, 80, 120))
    seen = []
    monkeypatch.setattr(fg, "_shift_cluster", lambda out, c, sp, at_end: seen.append((tuple(c), at_end)))
    # the clusters alone: every head taken to overlap every other (which take lanes: tests/geo/test_lanes.py)
    monkeypatch.setattr(fg, "_head", lambda line, span, at_end: Point(0, 0).buffer(1e9))
    offset_parallel_branches(lines, groups, spans)
    for at_end in (True, False):
        ours = sorted(c for c, e in seen if e == at_end)
        assert ours == _old_clusters(lines, groups, spans, at_end)
    assert any(e for _, e in seen)


def test_obstacle_of_passes_through_and_refuses_nothing():
    land = Obstacle(_coast())
    assert Obstacle.of(land) is land and Obstacle.of(None) is None and Obstacle.of(Point(0, 0).buffer(0)) is None


@pytest.mark.parametrize("pieces", [1, 3, 8])
def test_piece_length_changes_nothing(pieces):
    land = _coast()
    xy = np.random.default_rng(8).uniform([-100, -300], [2000, 1400], (500, 2))
    a = Obstacle(land, piece_segments=pieces).near(xy, 150.0)
    b = Obstacle(land).near(xy, 150.0)
    assert all(np.allclose(x, y) for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("make", [
    lambda: _coast(),
    lambda: Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(2, 2), (4, 2), (4, 4), (2, 4)]]),
    lambda: shapely.multipolygons([Point(0, 0).buffer(5), Polygon([(20, 0), (30, 0), (30, 9), (20, 9)],
                                                                    [[(22, 2), (24, 2), (24, 4)]])]),
    lambda: MultiLineString([[(0, 0), (5, 5), (9, 0)], [(20, 0), (21, 1)]]),
    lambda: LineString([(0, 0), (3, 4)]),
    lambda: shapely.geometrycollections([Point(0, 0).buffer(3), LineString([(9, 9), (12, 9)])]),
])
def test_the_outline_read_from_wkb_is_shapely_s(make, monkeypatch):
    import geo.outline
    from geo.outline import outline

    geometry = make()
    if shapely.get_type_id(geometry) != 7:  # read from the WKB itself, not through shapely's copies
        monkeypatch.setattr(geo.outline, "_through_shapely", lambda g: pytest.fail("not read from WKB"))
    shape = outline(geometry)
    parts = shapely.get_parts(geometry)
    if shape.areal:
        rings = shapely.get_rings(parts)
    else:
        rings = parts if np.all(shapely.get_type_id(parts) == 1) else shapely.get_parts(shapely.boundary(geometry))
    assert len(shape.ring_start) == len(rings) + 1
    for n, ring in enumerate(rings):
        ours = shape.coords[shape.ring_start[n]:shape.ring_start[n + 1]]
        assert np.array_equal(ours, shapely.get_coordinates(ring))
    assert shape.areal == bool(np.all(shapely.get_type_id(parts) == 3))


def test_inside_asks_each_part_once_and_right():
    land = _coast()
    obstacle = Obstacle(land)
    xy = np.random.default_rng(10).uniform([-100, -300], [2000, 1400], (4000, 2))
    assert (obstacle.inside(xy) == shapely.contains_xy(land, *xy.T)).all()
    assert set(obstacle._parts) == {0, 1}


def _rows(*values, group="CMR"):
    return [type("Row", (), {"value": v, "group": group, "mode": "sea"})() for v in values]


def test_a_branch_crossing_a_larger_one_is_left_crossing_it():
    """Two branches of one route that cross mid-course stay crossing: pushing the smaller aside there
    cannot part them (its ends lie on either side) and dragged it round the other, round after round."""
    big = LineString([(0, 0), (3000, 0)])
    small = LineString([(1000, -900), (1500, 0), (2000, 900)])  # crosses at about 60 degrees
    parts = [[big], [small]]
    separate_parallel_branches(parts, _rows(10, 4), [100.0, 40.0], [150.0, 150.0], 10.0)
    assert parts[1][0].hausdorff_distance(small) < 1.0
    assert parts[1][0].crosses(big)
    shallow = LineString([(0, -300), (1000, -60), (2000, -10), (3000, -300)])  # closing in at 3 degrees
    parts = [[big], [shallow]]
    separate_parallel_branches(parts, _rows(10, 4), [100.0, 40.0], [150.0, 150.0], 10.0)
    middle = substring(parts[1][0], 0.4, 0.6, normalized=True)
    assert middle.distance(big) >= (100 + 40) / 2 + 10 * 0.95  # one alongside is still set beside it


def test_a_branch_makes_room_for_a_larger_one_pushed_onto_it():
    """Which larger branches a branch must make room for is asked of an index of the drawn courses:
    one that was itself pushed towards this branch, from farther than it could reach as drawn, is
    still found."""
    a = LineString([(0, 0), (3000, 0)])
    b = LineString([(0, 300), (800, 20), (2200, 20), (3000, 300)])  # over a's edge: pushed up to ~y 95
    c = LineString([(600, 400), (1000, 135), (2000, 135), (2400, 400)])  # clear of b as drawn, under it once b moved
    parts = [[a], [b], [c]]
    widths, gap = [100.0, 60.0, 40.0], 10.0
    separate_parallel_branches(parts, _rows(30, 20, 10), widths, [150.0] * 3, gap)
    b_moved, c_moved = parts[1][0], parts[2][0]
    assert b_moved.hausdorff_distance(b) > 60  # b did move towards c
    middle = substring(c_moved, 0.4, 0.6, normalized=True)
    assert middle.distance(b_moved) >= (widths[1] + widths[2]) / 2 + gap * 0.95


def test_branches_fitted_in_steps_are_fitted_as_one_at_a_time():
    """The branches of a step share one call and one obstacle, but each heeds only its own larger
    neighbours: the result is the one-at-a-time fit, branch by branch in order of size. Two routes
    run along each other here, so a branch that heeded the other route's bands would move."""
    from geo.branches import BRANCH_ROUNDS, BRANCH_SPACING, branch_neighbours

    rng = np.random.default_rng(3)
    parts, rows = [], []
    for n in range(14):
        y = rng.uniform(-150, 150)
        parts.append([LineString([(0, y + 400), (700, y), (1500, y + rng.uniform(-40, 40)), (2300, y),
                                  (3000, y - 400)])])
        rows.append(type("Row", (), {"value": 1000 - n, "group": "CMR" if n % 2 else "WMR", "mode": "sea"})())
    widths = list(rng.uniform(20, 90, 14))
    protects, gap = [150.0] * 14, 10.0
    expected, drawn = [list(p) for p in parts], [p[0] for p in parts]
    rank = np.arange(14)
    near = branch_neighbours(expected, rows, rank, widths, protects, gap)
    assert any(near) and max(len(n) for n in near) > 2
    for i in range(14):  # the reference: each branch alone against an obstacle of its neighbours' courses
        if near[i]:
            lines = [line for j in near[i] for line in shapely.simplify(expected[j], gap / 20, preserve_topology=False)]
            radii = [widths[j] / 2 for j in near[i] for _ in expected[j]]
            others = Obstacle(shapely.multilinestrings(lines), radii)
            expected[i] = [keep_clear_of(p, others, widths[i] / 2 + gap, protects[i], BRANCH_ROUNDS, BRANCH_SPACING)
                           for p in expected[i]]
    separate_parallel_branches(parts, rows, widths, protects, gap)
    assert sum(want[0].hausdorff_distance(d) > 5 for want, d in zip(expected, drawn, strict=True)) >= 6
    for got, want in zip(parts, expected, strict=True):
        assert got[0].hausdorff_distance(want[0]) < 1e-9
