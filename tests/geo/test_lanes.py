"""Lanes of arrowheads (geo.branches.offset_parallel_branches): branches of one group whose heads would
overlap at a shared end are set side by side, each moved from where it ends only as far as its lane
needs; heads already clear of each other keep their courses. Measured on the lines made."""

import numpy as np
import pytest
from shapely.geometry import LineString

from geo.branches import lane_positions, offset_parallel_branches


def test_branches_at_one_place_spread_evenly_about_it():
    """Three heads ending at one point: lanes a span apart, centred on the point."""
    out = lane_positions(np.zeros(3), np.array([10.0, 10.0]))
    assert out == pytest.approx([-10.0, 0.0, 10.0])


def test_ends_far_enough_apart_keep_their_places_and_near_ones_move_apart_only_as_needed():
    assert lane_positions(np.array([0.0, 25.0]), np.array([10.0])) == pytest.approx([0.0, 25.0])
    assert lane_positions(np.array([0.0, 6.0]), np.array([10.0])) == pytest.approx([-2.0, 8.0])
    # the first two too near each other move apart about their middle; the third is clear of them
    assert lane_positions(np.array([0.0, 1.0, 30.0]), np.array([10.0, 10.0])) == pytest.approx([-4.5, 5.5, 30.0])


def test_a_head_well_ahead_of_another_keeps_its_course():
    """In the 2023 small multiples Libya's head (at Sicily) and Tunisia's (at Lampedusa) ended within a
    lane of each other, but one well ahead of the other: clear already. A lane bent the Libya arrow
    through 60° before its head."""
    tunisia = LineString([(-3000.0, -1500.0), (0.0, 0.0)])  # heading east-north-east
    libya = LineString([(100.0, -3000.0), (100.0, 350.0)])  # heading north, ending ahead and aside
    spans = [500.0, 300.0]  # heads 500 and 300 across: their ends lie within the mean span (400) apart
    assert np.hypot(100.0, 350.0) < sum(spans) / 2
    out = offset_parallel_branches([tunisia, libya], ["CMR", "CMR"], spans)
    assert list(out[0].coords) == list(tunisia.coords)
    assert list(out[1].coords) == list(libya.coords)


def test_heads_that_overlap_are_set_side_by_side():
    """Two heads ending at one place overlap: set a lane apart (the mean of their spans)."""
    a = LineString([(-3000.0, -300.0), (0.0, 0.0)])
    b = LineString([(-3000.0, 300.0), (0.0, 0.0)])
    out = offset_parallel_branches([a, b], ["CMR", "CMR"], [200.0, 200.0])
    ends = np.array([out[0].coords[-1], out[1].coords[-1]])
    assert np.hypot(*(ends[0] - ends[1])) == pytest.approx(200.0, rel=0.02)
