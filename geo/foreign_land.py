"""Whose land a figure stands on: a total written over another country reads as that country's.

A reader takes a figure on a country's land for a figure about that country. Italy's 65,474 arrivals set
over Tunisia, beside the arrow from Sfax, read as Tunisia's; Spain's 16,903 over Portugal as Portugal's.
A total (the arrivals in a country, drawn through its routes' branches) may stand on the sea or on the
country its branches arrive in, and anywhere else only at a cost; so may the figure of a circle on a
country's land (Tunisia's refugees and returns, set over Sardinia in the window's narrow canvas, read
as Italy's). The country a branch arrives in is the
one nearest its arrowhead's tip: every bundled route ends within 11 km of its destination's coast and at
least 135 km from any other country's.
"""

from __future__ import annotations

import numpy as np
import shapely
import shapely.ops

FOREIGN_LAND_COST = 20.0
"""Cost of a total's box standing wholly on another country's land (geo.value_layout.AMBIGUOUS_COST: a
reading as wrong as a figure nearer another route); a box partly on it costs its share, doubled, up to this."""
FOREIGN_LAND_LIMIT = 0.25
"""A figure with more than this share of its box on another country's land is not set there at any cost:
Tunisia's 19,238, set behind its arrow's tail at Sfax, stood 64–82 % over Algeria on A4 and read as
Algeria's. Where every position is beyond it, the figure is numbered beside its symbol instead
(geo.figure_keys): a reference a reader follows is better than a figure read as another country's."""
COUNTRY_TOTAL_LIMIT = 0.05
"""A country's total over its routes (geo.relations.TOTAL_OVER) stands over that country or the sea, no
more than a sliver of a neighbour's coast: it may stand anywhere on its country, so it need not lean on
another's (on the French A4 overview Spain's stood 22 % over Portugal)."""
ARRIVAL_SLACK_MM = 1.0
"""Countries within this much paper of the nearest one to a branch's tip are as near: an arrow into
Ceuta ends at the fence, on Morocco's side of it, 0.2 mm from Spain's land on A3."""
NEARER_ABROAD_SLACK_MM = 1.0
"""A country's total off its land may stand this much nearer another country's land than its own: between
two coasts a strait apart it is as near both (and reads as neither's alone)."""
SIMPLIFY_PX = 2.0
"""Countries are compared with boxes at this detail: a label's box is tens of pixels wide."""


class CountryLand:
    """The boundaries layer's countries within a view's frame, in page pixels."""

    def __init__(self, doc, view):
        layer = doc.layer("boundaries")
        self.shapes = np.empty(0, dtype=object)
        self.codes = np.empty(0, dtype=object)
        """Each shape's ISO 3166-1 alpha-3 code, where the layer has one."""
        self.slack = ARRIVAL_SLACK_MM * view.px_per_mm
        if layer is None:
            return
        simple = doc.simplified(layer, view.units_per_px * SIMPLIFY_PX).to_numpy()
        frame = shapely.box(*view.extent)
        near = shapely.intersects(simple, frame)
        shapes = shapely.transform(shapely.clip_by_rect(simple[near], *view.extent), view.to_px)
        kept = ~shapely.is_empty(shapes)
        self.shapes = shapes[kept]
        codes = layer.data["iso_a3"] if "iso_a3" in layer.data.columns else [None] * len(simple)
        self.codes = np.asarray(codes, dtype=object)[near][kept]
        self.tree = shapely.STRtree(self.shapes)

    def country(self, code: str) -> set[int]:
        """The shapes of the country with ISO code ``code`` (empty where it is not on the page)."""
        return {int(i) for i in np.flatnonzero(self.codes == code)}

    @staticmethod
    def label_point(land) -> np.ndarray | None:
        """Where a figure written over ``land`` (a country's, ``union``) stands: the pole of inaccessibility
        of its largest part on the page (pixels), or None."""
        if land is None or land.is_empty:
            return None
        parts = shapely.get_parts(land)
        largest = parts[int(np.argmax(shapely.area(parts)))]
        point = shapely.ops.polylabel(largest, tolerance=max(1.0, np.sqrt(largest.area) / 50))
        return np.array([point.x, point.y])

    def home(self, points_px: np.ndarray) -> set[int]:
        """The countries nearest ``points_px`` (N x 2): where branches ending there arrive."""
        if not len(self.shapes) or not len(points_px):
            return set()
        return {int(i) for i in self.tree.query_nearest(shapely.points(np.asarray(points_px, float)))[1]}

    def arrival(self, tips_px: np.ndarray, starts_px: np.ndarray) -> set[int]:
        """The countries branches from ``starts_px`` to ``tips_px`` (N x 2 each) arrive in: the nearest to
        each tip (within ARRIVAL_SLACK_MM) but the one it leaves from, unless no other is near. Arrivals in
        Ceuta and Melilla are Spain's though their arrows end on Morocco's side of the fence; on A4 Tunisia
        was nearer the tip of the arrow from Sfax than Lampedusa, too small to be drawn, and Italy's total
        took Tunisia for its own."""
        if not len(self.shapes) or not len(tips_px):
            return set()
        out: set[int] = set()
        for tip, start in zip(np.asarray(tips_px, float).reshape(-1, 2), np.asarray(starts_px, float).reshape(-1, 2), strict=True):
            d = shapely.distance(self.shapes, shapely.Point(tip))
            near = {int(i) for i in np.flatnonzero(d <= d.min() + self.slack)}
            out |= (near - self.home(start[None])) or near
        return out

    def containing(self, point_px: tuple[float, float]) -> set[int]:
        """The countries whose land holds ``point_px``: a figure about a place there is that country's."""
        if not len(self.shapes):
            return set()
        return {int(i) for i in self.tree.query(shapely.Point(point_px), predicate="within")}

    def union(self, countries: set[int]):
        """The land of ``countries`` as one geometry (pixels), or None."""
        return shapely.union_all(self.shapes[sorted(countries)]) if countries else None

    def foreign_cost(self, cands: list, size: tuple[float, float], home: set[int],
                     which: np.ndarray | None = None, limit: float = FOREIGN_LAND_LIMIT) -> np.ndarray:
        """For each candidate centre of ``cands`` (of ``which``, or all) with a box of ``size``: the cost of
        the share of its box on a country not in ``home``; infinite (ruled out) beyond ``limit``."""
        share = self.foreign_share(cands, size, home, which)
        return np.where(share > limit, np.inf, FOREIGN_LAND_COST * np.minimum(1.0, 2.0 * share))

    def nearer_abroad_cost(self, cands: list, size: tuple[float, float], home: set[int], mm: float,
                           which: np.ndarray | None = None) -> np.ndarray:
        """For each candidate centre of ``cands`` (of ``which``, or all) with a box of ``size``: infinite
        where another country's land is nearer the box than ``home``'s by more than NEARER_ABROAD_SLACK_MM,
        else 0. A figure at sea reads as the nearest coast's: on the 2024 map, with mainland Spain under the
        title and the inset of the Strait, 'Spain 63,427' stood against Algeria's coast by Boumerdès."""
        rects = candidate_boxes(cands, size, which)
        cost = np.zeros(len(rects))
        own = self.union(home)
        if own is None or not len(rects):
            return cost
        reach = shapely.distance(rects, own) - NEARER_ABROAD_SLACK_MM * mm
        ask = np.flatnonzero(reach > 0)  # a box on its own land, or this near it, is its country's
        if not len(ask):
            return cost
        a, b = self.tree.query(rects[ask], predicate="dwithin", distance=reach[ask])
        foreign = ~np.isin(b, list(home))
        cost[ask[np.unique(a[foreign])]] = np.inf
        return cost

    def foreign_share(self, cands: list, size: tuple[float, float], home: set[int],
                      which: np.ndarray | None = None) -> np.ndarray:
        """For each candidate centre of ``cands`` (of ``which``, or all; (x, y, ...) rows) with a box of
        ``size``: the share of its box on the land of countries not in ``home``."""
        rects = candidate_boxes(cands, size, which)
        if not len(self.shapes):
            return np.zeros(len(rects))
        return covered_share(self.tree, self.shapes, rects, home)


def candidate_boxes(cands, size: tuple[float, float], which: np.ndarray | None = None) -> np.ndarray:
    """The boxes of ``size`` centred on the candidates ``cands`` ((x, y, ...) rows; of ``which``, or all)."""
    c = np.asarray(cands, float).reshape(len(cands), -1)[:, :2] if len(cands) else np.empty((0, 2))
    c = c if which is None else c[np.asarray(which, int)]
    w, h = size
    return shapely.box(c[:, 0] - w / 2, c[:, 1] - h / 2, c[:, 0] + w / 2, c[:, 1] + h / 2)


def covered_share(tree, shapes: np.ndarray, rects: np.ndarray, skip=()) -> np.ndarray:
    """Each box's share over ``shapes`` (indexed by ``tree``) but those in ``skip``."""
    share = np.zeros(len(rects))
    if tree is None or not len(rects):
        return share
    a, b = tree.query(rects, predicate="intersects")
    keep = ~np.isin(b, list(skip))
    a, b = a[keep], b[keep]
    if len(a):
        np.add.at(share, a, shapely.area(shapely.intersection(rects[a], shapes[b])))
    return share / np.maximum(shapely.area(rects), 1e-9)


def country_land(doc, view) -> CountryLand:
    """The countries of ``view``, built once per view: a render's route, total and circle figures all
    ask (the last view's is kept on the document, and a new view or boundaries layer replaces it)."""
    layer = doc.layer("boundaries")
    key = (view, None if layer is None else layer.id)
    kept = doc._cache.get("country_land")
    if kept is None or kept[0] != key:
        kept = doc._cache["country_land"] = (key, CountryLand(doc, view))
    return kept[1]
