"""No leader points at the wrong place (issue 11, item 3): a leader line run through a place's dot reads
as tied to that place. On the A3 overview the '513' (dead and missing on the Algerian route) was tied by
a leader through Boumerdès' dot, and in Arabic the Algerian callout's leader ran through it; the
callout's own dot stood between the route's two circles and read as a third."""

from __future__ import annotations

import pytest
import shapely
import shapely.ops
from painted import paint

from geo.callout_layout import ANCHOR_DOT_MM
from geo.page import Page
from geo.place_figure_layout import circle_shapes

DOT_ROOM_MM = 0.3
"""How far beyond a dot a leader keeps (gui.place_labels.MARKER_CLEARANCE_MM)."""
START_MM = 1.2
"""A leader's first stretch, over what it starts on (a circle's rim, its route's band), is not asked."""


@pytest.fixture(scope="module")
def overview():
    from geo import paths
    from geo.project import load_project

    def load(language: str):
        doc = load_project(paths.data_path() / "projects" / "q4_2024_overview.crossings.json")
        doc.label_language = language
        return doc
    return load


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_no_leader_on_the_a3_overview_runs_over_a_place_s_dot(language, overview, qapp):
    """Every leader drawn (figures', names', callouts') keeps off every dot drawn, beyond its start."""
    _image, view, report = paint(overview(language), Page("A3", "landscape", 300.0))
    mm = view.px_per_mm
    assert len(report.dots) > 10 and report.leaders
    hits = []
    for key, a, b in report.leaders:
        line = shapely.LineString([a, b])
        rest = shapely.ops.substring(line, min(START_MM * mm, line.length), line.length)
        hits += [(key, pid, round(rest.distance(shapely.Point(x, y)) / mm, 2)) for pid, x, y, r in report.dots
                 if rest.distance(shapely.Point(x, y)) < r + DOT_ROOM_MM * mm]
    assert not hits, hits


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_callout_tied_to_a_route_has_its_dot_off_the_route_s_circles(language, overview, qapp):
    """The Algerian note is tied to the Algeria–Balearic route, whose dead and missing and rescues
    circles stand at its middle too: its dot is set along the route clear of them, and no callout's dot
    touches a circle."""
    _image, view, report = paint(overview(language), Page("A3", "landscape", 300.0))
    mm = view.px_per_mm
    circles = circle_shapes(report.place_circles, view)
    assert len(circles) > 5 and len(report.callouts) == 3
    for c in report.callouts:
        dot = shapely.Point(c.anchor).buffer(ANCHOR_DOT_MM * mm)
        assert not any(dot.intersects(circle) for circle in circles), c.key
