"""The small multiples (``--periods 2023 2024``, A4 landscape, 300 dpi) measured on their pixels: every
panel's bands on one width scale, the page's one legend and its one scale bar. Helpers:
print_support.py, pixels_support.py. (Issue 11, item 8.)"""

from __future__ import annotations

import pytest
from print_support import (
    PERIODS,
    Rendered,
    bar_outline_px,
    check_scale_bar,
    legend_size_bars,
    measured_bands,
    paint_small_multiples,
    size_rows,
)
from PySide6.QtGui import QImage, QPainter

from geo.legend import legend_entries
from geo.view import MapView
from gui.furniture_painter import FurniturePainter
from gui.layout import PageLayout
from gui.small_multiples import drawn_on, panel_scale, selection_kept


@pytest.fixture(scope="module")
def small_multiples(qapp, bundled_doc_factory):
    return paint_small_multiples(bundled_doc_factory())


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
    doc, page, image, img, views = small_multiples
    box = furniture_rect(doc, page, image, views[-1], "scale")
    check_scale_bar(Rendered(doc, page, image, img, views[-1], None), views[-1], box)


def furniture_rect(doc, page, image, view, key: str) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) the page's furniture ``key`` ("legend", "scale") is laid out in, in the
    last panel's frame, as render_small_multiples lays it out."""
    probe = QImage(1, 1, QImage.Format.Format_RGB32)
    probe.setDotsPerMeterX(image.dotsPerMeterX())
    probe.setDotsPerMeterY(image.dotsPerMeterY())
    painter = QPainter(probe)
    try:
        last = MapView(doc.crs, doc.default_extent(), view.frame_px, page.dpi)
        box = FurniturePainter(doc, last, painter, periods=PERIODS).layout_rects()[key]
    finally:
        painter.end()
    return box.left(), box.top(), box.right(), box.bottom()


def test_the_small_multiples_legend_shows_each_sample_at_its_own_width(small_multiples):
    """On one scale for both years (97,306 = 5.1 mm) 10,000 and 2,000 were both drawn at the 0.6 mm
    minimum: two bars alike for figures five times apart. Each bar, found in the last panel's legend by
    its colour with its value read beside it, is as wide as its value in proportion, and visibly
    narrower than the bar above it."""
    doc, page, image, img, views = small_multiples
    scale = panel_scale(doc, page, PERIODS)
    with selection_kept(doc):
        drawn_on(doc, scale)
        doc.select(PERIODS[-1], "arrivals", None)
        entries = legend_entries(doc, PERIODS)
        box = furniture_rect(doc, page, image, views[-1], "legend")
    r = Rendered(doc, page, image, img, views[-1], None)
    rows = size_rows(legend_size_bars(r, box, entries))
    assert len(rows) >= 2
    drawn = []
    for text, value, bar in rows:
        expected = scale.proportional_mm(value) * r.mm
        drawn.append(bar_outline_px(bar, r.mm))
        assert abs(drawn[-1] - expected) <= 1.0, (f"legend bar {text}: {drawn[-1]:.2f} px; {value:,.0f} on the scale "
                                                  f"({scale.reference_value:,.0f} = {scale.reference_width_mm} mm) is "
                                                  f"{expected:.2f} px")
    for i in range(1, len(rows)):
        assert drawn[i] * 1.4 <= drawn[i - 1], (f"the bar of {rows[i][0]} is {drawn[i]:.1f} px to the {drawn[i - 1]:.1f} px "
                                                f"of {rows[i - 1][0]} above it: they read alike")
