"""A QPainter that keeps the map's texts instead of painting them, for the SVG writer.

QSvgGenerator writes each run of text it is given: Arabic one word at a time at Qt's positions, a
halo as an outlined path of its own, every text inside the painter's clip path. An SVG export
therefore paints through :class:`TextRecordingPainter`: every shape goes to the generator as
before, and every text is kept as a :class:`geo.svg_text.MapText` at exactly the place Qt would
have drawn it (``gui.text_lines`` follows Qt's layout; the renderer's placement is not repeated).

Three ways in, so no caller changes: ``drawText`` is overridden (the furniture, small multiples),
``gui.painting.draw_halo_text`` hands over its lines and halo through :meth:`record_halo_text`, and
``gui.text_lines.draw_lines`` (Arabic furniture, at its own line pitch) through :meth:`record_lines`.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTransform

from geo.svg_text import Halo, MapText, TextLine
from gui.text_lines import LaidLine, is_right_to_left, laid_lines, run_directions

_LEFT, _RIGHT, _CENTRE = (int(Qt.AlignmentFlag.AlignLeft), int(Qt.AlignmentFlag.AlignRight),
                          int(Qt.AlignmentFlag.AlignHCenter))


def svg_anchor(align: int, rtl: bool) -> str:
    """SVG's text-anchor for a line Qt aligned left, right or centre: 'start' is the right end of a
    right-to-left text."""
    if align == _CENTRE:
        return "middle"
    return "end" if (align == _RIGHT) != rtl else "start"


def _anchor_x(line: LaidLine, align: int) -> float:
    if align == _CENTRE:
        return line.left + line.width / 2
    return line.left + line.width if align == _RIGHT else line.left


def _weight(font: QFont) -> int:
    weight = font.weight()
    return int(getattr(weight, "value", weight))


class TextRecordingPainter(QPainter):
    """Paints shapes on its device and records texts in :attr:`texts` (page pixels) instead of painting them."""

    def __init__(self, device) -> None:
        super().__init__(device)
        self.texts: list[MapText] = []

    # -- the two ways texts come in -------------------------------------------------------------
    def drawText(self, *args):  # Qt's name: every caller's painter.drawText(...) arrives here
        if len(args) == 3 and isinstance(args[0], QRectF | QRect):
            rect, flags, text = QRectF(args[0]), int(args[1]), str(args[2])
            lines, rtl, align = laid_lines(self, rect, flags, text)
            self._record(lines, rtl, align)
            return self.boundingRect(rect, flags, text)
        if len(args) == 2 and isinstance(args[0], QPointF | QPoint):
            origin, text = QPointF(args[0]), str(args[1])
            rtl = is_right_to_left(self.layoutDirection(), text)
            line = LaidLine(text, origin.x(), origin.y(), self._metrics().horizontalAdvance(text))
            self._record([line], rtl, _RIGHT if rtl else _LEFT)
            return None
        raise TypeError(f"TextRecordingPainter.drawText{tuple(type(a).__name__ for a in args)} is not recorded")

    def record_halo_text(self, lines: list[tuple[str, QPointF]], font: QFont, colour: QColor, halo: QColor,
                         halo_px: float, flags) -> None:
        """The lines ``draw_halo_text`` placed (text, left end of its baseline) in ``font`` (the painter's too)."""
        metrics = self._metrics()
        flags = int(flags)
        align = _LEFT if flags & _LEFT else _RIGHT if flags & _RIGHT else _CENTRE
        laid = [LaidLine(text, origin.x(), origin.y(), metrics.horizontalAdvance(text)) for text, origin in lines]
        rtl = is_right_to_left(self.layoutDirection(), "\n".join(text for text, _ in lines))
        ring = Halo(halo.name(QColor.NameFormat.HexRgb), halo.alphaF(), halo_px) if halo_px > 0 else None
        self._record(laid, rtl, align, colour, ring, font)

    def record_lines(self, lines: list[LaidLine], rtl: bool, align: int) -> None:
        """The lines ``gui.text_lines.draw_lines`` set at its own pitch, in the painter's font and pen."""
        self._record(lines, rtl, align)

    def _metrics(self) -> QFontMetricsF:
        """Fractional metrics: an anchor at the true middle or end of the glyphs Qt set, not a rounded one."""
        return QFontMetricsF(self.font(), self.device())

    # -- what is kept -----------------------------------------------------------------------------
    def _record(self, lines: list[LaidLine], rtl: bool, align: int, colour: QColor | None = None,
                halo: Halo | None = None, font: QFont | None = None) -> None:
        lines = [line for line in lines if line.text.strip()]
        if not lines:
            return
        colour = QColor(colour) if colour is not None else self.pen().color()
        font = QFont(font if font is not None else self.font(), self.device())
        transform = self.combinedTransform()
        dx = dy = 0.0
        matrix = None
        if transform.type() == QTransform.TransformationType.TxTranslate:
            dx, dy = transform.dx(), transform.dy()
        elif not transform.isIdentity():
            matrix = (transform.m11(), transform.m12(), transform.m21(), transform.m22(), transform.dx(),
                      transform.dy())
        self.texts.append(MapText(
            lines=tuple(TextLine(line.text, _anchor_x(line, align) + dx, line.baseline + dy, line.width,
                                 run_directions(font, self.device(), line.text, rtl)) for line in lines),
            families=tuple(font.families()) or (font.family(),),
            size=self._pixel_size(font),
            weight=_weight(font),
            italic=font.italic(),
            colour=colour.name(QColor.NameFormat.HexRgb),
            colour_opacity=colour.alphaF(),
            anchor=svg_anchor(align, rtl),
            rtl=rtl,
            opacity=self.opacity(),
            halo=halo,
            letter_spacing=self._letter_spacing(font, lines[0].text),
            transform=matrix,
        ))

    def _pixel_size(self, font: QFont) -> float:
        if font.pixelSize() > 0:
            return float(font.pixelSize())
        return font.pointSizeF() * self.device().logicalDpiY() / 72.0

    def _letter_spacing(self, font: QFont, text: str) -> float:
        """Qt's letter spacing as SVG's: the extra advance per letter, in pixels."""
        kind, value = font.letterSpacingType(), font.letterSpacing()
        if kind == QFont.SpacingType.AbsoluteSpacing:
            return value
        if value in (0.0, 100.0) or not text:
            return 0.0
        plain = QFont(font)
        plain.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100.0)
        device = self.device()
        spaced = QFontMetricsF(font, device).horizontalAdvance(text)
        return (spaced - QFontMetricsF(plain, device).horizontalAdvance(text)) / len(text)
