"""Paint a page the way every export does and keep what the renderer reports (for pixel and layout tests)."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage, QPainter

from geo.page import Page
from geo.view import MapView
from gui.render import MapRenderer, RenderReport


def paint(doc, page: Page, image: QImage | None = None) -> tuple[QImage, MapView, RenderReport]:
    """The page as an RGB32 image (``image``, when given, is painted on), the map's view and the
    renderer's report."""
    image = QImage(*page.size_px, QImage.Format.Format_RGB32) if image is None else image
    painter = QPainter(image)
    renderer = MapRenderer(doc)
    try:
        view = renderer.render_page(painter, page)
    finally:
        painter.end()
    return image, view, renderer.report


def pixels(image: QImage) -> np.ndarray:
    """The image as an (h, w, 3) RGB array."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = image.width(), image.height(), image.bytesPerLine()
    return np.frombuffer(image.constBits(), np.uint8).reshape(h, bpl)[:, : w * 3].reshape(h, w, 3).copy()


def svg_string(element) -> str:
    """An SVG text element's words as a reader has them: without the invisible marks (LRM, RLE, PDF)
    that steer Inkscape's bidi order (geo.svg_text.fitted_strings)."""
    from geo.svg_text import LRM, PDF, RLE

    return "".join(element.itertext()).translate(dict.fromkeys(map(ord, LRM + RLE + PDF)))


def svg_inset_titles(path) -> list[str]:
    """The English titles of the insets an SVG page draws, in the planner's order, read from its
    furniture layer's text as a reader of the file would."""
    import xml.etree.ElementTree as ET

    from geo.insets import INSET_AREAS
    from geo.map_words import WORDS
    from geo.svg_text import SVG_NS

    root = ET.parse(path).getroot()
    furniture = next(g for g in root.iter(f"{{{SVG_NS}}}g") if g.get("id") == "furniture")
    texts = {" ".join(svg_string(t).split()) for t in furniture.iter(f"{{{SVG_NS}}}text")}
    return [WORDS["en"][a.word] for a in INSET_AREAS.values() if WORDS["en"][a.word] in texts]
