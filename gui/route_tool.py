"""Drawing and reshaping routes on the canvas, as a GIS's digitising tools do.

Drawing: each click adds a vertex (snapped to a place or another route's end within SNAP_PX);
Backspace takes the last one back; Enter or a double click finishes and asks for the route's
fields; Esc cancels. A sea leg's stretches over land are drawn red as you draw and named in the
status line. Editing: drag a vertex to move it, double-click a segment to insert one, right-click
a vertex (or select it and press Delete) to remove it; a click on another route edits that one.
Dragging anywhere else still pans the map.

The geometry rules live in ``geo.route_edit``; this class only turns mouse positions into lon/lat
and each finished gesture into one undoable edit (``History.edit``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from geo import route_edit
from geo.document import Layer, MapDocument
from geo.errors import CrossingsError
from geo.history import History
from geo.projection import transformer
from geo.view import MapView

SNAP_PX = 10.0
"""A click this close (screen pixels) to a place or a route's end lands exactly on it."""
PICK_PX = 8.0
"""A click this close to a vertex or a segment takes it."""
CLICK_PX = 4.0
"""A press and release closer than this is a click, not a pan."""
DRAW_COLOUR = "#0b5394"
CROSSING_COLOUR = "#d62728"


class RouteTool(QObject):
    """The canvas's route drawing and vertex editing; ``ask_fields(layer, fields)`` returns the route's
    fields and colour from the user (the route form), or None when cancelled."""

    message = Signal(str)
    """A line for the status bar (crossings found, what a key does)."""
    finished = Signal()
    """Drawing or editing ended: the canvas pans again."""

    def __init__(self, canvas, doc: MapDocument, history: History, ask_fields, report_error) -> None:
        super().__init__(canvas)
        self.canvas, self.doc, self.history = canvas, doc, history
        self.ask_fields, self.report_error = ask_fields, report_error
        self.mode: str | None = None
        """'draw', 'edit' or None."""
        self.layer: Layer | None = None
        self.route_id: str | None = None
        self.points: list[tuple[float, float]] = []
        self.hover: tuple[float, float] | None = None
        self.selected: tuple[int, int] | None = None
        self._drag: tuple[int, int] | None = None
        self._press: QPointF | None = None
        self._land: route_edit.LandCheck | None = None
        self.crossings: list[route_edit.LandCrossing] = []

    # -- starting and stopping ------------------------------------------------------------------
    def start_drawing(self, layer: Layer) -> None:
        self.mode, self.layer, self.points, self.route_id = "draw", layer, [], None
        self.canvas.set_tool(self)
        self.message.emit(self.tr("Click to add vertices (snapping to places and route ends); Backspace removes the last; "
                             "Enter or double-click finishes; Esc cancels"))

    def start_editing(self, route_id: str) -> None:
        layer = next((lyr for lyr in self.doc.routes_layers() if route_id in set(lyr.data["route_id"])), None)
        if layer is None:
            raise CrossingsError(f"route {route_id!r} is in no routes layer")
        self.mode, self.layer, self.route_id, self.selected = "edit", layer, route_id, None
        self.canvas.set_tool(self)
        self.message.emit(self.tr("Editing {0}: drag a vertex to move it, double-click a segment to add one, right-click "
                             "a vertex to delete it; Esc ends").format(route_id))

    def stop(self) -> None:
        self.mode, self.points, self.hover, self.selected, self._drag = None, [], None, None, None
        self.crossings = []
        self.canvas.set_tool(None)
        self.finished.emit()

    # -- coordinates ----------------------------------------------------------------------------
    def _lonlat(self, pos: QPointF) -> tuple[float, float]:
        return self.canvas.lonlat_at(pos)

    def _px(self, lonlat: np.ndarray, view: MapView) -> np.ndarray:
        if len(lonlat) == 0:
            return np.empty((0, 2))
        x, y = transformer("EPSG:4326", self.doc.crs).transform(lonlat[:, 0], lonlat[:, 1])
        return view.to_px(np.column_stack([x, y]))

    def _snapped(self, pos: QPointF) -> tuple[float, float]:
        targets = self.snap_targets()
        i = route_edit.snap((pos.x(), pos.y()), self._px(targets, self.canvas.view), SNAP_PX)
        return tuple(map(float, targets[i])) if i is not None else self._lonlat(pos)

    def snap_targets(self) -> np.ndarray:
        """Places and every route's ends, lon/lat."""
        places = self.doc.layer("places")
        pts = [route_edit.route_ends(lyr.data) for lyr in self.doc.routes_layers()]
        if places is not None and len(places.data):
            g = places.data.geometry
            pts.append(np.column_stack([g.x.to_numpy(), g.y.to_numpy()]))
        return np.vstack(pts) if pts else np.empty((0, 2))

    def _sync_layer(self) -> None:
        """After an undo or redo the layer drawn into or edited may have been swapped: find it again."""
        if self.layer in self.doc.layers:
            return
        routes = self.doc.routes_layers()
        if self.mode == "edit":
            self.layer = next((lyr for lyr in routes if self.route_id in set(lyr.data["route_id"])), None)
            if self.layer is None:
                self.stop()
        else:
            self.layer = next((lyr for lyr in routes if lyr.title == getattr(self.layer, "title", None)),
                              routes[-1] if routes else None)

    def _route_parts_px(self) -> list[np.ndarray]:
        self._sync_layer()
        if self.layer is None:
            return []
        view = self.canvas.view
        return [self._px(p, view) for p in route_edit.vertices(self.layer.data, self.route_id)]

    def _check_land(self, lonlat: list[tuple[float, float]], mode: str = "sea") -> list[route_edit.LandCrossing]:
        boundaries = self.doc.layer("boundaries")
        if boundaries is None:
            return []
        if self._land is None:
            self._land = route_edit.LandCheck(boundaries.data)
        return self._land.crossings(lonlat, mode)

    # -- events (from the canvas; True: handled, the canvas does nothing more) --------------------
    def press(self, event) -> bool:
        self._press = event.position()
        if self.mode == "edit":
            hit = route_edit.nearest_vertex(self._route_parts_px(), (event.position().x(), event.position().y()), PICK_PX)
            if hit is not None and event.button() == Qt.MouseButton.RightButton:
                self._edit(self.tr("Delete vertex of {0}").format(self.route_id),
                           lambda data: route_edit.delete_vertex(data, self.route_id, *hit))
                return True
            if hit is not None and event.button() == Qt.MouseButton.LeftButton:
                self._drag, self.selected = hit, hit
                return True
        return False

    def move(self, event) -> bool:
        pos = event.position()
        if self.mode == "draw":
            self.hover = self._snapped(pos)
            self.crossings = self._check_land([*self.points, self.hover]) if self.points else []
            self._say_crossings()
            self.canvas.update()
        elif self.mode == "edit" and self._drag is not None:
            self.hover = self._snapped(pos)
            self.canvas.update()
            return True
        return False

    def release(self, event) -> bool:
        pos, press = event.position(), self._press
        self._press = None
        if self.mode == "edit" and self._drag is not None:
            drag, self._drag, self.hover = self._drag, None, None
            if press is not None and (pos - press).manhattanLength() >= CLICK_PX:
                to = self._snapped(pos)
                self._edit(self.tr("Move vertex of {0}").format(self.route_id),
                           lambda data: route_edit.move_vertex(data, self.route_id, *drag, to))
            return True
        is_click = press is not None and (pos - press).manhattanLength() < CLICK_PX
        if not is_click or event.button() != Qt.MouseButton.LeftButton:
            return False
        if self.mode == "draw":
            point = self._snapped(pos)
            if not self.points or self.points[-1] != point:
                self.points.append(point)
            self.crossings = self._check_land(self.points)
            self._say_crossings()
        elif self.mode == "edit":
            self._pick_route(pos)
        return False

    def double_click(self, event) -> bool:
        pos = event.position()
        if self.mode == "draw":
            point = self._snapped(pos)  # a double click's first click added it already, unless synthesised
            if not self.points or self.points[-1] != point:
                self.points.append(point)
            self.finish_drawing()
            return True
        if self.mode == "edit":
            hit = route_edit.nearest_segment(self._route_parts_px(), (pos.x(), pos.y()), PICK_PX)
            if hit is not None:
                at = self._lonlat(pos)
                self._edit(self.tr("Add vertex to {0}").format(self.route_id),
                           lambda data: route_edit.insert_vertex(data, self.route_id, *hit, at))
                return True
        return False

    def key(self, event) -> bool:
        k = event.key()
        if k == Qt.Key.Key_Escape:
            was = self.mode
            self.stop()
            self.message.emit(self.tr("Route drawing cancelled") if was == "draw" else "")
            return True
        if self.mode == "draw" and k == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            self.crossings = self._check_land(self.points)
            return True
        if self.mode == "draw" and k in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish_drawing()
            return True
        if self.mode == "edit" and k in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected is not None:
            hit, self.selected = self.selected, None
            self._edit(self.tr("Delete vertex of {0}").format(self.route_id),
                       lambda data: route_edit.delete_vertex(data, self.route_id, *hit))
            return True
        return False

    # -- edits ----------------------------------------------------------------------------------
    def finish_drawing(self) -> bool:
        """Ask for the new route's fields and add it as one undoable edit; False if nothing was added."""
        if len(self.points) < route_edit.MIN_ROUTE_VERTICES:
            self.message.emit(self.tr("A route needs at least two vertices"))
            return False
        self._sync_layer()
        layer, points = self.layer, list(self.points)
        if layer is None:
            return False
        answer = self.ask_fields(layer, None)
        if answer is None:
            return False  # still drawing: the user may go on or press Esc
        fields, colour = answer
        try:
            fields = route_edit.check_fields(fields, layer.data, self._taken_ids())
            self.layer = self.history.edit(self.tr("Add route {0}").format(fields.route_id),
                                           lambda: self._add(layer, points, fields, colour))
        except CrossingsError as exc:
            self.report_error(self.tr("Add route"), str(exc))
            return False
        crossings = self._check_land(points, fields.mode)
        self.stop()
        if crossings:
            self.report_error(self.tr("Add route"), self.tr("Route {0} was added, but its sea leg {1}. The map keeps sea "
                                                  "bands off land; move its vertices to follow the sea.").format(
                fields.route_id, "; ".join(c.describe() for c in crossings)))
        else:
            self.message.emit(self.tr("Route {0} added").format(fields.route_id))
        return True

    def _add(self, layer: Layer, points, fields: route_edit.RouteFields, colour: str | None) -> Layer:
        new = self.doc.edit_routes(layer, route_edit.add_route(layer.data, points, fields))
        self.doc.set_route_colour(fields.route_id, colour)
        return new

    def _edit(self, label: str, change) -> bool:
        self._sync_layer()
        layer = self.layer
        try:
            self.layer = self.history.edit(label, lambda: self.doc.edit_routes(layer, change(layer.data)))
        except CrossingsError as exc:
            self.report_error(self.tr("Edit route"), str(exc))
            return False
        if self.mode == "edit":
            found = self._check_land(route_edit.vertices(self.layer.data, self.route_id)[0], self._mode_of(self.route_id))
            self.crossings = found
            self._say_crossings()
        return True

    def _mode_of(self, route_id: str) -> str:
        data = self.layer.data
        return str(data.loc[data["route_id"] == route_id, "mode"].iloc[0])

    def _pick_route(self, pos: QPointF) -> None:
        view = self.canvas.view
        for lyr in self.doc.routes_layers():
            for rid in lyr.data["route_id"]:
                parts = [self._px(p, view) for p in route_edit.vertices(lyr.data, rid)]
                if route_edit.nearest_segment(parts, (pos.x(), pos.y()), PICK_PX) is not None:
                    if rid != self.route_id:
                        self.start_editing(rid)
                    return

    def _taken_ids(self) -> set[str]:
        return {rid for lyr in self.doc.routes_layers() for rid in lyr.data["route_id"]}

    def _say_crossings(self) -> None:
        if self.crossings:
            self.message.emit(self.tr("The sea leg {0}").format("; ".join(c.describe() for c in self.crossings)))

    # -- painting over the map ------------------------------------------------------------------
    def paint(self, painter: QPainter, view: MapView) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.mode == "draw":
            pts = [*self.points, *([self.hover] if self.hover is not None else [])]
            self._polyline(painter, self._px(np.array(pts), view) if pts else np.empty((0, 2)), DRAW_COLOUR, 2.0)
            self._vertices(painter, self._px(np.array(self.points), view) if self.points else np.empty((0, 2)))
            land = self._land
            if land is not None and len(pts) >= 2:
                for piece in land.crossing_lines(pts):
                    self._polyline(painter, self._px(piece, view), CROSSING_COLOUR, 4.0)
        elif self.mode == "edit" and self.route_id is not None:
            for p, part in enumerate(self._route_parts_px()):
                if self._drag is not None and self._drag[0] == p and self.hover is not None:
                    part = part.copy()
                    part[self._drag[1]] = self._px(np.array([self.hover]), view)[0]
                self._polyline(painter, part, DRAW_COLOUR, 2.0)
                self._vertices(painter, part, self.selected[1] if self.selected and self.selected[0] == p else None)

    @staticmethod
    def _polyline(painter: QPainter, px: np.ndarray, colour: str, width: float) -> None:
        if len(px) < 2:
            return
        path = QPainterPath(QPointF(*px[0]))
        for x, y in px[1:]:
            path.lineTo(x, y)
        painter.setPen(QPen(QColor(colour), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    @staticmethod
    def _vertices(painter: QPainter, px: np.ndarray, selected: int | None = None) -> None:
        painter.setPen(QPen(QColor(DRAW_COLOUR), 1.2))
        for i, (x, y) in enumerate(px):
            painter.setBrush(QColor(CROSSING_COLOUR if i == selected else "#ffffff"))
            painter.drawRect(round(x) - 3, round(y) - 3, 7, 7)
