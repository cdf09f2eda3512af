"""Bands over land (expulsion corridors, land crossings): no bend tighter than the band, a whole
arrowhead on a straight run, and the places it joins left visible."""

import numpy as np
import shapely
from shapely.geometry import LineString

from geo.keep_clear import keep_all_clear


def _min_radius(line: LineString) -> float:
    p = np.asarray(line.coords)
    a, b, c = p[:-2], p[1:-1], p[2:]
    ab, bc, ca = np.hypot(*(b - a).T), np.hypot(*(c - b).T), np.hypot(*(a - c).T)
    cross = np.abs((b - a)[:, 0] * (c - a)[:, 1] - (b - a)[:, 1] * (c - a)[:, 0])
    return float((ab * bc * ca / (2 * np.maximum(cross, 1e-12))).min())


def _expulsions(bundled_doc_factory):
    from geo.page import Page
    from gui.render import MapRenderer

    doc = bundled_doc_factory()
    doc.period, doc.metric = "2024", "expulsions"
    view = MapRenderer(doc).page_view(Page("A4", "landscape", 300))
    band = doc.flow_symbols(view).set_index("route_id").loc["EXP-DZ-NE"]
    return doc, view, band


def test_the_expulsion_corridor_bends_no_tighter_than_its_band(bundled_doc_factory):
    """Tamanrasset -> Assamaka at 7.5 mm (to Agadez, before the arrow ended at the border): the drawn
    route jogged by about a millimetre at In Guezzam and Arlit, which no band that wide can show; it was
    folded into a notch (a bend of 0.7 mm radius)."""
    _, view, band = _expulsions(bundled_doc_factory)
    assert band.width_mm == 7.5
    assert _min_radius(band.centreline) >= view.mm_to_units(band.width_mm / 2)
    assert band.geometry.is_valid and band.geometry.geom_type == "Polygon"


def test_the_arrowhead_is_whole_with_both_barbs(bundled_doc_factory):
    """Both barbs on the outline: where the course still bent under the head (the drawn route's jog at
    Arlit, folded rather than generalised), the body swallowed one (a notch was all that showed)."""
    _, view, band = _expulsions(bundled_doc_factory)
    line = band.centreline
    tip = np.asarray(line.coords[-1])
    head_length = max(band.arrow_width_mm * 0.85, 2.4)
    base = np.asarray(line.interpolate(line.length - view.mm_to_units(head_length)).coords[0])
    direction = (tip - base) / np.hypot(*(tip - base))
    across = np.array([-direction[1], direction[0]]) * view.mm_to_units(band.arrow_width_mm) / 2
    outline = band.geometry.exterior
    for barb in (base + across, base - across):
        assert outline.distance(shapely.Point(barb)) < view.mm_to_units(0.05)


def test_the_places_a_land_band_joins_stay_visible(bundled_doc_factory):
    """The band starts (and its arrow stops) 1.2 mm from the places at its ends: its square tail
    covered half the Tamanrasset dot."""
    doc, view, band = _expulsions(bundled_doc_factory)
    route = doc.layer("routes").data.to_crs(doc.crs).set_index("route_id").geometry["EXP-DZ-NE"]
    start, end = shapely.get_point(route, 0), shapely.get_point(route, -1)
    assert band.geometry.distance(start) >= view.mm_to_units(1.0)
    assert band.geometry.distance(end) >= view.mm_to_units(1.0)


def test_a_short_line_is_fitted_without_error():
    """A land crossing of two vertices (Ceuta's) is shorter than the smoothing window."""
    line = LineString([(0, 0), (10, 3), (12, 9)])  # three vertices, a clearance far longer than the line
    (out,) = keep_all_clear([line], None, [100.0], [0.0])  # "operands could not be broadcast" before
    assert out.coords[0] == line.coords[0] and out.coords[-1] == line.coords[-1]
