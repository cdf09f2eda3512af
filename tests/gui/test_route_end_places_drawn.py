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


INLINE_MM = 3.0
"""A name and a figure on one line closer than this read as one label (geo.labels INLINE_GAPS stack gaps)."""


def test_a_towns_name_and_dot_never_stand_in_line_with_a_figure(overview):
    """'Sebha •' stood 2 mm before Libya's '787,326' on the A4 overview, on one line: read as Sebha's
    figure. A town's name set beside its dot (no leader) is one mark with it, and keeps off a figure's line."""
    _doc, view, report = overview
    mm = view.px_per_mm
    dots = {pid: (x, y) for pid, x, y, _r in report.dots}
    tied = {key.split(":", 1)[1] for key, _a, _b in report.leaders if key.startswith("place:")}
    figures = [m for m in report.marks if m.kind in ("value", "total", "place_figure", "place_total")]
    assert figures and dots, "no figures or towns drawn: nothing tested"
    inline = {}
    for pid, text, (x0, y0, x1, y1) in report.place_labels:
        if pid not in dots or pid in tied:
            continue
        dx, _dy = dots[pid]
        for m in figures:  # the name on the figure's line, it or its dot less than INLINE_MM before or after it
            fx0, fy0, fx1, fy1 = m.rect
            level = min(y1, fy1) - max(y0, fy0)
            aside = max(min(x0, dx) - fx1, fx0 - max(x1, dx))
            if level > 0.5 * min(y1 - y0, fy1 - fy0) and 0 <= aside < INLINE_MM * mm:
                inline[text] = m.text.split("\n")[0]
    assert inline == {}, f"a town's name and dot in line with a figure: {inline}"
