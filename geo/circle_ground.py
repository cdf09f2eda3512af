"""The ground a see-through circle is drawn over where it lies on a flow.

A circle layer's figure for a route stands on the route (geo.place_figures: mid-route, or near the
coast people are taken back to), so on a map that draws the route's flow too the circle lies on its
band. See-through, it took the band's colour: on the A3 overview Libya's ≥ 21,470 interceptions over the
vermilion tail of its 41,484 arrivals was a muddy violet, and the Atlantic's grey dead and missing over
its blue band a slate no key shows. Where a circle covers a band (with the band's white casing), the sea
or land under it is drawn again first: every circle is seen in its key's colour, over the map's ground,
and the band runs under it as a route under a place on it.

Moving the circles off their bands was tried first: on the A3 overview the Atlantic's dead and missing,
moved to the sea side, left their three lines no room between the band and the frame's edge and were
numbered; on the A4 overview the interceptions, moved beside the Libya band, took its figure's place and
the Central Mediterranean's dead and missing found no room even for a number.
"""

from __future__ import annotations

import shapely

GROUND_CASING_SLACK_MM = 0.5
"""How far beyond a band's casing the ground is drawn again: past its antialiased edge, where the ground
meets ground (at 0.1 mm the web map, its casing on screen wider than on paper when zoomed out, showed a
light seam along each edge of the band inside Libya's circle)."""
GROUND_SIMPLIFY_PX = 0.25
"""How exactly the ground is cut to the circles (page pixels)."""


def covered_by_bands(discs: list, bands: list, casing_px: float):
    """Where ``discs`` (the circles, page pixels) cover ``bands`` (the flow symbols, page pixels, cased
    ``casing_px`` beyond their edge); None where they cover none."""
    if not discs or not bands:
        return None
    covered = shapely.intersection(shapely.union_all(discs),
                                   shapely.union_all(shapely.buffer(bands, casing_px, quad_segs=4)))
    covered = shapely.simplify(covered, GROUND_SIMPLIFY_PX)
    return None if covered.is_empty or covered.area == 0 else covered


def ground_fills(covered, sea: str, countries: list) -> list[tuple[object, str]]:
    """(shape, colour) to fill, in order, over ``covered``: the sea first, then each country's land of
    ``countries`` ((shape, its colour), in the same units) that meets it."""
    out = [(covered, sea)]
    for shape, colour in countries:
        land = shapely.intersection(shape, covered)
        if not land.is_empty and land.area > 0:
            out.append((land, colour))
    return out


def country_grounds(doc, view, near) -> list[tuple[object, str]]:
    """(shape in page pixels, land colour) of each country of the boundaries layer meeting ``near`` (a
    shape in page pixels), as the map fills it: the focus countries' colour or the land's."""
    layer = doc.layer("boundaries")
    if layer is None or not layer.style.visible or near.is_empty:
        return []
    geoms = doc.simplified(layer, view.units_per_px).to_numpy()
    box = shapely.box(*shapely.bounds(shapely.transform(near, view.px_to_map)))
    hits = shapely.STRtree(geoms).query(box, predicate="intersects")
    data = layer.data
    focus = data["focus"].astype(int).to_numpy() == 1 if "focus" in data.columns else None
    return [(shapely.transform(geoms[i], view.to_px), doc.theme.focus_land if focus is not None and focus[i]
             else doc.theme.land) for i in sorted(hits)]
