"""The one renderer: paints a MapDocument through a MapView onto any QPainter target.

The canvas, PNG, SVG and PDF all call ``MapRenderer``; there is no second drawing path. Only
QtCore/QtGui are used, so it runs headless with the offscreen platform.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
import shapely.ops
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter

from geo.colours import blend, readable_on
from geo.document import MapDocument
from geo.flow_geometry import WidthScale, build_flow_symbols, smooth_line
from geo.furniture import graticule
from geo.labels import LabelRequest, PlacedLabel, place_labels
from geo.page import Page
from geo.view import MapView
from gui.fonts import map_font
from gui.furniture_painter import FurniturePainter
from gui.layout import PageLayout
from gui.painting import draw_halo_text, geometry_path, pen, qcolor


@dataclass(frozen=True)
class RenderOptions:
    """What to paint besides the map itself (cf. QGIS' export settings structs)."""

    furniture: bool = True
    transparent: bool = False
    layout: PageLayout = field(default_factory=PageLayout)
    phases: frozenset[str] | None = None
    """Paint only these of PHASES (None: all). Everything is still laid out, so labels avoid
    flows even in a labels-only pass: that is how SVG export gets one named group per layer."""

    def paints(self, phase: str) -> bool:
        return self.phases is None or phase in self.phases


MAJOR_PLACES = frozenset({"region_label", "enclave", "island"})
TOWNS = frozenset({"port", "city", "border_post"})

PHASES = ("background", "countries", "routes", "places", "labels", "furniture")


@dataclass
class RenderReport:
    """What the last render placed, for tests and quality checks (pixels, not guesses)."""

    view: MapView | None = None
    scale: WidthScale | None = None
    symbols: object = None
    value_labels: list[PlacedLabel] = field(default_factory=list)
    dropped_labels: list[str] = field(default_factory=list)
    furniture_rects: dict[str, QRectF] = field(default_factory=dict)
    labels: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)
    """Every placed label: (kind, (x0, y0, x1, y1) in page pixels)."""
    texts: list[tuple[str, str, str, str]] = field(default_factory=list)
    """Every text drawn: (kind, text, colour, effective background), for legibility checks."""


class MapRenderer:
    """Paint ``doc``: ``render_page`` for a whole page, ``render_map`` for a view (the canvas)."""

    def __init__(self, doc: MapDocument) -> None:
        self.doc = doc
        self.report = RenderReport()

    def page_view(self, page: Page | None = None, options: RenderOptions = RenderOptions(),
                  extent: tuple[float, float, float, float] | None = None) -> MapView:
        page = page or self.doc.page
        return options.layout.view(page, self.doc.crs, extent or self.doc.default_extent())

    def render_page(self, painter: QPainter, page: Page | None = None, options: RenderOptions = RenderOptions(),
                    extent: tuple[float, float, float, float] | None = None) -> MapView:
        """Paint the full page (map, furniture, footer) in page pixels at the page's dpi."""
        page = page or self.doc.page
        view = self.page_view(page, options, extent)
        w, h = page.size_px
        if not options.transparent and options.paints("background"):
            painter.fillRect(QRectF(0, 0, w, h), QColor("#ffffff"))
        self.render_map(painter, view, options)
        if options.furniture and options.paints("furniture"):
            fp = FurniturePainter(self.doc, view, painter)
            fp.footer(QRectF(*options.layout.footer_px(page)), self._sources_text())
        return view

    def render_map(self, painter: QPainter, view: MapView, options: RenderOptions = RenderOptions()) -> None:
        doc, theme = self.doc, self.doc.theme
        self.report = RenderReport(view=view)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        frame = QRectF(*view.frame_px)
        painter.setClipRect(frame)
        mm = view.px_per_mm
        if options.paints("background"):
            if not options.transparent:
                painter.fillRect(frame, QColor(theme.sea))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pen(theme.graticule, 0.2 * mm))
            painter.drawPath(geometry_path(graticule(view), view))

        boundaries = doc.layer("boundaries")
        country_geoms = []
        if boundaries is not None and boundaries.style.visible:
            country_geoms = self._paint_boundaries(painter, view, boundaries, options.paints("countries"))

        fp = FurniturePainter(self.doc, view, painter) if options.furniture else None
        furniture_rects = fp.layout_rects() if fp else {}
        self.report.furniture_rects = furniture_rects

        symbols_px = []
        self._no_data_px = []
        routes = doc.layer("routes")
        if routes is not None and routes.style.visible and doc.flows is not None:
            symbols_px = self._paint_flows(painter, view, routes.style.opacity, options.paints("routes"))
        # Labels are laid out most important first, each kind avoiding what came before: value
        # labels, then place names, then country names. Flows, furniture and placed labels are
        # hard obstacles (never overlapped); place markers are soft (avoided at a cost).
        hard = symbols_px + [shapely.box(r.left(), r.top(), r.right(), r.bottom()) for r in furniture_rects.values()]
        soft: list = list(getattr(self, "_no_data_px", []))  # dashed 'no figure' routes
        labels = options.paints("labels")
        draw_values = None
        places = doc.layer("places")
        show_places = places is not None and places.style.visible
        if show_places:  # islands and enclaves first: a figure label has more room to move
            soft += self._paint_places(painter, view, places, hard, options.paints("places"), MAJOR_PLACES)
        if routes is not None and routes.style.visible and routes.style.labels and doc.flow_style.show_values:
            draw_values = self._layout_value_labels(painter, view, hard)
        if show_places:
            soft += self._paint_places(painter, view, places, hard, options.paints("places"), TOWNS)
        if boundaries is not None and boundaries.style.visible and boundaries.style.labels:
            self._paint_country_labels(painter, view, country_geoms, hard, soft, labels)
        if draw_values is not None and labels:
            draw_values()
        painter.setClipping(False)
        if fp is not None:
            self.report.texts.extend(fp.texts())
            if options.paints("furniture"):
                fp.paint_all()
        if options.paints("background"):
            painter.setPen(pen(theme.muted_text, 0.25 * mm))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(frame)
        painter.restore()

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
        paths = [geometry_path([geoms.iloc[i]], view) for i in in_view]
        painter.setOpacity(layer.style.opacity)
        painter.setPen(Qt.PenStyle.NoPen)
        land, focus_land = QColor(theme.land), QColor(theme.focus_land)
        for i, path in zip(in_view, paths, strict=True):
            painter.setBrush(focus_land if focus[i] else land)
            painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen(layer.style.stroke, layer.style.stroke_width_mm * mm, join=Qt.PenJoinStyle.BevelJoin))
        for path in paths:
            painter.drawPath(path)
        painter.setOpacity(1.0)
        return [(i, geoms.iloc[i]) for i in in_view]

    def _paint_flows(self, painter: QPainter, view: MapView, opacity: float, draw: bool = True) -> list:
        doc, style, mm = self.doc, self.doc.flow_style, view.px_per_mm
        join = doc.join()
        flows = doc.projected_flows()
        scale = doc.width_scale()
        self.report.scale = scale
        painter.setOpacity(opacity)
        routes_proj = doc.projected(doc.layer("routes"))
        no_data = routes_proj[routes_proj["route_id"].isin(join.no_data)]
        self._no_data_px = []
        for row in no_data.itertuples():
            parts = getattr(row.geometry, "geoms", [row.geometry])
            lines = [smooth_line(p, style.smoothing) for p in parts]
            self._no_data_px += [shapely.transform(ln, view.to_px).buffer(0.4 * mm) for ln in lines]
            if not draw:
                continue
            painter.setPen(pen(qcolor(style.colour_for(row.group), 0.9), 0.45 * mm, dash=[4, 3]))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(geometry_path(lines, view))
        symbols = build_flow_symbols(flows, view, scale, smoothing=style.smoothing, land=doc.land(view.units_per_px))
        self.report.symbols = symbols
        out = []
        for row in symbols.itertuples():
            if draw:
                painter.setPen(pen(style.casing, 0.35 * mm))
                painter.setBrush(QBrush(QColor(style.colour_for(row.group))))
                painter.drawPath(geometry_path([row.geometry], view))
            out.append(shapely.transform(row.geometry, view.to_px))
        painter.setOpacity(1.0)
        return out

    def _paint_places(self, painter: QPainter, view: MapView, layer, hard: list, draw: bool = True,
                      only: frozenset[str] = frozenset()) -> list:
        """Islands, enclaves and region names always; towns only where a drawn route starts or ends.

        Returns the markers (soft obstacles for later labels); placed names are added to ``hard``."""
        theme, mm = self.doc.theme, view.px_per_mm
        data = self.doc.projected(layer)
        kinds = data["kind"].astype(str).to_numpy() if "kind" in data.columns else np.full(len(data), "city")
        names = label_names(data, doc_language(self.doc)).to_numpy()
        xy = view.to_px(shapely.get_coordinates(data.geometry.to_numpy()))
        ends = self._route_ends_px(view)
        reach = max(2.5 * mm, 20_000 / view.units_per_px)  # 20 km, or 2.5 mm when zoomed far out
        fx, fy, fw, fh = frame = view.frame_px
        dpi = painter.device().logicalDpiY()
        fonts = {False: map_font(6.5, view.dpi, dpi), True: map_font(6.5, view.dpi, dpi, italic=True)}
        requests, markers = [], []
        painter.setPen(pen("#ffffff", 0.25 * mm))
        shown_xy = [(x, y) for i, (x, y) in enumerate(xy) if self._place_shown(kinds[i], x, y, frame, ends, reach)]
        for i, (x, y) in enumerate(xy):
            kind = kinds[i]
            if kind not in only or not self._place_shown(kind, x, y, frame, ends, reach):
                continue
            town = kind in ("port", "city", "border_post")
            if town or kind == "enclave":
                r = 0.55 * mm if town else 0.75 * mm
                if draw:
                    painter.setBrush(QColor("#333333" if town else "#000000"))
                    painter.drawEllipse(QPointF(x, y), r, r)
                markers.append(shapely.Point(x, y).buffer(r + 0.3 * mm))
            if not names[i] or not layer.style.labels:
                continue
            painter.setFont(fonts[kind in ("island", "region_label")])
            fm = painter.fontMetrics()
            w, h = fm.horizontalAdvance(names[i]) + 1.2 * mm, fm.height() + 0.6 * mm
            cands = []
            for k, d in enumerate((1.4 * mm, 2.8 * mm, 4.5 * mm)):
                cands += [(x + d + w / 2, y, 0.0 + k), (x - d - w / 2, y, 0.2 + k), (x, y - d - h / 2, 0.3 + k),
                          (x, y + d + h / 2, 0.4 + k), (x + d + w / 2, y - d - h / 2, 0.5 + k),
                          (x - d - w / 2, y - d - h / 2, 0.6 + k), (x + d + w / 2, y + d + h / 2, 0.7 + k),
                          (x - d - w / 2, y + d + h / 2, 0.8 + k)]
            if kind in ("island", "region_label"):
                cands = [(x, y, 0.0), *cands]
            priority = {"region_label": 3.0, "enclave": 2.5, "island": 2.0}.get(kind, 1.0)
            cands = [c for c in cands if not _nearer_to_another(c, (w, h), (x, y), shown_xy)]
            requests.append(LabelRequest(f"place:{i}", (w, h), cands, priority=priority))
        placed, dropped = place_labels(requests, markers, frame, obstacle_weight=8.0, hard=hard)
        self.report.dropped_labels += [names[int(k.split(":")[1])] for k in dropped]
        halo = qcolor("#ffffff", 0.85)
        for lab in placed:
            i = int(lab.key.split(":")[1])
            rect = QRectF(lab.rect[0], lab.rect[1], lab.rect[2] - lab.rect[0], lab.rect[3] - lab.rect[1])
            self.report.texts.append(("place", names[i], theme.text, blend("#ffffff", 0.85, theme.focus_land)))
            self.report.labels.append(("place", lab.rect))
            if draw:
                draw_halo_text(painter, rect, names[i], fonts[kinds[i] in ("island", "region_label")],
                               QColor(theme.text), halo, 0.45 * mm)
            hard.append(shapely.box(*lab.rect))
        return markers

    @staticmethod
    def _place_shown(kind: str, x: float, y: float, frame, ends: np.ndarray, reach: float) -> bool:
        fx, fy, fw, fh = frame
        if not (fx <= x <= fx + fw and fy <= y <= fy + fh):
            return False
        if kind in ("port", "city", "border_post"):
            return bool(len(ends)) and np.hypot(ends[:, 0] - x, ends[:, 1] - y).min() <= reach
        return True

    def _route_ends_px(self, view: MapView) -> np.ndarray:
        """Start and end points of the routes on the map (drawn or 'no figure'), in pixels."""
        doc = self.doc
        if doc.flows is None or doc.layer("routes") is None:
            return np.empty((0, 2))
        join = doc.join()
        routes = doc.projected(doc.layer("routes"))
        shown = routes[routes["route_id"].isin(set(join.flows["route_id"]) | set(join.no_data))]
        pts = []
        for geom in shown.geometry:
            for part in getattr(geom, "geoms", [geom]):
                c = np.asarray(part.coords)
                pts.extend([c[0, :2], c[-1, :2]])
        return view.to_px(np.array(pts)) if pts else np.empty((0, 2))

    def _paint_country_labels(self, painter: QPainter, view: MapView, country_geoms: list, hard: list, soft: list,
                              draw: bool = True) -> None:
        doc, theme, mm = self.doc, self.doc.theme, view.px_per_mm
        layer = doc.layer("boundaries")
        names = label_names(layer.data, doc_language(doc)) if "name" in layer.data.columns else None
        if names is None:
            return
        # letter spacing tears Arabic's joined letters apart: only for Latin labels
        spacing = 0 if doc.label_language == "ar" else 12
        font = map_font(7.0, view.dpi, painter.device().logicalDpiY(), letter_spacing=spacing)
        painter.setFont(font)
        fm = painter.fontMetrics()
        frame = view.frame_px
        min_area_px = (14 * mm) ** 2
        requests = []
        for i, geom in country_geoms:
            parts = shapely.get_parts(geom)
            big = max(parts, key=lambda g: g.area)
            area_px = big.area / view.units_per_px**2
            if area_px < min_area_px:
                continue
            clipped = shapely.intersection(big, shapely.box(*view.extent))
            if clipped.is_empty or clipped.area / view.units_per_px**2 < min_area_px * 0.5:
                continue
            clipped = max(shapely.get_parts(clipped), key=lambda g: g.area)
            anchor = shapely.ops.polylabel(clipped, tolerance=view.units_per_px * 4) if clipped.geom_type == "Polygon" else clipped.representative_point()
            (x, y), = view.to_px(np.array([[anchor.x, anchor.y]]))
            text = names.iloc[i].upper()
            if not text:
                continue
            w, h = fm.horizontalAdvance(text) + mm, fm.height()
            cands = [(x, y, 0.0)] + [(x + dx * mm, y + dy * mm, 0.1 * (abs(dx) + abs(dy)))
                                     for dx, dy in ((0, -6), (0, 6), (-8, 0), (8, 0), (0, -12), (0, 12))]
            requests.append(LabelRequest(f"country:{i}", (w, h), cands, priority=area_px / 1e6))
        placed, _ = place_labels(requests, soft, frame, obstacle_weight=30.0, hard=hard)
        hex_colour = readable_on(theme.country_label, theme.focus_land)
        colour = QColor(hex_colour)
        halo = qcolor(theme.land, 0.6)
        for lab in placed:
            if lab.overlaps_obstacle:
                continue
            i = int(lab.key.split(":")[1])
            rect = QRectF(lab.rect[0], lab.rect[1], lab.rect[2] - lab.rect[0], lab.rect[3] - lab.rect[1])
            self.report.texts.append(("country", names.iloc[i].upper(), hex_colour, theme.focus_land))
            self.report.labels.append(("country", lab.rect))
            if draw:
                draw_halo_text(painter, rect, names.iloc[i].upper(), font, colour, halo, 0.3 * mm)
            hard.append(shapely.box(*lab.rect))

    def _layout_value_labels(self, painter: QPainter, view: MapView, hard: list):
        """Place a value label beside every flow (never on a flow); returns the function drawing them."""
        symbols = self.report.symbols
        if symbols is None or not len(symbols):
            return None
        doc, mm = self.doc, view.px_per_mm
        font = map_font(8.5, view.dpi, painter.device().logicalDpiY(), bold=True)
        painter.setFont(font)
        fm = painter.fontMetrics()
        requests = []
        for row in symbols.itertuples():
            text = format_value(row.value)
            w, h = fm.horizontalAdvance(text) + 1.6 * mm, fm.height() + 0.4 * mm
            line = row.centreline if row.centreline.geom_type == "LineString" else max(row.centreline.geoms, key=lambda g: g.length)
            xy = view.to_px(np.asarray(line.coords))
            seg = np.diff(xy, axis=0)
            cum = np.concatenate([[0], np.cumsum(np.hypot(seg[:, 0], seg[:, 1]))])
            half_w = row.width_mm * mm / 2
            cands = []
            for frac in (0.5, 0.42, 0.58, 0.34, 0.66, 0.25, 0.75, 0.15):
                s = frac * cum[-1]
                k = min(max(np.searchsorted(cum, s) - 1, 0), len(seg) - 1)
                t = (s - cum[k]) / max(cum[k + 1] - cum[k], 1e-9)
                px, py = xy[k] + t * seg[k]
                dx, dy = seg[k] / max(np.hypot(*seg[k]), 1e-9)
                nx, ny = -dy, dx
                reach = abs(nx) * w / 2 + abs(ny) * h / 2
                for side, side_pen in ((1, 0.0), (-1, 0.05)):
                    for gap, gap_pen in ((1.2 * mm, 0.0), (3.5 * mm, 0.5)):
                        off = half_w + gap + reach
                        cands.append((px + side * nx * off, py + side * ny * off, abs(frac - 0.5) + side_pen + gap_pen))
            requests.append(LabelRequest(row.route_id, (w, h), cands, priority=row.value))
        placed, dropped = place_labels(requests, [], view.frame_px, hard=hard)
        self.report.value_labels, self.report.dropped_labels = placed, dropped
        hard.extend(shapely.box(*lab.rect) for lab in placed)
        colours = {r.route_id: r.group for r in symbols.itertuples()}
        values = {r.route_id: r.value for r in symbols.itertuples()}
        halo = qcolor("#ffffff", 0.9)
        under = blend("#ffffff", 0.9, doc.theme.focus_land)  # the darkest ground a label can sit on
        todo = []
        for lab in placed:
            rect = QRectF(lab.rect[0], lab.rect[1], lab.rect[2] - lab.rect[0], lab.rect[3] - lab.rect[1])
            hex_colour = readable_on(QColor(doc.flow_style.colour_for(colours[lab.key])).darker(125).name(), under)
            text = format_value(values[lab.key])
            self.report.texts.append(("value", text, hex_colour, under))
            self.report.labels.append(("value", lab.rect))
            todo.append((rect, text, QColor(hex_colour)))

        def draw() -> None:
            for rect, text, colour in todo:
                draw_halo_text(painter, rect, text, font, colour, halo, 0.55 * mm)

        return draw

    # -- texts --------------------------------------------------------------------------------
    def join_for_legend(self):
        return self.doc.join() if self.doc.flows is not None and self.doc.layer("routes") is not None else None

    def _sources_text(self) -> str:
        """'Figures: <report>, citing <named sources> and other linked sources. Basemap: ...'."""
        doc = self.doc
        parts = []
        join = self.join_for_legend()
        if join is not None and len(join.flows):
            srcs = sorted({s for s in join.flows["source"] if s})
            named = [s for s in srcs if not s.lower().startswith("not named")]
            unnamed = len(named) < len(srcs)
            refs = sorted({r.split(" — ")[0] for r in join.flows["source_ref"] if r})
            text = "Figures: " + ("; ".join(refs) if refs else "; ".join(named))
            if refs and named:
                text += ", citing " + ", ".join(named) + (" and other linked sources" if unnamed else "")
            parts.append(text)
        if doc.layer("boundaries") is not None:
            parts.append("Basemap: Natural Earth (public domain)")
        return ". ".join(parts) + ("." if parts else "")


def _nearer_to_another(cand, size, own, others) -> bool:
    """True when a label box at ``cand`` would sit closer to another place than to its own (ambiguous)."""
    cx, cy, _ = cand
    w, h = size
    box = shapely.box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    d_own = box.distance(shapely.Point(own))
    slack = 0.25 * h  # near-ties are fine: only a box clearly nearer to another place misleads
    return any(box.distance(shapely.Point(p)) + slack < d_own for p in others if p != own)


def doc_language(doc: MapDocument) -> str:
    return getattr(doc, "label_language", "en")


def label_names(data, language: str):
    """Names in ``language`` (name_fr, name_ar columns), falling back to ``name`` where missing."""
    import pandas as pd

    base = data["name"].fillna("").astype(str) if "name" in data.columns else pd.Series([""] * len(data), index=data.index)
    col = f"name_{language}"
    if language == "en" or col not in data.columns:
        return base
    local = data[col].fillna("").astype(str)
    return local.where(local.str.strip() != "", base)


def format_value(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
