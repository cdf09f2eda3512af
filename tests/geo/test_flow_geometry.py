"""Flow symbols as data: smoothing, proportional widths, arrowheads."""

import itertools

import numpy as np
import pytest
import shapely.ops
from shapely.geometry import LineString, Point

from geo.flow_geometry import WidthScale, _nice_floor, chaikin, flow_symbol


def test_chaikin_keeps_both_ends_and_stays_in_the_hull():
    pts = np.array([[0, 0], [10, 0], [10, 10], [20, 10]], float)
    out = chaikin(pts, 3)
    assert (out[0] == pts[0]).all() and (out[-1] == pts[-1]).all()
    assert len(out) > len(pts)
    assert out[:, 0].min() >= 0 and out[:, 0].max() <= 20 and out[:, 1].min() >= 0 and out[:, 1].max() <= 10


def test_width_is_proportional_with_a_floor():
    s = WidthScale(reference_value=10_000, reference_width_mm=8.0, min_width_mm=0.6)
    assert s.width_mm(10_000) == 8.0
    assert s.width_mm(5_000) == 4.0
    assert s.width_mm(10) == 0.6
    fitted = WidthScale.fit([555, 16109, 3438], max_width_mm=7.5)
    assert fitted.reference_value == 16109 and fitted.width_mm(16109) == 7.5


def test_legend_values_are_round_and_decreasing():
    s = WidthScale(16109)
    vals = s.legend_values(16109)
    assert vals == [10000.0, 5000.0, 2000.0]
    assert [_nice_floor(x) for x in (16109, 999, 1)] == [10000, 500, 1]


@pytest.mark.parametrize("scale, largest", [
    (WidthScale(16109), 16109),  # the default map
    (WidthScale(97306, 5.1), 97306),  # the small multiples 2023-2024 on A4: 10,000 and 2,000 were both 0.6 mm
    (WidthScale(97306, 7.5), 97306),
    (WidthScale(21470), 21470),
    (WidthScale(1257), 1257),
    (WidthScale(16109, by_area=True), 16109),
    (WidthScale(3), 3),
])
def test_every_legend_sample_is_drawn_at_its_own_width_and_no_two_alike(scale, largest):
    """A sample thinner than the minimum would be drawn at the minimum: as wide as a smaller or larger
    figure, or as the next sample. Each is drawn at its width in proportion, and each visibly thinner
    than the one above it."""
    values = scale.legend_values(largest)
    assert len(values) >= 2, values
    assert all(v <= largest for v in values)
    widths = [scale.width_mm(v) for v in values]
    for v, w in zip(values, widths, strict=True):
        assert w == pytest.approx(scale.proportional_mm(v)), f"{v:,} is drawn {w} mm, in proportion {scale.proportional_mm(v):.2f}"
    for upper, lower in itertools.pairwise(widths):
        assert lower * 1.5 <= upper + 1e-9, f"samples {widths} mm: two read as one width"


def test_symbol_band_has_the_requested_width_and_the_arrow_ends_at_the_tip():
    line = LineString([(0, 0), (1000, 0)])
    poly = flow_symbol(line, width=40, arrow_width=90, arrow_length=100)
    # across the band, away from the arrow, the polygon is exactly 40 units wide
    cut = poly.intersection(LineString([(300, -500), (300, 500)]))
    assert cut.length == pytest.approx(40, rel=1e-6)
    cut = poly.intersection(LineString([(905, -500), (905, 500)]))
    assert 80 < cut.length <= 90  # inside the arrowhead, near its base
    assert poly.distance(Point(1000, 0)) < 1e-9  # tip at the line's end
    assert poly.bounds[2] == pytest.approx(1000)


def test_converging_branches_of_one_route_arrive_side_by_side():
    from geo.branches import offset_parallel_branches

    # three branches meeting at (0, 1000) from the south-west, south and south-east
    lines = [LineString([(-600, 0), (-200, 600), (0, 1000)]), LineString([(0, 0), (0, 500), (0, 1000)]),
             LineString([(600, 0), (200, 600), (0, 1000)])]
    out = offset_parallel_branches(lines, ["ATL"] * 3, [60.0, 60.0, 60.0])
    ends = np.array([ln.coords[-1] for ln in out])
    assert np.allclose(sorted(ends[:, 0]), [-60, 0, 60], atol=1e-6)  # lanes one arrowhead apart, in order
    assert ends[0, 0] < ends[1, 0] < ends[2, 0]  # west branch stays west: no crossing
    for before, after in zip(lines, out, strict=True):  # the course is kept where the branches are apart
        assert after.coords[0] == before.coords[0]
    other = offset_parallel_branches(lines, ["ATL", "CMR", "WMR"], [60.0] * 3)
    assert [ln.coords[-1] for ln in other] == [ln.coords[-1] for ln in lines]  # other groups are left alone


def test_classed_widths_and_their_legend():
    s = WidthScale.fit([16109, 555], max_width_mm=7.5, min_width_mm=0.6, breaks=(1000, 5000, 10000))
    widths = s.class_widths()
    assert widths[0] == pytest.approx(0.9) and widths[-1] == pytest.approx(7.5) and widths == sorted(widths)
    assert s.width_mm(555) == widths[0] and s.width_mm(1000) == widths[1] and s.width_mm(16109) == widths[3]
    from geo.legend import size_rows
    from geo.map_language import MapLanguage

    assert [t for t, _ in size_rows(s, 16109, MapLanguage("en"))] == ["10,000 or more", "5,000 – 10,000", "1,000 – 5,000", "under 1,000"]


def test_branches_running_along_each_other_are_set_side_by_side():
    from types import SimpleNamespace

    from geo.branches import separate_parallel_branches

    big = LineString([(0, 0), (1000, 0), (2000, 0), (3000, 0)])
    small = LineString([(0, -300), (800, 0), (2200, 0), (3000, 300)])  # joins the big one for 1,400 units
    rows = [SimpleNamespace(value=10, group="ATL", mode="sea"), SimpleNamespace(value=4, group="ATL", mode="sea")]
    parts = [[big], [small]]
    separate_parallel_branches(parts, rows, widths=[100.0, 40.0], protects=[150.0, 150.0], gap=10.0)
    assert parts[0][0].equals(big)  # the larger keeps its course
    moved = parts[1][0]
    mid = shapely.ops.substring(moved, 0.35, 0.65, normalized=True)
    assert mid.distance(big) >= (100 + 40) / 2 + 10 - 1  # bands side by side, not on top
    assert moved.coords[0] == small.coords[0] and moved.coords[-1] == small.coords[-1]  # same ends
    other = [[big], [small]]
    separate_parallel_branches(other, [rows[0], SimpleNamespace(value=4, group="CMR", mode="sea")],
                               widths=[100.0, 40.0], protects=[150.0, 150.0], gap=10.0)
    assert other[1][0].equals(small)  # another route's flow is left where it is drawn


def test_a_branch_makes_room_only_for_its_nearest_larger_branches():
    """Twelve parallel branches: the one at the edge considers the 8 nearest, not the far ones
    (pushing against every larger branch made converging fans take minutes)."""
    from shapely.geometry import LineString

    from geo.branches import MAX_NEIGHBOURS, _nearest_branches

    parts = [[LineString([(0, k), (10, k)])] for k in range(12)]
    widths = [0.2] * 12  # a band 0.2 wide every 1: none overlaps another
    chosen = _nearest_branches(parts, 0, list(range(1, 12)), widths, 0.1)
    assert MAX_NEIGHBOURS == 8 and chosen == [1, 2, 3, 4, 5, 6, 7, 8]
    assert _nearest_branches(parts, 0, [5, 3], widths, 0.1) == [5, 3]  # few candidates: all of them, as given


def test_flow_symbols_are_laid_out_once_per_scale_and_kept_for_a_few_scales(bundled_doc_factory, monkeypatch):
    """The PNG and the GeoJSON of one render share one layout; a pan (the same scale) reuses it, as the
    layout depends on the scale alone; a zooming canvas does not pile up layouts."""
    import geo.document as document
    from geo.page import Page
    from geo.view import MapView

    doc = bundled_doc_factory()
    calls = []
    real = document.build_flow_symbols
    monkeypatch.setattr(document, "build_flow_symbols", lambda *a, **k: calls.append(1) or real(*a, **k))
    page = Page("A5", "landscape", 60)
    extent = doc.default_extent()
    view = MapView(doc.crs, extent, (0, 0, *page.size_px), page.dpi)
    first = doc.flow_symbols(view)
    assert doc.flow_symbols(MapView(doc.crs, extent, (0, 0, *page.size_px), page.dpi)) is first and len(calls) == 1
    for dx in (1e3, 5e4, 2e5):  # pan three times: the same layout, in the same place
        panned = doc.flow_symbols(MapView(doc.crs, (extent[0] + dx, extent[1], extent[2] + dx, extent[3]),
                                          (0, 0, *page.size_px), page.dpi))
        assert panned is first
    assert len(calls) == 1
    for k in range(1, 8):  # zoom seven times
        grow = k * 1e4
        doc.flow_symbols(MapView(doc.crs, (extent[0] - grow, extent[1] - grow, extent[2] + grow, extent[3] + grow),
                                 (0, 0, *page.size_px), page.dpi))
    kept = [k for k in doc._cache if k[0] == "flow-symbols"]
    assert len(calls) == 8 and len(kept) == document.FLOW_SYMBOL_VIEWS_KEPT


def test_a_selection_seen_before_keeps_its_join_and_new_figures_never_reuse_an_old_one(bundled_doc_factory,
                                                                                      monkeypatch):
    """Flipping between quarters finds the earlier join; a new figures table with the same selection
    is joined afresh (a stale join would draw last quarter's numbers), in the document and its clones."""
    import dataclasses

    import geo.document as document
    from geo.history import clone

    doc = bundled_doc_factory()
    calls = []
    real = document.join_flows
    monkeypatch.setattr(document, "join_flows", lambda *a, **k: calls.append(a[2]) or real(*a, **k))
    doc.select("2024Q4", "arrivals")
    first = doc.join()
    doc.select("2024", "arrivals")
    doc.join()
    doc.select("2024Q4", "arrivals")
    assert doc.join() is first and calls == ["2024Q4", "2024"]
    assert clone(doc).join() is first and len(calls) == 2  # the worker thread's copy finds it too

    frame = doc.flows.frame.copy()
    frame.loc[(frame["route_id"] == "CMR-LY") & (frame["period"] == "2024Q4"), "value"] = 999.0
    doc.set_flows(dataclasses.replace(doc.flows, frame=frame))
    value = doc.join().flows.set_index("route_id").loc["CMR-LY", "value"]
    assert value == 999.0 and len(calls) == 3
    assert clone(doc).join().flows.set_index("route_id").loc["CMR-LY", "value"] == 999.0


def test_bands_are_built_on_their_course_less_its_idle_vertices(monkeypatch):
    """The band is within SYMBOL_TOLERANCE_MM of the band built on every fitted vertex, with a
    fraction of the vertices; labels keep the full course."""
    import shapely

    import geo.flow_geometry as fg
    from geo.document import MapDocument
    from geo.page import Page
    from geo.view import MapView

    doc = MapDocument.from_files()
    page = Page()
    view = MapView(doc.crs, doc.default_extent(), (0, 0, *page.size_px), page.dpi)
    lean = doc.flow_symbols(view)
    tolerance = view.mm_to_units(fg.SYMBOL_TOLERANCE_MM)
    monkeypatch.setattr(fg, "SYMBOL_TOLERANCE_MM", 0.0)
    full = MapDocument.from_files().flow_symbols(view)
    assert list(lean.route_id) == list(full.route_id)
    for a, b in zip(lean.geometry, full.geometry, strict=True):
        # 1.5 tolerances along the band; at a flat start whose course turns just after it (the Atlantic
        # band leaving Nouakchott, drawn taut), the lean course's first segment tilts the cap: 1.6
        assert a.hausdorff_distance(b) <= tolerance * 1.75
    # the course less its idle vertices, then the outline's: 260 of the full bands' 813 on this map
    # (the Atlantic band, kept off the Mauritanian coast from its port, follows the coast with 157)
    assert shapely.get_num_coordinates(lean.geometry.values).sum() < 0.35 * shapely.get_num_coordinates(
        full.geometry.values).sum()
    for a, b in zip(lean.centreline, full.centreline, strict=True):
        assert a.equals_exact(b, 0)
