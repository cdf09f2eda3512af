"""The one document model the canvas, the CLI and every exporter read.

A ``MapDocument`` holds the layers (lon/lat GeoDataFrames plus a style each), the figures table,
the current selection (period, metric, source), styles, page, projection and texts. It caches
what is expensive to derive (projected and simplified geometry, the join) and drops the caches
when it changes.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from geo import paths
from geo.colours import group_palette
from geo.compare import approximate_ids, changes, comparison_period
from geo.document_geometry import REGIONAL_EXTENT_LONLAT, ProjectedGeometry  # noqa: F401  (imported from here)
from geo.document_routes import RoutesLayers
from geo.errors import CrossingsError, split_choice
from geo.export_settings import ExportSettings
from geo.flow_geometry import WidthScale, build_flow_symbols
from geo.flow_table import FlowTable, read_flow_table
from geo.join import ALL_SOURCES, JoinResult, join_flows
from geo.layer import LAYER_KINDS, Layer  # noqa: F401  (Layer and LAYER_KINDS are imported from here)
from geo.map_words import WORDS
from geo.metrics import MetricMeaning, metric_meaning
from geo.page import Page
from geo.periods import parse_period
from geo.point_layers import read_points_file
from geo.projection import DEFAULT_CRS
from geo.routes import read_routes
from geo.signals import Signal
from geo.styles import CHANGE_COLOURS, OD_COLOURS, FlowStyle, LayerStyle, MapTheme
from geo.vector_io import read_vector

# Flow symbols kept per document: the page being exported and the canvas's latest views.
FLOW_SYMBOL_VIEWS_KEPT = 4
WITHIN_MARGIN_MM = 15.0
"""An inset lays out the flows whose course comes this close to its frame, against the land this close
(a band's half width and arrowhead, 7.5 mm at most, a lane's shift, its figure, the coast it keeps off)."""
DISCLAIMER = WORDS["en"]["disclaimer"]
"""The default disclaimer; printed in the map's language (geo.map_language) unless someone rewrites it."""

class MapDocument(ProjectedGeometry, RoutesLayers):
    """Layers, figures, selection, styles, page and projection of one map."""

    def __init__(self, layers: list[Layer] | None = None, flows: FlowTable | None = None, *,
                 page: Page | None = None, crs: str = DEFAULT_CRS, title: str = WORDS["en"]["title_short"],
                 extent_lonlat: tuple[float, float, float, float] | None = None) -> None:
        self.changed = Signal()
        """Emitted with a short reason ('layers', 'selection', 'style', 'page', 'crs', 'text')."""
        self._cache: dict = {}
        self.render_cache: dict = {}
        """Painted pieces a renderer may reuse (the basemap image); dropped whenever layers change."""
        self.layers: list[Layer] = list(layers or [])
        self.flows = flows
        self.page = page or Page()
        self._crs = DEFAULT_CRS
        self.crs = crs
        self.title = title
        self.subtitle: str | None = None
        self.notes = ""
        self.od_net = False
        """With origin–destination figures: draw A->B and B->A as one net flow."""
        self.node_max_radius_mm = 5.0
        """Radius of the largest OD node symbol; others scale by area with their total."""
        self.label_language = "en"
        """The map's language: en, fr or ar. Every word the map prints follows it (geo.map_language),
        country and place names too (name_fr / name_ar columns)."""
        self.disclaimer = DISCLAIMER
        self.extent_lonlat = extent_lonlat
        """The user's frame (west, south, east, north); None: it fits what is drawn (geo.extent_fit)."""
        self.frame_extent: tuple[float, float, float, float] | None = None
        """A projected frame for one export of a copy (the canvas's view, a series'); never saved."""
        self.insets: str | tuple[str, ...] = "auto"
        """Inset maps on a page (geo.insets): "auto" (those it needs), "none", or the areas' names."""
        self.legend_place = "auto"
        """Where a page's legend stands (geo.legend_place): "auto", "inside" (over the map) or "beside" it."""
        self.od_nodes = None
        """A ``geo.od_nodes.NodeTable`` placing OD nodes; None: the bundled one."""
        self.place_layers: tuple = ()
        """Thematic layers of place and country figures (``geo.place_figures.PlaceFigureLayer``), in order."""
        self.callouts: tuple = ()
        """Short texts tied to a place, route or point (``geo.callouts.Callout``), in order."""
        self.flow_style = FlowStyle()
        self.theme = MapTheme()
        self.export_settings = ExportSettings()
        self.period: str | None = None
        self.metric: str = "arrivals"
        self.source: str | None = None
        if flows is not None:
            self.select()

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def from_files(cls, boundaries: str | Path | None = None, routes: str | Path | None = None,
                   flows: str | Path | None = None, places: str | Path | None = None) -> MapDocument:
        """A document from data files; any argument left out uses the bundled file."""
        b, b_layer = split_choice(boundaries) if boundaries else (paths.default_countries(), None)
        r, r_layer = split_choice(routes) if routes else (paths.default_routes(), None)
        f = flows if flows else paths.default_flows()  # book.xlsx#sheet: read_flow_table splits it
        layers = [Layer("boundaries", "Countries", read_vector(b, expect="polygon", layer=b_layer), b,
                        LayerStyle(fill="#f1eee8", stroke="#ffffff", stroke_width_mm=0.25), source=b_layer)]
        p, p_layer = (split_choice(places) if places else
                      (paths.default_places(), None) if paths.default_places().exists() else (None, None))
        routes_layer = Layer("routes", "Routes", read_routes(r, r_layer), r,
                             LayerStyle(stroke="#8a8a8a", stroke_width_mm=0.35), source=r_layer)
        layers.append(routes_layer)
        if p is not None:
            layers.append(Layer("places", "Places", read_points_file(p, p_layer), p,
                                LayerStyle(fill="#333333", stroke="#ffffff", stroke_width_mm=0.2), source=p_layer))
        return cls(layers, read_flow_table(f))  # the frame fits what is drawn (geo.extent_fit)

    # -- layers -------------------------------------------------------------------------------
    def layer(self, kind: str) -> Layer | None:
        """The first layer of ``kind``; for routes, every routes layer as one (see ``routes_layer``)."""
        if kind == "routes":
            return self.routes_layer()
        return next((lyr for lyr in self.layers if lyr.kind == kind), None)

    def add_layer(self, layer: Layer) -> None:
        clash = self.route_id_clash(layer)
        if clash:
            raise CrossingsError(f"{layer.path.name if layer.path else layer.title}: {clash}")
        self.layers.append(layer)
        self._invalidate("layers")

    def remove_layer(self, layer: Layer) -> None:
        self.layers.remove(layer)
        self._invalidate("layers")

    def move_layer(self, layer: Layer, index: int) -> None:
        """Put ``layer`` at ``index`` in the drawing order (0 is drawn first); caches stay valid."""
        self.layers.remove(layer)
        self.layers.insert(max(0, min(index, len(self.layers))), layer)
        self.changed.emit("order")

    def layer_changed(self, layer: Layer) -> None:
        """Call after editing a layer's data or style in place."""
        self._invalidate("layers" if layer.kind == "routes" else "style")

    # -- figures and selection ----------------------------------------------------------------
    def set_flows(self, table: FlowTable) -> None:
        self.flows = table
        self.select(self.period, self.metric, self.source, keep_if_valid=True)

    def select(self, period: str | None = None, metric: str | None = None, source: str | None = None,
               *, keep_if_valid: bool = False) -> None:
        """Choose what the flows show; unknown values are refused with the choices the data offers."""
        if self.flows is None:
            raise CrossingsError("no figures are loaded")
        periods = [str(p) for p in self.flows.periods()]
        if period is None:
            period = str(self.flows.default_period())
        else:
            try:
                label = str(parse_period(period)) if period not in periods else period
            except ValueError as exc:
                raise CrossingsError(str(exc)) from None
            if label not in periods:
                if keep_if_valid:
                    label = str(self.flows.default_period())
                else:
                    raise CrossingsError(f"period {period!r} has no figures; periods in the data: {', '.join(periods)}")
            period = label
        metrics = self.flows.metrics(period)
        fallback = self.metric if self.metric in metrics else ("arrivals" if "arrivals" in metrics else metrics[0])
        if metric is None:
            metric = fallback
        elif metric not in metrics:
            if not keep_if_valid:
                raise CrossingsError(f"metric {metric!r} has no figures for {period}; metrics: {', '.join(metrics)}")
            metric = fallback
        sources = self.flows.sources(period, metric)
        if source is not None and source != ALL_SOURCES and source not in sources:
            if keep_if_valid:
                source = None
            else:
                raise CrossingsError(f"source {source!r} has no {metric} figures for {period}; sources: {', '.join(sources)}")
        self.period, self.metric, self.source = period, metric, source
        self._invalidate("selection")

    def neighbour_period(self, delta: int) -> str | None:
        """The period ``delta`` steps away of the same kind (quarter to quarter, year to year) that has
        figures of the selected metric, or None past either end.

        Stepping through every period in time order went from 2024 to November 2024 and silently
        changed the metric where that month had none.
        """
        if self.flows is None or self.period is None:
            return None
        kind = parse_period(self.period).kind
        same = [str(p) for p in self.flows.periods() if p.kind == kind and self.metric in self.flows.metrics(str(p))]
        if self.period not in same:
            return None
        i = same.index(self.period) + delta
        return same[i] if 0 <= i < len(same) else None

    def each_period(self, periods: list[str] | None):
        """Select each of ``periods`` in turn (or stay on the current one), restoring the selection
        after: for what one legend or one footer says about several maps (small multiples)."""
        if not periods:
            yield self.period
            return
        saved = (self.period, self.metric, self.source)
        try:
            for period in periods:
                self.select(period, self.metric, self.source, keep_if_valid=True)
                yield period
        finally:
            self.select(*saved, keep_if_valid=True)

    @property
    def is_od(self) -> bool:
        """True when the figures name origins and destinations rather than drawn routes."""
        return self.flows is not None and "origin" in self.flows.frame.columns

    def join(self) -> JoinResult:
        from geo.thematic_join import with_flow_layers

        key = ("join", self._figures_id(), self.period, self.metric, self.source, self._routes_id(), self.od_net,
               self.node_table() if self.is_od else None, self._flow_layers_key())
        if key not in self._cache:
            if self.is_od:
                from geo.od import document_join

                self._cache[key] = document_join(self)
                return self._cache[key]
            routes = self.layer("routes")
            if routes is None or self.flows is None:
                raise CrossingsError("a routes layer and figures are needed to draw flows")
            # the map's own selection, then its thematic flow layers beside it (geo.thematic_join)
            self._cache[key] = with_flow_layers(self, join_flows(routes.data, self.flows, self.period, self.metric,
                                                                 self.source, self.relations, self.meaning))
        return self._cache[key]

    def node_table(self):
        """Where OD nodes stand (``geo.od_nodes``): the document's own table, else the bundled one."""
        from geo.od_nodes import bundled_node_table
        return self.od_nodes if self.od_nodes is not None else bundled_node_table()

    @property
    def meaning(self) -> MetricMeaning:
        """How the selected metric is drawn (data/flows/metrics.csv)."""
        return metric_meaning(self.metric)

    def route_ends(self) -> np.ndarray:
        """Projected start and end points of the routes on the map (drawn or 'no figure'): where the
        town names that matter are."""
        return self._route_ends()[0]

    def route_end_ids(self) -> np.ndarray:
        """The route each of ``route_ends`` belongs to: a route's figure may stand by its own ends."""
        return self._route_ends()[1]

    def _route_ends(self) -> tuple[np.ndarray, np.ndarray]:
        if self.flows is None or self.layer("routes") is None:
            return np.empty((0, 2)), np.empty(0, dtype=object)
        key = ("route-ends", self._figures_id(), self.period, self.metric, self.source, self._flow_layers_key(), self._routes_id(), self._crs)
        if key not in self._cache:
            join = self.join()
            routes = self.projected(self.layer("routes"))
            shown = routes[routes["route_id"].isin(set(join.flows["route_id"]) | set(join.no_data))]
            pts, ids = [], []
            for route_id, geom in zip(shown["route_id"], shown.geometry, strict=True):
                for part in getattr(geom, "geoms", [geom]):
                    c = np.asarray(part.coords)
                    pts.extend([c[0, :2], c[-1, :2]])
                    ids.extend([route_id, route_id])
            self._cache[key] = (np.array(pts) if pts else np.empty((0, 2)), np.array(ids, dtype=object))
        return self._cache[key]

    def od_curves(self, view):
        """OD flows laid out as curves in the view's CRS, and node radii (mm), cached per scale."""
        from geo.od import node_sizes, od_curves

        key = ("od-curves", self._figures_id(), self.period, self.metric, self.source, self.od_net, self._crs,
               round(view.units_per_px, 6), self.width_scale(), self.node_table())
        if key not in self._cache:
            join = self.join()
            totals, sizes = node_sizes(join, self.node_max_radius_mm)
            radii = {n: sizes.width_mm(t) / 2 for n, t in totals.items()}
            self._cache[key] = (od_curves(join.flows, view, self.width_scale(), radii, land=self.land(view.units_per_px)),
                                radii, totals)
        return self._cache[key]

    def flow_symbols(self, view, within: tuple[float, float, float, float] | None = None) -> gpd.GeoDataFrame:
        """The flow symbols as drawn in ``view``, computed once for the painter and every exporter
        (the PNG and the GeoJSON of one render used to lay out every band twice). With ``within``
        (a projected box: an inset's frame), only the flows whose course comes within
        ``WITHIN_MARGIN_MM`` of it, laid out as among themselves."""
        scale = self.width_scale()
        if self.is_od:
            flows, smoothing = self.od_curves(view)[0], 0  # the layout's curves are already smooth
        else:
            flows, smoothing = self.projected_flows(), self.flow_style.smoothing
        if within is not None:
            x0, y0, x1, y1 = within
            m = view.mm_to_units(WITHIN_MARGIN_MM)
            within = (round(x0 - m, 3), round(y0 - m, 3), round(x1 + m, 3), round(y1 + m, 3))
            flows = flows[flows.intersects(shapely.box(*within))]
        # the layout depends on the view's scale and resolution only, not on where it is centred or
        # how large its frame is: a pan, or a fitted frame moved sideways, reuses the symbols
        key = ("flow-symbols", self._figures_id(), self.period, self.metric, self.source, self._flow_layers_key(), self._routes_id(), self._crs,
               self.od_net, view.crs, round(view.units_per_px, 9), view.dpi, scale, smoothing,
               self.node_table() if self.is_od else None, within)
        if key not in self._cache:
            # a panned or zoomed canvas is a new view each time: keep only the latest few
            older = [k for k in self._cache if k[0] == "flow-symbols"]
            for k in older[:-(FLOW_SYMBOL_VIEWS_KEPT - 1)]:
                del self._cache[k]
            # OD flows meet at their nodes: each its own group, so none is set aside in a lane off its node
            lanes = flows.assign(group=flows["route_id"]) if self.is_od else flows
            symbols = build_flow_symbols(lanes, view, scale, smoothing=smoothing, land=self.land(view.units_per_px, within))
            if self.is_od:
                symbols["group"] = symbols["route_id"].map(dict(zip(flows["route_id"], flows["group"], strict=True)))
            self._cache[key] = symbols
        return self._cache[key]

    def width_scale(self) -> WidthScale | None:
        """The flow width scale for the current selection: a fixed reference value, the scale held
        over every period of the selection's kind (``held_reference``), or fitted to this map."""
        if self.flows is None or (self.layer("routes") is None and not self.is_od):
            return None
        st = self.flow_style
        reference = st.reference_value if st.reference_value is not None else self.held_reference()
        if not self.is_od and self.meaning.by_area:  # circles: the area is to scale
            return WidthScale.fit(self.join().flows["value"], st.max_circle_mm, st.min_circle_mm, reference,
                                  tuple(st.classes), by_area=True)
        return WidthScale.fit(self.join().flows["value"], st.max_width_mm, st.min_width_mm, reference,
                              tuple(st.classes))

    def held_reference(self) -> float | None:
        """With ``FlowStyle.hold_scale``: the largest figure of the metric (and source choice) drawn on
        any map of the selection's kind, so a width means one figure every quarter; else None."""
        from geo.held_scale import held_reference

        if self.period is None:
            return None
        key = ("held-scale", self._figures_id(), parse_period(self.period).kind, self.metric, self.source,
               self._routes_id(), self.od_net, self.flow_style.hold_scale, self.flow_style.reference_value)
        if key not in self._cache:
            self._cache[key] = held_reference(self)
        return self._cache[key]

    def changes(self) -> dict | None:
        """route_id -> Change against the comparison period, or None when no comparison is set."""
        mode = self.flow_style.compare
        if mode is None or self.flows is None:
            return None
        key = ("changes", self._figures_id(), self.period, self.metric, self.source, mode, self._routes_id())
        if key not in self._cache:
            now = dict(zip(self.join().flows["route_id"], self.join().flows["value"], strict=True))
            # a total printed as a label changes too: 'Italy 65,474' and the update's −58 % on 2023
            now.update({t.route_id: float(t.value) for t in self.join().totals if t.route_id not in now})
            before: dict[str, float] = {}
            rough = approximate_ids(self.join().figured)
            other = comparison_period(self.period, mode)
            if other is not None and str(other) in {str(p) for p in self.flows.periods()}:
                prev = join_flows(self.layer("routes").data, self.flows, str(other), self.metric, self.source,
                                  self.relations, self.meaning)
                before = dict(zip(prev.figured["route_id"], prev.figured["value"], strict=True)) if prev.figured is not None and len(prev.figured) else {}
                rough |= approximate_ids(prev.figured)
            self._cache[key] = changes(now, before, self._stated_changes(mode), frozenset(rough))
        return self._cache[key]

    def _stated_changes(self, mode: str) -> dict[str, float]:
        """route_id -> the change on the period before, as the drawn figure's row states it (the update's
        "+16% compared to 2023" with no 2023 figure): only against the period before (a year's, a year ago
        too), as it is stated."""
        join = self.join()
        rows = join.figured if join.figured is not None else join.flows  # the drawn flows' rows and the totals'
        previous = comparison_period(self.period, "previous")
        if comparison_period(self.period, mode) != previous or previous is None or "stated_change" not in rows.columns:
            return {}
        given = rows[rows["stated_change"].notna()]
        return dict(zip(given["route_id"], given["stated_change"].astype(float), strict=True))

    def flow_colour(self, route_id: str, group: str) -> str:
        """The fill of a flow: its route group's colour, or its change's when colouring by change;
        OD flows take one colour per destination, in a fixed colour-blind-safe order."""
        if self.flow_style.colour_by != "change" and route_id in self.flow_style.route_colours:
            return self.flow_style.route_colours[route_id]
        if self.flow_style.colour_by == "change":
            ch = (self.changes() or {}).get(route_id)
            return CHANGE_COLOURS[ch.direction if ch is not None else "new"]
        if self.is_od and group not in self.flow_style.group_colours:
            key = ("od-groups", self._figures_id(), self.period, self.metric, self.source, self.od_net)
            if key not in self._cache:
                self._cache[key] = {g: i for i, g in enumerate(dict.fromkeys(self.join().flows["group"]))}
            if len(self._cache[key]) > len(OD_COLOURS):  # too many destinations to tell apart by colour
                return OD_COLOURS[0]
            return OD_COLOURS[self._cache[key].get(group, 0)]
        return self.group_colour(group)

    def group_colour(self, group: str) -> str:
        """A route group's colour: the style's, or for a group it names no colour for, one told apart
        from every other group of the routes layer (``geo.colours.group_palette``, in the layer's order,
        so a series keeps each group's colour from map to map)."""
        routes = self.layer("routes")
        key = ("group-palette", self._routes_id(), tuple(self.flow_style.group_colours.items()))
        if key not in self._cache:
            groups = [str(g) for g in routes.data["group"]] if routes is not None and "group" in routes.data else []
            self._cache[key] = group_palette(groups, self.flow_style.group_colours)
        return self._cache[key].get(group) or self.flow_style.colour_for(group)

    # -- misc ---------------------------------------------------------------------------------
    def set_page(self, page: Page) -> None:
        self.page = page
        self.changed.emit("page")

    def set_title(self, title: str, subtitle: str | None = None) -> None:
        self.title, self.subtitle = title, subtitle
        self.changed.emit("text")

    def style_changed(self) -> None:
        self._invalidate("style")

    def invalidate(self, reason: str) -> None:
        """Announce an edit made by assigning attributes directly (undo, project load); see ``changed``."""
        self._invalidate(reason)

    def selection_key(self) -> tuple:
        """What the drawn flows depend on besides styles and the view: a key for caches of them."""
        return (self._figures_id(), self.period, self.metric, self.source, self._routes_id(), self._crs, self.od_net,
                self.node_table() if self.is_od else None, self.place_layers)

    def _flow_layers_key(self) -> tuple:
        """The thematic flow layers drawn beside the map's own flows: part of every key of what they change."""
        from geo.thematic_join import flow_layers

        return tuple(flow_layers(self))

    def _figures_id(self) -> int:
        return self.flows.token if self.flows is not None else 0

    def _routes_id(self) -> int | None:
        routes = self.layer("routes")
        return routes.id if routes is not None else None

    def _invalidate(self, reason: str) -> None:
        if reason in ("layers", "crs", "style", "order"):
            self.render_cache.clear()
        if reason in ("layers", "crs"):
            self._cache.clear()
        # a selection change drops nothing: what depends on the selection is keyed by it (and by the
        # figures table's token), so flipping back to a quarter seen before finds its join and layout
        self.changed.emit(reason)
