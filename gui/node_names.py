"""The names of an origin–destination map's nodes, beside their circles.

An OD map draws a circle for each node and flows between them, and nothing said what a circle was:
the reader had to guess that the circle at Lampedusa is "Italy" and the one at Tripoli's port
"Libya" (the figures are by country). Each node is named as the figures file names it, in the map's
language where the map's layers translate that name (``geo.map_texts.node_names``), placed as a
place's name is (``geo.place_layout.name_request``): beside its circle, clearly nearer it than any
other node, never on a flow, a figure, a box or another name. They go to every output through the
report's marks, as place names do (the web map and the SVG set them where the PNG does).
"""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetrics, QPainter

from geo.colours import blend
from geo.labels import place_labels
from geo.map_marks import LEADER_WIDTH_MM, NAME_PAD_MM, NAME_PT, node_marks
from geo.map_texts import node_names
from geo.place_layout import LEADER_MIN_MM, Geography, Place, name_request
from geo.placed_marks import PLACE, PlacedMark, facing_side
from geo.view import MapView
from gui.fonts import map_font
from gui.painting import draw_halo_text, pen, qcolor
from gui.place_labels import NAME_LEADER_TRIM_MM

NODE_NAME_PRIORITY = 3.0
"""Node names are placed before the towns' (a circle nobody can name is the map's worst gap)."""
NODE_NAME_HALO_MM = 0.45
"""As a place name's halo: the name reads over flows' edges, coasts and borders alike."""


class NodeNamesMixin:
    """MapRenderer's OD node names; needs ``self.doc`` and ``self.report``."""

    def _paint_node_names(self, painter: QPainter, view: MapView, hard: list, draw: bool = True) -> None:
        """Name every node of an OD map beside its circle; placed names are added to ``hard``."""
        doc, mm = self.doc, view.px_per_mm
        nodes = node_marks(doc, view)
        if not len(nodes):
            return
        xy = view.to_px(np.column_stack([nodes.geometry.x.to_numpy(), nodes.geometry.y.to_numpy()]))
        radii = nodes["radius_mm"].to_numpy(float) * mm
        texts = node_names(doc, nodes["name"])
        font = map_font(NAME_PT, view.dpi, painter.device().logicalDpiY())
        painter.setFont(font)
        fm = painter.fontMetrics()
        geography = Geography([], xy, mm)  # a name is clearly nearer its own circle than any other
        requests = []
        for i, text in enumerate(texts):
            size = (fm.horizontalAdvance(text) + NAME_PAD_MM[0] * mm, fm.height() + NAME_PAD_MM[1] * mm)
            place = Place(f"node:{i}", "node", (float(xy[i, 0]), float(xy[i, 1])), size, float(radii[i]))
            requests.append(name_request(place, geography, NODE_NAME_PRIORITY))
        placed, dropped = place_labels(requests, [], view.frame_px, hard=hard, leader_min=LEADER_MIN_MM * mm,
                                       leader_trim=NAME_LEADER_TRIM_MM * mm)
        self.report.dropped_labels += [texts[int(k.split(":")[1])] for k in dropped]
        theme = doc.theme
        halo = qcolor("#ffffff", 0.85)
        line_mm = QFontMetrics(font, painter.device()).height() / mm
        for lab in placed:
            i = int(lab.key.split(":")[1])
            key = f"node:{nodes['name'].iloc[i]}"
            self.report.texts.append(("place", texts[i], theme.text, blend("#ffffff", 0.85, theme.focus_land)))
            self.report.labels.append(("place", lab.rect))
            self.report.node_names.append((key, texts[i], lab.rect))
            anchor = lab.leader[0] if lab.leader is not None else tuple(map(float, xy[i]))
            self.report.marks.append(PlacedMark(PLACE, key, texts[i], theme.text, lab.rect, facing_side(lab.rect, anchor),
                                                NAME_PT, line_mm, NAME_PAD_MM, leader=lab.leader))
            if lab.leader is not None:
                self.report.leaders.append((key, lab.leader[0], lab.leader[1]))
                hard.append(shapely.LineString(lab.leader))
                if draw:
                    painter.setPen(pen(theme.muted_text, LEADER_WIDTH_MM * mm))
                    painter.drawLine(QPointF(*lab.leader[0]), QPointF(*lab.leader[1]))
            if draw:
                rect = QRectF(lab.rect[0], lab.rect[1], lab.rect[2] - lab.rect[0], lab.rect[3] - lab.rect[1])
                draw_halo_text(painter, rect, texts[i], font, QColor(theme.text), halo, NODE_NAME_HALO_MM * mm)
            hard.append(shapely.box(*lab.rect))
