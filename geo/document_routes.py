"""The routes of a document: every routes layer drawn and joined as one, edited as new layers.

Part of ``MapDocument`` (a mixin, so the document's API stays in one place while its file stays
readable): it uses the document's ``layers``, ``_cache``, ``flow_style`` and ``_invalidate``.
"""

from __future__ import annotations

from dataclasses import replace

import geopandas as gpd
import pandas as pd

from geo.errors import CrossingsError
from geo.layer import _UNION_IDS, Layer, _ids
from geo.relations import FigureRelations, relations_for_routes


class RoutesLayers:
    """Routes layers of a MapDocument: their union, id clashes, edits and route colours."""

    def routes_layers(self) -> list[Layer]:
        return [lyr for lyr in self.layers if lyr.kind == "routes"]

    def routes_layer(self) -> Layer | None:
        """Every routes layer's routes as one layer, which the join, the painter and the exports read.

        A second routes file (a Tobruk → Crete route) used to be listed but never drawn or joined: only
        the first routes layer counted. Route ids are unique across layers (``route_id_clash`` refuses
        a layer that repeats one), so the union is a routes layer like any other. It takes the first
        layer's style, path (its relations file) and title; its id stays the same for the same member
        layers, so projected geometry and joins are cached across calls and clones.
        """
        parts = self.routes_layers()
        if len(parts) <= 1:
            return parts[0] if parts else None
        members = tuple(lyr.id for lyr in parts)
        key = ("routes-union", members)
        if key not in self._cache:
            frames = [lyr.data for lyr in parts]
            union = pd.concat(frames, ignore_index=True)
            union = union[~union["route_id"].duplicated()].reset_index(drop=True)  # defensive: clashes are refused
            self._cache[key] = gpd.GeoDataFrame(union, geometry="geometry", crs=frames[0].crs)
        first = parts[0]
        return Layer("routes", first.title, self._cache[key], first.path, first.style,
                     id=_UNION_IDS.setdefault(members, next(_ids)), source=first.source)

    def route_id_clash(self, layer: Layer, replacing: Layer | None = None) -> str | None:
        """Why ``layer`` cannot join the routes already loaded (a route id they share), or None."""
        return route_id_clash(self.layers, layer, replacing)

    def edit_routes(self, layer: Layer, data: gpd.GeoDataFrame) -> Layer:
        """Give a routes layer new data (from ``geo.route_edit``): a new, edited layer in its place."""
        new = Layer(layer.kind, layer.title, data, layer.path, replace(layer.style), source=layer.source, edited=True)
        self.replace_layer(layer, new)
        return new

    def set_route_colour(self, route_id: str, colour: str | None) -> None:
        """Colour one route apart from its group (None: its group's colour again)."""
        from geo.styles import css_colour

        if colour:
            self.flow_style.route_colours[route_id] = css_colour(colour, f"colour of route {route_id!r}")
        else:
            self.flow_style.route_colours.pop(route_id, None)
        self._invalidate("style")

    def replace_layer(self, old: Layer, new: Layer) -> None:
        """Put ``new`` where ``old`` is (an edited routes layer is a new layer: layers' data never change
        in place, so undo keeps the old one and caches keyed by layer id stay right). A routes layer
        whose ids the other routes layers use is refused by name."""
        clash = self.route_id_clash(new, replacing=old)
        if clash:
            raise CrossingsError(clash)
        self.layers[self.layers.index(old)] = new
        self._invalidate("layers")

    @property
    def relations(self) -> FigureRelations:
        """Figures inside other figures and the names of route totals: they come with the routes file
        (geo.relations.relations_for_routes), so a project reopened or a routes layer replaced keeps
        them right without storing them twice."""
        routes = self.layer("routes")
        if routes is None:
            return FigureRelations()
        key = ("relations", routes.id)
        if key not in self._cache:
            ids = set(routes.data["route_id"])
            merged = FigureRelations()
            for member in self.routes_layers():  # each routes file brings its own relations
                # an edited layer may lack a route its file's relations name: those relations go with it
                merged.merge(relations_for_routes(member.path, None if member.edited else ids).restricted(ids))
            self._cache[key] = merged
        return self._cache[key]


def route_id_clash(layers: list[Layer], layer: Layer, replacing: Layer | None = None) -> str | None:
    """Why the routes ``layer`` cannot join the routes layers among ``layers`` (a route id it shares
    with one of them, ``replacing`` aside), or None."""
    if layer.kind != "routes":
        return None
    ids = set(layer.data["route_id"])
    for other in layers:
        if other.kind != "routes" or other is layer or other is replacing:
            continue
        shared = sorted(ids & set(other.data["route_id"]))
        if shared:
            listed = ", ".join(repr(s) for s in shared[:5]) + (f" and {len(shared) - 5} more" if len(shared) > 5 else "")
            return (f"route id{'s' if len(shared) > 1 else ''} {listed} {'are' if len(shared) > 1 else 'is'} "
                    f"already used by the routes layer {other.title!r}: route ids must be unique across routes layers")
    return None
