"""Many branches of one route at one place (issue 15): lanes of arrowheads and pushes apart are
bounded where there is no room, so a crowded map is drawn in time and its bands stay by their
courses. Measured on the lines made, with shapely."""

import numpy as np
from shapely.geometry import LineString
from shapely.ops import substring

from geo.branches import MAX_LANES, MAX_NEIGHBOURS, offset_parallel_branches, separate_parallel_branches


def test_at_most_max_lanes_branches_are_set_side_by_side_the_widest():
    """Twelve branches reach one place: the eight widest take lanes, an arrowhead's span each; the
    four narrowest arrive on their own courses. Lanes for all eighty of a crowded map ran 300 mm
    across the page."""
    n = MAX_LANES + 4
    angles = np.linspace(-0.8, 0.8, n)
    lines = [LineString([(-3000 * np.cos(a), -3000 * np.sin(a)), (0.0, 0.0)]) for a in angles]
    spans = [40.0 + 5 * k for k in range(n)]  # the last eight are the widest
    out = offset_parallel_branches(lines, ["CMR"] * n, spans)
    for k in range(4):  # the narrowest keep their ends
        assert out[k].coords[-1] == lines[k].coords[-1]
    ends = np.array([out[k].coords[-1] for k in range(4, n)])
    for a in range(len(ends)):  # the widest in lanes, side by side
        for b in range(a + 1, len(ends)):
            assert np.hypot(*(ends[a] - ends[b])) >= (spans[4 + a] + spans[4 + b]) / 2 * 0.99
    assert np.ptp(ends, axis=0).max() <= sum(spans[4:])  # the bundle is the lanes' width, no wider


def _rows(values):
    return [type("Row", (), {"value": v, "group": "CMR", "mode": "sea"})() for v in values]


def _corridor(n: int, rng) -> list[list[LineString]]:
    """``n`` branches drawn along one course, a few units apart."""
    return [[LineString([(0, 400 + d), (700, d), (2300, d), (3000, 400 + d)])] for d in rng.uniform(-5, 5, n)]


def test_a_branch_crowded_by_more_larger_ones_than_there_is_room_for_keeps_its_course():
    """In a corridor of MAX_NEIGHBOURS + 3 branches the smallest, overlapped at its middle by more
    larger ones than it can make room for, is left on its course; in a corridor of three it is set
    beside the others as ever."""
    rng = np.random.default_rng(5)
    widths, gap = 40.0, 10.0
    for n, keeps in ((MAX_NEIGHBOURS + 3, True), (3, False)):
        parts = _corridor(n, rng)
        drawn = parts[-1][0]
        separate_parallel_branches(parts, _rows(list(range(n, 0, -1))), [widths] * n, [150.0] * n, gap)
        middle = substring(parts[-1][0], 0.4, 0.6, normalized=True)
        if keeps:
            assert parts[-1][0].hausdorff_distance(drawn) < 1e-9
        else:
            assert middle.distance(parts[0][0]) >= widths + gap * 0.95


def test_lanes_at_one_place_are_no_wider_together_than_the_bundle_allows():
    """Six wide branches reach one place and the lanes may be 200 wide: the widest that fit take
    them (three of 60, 65 and 70) and the others keep their ends. Eight heads of the widest bands
    side by side were 108 mm, arrows ending 300 km from their place."""
    n = 6
    angles = np.linspace(-0.6, 0.6, n)
    lines = [LineString([(-3000 * np.cos(a), -3000 * np.sin(a)), (0.0, 0.0)]) for a in angles]
    spans = [50.0, 55.0, 60.0, 65.0, 70.0, 45.0]
    out = offset_parallel_branches(lines, ["CMR"] * n, spans, max_bundle=200.0)
    kept = [k for k in range(n) if out[k].coords[-1] == lines[k].coords[-1]]
    assert set(kept) >= {0, 1, 5}  # the narrowest keep their ends
    laned = [2, 3, 4]
    ends = np.array([out[k].coords[-1] for k in laned])
    assert np.ptp(ends, axis=0).max() <= 200.0
    assert min(np.hypot(*(ends[a] - ends[b])) for a in range(3) for b in range(a + 1, 3)) >= 60.0 * 0.99


def _reference_neighbours(parts_of, rows, rank, widths, protects, gap):
    """Each branch's neighbours by the definition: every larger branch of its route within reach of its
    middle measured (``_larger_near`` asked of all), then the nearest of them (``_nearest_branches``)."""
    from geo.branches import _larger_near, _nearest_branches

    near = [[] for _ in rows]
    members = {}
    for i, row in enumerate(rows):
        members.setdefault((row.group, row.mode), []).append(i)
    for idx in members.values():
        if len(idx) > 1:
            for i, larger in _larger_near(parts_of, idx, rank, widths, protects, gap).items():
                near[i] = _nearest_branches(parts_of, i, larger, widths, gap)
    return near


def test_crowded_branches_found_from_their_middles_are_the_ones_every_candidate_finds():
    """``branch_neighbours`` finds the branches more than MAX_NEIGHBOURS overlap at their middle from
    their middles alone, then measures only the others' whole bands: on a fan of 150 branches in two
    routes (some crowded, some with a few neighbours, some too short to move, some of two parts: a long
    one apart and a short one in the crowd) it finds
    exactly what measuring every candidate finds."""
    from geo.branches import branch_neighbours

    rng = np.random.default_rng(11)
    parts_of, rows = [], []
    for n in range(150):
        y0, y1 = rng.uniform(-600, 600, 2) * (0.2 if n % 3 else 1.0)  # a third spread, the rest in a corridor
        line = LineString([(0, y0), (1500, (y0 + y1) / 2 + rng.normal(0, 40)), (3000, y1)])
        # every 17th: two parts, a long one apart from the fan and a short one (nothing to move) in it
        parts = [line] if n % 17 else [LineString([(0, 3000 + n), (3000, 3000 + n)]),
                                       LineString([(1400, y0 * 0.2), (1600, y0 * 0.2)])]
        parts_of.append(parts if n % 23 else [LineString([(0, y0), (200, y0)])])
        rows.append(type("Row", (), {"value": 1000 - n, "group": "CMR" if n % 4 else "WMR", "mode": "sea"})())
    widths, protects, gap = list(rng.uniform(15, 60, 150)), [150.0] * 150, 10.0
    rank = np.arange(150)
    got = branch_neighbours(parts_of, rows, rank, widths, protects, gap)
    want = _reference_neighbours(parts_of, rows, rank, widths, protects, gap)
    assert got == want
    assert sum(1 for k in want if not k) > 20 and sum(1 for k in want if len(k) == MAX_NEIGHBOURS) > 10
    assert any(0 < len(k) < MAX_NEIGHBOURS for k in want)
