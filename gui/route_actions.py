"""The Routes menu: draw a route, reshape one, set its fields, delete it, start a new routes layer.

Wiring only: the canvas tool (``RouteTool``) turns gestures into edits, ``geo.route_edit`` says
what a route may be, and every change is one step of the window's undo history. ``ask_fields``
is the route form; tests replace it with canned answers, as they replace ``Prompts``.
"""

from __future__ import annotations

import geopandas as gpd
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from geo import route_edit
from geo.document import Layer
from geo.errors import CrossingsError
from geo.routes import OPTIONAL_TEXT
from geo.styles import LayerStyle
from gui.route_tool import RouteTool


class RouteActions(QObject):
    """Routes menu actions of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.doc, self.history = window.doc, window.history
        self.current_route: str | None = None
        """The route the Figures panel or the canvas last selected: what Properties and Delete act on."""
        self.tool = RouteTool(window.canvas, self.doc, self.history,
                              ask_fields=lambda layer, fields: self.ask_fields(layer, fields),
                              report_error=lambda title, text: window.prompts.error(window, title, text))
        self.tool.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self.actions: dict[str, QAction] = {}
        for name, text, slot, shortcut, tip in (
                ("new_route", self.tr("&Draw new route"), self.draw_route, "Ctrl+Shift+N",
                 self.tr("Draw a route vertex by vertex on the map, snapping to places and route ends")),
                ("edit_route", self.tr("&Edit route vertices"), self.edit_route, "Ctrl+Shift+G",
                 self.tr("Move, add and delete the vertices of the selected route")),
                ("route_properties", self.tr("Route &properties…"), self.route_properties, "Ctrl+Shift+P",
                 self.tr("Id, name, group, parent, mode, origin, destination and colour of the selected route")),
                ("delete_route", self.tr("De&lete route"), self.delete_route, None,
                 self.tr("Delete the selected route (undoable)")),
                ("new_routes_layer", self.tr("New routes &layer"), self.new_routes_layer, None,
                 self.tr("An empty routes layer to draw routes into; it is saved with the project"))):
            act = QAction(text, window)
            act.setObjectName(f"act_{name}")
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.setStatusTip(tip)
            act.setToolTip(tip)
            act.triggered.connect(lambda checked=False, s=slot: s())
            window.addAction(act)
            self.actions[name] = act

    def menu(self, parent) -> QMenu:
        menu = QMenu(self.tr("&Routes"), parent)
        menu.addActions([self.actions["new_route"], self.actions["edit_route"]])
        menu.addSeparator()
        menu.addActions([self.actions["route_properties"], self.actions["delete_route"]])
        menu.addSeparator()
        menu.addAction(self.actions["new_routes_layer"])
        return menu

    def select_route(self, route_id: str | None) -> None:
        self.current_route = route_id or None

    # -- the form ---------------------------------------------------------------------------------
    def ask_fields(self, layer: Layer, fields: route_edit.RouteFields | None):
        """(fields, own colour or None) from the route form, or None when cancelled."""
        from gui.dialogs.route_form import RouteForm

        colour = self.doc.flow_style.route_colours.get(fields.route_id) if fields else None
        form = RouteForm(layer.data, fields, colour, self.doc.group_colour, self.window)
        return form.values() if form.exec() else None

    # -- actions ----------------------------------------------------------------------------------
    def target_layer(self) -> Layer | None:
        """The routes layer selected in the Layers panel, else the last routes layer."""
        chosen = self.window.layers.current()
        if chosen is not None and chosen.kind == "routes":
            return chosen
        routes = self.doc.routes_layers()
        return routes[-1] if routes else None

    def draw_route(self) -> None:
        layer = self.target_layer()
        if layer is None:
            layer = self.new_routes_layer()
        self.tool.start_drawing(layer)
        self.window.canvas.setFocus()

    def edit_route(self) -> None:
        rid = self._selected()
        if rid is not None:
            self.tool.start_editing(rid)
            self.window.canvas.setFocus()

    def route_properties(self) -> None:
        rid = self._selected()
        if rid is None:
            return
        layer = self._layer_of(rid)
        answer = self.ask_fields(layer, route_edit.fields_of(layer.data, rid))
        if answer is None:
            return
        fields, colour = answer
        taken = {r for lyr in self.doc.routes_layers() for r in lyr.data["route_id"]}
        try:
            fields = route_edit.check_fields(fields, layer.data, taken, editing=rid)

            def apply():
                self.doc.edit_routes(layer, route_edit.set_fields(layer.data, rid, fields))
                if fields.route_id != rid:
                    self.doc.set_route_colour(rid, None)
                self.doc.set_route_colour(fields.route_id, colour)
            self.history.edit(self.tr("Route properties of {0}").format(fields.route_id), apply)
        except CrossingsError as exc:
            self.window.prompts.error(self.window, self.tr("Route properties"), str(exc))
            return
        self.current_route = fields.route_id

    def delete_route(self) -> None:
        rid = self._selected()
        if rid is None:
            return
        layer = self._layer_of(rid)
        try:
            self.history.edit(self.tr("Delete route {0}").format(rid), lambda: (
                self.doc.edit_routes(layer, route_edit.delete_route(layer.data, rid)),
                self.doc.set_route_colour(rid, None)))
        except CrossingsError as exc:
            self.window.prompts.error(self.window, self.tr("Delete route"), str(exc))
            return
        if self.tool.mode == "edit" and self.tool.route_id == rid:
            self.tool.stop()
        self.current_route = None

    def new_routes_layer(self) -> Layer:
        template = self.doc.routes_layers()[0].data.iloc[0:0] if self.doc.routes_layers() else gpd.GeoDataFrame(
            {c: [] for c in ("route_id", *OPTIONAL_TEXT)}, geometry=[], crs="EPSG:4326")
        n = len(self.doc.routes_layers()) + 1
        layer = Layer("routes", self.tr("New routes {0}").format(n) if n > 1 else self.tr("New routes"), template,
                      style=LayerStyle(stroke="#8a8a8a", stroke_width_mm=0.35), edited=True)
        self.history.edit(self.tr("New routes layer"), lambda: self.doc.add_layer(layer))
        self.window.layers.select_layer(layer)
        return layer

    # -- helpers ----------------------------------------------------------------------------------
    def _selected(self) -> str | None:
        rid = self.tool.route_id if self.tool.mode == "edit" else self.current_route
        if rid is None or self._layer_of(rid) is None:
            self.window.prompts.error(self.window, self.tr("Routes"),
                                      self.tr("Select a route first: click it in the Figures panel"))
            return None
        return rid

    def _layer_of(self, route_id: str) -> Layer | None:
        return next((lyr for lyr in self.doc.routes_layers() if route_id in set(lyr.data["route_id"])), None)
