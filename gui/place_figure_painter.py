"""The place-figure layers' circles and their figures, painted as geo.place_figures describes them.

What is drawn (which figures, where, how large, in what colour and words) is the domain's
(geo.place_figures, geo.place_figure_layout); this mixin paints the circles, measures the figures'
text with Qt, places them with every other label and reports what it set, for the web map and the
SVG's text layer.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from geo.circle_ground import GROUND_CASING_SLACK_MM, country_grounds, covered_by_bands, ground_fills
from geo.figure_layout import FIGURE_PT, PAD_MM, place_figures
from geo.foreign_land import country_land
from geo.map_marks import total_key, value_label_ground
from geo.place_figure_layout import (
    circle_centres_px,
    circle_shapes,
    line_rects,
    place_figure_requests,
    place_total_requests,
    total_obstacles,
)
from geo.place_figures import PLACE_CIRCLE_CASING_MM, PLACE_CIRCLE_OPACITY, place_circles
from geo.place_totals import place_totals
from geo.placed_marks import PLACE_FIGURE, PLACE_TOTAL, TOTAL, PlacedMark, facing_side
from geo.styles import CASING_MM
from geo.view import MapView
from gui.fonts import map_font
from gui.painting import geometry_path, pen, qcolor, text_size
from gui.value_labels import draw_figures


class PlaceFiguresMixin:
    """MapRenderer's place and country figures; needs ``self.doc`` and ``self.report``."""

    def _paint_place_circles(self, painter: QPainter, view: MapView, draw: bool, bands: list = (),
                             ground: bool = True) -> list:
        """Every circle, largest first (a smaller one at the same anchor lies over it); returns them as
        polygons in page pixels, for the labels to avoid. Where a circle lies on a flow (``bands``, page
        pixels), the map's ground is drawn again under it first (geo.circle_ground; not with ``ground``
        False: a transparent page has none)."""
        circles = self.report.place_circles = place_circles(self.doc)
        if not len(circles):
            return []
        mm = view.px_per_mm
        discs = circle_shapes(circles, view)
        if ground:
            self._paint_ground_under(painter, view, discs, list(bands), draw)
        if draw:
            xy = circle_centres_px(circles, view)
            painter.setPen(pen("#ffffff", PLACE_CIRCLE_CASING_MM * mm))
            for (x, y), row in zip(xy, circles.itertuples(), strict=True):
                r = row.diameter_mm * mm / 2
                painter.setBrush(qcolor(row.colour, PLACE_CIRCLE_OPACITY))
                painter.drawEllipse(QPointF(float(x), float(y)), r, r)
        return discs

    def _paint_ground_under(self, painter: QPainter, view: MapView, discs: list, bands: list, draw: bool) -> None:
        """The sea and land under the circles where they cover a flow and its casing, filled again as the
        map fills them (the land at its layer's opacity); recorded for the web map, in the view's CRS."""
        doc, mm = self.doc, view.px_per_mm
        casing = (CASING_MM + GROUND_CASING_SLACK_MM) * mm
        covered = covered_by_bands(discs, bands, casing)
        if covered is None:
            self.report.ground_under_circles = []
            return
        fills = ground_fills(covered, doc.theme.sea, country_grounds(doc, view, covered))
        self.report.ground_under_circles = [(shapely.transform(shape, view.px_to_map), colour) for shape, colour in fills]
        if not draw:
            return
        layer = doc.layer("boundaries")
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        for k, (shape, colour) in enumerate(self.report.ground_under_circles):
            painter.setOpacity(1.0 if k == 0 else layer.style.opacity)  # the sea, then each country's land
            painter.setBrush(QColor(colour))
            painter.drawPath(geometry_path([shape], view))
        painter.restore()

    def _layout_place_figure_labels(self, painter: QPainter, view: MapView, hard: list, soft: list,
                                    printed=lambda key: True, crossable: tuple = (), stacking=None):
        """Place each circle's figure (never on a flow, figure or name placed before: ``hard``; at a cost
        on ``soft``, the small islands among them: '513' over Ibiza and Cabrera's islet read as theirs; at
        a cost over or under a name or figure of ``stacking``); the placed labels join ``hard`` and
        ``stacking``. Returns the function drawing them."""
        doc, mm = self.doc, view.px_per_mm
        circles = self.report.place_circles if self.report.place_circles is not None else place_circles(doc)
        totals = place_totals(doc) if doc.place_layers else None
        if not len(circles) and (totals is None or not len(totals)):
            return None
        font = map_font(FIGURE_PT, view.dpi, painter.device().logicalDpiY(), bold=True)
        painter.setFont(font)
        land = country_land(doc, view)
        # every flow, and the totals written before (Spain's arrivals): two totals over one country stand apart
        # (the flows' figures are recorded as marks once every figure is placed: the totals among them here)
        written = {m.key: m.rect for m in self.report.marks if m.kind == TOTAL}
        written.update({lab.key: lab.rect for lab in self.report.value_labels if lab.key.startswith(total_key(""))})
        flows = total_obstacles(self.report.symbols, view, list(written.items()))

        def requests_for(measure, numbers: bool = False) -> tuple[list, dict]:
            """The circles' figures' requests and the layers' country totals' (never a circle's)."""
            out, members = place_figure_requests(circles, view, measure, numbers=numbers, land=land)
            if totals is not None and len(totals):
                out += place_total_requests(totals, view, measure, land, flows)
                members.update({key: [key] for key in totals["key"]})
            return out, members

        requests, members = requests_for(partial(text_size, painter))
        unlaid = [] if totals is None else [k for k in totals["key"] if k not in {r.key for r in requests}]
        requests = [r for r in requests if printed(r.key)]
        def place(todo: list) -> tuple:
            return place_figures(doc, view, todo, hard, soft, crossable, stacking=stacking,
                                 dots=tuple(getattr(self, "_dots_px", ())))

        placed, dropped = place(requests)
        dropped += [k for k in unlaid if printed(k)]  # its country is off the page: numbered and keyed
        by_key = {row.key: row for row in circles.itertuples()}
        if totals is not None:
            by_key.update({row.key: row for row in totals.itertuples()})
        for lab in placed:  # the discs keep clear of the figures placed here
            hard.append(shapely.box(*lab.rect))
            if lab.leader is not None:
                hard.append(shapely.LineString(lab.leader))
        dropped = self._number_unplaced(painter, view, dropped, lambda measure: requests_for(measure, numbers=True)[0],
                                        place, hard, lambda key: by_key[key].text_colour, lambda key: members[key])
        self.report.dropped_labels += [k for key in dropped for k in members[key]]
        anchors = {r.key: r.anchors for r in requests}
        centres = dict(zip(circles["key"], view.to_px(circles[["x", "y"]].to_numpy(float)), strict=True)) \
            if len(circles) else {}
        under = value_label_ground(doc)
        line_mm = painter.fontMetrics().height() / mm
        todo, leaders = [], []
        for lab in placed:
            if lab.leader is not None:
                (ax, ay), (bx, by) = lab.leader
                leaders.append((QPointF(ax, ay), QPointF(bx, by)))
                self.report.leaders.append((lab.key, lab.leader[0], lab.leader[1]))
            anchor = anchors[lab.key][lab.candidate] if anchors[lab.key] is not None else None
            if anchor is None:  # beside or inside its circle: it faces the circle's centre (a total: its own middle)
                x0, y0, x1, y1 = lab.rect
                anchor = tuple(np.asarray(centres.get(lab.key, ((x0 + x1) / 2, (y0 + y1) / 2)), float))
            keys = members[lab.key]  # one line per figure at this anchor, each in its layer's colour
            counts = [by_key[key].text.count("\n") + 1 for key in keys]
            for key, box in zip(keys, line_rects(lab.rect, counts, PAD_MM[1] * mm), strict=True):
                row = by_key[key]
                kind = PLACE_FIGURE if key in centres else PLACE_TOTAL
                self.report.texts.append((kind, row.text, row.text_colour, under))
                self.report.labels.append((kind, box))
                mark = PlacedMark(kind, key, row.text, row.text_colour, box, facing_side(box, anchor), FIGURE_PT,
                                  line_mm, PAD_MM, bold=True, leader=lab.leader if key == keys[0] else None)
                self.report.marks.append(mark)
                rect = QRectF(box[0], box[1], box[2] - box[0], box[3] - box[1])
                todo.append((rect, row.text, QColor(row.text_colour), mark.align))
        return partial(draw_figures, painter, font, leaders, todo, doc.theme.muted_text, mm)
