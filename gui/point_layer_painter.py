"""Point layers painted as geo.point_symbols describes them, and their labels placed with the map's names.

What each point is drawn as (its category's colour, its circle's diameter, its text) is the domain's
(geo.point_symbols); this mixin paints the circles in the layer order, then, after the place names,
lays the labels out with the same placement as place names (geo.place_layout.name_request: beside
the point, clearly nearer it than any other point or dot, tied by a leader where nothing beside it
is free) against everything placed before: flows, furniture and every name are never overlapped.
Each label is reported as a PlacedMark, so the web map sets it where the PNG does.
"""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetrics, QPainter

from geo.labels import Claims, place_labels
from geo.map_marks import LEADER_WIDTH_MM, NAME_PAD_MM, NAME_PT
from geo.place_layout import LEADER_MIN_MM, Geography, Place, name_request
from geo.placed_marks import PlacedMark, facing_side
from geo.point_symbols import POINT_CASING_MM, POINT_LABEL, SIZED_OPACITY, point_symbols, point_xy
from geo.view import MapView
from gui.fonts import map_font
from gui.painting import draw_halo_text, pen, qcolor

POINT_LABEL_PRIORITY = 0.5
"""Point labels come after the place names (priority only orders them among themselves)."""
SOFT_CIRCLE_MM = 3.0
"""A point circle wider than this is a soft obstacle to the other labels (they may lie on it at a cost);
a smaller one is hard: a label never hides a dot."""
SAME_PLACE_MM = 2.0
"""A point's label is left out where the places layer already prints the same name this near the point
(Sfax's registrations at Sfax's port): the map names a place once."""


class PointLayersMixin:
    """MapRenderer's point layers; needs ``self.doc`` and ``self.report``."""

    def _paint_points(self, painter: QPainter, view: MapView, layer, draw: bool) -> list:
        """Every point of ``layer`` in the frame, the largest circle first (a smaller one lies over it);
        returns their circles in page pixels for the labels to avoid."""
        mm = view.px_per_mm
        symbols = point_symbols(layer)
        frame = symbols.frame
        xy = view.to_px(point_xy(self.doc.projected(layer).geometry.to_numpy()))
        fx, fy, fw, fh = view.frame_px
        inside = (xy[:, 0] >= fx) & (xy[:, 0] <= fx + fw) & (xy[:, 1] >= fy) & (xy[:, 1] <= fy + fh)
        order = [i for i in np.argsort(-frame["diameter_mm"].to_numpy(), kind="stable") if inside[i]]
        alpha = SIZED_OPACITY if symbols.scale is not None else 1.0
        painter.setOpacity(layer.style.opacity)
        painter.setPen(pen("#ffffff", POINT_CASING_MM * mm))
        if getattr(self, "_points_drawn", None) is None:  # render_map clears it for each view
            self._points_drawn = []
        out = []
        for i in order:
            x, y = (float(v) for v in xy[i])
            r = frame["diameter_mm"].iat[i] * mm / 2
            colour = frame["colour"].iat[i]
            if draw:
                painter.setBrush(qcolor(colour, alpha))
                painter.drawEllipse(QPointF(x, y), r, r)
            self.report.points.append((layer.id, int(i), x, y, float(r), colour))
            out.append(shapely.Point(x, y).buffer(r + 0.3 * mm))
            self._points_drawn.append((layer, int(i), x, y, float(r)))
        painter.setOpacity(1.0)
        return out

    def _paint_point_labels(self, painter: QPainter, view: MapView, hard: list, claims: Claims, draw: bool) -> None:
        """The label column's text beside each point drawn (of the layers whose labels are on), placed
        as place names are and never on a flow, the furniture or a name; placed labels join ``hard``."""
        points = getattr(self, "_points_drawn", None)
        if not points:
            return
        theme, mm = self.doc.theme, view.px_per_mm
        font = map_font(NAME_PT, view.dpi, painter.device().logicalDpiY())
        painter.setFont(font)
        fm = painter.fontMetrics()
        small = self._point_dots_px(view)
        large = [shapely.Point(x, y).buffer(r) for _, _, x, y, r in points if 2 * r > SOFT_CIRCLE_MM * mm]
        islands = self._page_islands(view)
        geography = Geography(islands.shapes if islands is not None else [], [(x, y) for _, _, x, y, _ in points], mm)
        requests, texts = [], {}
        named = self._names_printed(view)
        for layer, i, x, y, r in points:
            if not layer.style.labels:
                continue
            text = point_symbols(layer).frame["label"].iat[i]
            if not text or any(t == text.casefold() and np.hypot(px - x, py - y) <= r + SAME_PLACE_MM * mm
                               for t, px, py in named):
                continue
            key = f"point:{layer.id}:{i}"
            w, h = fm.horizontalAdvance(text) + NAME_PAD_MM[0] * mm, fm.height() + NAME_PAD_MM[1] * mm
            requests.append(name_request(Place(key, "city", (x, y), (w, h), r), geography, POINT_LABEL_PRIORITY))
            texts[key] = (text, (x, y))
        if not requests:
            return
        # a label's own circle is no obstacle to it: its candidates start beyond its rim
        placed, dropped = place_labels(requests, large, view.frame_px, hard=[*hard, *small], claims=claims,
                                       leader_min=LEADER_MIN_MM * mm)
        self.report.dropped_labels += [texts[k][0] for k in dropped]
        halo = qcolor("#ffffff", 0.85)
        for lab in placed:
            text, anchor = texts[lab.key]
            self.report.texts.append((POINT_LABEL, text, theme.text, "#ffffff"))
            self.report.labels.append((POINT_LABEL, lab.rect))
            self.report.marks.append(PlacedMark(POINT_LABEL, lab.key, text, theme.text, lab.rect,
                                                facing_side(lab.rect, lab.leader[0] if lab.leader else anchor),
                                                NAME_PT, QFontMetrics(font, painter.device()).height() / mm,
                                                NAME_PAD_MM, leader=lab.leader))
            hard.append(shapely.box(*lab.rect))
            if lab.leader is not None:
                self.report.leaders.append((lab.key, lab.leader[0], lab.leader[1]))
                hard.append(shapely.LineString(lab.leader))
            if draw:
                if lab.leader is not None:
                    painter.setPen(pen(theme.muted_text, LEADER_WIDTH_MM * mm))
                    painter.drawLine(QPointF(*lab.leader[0]), QPointF(*lab.leader[1]))
                rect = QRectF(lab.rect[0], lab.rect[1], lab.rect[2] - lab.rect[0], lab.rect[3] - lab.rect[1])
                draw_halo_text(painter, rect, text, font, qcolor(theme.text), halo, 0.45 * mm)

    def _point_dots_px(self, view: MapView) -> list:
        """The small point circles drawn so far (no wider than SOFT_CIRCLE_MM): what no name may cover."""
        mm = view.px_per_mm
        return [shapely.Point(x, y).buffer(r + 0.3 * mm) for _, _, x, y, r in getattr(self, "_points_drawn", None) or []
                if 2 * r <= SOFT_CIRCLE_MM * mm]

    def _names_printed(self, view: MapView) -> list[tuple[str, float, float]]:
        """(name folded, x, y) of every place whose name this render printed, at its place's point."""
        scene = getattr(self, "_scene", None)  # (view, places layer id, PlaceScene), gui.place_labels
        if scene is None or scene[0] is not view:
            return []
        printed = {pid for pid, _, _ in self.report.place_labels}
        ids, names, xy = scene[2].ids, scene[2].names, scene[2].xy
        return [(str(names[k]).casefold(), float(xy[k][0]), float(xy[k][1])) for k in range(len(ids))
                if str(ids[k]) in printed]
