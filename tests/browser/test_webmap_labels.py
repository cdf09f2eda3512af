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
from geo.placed_marks import BOTTOM, CENTRE, LEFT, RIGHT, TOP, PlacedMark
from geo.projection import transformer
from gui.layout import page_view
from gui.web_export import export_webmap

pytestmark = pytest.mark.slow

WINDOW = {"width": 1280, "height": 900}
MOST = 0.75
"""The share of the web label's box, and of the PNG's, their overlap must be at least: the browser's
face is not the PNG's Noto Sans (Chromium here has DejaVu Sans, about 10 % wider). Both boxes hang
from the point facing what the label names, so where the PNG projection's grid turns against web
Mercator's (about 10 degrees at the Canaries) the label still stands where the PNG's does; hung from
their centres, 'Canary Islands' was 6 px off, and turned grids were let off with 55 %."""


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


def png_box_on_screen(page, view, rect, mm_px: float, facing: str = CENTRE) -> list[float]:
    """The PNG's box (page pixels) on the page: its size on paper at the page's paper scale (``mm_px``
    pixels a millimetre), hung from the point of it that faces what it names (``facing``; its centre
    for CENTRE) where the PNG has that point on the ground, as the page hangs its label."""
    px, py = PlacedMark("", "", "", "", tuple(rect), facing, 0.0, 0.0, (0.0, 0.0)).pin()
    x, y = on_screen(page, view, px, py)
    w, h = ((rect[2] - rect[0]) / view.px_per_mm * mm_px, (rect[3] - rect[1]) / view.px_per_mm * mm_px)
    x0 = {LEFT: x, RIGHT: x - w}.get(facing, x - w / 2)
    y0 = {TOP: y, BOTTOM: y - h}.get(facing, y - h / 2)
    return [x0, y0, x0 + w, y0 + h]


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
        facing = {m.rect: m.facing for m in report.marks}  # the side each name hangs from, as the page hangs it
        png = [(label, rect) for _, label, rect in report.place_labels]
        png += list(zip([t for kind, t, *_ in report.texts if kind == "country"],
                        [r for kind, r in report.labels if kind == "country"], strict=True))
        web = names_on_page(page)
        assert sorted(w["text"] for w in web) == sorted(label for label, _ in png)
        controls = page.evaluate("""Array.from(document.querySelectorAll('.leaflet-control')).map(e => {
            const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
        for label, rect in png:
            mine = [w for w in web if w["text"] == label]
            assert len(mine) == 1, (name, label)
            # shown, but where the title, the key or the layers' list stands over it (a page's corners)
            assert mine[0]["shown"] or any(overlap(mine[0]["box"], c) > 0 for c in controls), (name, label)
            box, theirs = mine[0]["box"], png_box_on_screen(page, view, rect, scale[0], facing[tuple(rect)])
            shared = overlap(box, theirs)
            assert shared >= MOST * area(box) and shared >= MOST * area(theirs), (name, label, box, theirs)
        if name == "change":
            assert {"Sfax", "Tripoli", "Lampedusa", "Malta"} <= {label for label, _ in png}
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
