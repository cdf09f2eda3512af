"""The fields QGIS's styles read are what the painter drew: each figure's ``map_label`` is the text the
PNG prints beside it, in the colour it prints it (``label_colour``); the places ``on_map`` are those
the PNG dots and names; and the label colour's darkening is Qt's ``QColor.darker`` to the bit."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QColor

from geo.colours import darker
from geo.exports.layers import export_layers
from geo.page import Page
from geo.place_layout import DOT_KINDS, TOWN_KINDS
from geo.placed_marks import PageMarks
from geo.styles import CHANGE_COLOURS, FALLBACK_COLOURS, OD_COLOURS, ROUTE_GROUP_COLOURS

PAGE = Page("A4", "landscape", 150)
SELECTIONS = [None, ("2024", "arrivals"), ("2024", "dead_missing"), ("2024", "interceptions")]


@pytest.fixture(params=SELECTIONS, ids=lambda s: "_".join(s) if s else "default")
def drawn(request, qapp, bundled_doc_factory):
    """A map painted as the PNG is, with what the painter reports, and its exported layers."""
    from PySide6.QtGui import QImage, QPainter

    from gui.render import MapRenderer

    doc = bundled_doc_factory()
    if request.param:
        doc.select(*request.param)
    image = QImage(*PAGE.size_px, QImage.Format.Format_RGB32)
    painter, renderer = QPainter(image), MapRenderer(doc)
    try:
        view = renderer.render_page(painter, PAGE)
    finally:
        painter.end()
    # the painter's names go with the layers, as every export hands them (gui.export.write_map_files)
    return doc, renderer.report, export_layers(doc, view, PageMarks(view, tuple(renderer.report.marks)))


def test_each_figures_label_is_the_text_and_colour_the_map_prints(drawn):
    """The GeoPackage labels each figure with the text and colour the map prints. A figure the page had
    no room for is numbered there and keyed (Italy's total on A4 at 150 dpi, whose only room was over
    Algeria): the GeoPackage, placed by QGIS's own labelling at any scale, still labels it as the map would."""
    from geo.map_marks import figure_labels

    doc, report, layers = drawn
    texts = [*report.texts, *(t for _, inset in report.insets for t in inset.texts)]  # an inset prints its own
    printed = [(text, colour) for kind, text, colour, _ in texts if kind in ("value", "total")]
    labels = figure_labels(doc, report.symbols)
    printed += [(labels[key].text, labels[key].colour) for k in report.numbered for key in k.keys if key in labels]
    figures = layers["figures"]
    written = sorted((t, c) for t, c in zip(figures["map_label"], figures["label_colour"], strict=True) if t)
    assert printed and written == sorted(printed)


def test_the_places_on_the_map_are_those_the_png_draws(drawn):
    _, report, layers = drawn
    places = layers["places"]
    on_map = places[places["on_map"]]
    dotted = set(on_map.loc[on_map["kind"].isin(DOT_KINDS), "place_id"])
    assert dotted == {place for place, *_ in report.dots}
    named = {place for place, *_ in report.place_labels}
    assert named <= set(on_map["place_id"])  # a name the painter found no room for may be missing
    assert len(named) >= 0.8 * len(on_map)
    towns = on_map.loc[on_map["kind"].isin(TOWN_KINDS), "place_id"]
    assert set(towns) <= named  # a town is on the map with its name, or not at all


def test_darker_is_qts_to_the_bit():
    palette = [*ROUTE_GROUP_COLOURS.values(), *OD_COLOURS, *FALLBACK_COLOURS, *CHANGE_COLOURS.values()]
    rng = random.Random(13)
    colours = palette + [f"#{rng.randrange(1 << 24):06x}" for _ in range(5000)]
    for factor in (115, 125):  # the painter's: an outline inside another figure, a figure's label
        assert [darker(c, factor) for c in colours] == [QColor(c).darker(factor).name() for c in colours]
    for c in colours[:500]:  # other factors: within one step of 255
        ours, qts = darker(c, 200), QColor(c).darker(200).name()
        assert max(abs(int(ours[i:i + 2], 16) - int(qts[i:i + 2], 16)) for i in (1, 3, 5)) <= 1
