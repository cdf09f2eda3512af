"""A figure's lines as drawn on the A3 overview (English and Arabic), measured in its pixels: a figure of
several lines beside what it names stands flush with the side facing it (geo.placed_marks.line_align),
so its leader meets a line's end and not the paper a shorter centred line leaves (the leader of the
Central Mediterranean's dead and missing, '≥ 1,659' over 'of which Q4 2024: 438', ended 5 mm from any
letter)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import shapely
from painted import paint, pixels

from geo import paths
from geo.placed_marks import LEFT, RIGHT
from geo.project import load_project

OVERVIEW = paths.data_path() / "projects" / "q4_2024_overview.crossings.json"
DPI = 150.0
MM = DPI / 25.4
INK_DISTANCE = 90
"""RGB distance within which a pixel counts as a figure's ink (antialiased edges and halo are not)."""
FLUSH_MM = 0.5
"""Lines flush with one side end within this of one another there (glyphs' side bearings differ)."""
LEADER_TO_INK_MM = 2.5
"""A leader ends within this of its figure's letters: at its box's corner, half the box's padding and the
room above a line's figures from its letters."""


@pytest.fixture(scope="module", params=["en", "ar"])
def overview(qapp, request):
    doc = load_project(OVERVIEW)
    doc.label_language = request.param
    image, view, report = paint(doc, dataclasses.replace(doc.page, dpi=DPI))
    return doc, pixels(image).astype(int), view, report


def rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[k:k + 2], 16) for k in (1, 3, 5)], float)


def line_ink(px, mark) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per line of ``mark``, the (ys, xs) of its ink in its box."""
    # within the box less half its side padding: the letters stand in by the whole half (a line drawn
    # along the box's side, a callout's leader, antialiased over the sea, is no figure's ink)
    inset = mark.pad_mm[0] / 4 * MM
    x0, y0, x1, y1 = (round(v) for v in (mark.rect[0] + inset, mark.rect[1], mark.rect[2] - inset, mark.rect[3]))
    colour = rgb(mark.colour)
    box = px[y0:y1, x0:x1]
    ink = np.linalg.norm(box - colour, axis=2) < INK_DISTANCE
    n = mark.text.count("\n") + 1
    line_h = mark.line_mm * MM
    top = (y1 - y0) / 2 - line_h * n / 2
    out = []
    for k in range(n):
        a, b = int(top + k * line_h), int(top + (k + 1) * line_h)
        ys, xs = np.nonzero(ink[max(a, 0):max(b, 0)])
        out.append((ys + max(a, 0) + y0, xs + x0))
    return out


def several_lines(report, kinds=("value", "total", "place_figure")) -> list:
    return [m for m in report.marks if m.kind in kinds and "\n" in m.text]


def test_a_figures_lines_stand_flush_with_the_side_facing_what_it_names(overview):
    _doc, px, _view, report = overview
    beside = [m for m in several_lines(report) if m.facing in (LEFT, RIGHT)]
    assert len(beside) >= 3, "no figure of several lines beside what it names: nothing tested"
    ragged = {}
    for mark in beside:
        ends = []
        for _ys, xs in line_ink(px, mark):
            assert len(xs), (mark.key, mark.text, "a line with no ink")
            ends.append(xs.min() if mark.facing == LEFT else xs.max())
        spread = (max(ends) - min(ends)) / MM
        if spread > FLUSH_MM:
            ragged[mark.text.split("\n")[0]] = round(spread, 1)
    assert ragged == {}, f"lines not flush with the side facing what they name (mm apart): {ragged}"


def test_a_leader_ends_at_its_figures_letters(overview):
    _doc, px, _view, report = overview
    tied = [m for m in several_lines(report) if m.leader is not None]
    assert tied, "no figure of several lines tied by a leader: nothing tested"
    group = dict(zip(report.place_circles["key"], report.place_circles["group"], strict=True))
    far = {}
    for mark in tied:  # circles at one anchor have one stacked label, a mark per circle: the leader meets the stack
        stack = [m for m in report.marks if m.kind == mark.kind and group.get(m.key, m.key) == group.get(mark.key, mark.key)]
        ys = np.concatenate([y for m in stack for y, _x in line_ink(px, m)])
        xs = np.concatenate([x for m in stack for _y, x in line_ink(px, m)])
        ex, ey = mark.leader[1]
        gap = float(np.min(np.hypot(xs - ex, ys - ey))) / MM
        if gap > LEADER_TO_INK_MM:
            far[mark.text.split("\n")[0]] = round(gap, 1)
    assert far == {}, f"leaders ending away from their figure's letters (mm): {far}"



def test_the_web_map_sets_each_figures_lines_as_the_png_does(overview):
    """The web map's labels carry the PNG's alignment (CSS text-align), so its lines stand as on paper."""
    from geo.exports.webmap_labels import TEXT_ALIGN, mark_features
    from geo.placed_marks import PageMarks

    _doc, _px, view, report = overview
    points, _leaders = mark_features(PageMarks(view, tuple(report.marks)), ("value", "total", "place_figure"),
                                     lambda mark: {"kind": mark.kind})
    got = [p["properties"]["align"] for p in points]
    want = [TEXT_ALIGN[m.align] for m in report.marks if m.kind in ("value", "total", "place_figure")]
    assert got == want and {"left", "right"} <= set(got), got


def core_ink(px, mark) -> str:
    """The colour of a figure's letters as drawn: the median of the darkest third of its ink pixels."""
    from geo.colours import to_hex

    ys = np.concatenate([y for y, _x in line_ink(px, mark)])
    xs = np.concatenate([x for _y, x in line_ink(px, mark)])
    ink = px[ys, xs].astype(float)
    dark = ink[np.argsort(ink.sum(axis=1))[: max(len(ink) // 3, 1)]]
    return to_hex(np.median(dark, axis=0) / 255)


def test_no_circles_figure_is_printed_in_the_totals_black(overview):
    """The legend says the figures in black are totals of several routes: the IOM's dead and missing,
    in their circle's dark grey darkened to RGB 62, read as one (geo.place_figures.TOTALS_APART_DE)."""
    from geo.colours import delta_e

    _doc, px, _view, report = overview
    totals = [core_ink(px, m) for m in report.marks if m.kind == "total"]
    figures = {m.text.split("\n")[0]: core_ink(px, m) for m in report.marks if m.kind == "place_figure"}
    assert totals and len(figures) >= 8, "no totals or circles' figures drawn: nothing tested"
    near = {text: round(min(delta_e(ink, t) for t in totals), 1) for text, ink in figures.items()}
    assert {text: de for text, de in near.items() if de < 15} == {}, near



def test_no_circles_figure_stands_on_a_small_island(overview):
    """A figure over an islet reads as its figure: on the A3 overview the Algeria-Balearic route's dead and
    missing ('513 / 2,024 / of which November 2024: ≥ 700') covered Ibiza and Formentera, and once flush
    with its circles '513' met Cabrera's islet ('513 — Cabrera'). The circles' figures keep off small
    islands where they can. The islands are the boundaries layer's parts touching no other, small on the
    page (tests/gui/drawn_maps)."""
    from drawn_maps import Drawn
    from PySide6.QtGui import QImage

    doc, _px, view, report = overview
    drawn = Drawn(doc, QImage(1, 1, QImage.Format.Format_RGB32), view, report)  # its geography, not its pixels
    small = [shape for shape, keep in zip(drawn.islands, drawn.small, strict=True) if keep]
    assert len(small) >= 5, "no small islands on the page: nothing tested"
    boxes = [(m.text.split("\n")[0], m.rect) for m in report.marks if m.kind == "place_figure"]
    on = {text for text, rect in boxes for isle in small if shapely.box(*rect).intersects(isle)}
    assert on == set(), f"circles' figures over a small island: {on}"
