"""The ground a halo paints under a text: its glyphs, filled, grown by the halo's width.

Stroking the glyph outlines (Qt's QPainterPathStroker) gave the same ground as a band either side of
every contour, overlapping itself at every turn: "Balearic Islands" was 2,800 path elements, a
self-overlapping winding path that took 7 ms to fill at 300 dpi, and the halos were two thirds of a
map's PDF content (1 MB of its 1.66 MB). The grown glyphs are one clean polygon of a few hundred
vertices, filled in well under a millisecond. Inside the letters the two differ (the stroke leaves a
counter wider than the halo unpainted): the text covers that.
"""

from __future__ import annotations

import numpy as np
import shapely

HALO_QUAD_SEGS = 4
"""Segments per quarter circle of a halo's rounded corners: at a 2 mm halo on a 300 dpi page the
chord leaves the arc by 0.1 px."""
HALO_TOLERANCE_PX = 0.1
"""How far the simplified halo may leave the exact one, in device pixels: invisible at any dpi."""


def halo_polygon(rings: list[np.ndarray], halo_px: float):
    """The glyphs (closed rings of (x, y) device pixels, in any orientation; counters included, as
    filled) grown by ``halo_px``: one polygon or multipolygon, simplified."""
    shapes = [shapely.Polygon(r) for r in rings if len(r) >= 3]
    if not shapes or halo_px <= 0:
        return shapely.Polygon()
    # a glyph's contour can cross itself where an italic's strokes meet: made valid, not dropped
    filled = shapely.union_all(shapely.make_valid(np.array(shapes, dtype=object)))
    # grown by the tolerance more, so the simplified outline never falls inside the halo's width
    grown = shapely.buffer(filled, halo_px + HALO_TOLERANCE_PX, quad_segs=HALO_QUAD_SEGS)
    return shapely.simplify(grown, HALO_TOLERANCE_PX)
