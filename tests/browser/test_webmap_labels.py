"""The web map's names in Chromium stand where the PNG sets them: at the paper zoom (the zoom the page
opens at, a window of 1280 x 900) every name the PNG draws shows, each over the PNG's box for it; the
change map's Sfax, Tripoli, Lampedusa and Malta, which Leaflet's own placement and the page's
declutter hid, among them. Zoomed out below the paper's size the text stays legible and the page
hides names that would meet something; zoomed in, none meets another and none is hidden.

Chromium is Debian's ``/usr/bin/chromium`` driven by playwright, with every non-local request
refused, as in test_webmap_paper_scale.py.
"""

from __future__ import annotations

import folium  # noqa: F401  (imported at collection: urllib3 probes IPv6 on import)
import numpy as np
import pytest
from local_chromium import local_only_chromium, open_map  # skips this module without Chromium

from geo.document import MapDocument
from geo.projection import transformer
from gui.layout import page_view
from gui.web_export import export_webmap

pytestmark = pytest.mark.slow

WINDOW = {"width": 1280, "height": 900}
MOST, MOST_TURNED = 0.75, 0.55
"""The share of the web label's box, and of the PNG's, their overlap must be at least. The browser's
face is not the PNG's Noto Sans (Chromium here has DejaVu Sans, about 10 % wider); and far from the
PNG projection's centre its grid turns against web Mercator's (about 10 degrees at the Canaries), so
a label, horizontal on both, stands turned by that much against the ground: its far end is up to a
millimetre off. Where the grids turn by more than TURN_DEGREES, MOST_TURNED."""
TURN_DEGREES = 7.0


@pytest.fixture(scope="module")
def browser():
    """One Chromium; a request for anything but a local file fails the test that made it."""
    with local_only_chromium(WINDOW) as ctx:
        yield ctx


def change_map() -> MapDocument:
    doc = MapDocument.from_files()
    doc.select("2024", "arrivals")
    doc.flow_style.compare = "previous"
    doc.flow_style.colour_by = "change"
    return doc


MAPS = {"default": MapDocument.from_files, "change": change_map}


@pytest.fixture(scope="module", params=list(MAPS))
def exported(request, qapp, tmp_path_factory):
    """(map, view, the PNG's report, the web map's file): the report of the page painted as the PNG is."""
    from PySide6.QtGui import QImage, QPainter

    from gui.render import MapRenderer

    doc = MAPS[request.param]()
    doc.insets = "none"  # the web map is the page's map without its insets (gui.web_export)
    image = QImage(*doc.page.size_px, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    renderer = MapRenderer(doc)
    try:
        view = renderer.render_page(painter, doc.page)
    finally:
        painter.end()
    assert view == page_view(doc)
    path = export_webmap(doc, view, tmp_path_factory.mktemp("labels") / f"{request.param}.html")
    return request.param, view, renderer.report, path


def zoom_to(page, zoom: float) -> None:
    page.evaluate("z => { crossingsMap.setZoom(z, {animate: false}); }", zoom)  # braces: not the map back
    page.wait_for_timeout(300)


def names_on_page(page) -> list[dict]:
    """Every place and country name's tooltip: text, box (left, top, right, bottom) and whether it shows."""
    return page.evaluate("""Array.from(document.querySelectorAll('.leaflet-tooltip.crossings-label')).map(e => {
        const r = e.getBoundingClientRect();
        return {text: e.textContent, box: [r.left, r.top, r.right, r.bottom],
                shown: getComputedStyle(e).visibility === 'visible'}; })""")


def on_screen(page, view, x: float, y: float) -> tuple[float, float]:
    """A point of the PNG's page (pixels) where the web page draws that ground now."""
    lon, lat = transformer(view.crs, "EPSG:4326").transform(*view.to_map(x, y))
    return tuple(page.evaluate("ll => { const p = crossingsMap.latLngToContainerPoint(ll),"
                               " r = crossingsMap.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }",
                               [lat, lon]))


def png_box_on_screen(page, view, rect, mm_px: float) -> tuple[list[float], float]:
    """The PNG's box (page pixels) on the page: its size on paper at the page's paper scale (``mm_px``
    pixels a millimetre), centred where the PNG centres it on the ground; and how many degrees the PNG's
    horizontal turns on the page there. (Its corners taken one by one would make a larger box.)"""
    cx, cy = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
    (x, y), (ex, ey) = on_screen(page, view, cx, cy), on_screen(page, view, cx + 10 * view.px_per_mm, cy)
    half_w, half_h = ((rect[2] - rect[0]) / 2 / view.px_per_mm * mm_px, (rect[3] - rect[1]) / 2 / view.px_per_mm * mm_px)
    return [x - half_w, y - half_h, x + half_w, y + half_h], float(np.degrees(np.arctan2(ey - y, ex - x)))


def overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(w, 0.0) * max(h, 0.0)


def area(a) -> float:
    return (a[2] - a[0]) * (a[3] - a[1])


def test_at_the_paper_zoom_every_name_shows_over_the_pngs_box(browser, exported):
    """At the zoom the page opens at, text is at the map's scale (--crossings-text-mm is --crossings-mm)
    and every place and country name the PNG draws shows, once, its box over most of the PNG's box for
    it and the PNG's box under most of it; on the change map Sfax, Tripoli, Lampedusa and Malta too."""
    name, view, report, path = exported
    page = open_map(browser, path)
    try:
        scale = page.evaluate("['--crossings-mm', '--crossings-text-mm'].map(v => parseFloat("
                              "getComputedStyle(document.documentElement).getPropertyValue(v)))")
        assert scale[0] == pytest.approx(scale[1], rel=1e-3) and scale[0] > 3.78, scale
        png = [(label, rect) for _, label, rect in report.place_labels]
        png += list(zip([t for kind, t, *_ in report.texts if kind == "country"],
                        [r for kind, r in report.labels if kind == "country"], strict=True))
        web = names_on_page(page)
        assert sorted(w["text"] for w in web) == sorted(label for label, _ in png)
        seen = {}
        for label, rect in png:
            mine = [w for w in web if w["text"] == label]
            assert len(mine) == 1 and mine[0]["shown"], (name, label)
            box, (theirs, turn) = mine[0]["box"], png_box_on_screen(page, view, rect, scale[0])
            most = MOST if abs(turn) <= TURN_DEGREES else MOST_TURNED
            shared = overlap(box, theirs)
            assert shared >= most * area(box) and shared >= most * area(theirs), (name, label, box, theirs, turn)
            seen[label] = most
        if name == "change":
            assert all(seen.get(label) == MOST for label in ("Sfax", "Tripoli", "Lampedusa", "Malta")), seen
    finally:
        page.close()


def test_names_never_meet_at_other_zooms(browser, exported):
    """Zoomed in two steps, every name still shows and none meets another (the text stops growing at
    twice the paper's size and shrinks within its box); zoomed out one and two steps, the names that
    show meet no other name (the text keeps the paper's size, and the page hides the later of two)."""
    name, _, _, path = exported
    page = open_map(browser, path)
    try:
        start = page.evaluate("crossingsMap.getZoom()")
        for zoom in (start + 2, start - 1, start - 2):
            zoom_to(page, zoom)
            web = names_on_page(page)
            shown = [w for w in web if w["shown"]]
            if zoom > start:
                assert len(shown) == len(web), (name, zoom)
            boxes = np.array([w["box"] for w in shown])
            for i in range(len(boxes)):
                for j in range(i + 1, len(boxes)):
                    assert overlap(boxes[i], boxes[j]) < 1.0, (name, zoom, shown[i]["text"], shown[j]["text"])
    finally:
        page.close()
