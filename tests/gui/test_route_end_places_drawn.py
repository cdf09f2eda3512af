"""A route's own end is the place named at its arrow: of two towns whose dots would touch, the one the
route ends at (or starts from) keeps its dot and name (geo.place_layout.route_end_places). On the A4
overview the expulsions from Algeria ended at a dot named 'In Guezzam', Algeria's border post, and
Assamaka, in Niger, where the update says people are expelled to, was left off: the arrow read as
ending in Algeria."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from painted import paint

from geo import paths
from geo.page import Page
from geo.project import load_project

OVERVIEW = paths.data_path() / "projects" / "q4_2024_overview.crossings.json"


@pytest.fixture(scope="module", params=[("A4", 150.0), ("A3", 100.0)])
def overview(qapp, request):
    doc = load_project(OVERVIEW)
    paper, dpi = request.param
    _image, view, report = paint(doc, Page(paper, "landscape", dpi))
    return doc, view, report


def test_the_place_named_at_a_routes_end_is_the_one_it_ends_at(overview):
    doc, view, report = overview
    places = doc.projected(doc.layer("places")).set_index("place_id")
    xy = dict(zip(places.index, view.to_px(shapely.get_coordinates(places.geometry.to_numpy())), strict=True))
    named = {pid for pid, _text, _rect in report.place_labels}
    dotted = {pid for pid, *_ in report.dots}
    towns = [pid for pid, kind in places["kind"].items() if kind in ("port", "city", "border_post", "enclave")]
    owns = set()
    for ex, ey in view.to_px(doc.route_ends()):
        d = {pid: float(np.hypot(*(xy[pid] - (ex, ey)))) for pid in towns}
        if min(d.values()) <= 5 * view.px_per_mm:
            owns.add(min(d, key=d.get))
    wrong = {}
    for own in owns - dotted:
        # a neighbour within two dots' width of a route's own end, and no route's own end itself (Melilla
        # beside Nador, where its land route starts), took the dot or the name
        beside = [pid for pid in towns if pid != own and np.hypot(*(xy[pid] - xy[own])) < 1.2 * view.px_per_mm]
        taken = [pid for pid in beside if (pid in named or pid in dotted) and pid not in owns]
        if taken:
            wrong[own] = taken
    assert wrong == {}, f"a neighbour named at a route's end instead of the place it ends at: {wrong}"
    assert "assamaka" in owns, "the expulsions' end is no town's: nothing tested"
