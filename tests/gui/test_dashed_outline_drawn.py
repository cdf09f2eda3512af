"""A figure inside another one shown is outlined with dashes (the Algeria–Balearic ~6,000 inside the
14,431 sea arrivals). Stroked with one dash pattern round the whole outline, its arrowhead had a gap at
one base corner and an 'L' at the other and read lopsided at 100 %. Every corner of the outline, the
tip among them, is now turned by a dash: measured in the drawn pixels at each corner of the symbol."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from painted import paint, pixels

from geo.map_marks import OUTLINE_DASH, OUTLINE_MM, symbol_paint
from geo.page import Page

CORNER_DEG = 40.0
SIDE_MM, SIDE_SHARE = 0.3, 0.2
"""How far along the outline from a corner it must be inked on either side: this far, or this share of
the run to the next corner where that is shorter (a dash turning a corner reaches at least half a dash,
some 0.45 mm, or a third of a short run, each way)."""
STROKE_TOLERANCE = 60.0
"""Largest distance (RGB) from the outline's colour of the darkest pixel near a corner the dash turns
(antialiasing mixes the 0.45 mm stroke's edge with the sea)."""


def corners(polygon) -> np.ndarray:
    """The vertices of ``polygon``'s outline where it turns by more than CORNER_DEG."""
    pts = np.asarray(polygon.exterior.coords)[:-1]
    into, out = pts - np.roll(pts, 1, axis=0), np.roll(pts, -1, axis=0) - pts
    cross = into[:, 0] * out[:, 1] - into[:, 1] * out[:, 0]
    turn = np.degrees(np.abs(np.arctan2(cross, (into * out).sum(axis=1))))
    return pts[turn > CORNER_DEG]


MAPS = {"2024 arrivals, A4 300 dpi": (None, 300.0), "2024 arrivals, A4 150 dpi": (None, 150.0),
        "A3 overview, 300 dpi": ("data/projects/q4_2024_overview.crossings.json", 300.0)}


@pytest.fixture(scope="module", params=list(MAPS))
def drawn(request, qapp, bundled_doc_factory):
    from geo.project import load_project

    project, dpi = MAPS[request.param]
    if project:
        doc = load_project(project)
        page = Page(doc.page.paper, doc.page.orientation, dpi)
    else:
        doc = bundled_doc_factory()
        doc.select("2024", "arrivals")
        page = Page("A4", "landscape", dpi)
    image, view, _report = paint(doc, page)
    symbols = doc.flow_symbols(view)
    hollow = symbols[~symbols["filled"].astype(bool)]
    assert len(hollow), "no outlined figure on the map"
    return doc, pixels(image).astype(float), view, hollow


def _stroke(doc, row) -> np.ndarray:
    colour = symbol_paint(doc, row.route_id, row.group, row.symbol, False).stroke
    return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)], float)


def _nearest_to(px: np.ndarray, x: float, y: float, r: int, colour: np.ndarray) -> float:
    patch = px[int(y) - r:int(y) + r + 1, int(x) - r:int(x) + r + 1, :3]
    return float(np.sqrt(((patch - colour) ** 2).sum(axis=2)).min())


def test_every_corner_of_an_outlined_figure_is_turned_by_a_dash(drawn):
    """At each corner, the outline is inked on both sides of it: a dash runs round the corner, not up to
    it (a dash ending at the base corner and a gap beyond read as a notch)."""
    doc, px, view, hollow = drawn
    for row in hollow.itertuples():
        polygon = shapely.transform(row.geometry, view.to_px)
        ring, colour = polygon.exterior, _stroke(doc, row)
        found = corners(polygon)
        assert len(found) >= 5, len(found)  # the tail's two, the head's base two and its tip at least
        at = np.sort([ring.project(shapely.Point(p)) for p in found])
        runs = np.diff(np.r_[at, at[0] + ring.length])  # from each corner to the next
        missed = []
        for k, position in enumerate(at):
            for side, run in ((-1, runs[k - 1]), (1, runs[k])):
                step = min(SIDE_MM * view.px_per_mm, SIDE_SHARE * run)
                x, y = shapely.get_coordinates(ring.interpolate((position + side * step) % ring.length))[0]
                if _nearest_to(px, x, y, 0, colour) > STROKE_TOLERANCE:
                    missed.append((round(x), round(y)))
        assert not missed, f"{row.route_id}: beside a corner, a gap of the dashes at {missed}"


def test_the_outline_is_still_dashed_at_its_pattern(drawn):
    """Fitted, the dashes keep the pattern's share of the outline: not drawn solid, not thinned out."""
    doc, px, view, hollow = drawn
    for row in hollow.itertuples():
        ring = shapely.transform(row.geometry, view.to_px).exterior
        at = shapely.line_interpolate_point(ring, np.arange(0, ring.length, 0.5))
        xy = shapely.get_coordinates(at)
        colour = _stroke(doc, row)
        inked = np.sqrt(((px[xy[:, 1].astype(int), xy[:, 0].astype(int), :3] - colour) ** 2).sum(axis=1)) <= 90
        dash, gap = (d * OUTLINE_MM for d in OUTLINE_DASH)
        share = (dash + OUTLINE_MM) / (dash + gap)  # a round cap adds half the pen's width at each end
        assert inked.mean() == pytest.approx(share, abs=0.12), (row.route_id, inked.mean(), share)
        assert inked.mean() < 0.95
