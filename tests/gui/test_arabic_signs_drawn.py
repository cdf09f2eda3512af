"""A qualified figure in an Arabic line reads as on a line of its own: '≥ 11 606' and '~460', the sign at
the digits' left, measured in the pixels the map's figure painter draws.

In a right-to-left line the bidi rules gave a sign before a figure the line's direction: '≥' was
mirrored into '≤' on the digits' right and '~' moved behind them, while the same figure alone on its
line kept both at the left. Where the sign and the digits are is found by drawing the line again with the
sign, or the digits, swapped for glyphs of the same advance ('=' for a sign, '8' for each digit): what
changes is where they stand.
"""

from __future__ import annotations

import numpy as np
import pytest
from painted import pixels
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from geo.map_language import MapLanguage
from geo.qualifiers import ABOUT, AT_LEAST

DPI = 150.0


def _ink(text: str) -> np.ndarray:
    """Dark pixels of ``text`` drawn as the map draws a figure (gui.painting.draw_halo_text, no halo)."""
    from gui.fonts import map_font
    from gui.painting import draw_halo_text

    image = QImage(900, 80, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(DPI / 0.0254))
    image.setDotsPerMeterY(round(DPI / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = map_font(8.5, DPI, image.logicalDpiY(), bold=True)
    draw_halo_text(painter, QRectF(0, 0, 900, 80), text, font, QColor("black"), QColor("white"), 0.0,
                   Qt.AlignmentFlag.AlignCenter)
    painter.end()
    return pixels(image).max(axis=2) < 128


def _where(text: str, part: str, stand_in: str) -> float:
    """The mean x of what changes when ``part`` of ``text`` is drawn as ``stand_in``."""
    swapped = text.replace(part, stand_in)
    assert swapped != text, (text, part)
    changed = np.flatnonzero((_ink(text) != _ink(swapped)).any(axis=0))
    assert len(changed), f"{part!r} draws nothing in {text!r}"
    return float(changed.mean())


@pytest.mark.parametrize("qualifier,value,sign", [(AT_LEAST, 11606, "≥"), (ABOUT, 460, "~")])
def test_a_sign_stands_left_of_its_digits_in_an_arabic_line_as_on_its_own(qapp, qualifier, value, sign):
    lang = MapLanguage("ar")
    figure = lang.figure(value, qualifier)
    digits = lang.number(value)
    in_line = lang("of_which", period=lang.period("2024-08-14/2024-12-31"), figure=figure)
    for text in (figure, in_line, f"{figure}{lang('comma')}{lang.period('2024-07')}"):
        assert sign in text and digits in text
        at_sign = _where(text, sign, "=")
        at_digits = _where(text, digits, "".join("8" if c.isdigit() else c for c in digits))
        assert at_sign < at_digits, f"{text!r}: the sign drawn right of its digits"
