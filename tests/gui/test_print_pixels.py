"""The printed map measured on its pixels and its geometry, not on what the renderer says it drew.

Each test finds a thing by what is known of it (a flow's colour and course, the legend's box from the
page layout, a label's box and text) and measures it in the rendered image: widths across a band or
a bar to a tenth of a pixel, the scale bar's ends, the colours of glyphs and of what is around them.
The expectations come from the definitions (the width scale, the projection, WCAG 2), never from the
renderer's report. Helpers: pixels_support.py. (Issue 11, item 8.)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pytest
import shapely
from painted import paint, pixels
from pixels_support import (
    band_widths,
    bars_in,
    cross_section,
    measure_text,
    median_width,
    read_text,
    scale_bar_in,
)
from pyproj import CRS, Geod, Transformer
from PySide6.QtGui import QImage, QPainter

from geo.flow_geometry import ArrowStyle
from geo.legend import SIZE, legend_entries
from geo.map_language import map_language
from geo.page import Page
from geo.styles import CASING_MM
from gui.fonts import map_font
from gui.furniture_painter import FurniturePainter
from gui.layout import PageLayout, furniture_boxes
from gui.small_multiples import drawn_on, panel_scale, selection_kept

PERIODS = ["2023", "2024"]


@dataclass
class Rendered:
    doc: object
    page: Page
    image: QImage
    img: np.ndarray
    view: object
    report: object

    @property
    def mm(self) -> float:
        return self.view.px_per_mm

    @property
    def dpm(self) -> tuple[int, int]:
        return self.image.dotsPerMeterX(), self.image.dotsPerMeterY()

    def fonts(self, pt: list[float], **kw) -> list:
        """Fonts as the map sets them on this image (its dpi is the page's, as an export's is)."""
        return [map_font(p, self.page.dpi, self.image.logicalDpiY(), **kw) for p in pt]


def page_image(page: Page) -> QImage:
    """A page's image as the PNG export makes it (gui.export.render_image): the page's dpi is the
    image's own, which is what the fonts (and the halos built from them) are sized for."""
    image = QImage(*page.size_px, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(page.dpi / 0.0254))
    image.setDotsPerMeterY(round(page.dpi / 0.0254))
    return image


def render(doc, page: Page) -> Rendered:
    """The page painted as the PNG export paints it (gui.export.paint_page for one map), keeping the
    renderer (for the label boxes, which only locate labels: what they show is read off the pixels)."""
    image, view, report = paint(doc, page, page_image(page))
    return Rendered(doc, page, image, pixels(image).astype(float), view, report)


@pytest.fixture(scope="module")
def default_map(qapp, bundled_doc_factory) -> Rendered:
    """The bundled default map (arrivals, Q4 2024), A4 landscape at 300 dpi."""
    return render(bundled_doc_factory(), Page("A4", "landscape", 300))


def number(text: str) -> float:
    return float("".join(ch for ch in text if ch.isdigit()))


# -- flow bands, measured square across their course ---------------------------------------------------
def arrow_length_px(row, line_px, mm: float) -> float:
    arrow = ArrowStyle()
    return min(max(row.arrow_width_mm * arrow.length_factor, arrow.min_length_mm) * mm, 0.45 * line_px.length)


def measured_bands(r: Rendered, symbols=None, view=None) -> dict[str, tuple[float, float, float]]:
    """route id -> (outline width, coloured width, the scale's width), in pixels, of every filled band
    of ``symbols`` (default: the map's own, as the domain lays them out for its view) measured in the
    image: the median of the clean cross-sections along the body, clear of the arrowhead (a band with
    fewer than three is left out)."""
    doc, view = r.doc, view or r.view
    symbols = doc.flow_symbols(view) if symbols is None else symbols
    scale = doc.width_scale()
    mm = view.px_per_mm
    out = {}
    for row in symbols.itertuples():
        if row.symbol in ("circle", "zero") or not row.filled or row.centreline.geom_type != "LineString":
            continue
        line = shapely.transform(row.centreline, view.to_px)
        body = line.length - arrow_length_px(row, line, mm)
        if body < 3 * mm:
            continue  # too short to measure clear of its ends
        expected = scale.width_mm(row.value) * mm
        sections = band_widths(r.img, line, doc.flow_colour(row.route_id, row.group), expected / 2, body, mm, least=0)
        if len(sections) >= 3:  # else it runs along a coast or under its labels: the tests say which they need
            out[row.route_id] = (median_width(sections), median_width(sections, "colour_px"), expected)
    return out


@pytest.fixture(scope="module")
def default_bands(default_map):
    return measured_bands(default_map)


@pytest.fixture(scope="module")
def legend_bars(default_map):
    """The size rows the default map's legend should have, and what it shows: (text read beside the bar,
    how well it reads, the bar) for every bar of their colour found in the legend's box."""
    r = default_map
    mm = r.mm
    box = furniture_boxes(r.doc, r.page)[1]
    entries = [e for e in legend_entries(r.doc) if e.kind == SIZE]
    texts = [e.text for e in entries]
    found = []
    for bar in bars_in(r.img, box, entries[0].colour, 0.75 * FurniturePainter.BAND_MM * mm):
        cy = (bar.top + bar.bottom) / 2
        region = (bar.right + 1 * mm, cy - 2.2 * mm, box[2] - 1 * mm, cy + 2.2 * mm)
        found.append((*read_text(r.img, region, texts, r.fonts([7, 7.5, 8]), r.dpm), bar))
    return texts, found


def size_rows(legend_bars) -> list:
    """(text, value, bar) of every size row, once each row is seen to have its bar and its text."""
    texts, found = legend_bars
    assert len(found) == len(texts), f"{len(found)} bars drawn in the legend for its {len(texts)} size rows {texts}"
    for text, fit, bar in found:
        assert fit > 0.6, f"the text beside the bar at y={bar.top} reads as none of {texts} (best {text!r}, {fit:.2f})"
    assert [t for t, *_ in found] == texts, "the legend's size rows are not in their order"
    return [(text, number(text), bar) for text, _, bar in found]


def bar_outline_px(bar, mm: float) -> float:
    """A legend bar's drawn width: all of it is colour (a sample has no casing, so it is as long as
    BAND_MM too; a casing would take the same off its length as off its width)."""
    return bar.thickness + (FurniturePainter.BAND_MM * mm - bar.length)


def test_every_band_is_drawn_as_wide_as_the_width_scale_says(default_map, default_bands):
    """A band's colour is the width its figure has on the width scale, to a pixel at 300 dpi, and its
    white casing lies outside it, CASING_MM wide (measured between the casing's middles, the outline is
    the colour plus half the casing on either side)."""
    assert set(default_bands) == {"ATL", "CMR-LY", "WMR", "CMR-TN", "CMR-DZ"}
    mm = default_map.mm
    for route, (outline, colour, expected) in default_bands.items():
        assert abs(colour - expected) <= 1.0, f"{route}: {colour:.2f} px of colour, the scale says {expected:.2f} px"
        assert abs(outline - colour - CASING_MM * mm) <= 1.0, \
            f"{route}: the casing adds {outline - colour:.2f} px, not {CASING_MM * mm:.2f} px outside the colour"


def test_legend_size_bars_are_drawn_as_wide_as_their_values_on_the_width_scale(default_map, legend_bars):
    """Each size row's bar, found in the legend box by its colour, with its value read from the text
    drawn beside it: as wide as that value on the map's width scale, to a pixel at 300 dpi."""
    scale, mm = default_map.doc.width_scale(), default_map.mm
    for text, value, bar in size_rows(legend_bars):
        expected = scale.width_mm(value) * mm
        drawn = bar_outline_px(bar, mm)
        assert abs(drawn - expected) <= 1.0, f"legend bar {text}: {drawn:.2f} px, the scale says {expected:.2f} px"


def test_legend_bars_are_as_wide_as_the_bands_drawn_for_their_values(default_map, legend_bars, default_bands):
    """The legend against the map, both measured: each bar against the band of the nearest width,
    taken to the bar's value along the scale (a band of the same width where there is one: the
    0.6 mm minimum of '500' and CMR-DZ's 555)."""
    scale, mm = default_map.doc.width_scale(), default_map.mm
    flows = default_map.doc.join().flows
    values = dict(zip(flows["route_id"], flows["value"], strict=True))
    for text, value, bar in size_rows(legend_bars):
        width = scale.width_mm(value)
        route = min(default_bands, key=lambda k: abs(scale.width_mm(values[k]) - width))
        band = default_bands[route][1] * width / scale.width_mm(values[route])  # its colour
        drawn = bar_outline_px(bar, mm)
        assert abs(drawn - band) <= 1.0, (f"legend bar {text}: {drawn:.2f} px; the {route} band ({values[route]:,.0f}) "
                                          f"gives {band:.2f} px for it")


def test_the_colour_a_reader_sees_is_as_wide_as_the_legend_says(default_map, legend_bars, default_bands):
    """What a reader compares is the colour: in the legend and on the map, the coloured width of a
    sample and of a band is the width the scale gives its figure, to a pixel at 300 dpi."""
    scale, mm = default_map.doc.width_scale(), default_map.mm
    wrong = [f"legend {text}: {bar.thickness:.2f} px of colour for {scale.width_mm(value) * mm:.2f} px"
             for text, value, bar in size_rows(legend_bars) if abs(bar.thickness - scale.width_mm(value) * mm) > 1.0]
    wrong += [f"{route}: {colour:.2f} px of colour for {expected:.2f} px"
              for route, (_, colour, expected) in default_bands.items() if abs(colour - expected) > 1.0]
    assert not wrong, "; ".join(wrong)


# -- the scale bar ------------------------------------------------------------------------------------
ROUND_KM = (10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)


def metres_per_px_at_centre(view) -> float:
    """Ground metres per page pixel east-west at the centre of ``view``'s extent (geodesic, WGS84)."""
    minx, miny, maxx, maxy = view.extent
    units_per_px = (maxx - minx) / view.frame_px[2]
    cx, cy, d = (minx + maxx) / 2, (miny + maxy) / 2, (maxx - minx) / 200
    to_lonlat = Transformer.from_crs(CRS.from_user_input(view.crs), "EPSG:4326", always_xy=True)
    (lon0, lon1), (lat0, lat1) = to_lonlat.transform([cx - d, cx + d], [cy, cy])
    _, _, metres = Geod(ellps="WGS84").inv(lon0, lat0, lon1, lat1)
    return metres / (2 * d / units_per_px)


def check_scale_bar(r: Rendered, view, box) -> None:
    doc, img, mm = r.doc, r.img, r.page.px_per_mm
    bar = scale_bar_in(img, box, doc.theme.text, 10 * mm)
    lang = map_language(doc)
    region = (bar.right - 12 * mm, bar.bottom + 0.3 * mm, min(bar.right + 12 * mm, box[2]), bar.bottom + 5 * mm)
    label, fit = read_text(img, region, [lang("km", n=lang.number(k)) for k in ROUND_KM], r.fonts([6.5, 7, 7.5]), r.dpm)
    assert fit > 0.7, f"no distance read under the scale bar's end (best {label!r}, {fit:.2f})"
    km = number(label)
    expected = km * 1000 / metres_per_px_at_centre(view)
    assert abs(bar.length - expected) <= 0.01 * expected, (
        f"the scale bar labelled {label!r} is {bar.length:.1f} px long; {km:g} km at the map centre is "
        f"{expected:.1f} px ({bar.length / expected:.3f} x)")
    assert 15 * mm <= bar.length <= 45 * mm, f"a scale bar of {bar.length / mm:.1f} mm"


def test_the_scale_bar_is_as_long_as_the_distance_it_claims(default_map):
    """Its length, between the middles of its end strokes, is the distance written under it as the map
    projects it at its centre ('Scale true at the map centre'), to 1 %."""
    r = default_map
    check_scale_bar(r, r.view, furniture_boxes(r.doc, r.page)[2])


def test_the_scale_bar_is_true_on_an_a3_portrait_page_in_etrs89_laea(qapp, bundled_doc_factory):
    doc = bundled_doc_factory()
    doc.crs = "EPSG:3035"
    r = render(doc, Page("A3", "portrait", 150))
    check_scale_bar(r, r.view, furniture_boxes(doc, r.page)[2])


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_scale_bars_distances_stand_on_one_baseline(qapp, bundled_doc_factory, language):
    """In Arabic "250 كم" took the Arabic face's taller line and stood 7 px (0.6 mm) below its "0". The
    bottoms of the "0" under the bar's start and of the last digits under its end, read off the pixels,
    are level to a pixel."""
    doc = bundled_doc_factory()
    doc.label_language = language
    r = render(doc, Page("A4", "landscape", 300))
    mm = r.view.px_per_mm
    box = furniture_boxes(doc, r.page)[2]
    bar = scale_bar_in(r.img, box, doc.theme.text, 10 * mm)
    top, bottom = round(bar.bottom + 0.5 * mm), round(bar.bottom + 5 * mm)
    dark = r.img[top:bottom].mean(axis=2) < 110

    def bottom_row(cols: slice) -> int:
        rows = np.flatnonzero(dark[:, cols].any(axis=1))
        assert len(rows), f"nothing written under the bar at columns {cols}"
        return int(rows[-1])

    start, end = round(bar.left), round(bar.right)
    zero = bottom_row(slice(start - round(1.5 * mm), start + round(1.5 * mm)))
    cols = np.flatnonzero(dark.any(axis=0))
    last = int(cols[cols < end + round(15 * mm)].max())  # the label's right end: digits in either direction
    digits = bottom_row(slice(last - round(1.2 * mm), last + 1)) if language == "ar" else \
        bottom_row(slice(end - round(2.5 * mm), end - round(0.5 * mm)))
    assert abs(zero - digits) <= 1, (zero, digits)


# -- a fixed scale value ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def fixed_scales(qapp, bundled_doc_factory):
    """The default map with the scale value fixed at 20,000 and at 40,000 (``--scale-value``)."""
    out = {}
    for value in (20000.0, 40000.0):
        doc = bundled_doc_factory()
        doc.flow_style.reference_value = value
        r = render(doc, Page("A4", "landscape", 300))
        out[value] = (r, measured_bands(r))
    return out


def test_a_fixed_scale_value_sets_the_band_widths(fixed_scales):
    """``--scale-value V`` draws V at the full width (7.5 mm): a band of figure F is F / V of it, so
    doubling V halves every band above the minimum, in the pixels."""
    (r1, bands1), (_, bands2) = fixed_scales[20000.0], fixed_scales[40000.0]
    style, mm = r1.doc.flow_style, r1.mm
    values = dict(zip(r1.doc.join().flows["route_id"], r1.doc.join().flows["value"], strict=True))
    compared = 0
    for route in sorted(set(bands1) & set(bands2)):
        w1, w2 = bands1[route][1], bands2[route][1]  # the colour: the figure's width
        for fixed, drawn in ((20000.0, w1), (40000.0, w2)):
            expected = max(values[route] / fixed * style.max_width_mm, style.min_width_mm) * mm
            assert abs(drawn - expected) <= 1.0, (f"{route} ({values[route]:,.0f}) at a fixed {fixed:,.0f}: "
                                                  f"{drawn:.2f} px, expected {expected:.2f} px")
        if values[route] / 40000.0 * style.max_width_mm > style.min_width_mm:
            assert w1 / w2 == pytest.approx(2.0, rel=0.03), f"{route}: {w1:.2f} px at 20,000, {w2:.2f} px at 40,000"
            compared += 1
    assert compared >= 3, f"only {compared} bands measured at both scale values"


def test_a_fixed_scale_value_sets_the_circle_areas(qapp, bundled_doc_factory):
    """Circles (the dead and missing) are to scale by area: fixing the scale value four times larger
    halves their diameters."""
    drawn = {}
    for value in (500.0, 2000.0):
        doc = bundled_doc_factory()
        doc.select("2024Q4", "dead_missing", None)
        doc.flow_style.reference_value = value
        r = render(doc, Page("A4", "landscape", 150))
        mm = r.mm
        for row in r.doc.flow_symbols(r.view).itertuples():
            if row.symbol != "circle":
                continue
            line = shapely.transform(row.centreline, r.view.to_px)
            centre = shapely.transform(row.geometry, r.view.to_px).centroid
            expected = max(math.sqrt(row.value / value) * doc.flow_style.max_circle_mm, doc.flow_style.min_circle_mm) * mm
            # a diameter: across the route at the circle's centre, else across a line through the centre at
            # another angle (a coast within a millimetre of the circle is no even ground to measure against)
            section = cross_section(r.img, line, line.project(centre), doc.flow_colour(row.route_id, row.group),
                                    expected / 2, mm)
            for angle in np.radians(np.arange(0, 180, 15)):
                if section is not None:
                    break
                d = np.array([np.cos(angle), np.sin(angle)]) * expected
                through = shapely.LineString([np.array(centre.coords[0]) - d, np.array(centre.coords[0]) + d])
                section = cross_section(r.img, through, through.length / 2, doc.flow_colour(row.route_id, row.group),
                                        expected / 2, mm)
            assert section is not None, f"{row.route_id}: no clean cross-section of its circle"
            drawn[(row.route_id, value)] = (section.colour_px, expected)
    assert len(drawn) >= 6
    for (route, value), (width, expected) in drawn.items():
        assert abs(width - expected) <= 1.0, f"{route} circle at a fixed {value:,.0f}: {width:.2f} px, expected {expected:.2f}"
    for route in {k for k, _ in drawn}:
        ratio = drawn[(route, 500.0)][0] / drawn[(route, 2000.0)][0]
        assert ratio == pytest.approx(2.0, rel=0.05), f"{route}: diameters {ratio:.3f} x apart, not 2"


# -- small multiples ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def small_multiples(qapp, bundled_doc_factory):
    return paint_small_multiples(bundled_doc_factory())


def paint_small_multiples(doc):
    """``--periods 2023 2024`` on A4 landscape at 300 dpi, with the document's own held scale off: only
    the small multiples' shared scale holds the panels together."""
    from gui.small_multiples import render_small_multiples

    doc.flow_style.hold_scale = False
    page = Page("A4", "landscape", 300)
    image = page_image(page)
    image.fill(0)
    painter = QPainter(image)
    try:
        views = render_small_multiples(painter, doc, page, PERIODS)
    finally:
        painter.end()
    return doc, page, image, pixels(image).astype(float), views


def test_small_multiples_draw_every_panel_on_one_width_scale(small_multiples):
    """A route's band in each panel, measured: as wide as its figure on one scale for both periods
    (the largest figure of either drawn full width), so the ratio of one route's widths from panel
    to panel is the ratio of its figures."""
    doc, page, image, img, views = small_multiples
    values = {}
    for period in PERIODS:
        doc.select(period, "arrivals", None)
        values[period] = dict(zip(doc.join().flows["route_id"], doc.join().flows["value"], strict=True))
    largest = max(max(v.values()) for v in values.values())
    style = doc.flow_style
    # a panel half the frame draws its widest band at 7.5 mm x sqrt(its share of the frame's area)
    widest = panel_scale(doc, page, PERIODS).reference_width_mm
    panel = views[0].frame_px[2] * views[0].frame_px[3]
    frame = PageLayout().frame_px(page)[2] * PageLayout().frame_px(page)[3]
    assert widest == pytest.approx(style.max_width_mm * (panel / frame) ** 0.5, abs=0.05) and widest < 5.5
    widths = {}
    with selection_kept(doc):
        drawn_on(doc, panel_scale(doc, page, PERIODS))  # only to lay the bands out where they were drawn, to find them
        for period, view in zip(PERIODS, views, strict=True):
            doc.select(period, "arrivals", None)
            r = Rendered(doc, page, image, img, view, None)
            widths[period] = measured_bands(r, view=view)
    mm = page.px_per_mm
    for period, bands in widths.items():
        for route, (_, drawn, _) in bands.items():  # the colour: the figure's width
            expected = max(values[period][route] / largest * widest, style.min_width_mm) * mm
            assert abs(drawn - expected) <= 1.0, (f"{period} {route} ({values[period][route]:,.0f}): {drawn:.2f} px; "
                                                  f"on one scale ({largest:,.0f} = {widest} mm) {expected:.2f} px")
    assert all(len(bands) >= 3 for bands in widths.values()), {p: sorted(b) for p, b in widths.items()}
    both = [k for k in set(widths["2023"]) & set(widths["2024"])
            if min(values[p][k] for p in PERIODS) / largest * widest > style.min_width_mm]
    assert len(both) >= 2, f"too few routes measured in both panels: {both}"
    for route in both:
        ratio = widths["2023"][route][1] / widths["2024"][route][1]
        figures = values["2023"][route] / values["2024"][route]
        assert ratio == pytest.approx(figures, rel=0.02), (f"{route}: widths {ratio:.3f} x from 2023 to 2024, "
                                                           f"figures {figures:.3f} x")


def test_the_small_multiples_scale_bar_is_true(small_multiples):
    """The one scale bar of the page, laid out in the last panel's frame, on that panel's view."""
    from geo.view import MapView

    doc, page, image, img, views = small_multiples
    probe = QImage(1, 1, QImage.Format.Format_RGB32)
    probe.setDotsPerMeterX(image.dotsPerMeterX())
    probe.setDotsPerMeterY(image.dotsPerMeterY())
    painter = QPainter(probe)
    try:
        last = MapView(doc.crs, doc.default_extent(), views[-1].frame_px, page.dpi)
        box = FurniturePainter(doc, last, painter, periods=PERIODS).layout_rects()["scale"]
    finally:
        painter.end()
    check_scale_bar(Rendered(doc, page, image, img, views[-1], None), views[-1],
                    (box.left(), box.top(), box.right(), box.bottom()))


# -- text contrast, from the pixels ----------------------------------------------------------------------
def label_measures(r: Rendered, img: np.ndarray | None = None, search_px: int = 0):
    """(kind, measure) of every value label, total and place name of ``r``'s map, measured in ``img``
    (default: its own image; else another raster of the same page at the same dpi): each label's
    glyphs are where its text, set alone in its box in its font, puts ink."""
    img = r.img if img is None else img
    value_font = r.fonts([8.5], bold=True)
    place_fonts = r.fonts([6.5]) + r.fonts([6.5], italic=True)
    values = [t for t in r.report.texts if t[0] in ("value", "total")]
    boxes = [rect for kind, rect in r.report.labels if kind in ("value", "total")]
    assert len(values) == len(boxes) >= 5
    todo = [(kind, text, rect, value_font) for (kind, text, *_), rect in zip(values, boxes, strict=True)]
    todo += [("place", text, rect, place_fonts) for _, text, rect in r.report.place_labels]
    out = []
    for kind, text, rect, candidates in todo:
        m = max((measure_text(img, text, f, rect, r.mm, device_dpm=r.dpm, search_px=search_px) for f in candidates),
                key=lambda m: m.match)
        out.append((kind, m))
    return out


@pytest.fixture(scope="module")
def default_labels(default_map):
    return label_measures(default_map)


def test_value_labels_and_place_names_reach_4_5_to_1_in_the_pixels(default_labels):
    """WCAG 2's 4.5:1, from the rendered pixels: the glyphs' colour against the colour just around them
    (the halo, or whatever shows where it does not reach), over the whole word and each third of it."""
    kinds = {k for k, _ in default_labels}
    assert kinds >= {"value", "place"}
    for kind, m in default_labels:
        assert m.match >= 0.9, f"{kind} {m.text!r}: its glyphs are not where its box says ({m.match:.2f})"
        assert m.contrast >= 4.5 and m.worst_part >= 4.5, (
            f"{kind} {m.text!r}: glyphs {m.glyphs} on {m.around}: {m.contrast:.2f}:1 (worst third {m.worst_part:.2f}:1)")
