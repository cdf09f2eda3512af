"""Sea bands lie at sea from their start to their arrowhead: a band leaving a port starts just off
the coast (its cross-section clear of the land), and the rest of its course is kept off the coast."""

import numpy as np
import pytest
import shapely
import shapely.ops
from sea_land import land_share, on_land_mm2
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
        for route, mm2 in on_land_mm2(doc, page).items():
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


@pytest.mark.parametrize("paper, orientation", [("A4", "landscape"), ("A4", "portrait"), ("A3", "portrait")])
def test_a_band_too_short_for_its_head_lies_at_sea_with_a_blunter_head(bundled_doc_factory, paper, orientation):
    """The 2023 Tunisia flow (97,306, 7.5 mm wide) needed 19 mm for its pointed head and a body its width
    long, and Sfax to Lampedusa is 10 mm: lengthened back along its course, its body lay over Tunisia
    (71 %); turned about Lampedusa, its tail still met the coast by Zarzis (42 % on the A4 landscape map,
    65 % on A4 portrait). A band that short draws a blunter head on a shorter body first
    (geo.flow_geometry.BLUNT_HEAD_LENGTH): its body now lies at sea on every page."""
    from geo.page import Page

    doc = bundled_doc_factory()
    doc.select("2023", "arrivals")
    assert land_share(doc, "CMR-TN", Page(paper, orientation, 300)) < 0.02
