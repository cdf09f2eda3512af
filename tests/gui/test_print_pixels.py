"""The printed map measured on its pixels and its geometry, not on what the renderer says it drew.

Each test finds a thing by what is known of it (a flow's colour and course, the legend's box from the
page layout, a label's box and text) and measures it in the rendered image: widths across a band or
a bar to a tenth of a pixel, the scale bar's ends, the colours of glyphs and of what is around them.
The expectations come from the definitions (the width scale, the projection, WCAG 2), never from the
renderer's report. Helpers: pixels_support.py. (Issue 11, item 8.)
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from pixels_support import cross_section, scale_bar_in
from print_support import (
    Rendered,
    bar_outline_px,
    check_scale_bar,
    label_measures,
    legend_size_bars,
    measured_bands,
    render,
    size_rows,
)

from geo.legend import legend_entries
from geo.page import Page
from geo.styles import CASING_MM
from gui.layout import furniture_boxes


@pytest.fixture(scope="module")
def default_map(qapp, bundled_doc_factory) -> Rendered:
    """The bundled default map (arrivals, Q4 2024), A4 landscape at 300 dpi."""
    return render(bundled_doc_factory(), Page("A4", "landscape", 300))


# -- flow bands, measured square across their course ---------------------------------------------------
@pytest.fixture(scope="module")
def default_bands(default_map):
    return measured_bands(default_map)


@pytest.fixture(scope="module")
def legend_bars(default_map):
    """The size rows the default map's legend should have, and the bars and texts found in its box."""
    return legend_size_bars(default_map, furniture_boxes(default_map.doc, default_map.page)[1],
                            legend_entries(default_map.doc))


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
    taken to the bar's value along the scale ('5,000' against Tunisia's 3,438, '2,000' against the
    WMR's 5,128 or Tunisia's, whichever is nearer in width)."""
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


# -- text contrast, from the pixels ----------------------------------------------------------------------
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
