"""What each metric looks like on the page, measured in pixels and in the SVG's own text.

A reader who has only the map and its legend must read it right: deaths are circles on the route
whose area is to scale (not arrows into Europe), interceptions run back to the coast people left,
a figure inside another is an outline, a zero is a ring, and totals are written where their
routes arrive.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from painted import paint, pixels
from PySide6.QtGui import QColor

from geo.flow_geometry import smooth_line
from geo.flow_table import read_flow_table
from geo.page import Page
from gui.export import VectorExportSettings, export_svg

PAGE = Page("A4", "landscape", 150)
SVG = "{http://www.w3.org/2000/svg}"


def rgb(colour: str) -> np.ndarray:
    c = QColor(colour)
    return np.array([c.red(), c.green(), c.blue()])


def near(px, colour, tol=8) -> bool:
    return bool(np.abs(px.astype(int) - colour).max() <= tol)


def route_point(doc, view, route_id: str, fraction: float) -> np.ndarray:
    """A point of the route as the map draws it (smoothed, projected), in page pixels."""
    geom = doc.projected(doc.layer("routes")).set_index("route_id").loc[route_id, "geometry"]
    line = smooth_line(geom if geom.geom_type == "LineString" else geom.geoms[0], doc.flow_style.smoothing)
    p = line.interpolate(fraction, normalized=True)
    return view.to_px(np.array([[p.x, p.y]]))[0]


def run_length(img, colour, centre, direction, tol=8) -> float:
    """Length in pixels of the run of ``colour`` through ``centre`` along ``direction`` (both ways)."""
    total = 0
    for sign in (1, -1):
        t = 0.0 if sign == 1 else 0.5
        while True:
            x, y = np.round(centre + sign * t * np.asarray(direction)).astype(int)
            if not (0 <= y < img.shape[0] and 0 <= x < img.shape[1]) or not near(img[y, x], colour, tol):
                break
            t += 0.5
        total += t
    return total


@pytest.fixture
def painted(doc):
    # each period on its own fitted scale: these tests measure symbols against their own map's widths (the
    # held scale puts 2024 beside 2023's 97,306 and narrows ALB's outline to the minimum; see test_held_scale)
    doc.flow_style.hold_scale = False

    def draw(period, metric, source=None):
        doc.select(period, metric, source)
        image, view, report = paint(doc, PAGE)
        return view, report, pixels(image)
    return draw


def test_dead_and_missing_are_circles_whose_area_is_to_scale(doc, painted):
    view, report, img = painted("2024", "dead_missing")
    diam = {}
    for rid, group in (("CMR", "CMR"), ("ATL", "Atlantic"), ("WMR", "WMR")):
        centre = np.array(report.symbols.set_index("route_id").loc[rid, "geometry"].centroid.coords[0])
        c = view.to_px(centre[None, :])[0]
        colour = rgb(doc.flow_style.colour_for(group))
        assert near(img[int(c[1]), int(c[0])], colour)
        # as wide across as along the route: a circle, not a band
        across, along = run_length(img, colour, c, (1, 0)), run_length(img, colour, c, (0, 1))
        assert across == pytest.approx(along, rel=0.08)
        diam[rid] = across
    k = view.px_per_mm
    assert diam["CMR"] == pytest.approx(14.0 * k - 0.35 * k, abs=3)  # the largest: 14 mm, less its casing
    # areas, not diameters, in proportion: 1,659 / 1,062 and 1,659 / 412
    assert (diam["CMR"] / diam["ATL"]) ** 2 == pytest.approx(1659 / 1062, rel=0.12)
    assert (diam["CMR"] / diam["WMR"]) ** 2 == pytest.approx(1659 / 412, rel=0.15)
    # round, not a band with an arrowhead into Italy: it fills π/4 of its bounding square
    centre = view.to_px(np.array(report.symbols.set_index("route_id").loc["CMR", "geometry"].centroid.coords))[0]
    r = diam["CMR"] / 2
    box = img[int(centre[1] - r - 3):int(centre[1] + r + 4), int(centre[0] - r - 3):int(centre[0] + r + 4)]
    filled = (np.abs(box.astype(int) - rgb(doc.flow_style.colour_for("CMR"))).max(axis=2) <= 8).sum()
    assert filled / (2 * r) ** 2 == pytest.approx(np.pi / 4, abs=0.06)


def test_interceptions_are_drawn_back_to_the_libyan_coast_not_to_sicily(doc, painted):
    view, _, img = painted("2024", "interceptions")
    cmr = rgb(doc.flow_style.colour_for("CMR"))
    k = view.px_per_mm
    near_libya = route_point(doc, view, "CMR-LY", 0.2)
    near_sicily = route_point(doc, view, "CMR-LY", 0.85)
    assert run_length(img, cmr, near_libya, (1, 0)) >= 5 * k  # the 21,470 band, 7.5 mm wide
    assert run_length(img, cmr, near_sicily, (1, 0)) < 1.0 * k  # nothing arrives in Europe (at most a dash)


def test_a_figure_inside_another_is_an_outline_not_a_second_band(doc, painted):
    view, report, img = painted("2024", "arrivals")
    pink = rgb(doc.flow_style.colour_for("Algeria–Balearic"))
    sym = report.symbols.set_index("route_id").loc["ALB"]
    assert not sym["filled"]
    mid = route_point(doc, view, "ALB", 0.45)
    assert near(img[int(mid[1]), int(mid[0])], rgb(doc.theme.sea), 6)  # hollow: the sea shows through
    # the outline is there, in the route's colour (darkened), about a band's width apart
    half = sym["width_mm"] * view.px_per_mm / 2
    window = img[int(mid[1]) - 3:int(mid[1]) + 4, int(mid[0] - half - 4):int(mid[0] + half + 5)].reshape(-1, 3)
    outline = rgb(QColor(doc.flow_style.colour_for("Algeria–Balearic")).darker(115).name())
    assert any(near(px, outline, 12) for px in window)
    assert not any(near(px, pink, 4) for px in window)


def test_a_zero_is_a_ring_labelled_0(doc, painted, tmp_path):
    f = tmp_path / "q1.csv"
    f.write_text("route_id,period,metric,value\nALB,2025Q1,arrivals,0\nATL,2025Q1,arrivals,9000\n", encoding="utf-8")
    doc.set_flows(read_flow_table(f))
    view, report, img = painted("2025Q1", "arrivals")
    c = view.to_px(np.array(report.symbols.set_index("route_id").loc["ALB", "geometry"].centroid.coords))[0]
    assert near(img[int(c[1]), int(c[0])], rgb("#ffffff"), 6)  # an open ring, white inside
    ring = img[int(c[1]), int(c[0] - 2.5 * view.px_per_mm):int(c[0])]
    assert any(near(px, rgb(doc.theme.text), 60) for px in ring)
    assert ("value", "0") in {(k, t) for k, t, *_ in report.texts}


def test_expulsion_maps_leave_the_sea_routes_out_and_interception_maps_dash_them(doc, painted):
    atlantic = rgb(doc.flow_style.colour_for("Atlantic"))
    for metric, expect_line in (("expulsions", False), ("interceptions", True)):
        view, _, img = painted("2024", metric)
        x, y = route_point(doc, view, "ATL", 0.5).astype(int)
        window = img[y - 4:y + 5, x - 4:x + 5].reshape(-1, 3)
        assert any(near(px, atlantic, 40) for px in window) == expect_line, metric


def svg_texts(path) -> list[str]:
    root = ET.parse(path).getroot()
    # Qt writes a run of text in another font (the ≥ of Noto Sans Math) as its own element
    return [" ".join("".join(t.itertext()).split()) for t in root.iter(f"{SVG}text")]


def test_the_svg_says_totals_sources_qualifiers_and_dates(doc, tmp_path):
    doc.select("2024Q4", "arrivals")
    texts = " | ".join(svg_texts(export_svg(doc, tmp_path / "q4.svg", VectorExportSettings(PAGE))))
    assert "Italy 16,166" in texts and "incl. 832 (derived) via other" in texts
    assert "16,109 (a)" in texts and "(a) UNHCR" in texts
    assert "Arrivals, Q4 2024 (29 Sep 2024 – 29 Dec 2024)" in texts
    doc.select("2024", "dead_missing")
    texts = " ".join(svg_texts(export_svg(doc, tmp_path / "dead.svg", VectorExportSettings(PAGE))))
    assert "Dead and missing (circle area to scale)" in texts
    assert "≥ 1,659" in texts and "≥ at least" in texts
    assert "Not drawn, from Caminando Fronteras: Atlantic route 9,757, Western Mediterranean route 183, Algerian" in texts
    assert "Dead and missing, 2024, according to IOM Missing Migrants Project" in texts
    assert "1 Jan 2024 – 31 Dec 2024; 2 figures given for 2024 without dates" in texts  # only WMR's is dated
    doc.select("2024", "expulsions")
    texts = " ".join(svg_texts(export_svg(doc, tmp_path / "exp.svg", VectorExportSettings(PAGE))))
    assert "≥ 31,404" in texts and "Atlantic route" not in texts


def test_small_multiples_mark_one_source_with_one_letter_and_explain_every_panel(doc, tmp_path):
    """Side by side, 2023 and 2024 share one footer and one legend: the Ministry's figures are (b) in
    both panels, and the 2023 panel's dashed routes are in the legend though 2024 has none."""
    doc.select("2024", "arrivals")
    path = export_svg(doc, tmp_path / "sm.svg", VectorExportSettings(PAGE, periods=("2023", "2024")))
    texts = " ".join(svg_texts(path))
    assert "1,068 (b)" in texts and "2,531 (b)" in texts and "46,524 (a)" in texts
    assert "(a) UNHCR; (b) Spanish Ministry of the Interior" in texts
    assert "No figure for this route and period" in texts
    assert "2024: Not drawn, from a source the update links without naming: Atlantic route 46,843" in texts
    assert doc.period == "2024"  # the selection is left as it was


def test_a_figure_on_a_very_short_route_still_has_its_arrow(doc, painted):
    """Ceuta's land leg is 4 km: at the regional scale its 2,531 floated over nothing. The arrow is
    lengthened backwards so there is a symbol to read the figure from."""
    view, _, img = painted("2024", "arrivals")
    from pyproj import Transformer

    from geo.projection import resolve_crs

    x, y = Transformer.from_crs("EPSG:4326", resolve_crs(view.crs), always_xy=True).transform(-5.318, 35.888)
    cx, cy = view.to_px(np.array([[x, y]]))[0]
    r = int(8 * view.px_per_mm)
    box = img[int(cy) - r:int(cy) + r, int(cx) - r:int(cx) + r]
    wmr = rgb(doc.flow_style.colour_for("WMR"))
    # only Ceuta's arrow is WMR-coloured this close to Ceuta (Melilla's is 200 km east)
    drawn = (np.abs(box.astype(int) - wmr).max(axis=2) <= 8).sum()
    k = view.px_per_mm
    # at least half an arrowhead's worth of colour: the 3 mm arrow sits among the leaders of its own
    # figure and of the Ceuta and Melilla total, which end at its outline
    assert drawn >= 0.25 * 2.6 * 2.4 * k * k
