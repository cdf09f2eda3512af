"""The printed map, painted as the PNG export paints it, and what the pixel tests measure in it: bands
across their course, the legend's size bars, the scale bar. Shared by the pixel tests of the single
map (test_print_pixels.py) and of the small multiples (test_small_multiples_pixels.py)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from painted import paint, pixels
from pixels_support import band_widths, bars_in, measure_text, median_width, read_text, scale_bar_in
from pyproj import CRS, Geod, Transformer
from PySide6.QtGui import QImage, QPainter

from geo.flow_geometry import ArrowStyle
from geo.legend import SIZE
from geo.map_language import map_language
from geo.page import Page
from gui.fonts import map_font
from gui.furniture_painter import FurniturePainter


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


def number(text: str) -> float:
    return float("".join(ch for ch in text if ch.isdigit()))


PERIODS = ["2023", "2024"]
"""The small multiples' periods."""


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


# -- the legend's size bars ------------------------------------------------------------------------------
def legend_size_bars(r: Rendered, box, entries) -> tuple[list[str], list]:
    """The size rows ``entries`` (the legend's, as the domain lists them) should have, and what the legend
    box ``box`` (x0, y0, x1, y1; page pixels) shows: (text read beside the bar, how well it reads, the bar)
    for every bar of their colour found in it."""
    mm = r.mm
    sizes = [e for e in entries if e.kind == SIZE]
    texts = [e.text for e in sizes]
    found = []
    for bar in bars_in(r.img, box, sizes[0].colour, 0.75 * FurniturePainter.BAND_MM * mm):
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


# -- text, as the map sets it ---------------------------------------------------------------------------
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
