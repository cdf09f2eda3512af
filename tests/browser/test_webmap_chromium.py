"""The exported web map in headless Chromium with the network cut.

Debian's ``/usr/bin/chromium`` is driven by the ``playwright`` Python package (no ``playwright
install``). Every request that is not ``file:``, ``data:``, ``blob:`` or ``about:`` is aborted and
recorded; the tests then look at what the page draws: pixels, layer toggling, tooltips, escaping.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

# folium imports requests/urllib3, which opens a socket to probe IPv6: import it at collection,
# before pytest-socket blocks sockets.
import folium  # noqa: F401
import pytest
import shapely
import shapely.ops
from hostile_data import PAYLOAD, malicious_document
from local_chromium import CHROMIUM, FLAGS, LOCAL_SCHEMES, eventually  # skips this module without Chromium
from playwright.sync_api import expect, sync_playwright

from geo.exports.layers import export_layers
from gui.layout import PageLayout
from gui.web_export import export_webmap

pytestmark = pytest.mark.slow

VIEWPORT = {"width": 1400, "height": 900}


def page_view(doc):
    return PageLayout().view(doc.page, doc.crs, doc.default_extent())


class Browser:
    """One Chromium with every non-local request blocked and recorded, and every dialog recorded."""

    def __init__(self, pw) -> None:
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.ctx = pw.chromium.launch_persistent_context(
            tempfile.mkdtemp(prefix="crossings-chromium-"), executable_path=str(CHROMIUM), args=FLAGS,
            headless=True, viewport=VIEWPORT)
        self.ctx.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if url.split(":", 1)[0].lower() in LOCAL_SCHEMES:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")

    def open(self, path: Path):
        page = self.ctx.new_page()
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("requestfailed", lambda req: self.errors.append(f"failed: {req.url}"))

        def on_dialog(dialog):
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.as_uri())
        page.wait_for_function("window.crossingsMap !== undefined && document.querySelectorAll('path.crossings-flow').length > 0")
        page.wait_for_timeout(300)
        return page


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as pw:
        b = Browser(pw)
        yield b
        b.ctx.close()


@pytest.fixture(scope="module")
def default_map(bundled_doc_factory, tmp_path_factory):
    doc = bundled_doc_factory()
    view = page_view(doc)
    path = export_webmap(doc, view, tmp_path_factory.mktemp("webmap") / "default.html")
    symbols = export_layers(doc, view)["flow_symbols"]
    return doc, path, symbols


@pytest.fixture
def page(browser, default_map):
    browser.blocked.clear()
    browser.errors.clear()
    browser.dialogs.clear()
    p = browser.open(default_map[1])
    yield p
    p.close()


def inner_point(geom) -> tuple[float, float]:
    """(lat, lon) of the point deepest inside the flow symbol."""
    poly = max(shapely.get_parts(geom), key=lambda g: g.area)
    pt = shapely.ops.polylabel(poly, tolerance=1e-4)
    return pt.y, pt.x


def screen_point(page, latlon) -> tuple[float, float]:
    xy = page.evaluate("ll => { const p = crossingsMap.latLngToContainerPoint(ll);"
                       " const r = crossingsMap.getContainer().getBoundingClientRect();"
                       " return [p.x + r.left, p.y + r.top]; }", list(latlon))
    return xy[0], xy[1]


def pixel(page, x: float, y: float) -> tuple[int, int, int]:
    """The colour of the page at (x, y), from a real screenshot."""
    from PySide6.QtGui import QImage

    png = page.screenshot(clip={"x": int(x) - 1, "y": int(y) - 1, "width": 3, "height": 3})
    img = QImage.fromData(png)
    c = img.pixelColor(img.width() // 2, img.height() // 2)
    return c.red(), c.green(), c.blue()


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def close(a, b, tol: int = 12) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def zoom_to(page, geom) -> None:
    w, s, e, n = geom.bounds
    # (braces: returning the map object would make playwright serialise all of it)
    page.evaluate("b => { crossingsMap.fitBounds(b, {animate: false, padding: [80, 80]}); }", [[s, w], [n, e]])
    page.wait_for_timeout(150)


# -- tests --------------------------------------------------------------------------------------
def test_zero_requests_leave_the_page_and_the_map_runs(browser, page):
    assert page.evaluate("typeof L") == "object"
    assert page.evaluate("L.version") == "1.9.3"
    assert page.locator("path.crossings-flow").count() == 5
    # arrivals cannot exist on expulsion corridors, and the Balearic ones are inside the WMR's 5,128
    assert page.locator("path.crossings-nodata").count() == 0
    assert page.locator("path.crossings-country").count() > 40
    assert browser.blocked == []
    assert browser.errors == []


def test_every_route_shows_its_figure_and_the_legend(page):
    figures = page.locator(".leaflet-tooltip.crossings-value").all_inner_texts()
    total = [f for f in figures if f.startswith("Italy")]
    spain = [f for f in figures if f.startswith("Spain")]  # Spain's over its routes: Canaries and WMR
    assert sorted(set(figures) - set(total) - set(spain)) == sorted(["16,109 (a)", "11,341", "5,128", "3,438", "555"])
    assert len(total) == 1 and "16,166" in total[0] and "832" in total[0]
    assert spain == ["Spain 21,237 (a)"]
    for el in page.locator(".leaflet-tooltip.crossings-value").all():
        assert el.is_visible()
    legend = page.locator("#crossings-legend")
    assert legend.is_visible()
    text = legend.inner_text()
    for item in ("10,000", "5,000", "2,000", "Atlantic route", "Central Mediterranean route",
                 "People arriving, arrow at the destination"):
        assert item in text
    assert page.locator(".crossings-title-text").inner_text() == "Mixed migration routes"
    assert "Natural Earth" in page.locator("#crossings-footer").inner_text()
    # The legend's bars follow the zoom: the 10,000 bar is as wide as a 10,000 flow would be.
    h0 = page.evaluate("document.querySelector('.crossings-bar').getBoundingClientRect().height")
    page.evaluate("() => { crossingsMap.setZoom(crossingsMap.getZoom() + 1, {animate: false}); }")

    def bar_height():
        return page.evaluate("document.querySelector('.crossings-bar').getBoundingClientRect().height")

    assert eventually(lambda: bar_height() == pytest.approx(2 * h0, rel=0.05))  # no cap: as wide as its band


def test_flows_are_drawn_in_their_colours_where_they_belong(page, default_map):
    doc, _, symbols = default_map
    theme = doc.theme
    # Sea and land as in the PNG: the Atlantic off Morocco, and the Sahara in Algeria (a focus country).
    assert close(pixel(page, *screen_point(page, (33.0, -16.0))), rgb(theme.sea), 3)
    assert close(pixel(page, *screen_point(page, (28.0, 2.0))), rgb(theme.focus_land), 3)
    for row in symbols.itertuples():
        zoom_to(page, row.geometry)
        x, y = screen_point(page, inner_point(row.geometry))
        want = rgb(doc.flow_style.colour_for(row.group))
        assert close(pixel(page, x, y), want), (row.route_id, pixel(page, x, y), want)
        top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).getAttribute('class')", [x, y])
        assert f"crossings-flow-{row.route_id}" in top


def test_unticking_a_layer_hides_it(page, default_map):
    doc, _, symbols = default_map
    atl = symbols.set_index("route_id").loc["ATL", "geometry"]
    x, y = screen_point(page, inner_point(atl))
    blue = rgb(doc.flow_style.colour_for("Atlantic"))
    assert close(pixel(page, x, y), blue)
    page.hover(".leaflet-control-layers")  # folded to a button: pointed at, the list opens
    box = page.get_by_label("Flows: arrivals, Q4 2024")
    assert box.is_checked()
    box.uncheck()
    expect(page.locator("path.crossings-flow")).to_have_count(0)  # waits (up to 5 s) on a loaded machine
    expect(page.locator(".leaflet-tooltip.crossings-value")).to_have_count(0)
    assert eventually(lambda: not close(pixel(page, x, y), blue, 40))
    assert page.locator("path.crossings-country").count() > 40  # the other layers stay
    box.check()
    expect(page.locator("path.crossings-flow")).to_have_count(5)
    assert eventually(lambda: close(pixel(page, x, y), blue))
    page.get_by_label("Countries").uncheck()
    expect(page.locator("path.crossings-country")).to_have_count(0)
    assert eventually(lambda: close(pixel(page, *screen_point(page, (28.0, 2.0))), rgb(doc.theme.sea), 3))


def test_hovering_a_flow_shows_its_figure_period_and_source(page, default_map):
    symbols = default_map[2].set_index("route_id")
    for route_id, figure, source in (("ATL", "16,109 (a)", "UNHCR"), ("CMR-LY", "11,341", "Not named in the update (linked)")):
        geom = symbols.loc[route_id, "geometry"]
        zoom_to(page, geom)
        page.mouse.move(*screen_point(page, inner_point(geom)))
        tip = page.locator(".leaflet-tooltip.crossings-tip")
        tip.wait_for(state="visible")
        text = tip.inner_text()
        assert f"{figure} arrivals" in text
        assert "Q4 2024 (29\u00a0Sep\u00a02024 – 29\u00a0Dec\u00a02024)" in text
        assert f"Source: {source}" in text
        page.mouse.move(5, 890)
        tip.wait_for(state="detached")


def test_a_malicious_route_name_is_shown_as_text_and_runs_nothing(browser, tmp_path):
    doc = malicious_document(tmp_path)
    view = page_view(doc)
    path = export_webmap(doc, view, tmp_path / "evil.html")
    atl = export_layers(doc, view)["flow_symbols"].set_index("route_id").loc["ATL", "geometry"]
    browser.blocked.clear()
    browser.errors.clear()
    browser.dialogs.clear()
    page = browser.open(path)
    try:
        assert page.locator(".crossings-title-text").inner_text() == PAYLOAD
        assert PAYLOAD in page.locator("#crossings-footer").inner_text()
        zoom_to(page, atl)
        page.mouse.move(*screen_point(page, inner_point(atl)))
        tip = page.locator(".leaflet-tooltip.crossings-tip")
        tip.wait_for(state="visible")
        assert PAYLOAD in tip.inner_text()
        page.mouse.click(*screen_point(page, inner_point(atl)))
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible")
        assert "</script><script>alert(3)</script>" in popup.inner_text()
        assert "${alert(2)}" in popup.inner_text()
        page.wait_for_timeout(300)
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate("document.querySelectorAll('script').length") == path.read_text(encoding="utf-8").count("<script>")
        assert browser.dialogs == []
        assert browser.blocked == []
    finally:
        page.close()


def test_a_french_map_speaks_french_in_its_tooltips_and_an_arabic_one_reads_right_to_left(browser, bundled_doc_factory,
                                                                                          tmp_path):
    """The page's script takes its words from the map's language (geo.map_words), as the furniture does."""
    doc = bundled_doc_factory()
    doc.label_language = "fr"
    view = page_view(doc)
    atl = export_layers(doc, view)["flow_symbols"].set_index("route_id").loc["ATL", "geometry"]
    page = browser.open(export_webmap(doc, view, tmp_path / "fr.html"))
    try:
        zoom_to(page, atl)
        page.mouse.move(*screen_point(page, inner_point(atl)))
        tip = page.locator(".leaflet-tooltip.crossings-tip")
        tip.wait_for(state="visible")
        text = " ".join(tip.inner_text().split())
        assert "16 109 (a) arrivées" in text and "T4 2024 (29 sept. 2024 – 29 déc. 2024)" in text
        assert "Source : HCR" in text
        page.mouse.click(*screen_point(page, inner_point(atl)))
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible")
        assert "Période" in popup.inner_text() and "Period" not in popup.inner_text()
    finally:
        page.close()
    doc.label_language = "ar"
    page = browser.open(export_webmap(doc, view, tmp_path / "ar.html"))
    try:
        assert page.evaluate("getComputedStyle(document.getElementById('crossings-legend')).direction") == "rtl"
        assert page.evaluate("getComputedStyle(document.querySelector('.crossings-disclaimer')).fontStyle") == "normal"
    finally:
        page.close()


def test_a_tall_legend_scrolls_within_the_map_below_the_layers_list(browser, qapp, tmp_path):
    """The overview's legend (two width scales, eleven circle layers) is taller than the map at 1400 x 900:
    it ran up over the layers' list and out of the map's top, its heading cut off. It now scrolls within
    the map's height, below the list, its heading in view, after a resize too."""
    from geo import paths
    from geo.project import load_project
    from gui.layout import page_view as fitted_view

    doc = load_project(paths.data_path() / "projects" / "q4_2024_overview.crossings.json")
    doc.label_language = "fr"
    path = export_webmap(doc, fitted_view(doc), tmp_path / "overview.html")
    page = browser.open(path)
    try:
        def boxes():
            return page.evaluate("""() => {
              const r = e => { const b = e.getBoundingClientRect(); return [b.top, b.bottom]; };
              const legend = document.getElementById('crossings-legend');
              return {map: r(crossingsMap.getContainer()), layers: r(document.querySelector('.leaflet-top.leaflet-right')),
                      legend: r(legend), heading: r(legend.querySelector('.crossings-legend-heading')),
                      scrolls: legend.scrollHeight > legend.clientHeight};
            }""")

        for height in (900, 700):
            page.set_viewport_size({"width": 1400, "height": height})
            page.wait_for_timeout(300)
            b = boxes()
            assert b["scrolls"], height  # taller than the room: it scrolls
            assert b["legend"][0] >= b["layers"][1] and b["legend"][1] <= b["map"][1], (height, b)
            assert b["heading"][0] >= b["legend"][0] >= b["map"][0], (height, b)
    finally:
        page.close()
