"""What the SVG's layers stack where: the small islands a flow covers are drawn again above the
flows, in the Routes layer (they were in the Countries layer, under the flows: Malta, which the PNG
shows above the Libya arrow's barb, was lost under it in the SVG)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from painted import paint, pixels
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from geo.page import Page
from gui.export import VectorExportSettings
from gui.svg_export import svg_bytes

PAGE = Page("A4", "landscape", 150)


def svg_pixels(data: bytes, size: tuple[int, int]) -> np.ndarray:
    """The SVG drawn by Qt's own SVG renderer at the PNG's size (the shapes only matter here)."""
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(data)).render(painter, QRectF(0, 0, *size))
    painter.end()
    return pixels(image)


@pytest.mark.parametrize("case", ["default", "wide-flows"])
def test_islands_the_flows_cover_show_above_them_in_the_svg(qapp, bundled_doc_factory, case):
    doc = bundled_doc_factory()
    if case == "wide-flows":  # Malta too lies under the Libya arrow when flows are drawn up to 12 mm wide
        doc.flow_style.max_width_mm = 12.0
    image, _view, report = paint(doc, PAGE)
    assert report.lifted_islands, "no island lies under a flow on this map: the test asks nothing"
    png = pixels(image).astype(int)
    svg = svg_pixels(svg_bytes(doc, VectorExportSettings(PAGE)), PAGE.size_px).astype(int)
    h, w = png.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    for island in report.lifted_islands:
        inner = island.buffer(-1.0)  # the island's own pixels, clear of its antialiased edge
        if inner.is_empty:
            continue
        x0, y0, x1, y1 = (int(v) for v in inner.bounds)
        box = (slice(y0, y1 + 1), slice(x0, x1 + 1))
        inside = shapely.contains_xy(inner, xx[box] + 0.5, yy[box] + 0.5)
        if inside.sum() < 3:
            continue
        diff = np.abs(svg[box][inside] - png[box][inside]).max(axis=1)
        assert np.mean(diff <= 24) > 0.9, (island.centroid, np.mean(diff <= 24))
