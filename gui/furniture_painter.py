"""Title block, legend, scale bar, north arrow and footer, painted in page pixels from mm sizes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPolygonF

from geo.document import MapDocument
from geo.furniture import north_angle_deg, scale_bar
from geo.legend import COLOUR, EXPLAIN, HEADING, NO_DATA, NODE, NOTE, OUTLINE, RING, SIZE, TOTAL, legend_entries
from geo.map_texts import subtitle
from geo.view import MapView
from gui.fonts import map_font
from gui.painting import pen, qcolor


class FurniturePainter:
    """Lays out and paints map furniture inside the view's frame (and the footer below it)."""

    def __init__(self, doc: MapDocument, view: MapView, painter: QPainter, periods: list[str] | None = None) -> None:
        self.doc, self.view, self.p = doc, view, painter
        self.periods = periods
        """Several maps' periods (small multiples): the legend covers what any of them draws."""
        self.mm = view.px_per_mm
        self.device_dpi = painter.device().logicalDpiY()
        self._rects: dict[str, QRectF] | None = None
        self._legend = None

    def font(self, pt: float, **kw):
        return map_font(pt, self.view.dpi, self.device_dpi, **kw)

    # -- texts --------------------------------------------------------------------------------
    def subtitle(self) -> str:
        return subtitle(self.doc)

    # -- layout -------------------------------------------------------------------------------
    def layout_rects(self) -> dict[str, QRectF]:
        """Rectangles the furniture occupies, so labels can keep clear of them."""
        if self._rects is not None:
            return self._rects
        mm, (fx, fy, fw, fh) = self.mm, self.view.frame_px
        pad = 3 * mm
        title_font, sub_font = self.font(15, bold=True), self.font(9)
        self.p.setFont(title_font)
        tw = self.p.fontMetrics().horizontalAdvance(self.doc.title)
        th = self.p.fontMetrics().height()
        self.p.setFont(sub_font)
        sw = self.p.fontMetrics().horizontalAdvance(self.subtitle())
        sh = self.p.fontMetrics().height()
        title = QRectF(fx + pad, fy + pad, max(tw, sw) + 2 * pad, th + sh + 2 * pad)
        lw, lh = self._legend_size()
        legend = QRectF(fx + fw - pad - lw, fy + fh - pad - lh, lw, lh)
        sb_w = 48 * mm
        scalebox = QRectF(legend.left() - pad - sb_w, fy + fh - pad - 24 * mm, sb_w, 24 * mm)
        self._rects = {"title": title, "legend": legend, "scale": scalebox}
        return self._rects

    def texts(self) -> list[tuple[str, str, str, str]]:
        """(kind, text, colour, background) of the furniture's texts, for legibility checks."""
        theme = self.doc.theme
        box = "#ffffff"  # boxes are 88 % white over the map: checked against the darkest ground below
        under = _blend_box(theme)
        out = [("title", self.doc.title, theme.text, under), ("subtitle", self.subtitle(), theme.muted_text, under),
               *(("legend", e.text, theme.text, under) for e in self._entries() if e.kind in (HEADING, COLOUR, TOTAL)),
               ("scale", "km", theme.text, under), ("footer", self.doc.disclaimer, theme.muted_text, box)]
        return out

    def paint_all(self) -> None:
        rects = self.layout_rects()
        self._title(rects["title"])
        self.legend(rects["legend"])
        self.scale_and_north(rects["scale"])

    # -- pieces -------------------------------------------------------------------------------
    def _box(self, rect: QRectF) -> None:
        self.p.setPen(pen(qcolor("#999999", 0.7), 0.2 * self.mm))
        self.p.setBrush(qcolor("#ffffff", 0.88))
        self.p.drawRoundedRect(rect, 1.2 * self.mm, 1.2 * self.mm)

    def _title(self, rect: QRectF) -> None:
        mm, theme = self.mm, self.doc.theme
        self._box(rect)
        pad = 3 * mm
        self.p.setPen(QColor(theme.text))
        self.p.setFont(self.font(15, bold=True))
        th = self.p.fontMetrics().height()
        self.p.drawText(QRectF(rect.left() + pad, rect.top() + pad, rect.width(), th), int(Qt.AlignmentFlag.AlignLeft), self.doc.title)
        self.p.setPen(QColor(theme.muted_text))
        self.p.setFont(self.font(9))
        self.p.drawText(QRectF(rect.left() + pad, rect.top() + pad + th, rect.width(), rect.height()),
                        int(Qt.AlignmentFlag.AlignLeft), self.subtitle())

    # The legend: entries from geo.legend (the web map lists the same), laid out in mm rows.
    LEGEND_W_MM = 60.0
    BAND_MM = 16.0

    def _entries(self):
        if self._legend is None:
            self._legend = legend_entries(self.doc, self.periods)
        return self._legend

    def _row_height(self, e) -> float:
        mm = self.mm
        if e.kind == HEADING:
            return 5.5 * mm
        if e.kind == EXPLAIN:
            self.p.setFont(self.font(6.5, italic=True))
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
            r = self.p.fontMetrics().boundingRect(QRectF(0, 0, (self.LEGEND_W_MM - 6) * mm, 100 * mm).toRect(), flags, e.text)
            return r.height() + 1.5 * mm
        if e.kind == SIZE:
            return max(e.size_mm * mm, 2.5 * mm) + 2.2 * mm
        if e.kind == NOTE:
            return 4.5 * mm
        return max(4.2 * mm, self._wrapped_height(e, self._text_width(e)) + 1.0 * mm)

    def _text_width(self, e) -> float:
        return (self.LEGEND_W_MM - (6 if e.kind == TOTAL else 11)) * self.mm

    def _wrapped_height(self, e, width: float) -> float:
        self.p.setFont(self.font(7.5, bold=e.kind == TOTAL))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        return self.p.fontMetrics().boundingRect(QRectF(0, 0, width, 100 * self.mm).toRect(), flags, e.text).height()

    def _legend_size(self) -> tuple[float, float]:
        entries = self._entries()
        if not entries:
            return (0.0, 0.0)
        mm = self.mm
        h = 6 * mm + sum(self._row_height(e) for e in entries)
        self.p.setFont(self.font(8, bold=True))
        heading_w = self.p.fontMetrics().horizontalAdvance(entries[0].text) + 6 * mm
        return (max(self.LEGEND_W_MM * mm, heading_w), h)

    def legend(self, rect: QRectF) -> None:
        if rect.height() <= 0:
            return
        mm, theme = self.mm, self.doc.theme
        self._box(rect)
        x0, y = rect.left() + 3 * mm, rect.top() + 3 * mm
        text_x = x0 + 8 * mm
        left_mid = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for e in self._entries():
            row_h = self._row_height(e)
            cy = y + row_h / 2
            if e.kind == HEADING:
                self.p.setPen(QColor(theme.text))
                self.p.setFont(self.font(8, bold=True))
                self.p.drawText(QRectF(x0, y, rect.width(), 5 * mm), int(Qt.AlignmentFlag.AlignLeft), e.text)
            elif e.kind == EXPLAIN:
                self.p.setPen(QColor(theme.muted_text))
                self.p.setFont(self.font(6.5, italic=True))
                self.p.drawText(QRectF(x0, y, rect.width() - 6 * mm, row_h),
                                int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), e.text)
            elif e.kind == SIZE:
                w = e.size_mm * mm
                self.p.setPen(pen("#ffffff", 0.25 * mm))
                self.p.setBrush(QColor(e.colour))
                if e.shape == "circle":
                    self.p.drawEllipse(QPointF(x0 + self.BAND_MM * mm / 2, cy), w / 2, w / 2)
                else:
                    self.p.drawRect(QRectF(x0, cy - w / 2, self.BAND_MM * mm, w))
                self.p.setPen(QColor(theme.text))
                self.p.setFont(self.font(7.5))
                self.p.drawText(QRectF(x0 + (self.BAND_MM + 2.5) * mm, cy - 2.5 * mm, 30 * mm, 5 * mm), left_mid, e.text)
            elif e.kind == NOTE:
                self.p.setPen(QColor(theme.muted_text))
                self.p.setFont(self.font(6.5, italic=True))
                self.p.drawText(QRectF(x0, y + 1 * mm, rect.width() - 4 * mm, 3.5 * mm), int(Qt.AlignmentFlag.AlignLeft), e.text)
            else:
                self._legend_mark(e, x0, y + 2.1 * mm)
                self.p.setPen(QColor(theme.text))
                self.p.setFont(self.font(7.5, bold=e.kind == TOTAL))
                self.p.drawText(QRectF(text_x if e.kind != TOTAL else x0, y, self._text_width(e), row_h),
                                int(left_mid | Qt.TextFlag.TextWordWrap), e.text)
            y += row_h

    def _legend_mark(self, e, x0: float, cy: float) -> None:
        """The small sample drawn left of a legend entry, as the map draws it."""
        mm = self.mm
        if e.kind == COLOUR:
            self.p.setPen(pen("#ffffff", 0.2 * mm))
            self.p.setBrush(QColor(e.colour))
            self.p.drawRect(QRectF(x0, cy - 1.3 * mm, 6 * mm, 2.6 * mm))
        elif e.kind == NODE:
            self.p.setPen(pen("#ffffff", 0.3 * mm))
            self.p.setBrush(qcolor(e.colour, 0.85))
            self.p.drawEllipse(QPointF(x0 + 3 * mm, cy), 1.8 * mm, 1.8 * mm)
        elif e.kind == OUTLINE:
            self.p.setPen(pen(e.colour, 0.45 * mm, dash=[3, 1.5]))
            self.p.setBrush(Qt.BrushStyle.NoBrush)
            self.p.drawRect(QRectF(x0, cy - 1.3 * mm, 6 * mm, 2.6 * mm))
        elif e.kind == RING:
            self.p.setPen(pen(e.colour, 0.4 * mm))
            self.p.setBrush(QColor("#ffffff"))
            self.p.drawEllipse(QPointF(x0 + 3 * mm, cy), 1.2 * mm, 1.2 * mm)
        elif e.kind == NO_DATA:
            self.p.setPen(pen(e.colour, 0.45 * mm, dash=[4, 3]))
            self.p.drawLine(QPointF(x0, cy), QPointF(x0 + 6 * mm, cy))

    def scale_and_north(self, rect: QRectF) -> None:
        mm, theme = self.mm, self.doc.theme
        km, length_px = scale_bar(self.view, target_mm=28)
        bar_h = 1.4 * mm
        x1 = rect.right() - 2 * mm
        x0 = x1 - length_px
        y = rect.bottom() - 6 * mm
        self.p.setPen(pen(theme.text, 0.25 * mm))
        for i in range(4):
            seg = QRectF(x0 + i * length_px / 4, y, length_px / 4, bar_h)
            self.p.setBrush(QColor(theme.text if i % 2 == 0 else "#ffffff"))
            self.p.drawRect(seg)
        self.p.setFont(self.font(7))
        self.p.setPen(QColor(theme.text))
        self.p.drawText(QRectF(x0 - 10 * mm, y + bar_h + 0.5 * mm, 20 * mm, 4 * mm), int(Qt.AlignmentFlag.AlignHCenter), "0")
        self.p.drawText(QRectF(x1 - 15 * mm, y + bar_h + 0.5 * mm, 30 * mm, 4 * mm), int(Qt.AlignmentFlag.AlignHCenter), f"{km:,.0f} km")
        self.p.setFont(self.font(6, italic=True))
        self.p.setPen(QColor(theme.muted_text))
        self.p.drawText(QRectF(x0 - 20 * mm, y - 4.5 * mm, length_px + 20 * mm, 4 * mm),
                        int(Qt.AlignmentFlag.AlignRight), "Scale true at the map centre")
        # north arrow
        angle = north_angle_deg(self.view)
        cx, cy = x1 - 4 * mm, rect.top() + 6 * mm
        self.p.save()
        self.p.translate(cx, cy)
        self.p.rotate(angle)
        size = 4.5 * mm
        left = QPolygonF([QPointF(0, -size), QPointF(-size * 0.42, size * 0.55), QPointF(0, size * 0.25)])
        right = QPolygonF([QPointF(0, -size), QPointF(size * 0.42, size * 0.55), QPointF(0, size * 0.25)])
        self.p.setPen(pen(theme.text, 0.2 * mm))
        self.p.setBrush(QColor(theme.text))
        self.p.drawPolygon(left)
        self.p.setBrush(QColor("#ffffff"))
        self.p.drawPolygon(right)
        self.p.setPen(QColor(theme.text))
        self.p.setFont(self.font(8, bold=True))
        self.p.drawText(QRectF(-5 * mm, -size - 5 * mm, 10 * mm, 4.5 * mm), int(Qt.AlignmentFlag.AlignCenter), "N")
        self.p.restore()

    def footer(self, rect: QRectF, sources: str) -> None:
        """Sources, markers and qualifier signs (wrapped: they must all be read), then the disclaimer."""
        theme = self.doc.theme
        self.p.setPen(QColor(theme.text))
        self.p.setFont(self.font(7))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextDontClip)
        fm_h = self.p.fontMetrics().boundingRect(rect.toRect(), flags, sources).height()
        self.p.drawText(QRectF(rect.left(), rect.top(), rect.width(), fm_h), flags, sources)
        self.p.setPen(QColor(theme.muted_text))
        self.p.setFont(self.font(6.5, italic=True))
        # a third line of sources runs into the page margin rather than off the disclaimer
        self.p.drawText(QRectF(rect.left(), rect.top() + fm_h, rect.width(), self.p.fontMetrics().height()),
                        int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextDontClip), self.doc.disclaimer)


def _blend_box(theme) -> str:
    from geo.colours import blend

    return blend("#ffffff", 0.88, theme.focus_land)
