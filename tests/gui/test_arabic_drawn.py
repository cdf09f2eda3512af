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


def _bands(ink: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) ink rows of each run of rows with ink."""
    rows = np.flatnonzero(ink.any(axis=1))
    breaks = np.flatnonzero(np.diff(rows) > 1)
    return [(int(rows[a]), int(rows[b])) for a, b in zip(np.r_[0, breaks + 1], np.r_[breaks, len(rows) - 1], strict=True)]


def test_wrapped_arabic_furniture_lines_stand_as_close_as_latin_ones(qapp):
    """A wrapped Arabic legend entry stood 2.11 em from line to line (Noto Sans Arabic's metrics) and read as
    two entries. The legend's painter sets its lines 1.6 em apart: measured between the ink of its lines
    (each line's middle), and its height for the entry holds what it draws."""
    from painted import paint

    from geo.document import MapDocument
    from geo.page import Page
    from gui.furniture_painter import ARABIC_LINE_EM, FurniturePainter

    doc = MapDocument.from_files()
    doc.label_language = "ar"
    _image, view, _report = paint(doc, Page("A4", "landscape", DPI))
    text = "الموتى والمفقودون (مشروع المهاجرين المفقودين التابع للمنظمة الدولية للهجرة)"
    image = QImage(*Page("A4", "landscape", DPI).size_px, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    furniture = FurniturePainter(doc, view, painter)
    painter.setFont(furniture.font(7.5))
    painter.setPen(QColor("black"))
    em = 7.5 * DPI / 72.0
    rect = QRectF(100, 100, 40 * view.px_per_mm, 300)
    flags = furniture.flags(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    height = furniture.text_height(rect, flags, text)
    furniture.draw_block(rect, flags, text)
    painter.end()
    ink = pixels(image).max(axis=2) < 128
    bands = _bands(ink)
    assert len(bands) >= 2, bands  # wrapped, each line one band of ink
    middles = [(a + b) / 2 for a, b in bands]
    assert np.diff(middles) == pytest.approx(ARABIC_LINE_EM * em, rel=0.12)
    assert ARABIC_LINE_EM <= 1.7
    assert height == pytest.approx(len(bands) * ARABIC_LINE_EM * em, rel=0.01) and bands[-1][1] <= 100 + height
    assert np.flatnonzero(ink.any(axis=0)).max() == pytest.approx(rect.right(), abs=3)  # set from the right
    # every line meets the right edge: the first stood a space (0.7 mm at 300 dpi) in, as Qt sets a
    # right-to-left line with the space it broke at
    rights = [np.flatnonzero(ink[a:b + 1].any(axis=0)).max() for a, b in bands]
    assert max(rights) - min(rights) <= 0.25 * view.px_per_mm, rights


def test_the_arabic_key_of_numbered_figures_reads_from_the_right_of_its_box(qapp):
    """The key's Arabic lines were set against its box's left side (Qt swaps 'right' in a right-to-left
    line): their ink now ends at the box's right padding, line after line, and starts at varied places."""
    from painted import paint

    from geo import paths
    from geo.figure_keys import KEY_BOX_PAD_MM
    from geo.page import Page
    from geo.project import load_project

    doc = load_project(paths.data_path() / "projects" / "q4_2024_overview.crossings.json")
    doc.label_language = "ar"
    # the A3 page keys its numbered figure in a box (A4 numbers enough of them to key them in the footer)
    image, view, report = paint(doc, Page("A3", "landscape", DPI))
    assert report.key_box is not None, "no key box drawn: nothing tested"
    x0, y0, x1, y1 = (round(v) for v in report.key_box)
    pad = KEY_BOX_PAD_MM * view.px_per_mm
    inside = pixels(image)[y0 + 3:y1 - 3, x0 + 3:x1 - 3].max(axis=2) < 110
    rights, lefts = [], []
    for a, b in _bands(inside):
        if b - a < 0.5 * 7 * DPI / 72:  # a row of dots or marks between two lines' letters
            continue
        cols = np.flatnonzero(inside[a:b + 1].any(axis=0))
        rights.append(cols.max() + x0 + 3)
        lefts.append(cols.min() + x0 + 3)
    assert len(rights) >= 3  # Tunisia's figure, keyed in three lines
    # within a millimetre: a line may begin with a '1', whose ink stands 5 px inside its tabular advance
    assert all(abs(r - (x1 - pad)) <= view.px_per_mm for r in rights), (rights, x1 - pad)
    assert max(lefts) - min(lefts) > 10 * view.px_per_mm  # ragged on the left, where Arabic lines end
    key = next(text for kind, text, *_ in report.texts if kind == "figure_key_box")
    assert "19\u202f238" in key, key  # Tunisia's figure, its groups joined by the no-break space they were given


def _line_ink(text: str, flags) -> np.ndarray:
    """Dark pixels of one line drawn as the key of numbered figures draws its lines."""
    from gui.fonts import map_font

    image = QImage(1400, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(map_font(7.0, DPI, image.logicalDpiY()))
    painter.setPen(QColor("black"))
    painter.drawText(QRectF(10, 0, 1380, 40), flags, text)
    painter.end()
    return pixels(image).max(axis=2) < 128


def test_a_wrapped_arabic_key_line_keeps_a_figures_digit_groups_in_order(qapp):
    """The key of numbered figures printed Italy's 65,474 as '474 65' on the A4 Arabic overview: its
    wrapping split words at every Unicode space, the no-break space inside '65 474' among them, and
    joined them again with an ordinary one, which in a right-to-left line takes the line's direction
    and sets the second group first. Each group is found by drawing it again as '8's of the same
    advance: '65' stands left of '474'."""
    from geo.callout_layout import wrap_lines
    from gui.text_lines import in_direction

    lang = MapLanguage("ar")
    entry = f"(1) إيطاليا {lang.number(65474)}{lang('comma')}منها الربع الرابع 2024: {lang.number(16166)}"
    flags = in_direction(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextDontClip, True)
    lines = wrap_lines(entry, 10_000, lambda line: 10.0 * len(line))
    line = next(line for line in lines if "474" in line)
    ink = _line_ink(line, flags)

    def at(part: str, stand_in: str) -> float:
        changed = np.flatnonzero((ink != _line_ink(line.replace(part, stand_in, 1), flags)).any(axis=0))
        assert len(changed), part
        return float(changed.mean())

    assert at("65", "88") < at("474", "888"), line
