"""Sea bands lie at sea from their start to their arrowhead: a band leaving a port starts just off
the coast (its cross-section clear of the land), and the rest of its course is kept off the coast."""

import numpy as np
import pytest
import shapely
import shapely.ops
from shapely.geometry import LineString, Polygon

from geo.band_start import offshore_starts
from geo.flow_geometry import flow_symbol
from geo.keep_clear import Obstacle

LAND = Polygon([(-5000, -3000), (5000, -3000), (5000, 0), (-5000, 0)])  # the sea is y > 0


@pytest.mark.parametrize("degrees", [90, 60, 30, 15])
def test_a_band_leaving_a_port_starts_where_its_cross_section_is_at_sea(degrees):
    a = np.radians(degrees)
    line = LineString([(0, 0), (4000 * np.cos(a), 4000 * np.sin(a))])
    half, margin = 100.0, 10.0
    (s0,) = offshore_starts([line], Obstacle(LAND), [half], margin)
    start = line.interpolate(s0)
    # square to the course, the start's corner nearest the coast is half a width from the centre
    lowest = start.y - half * np.cos(a)
    assert lowest >= margin * 0.999  # clear of the coast by the margin
    assert lowest <= margin + half  # and no farther out than the sampling step needs
    band = flow_symbol(shapely.ops.substring(line, s0, line.length), 2 * half, 4 * half, 300.0)
    assert not band.intersects(LAND)


def test_a_band_that_starts_at_sea_or_cannot_clear_the_coast_keeps_its_start():
    at_sea = LineString([(0, 500), (0, 3000)])
    along_the_coast = LineString([(0, 0), (4000, 5), (4500, 2000)])  # clear only after the first third
    starts = offshore_starts([at_sea, along_the_coast], Obstacle(LAND), [100.0, 100.0], 10.0)
    assert list(starts) == [0.0, 0.0]


def _ahead_of_port(centreline, port):
    """The half-plane ahead of ``port`` across the band's course there: a band too short for its head
    is lengthened back over the land it leaves (geo.flow_geometry.BODY_AT_LEAST_WIDTHS), on purpose."""
    line = max(shapely.get_parts(centreline), key=lambda g: g.length)
    at = line.project(port)
    a, b = (np.asarray(line.interpolate(min(max(t, 0.0), line.length)).coords[0]) for t in (at - 1.0, at + 1.0))
    d = (b - a) / np.hypot(*(b - a))
    n = np.array([-d[1], d[0]])
    p, far = np.asarray(port.coords[0]), 1e8
    return shapely.Polygon([p + n * far, p + n * far + d * far, p - n * far + d * far, p - n * far])


def _on_land_mm2(doc, page) -> dict[str, float]:
    """Area (mm²) of each sea band on land, from its port (or its start, if that is later) to where its
    arrowhead begins (an arrow may reach its landing shore), measured on a 0.1 mm grid over the band."""
    from gui.render import MapRenderer

    view = MapRenderer(doc).page_view(page)
    mm = view.mm_to_units(1)
    land = doc.land(view.units_per_px).geometry
    routes = doc.layer("routes").data
    sea = set(routes.loc[routes["mode"] == "sea", "route_id"])
    projected = doc.projected(doc.layer("routes"))
    ports = dict(zip(projected["route_id"], shapely.get_point(shapely.get_geometry(projected.geometry.to_numpy(), 0), 0),
                     strict=True))
    out = {}
    for band in doc.flow_symbols(view).itertuples():
        if band.route_id not in sea or band.symbol != "flow":
            continue
        tips = shapely.get_point(shapely.get_parts(band.centreline), -1)
        body = band.geometry.difference(shapely.union_all(shapely.buffer(tips, (band.arrow_width_mm + 1) * mm)))
        body = body.intersection(_ahead_of_port(band.centreline, ports[band.route_id]))
        if body.is_empty:
            continue
        x0, y0, x1, y1 = body.bounds
        xs, ys = np.meshgrid(np.arange(x0, x1, 0.1 * mm), np.arange(y0, y1, 0.1 * mm))
        xs, ys = xs.ravel(), ys.ravel()
        inside = shapely.contains_xy(body, xs, ys)
        out[band.route_id] = float(shapely.contains_xy(land, xs[inside], ys[inside]).sum()) * 0.01
    return out


def test_every_bundled_sea_band_lies_at_sea(bundled_doc_factory):
    """Every period and metric of the bundled figures, on the default page and projection, and the
    default map on an A3 portrait page and in ETRS89-LAEA: no sea band covers land before its head
    (the Atlantic band covered 13 mm² of the Mauritanian shore from Nouakchott)."""
    from geo import paths
    from geo.flow_table import read_flow_table
    from geo.page import Page

    doc = bundled_doc_factory()
    a4 = Page("A4", "landscape", 300)
    cases = [(str(p), m, a4, None) for p in read_flow_table(paths.default_flows()).periods()
             for m in read_flow_table(paths.default_flows()).metrics(str(p))]
    cases += [(None, None, Page("A3", "portrait", 300), None), (None, None, a4, "EPSG:3035")]
    checked = set()
    for period, metric, page, crs in cases:
        if period:
            doc.period, doc.metric = period, metric
        if crs:
            doc.crs = crs
        for route, mm2 in _on_land_mm2(doc, page).items():
            assert mm2 < 0.05, f"{period} {metric} {page} {crs}: {route} covers {mm2:.2f} mm² of land"
            checked.add((period, metric, route))
    assert ("2024Q4", "arrivals", "ATL") in checked and len(checked) >= 10


def test_a_sea_band_starts_beside_its_port(bundled_doc_factory):
    """Off the coast, but beside the port it leaves: the band may leave the shore at once (only its
    arrow's end keeps a protected stretch to reach the landing shore). With both ends protected, the
    Atlantic band had to start 13 mm up the coast from Nouakchott to clear it."""
    from geo.page import Page
    from gui.render import MapRenderer

    doc = bundled_doc_factory()
    view = MapRenderer(doc).page_view(Page("A4", "landscape", 300))
    mm = view.mm_to_units(1)
    routes = doc.layer("routes").data.to_crs(doc.crs).set_index("route_id")
    sea = routes.index[routes["mode"] == "sea"]
    bands = [b for b in doc.flow_symbols(view).itertuples() if b.symbol == "flow" and b.route_id in sea]
    assert "ATL" in {b.route_id for b in bands}
    for band in bands:
        port = shapely.get_point(shapely.get_parts(routes.geometry[band.route_id])[0], 0)
        start = shapely.get_point(shapely.get_parts(band.centreline)[0], 0)
        assert shapely.distance(port, start) / mm <= band.width_mm + 1.0, band.route_id


@pytest.mark.parametrize("crs, paper, orientation", [(None, "A4", "landscape"), ("EPSG:3857", "A4", "landscape"),
                                                     (None, "A3", "portrait")])
def test_a_sea_band_starts_straight_and_square(bundled_doc_factory, crs, paper, orientation):
    """Cut off its port, the Atlantic band's first 2.5 mm still turned 35° towards Nouakchott: its 7.5 mm
    start was cut on the slant, with a notch in its coast side (the default map and Web Mercator). The
    first band width of every sea band's course turns less than 20° (its start is square to its band)."""
    from geo import paths
    from geo.flow_table import read_flow_table
    from geo.page import Page
    from gui.render import MapRenderer

    doc = bundled_doc_factory()
    if crs:
        doc.crs = crs
    table = read_flow_table(paths.default_flows())
    routes = doc.layer("routes").data
    sea = set(routes.loc[routes["mode"] == "sea", "route_id"])
    bent, seen = {}, 0
    for period in table.periods():
        doc.period, doc.metric = str(period), "arrivals"
        if "arrivals" not in table.metrics(str(period)):
            continue
        view = MapRenderer(doc).page_view(Page(paper, orientation, 300))
        mm = view.mm_to_units(1)
        for band in doc.flow_symbols(view).itertuples():
            if band.route_id not in sea or band.symbol != "flow":
                continue
            line = max(shapely.get_parts(band.centreline), key=lambda g: g.length)
            first = shapely.ops.substring(line, 0.0, min(band.width_mm * mm, line.length))
            d = np.diff(np.asarray(first.coords)[:, :2], axis=0)
            d = d[np.hypot(d[:, 0], d[:, 1]) > 1e-9]
            heading = np.unwrap(np.arctan2(d[:, 1], d[:, 0]))
            seen += 1
            if len(heading) > 1 and np.degrees(np.ptp(heading)) > 20:
                bent[f"{period} {band.route_id}"] = round(float(np.degrees(np.ptp(heading))))
    assert seen >= 8 and bent == {}


def _land_share(doc, page, route: str) -> float:
    """Share of a band's body (its symbol less its head) that lies over land, on a 0.1 mm grid."""
    from gui.render import MapRenderer

    view = MapRenderer(doc).page_view(page)
    mm = view.mm_to_units(1)
    land = doc.land(view.units_per_px).geometry
    band = doc.flow_symbols(view).set_index("route_id").loc[route]
    tip = shapely.get_point(band.centreline, -1)
    head = shapely.get_point(band.centreline, -1).buffer(band.arrow_width_mm * 0.85 * mm)
    body = band.geometry.difference(head) if tip is not None else band.geometry
    x0, y0, x1, y1 = body.bounds
    xs, ys = np.meshgrid(np.arange(x0, x1, 0.1 * mm), np.arange(y0, y1, 0.1 * mm))
    inside = shapely.contains_xy(body, xs.ravel(), ys.ravel())
    return float(shapely.contains_xy(land, xs.ravel()[inside], ys.ravel()[inside]).mean())


def test_a_band_too_short_for_its_head_turns_about_its_tip_to_lie_at_sea(bundled_doc_factory):
    """The 2023 Tunisia flow (97,306, 7.5 mm wide) needs 19 mm for its head and body, and Sfax to
    Lampedusa is 10 mm: lengthened back along its course, its body lay over Tunisia, Sfax and Kerkennah
    under it (71 % of its body on land). Turned about Lampedusa, it lies over the Gulf of Gabès, its tip
    where it was; its tail still meets the coast by Zarzis (about 40 %): no course of 19 mm ends at Lampedusa
    at sea within a turn that still reads as leaving Tunisia."""
    from geo.page import Page

    doc = bundled_doc_factory()
    doc.select("2023", "arrivals")
    assert _land_share(doc, Page("A4", "landscape", 300), "CMR-TN") < 0.45
