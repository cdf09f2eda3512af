"""Force-directed OD layout: the design principles of Jenny et al. (2018), checked as geometry."""

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, Point

from geo.flow_layout import LayoutSettings, bezier, layout_flows


def curves(starts, ctrl, ends, n=64):
    return [LineString(c) for c in bezier(np.asarray(starts, float), ctrl, np.asarray(ends, float), n)]


def test_two_way_flows_bend_apart_and_stay_symmetric():
    a, b = [0.0, 0.0], [1000.0, 0.0]
    starts, ends = np.array([a, b]), np.array([b, a])
    ctrl = layout_flows(starts, ends, np.array([30.0, 30.0]), np.array([a, b]), np.array([10.0, 10.0]))
    there, back = curves(starts, ctrl, ends)
    middle = [shapely.ops.substring(ln, 0.2, 0.8, normalized=True) for ln in (there, back)]
    assert middle[0].distance(middle[1]) > 2 * 30  # apart by more than both widths
    assert ctrl[0][1] * ctrl[1][1] < 0  # on opposite sides of the straight line
    for c in ctrl:  # symmetric: the control point stays near the perpendicular bisector
        assert abs(c[0] - 500) < 60


def test_longer_flows_bend_more_in_absolute_terms():
    starts = np.array([[0.0, 0.0], [0.0, 5000.0]])
    ends = np.array([[400.0, 0.0], [2000.0, 5000.0]])
    ctrl = layout_flows(starts, ends, np.array([10.0, 10.0]), np.vstack([starts, ends]), np.full(4, 5.0))
    offsets = [abs(ctrl[0][1] - 0.0), abs(ctrl[1][1] - 5000.0)]
    assert offsets[1] > 3 * offsets[0]


def test_a_flow_does_not_pass_under_a_node_it_does_not_connect():
    a, b, c = [0.0, 0.0], [1000.0, 0.0], [500.0, 92.0]  # c sits where a bent A->B would run
    nodes = np.array([a, b, c])
    plain = layout_flows(np.array([a]), np.array([b]), np.array([40.0]), nodes[:2], np.array([20.0, 20.0]),
                         LayoutSettings(iterations=1))
    assert curves([a], plain, [b])[0].distance(Point(c)) < 10  # without the node it would run over c
    ctrl = layout_flows(np.array([a]), np.array([b]), np.array([40.0]), nodes, np.array([20.0, 20.0, 30.0]))
    assert curves([a], ctrl, [b])[0].distance(Point(c)) > 30 + 20  # node radius plus half the width


def test_flows_sharing_a_node_spread_out():
    hub = [0.0, 0.0]
    ends = np.array([[1000.0, 10.0], [1000.0, -10.0], [1000.0, 0.0]])
    starts = np.array([hub] * 3)
    ctrl = layout_flows(starts, ends, np.full(3, 25.0), np.vstack([[hub], ends]), np.full(4, 10.0))
    angles = np.degrees(np.arctan2(ctrl[:, 1], ctrl[:, 0]))
    assert np.min(np.diff(np.sort(angles))) >= LayoutSettings().min_angle_deg * 0.5
    lines = curves(starts, ctrl, ends)
    middle = [shapely.ops.substring(ln, 0.3, 0.7, normalized=True) for ln in lines]
    assert all(m1.distance(m2) > 20 for i, m1 in enumerate(middle) for m2 in middle[i + 1:])


def test_cancel_stops_early_and_progress_reaches_one():
    seen = []
    layout_flows(np.array([[0.0, 0.0]]), np.array([[10.0, 0.0]]), np.array([1.0]), np.empty((0, 2)), np.empty(0),
                 progress=seen.append)
    assert seen[-1] == 1.0
    calls = []
    layout_flows(np.array([[0.0, 0.0]]), np.array([[10.0, 0.0]]), np.array([1.0]), np.empty((0, 2)), np.empty(0),
                 progress=calls.append, is_cancelled=lambda: len(calls) >= 3)
    assert len(calls) == 3
