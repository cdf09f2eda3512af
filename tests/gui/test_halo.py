"""Halos cover the whole text at every resolution (they were built at screen size: at 300 dpi a
white smudge under the first letters, and no halo over the rest)."""

from __future__ import annotations

import numpy as np
import pytest
from painted import pixels
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from gui.fonts import map_font
from gui.painting import draw_halo_text


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
