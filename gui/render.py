"""The one renderer: paints a MapDocument through a MapView onto any QPainter target.

The canvas, PNG, SVG and PDF all call ``MapRenderer``; there is no second drawing path. Only
QtCore/QtGui are used, so it runs headless with the offscreen platform.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import shapely
import shapely.ops
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from geo.document import MapDocument
from geo.furniture import graticule
from geo.legend import totals_unwritten
from geo.map_marks import (
    shows_figures,
)
from geo.map_texts import sources_text
from geo.page import Page
from geo.place_figure_layout import figure_rooms
from geo.place_layout import name_claims, small_islands
from geo.un_practice import DASH_MM, country_codes, undetermined_boundaries
from geo.view import MapView
from gui.callout_painter import CalloutsMixin
from gui.figure_keys_painter import FigureKeysMixin
from gui.flow_painter import FlowsMixin
from gui.furniture_painter import FurniturePainter
from gui.inset_maps import InsetsMixin, outside
from gui.layout import PageLayout, page_layout, page_view
from gui.node_names import NodeNamesMixin
from gui.painting import geometry_path, pen
from gui.place_figure_painter import PlaceFiguresMixin
from gui.place_labels import MAJOR_PLACES, TOWNS, PlaceLabelsMixin
from gui.point_layer_painter import PointLayersMixin
from gui.render_report import RenderReport  # the painter's report lives there; callers import it from here
from gui.value_labels import ValueLabelsMixin
from gui.yielding_names import YieldingNamesMixin


@dataclass(frozen=True)
class RenderOptions:
    """What to paint besides the map itself (cf. QGIS' export settings structs)."""

    furniture: bool = True
    transparent: bool = False
    layout: PageLayout = field(default_factory=PageLayout)
    phases: frozenset[str] | None = None
    """Paint only these of PHASES (None: all). Everything is still laid out, so labels avoid
    flows even in a labels-only pass: that is how SVG export gets one named group per layer."""
    keep_clear: tuple[tuple[float, float, float, float], ...] = ()
    """Boxes (x0, y0, x1, y1, page pixels) the caller draws over this map (a small-multiple panel's
    period, the page's legend): labels keep clear of them as of the map's own furniture."""
    avoid: tuple[tuple[float, float, float, float], ...] = ()
    """Boxes (x0, y0, x1, y1, page pixels) labels avoid where they can (the sides of an inset's
    locator): soft obstacles, as place dots are."""
    locators: tuple[tuple[float, float, float, float], ...] = ()
    """Boxes (x0, y0, x1, y1, page pixels) outlined on the map above its land and below its flows and
    names: the areas its inset maps show (a locator on top cut through the Western Mediterranean's circle)."""
    figures_elsewhere: frozenset[str] = frozenset()
    """Figures (layout keys, as ``geo.insets.PlacedInset.figures``) this map leaves out: its page prints
    them in an inset. A figure is printed once on a page."""
    figures_only: frozenset[str] | None = None
    """The only figures this map prints (an inset's: ``geo.insets.PlacedInset.figures``); None: all."""
    flows_within_frame: bool = False
    """Lay out only the flows that reach into the frame (an inset: a few of the page's flows at a
    larger scale; every band of a 5,000-route page laid out again for its inset doubled its time)."""
    cutouts: tuple[tuple[float, float, float, float], ...] = ()
    """Boxes (x0, y0, x1, y1, page pixels) the map leaves empty for what the page paints there (its
    inset maps): cut out of its clip, and kept clear by its labels as furniture is."""
    callouts: bool = True
    """Draw the document's callouts (geo.callouts) on this map: the page's map, not its insets."""
    number_figures: bool = False
    """Number the figures whose labels find no room (geo.figure_keys): a page's own map, whose footer
    keys the numbers; not the canvas, an inset or a small-multiple panel, which have no key."""

    def paints(self, phase: str) -> bool:
        return self.phases is None or phase in self.phases

    def prints_figure(self, key: str) -> bool:
        return key not in self.figures_elsewhere and (self.figures_only is None or key in self.figures_only)


PHASES = ("background", "countries", "routes", "places", "labels", "furniture")


class MapRenderer(FlowsMixin, PlaceLabelsMixin, ValueLabelsMixin, NodeNamesMixin, PlaceFiguresMixin, PointLayersMixin, CalloutsMixin,
                  InsetsMixin, FigureKeysMixin, YieldingNamesMixin):
    """Paint ``doc``: ``render_page`` for a whole page, ``render_map`` for a view (the canvas)."""

    def __init__(self, doc: MapDocument) -> None:
        self.doc = doc
        self.report = RenderReport()

    def page_view(self, page: Page | None = None, options: RenderOptions = RenderOptions(),
                  extent: tuple[float, float, float, float] | None = None) -> MapView:
        return page_view(self.doc, page, options.layout, extent)

    def render_page(self, painter: QPainter, page: Page | None = None, options: RenderOptions = RenderOptions(),
                    extent: tuple[float, float, float, float] | None = None) -> MapView:
        """Paint the full page (map, furniture, footer) in page pixels at the page's dpi."""
        page = page or self.doc.page
        options = replace(options, layout=page_layout(self.doc, page, options.layout))  # the legend's place, decided once
        view = self.page_view(page, options, extent)
        w, h = page.size_px
        if not options.transparent and options.paints("background"):
            painter.fillRect(QRectF(0, 0, w, h), QColor("#ffffff"))
        plan, map_options = self.with_insets(painter, view, options)
        self.render_map(painter, view, replace(map_options, number_figures=options.furniture))
        self._paint_insets(painter, view, plan, options)
        if options.furniture:  # said in the report even unpainted: a layout pass measures the footer (gui.layout)
            from geo.callouts import keyed_note
            from geo.map_marks import unplaced_note

            # a figure the page had no room for is named on the page, with its figure, after the sources
            lost = unplaced_note(self.doc, [*self.report.dropped_labels,
                                            *(k for _inset, inner in self.report.insets for k in inner.dropped_labels)],
                                 () if self.report.key_box else self.report.numbered)
            keyed = keyed_note(self.doc, self.report.keyed_callouts)  # a note without room: its text here
            sources = " ".join(t for t in (self._sources_text(), lost, keyed) if t)
            self.report.texts.append(("footer", sources, self.doc.theme.text, "#ffffff"))
            if options.paints("furniture"):
                FurniturePainter(self.doc, view, painter).footer(QRectF(*options.layout.footer_px(page)), sources,
                                                                 page.size_px[1])
        return view

    def render_map(self, painter: QPainter, view: MapView, options: RenderOptions = RenderOptions()) -> None:
        doc, theme = self.doc, self.doc.theme
        self.report = RenderReport(view=view)
        self._numbering = options.number_figures
        self._scene = self._islands = self._points_drawn = None  # worked out afresh for this view and selection
        self._to_number, self._waiting = [], []  # figures kept for a number, names for drawing (after the callouts)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        frame = QRectF(*view.frame_px)
        painter.setClipRect(frame)
        if options.cutouts:  # the page's insets: nothing of this map is drawn under them
            painter.setClipRegion(outside(options.cutouts), Qt.ClipOperation.IntersectClip)
        mm = view.px_per_mm
        basemap = self._cached_basemap(painter, view, options)
        if basemap is not None:
            painter.drawImage(0, 0, basemap)
        elif options.paints("background"):
            if not options.transparent:
                painter.fillRect(frame, QColor(theme.sea))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pen(theme.graticule, 0.2 * mm))
            painter.drawPath(geometry_path(graticule(view), view))

        fp = (FurniturePainter(self.doc, view, painter, legend_beside=options.layout.legend_beside,
                               legend_below_mm=options.layout.legend_below_frame_mm) if options.furniture else None)
        furniture_rects = dict(fp.layout_rects()) if fp else {}
        furniture_rects.update({f"keep_clear_{i}": QRectF(x0, y0, x1 - x0, y1 - y0)
                                for i, (x0, y0, x1, y1) in enumerate(options.keep_clear)})
        furniture_rects.update({f"cutout_{i}": QRectF(x0, y0, x1 - x0, y1 - y0)
                                for i, (x0, y0, x1, y1) in enumerate(options.cutouts)})
        self.report.furniture_rects = furniture_rects

        # geometry in the layer panel's order (first drawn first); labels always go on top
        boundaries = doc.layer("boundaries")
        routes = doc.layer("routes")
        country_geoms: list = []
        symbols_px: list = []
        point_marks: list = []
        self._no_data_px = []
        self._route_lines_px = []
        self._dots_px = []  # the places' dots: no figure's leader runs through one
        flows_drawn = land_drawn = False
        if boundaries is None or not boundaries.style.visible:
            self._paint_locators(painter, view, options)
        for layer in doc.layers:
            if not layer.style.visible:
                continue
            if layer is boundaries:
                draw = options.paints("countries") and basemap is None
                country_geoms = self._paint_boundaries(painter, view, boundaries, draw)
                self._paint_locators(painter, view, options)
                land_drawn = True
            elif layer.kind == "routes" and doc.flows is not None and not flows_drawn:
                symbols_px = self._paint_flows(painter, view, routes.style.opacity, options.paints("routes"),
                                               boundaries if land_drawn else None, options.flows_within_frame)
                flows_drawn = True
            elif layer.kind == "points":
                point_marks += self._paint_points(painter, view, layer, options.paints("places"))
            elif layer.kind == "places":  # markers here, in order; their names go on top with the labels
                self._dots_px += self._paint_places(painter, view, layer, [], options.paints("places"),
                                                    MAJOR_PLACES | TOWNS, markers_only=True)
        if doc.is_od and doc.flows is not None and not flows_drawn:  # OD flows need no routes layer
            symbols_px = self._paint_flows(painter, view, 1.0, options.paints("routes"),
                                           boundaries if land_drawn else None)
        # figures at places and in countries: circles over the land and flows, see-through
        place_circles_px = self._circle_discs = self._paint_place_circles(
            painter, view, options.paints("routes"), symbols_px, ground=not options.transparent)
        # Labels are laid out most important first, each kind avoiding what came before: value
        # labels, then place names, then country names. Flows, furniture and placed labels are
        # hard obstacles (never overlapped); place markers are soft (avoided at a cost).
        hard = symbols_px + [shapely.box(r.left(), r.top(), r.right(), r.bottom()) for r in furniture_rects.values()]
        locator_sides = tuple(shapely.box(*box) for box in options.avoid)
        hard += locator_sides  # a name across a locator's line reads as cut; a leader may cross it
        if options.callouts:  # where a callout is tied: no label covers it, or every leader from it crosses one
            hard += self._callout_anchor_rooms(view)
        soft: list = list(getattr(self, "_no_data_px", [])) + point_marks  # dashed 'no figure' routes, points
        soft += place_circles_px  # names may lie on a see-through circle, at a cost
        labels = options.paints("labels")
        finish_values = None
        places = doc.layer("places")
        show_places = places is not None and places.style.visible
        claims = name_claims(mm)  # every name the nearest to what it names, across both passes
        if show_places:  # islands and enclaves first: a figure label has more room to move
            soft += self._paint_places(painter, view, places, hard, options.paints("places"), MAJOR_PLACES,
                                       draw_markers=False, claims=claims, reserved=figure_rooms(place_circles_px, mm))
        islands = self._page_islands(view) if boundaries is not None and boundaries.style.visible else None
        small = [] if islands is None else list(small_islands(islands.shapes, mm))
        if shows_figures(doc):
            finish_values = self._layout_value_labels(painter, view, hard, soft, islands=small,
                                                    printed=options.prints_figure, crossable=locator_sides,
                                                    stacking=claims)
        # each figure's own circle is its ground, the others a cost; so is a small island (a figure on it is its)
        circle_ids = {id(c) for c in place_circles_px}
        draw_place_figures = self._layout_place_figure_labels(painter, view, hard, [*(s for s in soft if id(s) not in circle_ids), *small],
                                                              options.prints_figure, locator_sides, stacking=claims)
        # the flows' figures off the places' dots, now that the circles' have their room
        draw_values = finish_values() if finish_values is not None else None
        self._number_kept(painter, view)  # what found no room for its label: a number, before the names
        if doc.is_od:  # what each circle is, before the towns take the room
            self._paint_node_names(painter, view, hard, labels)
        if show_places:
            # never over a circle: 'Sfax' over Tunisia's refugees' 2 mm circle hid it (a name may be left off)
            soft += self._paint_places(painter, view, places, hard, options.paints("places"), TOWNS,
                                       draw_markers=False, claims=claims, avoid=tuple(place_circles_px))
        self._paint_point_labels(painter, view, hard, claims, labels)  # as place names, after them
        if boundaries is not None and boundaries.style.visible and boundaries.style.labels:
            self._paint_country_labels(painter, view, country_geoms, hard, soft, labels, stacking=claims)
        if draw_values is not None and labels:
            draw_values()
        if draw_place_figures is not None and labels:
            draw_place_figures()
        self._draw_figure_keys(painter, view, labels)
        if options.callouts:  # last: the most movable, clear of every label placed before
            self._paint_callouts(painter, view, symbols_px, soft, labels)
        self._draw_waiting_names(painter)  # the names that did not make way for a callout
        self._paint_figure_key_box(painter, view, hard, labels)  # the numbers' key, where nothing is drawn
        painter.setClipping(False)
        if fp is not None:
            fp.name_written_totals(totals_unwritten([*self.report.dropped_labels,  # nor one numbered for want of room
                                                     *(k for n in self.report.numbered for k in n.keys)]))
            self.report.furniture_rects["legend"] = fp.layout_rects()["legend"]  # as drawn: no larger than kept
            self.report.texts.extend(fp.texts())
            if options.paints("furniture"):
                fp.paint_all()
        if options.paints("background"):
            painter.setPen(pen(theme.muted_text, 0.25 * mm))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(frame)
        painter.restore()

    def _cached_basemap(self, painter: QPainter, view: MapView, options: RenderOptions) -> QImage | None:
        """Sea, graticule and countries as an image, reused while nothing they depend on changes.

        The basemap does not change with the period, metric or source, so re-exports and quarter
        switches only paint flows and labels (QGIS caches layer renders the same way). Raster
        targets only: SVG and PDF always get vectors.
        """
        device = painter.device()
        if options.phases is not None or not isinstance(device, QImage):
            return None
        doc = self.doc
        visible = [lyr for lyr in doc.layers if lyr.style.visible]
        if visible and visible[0].kind != "boundaries":  # countries drawn over something: paint it all
            return None
        layer = doc.layer("boundaries")
        style = None if layer is None else (layer.id, layer.style.visible, layer.style.opacity, layer.style.fill,
                                            layer.style.stroke, layer.style.stroke_width_mm)
        key = ("basemap", doc.crs, view.extent, view.frame_px, view.dpi, device.width(), device.height(),
               device.format(), options.transparent, style, tuple(vars(doc.theme).items()))
        cache = doc.render_cache
        if key not in cache:  # first sight: paint directly (a one-shot export gains nothing from a cache)
            cache[key] = None
            return None
        if cache[key] is None:
            image = QImage(device.width(), device.height(), QImage.Format.Format_ARGB32_Premultiplied)
            image.setDotsPerMeterX(device.dotsPerMeterX())
            image.setDotsPerMeterY(device.dotsPerMeterY())
            image.fill(Qt.GlobalColor.transparent)
            p = QPainter(image)
            try:
                MapRenderer(doc).render_map(p, view, RenderOptions(furniture=False, transparent=options.transparent,
                                                                   layout=options.layout,
                                                                   phases=frozenset({"background", "countries"})))
            finally:
                p.end()
            if len(cache) >= 8:
                cache.pop(next(iter(cache)))
            cache[key] = image
        return cache[key]

    # -- layers -------------------------------------------------------------------------------
    def _paint_boundaries(self, painter: QPainter, view: MapView, layer, draw: bool = True) -> list:
        """Land fill, then white borders; one path per country (Qt fills and strokes many small
        paths far faster than one huge one) and bevel joins (round joins cost twice as much)."""
        theme, mm = self.doc.theme, view.px_per_mm
        geoms = self.doc.simplified(layer, view.units_per_px)
        data = layer.data
        in_view = np.flatnonzero(geoms.intersects(shapely.box(*view.extent)).to_numpy())
        if not draw:
            return [(i, geoms.iloc[i]) for i in in_view]
        focus = data["focus"].astype(int).to_numpy() == 1 if "focus" in data.columns else np.zeros(len(data), bool)
        paths = _country_paths(geoms, in_view, view)
        painter.setOpacity(layer.style.opacity)
        painter.setPen(Qt.PenStyle.NoPen)
        land, focus_land = QColor(theme.land), QColor(theme.focus_land)
        for i, path in zip(in_view, paths, strict=True):
            painter.setBrush(focus_land if focus[i] else land)
            painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        border = pen(layer.style.stroke, layer.style.stroke_width_mm * mm, join=Qt.PenJoinStyle.BevelJoin)
        painter.setPen(border)
        # At print resolutions a border's stair-steps are under 0.1 mm: stroke without antialiasing
        # there (40 % faster); on screens keep it, where they would show.
        print_res = view.dpi >= 200 and isinstance(painter.device(), QImage)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not print_res)
        # UN practice: an undetermined boundary (Western Sahara against Morocco) is dashed, so its two
        # territories are stroked without it and it is drawn on its own (geo.un_practice)
        solid, dashed = undetermined_boundaries([geoms.iloc[i] for i in in_view], country_codes(data.iloc[in_view]),
                                                1.5 * view.units_per_px)
        for k, path in enumerate(paths):
            painter.drawPath(geometry_path([solid[k]], view) if k in solid else path)
        if dashed:
            width = layer.style.stroke_width_mm * mm
            dash = pen(layer.style.stroke, width, dash=[d * mm / width for d in DASH_MM])
            dash.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(dash)
            painter.drawPath(geometry_path(dashed, view))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setOpacity(1.0)
        return [(i, geoms.iloc[i]) for i in in_view]

    # -- texts --------------------------------------------------------------------------------
    def _sources_text(self) -> str:
        return sources_text(self.doc)


_COUNTRY_PATHS: list[tuple] = []
COUNTRY_PATH_VIEWS = 4
"""Views whose country outlines are kept as painter paths: a change of period or metric repaints the
canvas on the same view, and building the paths was ~5 ms of each such render."""


def _country_paths(geoms, in_view, view: MapView) -> list:
    """One painter path per country of ``in_view`` (rows of ``geoms``, the simplified layer), kept for
    the last few views; ``geoms`` itself is the key (a new simplification is a new series)."""
    key = (tuple(view.extent), tuple(view.frame_px), view.dpi, tuple(int(i) for i in in_view))
    for series, seen, paths in _COUNTRY_PATHS:
        if series is geoms and seen == key:
            return paths
    paths = [geometry_path([geoms.iloc[i]], view) for i in in_view]
    _COUNTRY_PATHS.insert(0, (geoms, key, paths))
    del _COUNTRY_PATHS[COUNTRY_PATH_VIEWS:]
    return paths
