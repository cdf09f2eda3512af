"""The renderer, checked by its pixels: routes where they should be, widths in proportion."""

import numpy as np
import pytest
import shapely
from painted import paint, pixels
from pyproj import Transformer
from PySide6.QtGui import QColor

from geo.page import Page
from geo.projection import resolve_crs
from gui.export import render_image
from gui.render import MapRenderer, RenderOptions


def hexrgb(colour: str) -> np.ndarray:
    c = QColor(colour)
    return np.array([c.red(), c.green(), c.blue()])


@pytest.fixture
def rendered(doc):
    image, view, report = paint(doc, Page("A4", "landscape", 150))
    return doc, view, report, pixels(image)


def lonlat_to_px(view, lon, lat):
    t = Transformer.from_crs("EPSG:4326", resolve_crs(view.crs), always_xy=True)
    x, y = t.transform(lon, lat)
    return view.to_px(np.array([[x, y]]))[0]


def band_width_px(img, colour, centre, direction):
    """Pixels of ``colour`` along the perpendicular through ``centre``."""
    normal = np.array([-direction[1], direction[0]])
    count = 0
    for t in np.arange(-80, 80, 0.5):
        x, y = (centre + t * normal).round().astype(int)
        if np.abs(img[y, x].astype(int) - colour).max() <= 6:
            count += 1
    return count * 0.5


def test_cmr_band_lies_over_the_sea_between_libya_and_lampedusa_and_is_wider_than_wmr(rendered):
    doc, view, report, img = rendered
    cmr = hexrgb(doc.flow_style.colour_for("CMR"))
    wmr = hexrgb(doc.flow_style.colour_for("WMR"))
    symbols = report.symbols.set_index("route_id")
    # the sea between Tripoli (13.2E 32.9N) and Lampedusa (12.6E 35.5N): CMR-LY's centre line crosses it
    line = symbols.loc["CMR-LY", "centreline"]
    mid = line.interpolate(0.5, normalized=True)
    lon, lat = Transformer.from_crs(resolve_crs(view.crs), "EPSG:4326", always_xy=True).transform(mid.x, mid.y)
    assert 11.5 < lon < 15.5 and 33.3 < lat < 35.6
    land = doc.layer("boundaries").data
    assert not land.contains(shapely.Point(lon, lat)).any()  # over the sea
    cx, cy = view.to_px(np.array([[mid.x, mid.y]]))[0]
    assert np.abs(img[int(cy), int(cx)].astype(int) - cmr).max() <= 6

    def width(route_id, colour):
        ln = symbols.loc[route_id, "centreline"]
        a, b = ln.interpolate(0.35, normalized=True), ln.interpolate(0.40, normalized=True)
        pa, pb = view.to_px(np.array([[a.x, a.y], [b.x, b.y]]))
        d = (pb - pa) / np.linalg.norm(pb - pa)
        return band_width_px(img, colour, (pa + pb) / 2, d)

    w_cmr, w_wmr = width("CMR-LY", cmr), width("WMR", wmr)
    k = view.px_per_mm
    casing = 0.35 * k  # the white outline covers half its width on each side of the band
    assert w_cmr == pytest.approx(symbols.loc["CMR-LY", "width_mm"] * k - casing, abs=2.0)
    assert w_wmr == pytest.approx(symbols.loc["WMR", "width_mm"] * k - casing, abs=2.0)
    assert w_cmr > 1.8 * w_wmr  # 11,341 against 5,128


def test_every_drawn_flow_has_a_value_label_and_none_overlap(rendered):
    _, _, report, _ = rendered
    inset_keys = [lab.key for _, inset in report.insets for lab in inset.value_labels]  # printed there, once
    # numbered for want of room: at 150 dpi Italy's total had no room but 99 % over Algeria and Tunisia
    numbered = [key for k in report.numbered for key in k.keys]
    keys = sorted([*(lab.key for lab in report.value_labels), *inset_keys, *numbered])
    assert keys == sorted([*report.symbols["route_id"], "total:CMR", "total:ESP"])  # and Italy's and Spain's totals
    boxes = [shapely.box(*lab.rect) for lab in report.value_labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.intersects(b)


def test_arrowhead_points_at_the_destination(rendered):
    doc, view, report, img = rendered
    atl = report.symbols.set_index("route_id").loc["ATL", "centreline"]
    end = lonlat_to_px(view, *Transformer.from_crs(resolve_crs(view.crs), "EPSG:4326", always_xy=True)
                       .transform(*atl.coords[-1]))
    # just before the tip, the Atlantic colour is there
    before = np.asarray(atl.interpolate(atl.length - view.mm_to_units(1.0)).coords[0])
    bx, by = view.to_px(before[None, :])[0]
    assert np.abs(img[int(by), int(bx)].astype(int) - hexrgb(doc.flow_style.colour_for("Atlantic"))).max() <= 6
    assert end[1] < view.frame_px[1] + view.frame_px[3]  # tip is inside the map frame


def test_transparent_render_leaves_the_page_clear(doc):
    page = Page.from_pixels(400, 280, dpi=72)
    image = render_image(doc, page, RenderOptions(transparent=True, furniture=False))
    assert image.pixelColor(1, 1).alpha() == 0  # page margin: nothing painted
    left, top, w, h = MapRenderer(doc).page_view(page).frame_px
    assert image.pixelColor(int(left + w / 2), int(top + h / 2)).alpha() > 0  # the map itself


def test_basemap_cache_gives_the_same_pixels_and_never_goes_stale(doc):
    from gui.render import PHASES

    page = Page.from_pixels(600, 420, dpi=72)
    doc.extent_lonlat = (-21.5, 11.5, 23.5, 45.0)  # one frame for both selections (by default each fits its flows)
    doc.legend_place = "inside"  # and one legend place: on this small page one legend goes beside the map, one over it
    direct = pixels(render_image(doc, page, RenderOptions(phases=frozenset(PHASES))))  # no cache: all vectors
    assert not doc.render_cache
    render_image(doc, page)  # first sight of this view: painted directly, remembered
    first = pixels(render_image(doc, page))  # second: the basemap image is built and used
    assert len(doc.render_cache) == 1 and next(iter(doc.render_cache.values())) is not None
    second = pixels(render_image(doc, page))
    assert (first == second).all()
    # compositing the cached image differs from painting directly only in antialiased edge pixels
    differs = (np.abs(direct.astype(int) - first) > 3).any(axis=2)
    assert differs.mean() < 0.01
    doc.select("2024", "arrivals")  # another selection reuses the basemap...
    render_image(doc, page)
    assert len(doc.render_cache) == 1
    doc.layer("boundaries").style.fill = "#ff00ff"  # ...a style change does not
    doc.style_changed()
    assert not doc.render_cache
    doc.theme.land = "#ff00ff"
    magenta = pixels(render_image(doc, page))
    assert (magenta == [255, 0, 255]).all(axis=2).sum() > 1000


def test_layers_are_drawn_in_the_panel_order_and_point_layers_show(doc):
    import geopandas as gpd

    from geo.document import Layer
    from geo.styles import LayerStyle

    page = Page.from_pixels(700, 500, dpi=72)
    renderer = MapRenderer(doc)
    office = gpd.GeoDataFrame({"name": ["Office"]}, geometry=gpd.points_from_xy([2.0], [28.0]), crs=4326)
    doc.add_layer(Layer("points", "Offices", office, style=LayerStyle(fill="#00ff00", stroke_width_mm=0.6)))
    image = render_image(doc, page)
    view = renderer.page_view(page)
    x, y = view.to_px(np.array(Transformer.from_crs("EPSG:4326", resolve_crs(view.crs), always_xy=True)
                                .transform(2.0, 28.0))[None, :])[0]
    assert image.pixelColor(int(x), int(y)).name() == "#00ff00"  # the office dot, in the Algerian desert
    # where a flow's band lies on land (an expulsion across the desert: sea bands are kept off the
    # coast), the layer order decides which shows
    doc.period, doc.metric = "2024", "expulsions"
    img, view, report = paint(doc, page)  # this selection's view: the frame fits the flows shown
    land = doc.layer("boundaries").data.to_crs(resolve_crs(view.crs)).union_all()
    overlaps = [(row.group, row.geometry.intersection(land).buffer(-view.units_per_px * 2))  # well inside both
                for row in report.symbols.itertuples()]
    group, overlap = max(overlaps, key=lambda o: o[1].area)
    assert not overlap.is_empty
    pt = overlap.representative_point()
    ox, oy = view.to_px(np.array([[pt.x, pt.y]]))[0]
    colour = QColor(doc.flow_style.colour_for(group)).name()
    assert img.pixelColor(int(ox), int(oy)).name() == colour  # flows above countries (the default order)
    doc.move_layer(doc.layer("boundaries"), len(doc.layers) - 1)  # countries on top
    covered = render_image(doc, page)
    assert covered.pixelColor(int(ox), int(oy)).name() != colour


def test_place_markers_follow_the_layer_order_and_names_stay_on_top(doc):
    page = Page.from_pixels(900, 640, dpi=96)
    image, view, report = paint(doc, page)
    places = doc.projected(doc.layer("places")).set_index("place_id")
    ceuta = places.loc["ceuta", "geometry"]
    x, y = view.to_px(np.array([[ceuta.x, ceuta.y]]))[0]
    assert image.pixelColor(int(x), int(y)).name() == "#000000"  # the enclave's black dot
    names_before = {t for k, t, *_ in report.texts if k == "place"}
    doc.move_layer(doc.layer("places"), 0)  # under the countries now
    image2, _, under = paint(doc, page)
    assert image2.pixelColor(int(x), int(y)).name() != "#000000"  # covered by Spain's fill
    assert {t for k, t, *_ in under.texts if k == "place"} == names_before  # names still drawn


def test_an_opaque_page_is_painted_in_three_bytes_a_pixel_and_is_the_same_picture(doc):
    """An opaque page is painted as the PNG stores it (RGB, three bytes a pixel: an A4 page at 300 dpi
    holds 8.7 MB less at the cold render's peak, bench/README.md); the picture is the one painted in four
    bytes a pixel, to within rounding at antialiased edges."""
    from PySide6.QtGui import QImage

    page = Page("A4", "landscape", 100)
    image = render_image(doc, page)
    assert image.format() == QImage.Format.Format_RGB888 and image.bytesPerLine() < 4 * image.width()
    doc.render_cache.clear()  # painted directly both times: the basemap's cached image differs at its edges
    reference, _view, _report = paint(doc, page)  # four bytes a pixel (RGB32)
    diff = np.abs(pixels(image).astype(int) - pixels(reference).astype(int)).max(axis=2)
    # rounding in each of the layers composited at an edge (casings, borders): 1 or 2 %, a pixel in 10,000
    assert diff.max() <= 8 and (diff > 0).mean() < 0.02 and (diff > 1).mean() < 0.0002
