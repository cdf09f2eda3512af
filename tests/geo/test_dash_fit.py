"""Dashes fitted to an outline's corners (geo.dash_fit): every corner turned by one dash, the pattern's
share of the outline kept, whatever the run's length."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from geo.dash_fit import corner_runs, fitted_dashes, outline_dashes

DASH, GAP = 1.35, 0.675


def test_a_square_has_four_runs_corner_to_corner():
    ring = np.asarray(shapely.box(0, 0, 10, 4).exterior.coords)
    runs = corner_runs(ring)
    assert len(runs) == 4
    assert sorted(round(shapely.LineString(r).length, 6) for r in runs) == [4, 4, 10, 10]


def test_a_circle_has_no_corner_and_its_dashes_close_on_themselves():
    circle = shapely.Point(0, 0).buffer(5, quad_segs=32)
    assert len(corner_runs(np.asarray(circle.exterior.coords))) == 1
    dashes = outline_dashes(circle, DASH, GAP)
    assert dashes.length / circle.exterior.length == pytest.approx(DASH / (DASH + GAP), rel=0.02)


@pytest.mark.parametrize("length", [0.4, 1.0, 2.9, 3.1, 10.0, 37.3])
def test_a_run_starts_and_ends_half_way_through_a_dash(length):
    dashes = fitted_dashes(np.array([[0.0, 0.0], [length, 0.0]]), DASH, GAP)
    starts = [d[0][0] for d in dashes]
    ends = [d[-1][0] for d in dashes]
    assert starts[0] == 0 and ends[-1] == pytest.approx(length)
    halves = ends[0] - starts[0], ends[-1] - starts[-1]
    assert halves[0] == pytest.approx(halves[1])
    inner = [e - s for s, e in zip(starts[1:-1], ends[1:-1], strict=True)]
    assert all(v == pytest.approx(2 * halves[0]) for v in inner)  # whole dashes between the two halves
    assert sum(e - s for s, e in zip(starts, ends, strict=True)) / length == pytest.approx(DASH / (DASH + GAP))
    assert 2 * halves[0] >= DASH * 0.66 or length < DASH + GAP  # stretched or shrunk by a third at most


def test_every_corner_of_an_arrow_is_inside_a_dash():
    from geo.flow_geometry import flow_symbol

    arrow = flow_symbol(shapely.LineString([(0, 0), (10, 2), (20, 10), (30, 30)]), 3.0, 6.0, 5.0)
    dashes = outline_dashes(arrow, DASH, GAP)
    corners = [np.asarray(r[0]) for r in corner_runs(np.asarray(arrow.exterior.coords))]
    assert len(corners) == 7  # the tail's two, the head's two base corners and its tip, where band meets head
    for c in corners:
        assert dashes.distance(shapely.Point(c)) < 1e-9
