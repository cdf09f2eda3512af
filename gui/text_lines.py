"""Where Qt puts each line of ``QPainter.drawText(rect, flags, text)``: the lines an SVG export writes.

An SVG text must start where the PNG's does, so the exporter needs the lines Qt set, not a second
layout of its own. This follows Qt's own ``qt_format_text`` (qpainter.cpp): the same QTextLayout on
the painter's device font, the same wrapping width, line spacing, vertical offset and alignment of
every line. ``tests/gui/test_svg_text.py`` paints both and compares the pixels.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

_LINE_SEPARATOR = "\u2028"
_NO_WRAP_WIDTH = float(0x01000000)
"""Qt's line width for text that does not wrap: as good as endless."""


@dataclass(frozen=True)
class LaidLine:
    """One line as Qt draws it: its logical text, the left end of its glyphs, its baseline and its
    advance (what an SVG client sets it in), in the painter's coordinates."""

    text: str
    left: float
    baseline: float
    width: float


def _flag(flags: int, flag) -> bool:
    return bool(flags & int(flag))


def is_right_to_left(direction: Qt.LayoutDirection, text: str) -> bool:
    """Qt's base direction for ``text``: the painter's, or with ``LayoutDirectionAuto`` that of
    the first letter with a strong direction (as the Unicode bidi algorithm decides a paragraph's)."""
    if direction == Qt.LayoutDirection.RightToLeft:
        return True
    if direction == Qt.LayoutDirection.LeftToRight:
        return False
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def text_direction(painter: QPainter, flags: int) -> Qt.LayoutDirection:
    if _flag(flags, Qt.TextFlag.TextForceLeftToRight):
        return Qt.LayoutDirection.LeftToRight
    if _flag(flags, Qt.TextFlag.TextForceRightToLeft):
        return Qt.LayoutDirection.RightToLeft
    return painter.layoutDirection()


def in_direction(flags, rtl: bool) -> int:
    """``flags`` for a line in the map's direction: right to left forced in a right-to-left language.
    'Left' is then a line's start, which Qt sets on the right (AlignRight set the Arabic key of
    numbered figures against its box's left side); only AlignAbsolute keeps left and right as they are."""
    return int(flags) | (int(Qt.TextFlag.TextForceRightToLeft) if rtl else 0)


def visual_alignment(direction: Qt.LayoutDirection, flags: int) -> int:
    """Left and right swap in right-to-left text unless the alignment is absolute (Qt's
    ``QGuiApplicationPrivate::visualAlignment``)."""
    left, right = int(Qt.AlignmentFlag.AlignLeft), int(Qt.AlignmentFlag.AlignRight)
    if direction == Qt.LayoutDirection.RightToLeft and not _flag(flags, Qt.AlignmentFlag.AlignAbsolute):
        if flags & left:
            return (flags & ~left) | right
        if flags & right:
            return (flags & ~right) | left
    return flags


def _fixed(value: float) -> float:
    """``QFixed::fromReal``: Qt places a line's glyphs at 1/64 pixel (halves go up)."""
    return math.floor(value * 64 + 0.5) / 64


def laid_lines(painter: QPainter, rect: QRectF, flags: int, text: str, pitch: float | None = None
               ) -> tuple[list[LaidLine], bool, int]:
    """The lines ``painter.drawText(rect, flags, text)`` draws with the painter's current font, whether
    their base direction is right to left, and the horizontal alignment Qt applied (AlignLeft,
    AlignRight or AlignHCenter after the right-to-left swap). With ``pitch`` (pixels), the lines
    ``draw_lines`` draws instead: one every ``pitch``."""
    block = _Block(painter, rect, flags, text, pitch)
    return [LaidLine(segment, rect.x() + xoff + line.naturalTextRect().x(),
                     _fixed(rect.y() + block.yoff) + line.y() + line.ascent(), block.metrics.horizontalAdvance(segment))
            for line, xoff, segment in block.lines], block.rtl, block.align


def lines_height(painter: QPainter, rect: QRectF, flags: int, text: str, pitch: float | None = None) -> float:
    """The height of the lines ``laid_lines`` sets (``fontMetrics().boundingRect``'s, without ``pitch``)."""
    return _Block(painter, rect, flags, text, pitch).height


def draw_lines(painter: QPainter, rect: QRectF, flags: int, text: str, pitch: float) -> None:
    """``painter.drawText(rect, flags, text)`` with a line every ``pitch`` pixels, not Qt's: a line of
    Arabic stands 2.11 em tall in Noto Sans Arabic's metrics, and a wrapped legend entry or footer read
    as two. A painter recording texts (``record_lines``: the SVG export) is handed the lines instead."""
    record = getattr(painter, "record_lines", None)
    if record is not None:
        record(*laid_lines(painter, rect, flags, text, pitch))
        return
    block = _Block(painter, rect, flags, text, pitch)
    for line, xoff, _segment in block.lines:
        line.draw(painter, QPointF(rect.x() + xoff, rect.y() + block.yoff))


class _Block:
    """A text laid out as Qt's ``qt_format_text`` (qpainter.cpp) lays it out: the same QTextLayout on the
    painter's device font, the same wrapping width, line spacing (or one line every ``pitch``), vertical
    offset and alignment of every line. Keeps the layout its lines belong to."""

    def __init__(self, painter: QPainter, rect: QRectF, flags: int, text: str, pitch: float | None) -> None:
        flags = int(flags)
        direction = text_direction(painter, flags)
        self.rtl = rtl = is_right_to_left(direction, text)
        flags = visual_alignment(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight, flags)
        wrap = _flag(flags, Qt.TextFlag.TextWordWrap) or _flag(flags, Qt.TextFlag.TextWrapAnywhere)
        single = _flag(flags, Qt.TextFlag.TextSingleLine)
        text = text.replace("\r", " ").replace("\t", " ")
        text = text.replace("\n", " " if single else _LINE_SEPARATOR)
        device = painter.device()
        font = QFont(painter.font(), device)
        self.metrics = metrics = QFontMetricsF(font, device)
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        option.setAlignment(Qt.AlignmentFlag.AlignLeft)  # Qt aligns the lines itself below, never twice
        if _flag(flags, Qt.TextFlag.TextWrapAnywhere):
            option.setWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.layout = layout = QTextLayout(text, font, device)
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        width_limit = max(0.0, rect.width()) if wrap else _NO_WRAP_WIDTH
        leading = metrics.leading()
        height = -leading
        layout.beginLayout()
        lines = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width_limit)
            if pitch is None:
                height = math.ceil(height + leading)  # Qt puts every line on whole pixels
                line.setPosition(QPointF(0.0, height))
                height += line.ascent() + line.descent()  # Qt's own line height; QTextLine.height() rounds it up
            else:  # every baseline a pitch below the last, as far down its pitch as Qt's is down its line
                first = lines[0] if lines else line
                baseline = len(lines) * pitch + pitch * first.ascent() / (first.ascent() + first.descent())
                line.setPosition(QPointF(0.0, round(baseline - line.ascent())))  # on whole pixels, as Qt's
                height = (len(lines) + 1) * pitch
            lines.append(line)
        layout.endLayout()
        self.height = max(height, 0.0)
        self.yoff = 0.0
        if _flag(flags, Qt.AlignmentFlag.AlignBottom):
            self.yoff = rect.height() - height
        elif _flag(flags, Qt.AlignmentFlag.AlignVCenter):
            self.yoff = (rect.height() - height) / 2
        if _flag(flags, Qt.AlignmentFlag.AlignRight):
            self.align = int(Qt.AlignmentFlag.AlignRight)
        elif _flag(flags, Qt.AlignmentFlag.AlignHCenter):
            self.align = int(Qt.AlignmentFlag.AlignHCenter)
        else:
            self.align = int(Qt.AlignmentFlag.AlignLeft)
        self.lines = []
        for line in lines:
            advance = line.horizontalAdvance()
            raw = text[line.textStart(): line.textStart() + line.textLength()]
            xoff = 0.0
            if self.align == int(Qt.AlignmentFlag.AlignRight):
                # Qt's leadingSpaceWidth: a right-to-left line's trailing spaces move it by their width, so
                # the first lines of a wrapped paragraph stood a space in from its edge. Drawn as Qt draws,
                # the recorder follows Qt; at its own pitch (Arabic furniture) every line meets the edge
                trailing = len(raw) - len(raw.rstrip(" ")) if rtl and pitch is None else 0
                xoff = rect.width() - advance - metrics.horizontalAdvance(" " * trailing)
            elif self.align == int(Qt.AlignmentFlag.AlignHCenter):
                xoff = (rect.width() - advance) / 2
            segment = raw.replace(_LINE_SEPARATOR, "")
            # QTextLine::draw puts the line's baseline at 1/64 pixel (QFixed), its left end where it is
            self.lines.append((line, xoff, segment.rstrip(" ") if wrap else segment))


def run_directions(font: QFont, device, text: str, rtl: bool) -> str:
    """'ltr' or 'rtl' when every bidi run of the one line ``text`` (base direction ``rtl``) goes that
    way as Qt lays it out, else 'mixed': whether an SVG client may set it as a single run."""
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    layout = QTextLayout(text, font, device)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(_NO_WRAP_WIDTH)
    layout.endLayout()
    ways = {run.isRightToLeft() for run in layout.glyphRuns()}
    return "mixed" if len(ways) != 1 else "rtl" if ways.pop() else "ltr"
