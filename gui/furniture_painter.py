"""Title block, legend, scale bar, north arrow and footer, painted in page pixels from mm sizes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPolygonF

from geo.document import MapDocument
from geo.furniture import north_angle_deg, scale_bar
from geo.map_texts import format_value, subtitle
from geo.metrics import metric_label
from geo.styles import CHANGE_COLOURS, CHANGE_LABELS, GROUP_LABELS, OD_COLOURS
from geo.view import MapView
from gui.fonts import map_font
from gui.painting import pen, qcolor


class FurniturePainter:
    """Lays out and paints map furniture inside the view's frame (and the footer below it)."""

    def __init__(self, doc: MapDocument, view: MapView, painter: QPainter) -> None:
        self.doc, self.view, self.p = doc, view, painter
        self.mm = view.px_per_mm
        self.device_dpi = painter.device().logicalDpiY()
        self._rects: dict[str, QRectF] | None = None

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
               ("legend", metric_label(self.doc.metric), theme.text, under),
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

    def _legend_items(self):
        doc = self.doc
        scale = doc.width_scale()
        if scale is None:
            return None, [], [], False
        join = doc.join()
        largest = float(join.flows["value"].max()) if len(join.flows) else 0.0
        samples = scale.legend_entries(max(largest, scale.reference_value if doc.flow_style.reference_value else 0))
        groups = list(dict.fromkeys(join.flows["group"]))
        no_data_groups = []
        if join.no_data:
            routes = doc.layer("routes").data
            no_data_groups = list(dict.fromkeys(routes.loc[routes["route_id"].isin(join.no_data), "group"]))
        groups += [g for g in no_data_groups if g not in groups]
        if doc.flow_style.colour_by == "change" and doc.changes() is not None:
            since = doc.comparison_label() or "the earlier period"
            present = list(dict.fromkeys(c.direction for c in doc.changes().values()))
            order = [d for d in ("up", "down", "same", "new") if d in present or (d == "new" and "none" in present)]
            entries = [(CHANGE_COLOURS[d], f"{CHANGE_LABELS[d]} since {since}" if d != "new" else CHANGE_LABELS[d])
                       for d in order]
        elif doc.is_od and len(groups) > len(OD_COLOURS):
            entries = [(OD_COLOURS[0], f"Flows between {len(set(join.flows['origin']) | set(join.flows['dest']))} places")]
        else:
            entries = [(doc.flow_colour("", g), GROUP_LABELS.get(g, g)) for g in groups]
        return scale, samples, entries, bool(join.no_data)

    def _legend_size(self) -> tuple[float, float]:
        mm = self.mm
        scale, samples, groups, no_data = self._legend_items()
        if scale is None:
            return (0.0, 0.0)
        h = 3 * mm + 5 * mm  # padding + heading
        h += sum(max(w, 2.5) * mm + 2.2 * mm for _, w in samples)
        h += 2 * mm + len(groups) * 4.2 * mm + (4.2 * mm if no_data else 0) + (4.6 * mm if self.doc.is_od else 0) + 3 * mm
        if scale.min_width_mm:
            h += 3.5 * mm
        self.p.setFont(self.font(8, bold=True))
        heading_w = self.p.fontMetrics().horizontalAdvance(self._legend_heading()) + 6 * mm
        return (max(56 * mm, heading_w), h)

    def _legend_heading(self) -> str:
        how = "width by class" if self.doc.flow_style.classes else "width to scale"
        return f"{metric_label(self.doc.metric)} ({how})"

    def legend(self, rect: QRectF) -> None:
        if rect.height() <= 0:
            return
        mm, theme, style = self.mm, self.doc.theme, self.doc.flow_style
        scale, samples, groups, no_data = self._legend_items()
        self._box(rect)
        x0, y = rect.left() + 3 * mm, rect.top() + 3 * mm
        self.p.setPen(QColor(theme.text))
        self.p.setFont(self.font(8, bold=True))
        heading = self._legend_heading()
        self.p.drawText(QRectF(x0, y, rect.width(), 5 * mm), int(Qt.AlignmentFlag.AlignLeft), heading)
        y += 5.5 * mm
        self.p.setFont(self.font(7.5))
        band_len = 16 * mm
        for text, width in samples:
            w = width * mm
            row_h = max(w, 2.5 * mm)
            cy = y + row_h / 2
            self.p.setPen(pen("#ffffff", 0.25 * mm))
            self.p.setBrush(QColor("#6f6f6f"))
            self.p.drawRect(QRectF(x0, cy - w / 2, band_len, w))
            self.p.setPen(QColor(theme.text))
            self.p.drawText(QRectF(x0 + band_len + 2.5 * mm, cy - 2.5 * mm, 30 * mm, 5 * mm),
                            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
            y += row_h + 2.2 * mm
        y += 1 * mm
        for colour, label in groups:
            self.p.setPen(pen("#ffffff", 0.2 * mm))
            self.p.setBrush(QColor(colour))
            self.p.drawRect(QRectF(x0, y + 0.8 * mm, 6 * mm, 2.6 * mm))
            self.p.setPen(QColor(theme.text))
            self.p.drawText(QRectF(x0 + 8 * mm, y, 46 * mm, 4.2 * mm),
                            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)
            y += 4.2 * mm
        if self.doc.is_od:
            self.p.setPen(pen("#ffffff", 0.3 * mm))
            self.p.setBrush(qcolor("#3d3d3d", 0.85))
            self.p.drawEllipse(QPointF(x0 + 3 * mm, y + 2.1 * mm), 1.8 * mm, 1.8 * mm)
            self.p.setPen(QColor(theme.text))
            self.p.drawText(QRectF(x0 + 8 * mm, y, 46 * mm, 4.2 * mm),
                            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), "Circle area: all flows in and out")
            y += 4.6 * mm
        if no_data:
            self.p.setPen(pen("#777777", 0.45 * mm, dash=[4, 3]))
            self.p.drawLine(QPointF(x0, y + 2.1 * mm), QPointF(x0 + 6 * mm, y + 2.1 * mm))
            self.p.setPen(QColor(theme.text))
            self.p.drawText(QRectF(x0 + 8 * mm, y, 46 * mm, 4.2 * mm),
                            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), "No figure for this period")
            y += 4.2 * mm
        self.p.setPen(QColor(theme.muted_text))
        self.p.setFont(self.font(6.5, italic=True))
        note = f"Smallest flows drawn {scale.min_width_mm:g} mm wide"
        if scale.breaks:
            note = "Widths in classes"
        if style.reference_value:
            note = f"Fixed scale: {format_value(style.reference_value)} = {scale.reference_width_mm:g} mm"
        self.p.drawText(QRectF(x0, y + 1 * mm, rect.width() - 4 * mm, 3.5 * mm), int(Qt.AlignmentFlag.AlignLeft), note)

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
        theme = self.doc.theme
        self.p.setPen(QColor(theme.text))
        self.p.setFont(self.font(7))
        fm_h = self.p.fontMetrics().height()
        self.p.drawText(QRectF(rect.left(), rect.top(), rect.width(), fm_h), int(Qt.AlignmentFlag.AlignLeft), sources)
        self.p.setPen(QColor(theme.muted_text))
        self.p.setFont(self.font(6.5, italic=True))
        self.p.drawText(QRectF(rect.left(), rect.top() + fm_h, rect.width(), rect.height() - fm_h),
                        int(Qt.AlignmentFlag.AlignLeft), self.doc.disclaimer)


def _blend_box(theme) -> str:
    from geo.colours import blend

    return blend("#ffffff", 0.88, theme.focus_land)
