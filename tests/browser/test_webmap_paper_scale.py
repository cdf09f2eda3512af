"""The web map in Chromium keeps the PNG's proportions at every zoom: a legend sample is as wide as a
band of its figure, a casing and a node as large against their band as on paper; and an Arabic
page (``<html lang="ar" dir="rtl">``) still sets each figure beside its band, not on it.

Chromium is Debian's ``/usr/bin/chromium`` driven by playwright, with every non-local request
refused, as in test_webmap_chromium.py.
"""

from __future__ import annotations

import folium  # noqa: F401  (imported at collection: urllib3 probes IPv6 on import)
import numpy as np
import pytest
from local_chromium import eventually, local_only_chromium, open_map  # skips this module without Chromium
from shapely.geometry import MultiLineString

from geo import paths
from geo.document import MapDocument
from geo.map_marks import NODE_CASING_MM, NODE_FILL, NODE_OPACITY, node_marks
from geo.map_texts import map_title
from geo.projection import resolve_crs
from geo.styles import CASING_MM
from gui.layout import page_view
from gui.web_export import export_webmap

pytestmark = pytest.mark.slow



@pytest.fixture(scope="module")
def browser():
    """One Chromium; a request for anything but a local file fails the test that made it."""
    with local_only_chromium({"width": 1400, "height": 900}) as ctx:
        yield ctx


def px_per_mm(page) -> float:
    return float(page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--crossings-mm')")
                 .strip().removesuffix("px"))


def look_at(page, latlon, zoom: float) -> None:
    """Centre the map on ``latlon`` at ``zoom`` and wait for the page to set its paper scale there."""
    before = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--crossings-mm')")
    page.evaluate("([ll, z]) => { crossingsMap.setView(ll, z, {animate: false}); }", [list(latlon), zoom])
    eventually(lambda: page.evaluate("getComputedStyle(document.documentElement)"
                                     ".getPropertyValue('--crossings-mm')") != before, 2.0)
    page.wait_for_timeout(100)


def screen_distance(page, a, b) -> float:
    """Pixels between two (lat, lon) points on the page at the current zoom."""
    return page.evaluate("([a, b]) => crossingsMap.latLngToContainerPoint(a).distanceTo("
                         "crossingsMap.latLngToContainerPoint(b))", [list(a), list(b)])


@pytest.fixture(scope="module")
def default_map(qapp, tmp_path_factory):
    doc = MapDocument.from_files()
    view = page_view(doc)
    return doc, view, export_webmap(doc, view, tmp_path_factory.mktemp("paper") / "default.html")


def band_cross_section(doc, view, route_id: str):
    """(middle (lat, lon), the band's two edges (lat, lon) across it there, its width in mm): in the
    view's CRS, where the band was built, half its width either side of its centre line."""
    from pyproj import Transformer

    row = doc.flow_symbols(view).set_index("route_id").loc[route_id]
    line = row.centreline
    if isinstance(line, MultiLineString):
        line = max(line.geoms, key=lambda g: g.length)
    p, q = line.interpolate(0.45, normalized=True), line.interpolate(0.55, normalized=True)
    dx, dy = q.x - p.x, q.y - p.y
    nx, ny = -dy / np.hypot(dx, dy), dx / np.hypot(dx, dy)
    mid = line.interpolate(0.5, normalized=True)
    half = view.mm_to_units(row.width_mm) / 2
    to_ll = Transformer.from_crs(resolve_crs(view.crs), "EPSG:4326", always_xy=True)

    def ll(x, y):
        lon, lat = to_ll.transform(x, y)
        return lat, lon

    return ll(mid.x, mid.y), (ll(mid.x + nx * half, mid.y + ny * half), ll(mid.x - nx * half, mid.y - ny * half)), \
        float(row.width_mm)


# -- tests ------------------------------------------------------------------------------------------
def test_legend_samples_grow_with_the_bands_at_every_zoom(browser, default_map):
    """At the Atlantic band, zoomed as the page opens and three steps in: each legend sample is as
    many pixels per paper millimetre as the band is, so 10,000 reads as wide as a 10,000 band would
    (the samples stopped at 48 px while the bands kept widening); the casing keeps its paper width."""
    doc, view, path = default_map
    mid, (a, b), width_mm = band_cross_section(doc, view, "ATL")
    page = open_map(browser, path)
    try:
        start = page.evaluate("crossingsMap.getZoom()")
        seen = []
        for zoom in (start, start + 3):
            look_at(page, mid, zoom)
            band_px = screen_distance(page, a, b)
            samples = page.evaluate("""Array.from(document.querySelectorAll('.crossings-bar')).map(e =>
                [parseFloat(e.getAttribute('data-mm')), e.getBoundingClientRect().height])""")
            assert len(samples) == 3
            for mm, px in samples:
                assert px / mm == pytest.approx(band_px / width_mm, rel=0.04), (zoom, mm, px, band_px)
            assert px_per_mm(page) == pytest.approx(band_px / width_mm, rel=0.04)
            casing = page.evaluate("parseFloat(getComputedStyle(document.querySelector('path.crossings-cased'))"
                                   ".strokeWidth)")
            assert casing == pytest.approx(2 * CASING_MM * px_per_mm(page), rel=0.02)
            seen.append(max(px for _, px in samples))
        assert seen[1] == pytest.approx(8 * seen[0], rel=0.05) and seen[1] > 48
    finally:
        page.close()


def test_od_nodes_are_drawn_at_their_size_on_paper(browser, qapp, tmp_path):
    """The OD map's nodes: as many paper millimetres across as the PNG's, in the painter's colour and
    opacity, with its casing, above the flows, at two zooms."""
    doc = MapDocument.from_files(flows=paths.data_path("flows", "od_2024.csv"))
    doc.select("2024", "departures")
    view = page_view(doc)
    page = open_map(browser, export_webmap(doc, view, tmp_path / "od.html"))
    try:
        marks = node_marks(doc, view).to_crs("EPSG:4326").set_index("name")
        start = page.evaluate("crossingsMap.getZoom()")
        for zoom, names in ((start, list(marks.index)), (start + 2, ["Italy"])):  # zoomed in, the rest is off the page
            italy = marks.at["Italy", "geometry"]
            look_at(page, (italy.y, italy.x), zoom)
            mm = px_per_mm(page)
            for name in names:
                width, stroke, fill, opacity = page.evaluate("""n => {
                    const e = document.querySelector('path.crossings-node-' + n);
                    const s = getComputedStyle(e);
                    return [e.getBoundingClientRect().width, parseFloat(s.strokeWidth), s.fill, parseFloat(s.fillOpacity)];
                    }""", name)
                # its box is its diameter (Leaflet draws its vertices on whole pixels), a paper millimetre being
                # the page's at the node's own latitude: web Mercator's pixels shrink on the ground towards the
                # equator (Libya's, 2.6° south of Italy where the page is centred, by 3 %)
                centre = page.evaluate("crossingsMap.getCenter().lat")
                here = mm * np.cos(np.radians(centre)) / np.cos(np.radians(marks.at[name, "geometry"].y))
                assert width == pytest.approx(2 * marks.at[name, "radius_mm"] * here, rel=0.03, abs=1.5), (zoom, name)
                assert stroke == pytest.approx(NODE_CASING_MM * mm, rel=0.02)
                assert fill == "rgb({}, {}, {})".format(*(int(NODE_FILL[i:i + 2], 16) for i in (1, 3, 5)))
                assert opacity == pytest.approx(NODE_OPACITY)
    finally:
        page.close()


def test_an_arabic_page_reads_right_to_left_with_its_figures_beside_their_bands(browser, qapp, tmp_path):
    """``<html lang="ar" dir="rtl">`` and the map's title; and Leaflet's labels, which a right-to-left
    page placed one label's width to the left (onto their bands), stay where the layout put them."""
    doc = MapDocument.from_files()
    doc.label_language = "ar"
    page = open_map(browser, export_webmap(doc, page_view(doc), tmp_path / "ar.html"))
    try:
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir,"
                             " getComputedStyle(document.body).direction]") == ["ar", "rtl", "rtl"]
        assert page.title() == map_title(doc)
        labels = page.evaluate("""Array.from(document.querySelectorAll('.leaflet-tooltip.crossings-value')).map(e => {
            const r = e.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
            const under = document.elementsFromPoint(x, y).map(h => h.getAttribute('class') || '').join(' ');
            return [e.className, under]; })""")
        assert len(labels) == 7  # five flows', Italy's and Spain's totals
        for cls, under in labels:
            own = [c for c in cls.split() if c.startswith("crossings-value-")]
            assert own and own[0].replace("crossings-value-", "crossings-flow-") not in under, (cls, under)
    finally:
        page.close()
