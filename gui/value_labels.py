"""Figure labels beside flows, never on them; far ones are tied back with a leader line.

Where each goes is decided in ``geo.value_layout`` and ``geo.labels``; this mixin measures the
text, draws, and reports what it drew.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter

from geo.colours import blend, readable_on, value_label_colour
from geo.labels import LabelRequest, place_labels
from geo.map_language import map_language
from geo.map_texts import flow_label_texts
from geo.routes import total_anchor
from geo.value_layout import (
    LEADER_MIN_MM,
    LEADER_TRIM_MM,
    VALUE_MARGIN_MM,
    Symbols,
    flow_candidates,
    leader_ends,
    total_candidates,
)
from geo.view import MapView
from gui.fonts import map_font
from gui.painting import draw_halo_text, pen, qcolor, text_size
from gui.place_labels import LEADER_WIDTH_MM


class ValueLabelsMixin:
    """MapRenderer's value labels; needs ``self.doc`` and ``self.report``."""

    # A figure on a route's end town, its marker or a dashed route reads as that route's figure: such
    # places cost this much per share of the label they cover (flows themselves are never covered).
    NEAR_OTHER_ROUTES_WEIGHT = 400.0

    def _layout_value_labels(self, painter: QPainter, view: MapView, hard: list, soft: list | None = None,
                             islands: list | None = None):
        """Place a value label beside every flow (never on a flow, nor on a small island: ``islands``);
        returns the function drawing them. The placed labels and leaders are added to ``hard``."""
        symbols = self.report.symbols
        if symbols is None or not len(symbols):
            return None
        doc, mm = self.doc, view.px_per_mm
        font = map_font(8.5, view.dpi, painter.device().logicalDpiY(), bold=True)
        painter.setFont(font)
        requests = []
        texts = flow_label_texts(doc)
        lang = map_language(doc)

        def label_text(route_id: str, value: float) -> str:
            return texts.get(route_id) or lang.number(value)

        shapes = shapely.simplify(shapely.transform(symbols.geometry.to_numpy(), view.to_px), 0.75)
        drawn = Symbols(shapes, symbols["route_id"].to_numpy())
        shape_of = dict(zip(symbols.index, shapes, strict=True))
        margin = VALUE_MARGIN_MM * mm
        limit = doc.flow_style.max_labels
        labelled = symbols.nlargest(limit, "value") if limit and len(symbols) > limit else symbols
        self.report.unlabelled = sorted(set(symbols["route_id"]) - set(labelled["route_id"]))
        for row in labelled.itertuples():
            text = label_text(row.route_id, row.value)
            tw, th = text_size(painter, text)
            w, h = tw + 1.6 * mm, th + 0.4 * mm
            line = row.centreline if row.centreline.geom_type == "LineString" else max(row.centreline.geoms, key=lambda g: g.length)
            xy = view.to_px(np.asarray(line.coords))
            shape = shape_of[row.Index]
            cands, anchors = flow_candidates(xy, row.width_mm * mm / 2, (w, h), mm, shape)
            requests.append(LabelRequest(row.route_id, (w, h), cands, priority=row.value, anchors=anchors,
                                         extra_cost=partial(drawn.ambiguity_cost, cands, (w, h), {row.route_id},
                                                            margin)))
        totals = self._total_requests(painter, view, requests, drawn, margin)
        ends = self._route_ends_px(view)
        # a route's end and its town name (one GEOS call for the thousands of ends of a big map)
        towns = list(shapely.buffer(shapely.points(ends), 2.0 * mm, quad_segs=16)) if len(ends) else []
        placed, dropped = place_labels(requests, [*(soft or []), *towns], view.frame_px,
                                       obstacle_weight=self.NEAR_OTHER_ROUTES_WEIGHT, hard=[*hard, *(islands or [])],
                                       leader_min=LEADER_MIN_MM * mm, leader_trim=LEADER_TRIM_MM * mm)
        self.report.value_labels = placed
        self.report.dropped_labels += dropped
        hard.extend(shapely.box(*lab.rect) for lab in placed)
        hard.extend(shapely.LineString(lab.leader) for lab in placed if lab.leader is not None)
        colours = {r.route_id: r.group for r in symbols.itertuples()}
        values = {r.route_id: r.value for r in symbols.itertuples()}
        colours.update({key: t.group for key, (t, _) in totals.items()})
        halo = qcolor("#ffffff", 0.9)
        under = blend("#ffffff", 0.9, doc.theme.focus_land)  # the darkest ground a label can sit on
        todo, leaders = [], []
        for lab in placed:
            if lab.leader is not None:
                (ax, ay), (bx, by) = lab.leader
                leaders.append((QPointF(ax, ay), QPointF(bx, by)))
                self.report.leaders.append((lab.key, lab.leader[0], lab.leader[1]))
            rect = QRectF(lab.rect[0], lab.rect[1], lab.rect[2] - lab.rect[0], lab.rect[3] - lab.rect[1])
            if lab.key in totals:  # a total: dark, the route's name and its figure
                text = totals[lab.key][1]
                hex_colour = readable_on(doc.theme.text, under)
                kind = "total"
            else:
                hex_colour = value_label_colour(doc.flow_colour(lab.key, colours[lab.key]), under)
                text = label_text(lab.key, values[lab.key])
                kind = "value"
            self.report.texts.append((kind, text, hex_colour, under))
            self.report.labels.append((kind, lab.rect))
            todo.append((rect, text, QColor(hex_colour)))

        def draw() -> None:
            painter.setPen(pen(doc.theme.muted_text, LEADER_WIDTH_MM * mm))
            for a, b in leaders:
                painter.drawLine(a, b)
            for rect, text, colour in todo:
                draw_halo_text(painter, rect, text, font, colour, halo, 0.55 * mm)

        return draw

    def _total_requests(self, painter: QPainter, view: MapView, requests: list, drawn: Symbols,
                        margin: float) -> dict:
        """Label requests for the totals of parents drawn through their branches, around the place
        their branches arrive at; far candidates are tied back with a leader line to a branch's tip."""
        doc, mm = self.doc, view.px_per_mm
        join = doc.join()
        routes = doc.layer("routes")
        if not join.totals or routes is None:
            return {}
        projected = doc.projected(routes)
        parents = dict(zip(projected["route_id"], projected["parent"].fillna(""), strict=True))
        symbols = self.report.symbols
        tips = {r.route_id: _tip(r.centreline) for r in symbols.itertuples()}
        out = {}
        for t in join.totals:
            key = f"total:{t.route_id}"
            text = "\n".join(map_language(doc).total_lines(t))
            tw, th = text_size(painter, text)
            w, h = tw + 1.6 * mm, th + 0.4 * mm
            # beyond the destination, seen from where its routes come from: away from the flows
            arrival, start = view.to_px(np.array(total_anchor(projected, t.route_id)))
            branches = {r for r in tips if _descends(r, t.route_id, parents)}
            branch_tips = view.to_px(np.array([tips[r] for r in branches])) if branches else np.empty((0, 2))
            cands, anchors = total_candidates(arrival, start, branch_tips, (w, h), mm)
            anchors = leader_ends(cands, anchors, [g for g, k in zip(drawn.shapes, drawn.keys, strict=True) if k in branches])
            # after every figure: a total has rings around each of its branches' tips to choose from,
            # a branch's figure only the sides of its own symbol (Melilla's '116' was pushed off its arrow)
            requests.append(LabelRequest(key, (w, h), cands, priority=-1.0 / (1.0 + t.value), anchors=anchors,
                                         extra_cost=partial(drawn.ambiguity_cost, cands, (w, h), branches, margin)))
            out[key] = (t, text)
        return out


def _tip(line) -> tuple[float, float]:
    """Where a symbol's centre line arrives (its longest part's end: the arrowhead's tip)."""
    part = line if line.geom_type == "LineString" else max(line.geoms, key=lambda g: g.length)
    return part.coords[-1][:2]


def _descends(route_id: str, ancestor: str, parents: dict) -> bool:
    """Whether ``route_id`` is a branch of ``ancestor`` at any depth."""
    seen = set()
    while route_id in parents and route_id not in seen:
        seen.add(route_id)
        route_id = parents[route_id]
        if route_id == ancestor:
            return True
    return False
