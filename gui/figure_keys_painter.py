"""Numbered discs for the figures whose labels found no room on a page (geo.figure_keys).

The figure painters (gui.value_labels, gui.place_figure_painter) hand the requests they could not
place to :meth:`FigureKeysMixin._number_unplaced`; once both have laid out their labels,
:meth:`FigureKeysMixin._number_kept` asks the same request builders for the same candidates at the
disc's size and places the discs with every other label. The discs are
numbered and drawn once all figures are laid out (their numbers follow the page's reading order),
and the page's footer keys each number to its figure (geo.map_marks.unplaced_note).
"""

from __future__ import annotations

from collections.abc import Callable

import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from geo.figure_keys import (
    KEY_BOX_PAD_MM,
    KEY_BOX_PT,
    KEY_BOX_WIDTHS_MM,
    KEY_OUTLINE_MM,
    KEY_PAD_MM,
    KEY_PT,
    KeyedFigure,
    disc_size,
    key_box_candidates,
    numbered,
)
from geo.figure_layout import PAD_MM
from geo.labels import LabelRequest, PlacedLabel
from geo.map_language import map_language
from geo.map_marks import LEADER_WIDTH_MM
from geo.placed_marks import CENTRE, FIGURE_KEY, KEYS_SEP, PlacedMark
from geo.view import MapView
from gui.fonts import map_font
from gui.painting import pen, text_size
from gui.text_lines import in_direction

KEY_MEASURED = "88"
"""Every disc is sized for two digits: a page numbering more than 99 figures has no room to number them."""


class FigureKeysMixin:
    """MapRenderer's numbered figures; needs ``self.doc`` and ``self.report``. ``self._numbering`` is
    set by render_map: only a page's own map numbers figures (its footer holds the key)."""

    _numbering = False
    _to_number: tuple | list = ()  # render_map starts each map with an empty list

    def _number_unplaced(self, painter: QPainter, view: MapView, dropped: list[str],
                         requests_for: Callable[[Callable[[str], tuple[float, float]]], list[LabelRequest]],
                         place: Callable[[list[LabelRequest]], tuple[list[PlacedLabel], list[str]]],
                         hard: list, colour_of: Callable[[str], str], members: Callable[[str], list[str]]
                         ) -> list[str]:
        """Keep ``dropped`` (request keys) for a numbered disc each, beside its symbol where the figure's
        label would have stood: ``requests_for(measure)`` builds the figures' requests again with every
        text measured as a disc, ``place`` places them among the obstacles (``hard``, which the discs
        join). The discs are placed by :meth:`_number_kept`, once every kind of figure has laid out its
        labels: a route's number set at once took the room a circle's label needed (Tunisia's, on A4).
        Returns what is dropped for now: nothing where the page numbers figures."""
        if not self._numbering or not dropped:
            return dropped
        self._to_number = [*self._to_number, (dropped, requests_for, place, hard, colour_of, members)]
        return []

    def _number_kept(self, painter: QPainter, view: MapView) -> None:
        """Place the discs of the figures kept by :meth:`_number_unplaced`, in turn; the figures with no
        room even for a disc join the report's dropped labels (each of its members)."""
        todo, self._to_number = self._to_number, []
        if not todo:
            return
        mm = view.px_per_mm
        painter.save()
        painter.setFont(map_font(KEY_PT, view.dpi, painter.device().logicalDpiY(), bold=True))
        w, h = text_size(painter, KEY_MEASURED)
        painter.restore()
        disc = disc_size(w, h, mm)
        box = (disc[0] - PAD_MM[0] * mm, disc[1] - PAD_MM[1] * mm)  # the builders add the figures' pad back
        for dropped, requests_for, place, hard, colour_of, members in todo:
            wanted = set(dropped)
            requests = [r for r in requests_for(lambda text: box) if r.key in wanted]
            placed, _ = place(requests)
            for lab in placed:
                hard.append(shapely.box(*lab.rect))
                if lab.leader is not None:
                    hard.append(shapely.LineString(lab.leader))
                self.report.numbered.append(KeyedFigure(tuple(members(lab.key)), lab.rect, colour_of(lab.key), lab.leader))
            keyed = {lab.key for lab in placed}
            self.report.dropped_labels += [k for key in dropped if key not in keyed for k in members(key)]

    def _draw_figure_keys(self, painter: QPainter, view: MapView, draw: bool) -> None:
        """Number the discs in the page's reading order, then draw each: its leader, a white disc
        outlined in its figure's colour, the number in that colour."""
        if not self.report.numbered:
            return
        mm = view.px_per_mm
        self.report.numbered = numbered(self.report.numbered, mm, map_language(self.doc).rtl)
        font = map_font(KEY_PT, view.dpi, painter.device().logicalDpiY(), bold=True)
        for k in self.report.numbered:
            x0, y0, x1, y1 = k.rect
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            dw, dh = (x1 - x0) - PAD_MM[0] * mm, (y1 - y0) - PAD_MM[1] * mm  # the box less the figures' pad
            rect = QRectF(cx - dw / 2, cy - dh / 2, dw, dh)
            self.report.texts.append(("figure_key", str(k.number), k.colour, "#ffffff"))
            self.report.labels.append(("figure_key", (rect.left(), rect.top(), rect.right(), rect.bottom())))
            self.report.marks.append(PlacedMark(FIGURE_KEY, KEYS_SEP.join(k.keys), str(k.number), k.colour, k.rect, CENTRE,
                                                KEY_PT, dh / mm - 2 * KEY_PAD_MM, PAD_MM, bold=True, leader=k.leader))
            if not draw:
                continue
            if k.leader is not None:
                painter.setPen(pen(self.doc.theme.muted_text, LEADER_WIDTH_MM * mm))
                painter.drawLine(QPointF(*k.leader[0]), QPointF(*k.leader[1]))
            painter.setPen(pen(k.colour, KEY_OUTLINE_MM * mm))
            painter.setBrush(QColor("#ffffff"))
            painter.drawRoundedRect(rect, dh / 2, dh / 2)
            painter.setPen(QColor(k.colour))
            painter.setFont(font)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(k.number))

    def _paint_figure_key_box(self, painter: QPainter, view: MapView, hard: list, draw: bool) -> None:
        """The key to the numbers (geo.map_marks.numbered_entries) in a box on the map's face, where it
        covers nothing drawn (``hard``: flows, furniture, labels, numbers; and the callouts); its rect goes
        to the report. With no such room the page's footer keys the numbers instead."""
        if not self.report.numbered:
            return
        from geo.callout_layout import wrap_lines
        from geo.labels import place_labels
        from geo.map_marks import numbered_entries

        mm, lang = view.px_per_mm, map_language(self.doc)
        heading_font = map_font(KEY_BOX_PT, view.dpi, painter.device().logicalDpiY(), bold=True)
        font = map_font(KEY_BOX_PT, view.dpi, painter.device().logicalDpiY())
        heading = lang("numbered_heading")
        entries = numbered_entries(self.doc, self.report.numbered)
        pad = KEY_BOX_PAD_MM * mm
        taken = [*hard, *(shapely.box(*c.rect) for c in self.report.callouts),
                 *(shapely.LineString(c.leader) for c in self.report.callouts if c.leader is not None)]
        painter.save()
        for width_mm in KEY_BOX_WIDTHS_MM:  # wide and short first; narrower and taller where that finds no room
            painter.setFont(font)
            fm = painter.fontMetrics()
            lines = [line for entry in entries for line in wrap_lines(entry, width_mm * mm, fm.horizontalAdvance)]
            line_h = fm.height()
            painter.setFont(heading_font)
            text_w = max([fm.horizontalAdvance(line) for line in lines] + [painter.fontMetrics().horizontalAdvance(heading)])
            size = (text_w + 2 * pad, line_h * (len(lines) + 1) + 2 * pad)
            request = LabelRequest("figure-key", size, key_box_candidates(view.frame_px, size, mm))
            placed, _ = place_labels([request], [], view.frame_px, hard=taken)
            if placed:
                break
        painter.restore()
        if not placed:
            return
        x0, y0, x1, y1 = placed[0].rect
        self.report.key_box = placed[0].rect
        self.report.labels.append(("figure_key_box", placed[0].rect))
        self.report.texts.append(("figure_key_box", "\n".join([heading, *lines]), self.doc.theme.text, "#ffffff"))
        if not draw:
            return
        align = in_direction(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextDontClip, lang.rtl)  # a line's start
        painter.setPen(pen("#999999", 0.2 * mm))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(QRectF(x0, y0, x1 - x0, y1 - y0), 1.2 * mm, 1.2 * mm)
        painter.setPen(QColor(self.doc.theme.text))
        painter.setFont(heading_font)
        painter.drawText(QRectF(x0 + pad, y0 + pad, x1 - x0 - 2 * pad, line_h), align, heading)
        painter.setFont(font)
        for i, line in enumerate(lines, start=1):
            painter.drawText(QRectF(x0 + pad, y0 + pad + i * line_h, x1 - x0 - 2 * pad, line_h), align, line)
