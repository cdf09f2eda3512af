"""Figure labels beside flows, never on them; far ones are tied back with a leader line."""

from __future__ import annotations

import numpy as np
import shapely
import shapely.ops
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter

from geo.colours import blend, readable_on
from geo.labels import LabelRequest, place_labels
from geo.map_language import map_language
from geo.map_texts import flow_label_texts
from geo.routes import total_anchor
from geo.view import MapView
from gui.fonts import map_font
from gui.painting import draw_halo_text, pen, qcolor, text_size


class ValueLabelsMixin:
    """MapRenderer's value labels; needs ``self.doc`` and ``self.report``."""

    # A figure on a route's end town, its marker or a dashed route reads as that route's figure: such
    # places cost this much per share of the label they cover (flows themselves are never covered).
    NEAR_OTHER_ROUTES_WEIGHT = 400.0

    def _layout_value_labels(self, painter: QPainter, view: MapView, hard: list, soft: list | None = None):
        """Place a value label beside every flow (never on a flow); returns the function drawing them."""
        symbols = self.report.symbols
        if symbols is None or not len(symbols):
            return None
        doc, mm = self.doc, view.px_per_mm
        font = map_font(8.5, view.dpi, painter.device().logicalDpiY(), bold=True)
        painter.setFont(font)
        requests, anchors = [], {}
        texts = flow_label_texts(doc)
        lang = map_language(doc)

        def label_text(route_id: str, value: float) -> str:
            return texts.get(route_id) or lang.number(value)

        limit = doc.flow_style.max_labels
        labelled = symbols.nlargest(limit, "value") if limit and len(symbols) > limit else symbols
        self.report.unlabelled = sorted(set(symbols["route_id"]) - set(labelled["route_id"]))
        for row in labelled.itertuples():
            text = label_text(row.route_id, row.value)
            tw, th = text_size(painter, text)
            w, h = tw + 1.6 * mm, th + 0.4 * mm
            line = row.centreline if row.centreline.geom_type == "LineString" else max(row.centreline.geoms, key=lambda g: g.length)
            xy = view.to_px(np.asarray(line.coords))
            seg = np.diff(xy, axis=0)
            cum = np.concatenate([[0], np.cumsum(np.hypot(seg[:, 0], seg[:, 1]))])
            half_w = row.width_mm * mm / 2
            cands = []
            for frac in (0.5, 0.42, 0.58, 0.34, 0.66, 0.25, 0.75, 0.15, 0.85, 0.05):
                s = frac * cum[-1]
                k = min(max(np.searchsorted(cum, s) - 1, 0), len(seg) - 1)
                t = (s - cum[k]) / max(cum[k + 1] - cum[k], 1e-9)
                px, py = xy[k] + t * seg[k]
                dx, dy = seg[k] / max(np.hypot(*seg[k]), 1e-9)
                nx, ny = -dy, dx
                reach = abs(nx) * w / 2 + abs(ny) * h / 2
                for side, side_pen in ((1, 0.0), (-1, 0.05)):
                    for gap, gap_pen in ((1.2 * mm, 0.0), (3.5 * mm, 0.5), (6.0 * mm, 1.0), (9.0 * mm, 1.5)):
                        off = half_w + gap + reach
                        if gap > 2 * mm:  # far from its flow: a leader line will tie it back
                            anchors[(row.route_id, len(cands))] = (px + side * nx * half_w, py + side * ny * half_w)
                        cands.append((px + side * nx * off, py + side * ny * off, abs(frac - 0.5) + side_pen + gap_pen))
            for end, sign, pen_end in ((xy[-1], 1, 0.6), (xy[0], -1, 0.8)):  # beyond the tip, behind the start
                k = len(seg) - 1 if sign > 0 else 0
                dx, dy = seg[k] / max(np.hypot(*seg[k]), 1e-9)
                reach = abs(dx) * w / 2 + abs(dy) * h / 2
                for gap in (1.5 * mm, 3.5 * mm):
                    cands.append((end[0] + sign * dx * (gap + reach), end[1] + sign * dy * (gap + reach), pen_end + gap / mm / 5))
            mx, my = xy[len(xy) // 2]
            for dist in (6 * mm, 10 * mm, 15 * mm):  # last resort: a ring around the flow, tied by a leader
                for ang in np.linspace(0, 2 * np.pi, 16, endpoint=False):
                    ux, uy = np.cos(ang), np.sin(ang)
                    reach = abs(ux) * w / 2 + abs(uy) * h / 2
                    anchors[(row.route_id, len(cands))] = (mx, my)
                    cands.append((mx + ux * (dist + reach), my + uy * (dist + reach), 3.0 + dist / mm / 5))
            requests.append(LabelRequest(row.route_id, (w, h), cands, priority=row.value))
        totals = self._total_requests(painter, view, requests, anchors)
        ends = self._route_ends_px(view)
        # a route's end and its town name (one GEOS call for the thousands of ends of a big map)
        towns = list(shapely.buffer(shapely.points(ends), 2.0 * mm, quad_segs=16)) if len(ends) else []
        placed, dropped = place_labels(requests, [*(soft or []), *towns], view.frame_px,
                                       obstacle_weight=self.NEAR_OTHER_ROUTES_WEIGHT, hard=hard)
        self.report.value_labels, self.report.dropped_labels = placed, dropped
        hard.extend(shapely.box(*lab.rect) for lab in placed)
        colours = {r.route_id: r.group for r in symbols.itertuples()}
        values = {r.route_id: r.value for r in symbols.itertuples()}
        colours.update({key: t.group for key, (t, _) in totals.items()})
        halo = qcolor("#ffffff", 0.9)
        under = blend("#ffffff", 0.9, doc.theme.focus_land)  # the darkest ground a label can sit on
        todo, leaders = [], []
        for lab in placed:
            if (lab.key, lab.candidate) in anchors:
                ax, ay = anchors[(lab.key, lab.candidate)]
                near = shapely.ops.nearest_points(shapely.box(*lab.rect), shapely.Point(ax, ay))[0]
                if np.hypot(near.x - ax, near.y - ay) > 1.5 * mm:  # close enough reads as attached
                    leaders.append((QPointF(ax, ay), QPointF(near.x, near.y)))
            rect = QRectF(lab.rect[0], lab.rect[1], lab.rect[2] - lab.rect[0], lab.rect[3] - lab.rect[1])
            if lab.key in totals:  # a total: dark, the route's name and its figure
                text = totals[lab.key][1]
                hex_colour = readable_on(doc.theme.text, under)
                kind = "total"
            else:
                hex_colour = readable_on(QColor(doc.flow_colour(lab.key, colours[lab.key])).darker(125).name(), under)
                text = label_text(lab.key, values[lab.key])
                kind = "value"
            self.report.texts.append((kind, text, hex_colour, under))
            self.report.labels.append((kind, lab.rect))
            todo.append((rect, text, QColor(hex_colour)))

        def draw() -> None:
            painter.setPen(pen(doc.theme.muted_text, 0.2 * mm))
            for a, b in leaders:
                painter.drawLine(a, b)
            for rect, text, colour in todo:
                draw_halo_text(painter, rect, text, font, colour, halo, 0.55 * mm)

        return draw

    def _total_requests(self, painter: QPainter, view: MapView, requests: list, anchors: dict) -> dict:
        """Label requests for the totals of parents drawn through their branches, around the place
        their branches arrive at; far candidates are tied back with a leader line."""
        doc, mm = self.doc, view.px_per_mm
        join = doc.join()
        routes = doc.layer("routes")
        if not join.totals or routes is None:
            return {}
        projected = doc.projected(routes)
        out = {}
        for t in join.totals:
            key = f"total:{t.route_id}"
            text = "\n".join(map_language(doc).total_lines(t))
            tw, th = text_size(painter, text)
            w, h = tw + 1.6 * mm, th + 0.4 * mm
            # beyond the destination, seen from where its routes come from: away from the flows
            (ax, ay), start = view.to_px(np.array(total_anchor(projected, t.route_id)))
            beyond = np.array([ax, ay]) - start
            beyond /= max(np.hypot(*beyond), 1e-9)
            cands = []
            for dist, cost in ((2 * mm, 0.0), (5 * mm, 0.5), (9 * mm, 1.0), (14 * mm, 1.6), (20 * mm, 2.4)):
                for ang in np.linspace(0, 2 * np.pi, 24, endpoint=False):
                    ux, uy = np.cos(ang), np.sin(ang)
                    reach = abs(ux) * w / 2 + abs(uy) * h / 2
                    anchors[(key, len(cands))] = (ax, ay)
                    cands.append((ax + ux * (dist + reach), ay + uy * (dist + reach),
                                  cost + 2.5 * (1 - ux * beyond[0] - uy * beyond[1]) / 2))
            requests.append(LabelRequest(key, (w, h), cands, priority=t.value * 2))
            out[key] = (t, text)
        return out

