"""Place and country names: islands and enclaves first, towns where routes start or end.

Where each dot and name goes is decided in ``geo.place_layout`` (with the islands of
``geo.islands``); this mixin measures the text, draws, and reports what it drew.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np
import shapely
import shapely.ops
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetrics, QPainter

from geo.colours import blend
from geo.foreign_land import country_land
from geo.islands import IslandsOnPage, document_islands, islands_on_page, named_islands
from geo.labels import Claims, LabelRequest, marks_under_leaders, place_labels
from geo.map_language import map_language
from geo.map_marks import (
    COUNTRY_NAME_PT,
    COUNTRY_PAD_MM,
    COUNTRY_SPACING,
    DOT_CASING_MM,
    LEADER_WIDTH_MM,
    NAME_PAD_MM,
    NAME_PT,
    country_label_colour,
    dot_fill,
)
from geo.map_texts import country_names, label_names, names_of_nodes
from geo.place_layout import (
    DOT_KINDS,
    LEADER_MIN_MM,
    TOWN_KINDS,
    Dots,
    Geography,
    Place,
    dot_waits_for_name,
    ground_units_per_km,
    name_claims,
    name_request,
    place_dots,
    places_shown,
    route_end_places,
)
from geo.placed_marks import CENTRE, COUNTRY, PLACE, PlacedMark, facing_side, nearest_anchor
from geo.value_layout import LEADER_TRIM_MM
from geo.view import MapView
from gui.fonts import map_font
from gui.painting import draw_halo_text, pen, qcolor

MAJOR_PLACES = frozenset({"region_label", "enclave", "island"})
TOWNS = TOWN_KINDS
PRIORITY = {"island": 3.0, "enclave": 2.5, "region_label": 2.0}
"""Which names go first (and so get the better positions): an island's name before its archipelago's,
which has more room to move around the group; towns come after the figures."""
MARKER_CLEARANCE_MM = 0.3
"""How far beyond a dot other labels keep."""
NAME_LEADER_TRIM_MM = 1.0
"""A name's leader may cross a flow only this near its island: the arrow reaching the island (drawn again
above it) covers its coast."""


@dataclass
class PlaceScene:
    """One view's places: names, kinds, pixel points, which are shown, their dots and islands."""

    ids: np.ndarray
    names: np.ndarray
    kinds: np.ndarray
    xy: np.ndarray
    dots: Dots
    islands: IslandsOnPage | None
    named: list
    """Per place, the islands (indices into ``islands``) its name stands for."""
    geography: Geography


class PlaceLabelsMixin:
    """MapRenderer's place markers and names; needs ``self.doc`` and ``self.report``."""

    def _place_scene(self, view: MapView, layer) -> PlaceScene:
        """The places of ``layer`` on this view, worked out once per render for its three passes."""
        cached = getattr(self, "_scene", None)
        if cached is not None and cached[0] is view and cached[1] == layer.id:
            return cached[2]
        data = self.doc.projected(layer)
        kinds = data["kind"].astype(str).to_numpy() if "kind" in data.columns else np.full(len(data), "city")
        ids = data["place_id"].astype(str).to_numpy() if "place_id" in data.columns else np.arange(len(data)).astype(str)
        xy = view.to_px(shapely.get_coordinates(data.geometry.to_numpy()))
        ends = self._route_ends_px(view)
        mm = view.px_per_mm
        drawn = self.report.symbols
        bands = None if drawn is None else shapely.transform(drawn.geometry.to_numpy(), view.to_px)
        per_km = ground_units_per_km(self.doc)
        shown = places_shown(kinds, xy, view.frame_px, ends, view.units_per_px, mm, bands, per_km)
        dots = place_dots(kinds, xy, shown, mm, route_end_places(kinds, xy, shown, ends, view.units_per_px, mm, per_km))
        found = document_islands(self.doc)
        on_page, named = None, [np.empty(0, int)] * len(kinds)
        if found is not None:
            on_page = self._page_islands(view)
            key = ("named-islands", self.doc.layer("boundaries").id, layer.id)  # the same for every view
            if key not in self.doc._cache:
                self.doc._cache[key] = named_islands(found[0], shapely.get_coordinates(layer.data.geometry.to_numpy()),
                                                     kinds)
            per_table = self.doc._cache[key]
            position = {int(t): k for k, t in enumerate(on_page.index)}
            named = [np.array([position[int(t)] for t in isl if int(t) in position], int) for isl in per_table]
        drawn = dots.keep & np.isin(kinds, list(DOT_KINDS))
        land = country_land(self.doc, view).shapes
        geography = Geography(on_page.shapes if on_page is not None else [], xy[drawn], mm, land)
        names = label_names(data, self.doc.label_language).to_numpy()
        by_nodes = names_of_nodes(self.doc)  # an OD node of the same name names it
        if by_nodes:
            names = np.array(["" if str(n).casefold() in by_nodes else n for n in names], dtype=object)
        scene = PlaceScene(ids, names, kinds, xy, dots, on_page, named, geography)
        self._scene = (view, layer.id, scene)
        return scene

    def _page_islands(self, view: MapView) -> IslandsOnPage | None:
        """The boundaries layer's islands on this view, in pixels (once per render)."""
        cached = getattr(self, "_islands", None)
        if cached is not None and cached[0] is view:
            return cached[1]
        found = document_islands(self.doc)
        page = islands_on_page(found[1], view) if found is not None else None
        self._islands = (view, page)
        return page

    def _paint_places(self, painter: QPainter, view: MapView, layer, hard: list, draw: bool = True,
                      only: frozenset[str] = frozenset(), *, markers_only: bool = False,
                      draw_markers: bool = True, claims: Claims | None = None, reserved: list = (),
                      avoid: tuple = ()) -> list:
        """Islands, enclaves and region names always; towns only where a drawn route starts or ends.

        Returns the markers (soft obstacles for later labels); placed names are added to ``hard``.
        The renderer paints the markers in the layer order (``markers_only``) and the names later,
        above everything (``draw_markers=False``). Names are held to ``claims`` (each feature's nearest
        name is its own) across the passes, keep off ``reserved`` (room kept for figures laid out later)
        where they can, at a cost, and never cover ``avoid`` (the circles, for the towns: a name over a
        2 mm circle hides it, as 'Sfax' did Tunisia's refugees once the arrow's number took its room)."""
        theme, mm = self.doc.theme, view.px_per_mm
        scene = self._place_scene(view, layer)
        names, kinds, xy, dots = scene.names, scene.kinds, scene.xy, scene.dots
        dpi = painter.device().logicalDpiY()
        # island and region names are italic in Latin scripts; Arabic has no italic and keeps the regular face
        fonts = {False: map_font(NAME_PT, view.dpi, dpi),
                 True: map_font(NAME_PT, view.dpi, dpi, italic=map_language(self.doc).italic)}
        requests, markers = [], []
        # a name's candidate positions depend on the view, the language and which dots are drawn, not on
        # the figures: kept, so a change of period or metric that draws the same towns reuses them
        key = ("place-name-requests", layer.id, self.doc.label_language, view.crs, tuple(view.extent),
               tuple(view.frame_px), view.dpi, dpi, dots.keep.tobytes(), dots.radius.tobytes())
        if key not in self.doc._cache:
            for k in [k for k in self.doc._cache if k[0] == key[0]][:-(COUNTRY_VIEWS_KEPT - 1)]:
                self.doc._cache.pop(k, None)
            self.doc._cache[key] = {}
        kept_requests = self.doc._cache[key]
        painter.setPen(pen("#ffffff", DOT_CASING_MM * mm))
        under = set() if markers_only else self._dots_under_leaders(scene, xy, dots, layer, mm)
        for i, (x, y) in enumerate(xy):
            kind = kinds[i]
            if not self._in_pass(scene, i, only) or not dots.keep[i] or i in under:
                continue
            if kind in DOT_KINDS:
                r = dots.radius[i]
                waits = self._dot_waits_for_name(scene, i, layer)
                if draw and draw_markers and not waits:
                    painter.setBrush(QColor(dot_fill(kind)))
                    painter.drawEllipse(QPointF(x, y), r, r)
                markers.append(shapely.Point(x, y).buffer(r + MARKER_CLEARANCE_MM * mm))
                if markers_only and not waits:
                    self.report.dots.append((str(scene.ids[i]), float(x), float(y), float(r)))
            if markers_only or not names[i] or not layer.style.labels:
                continue
            if (i, names[i]) not in kept_requests:  # the name's width sizes its box
                painter.setFont(fonts[kind in ("island", "region_label")])
                fm = painter.fontMetrics()
                w, h = fm.horizontalAdvance(names[i]) + NAME_PAD_MM[0] * mm, fm.height() + NAME_PAD_MM[1] * mm
                own = scene.named[i]
                outline = scene.islands.shapes[own] if len(own) else None
                place = Place(f"place:{i}", kind, (float(x), float(y)), (w, h), float(dots.radius[i]),
                              shapely.union_all(outline) if outline is not None else None, tuple(int(k) for k in own))
                kept_requests[i, names[i]] = name_request(place, scene.geography, PRIORITY.get(kind, 1.0))
            requests.append(kept_requests[i, names[i]])
        if markers_only:
            return markers
        claims = claims if claims is not None else name_claims(mm)
        obstacles = [*hard, *self._name_obstacles(view, scene), *avoid]
        leaders = tuple(shapely.LineString([a, b]) for _key, a, b in self.report.leaders)  # never between name and dot
        placed, dropped = place_labels(requests, list(reserved), view.frame_px, hard=obstacles, claims=claims,
                                       leader_min=LEADER_MIN_MM * mm, leader_trim=NAME_LEADER_TRIM_MM * mm, lines=leaders)
        self.report.dropped_labels += [names[int(k.split(":")[1])] for k in dropped]
        dots_later = self._paint_named_dots(scene, layer, [int(lab.key.split(":")[1]) for lab in placed], draw, mm)
        halo = qcolor("#ffffff", 0.85)
        for lab in placed:
            i = int(lab.key.split(":")[1])
            rect = QRectF(lab.rect[0], lab.rect[1], lab.rect[2] - lab.rect[0], lab.rect[3] - lab.rect[1])
            self.report.texts.append(("place", names[i], theme.text, blend("#ffffff", 0.85, theme.focus_land)))
            self.report.labels.append(("place", lab.rect))
            self.report.place_labels.append((str(scene.ids[i]), names[i], lab.rect))
            self.report.marks.append(self._place_mark(painter, view, scene, i, lab, fonts))
            key = None
            if lab.leader is not None:
                key = f"place:{scene.ids[i]}"
                self.report.leaders.append((key, lab.leader[0], lab.leader[1]))
                hard.append(shapely.LineString(lab.leader))
            # drawn once the callouts are laid out: a name in the way of one may make way (gui.yielding_names)
            font = fonts[kinds[i] in ("island", "region_label")]
            self._name_later("place", names[i], lab.rect, key, partial(
                _draw_name, rect=rect, text=names[i], font=font, colour=QColor(theme.text), halo=halo,
                halo_px=0.45 * mm, leader=lab.leader, leader_pen=pen(theme.muted_text, LEADER_WIDTH_MM * mm),
                dot=dots_later.get(i)) if draw else None,
                dot_id=str(scene.ids[i]) if scene.dots.keep[i] and self._dot_waits_for_name(scene, i, layer) else None)
            hard.append(shapely.box(*lab.rect))
        return markers

    def _place_mark(self, painter: QPainter, view: MapView, scene: PlaceScene, i: int, lab, fonts: dict) -> PlacedMark:
        """The record of place ``i``'s name as placed (``lab``), for the outputs that draw the map again:
        facing its dot, its leader's start, or the nearest coast of the island(s) it names."""
        kind, own = scene.kinds[i], scene.named[i]
        if lab.leader is not None:
            anchor = lab.leader[0]
        elif kind not in DOT_KINDS and len(own):
            anchor = nearest_anchor(lab.rect, shapely.union_all(scene.islands.shapes[own]))
        else:
            anchor = tuple(map(float, scene.xy[i]))
        italic = kind in ("island", "region_label")
        font = fonts[italic]
        return PlacedMark(PLACE, str(scene.ids[i]), str(scene.names[i]), self.doc.theme.text, lab.rect,
                          facing_side(lab.rect, anchor), NAME_PT,
                          QFontMetrics(font, painter.device()).height() / view.px_per_mm, NAME_PAD_MM,
                          italic=italic and font.italic(), leader=lab.leader)

    def _dots_under_leaders(self, scene: PlaceScene, xy, dots, layer, mm: float) -> set[int]:
        """The towns whose dot (drawn only with its name) a leader placed before runs over, beyond its
        start: not named, so no dot is drawn under it. A figure ties through a dot only where it has no
        other place (geo.figure_layout.figures_off_dots); a dot there pointed the '513' at Boumerdès."""
        lines = np.asarray([[*a, *b] for _key, a, b in self.report.leaders], float).reshape(-1, 4)
        towns = np.asarray([i for i in range(len(xy)) if dots.keep[i] and self._dot_waits_for_name(scene, i, layer)], int)
        under = marks_under_leaders(np.asarray(xy, float)[towns].reshape(-1, 2),
                                    dots.radius[towns] + MARKER_CLEARANCE_MM * mm, lines, LEADER_TRIM_MM * mm)
        return set(towns[under].tolist())

    @staticmethod
    def _dot_waits_for_name(scene: PlaceScene, i: int, layer) -> bool:
        return dot_waits_for_name(str(scene.kinds[i]), scene.names[i], layer.style.labels)

    def _paint_named_dots(self, scene: PlaceScene, layer, placed: list[int], draw: bool, mm: float) -> dict:
        """The dots that waited for their names (``_dot_waits_for_name``), of the names ``placed``, in the
        report; returned (place index: what draws it) to be drawn with their names, which may yet make
        way for a callout: Dellys' dot stood alone once its name had. The dots of names that found no room
        are left off, on the page and in the report."""
        later = {}
        for i in placed:
            if not scene.dots.keep[i] or not self._dot_waits_for_name(scene, i, layer):
                continue
            (x, y), r = scene.xy[i], scene.dots.radius[i]
            if draw:
                later[i] = partial(_draw_dot, xy=QPointF(x, y), radius=float(r), fill=QColor(dot_fill(scene.kinds[i])),
                                   casing=pen("#ffffff", DOT_CASING_MM * mm))
            self.report.dots.append((str(scene.ids[i]), float(x), float(y), float(r)))
        return later

    @staticmethod
    def _in_pass(scene: PlaceScene, i: int, only: frozenset[str]) -> bool:
        """Whether place ``i`` is drawn in the pass of kinds ``only``: an island too large to hide (Sicily
        on a regional map) is named with the towns, after the figures: its name fits anywhere on it,
        while a total beside it has few places to go."""
        kind = scene.kinds[i]
        if kind == "island" and len(scene.named[i]) and not scene.geography.is_small(scene.named[i]).all():
            return TOWNS <= only
        return kind in only

    def _name_obstacles(self, view: MapView, scene: PlaceScene) -> list:
        """What a name never covers besides flows and labels: the dots drawn, and the lines of routes
        without a figure and under circles (a name on a dashed route reads as that route's)."""
        mm = view.px_per_mm
        drawn = np.flatnonzero(scene.dots.keep & np.isin(scene.kinds, list(DOT_KINDS)))
        dots = [shapely.Point(*scene.xy[i]).buffer(scene.dots.radius[i] + MARKER_CLEARANCE_MM * mm) for i in drawn]
        return [*dots, *getattr(self, "_no_data_px", []), *getattr(self, "_route_lines_px", []),
                *self._point_dots_px(view)]  # a point layer's dots (gui.point_layer_painter)

    def _route_ends_px(self, view: MapView) -> np.ndarray:
        ends = self.doc.route_ends()
        return view.to_px(ends) if len(ends) else ends

    def _paint_country_labels(self, painter: QPainter, view: MapView, country_geoms: list, hard: list, soft: list,
                              draw: bool = True, stacking: Claims | None = None) -> None:
        """Country names inside their own country: a name is never placed with its middle over a
        neighbour (under any projection), costs more the more of it lies outside, and a long name
        that does not fit across its country is set on two lines ('WESTERN / SAHARA*')."""
        doc, theme, mm = self.doc, self.doc.theme, view.px_per_mm
        layer = doc.layer("boundaries")
        names = country_names(layer.data, doc.label_language) if "name" in layer.data.columns else None
        if names is None:
            return
        by_nodes = names_of_nodes(doc)  # 'SPAIN' beside the node 'Spain' said it twice
        if by_nodes:
            names = names.where(~names.astype(str).str.casefold().isin(by_nodes), "")
        # letter spacing tears Arabic's joined letters apart: only for Latin labels
        spacing = 0 if doc.label_language == "ar" else 100 * COUNTRY_SPACING
        font = map_font(COUNTRY_NAME_PT, view.dpi, painter.device().logicalDpiY(), letter_spacing=spacing)
        painter.setFont(font)
        fm = painter.fontMetrics()
        frame = view.frame_px
        # where each name may go depends on the countries, the view and the language, not on the figures:
        # kept per view, so a change of period or metric does not search every country's middle again
        key = ("country-label-requests", layer.id, doc.label_language, view.crs, tuple(view.extent), tuple(frame),
               view.dpi, painter.device().logicalDpiY(), tuple(i for i, _ in country_geoms), tuple(sorted(by_nodes)))
        if key not in doc._cache:
            for k in [k for k in doc._cache if k[0] == key[0]][:-(COUNTRY_VIEWS_KEPT - 1)]:  # a pan is a new view
                doc._cache.pop(k, None)
            doc._cache[key] = self._country_requests(view, country_geoms, names, fm)
        requests, texts = doc._cache[key]
        # what a country name may not touch is ruled out for every candidate, not weighed: a best candidate
        # grazing the dashed Libya–Niger route was left off, and LIBYA with it (a name over a mark is never drawn)
        # never over or under a figure or name: 'Spain 21,237 (a)' stood 0.2 mm over 'SPAIN', and 'TUNISIA'
        # 0.2 mm under '2,278' on the small multiples read as that figure's label
        placed, _ = place_labels(requests, [], frame, hard=[*hard, *soft], stacking=stacking, stacked_left_off=True)
        hex_colour = country_label_colour(theme)
        colour = QColor(hex_colour)
        halo = qcolor(theme.land, 0.6)
        for lab in placed:
            if lab.overlaps_obstacle:
                continue
            i = int(lab.key.split(":")[1])
            rect = QRectF(lab.rect[0], lab.rect[1], lab.rect[2] - lab.rect[0], lab.rect[3] - lab.rect[1])
            self.report.texts.append(("country", texts[i], hex_colour, theme.focus_land))
            self.report.labels.append(("country", lab.rect))
            self.report.marks.append(PlacedMark(COUNTRY, str(i), texts[i], hex_colour, lab.rect, CENTRE, COUNTRY_NAME_PT,
                                                fm.height() / mm, COUNTRY_PAD_MM, spacing=spacing / 100))
            self._name_later("country", texts[i], lab.rect, None, partial(
                _draw_name, rect=rect, text=texts[i], font=font, colour=colour, halo=halo, halo_px=0.3 * mm) if draw else None)
            hard.append(shapely.box(*lab.rect))

    def _country_requests(self, view: MapView, country_geoms: list, names, fm) -> tuple[list, dict]:
        """Label requests for the names of the countries large enough in the view, and their texts."""
        mm = view.px_per_mm
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
        return requests, texts

    @staticmethod
    def _country_layout(text: str, fm, land, x: float, y: float, mm: float) -> tuple[str, tuple[float, float]]:
        """The name on one line, or on two (split at the space nearest its middle) when one line would
        reach out of the country at its anchor and two lines reach out less."""
        def size(t: str) -> tuple[float, float]:
            lines = t.split("\n")
            return max(fm.horizontalAdvance(s) for s in lines) + COUNTRY_PAD_MM[0] * mm, \
                fm.height() * len(lines) + COUNTRY_PAD_MM[1] * mm

        one = size(text)
        spaces = [k for k, c in enumerate(text) if c == " "]
        if not spaces or _outside_share(land, x, y, *one) < OUTSIDE_TOLERANCE:
            return text, one
        k = min(spaces, key=lambda k: abs(k - len(text) / 2))
        two_text = text[:k] + "\n" + text[k + 1:]
        two = size(two_text)
        return (two_text, two) if _outside_share(land, x, y, *two) < _outside_share(land, x, y, *one) else (text, one)


COUNTRY_VIEWS_KEPT = 4
"""Views whose country and place names' candidates are kept (the canvas, the export preview, a page or two)."""
FALLBACK_REACH_MM, FALLBACK_STEP_MM, FALLBACK_COST = 24, 2, 1.5
"""Country names that find no room near their country's middle try a grid this far out, at this step,
at this extra cost (more than any of the preferred positions)."""
OUTSIDE_TOLERANCE = 0.05
"""Share of a country name's box that may lie beyond its country before a second line is tried."""
OUTSIDE_COST = 10.0
"""Cost of a country name candidate per share of its box outside the country: a name half over a neighbour
costs more than any move within its own country (a step of 6 mm costs 0.6, a fallback 1.5 and up)."""


OUTSIDE_LIMIT = 0.4
"""A country name with more than this share of its box outside its country is not set there at all: more
over the sea or a neighbour than over its country, it names neither ('PORTUGAL', its land under the title
but for the Algarve, stood over the Gulf of Cádiz on the Balearic rescues map)."""


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
    outside = _outside_share(land, c[:, 0], c[:, 1], w, h)
    c, outside = c[outside <= OUTSIDE_LIMIT], outside[outside <= OUTSIDE_LIMIT]
    cost = c[:, 2] + OUTSIDE_COST * outside
    return [(float(x), float(y), float(k)) for x, y, k in zip(c[:, 0], c[:, 1], cost, strict=True)]


def _draw_name(painter: QPainter, *, rect: QRectF, text: str, font, colour: QColor, halo: QColor, halo_px: float,
               leader=None, leader_pen=None, dot=None) -> None:
    """A name as laid out: its town's dot (``dot`` draws it: one drawn only with its name), its leader (if
    any), then its letters on their halo."""
    if dot is not None:
        dot(painter)
    if leader is not None:
        painter.setPen(leader_pen)
        painter.drawLine(QPointF(*leader[0]), QPointF(*leader[1]))
    draw_halo_text(painter, rect, text, font, colour, halo, halo_px)


def _draw_dot(painter: QPainter, *, xy: QPointF, radius: float, fill: QColor, casing) -> None:
    """A place's dot, filled, in its white casing."""
    painter.setPen(casing)
    painter.setBrush(fill)
    painter.drawEllipse(xy, radius, radius)
