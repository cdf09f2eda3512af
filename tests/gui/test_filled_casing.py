"""A raster page fills each band's casing as the band grown by the casing's width instead of stroking
its outline (issue 15: the stroke was two thirds of a band's paint): the pixels must be the stroke's,
on the default map and on a translucent flows layer, which keeps the stroke."""

import numpy as np
import pytest
from painted import paint, pixels

from geo.page import Page
from gui.flow_painter import FlowsMixin


def _stroked(monkeypatch):
    monkeypatch.setattr(FlowsMixin, "_filled_casings", staticmethod(lambda painter, view, symbols, paints, opacity:
                                                                      [None] * len(paints)))


def _differing(a: np.ndarray, b: np.ndarray, levels: int = 12) -> float:
    """The share of pixels whose colour differs by more than ``levels`` in a channel."""
    return float((np.abs(a.astype(int) - b.astype(int)).max(axis=2) > levels).mean())


@pytest.mark.parametrize("dpi", [150.0, 300.0])
def test_filled_casings_paint_what_stroked_casings_paint(doc, monkeypatch, dpi):
    """The default map with its casings filled and stroked: no more than antialiasing apart (about one
    pixel in ten thousand differs, none by more than 12 levels in a channel), at 150 and 300 dpi."""
    page = Page("A4", "landscape", dpi)
    paint(doc, page)  # both pages below then paint the basemap kept from this one
    filled = pixels(paint(doc, page)[0])
    with monkeypatch.context() as m:
        _stroked(m)
        stroked = pixels(paint(doc, page)[0])
    assert _differing(filled, stroked) < 1e-5


def test_a_wrong_casing_width_is_seen(doc, monkeypatch):
    """The comparison above sees a casing 1.5 times as wide as the stroke's outer half (white over the
    light land and sea: 0.1 mm more of it along every band's edge)."""
    import gui.flow_painter as flow_painter

    page = Page("A4", "landscape", 300.0)
    paint(doc, page)
    with monkeypatch.context() as m:
        _stroked(m)
        stroked_page = pixels(paint(doc, page)[0])
    real = flow_painter.shapely.buffer
    with monkeypatch.context() as m:
        m.setattr(flow_painter.shapely, "buffer", lambda g, d, **k: real(g, d * 1.5, **k))
        wide = pixels(paint(doc, page)[0])
    assert _differing(wide, stroked_page) > 2e-4  # the filled casing: 0; this: 7e-4


def test_a_translucent_flows_layer_keeps_the_stroked_casing(doc, monkeypatch):
    """At 60 % opacity what shows through a band is the stroke's inner half, not a filled casing: the
    page is the stroked one exactly."""
    doc.layer("routes").style.opacity = 0.6
    page = Page("A4", "landscape", 150.0)
    paint(doc, page)  # both pages below then paint the basemap kept from this one
    translucent = pixels(paint(doc, page)[0])
    with monkeypatch.context() as m:
        _stroked(m)
        stroked = pixels(paint(doc, page)[0])
    assert np.array_equal(translucent, stroked)
