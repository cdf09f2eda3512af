"""Place and country names: islands and enclaves first, towns where routes start or end."""

from __future__ import annotations

import numpy as np
import shapely
import shapely.ops
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter

from geo.colours import blend, readable_on
from geo.labels import LabelRequest, place_labels
from geo.map_language import map_language
from geo.map_texts import country_names, label_names
from geo.view import MapView
from gui.fonts import map_font
from gui.label_text import unambiguous
from gui.painting import draw_halo_text, pen, qcolor

MAJOR_PLACES = frozenset({"region_label", "enclave", "island"})
TOWNS = frozenset({"port", "city", "border_post"})


class PlaceLabelsMixin:
    """MapRenderer's place markers and names; needs ``self.doc`` and ``self.report``."""

    def _paint_places(self, painter: QPainter, view: MapView, layer, hard: list, draw: bool = True,
                      only: frozenset[str] = frozenset(), *, markers_only: bool = False,
                      draw_markers: bool = True) -> list:
        """Islands, enclaves and region names always; towns only where a drawn route starts or ends.

        Returns the markers (soft obstacles for later labels); placed names are added to ``hard``.
        The renderer paints the markers in the layer order (``markers_only``) and the names later,
        above everything (``draw_markers=False``)."""
        theme, mm = self.doc.theme, view.px_per_mm
        data = self.doc.projected(layer)
        kinds = data["kind"].astype(str).to_numpy() if "kind" in data.columns else np.full(len(data), "city")
        names = label_names(data, self.doc.label_language).to_numpy()
        xy = view.to_px(shapely.get_coordinates(data.geometry.to_numpy()))
        ends = self._route_ends_px(view)
        reach = max(2.5 * mm, 20_000 / view.units_per_px)  # 20 km, or 2.5 mm when zoomed far out
        frame = view.frame_px
        dpi = painter.device().logicalDpiY()
        # island and region names are italic in Latin scripts; Arabic has no italic and keeps the regular face
        fonts = {False: map_font(6.5, view.dpi, dpi),
                 True: map_font(6.5, view.dpi, dpi, italic=map_language(self.doc).italic)}
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
                if draw and draw_markers:
                    painter.setBrush(QColor("#333333" if town else "#000000"))
                    painter.drawEllipse(QPointF(x, y), r, r)
                markers.append(shapely.Point(x, y).buffer(r + 0.3 * mm))
            if markers_only or not names[i] or not layer.style.labels:
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
            cands = unambiguous(cands, (w, h), (x, y), shown_xy)
            requests.append(LabelRequest(f"place:{i}", (w, h), cands, priority=priority))
        if markers_only:
            return markers
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
        ends = self.doc.route_ends()
        return view.to_px(ends) if len(ends) else ends

    def _paint_country_labels(self, painter: QPainter, view: MapView, country_geoms: list, hard: list, soft: list,
                              draw: bool = True) -> None:
        """Country names inside their own country: a name is never placed with its middle over a
        neighbour (under any projection), costs more the more of it lies outside, and a long name
        that does not fit across its country is set on two lines ('WESTERN / SAHARA*')."""
        doc, theme, mm = self.doc, self.doc.theme, view.px_per_mm
        layer = doc.layer("boundaries")
        names = country_names(layer.data, doc.label_language) if "name" in layer.data.columns else None
        if names is None:
            return
        # letter spacing tears Arabic's joined letters apart: only for Latin labels
        spacing = 0 if doc.label_language == "ar" else 12
        font = map_font(7.0, view.dpi, painter.device().logicalDpiY(), letter_spacing=spacing)
        painter.setFont(font)
        fm = painter.fontMetrics()
        frame = view.frame_px
        min_area_px = (14 * mm) ** 2
        requests, texts = [], {}
        offsets = _offsets(mm)
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
            land = shapely.transform(clipped, view.to_px)
            text, (w, h) = self._country_layout(text, fm, land, x, y, mm)
            cands = _inside(land, offsets + np.array([x, y, 0.0]), w, h)
            texts[i] = text
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
            self.report.texts.append(("country", texts[i], hex_colour, theme.focus_land))
            self.report.labels.append(("country", lab.rect))
            if draw:
                draw_halo_text(painter, rect, texts[i], font, colour, halo, 0.3 * mm)
            hard.append(shapely.box(*lab.rect))

    @staticmethod
    def _country_layout(text: str, fm, land, x: float, y: float, mm: float) -> tuple[str, tuple[float, float]]:
        """The name on one line, or on two (split at the space nearest its middle) when one line would
        reach out of the country at its anchor and two lines reach out less."""
        def size(t: str) -> tuple[float, float]:
            lines = t.split("\n")
            return max(fm.horizontalAdvance(s) for s in lines) + mm, fm.height() * len(lines)

        one = size(text)
        spaces = [k for k, c in enumerate(text) if c == " "]
        if not spaces or _outside_share(land, x, y, *one) < OUTSIDE_TOLERANCE:
            return text, one
        k = min(spaces, key=lambda k: abs(k - len(text) / 2))
        two_text = text[:k] + "\n" + text[k + 1:]
        two = size(two_text)
        return (two_text, two) if _outside_share(land, x, y, *two) < _outside_share(land, x, y, *one) else (text, one)


FALLBACK_REACH_MM, FALLBACK_STEP_MM, FALLBACK_COST = 24, 2, 1.5
"""Country names that find no room near their country's middle try a grid this far out, at this step,
at this extra cost (more than any of the preferred positions)."""
OUTSIDE_TOLERANCE = 0.05
"""Share of a country name's box that may lie beyond its country before a second line is tried."""
OUTSIDE_COST = 10.0
"""Cost of a country name candidate per share of its box outside the country: a name half over a neighbour
costs more than any move within its own country (a step of 6 mm costs 0.6, a fallback 1.5 and up)."""


SAMPLES = (np.array([-0.45, -0.225, 0.0, 0.225, 0.45]), np.array([-0.4, 0.0, 0.4]))
"""Where a name's box is tested against its country, as fractions of its width and height."""


def _outside_share(land, x, y, w: float, h: float):
    """About what share of the box(es) of size ``w`` x ``h`` centred at ``x``, ``y`` (scalars or arrays)
    lies outside ``land``: the share of SAMPLES points outside, one prepared test for them all (cutting
    hundreds of candidates against a whole country took half a second a map)."""
    cx, cy = np.atleast_1d(x).astype(float), np.atleast_1d(y).astype(float)
    fx, fy = np.meshgrid(SAMPLES[0] * w, SAMPLES[1] * h)
    px = cx[:, None] + fx.ravel()[None, :]
    py = cy[:, None] + fy.ravel()[None, :]
    shapely.prepare(land)
    inside = shapely.contains_xy(land, px.ravel(), py.ravel()).reshape(px.shape)
    share = 1.0 - inside.mean(axis=1)
    return share if np.ndim(x) else float(share[0])


def _offsets(mm: float) -> np.ndarray:
    """(dx, dy, cost) of a country name's positions around its country's middle, in pixels: the middle,
    a few steps off it, then anywhere on a grid further out, dearer (a figure or flow may hold the middle)."""
    near = [(0, 0, 0.0)] + [(dx, dy, 0.1 * (abs(dx) + abs(dy)))
                            for dx, dy in ((0, -6), (0, 6), (-8, 0), (8, 0), (0, -12), (0, 12))]
    steps = range(-FALLBACK_REACH_MM, FALLBACK_REACH_MM + 1, FALLBACK_STEP_MM)
    far = [(dx, dy, FALLBACK_COST + 0.05 * (abs(dx) + abs(dy))) for dx in steps for dy in steps if dx or dy]
    return np.array(near + far, float) * [mm, mm, 1.0]


def _inside(land, candidates, w: float, h: float) -> list:
    """The candidates whose middle lies in the country, each costing more the more of it lies outside."""
    c = np.asarray(candidates, float)
    c = c[shapely.contains_xy(land, c[:, 0], c[:, 1])]
    if not len(c):
        return []
    cost = c[:, 2] + OUTSIDE_COST * _outside_share(land, c[:, 0], c[:, 1], w, h)
    return [(float(x), float(y), float(k)) for x, y, k in zip(c[:, 0], c[:, 1], cost, strict=True)]
