"""A total of several drawn routes ('Italy 16,166', 'Ceuta and Melilla 2,647 (b)') names the place they
arrive at. Tied by a leader to one branch's arrowhead, Italy's read as the Libya arrow's figure and Ceuta
and Melilla's as Ceuta's: where there is room near their ends it stands there with no leader, nearer its
own routes than any other, and not stacked on another figure (geo.figure_layout.untied_near). Measured on
the maps drawn at 300 dpi, from the page's symbols and the pixels of the total's box."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from drawn_maps import ARRIVALS, MM
from shapely.ops import nearest_points

from geo.figure_layout import UNTIED_TOTAL_REACH_MM, descends
from geo.map_marks import total_key
from geo.placed_marks import FIGURE_KEY, TOTAL

UNTIED = [*ARRIVALS, "2024-change", "a3-portrait", "arabic"]


def route_parents(doc) -> dict[str, str]:
    """Each route's parent ('' for none), as geo.figure_layout.descends reads it."""
    routes = doc.layer("routes").data
    return dict(zip(routes["route_id"], routes["parent"].fillna(""), strict=True))


def several_routes_totals(d) -> list[tuple[object, set[str]]]:
    """The totals set as text on the map of ``d`` whose parent has two or more drawn branches, with them."""
    parents = route_parents(d.doc)
    out = []
    for t in d.doc.join().totals:
        own = {rid for rid in d.symbols if descends(rid, t.route_id, parents)}
        marks = [m for m in d.report.marks if m.key == total_key(t.route_id) and m.kind == TOTAL]
        if t.country is None and len(own) > 1 and marks:
            out.append((marks[0], own))
    return out


def leader_ink(d, box: shapely.Polygon, own: dict) -> float:
    """The share of dark grey pixels on the straight line from the total's box to the nearest of its
    routes' symbols, the middle half of it: a leader is drawn there, when there is one."""
    target = min(own.values(), key=box.distance)
    a, b = nearest_points(box, target)
    pts = np.linspace([a.x, a.y], [b.x, b.y], 40)[10:30]
    if np.hypot(b.x - a.x, b.y - a.y) < 1.0 * MM:  # nothing between them for a leader to be seen on
        return 0.0
    rgb = d.rgb[np.round(pts[:, 1]).astype(int), np.round(pts[:, 0]).astype(int)].astype(int)
    grey = (rgb.max(axis=1) < 140) & (rgb.max(axis=1) - rgb.min(axis=1) < 25)
    return float(grey.mean())


@pytest.mark.parametrize("name", UNTIED)
def test_a_total_of_several_routes_is_tied_to_none_of_them(drawn, name):
    d = drawn(name)
    totals = several_routes_totals(d)
    assert totals, "no total of several drawn routes set on the map: nothing tested"
    for mark, own in totals:
        box = shapely.box(*mark.rect)
        x0, y0, x1, y1 = (round(v) for v in mark.rect)
        assert (d.rgb[y0:y1, x0:x1].max(axis=2) < 90).sum() > 30, f"{mark.text!r}: no letters drawn in its box"
        mine = {r: d.symbols[r] for r in own}
        ink = leader_ink(d, box, mine)
        assert ink < 0.5, f"{mark.text!r} is tied by a leader to one of its routes ({ink:.0%} of the way inked)"
        near = min(box.distance(g) for g in mine.values()) / MM
        assert near <= UNTIED_TOTAL_REACH_MM + 1.0, f"{mark.text!r} stands {near:.1f} mm from its routes"
        others = [box.distance(g) for r, g in d.symbols.items() if r not in own]
        assert not others or near * MM < min(others), f"{mark.text!r} stands nearer another route than its own"


def test_a_total_s_number_keeps_its_leader(drawn):
    """A total numbered for want of room keeps the leader to its branch's tip: untied, Ceuta and Melilla's
    (1) on the 2024 change map stood over Andalusia and read as a point in Spain."""
    d = drawn("2024-change")
    several = {total_key(t.route_id) for t in d.doc.join().totals if t.country is None}
    discs = [m for m in d.report.marks if m.kind == FIGURE_KEY and m.key in several]
    assert discs, "no total numbered on the map: nothing tested"
    parents = route_parents(d.doc)
    for disc in discs:
        parent = disc.key.split(":", 1)[1]
        own = {r: g for r, g in d.symbols.items() if descends(r, parent, parents)}
        assert leader_ink(d, shapely.box(*disc.rect), own) > 0.5, f"({disc.text}) of {parent} stands untied"


def test_on_the_small_multiples_an_untied_total_is_nearer_its_routes_than_any_other(small_multiples):
    """On the 2023 panel 'Ceuta and Melilla 1,234 (b)', untied over Andalusia, stood nearer the Almería arrow
    than the enclaves' and read as part of its figure: untied, a total is nearer its own routes than any
    other route's symbol, or keeps its leader (geo.figure_layout._untied_nearer)."""
    doc, _images, views, reports = small_multiples
    parents = route_parents(doc)
    untied = 0
    for period, report, view in zip(("2023", "2024"), reports, views, strict=True):
        doc.select(period, "arrivals")
        several = {total_key(t.route_id) for t in doc.join().totals if t.country is None}  # a country's: over it
        symbols = {r.route_id: shapely.transform(r.geometry, view.to_px) for r in report.symbols.itertuples()}
        for mark in (m for m in report.marks if m.kind == TOTAL and m.leader is None and m.key in several):
            own = {r for r in symbols if descends(r, mark.key.split(":", 1)[1], parents)}
            if len(own) < 2:
                continue
            untied += 1
            box = shapely.box(*mark.rect)
            mine = min(box.distance(symbols[r]) for r in own)
            others = [box.distance(g) for r, g in symbols.items() if r not in own]
            assert not others or mine < min(others), f"{mark.text!r} stands nearer another route than its own"
    assert untied, "no untied total of several routes on the panels: nothing tested"
