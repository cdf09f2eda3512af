"""Title block, legend, scale bar, north arrow and footer, painted in page pixels from mm sizes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPolygonF

from geo.document import MapDocument
from geo.furniture import BOX_OPACITY, north_angle_deg, scale_bar
from geo.legend import (
    COLOUR,
    EXPLAIN,
    HEADING,
    NESTED,
    NO_DATA,
    NODE,
    NOTE,
    OUTLINE,
    PLACE_LAYER,
    RING,
    SIZE,
    SUBHEADING,
    TOTAL,
    legend_columns,
    legend_entries,
)
from geo.legend_place import LEGEND_COLUMN_GAP_MM, LEGEND_COLUMN_W_MM
from geo.map_language import map_language
from geo.map_marks import NO_FIGURE_DASH, NO_FIGURE_MM, NO_FIGURE_OPACITY, OUTLINE_DASH, OUTLINE_MM
from geo.map_texts import disclaimer_text, map_title, subtitle
from geo.place_figures import PLACE_CIRCLE_CASING_MM, PLACE_CIRCLE_OPACITY
from geo.point_symbols import POINT_CASING_MM, POINT_CATEGORY
from geo.view import MapView
from gui.fonts import map_font
from gui.painting import draw_dashed_outline, pen, qcolor
from gui.text_lines import draw_lines, in_direction, laid_lines, lines_height


class FurniturePainter:
    """Lays out and paints map furniture inside the view's frame (and the footer below it)."""

    def __init__(self, doc: MapDocument, view: MapView, painter: QPainter, periods: list[str] | None = None, *,
                 legend_beside: bool = False, legend_below_mm: float = 0.0) -> None:
        self.doc, self.view, self.p = doc, view, painter
        self.periods = periods
        """Several maps' periods (small multiples): the legend covers what any of them draws."""
        self.legend_beside = legend_beside
        """The legend stands in a column right of the map frame (gui.layout.PageLayout), not over the map."""
        self.legend_w_mm = LEGEND_COLUMN_W_MM if legend_beside else self.LEGEND_W_MM
        self.legend_below_mm = legend_below_mm
        """How far below the frame the legend beside the map may run (gui.layout.PageLayout.legend_below_frame_mm)."""
        self.mm = view.px_per_mm
        self.device_dpi = painter.device().logicalDpiY()
        self._rects: dict[str, QRectF] | None = None
        self._legend = None
        self.lang = map_language(doc)
        """Every word comes from the map's language; Arabic reads right to left and has no italics."""

    def font(self, pt: float, *, italic: bool = False, **kw):
        return map_font(pt, self.view.dpi, self.device_dpi, italic=italic and self.lang.italic, **kw)

    def flags(self, flags) -> int:
        """Text flags in the map's direction: right to left (and so right-aligned) for Arabic. Never
        clipped to its box: Arabic letters reach further below the line than the Latin face's metrics."""
        return in_direction(int(flags) | int(Qt.TextFlag.TextDontClip), self.lang.rtl)

    def _pitch(self) -> float | None:
        """The line pitch (pixels) of wrapped text in the painter's font: ARABIC_LINE_EM in a right-to-left
        language, else None (Qt's own spacing)."""
        if not self.lang.rtl:
            return None
        return ARABIC_LINE_EM * self.p.font().pointSizeF() * self.device_dpi / 72.0

    def text_height(self, rect: QRectF, flags: int, text: str) -> float:
        """The height of ``text`` wrapped in ``rect`` in the painter's font, as ``draw_block`` sets it."""
        pitch = self._pitch()
        if pitch is None:
            return self.p.fontMetrics().boundingRect(rect.toRect(), flags, text).height()
        return lines_height(self.p, rect, flags, text, pitch)

    def draw_block(self, rect: QRectF, flags: int, text: str) -> None:
        """``text`` wrapped in ``rect``: as Qt draws it, or at ARABIC_LINE_EM in a right-to-left language."""
        pitch = self._pitch()
        if pitch is None:
            self.p.drawText(rect, flags, text)
        else:
            draw_lines(self.p, rect, flags, text, pitch)

    def mirrored(self, box: QRectF, x: float, width: float) -> float:
        """The left edge of something ``width`` wide at ``x`` in ``box``, mirrored for right-to-left maps:
        an Arabic legend puts its samples on the right and reads leftwards from them."""
        return box.left() + box.right() - x - width if self.lang.rtl else x

    # -- texts --------------------------------------------------------------------------------
    def title(self) -> str:
        return map_title(self.doc)

    def subtitle(self) -> str:
        return subtitle(self.doc)

    def scale_label(self, km: float) -> str:
        return self.lang("km", n=self.lang.number(km))

    # -- layout -------------------------------------------------------------------------------
    def layout_rects(self) -> dict[str, QRectF]:
        """Rectangles the furniture occupies, so labels can keep clear of them."""
        if self._rects is not None:
            return self._rects
        mm, (fx, fy, fw, fh) = self.mm, self.view.frame_px
        pad = 3 * mm
        title_font, sub_font = self.font(15, bold=True), self.font(9)
        self.p.setFont(title_font)
        tw = self.p.fontMetrics().horizontalAdvance(self.title())
        th = self.p.fontMetrics().height()
        self.p.setFont(sub_font)
        sw = self.p.fontMetrics().horizontalAdvance(self.subtitle())
        sh = self.p.fontMetrics().height()
        title = QRectF(fx + pad, fy + pad, max(tw, sw) + 2 * pad, th + sh + 2 * pad)
        sb_w = 48 * mm
        legend = self._legend_rect()
        if self.legend_beside:  # in its column, level with the frame's top; the scale bar takes its corner
            scalebox = QRectF(fx + fw - pad - sb_w, fy + fh - pad - 24 * mm, sb_w, 24 * mm)
        else:
            scalebox = QRectF(legend.left() - pad - sb_w, fy + fh - pad - 24 * mm, sb_w, 24 * mm)
        self._rects = {"title": title, "legend": legend, "scale": scalebox}
        return self._rects

    def _legend_rect(self) -> QRectF:
        """In its column beside the frame, level with its top; else in the frame's bottom right corner."""
        mm, (fx, fy, fw, fh) = self.mm, self.view.frame_px
        pad = 3 * mm
        if self.legend_beside:
            lw, lh = self._legend_size(fh + self.legend_below_mm * mm)
            return QRectF(fx + fw + LEGEND_COLUMN_GAP_MM * mm, fy, lw, lh)
        lw, lh = self._legend_size(fh - 2 * pad)
        return QRectF(fx + fw - pad - lw, fy + fh - pad - lh, lw, lh)

    def name_written_totals(self, unwritten: set[str]) -> None:
        """Once the labels are placed, the totals' entry names none of those numbered or left out (``unwritten``,
        geo.legend.totals_unwritten); where its words then need more room than was kept, it names none (fewer
        words than any naming one). The box shrinks to it about its corner."""
        room = self.layout_rects()["legend"]
        if not unwritten:
            return
        for skip in (unwritten, {t.route_id for t in self.doc.join().totals}):
            self._legend = legend_entries(self.doc, self.periods, skip)
            new = self._legend_rect()
            if new.width() <= room.width() + 0.5 and new.height() <= room.height() + 0.5:
                break
        self._rects["legend"] = new

    def texts(self) -> list[tuple[str, str, str, str]]:
        """(kind, text, colour, background) of the furniture's texts, for legibility checks."""
        theme = self.doc.theme
        box = "#ffffff"  # boxes are 88 % white over the map: checked against the darkest ground below
        under = _blend_box(theme)
        km, _ = scale_bar(self.view, target_mm=self.SCALE_TARGET_MM)
        out = [("title", self.title(), theme.text, under), ("subtitle", self.subtitle(), theme.muted_text, under),
               *(("legend", e.text, theme.text, under) for e in self._entries() if e.kind in (HEADING, SUBHEADING, COLOUR, PLACE_LAYER, TOTAL)),
               ("scale", self.scale_label(km), theme.text, under),
               ("footer", disclaimer_text(self.doc), theme.muted_text, box)]
        return out

    def paint_all(self) -> None:
        rects = self.layout_rects()
        self._title(rects["title"])
        self.legend(rects["legend"])
        self.scale_and_north(rects["scale"])

    # -- pieces -------------------------------------------------------------------------------
    def _box(self, rect: QRectF) -> None:
        self.p.setPen(pen(qcolor("#999999", 0.7), 0.2 * self.mm))
        self.p.setBrush(qcolor("#ffffff", BOX_OPACITY))
        self.p.drawRoundedRect(rect, 1.2 * self.mm, 1.2 * self.mm)

    def _title(self, rect: QRectF) -> None:
        mm, theme = self.mm, self.doc.theme
        self._box(rect)
        pad = 3 * mm
        self.p.setPen(QColor(theme.text))
        self.p.setFont(self.font(15, bold=True))
        th = self.p.fontMetrics().height()
        inner = rect.width() - 2 * pad
        self.p.drawText(QRectF(rect.left() + pad, rect.top() + pad, inner, th), self.flags(Qt.AlignmentFlag.AlignLeft),
                        self.title())
        self.p.setPen(QColor(theme.muted_text))
        self.p.setFont(self.font(9))
        self.p.drawText(QRectF(rect.left() + pad, rect.top() + pad + th, inner, rect.height()),
                        self.flags(Qt.AlignmentFlag.AlignLeft), self.subtitle())

    # The legend: entries from geo.legend (the web map lists the same), laid out in mm rows.
    LEGEND_W_MM = 60.0
    BAND_MM = 16.0

    def _entries(self):
        if self._legend is None:
            self._legend = legend_entries(self.doc, self.periods)
        return self._legend

    def _row_height(self, e) -> float:
        mm = self.mm
        if e.kind in (HEADING, EXPLAIN, SUBHEADING):  # wrapped to the legend's width within its pads
            self.p.setFont(self.font(6.5, italic=True) if e.kind == EXPLAIN else self.font(8, bold=True))
            flags = self.flags(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
            high = self.text_height(QRectF(0, 0, (self.legend_w_mm - 6) * mm, 100 * mm), flags, e.text)
            # a heading of one line keeps its row; wrapped ('Arrivées et expulsions (largeur …)'), it grows
            one_line = self.p.fontMetrics().horizontalAdvance(e.text) <= (self.legend_w_mm - 6) * mm
            return {HEADING: 5.5 * mm if one_line else high + 1.5 * mm, EXPLAIN: high + 1.5 * mm,
                    SUBHEADING: high + self.GROUP_GAP_MM * mm + 1.0 * mm}[e.kind]  # a group's: a gap above
        if e.kind == SIZE:
            return max(e.size_mm * mm, 2.5 * mm) + 2.2 * mm
        if e.kind == NESTED:  # the largest circle, and room for the top figure's half line above it
            return (e.size_mm + self.NESTED_TEXT_MM + 1.0) * mm
        if e.kind == NOTE:
            return 4.5 * mm
        return max(4.2 * mm, self._wrapped_height(e, self._text_width(e)) + 1.0 * mm)

    def _text_width(self, e) -> float:
        """An entry's text from its start (the box's 3 mm pad, and the sample's 8 mm but for a total) to 3 mm
        inside the box's far side: wrapped to the whole width, a line ran onto the box's edge."""
        return (self.legend_w_mm - (6 if e.kind == TOTAL else 14)) * self.mm

    def _wrapped_height(self, e, width: float) -> float:
        self.p.setFont(self.font(7.5, bold=e.kind == TOTAL))
        flags = self.flags(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        return self.text_height(QRectF(0, 0, width, 100 * self.mm), flags, e.text)

    def _legend_size(self, max_h: float | None = None) -> tuple[float, float]:
        """The legend's width and height: one column, or two side by side when one would run taller than
        ``max_h`` (the regional overview's eleven layers ran off the top of an A4 page)."""
        entries = self._entries()
        if not entries:
            return (0.0, 0.0)
        mm = self.mm
        col_w = self.legend_w_mm * mm  # a heading longer than the column wraps (_row_height)
        self._columns = self._split(entries, max_h)
        h = max(6 * mm + sum(self._row_height(e) for e in column) for column in self._columns)
        return (col_w * len(self._columns), h)

    def legend_one_column_mm(self) -> float:
        """The legend's height in one column (mm), however tall: whether it fits beside the map."""
        entries = self._entries()
        return (6 * self.mm + sum(self._row_height(e) for e in entries)) / self.mm if entries else 0.0

    def _split(self, entries: list, max_h: float | None) -> list[list]:
        """The entries in one or two columns (geo.legend.legend_columns), by their rows' heights here."""
        return legend_columns(entries, [self._row_height(e) for e in entries], 6 * self.mm, max_h)

    def legend(self, rect: QRectF) -> None:
        if rect.height() <= 0:
            return
        self._box(rect)
        columns = getattr(self, "_columns", None) or [self._entries()]
        width = rect.width() / len(columns)
        for i, column in enumerate(columns):  # the first column where reading starts: left, or right in Arabic
            left = rect.right() - (i + 1) * width if self.lang.rtl else rect.left() + i * width
            self._legend_column(QRectF(left, rect.top(), width, rect.height()), column)

    def _legend_column(self, rect: QRectF, entries: list) -> None:
        mm, theme = self.mm, self.doc.theme
        x0, y = rect.left() + 3 * mm, rect.top() + 3 * mm
        text_x = x0 + 8 * mm
        left_mid = self.flags(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        def box(x: float, top: float, width: float, height: float) -> QRectF:
            return QRectF(self.mirrored(rect, x, width), top, width, height)

        for e in entries:
            row_h = self._row_height(e)
            cy = y + row_h / 2
            if e.kind == HEADING:
                self.p.setPen(QColor(theme.text))
                self.p.setFont(self.font(8, bold=True))
                if row_h > 5.5 * mm + 0.01:  # wrapped: within the box's pads, as a group's heading is
                    self.draw_block(box(x0, y, rect.width() - 6 * mm, row_h),
                                    self.flags(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), e.text)
                else:
                    self.p.drawText(box(x0, y, rect.width(), 5 * mm), self.flags(Qt.AlignmentFlag.AlignLeft), e.text)
            elif e.kind == SUBHEADING:
                self.p.setPen(QColor(theme.text))
                self.p.setFont(self.font(8, bold=True))
                gap = self.GROUP_GAP_MM * mm
                self.draw_block(box(x0, y + gap, rect.width() - 6 * mm, row_h - gap),
                                self.flags(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), e.text)
            elif e.kind == EXPLAIN:
                self.p.setPen(QColor(theme.muted_text))
                self.p.setFont(self.font(6.5, italic=True))
                self.draw_block(box(x0, y, rect.width() - 6 * mm, row_h),
                                self.flags(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), e.text)
            elif e.kind == SIZE:
                w = e.size_mm * mm
                self.p.setPen(Qt.PenStyle.NoPen)  # all the sample's width is its colour, as on the map
                self.p.setBrush(QColor(e.colour))
                sample = box(x0, cy - w / 2, self.BAND_MM * mm, w)
                if e.shape == "circle":
                    self.p.drawEllipse(QPointF(sample.center().x(), cy), w / 2, w / 2)
                else:
                    self.p.drawRect(sample)
                self.p.setPen(QColor(theme.text))
                self.p.setFont(self.font(7.5))
                self.p.drawText(box(x0 + (self.BAND_MM + 2.5) * mm, cy - 2.5 * mm, 30 * mm, 5 * mm), left_mid, e.text)
            elif e.kind == NESTED:
                self._nested(rect, x0, y + row_h - 0.8 * mm, e)
            elif e.kind == NOTE:
                self.p.setPen(QColor(theme.muted_text))
                self.p.setFont(self.font(6.5, italic=True))
                self.p.drawText(box(x0, y + 1 * mm, rect.width() - 4 * mm, 3.5 * mm),
                                self.flags(Qt.AlignmentFlag.AlignLeft), e.text)
            else:  # the sample beside the middle of the text's first line
                line = self._wrapped_height(e, 1e6)  # one line, in whatever faces its letters need
                lines = max(1, round(self._wrapped_height(e, self._text_width(e)) / line))
                self._legend_mark(e, self.mirrored(rect, x0, self.MARK_MM * mm), y + (row_h - (lines - 1) * line) / 2)
                self.p.setPen(QColor(theme.text))
                self.p.setFont(self.font(7.5, bold=e.kind == TOTAL))
                self.draw_block(box(text_x if e.kind != TOTAL else x0, y, self._text_width(e), row_h),
                                int(left_mid | Qt.TextFlag.TextWordWrap), e.text)
            y += row_h

    def _nested(self, rect: QRectF, x0: float, base: float, e) -> None:
        """The circles of one scale inside one another on the baseline ``base``, largest first, each
        figure beside its circle's top, tied to it by a hairline (moved down where two would touch)."""
        mm, theme = self.mm, self.doc.theme
        big = e.size_mm * mm
        cx = x0 + max(big, self.BAND_MM * mm) / 2
        text_x = x0 + max(big, self.BAND_MM * mm) + 2.5 * mm
        self.p.setFont(self.font(7.5))
        step = self.p.fontMetrics().height()
        last = None
        for text, d_mm in e.sizes:  # largest first: each drawn over the larger, outlined so all read
            d = d_mm * mm
            top = base - d
            self.p.setPen(pen("#ffffff", 0.25 * mm))
            self.p.setBrush(qcolor(e.colour, 0.55))
            self.p.drawEllipse(QRectF(self.mirrored(rect, cx - d / 2, d), top, d, d))
            at = top if last is None else max(top, last + step)
            last = at
            self.p.setPen(pen(theme.muted_text, 0.15 * mm))
            a, b = (cx, top), (text_x - 0.8 * mm, at)
            self.p.drawLine(QPointF(self.mirrored(rect, a[0], 0), a[1]), QPointF(self.mirrored(rect, b[0], 0), b[1]))
            self.p.setPen(QColor(theme.text))
            self.p.drawText(QRectF(self.mirrored(rect, text_x, 30 * mm), at - step / 2, 30 * mm, step),
                            self.flags(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)

    NESTED_TEXT_MM = 1.0
    """Room above a nested sample's largest circle for half its figure's line."""
    MARK_MM = 6.0
    """Width of the sample drawn beside a colour or mark entry."""
    GROUP_GAP_MM = 2.5
    """Space above a second group of entries (the place figures), so it reads as a group of its own."""

    def _legend_mark(self, e, x0: float, cy: float) -> None:
        """The small sample drawn beside a legend entry, as the map draws it."""
        mm = self.mm
        w = self.MARK_MM * mm
        if e.kind == COLOUR:
            self.p.setPen(pen("#ffffff", 0.2 * mm))
            self.p.setBrush(QColor(e.colour))
            self.p.drawRect(QRectF(x0, cy - 1.3 * mm, w, 2.6 * mm))
        elif e.kind == PLACE_LAYER:  # as the map paints a place figure's circle
            self.p.setPen(pen("#ffffff", PLACE_CIRCLE_CASING_MM * mm))
            self.p.setBrush(qcolor(e.colour, PLACE_CIRCLE_OPACITY))
            self.p.drawEllipse(QPointF(x0 + w / 2, cy), 1.9 * mm, 1.9 * mm)
        elif e.kind == POINT_CATEGORY:  # a point layer's category: its colour, whole, with the map's casing
            self.p.setPen(pen("#ffffff", POINT_CASING_MM * mm))
            self.p.setBrush(QColor(e.colour))
            self.p.drawEllipse(QPointF(x0 + w / 2, cy), 1.6 * mm, 1.6 * mm)
        elif e.kind == NODE:
            self.p.setPen(pen("#ffffff", 0.3 * mm))
            self.p.setBrush(qcolor(e.colour, 0.85))
            self.p.drawEllipse(QPointF(x0 + w / 2, cy), 1.8 * mm, 1.8 * mm)
        elif e.kind == OUTLINE:  # dashed as the map's outlines are: a dash turns each corner
            draw_dashed_outline(self.p, QRectF(x0, cy - 1.3 * mm, w, 2.6 * mm), e.colour, OUTLINE_MM * mm, OUTLINE_DASH)
        elif e.kind == RING:
            self.p.setPen(pen(e.colour, 0.4 * mm))
            self.p.setBrush(QColor("#ffffff"))
            self.p.drawEllipse(QPointF(x0 + w / 2, cy), 1.2 * mm, 1.2 * mm)
        elif e.kind == NO_DATA:
            self.p.setPen(pen(qcolor(e.colour, NO_FIGURE_OPACITY), NO_FIGURE_MM * mm, dash=list(NO_FIGURE_DASH)))
            self.p.drawLine(QPointF(x0, cy), QPointF(x0 + w, cy))

    SCALE_TARGET_MM = 28.0
    """About how long the scale bar is on paper (it takes the nearest round distance)."""

    def scale_and_north(self, rect: QRectF) -> None:
        mm, theme, lang = self.mm, self.doc.theme, self.lang
        km, length_px = scale_bar(self.view, target_mm=self.SCALE_TARGET_MM)
        bar_h = 1.4 * mm
        self.p.setFont(self.font(7))
        # the distance is centred under the bar's end: the bar ends far enough in for it to stay in
        # the box (it ran under the legend beside it: "1,000 km" was cut in small multiples)
        half_label = self.p.fontMetrics().horizontalAdvance(self.scale_label(km)) / 2
        x1 = rect.right() - max(2 * mm, half_label + 0.5 * mm)
        x0 = x1 - length_px
        y = rect.bottom() - 6 * mm
        self.p.setPen(pen(theme.text, 0.25 * mm))
        for i in range(4):
            seg = QRectF(x0 + i * length_px / 4, y, length_px / 4, bar_h)
            self.p.setBrush(QColor(theme.text if i % 2 == 0 else "#ffffff"))
            self.p.drawRect(seg)
        self.p.setFont(self.font(7))
        self.p.setPen(QColor(theme.text))
        centred = self.flags(Qt.AlignmentFlag.AlignHCenter)
        zero = QRectF(x0 - 10 * mm, y + bar_h + 0.5 * mm, 20 * mm, 4 * mm)
        end = QRectF(x1 - 15 * mm, y + bar_h + 0.5 * mm, 30 * mm, 4 * mm)
        # on one baseline: "250 كم" takes the Arabic face's taller line, and set from the same top it stood
        # 1 mm below its "0"
        base = [laid_lines(self.p, r, centred, t)[0][0].baseline for r, t in ((zero, lang.number(0)), (end, self.scale_label(km)))]
        self.p.drawText(zero, centred, lang.number(0))
        self.p.drawText(end.translated(0, base[0] - base[1]), centred, self.scale_label(km))
        self.p.setFont(self.font(6, italic=True))
        self.p.setPen(QColor(theme.muted_text))
        # right-aligned over the bar's right end in either direction: flags() would swap it to the left
        self.p.drawText(QRectF(x0 - 20 * mm, y - 4.5 * mm, length_px + 20 * mm, 4 * mm),
                        in_direction(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute, lang.rtl),
                        lang("scale_true"))
        angle = north_angle_deg(self.view)  # the north arrow's
        cx, cy = x1 - 4 * mm, rect.top() + 10 * mm  # its "N" stands 9.5 mm above: inside the box
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
        self.p.drawText(QRectF(-5 * mm, -size - 5 * mm, 10 * mm, 4.5 * mm), int(Qt.AlignmentFlag.AlignCenter),
                        lang("north"))
        self.p.restore()

    def _footer_lines(self, rect: QRectF) -> QRectF:
        """Where the footer's lines wrap within its band ``rect``: in a right-to-left language short of the
        band's far (left) side by RTL_FOOTER_SLACK. An Arabic line with figures or Latin words cannot be
        fitted to its width in an SVG client (geo.svg_text.fitted_strings); Inkscape sets it in the face it
        has (DejaVu Sans, up to 8.5 % wider than Noto Sans Arabic), and a full line ran 5.5 mm past the
        band's left edge."""
        if not self.lang.rtl:
            return rect
        cut = RTL_FOOTER_SLACK * rect.width()
        return QRectF(rect.left() + cut, rect.top(), rect.width() - cut, rect.height())

    def footer_height_mm(self, width: float, sources: str) -> float:
        """The footer's height (mm) at full size in a strip ``width`` pixels wide: its sources, then the disclaimer."""
        flags = self.flags(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextDontClip)
        rect = self._footer_lines(QRectF(0, 0, width, 100 * self.mm))
        total = 0.0
        for font, text in ((self.font(7), sources), (self.font(6.5, italic=True), disclaimer_text(self.doc))):
            self.p.setFont(font)
            total += self.text_height(rect, flags, text)
        return total / self.mm

    def footer(self, rect: QRectF, sources: str, page_bottom: float | None = None) -> None:
        """Sources, markers and qualifier signs (wrapped: they must all be read), then the disclaimer
        and any UN note (wrapped too: in French they run longer than a line).

        They may run into the page's bottom margin, never off the page (``page_bottom``, in pixels):
        where they would, both are set smaller, down to FOOTER_MIN_SCALE (Arabic lines stand taller
        than Latin ones, and a portrait page is narrow)."""
        theme = self.doc.theme
        flags = self.flags(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextDontClip)
        rect = self._footer_lines(rect)
        disclaimer = disclaimer_text(self.doc)
        room = (page_bottom - rect.top() - 0.5 * self.mm) if page_bottom is not None else None
        scale = 1.0
        while True:
            fonts = (self.font(7 * scale), self.font(6.5 * scale, italic=True))
            heights = []
            for font, text in zip(fonts, (sources, disclaimer), strict=True):
                self.p.setFont(font)
                heights.append(self.text_height(rect, flags, text))
            if room is None or sum(heights) <= room or scale <= FOOTER_MIN_SCALE:
                break
            scale -= 0.05
        self.p.setPen(QColor(theme.text))
        self.p.setFont(fonts[0])
        self.draw_block(QRectF(rect.left(), rect.top(), rect.width(), heights[0]), flags, sources)
        self.p.setPen(QColor(theme.muted_text))
        self.p.setFont(fonts[1])
        self.draw_block(QRectF(rect.left(), rect.top() + heights[0], rect.width(), heights[1]), flags, disclaimer)


ARABIC_LINE_EM = 1.6
"""Lines of wrapped Arabic text stand this many ems apart: Noto Sans Arabic's own metrics (ascent 1.374 em,
descent 0.738 em) set them 2.11 em apart, and a two-line legend entry read as two entries (Latin text
stands 1.36 em apart in Noto Sans)."""
RTL_FOOTER_SLACK = 0.10
"""The share of the footer's band a right-to-left footer's lines leave free at their end (see
FurniturePainter._footer_lines): room for an SVG client's fallback face."""
FOOTER_MIN_SCALE = 0.75
"""The footer is never set smaller than this share of its size (7 pt sources, 6.5 pt disclaimer)."""


def _blend_box(theme) -> str:
    from geo.colours import blend

    return blend("#ffffff", BOX_OPACITY, theme.focus_land)
