"""No leader points at the wrong place (issue 11, item 3): a leader line run through a place's dot reads
as tied to that place. On the A3 overview the '513' (dead and missing on the Algerian route) was tied by
a leader through Boumerdès' dot, in Arabic '≥ 31,404' through Tamanrasset's and the Algerian callout's
through Boumerdès'. A figure tied through a dot moves where it has another place; where it has none the
town is not named, and its dot (drawn only with its name) is not drawn. A name that makes way for a
callout takes its dot with it: on the French A3 Dellys' and Annaba's dots stood alone."""

from __future__ import annotations

import pytest
import shapely
import shapely.ops
from painted import paint

from geo.page import Page

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
def test_no_leader_on_the_a3_overview_runs_over_a_dot_and_no_town_s_dot_stands_unnamed(language, overview, qapp):
    """Every leader drawn (figures', names', callouts') keeps off every dot drawn, beyond its start; every
    town's dot drawn has its name."""
    from geo.place_layout import TOWN_KINDS

    doc = overview(language)
    _image, view, report = paint(doc, Page("A3", "landscape", 300.0))
    mm = view.px_per_mm
    assert len(report.dots) >= 8 and report.leaders
    hits = []
    for key, a, b in report.leaders:
        line = shapely.LineString([a, b])
        rest = shapely.ops.substring(line, min(START_MM * mm, line.length), line.length)
        hits += [(key, pid, round(rest.distance(shapely.Point(x, y)) / mm, 2)) for pid, x, y, r in report.dots
                 if rest.distance(shapely.Point(x, y)) < r + DOT_ROOM_MM * mm]
    assert not hits, hits
    places = doc.layer("places").data
    kinds = dict(zip(places["place_id"].astype(str), places["kind"].astype(str), strict=True))
    named = {pid for pid, _name, _rect in report.place_labels}
    alone = [pid for pid, *_ in report.dots if kinds.get(pid) in TOWN_KINDS and pid not in named]
    assert not alone, alone
