"""What a map draws, as the frame fit measures it (geo.extent_fit): points with an anchor on the map,
an offset on paper and a pad, and the marks beside the flows that must show too (place figures,
point layers, insets' locators, dashed routes without a figure, OD nodes).

Split from geo.extent_fit, which fits a frame to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from geo.projection import transformer
from geo.styles import CASING_MM
from geo.view import MapView

SAMPLE_MM = 1.5
"""Points along a line or outline are this far apart on paper at most."""
THIN_LINE_MM = 0.4
"""Half the width of a route drawn as a line (dashed 'no figure', the route under a circle)."""
NODE_OUTLINE_MM = 0.2
"""An OD node's white outline reaches this far outside its radius."""


@dataclass(frozen=True)
class Reach:
    """Points a frame must show: ``xy`` anchors (N x 2, projected units), ``off_mm`` offsets on paper
    (N x 2, x right, y down) and ``pad_mm`` (N) the radius around each that must show too."""

    xy: np.ndarray
    off_mm: np.ndarray
    pad_mm: np.ndarray

    @staticmethod
    def points(xy, pad_mm) -> Reach:
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        return Reach(xy, np.zeros_like(xy), np.broadcast_to(np.asarray(pad_mm, dtype=float), (len(xy),)).copy())

    @staticmethod
    def joined(reaches: Sequence[Reach]) -> Reach:
        reaches = [r for r in reaches if len(r)]
        if not reaches:
            return Reach.points(np.empty((0, 2)), 0.0)
        return Reach(np.vstack([r.xy for r in reaches]), np.vstack([r.off_mm for r in reaches]),
                     np.concatenate([r.pad_mm for r in reaches]))

    def __len__(self) -> int:
        return len(self.xy)


def line_points(geom, step: float) -> np.ndarray:
    """Points along ``geom`` at most ``step`` apart (its vertices and more)."""
    return shapely.get_coordinates(shapely.segmentize(geom, max(step, 1e-9)))


PLACE_LABEL_ROOM_MM = 6.0
"""Beyond a place figure's circle, paper kept inside the frame for its figure (a line of 8.5 pt text
beside or above it)."""


def lane_reach(course: np.ndarray, laned: np.ndarray, head_length: float, view: MapView, pad_mm: float,
                head_pad_mm: float) -> Reach:
    """A draft band: each vertex anchored on its course, offset on paper to its lane, padded by the
    band's half width, and the widest point of its arrowhead by the head's."""
    off = (laned - course) / view.mm_to_units(1.0)
    off[:, 1] *= -1.0  # paper's y runs down
    along = np.r_[0.0, np.cumsum(np.hypot(*np.diff(laned, axis=0).T))]
    base = int(np.searchsorted(along, max(along[-1] - head_length, 0.0)))
    base = min(base, len(laned) - 1)
    pads = np.full(len(course), pad_mm)
    pads[base] = head_pad_mm
    return Reach(course, off, pads)



LOCATOR_ROOM_MM = 1.2
"""Round an inset's locator rectangle: its line, and the gap that keeps it off a furniture box's edge."""


def locator_reach(doc, view: MapView) -> Reach:
    """The rectangles on the map that the page's insets show (geo.insets, as chosen at ``view``'s
    scale): the frame keeps them clear of the title and legend, as it keeps the flows (the Strait's
    locator ran under the title box on five of the gallery's maps)."""
    from geo.insets import area_extent, chosen_areas

    if getattr(doc, "insets", "none") == "none":
        return Reach.points(np.empty((0, 2)), 0.0)
    boxes = [area_extent(area, doc.crs) for area in chosen_areas(doc, view, doc.insets)]
    if not boxes:
        return Reach.points(np.empty((0, 2)), 0.0)
    step = view.mm_to_units(SAMPLE_MM)
    rings = [shapely.box(*box).exterior for box in boxes]
    return Reach.points(line_points(np.asarray(rings, dtype=object), step), LOCATOR_ROOM_MM)


def place_reach(doc) -> Reach:
    """The place-figure circles (geo.place_figures) and room beside each for its figure: a map that
    draws Libya's 787,326 migrants shows Libya, not only the sea routes (the frame fitted the flows and
    left the circle under the legend)."""
    from geo.place_figures import place_circles

    circles = place_circles(doc)
    if not len(circles):
        return Reach.points(np.empty((0, 2)), 0.0)
    return Reach.points(circles[["x", "y"]].to_numpy(float), circles["diameter_mm"].to_numpy(float) / 2
                        + circles["offset_mm"].abs().to_numpy(float) + CASING_MM + PLACE_LABEL_ROOM_MM)


def point_reach(doc) -> Reach:
    """The visible point layers' circles and room beside each for its label (geo.point_symbols): a
    map with a point layer shows its points, not only the flows (Dirkou lay under the legend)."""
    from geo.point_symbols import point_reach_mm

    found = [point_reach_mm(doc, layer) for layer in doc.layers if layer.kind == "points" and layer.style.visible]
    return Reach.joined([Reach.points(xy, pad) for xy, pad in found])


def node_reach(doc, view: MapView, radii: dict[str, float]) -> Reach:
    from geo.od import node_points

    nodes = node_points(doc.join().flows)
    if not len(nodes):
        return Reach.points(np.empty((0, 2)), 0.0)
    x, y = transformer("EPSG:4326", view.crs).transform(nodes.geometry.x.to_numpy(), nodes.geometry.y.to_numpy())
    return Reach.points(np.column_stack([x, y]), [radii.get(n, 1.0) + NODE_OUTLINE_MM for n in nodes["name"]])


def no_data_reach(doc, step: float) -> Reach:
    """The dashed 'no figure' routes: drawn, so framed too."""
    routes = doc.layer("routes")
    no_data = doc.join().no_data
    if routes is None or not len(no_data):
        return Reach.points(np.empty((0, 2)), 0.0)
    projected = doc.projected(routes)
    lines = projected.geometry[projected["route_id"].isin(set(no_data))].to_numpy()
    return Reach.points(line_points(lines, step) if len(lines) else np.empty((0, 2)), THIN_LINE_MM)


ISLAND_END_KM = 40.0
"""A route that starts or ends this near an island frames the island's whole archipelago."""
FRAMED_ISLAND_KM2 = 5_000.0
"""An archipelago whose islands are none larger than this is framed whole (the Balearics: Mallorca,
3,700 km²); one with a larger island (Sicily's, Sardinia's with Corsica and Elba) is land like a coast,
framed where the flows are."""


def island_reach(doc) -> Reach:
    """The archipelagos a route on the map (drawn or 'no figure') starts or ends at: the Balearics,
    where the Algerian route arrives, lay under the title box on the dead and missing map, Ibiza and
    Formentera under the longer French title, Cabrera's name left at the top of the frame alone."""
    from geo.islands import document_islands
    from geo.place_layout import ground_units_per_km

    found = document_islands(doc)
    ends = doc.route_ends()
    if found is None or not len(ends):
        return Reach.points(np.empty((0, 2)), 0.0)
    # the same for every view and every fit of one selection: asked by each pass of the frame fit
    key = ("island-reach", doc.crs, ends.tobytes())
    if key not in doc._cache:
        table, outlines = found
        _, hits = shapely.STRtree(outlines).query(shapely.points(ends), predicate="dwithin",
                                                  distance=ISLAND_END_KM * ground_units_per_km(doc))
        groups = np.unique(table.group[hits])
        largest = np.array([table.area_km2[table.group == g].max() for g in groups])
        framed = np.isin(table.group, groups[largest <= FRAMED_ISLAND_KM2])
        doc._cache[key] = Reach.points(shapely.get_coordinates(outlines[framed]), CASING_MM)
    return doc._cache[key]
