"""The flows layer as the renderer paints it: the flow symbols (bands, circles, rings) with their
casings, the routes without a figure, the routes under circles, small islands a flow covers drawn
again above it, and the OD nodes. Split from gui.render, which this mixin is part of; what each
symbol looks like is the domain's (geo.map_marks.symbol_paint, geo.flow_geometry).
"""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter

from geo.flow_geometry import smooth_line
from geo.islands import covered_islands, document_islands
from geo.join import ZERO
from geo.map_marks import (
    CIRCLE_ROUTE_MM,
    CIRCLE_ROUTE_OPACITY,
    NO_FIGURE_DASH,
    NO_FIGURE_MM,
    NO_FIGURE_OPACITY,
    NODE_CASING_MM,
    NODE_FILL,
    NODE_OPACITY,
    node_marks,
    symbol_paint,
)
from geo.metrics import CIRCLE
from geo.place_layout import LIFT_ISLAND_MM
from geo.view import MapView
from gui.painting import draw_dashed_outline, geometry_path, pen, qcolor

# Segments per quarter circle of a casing filled as a grown band: at most 0.2 px from the round join a
# stroke makes, for a 0.2 mm casing at 600 dpi.
CASING_QUAD_SEGS = 3


class FlowsMixin:
    """MapRenderer's flows layer; needs ``self.doc``, ``self.report``, ``self._route_lines_px`` and
    ``self._page_islands``."""

    def _paint_flows(self, painter: QPainter, view: MapView, opacity: float, draw: bool = True, land=None,
                     within_frame: bool = False) -> list:
        """The flow symbols (and OD nodes); small islands of ``land`` (the boundaries layer, when drawn
        below the flows) that a symbol covers are drawn again between the symbols and the nodes, with
        them (an SVG's Routes layer holds them: in its Countries layer, under the flows, Malta was lost
        under the Libya arrow)."""
        doc, style, mm = self.doc, self.doc.flow_style, view.px_per_mm
        join = doc.join()
        scale = doc.width_scale()
        self.report.scale = scale
        painter.setOpacity(opacity)
        if doc.is_od:
            flows, radii, _ = doc.od_curves(view)
            smoothing = 0  # the layout's curves are already smooth
        else:
            flows, radii, smoothing = doc.projected_flows(), {}, style.smoothing
        routes_layer = doc.layer("routes")
        routes_proj = doc.projected(routes_layer) if routes_layer is not None and not doc.is_od else None
        no_data = routes_proj[routes_proj["route_id"].isin(join.no_data)] if routes_proj is not None else routes_proj
        no_data = no_data if no_data is not None else flows.iloc[0:0]
        self._no_data_px = []
        for row in no_data.itertuples():
            parts = getattr(row.geometry, "geoms", [row.geometry])
            lines = [smooth_line(p, style.smoothing) for p in parts]
            self._no_data_px += [shapely.transform(ln, view.to_px).buffer(0.4 * mm) for ln in lines]
            if not draw:
                continue
            painter.setPen(pen(qcolor(doc.group_colour(row.group), NO_FIGURE_OPACITY), NO_FIGURE_MM * mm,
                               dash=list(NO_FIGURE_DASH)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(geometry_path(lines, view))
        symbols = doc.flow_symbols(view, within=view.extent if within_frame else None)
        self.report.symbols = symbols
        self._paint_circle_routes(painter, view, flows, symbols, smoothing, draw)
        if draw:
            paints = [symbol_paint(self.doc, row.route_id, row.group, row.symbol, row.filled)
                      for row in symbols.itertuples()]
            casings = self._filled_casings(painter, view, symbols, paints, opacity)
            for row, paint, casing in zip(symbols.itertuples(), paints, casings, strict=True):
                self._paint_symbol(painter, view, row, paint, casing)
        # obstacles for labels: simplified to under a pixel, so thousands of label tests stay cheap
        # (all at once: one GEOS call instead of one per symbol)
        out = list(shapely.simplify(shapely.transform(symbols.geometry.to_numpy(), view.to_px), 0.75))
        if land is not None:  # flows, and the route lines under circles and without a figure
            self._paint_lifted_islands(painter, view, land, [*out, *self._route_lines_px, *self._no_data_px], draw)
        if radii:
            out += self._paint_nodes(painter, view, draw)
        painter.setOpacity(1.0)
        return out

    @staticmethod
    def _filled_casings(painter: QPainter, view: MapView, symbols, paints: list, opacity: float) -> list:
        """Each cased symbol's casing as a shape to fill (the symbol grown by the casing's width), on
        a raster page at full opacity; else None each, and the casing is stroked.

        The same pixels either way (the casing lies outside the colour, and round joins are a round
        buffer), but Qt's antialiased wide stroke of a band's hundreds of vertices was two thirds of
        the time a band took to paint (500 routes: 1.4 of 2.1 s). Vector pages keep the stroke, as an
        editor expects; a translucent band keeps it too, as what shows through it is then the stroke's
        inner half, not a filled casing."""
        if opacity < 1.0 or not isinstance(painter.device(), QImage) or not len(paints):
            return [None] * len(paints)
        grow = np.array([view.mm_to_units(p.stroke_mm / 2) if p.casing else 0.0 for p in paints])
        cased = grow > 0
        out = np.full(len(paints), None, dtype=object)
        out[cased] = shapely.buffer(symbols.geometry.to_numpy()[cased], grow[cased], quad_segs=CASING_QUAD_SEGS)
        return list(out)

    def _paint_symbol(self, painter: QPainter, view: MapView, row, paint, casing) -> None:
        """One figure, painted as geo.map_marks.symbol_paint says (``paint``, asked for all at once): filled
        with a white casing (``casing``: the casing's shape, filled, else stroked); outlined (dashed)
        when it is part of another figure shown on the map; a zero as an open ring."""
        mm = view.px_per_mm
        path = geometry_path([row.geometry], view)
        if paint.casing and casing is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(paint.stroke)))
            painter.drawPath(geometry_path([casing], view))
        elif paint.casing:
            # the casing lies outside the colour: stroked first, then the fill drawn over its inner half,
            # so a band shows all the width its figure gives it (a centred 0.35 mm stroke left a 0.6 mm
            # band 0.25 mm of colour, and the map disagreed with its legend)
            painter.setPen(pen(paint.stroke, paint.stroke_mm * mm))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setPen(Qt.PenStyle.NoPen)
        elif paint.dash:  # hollow: what is under it shows through, so it reads as "not added"; its dashes
            # fitted to its corners (geo.dash_fit), each corner and the arrow's tip turned by one
            painter.setPen(Qt.PenStyle.NoPen)
            if paint.fill:
                painter.setBrush(QBrush(QColor(paint.fill)))
                painter.drawPath(path)
            draw_dashed_outline(painter, shapely.transform(row.geometry, view.to_px), paint.stroke, paint.stroke_mm * mm,
                                paint.dash)
            return
        else:  # a ring
            painter.setPen(pen(paint.stroke, paint.stroke_mm * mm))
        painter.setBrush(QBrush(QColor(paint.fill)) if paint.fill else Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _paint_circle_routes(self, painter: QPainter, view: MapView, flows, symbols, smoothing: int,
                             draw: bool = True) -> None:
        """The route under each circle or ring, thin: the toll belongs to that route, not to a place.
        Its line is kept (``_route_lines_px``) for names, which never sit on a route."""
        mm = view.px_per_mm
        round_ids = set(symbols.loc[symbols["symbol"].isin((CIRCLE, ZERO)), "route_id"])
        for row in flows.itertuples():
            if row.route_id not in round_ids:
                continue
            parts = getattr(row.geometry, "geoms", [row.geometry])
            lines = [smooth_line(p, smoothing) for p in parts]
            self._route_lines_px += [shapely.transform(ln, view.to_px).buffer(0.25 * mm) for ln in lines]
            if not draw:
                continue
            painter.setPen(pen(qcolor(self.doc.flow_colour(row.route_id, row.group), CIRCLE_ROUTE_OPACITY),
                               CIRCLE_ROUTE_MM * mm))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(geometry_path(lines, view))

    def _paint_lifted_islands(self, painter: QPainter, view: MapView, layer, symbols_px: list, draw: bool) -> None:
        """Small islands a flow covers, drawn again above it in their land colour with the border's
        stroke: the flow still reads, and so does the island it reaches (Malta under the Libya
        arrowhead, Lampedusa at the Tunisia arrow's tip)."""
        islands, found = self._page_islands(view), document_islands(self.doc)
        if islands is None or found is None:
            return
        lifted = covered_islands(islands, symbols_px, LIFT_ISLAND_MM * view.px_per_mm)
        table, outlines = found
        which = islands.index[lifted]
        data = layer.data
        focus = (data["focus"].astype(int).to_numpy()[table.row[which]] == 1 if "focus" in data.columns
                 else np.zeros(len(which), bool))
        self.report.lifted_islands = list(islands.shapes[lifted])
        self.report.lifted_land = [(outline, self.doc.theme.focus_land if f else self.doc.theme.land)
                                   for outline, f in zip(outlines[which], focus, strict=True)]
        if not draw or not len(lifted):
            return
        painter.save()
        painter.setOpacity(layer.style.opacity)
        painter.setPen(pen(layer.style.stroke, layer.style.stroke_width_mm * view.px_per_mm))
        for colour, mask in ((self.doc.theme.land, ~focus), (self.doc.theme.focus_land, focus)):
            if mask.any():
                painter.setBrush(QColor(colour))
                painter.drawPath(geometry_path(outlines[which[mask]], view))
        painter.restore()

    def _paint_nodes(self, painter: QPainter, view: MapView, draw: bool) -> list:
        """OD node symbols (geo.map_marks.node_marks): circles whose area grows with the node's total,
        above the flows."""
        mm = view.px_per_mm
        nodes = node_marks(self.doc, view)
        out = []
        for row in nodes.itertuples():
            (x, y), = view.to_px(np.array([[row.geometry.x, row.geometry.y]]))
            r = row.radius_mm * mm
            if draw:
                painter.setPen(pen("#ffffff", NODE_CASING_MM * mm))
                painter.setBrush(qcolor(NODE_FILL, NODE_OPACITY))
                painter.drawEllipse(QPointF(x, y), r, r)
            out.append(shapely.Point(x, y).buffer(r))
        self.report.nodes = {row.name: float(row.total) for row in nodes.itertuples()}
        return out
