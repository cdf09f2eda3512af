"""Figure labels beside flows, never on them; far ones are tied back with a leader line.

What each says is decided in ``geo.map_marks`` and where each goes in ``geo.figure_layout`` (with
``geo.value_layout`` and ``geo.labels``), as for the web map; this mixin measures the text, draws,
and reports what it drew.
"""

from __future__ import annotations

from functools import partial

import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from geo.figure_layout import (
    CIRCLE_ROOM_MM,
    FIGURE_PT,
    LEADER_TRIM_MM,
    PAD_MM,
    drawn_obstacles,
    figure_requests,
    figures_off_dots,
    place_figures,
)
from geo.map_marks import LEADER_WIDTH_MM, VALUE_HALO_OPACITY, figure_labels, labelled_symbols, value_label_ground
from geo.placed_marks import CENTRE, LEFT, RIGHT, PlacedMark, facing_side
from geo.view import MapView
from gui.fonts import map_font
from gui.painting import draw_halo_text, pen, qcolor, text_size


class ValueLabelsMixin:
    """MapRenderer's value labels; needs ``self.doc`` and ``self.report``."""

    def _layout_value_labels(self, painter: QPainter, view: MapView, hard: list, soft: list | None = None,
                             islands: list | None = None, printed=lambda key: True, crossable: tuple = (),
                             stacking=None):
        """Place a value label beside every flow (never on a flow, nor on a small island: ``islands``)
        whose figure this map prints (``printed(key)``: an inset's are printed in the inset alone);
        returns the function that, once every figure is placed, finishes them (``_finish_value_labels``)
        and returns the function drawing them. The placed labels and leaders are added to ``hard``, the labels
        to ``stacking`` (the names' claims: no name stacks on a figure, nor a figure on a name)."""
        symbols = self.report.symbols
        if symbols is None or not len(symbols):
            return None
        doc, mm = self.doc, view.px_per_mm
        font = map_font(FIGURE_PT, view.dpi, painter.device().logicalDpiY(), bold=True)
        painter.setFont(font)
        figures = figure_labels(doc, symbols)  # what each figure says, in what colour (geo.map_marks)
        self.report.unlabelled = sorted(set(symbols["route_id"]) - set(labelled_symbols(doc, symbols)["route_id"]))
        # where each goes is geo.figure_layout's, as for the web map; Qt measures the text here
        discs = getattr(self, "_circle_discs", None) or []
        requests, _ = figure_requests(doc, view, symbols, figures, partial(text_size, painter), tuple(discs))
        requests = [r for r in requests if printed(r.key)]
        # a figure's leader keeps off the circles' rooms: one run past a circle fenced off its own figure
        rooms = tuple(shapely.buffer(discs, CIRCLE_ROOM_MM * mm)) if discs else ()
        def place(todo: list, blockers: tuple = rooms) -> tuple:  # among everything placed so far
            return place_figures(doc, view, todo, hard, soft or [], crossable, leader_blockers=blockers, islands=tuple(islands or ()),
                                 stacking=stacking)

        def place_numbers(todo: list) -> tuple:  # after the circles' labels: their rooms are no longer kept
            return place(todo, ())

        placed, dropped = place(requests)
        self.report.value_labels = placed  # as first placed: the circles' totals keep apart from them
        drawn = {lab.key: drawn_obstacles(lab) for lab in placed}  # what each adds to ``hard``, to take back if it moves
        hard.extend(g for geoms in drawn.values() for g in geoms)
        self.report.dropped_labels += self._number_unplaced(
            painter, view, dropped, lambda measure: figure_requests(doc, view, symbols, figures, measure, tuple(discs), numbered=True)[0], place_numbers, hard,
            lambda key: figures[key].colour, lambda key: [key])
        line_mm = painter.fontMetrics().height() / mm

        def off_dots() -> list:
            """The figures whose leader runs over a place's dot, moved off it where they have room once
            the circles' figures are placed too (moved first, the A4 overview's '1,257' took the room of
            Tunisia's two circles' figures): '≥ 31,404' was tied through Tamanrasset's dot."""
            def again(todo: list, taken: list) -> tuple:
                mine = {id(g) for g in drawn[todo[0].key]}
                return place_figures(doc, view, todo, [*(g for g in hard if id(g) not in mine), *taken], soft or [], crossable,
                                     leader_blockers=dots, islands=tuple(islands or ()), stacking=stacking)
            dots = tuple(getattr(self, "_dots_px", ()))
            out = figures_off_dots(placed, requests, dots, LEADER_TRIM_MM * mm, again, stacking)
            for old, new in zip(placed, out, strict=True):
                if new is not old:  # its room in ``hard`` moves with it
                    gone = {id(g) for g in drawn[old.key]}
                    hard[:] = [g for g in hard if id(g) not in gone]
                    hard.extend(drawn_obstacles(new))
            return out

        return partial(self._finish_value_labels, painter, font, mm, line_mm, off_dots, requests, figures)

    def _finish_value_labels(self, painter: QPainter, font, mm: float, line_mm: float, off_dots, requests: list,
                             figures: dict):
        """Once every figure is placed: the flows' figures moved off the places' dots where they can be
        (``off_dots``), recorded in the report; returns the function drawing them."""
        placed = off_dots()
        self.report.value_labels = placed
        doc = self.doc
        under = value_label_ground(doc)  # the darkest ground a label can sit on
        anchors = {r.key: r.anchors for r in requests}  # per candidate, the band's edge it is set beside
        todo, leaders = [], []
        for lab in placed:
            if lab.leader is not None:
                (ax, ay), (bx, by) = lab.leader
                leaders.append((QPointF(ax, ay), QPointF(bx, by)))
                self.report.leaders.append((lab.key, lab.leader[0], lab.leader[1]))
            rect = QRectF(lab.rect[0], lab.rect[1], lab.rect[2] - lab.rect[0], lab.rect[3] - lab.rect[1])
            figure = figures[lab.key]  # a total: dark, the route's name and its figure
            text, hex_colour, kind = figure.text, figure.colour, figure.kind
            self.report.texts.append((kind, text, hex_colour, under))
            self.report.labels.append((kind, lab.rect))
            anchor = anchors[lab.key][lab.candidate] if anchors[lab.key] is not None else None
            mark = PlacedMark(kind, lab.key, text, hex_colour, lab.rect, facing_side(lab.rect, anchor),
                              FIGURE_PT, line_mm, PAD_MM, bold=True, leader=lab.leader)
            self.report.marks.append(mark)
            todo.append((rect, text, QColor(hex_colour), mark.align))

        return partial(draw_figures, painter, font, leaders, todo, doc.theme.muted_text, mm)


FIGURE_HALO_MM = 0.55
"""The white halo round a figure's letters."""


LINE_FLAGS = {LEFT: Qt.AlignmentFlag.AlignLeft, RIGHT: Qt.AlignmentFlag.AlignRight, CENTRE: Qt.AlignmentFlag.AlignCenter}
"""Qt's alignment for each way a figure's lines stand in its box (geo.placed_marks.line_align)."""


def draw_figures(painter: QPainter, font, leaders: list, todo: list, leader_colour: str, mm: float) -> None:
    """Leader lines first, then each figure (rect, text, colour, align) with its halo: a flow's figures
    and a place figure's circles' alike. A figure flush with a side of its box stands in from it by
    half the box's padding, as a centred one does."""
    halo = qcolor("#ffffff", VALUE_HALO_OPACITY)
    painter.setPen(pen(leader_colour, LEADER_WIDTH_MM * mm))
    for a, b in leaders:
        painter.drawLine(a, b)
    inset = PAD_MM[0] / 2 * mm
    for rect, text, colour, align in todo:
        inner = rect.adjusted(inset, 0, -inset, 0)
        draw_halo_text(painter, inner, text, font, colour, halo, FIGURE_HALO_MM * mm, flags=LINE_FLAGS[align])
