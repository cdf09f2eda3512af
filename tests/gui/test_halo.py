"""Halos cover the whole text at every resolution (they were built at screen size: at 300 dpi a
white smudge under the first letters, and no halo over the rest)."""

from __future__ import annotations

import numpy as np
import pytest
from painted import pixels
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from gui.fonts import map_font
from gui.painting import draw_halo_text, halo_outline


@pytest.mark.parametrize("dpi", [96, 150, 300, 600])
def test_the_halo_surrounds_every_letter(qapp, dpi):
    mm = dpi / 25.4
    image = QImage(int(60 * mm), int(14 * mm), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("#000000"))  # a dark ground: the halo is the only white
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = map_font(8.5, dpi, image.logicalDpiY(), bold=True)
    draw_halo_text(painter, QRectF(0, 0, image.width(), image.height()), "Tripoli 11,341", font,
                   QColor("#d55e00"), QColor("#ffffff"), 0.55 * mm)
    painter.end()
    img = pixels(image).astype(int)
    text = (np.abs(img - [213, 94, 0]).max(axis=2) <= 40)
    halo = (img.min(axis=2) >= 235)
    ys, xs = np.nonzero(text)
    hy, hx = np.nonzero(halo)
    # the halo reaches beyond the text on every side, by about its width
    assert hx.min() <= xs.min() - 0.3 * mm and hx.max() >= xs.max() + 0.3 * mm
    assert hy.min() <= ys.min() - 0.3 * mm and hy.max() >= ys.max() + 0.3 * mm
    # and every column of text has halo right above it: no letter is left bare
    cols = np.unique(xs)
    covered = [halo[: ys[xs == c].min(), c].any() for c in cols]
    assert np.mean(covered) > 0.97


def test_a_halo_kept_for_one_device_is_never_given_to_another(qapp):
    """Halo outlines are kept between renders (gui.painting.halo_outline): the same word, font and halo
    width on a 150 and a 300 dpi page are two outlines, each the size of its own text."""
    widths = {}
    for dpi in (150, 300, 150):
        image = QImage(400, 100, QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        painter = QPainter(image)
        font = map_font(8.5, dpi, painter.device().logicalDpiY())
        painter.setFont(font)
        text_w = painter.fontMetrics().horizontalAdvance("Lampedusa")
        halo = halo_outline(painter, font, [("Lampedusa", QPointF(10.0, 50.0))], 2.0)
        painter.end()
        widths.setdefault(dpi, []).append((halo.boundingRect().width(), text_w))
    for dpi, seen in widths.items():
        for halo_w, text_w in seen:
            assert abs(halo_w - (text_w + 4.0)) < 0.06 * text_w, (dpi, halo_w, text_w)
    assert widths[300][0][0] > 1.8 * widths[150][0][0]
