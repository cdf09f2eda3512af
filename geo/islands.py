"""The basemap's islands, for names and symbols that know the geography.

A name placed by its point alone sat on the island it named ("El Hierro" over El Hierro), read as a
neighbour's name ("Tenerife" at La Palma's height) or left a small island a flow reaches unseen
(Lampedusa, Malta). So the layout needs the islands themselves: every land part of the boundaries
layer that is small (under ISLAND_MAX_KM2) and touches no other part, which island each place names,
and which islands an archipelago's name stands for. They are found once per boundaries layer in
lon/lat, with areas and gaps measured in km (sinusoidal: equal-area, distances true enough at these
gaps) so the answer is the same under every projection; only their outlines are then projected.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.strtree import STRtree

from geo.projection import transformer
from geo.view import MapView

ISLAND_MAX_KM2 = 30_000.0
"""A land part this small is an island (Sicily, 25,700 km², is; Great Britain is not in the region)."""
COAST_TOUCH_KM = 0.5
"""A small part this close to another part is a piece of a coast (Ceuta, Melilla, Gibraltar), not an island
(measured in degrees of latitude: a shared border is at no distance at all)."""
ARCHIPELAGO_GAP_KM = 100.0
"""Islands this close chain into one archipelago: the Canaries' widest strait (Gran Canaria to
Fuerteventura) is about 85 km, the Balearics' (Ibiza to Mallorca) about 75 km."""
PLACE_SNAP_KM = 5.0
"""An island's place point may lie this far off its generalised 1:10m outline."""
KM_PER_DEGREE = 111.32
KM_DENSIFY_DEG = 0.1
"""Longest edge (degrees) kept when measuring in km: the 1:10m outlines' edges are far shorter."""
ISLAND_KINDS = frozenset({"island"})
GROUP_KINDS = frozenset({"region_label"})


@dataclass(frozen=True)
class IslandTable:
    """The islands of one boundaries layer: lon/lat outlines, areas and archipelago of each."""

    outlines: np.ndarray
    area_km2: np.ndarray
    group: np.ndarray
    """Archipelago of each island: islands chained by gaps under ARCHIPELAGO_GAP_KM share a number."""
    row: np.ndarray
    """Row of the boundaries layer each island is a part of (for its country's fill)."""


def _km(geoms: np.ndarray) -> np.ndarray:
    """Lon/lat geometries in sinusoidal km: equal-area, and near-true distances over a few hundred km
    (densified first, so a long edge follows the projection's curve and shared edges stay shared)."""
    def sinusoidal(xy: np.ndarray) -> np.ndarray:
        return np.column_stack([xy[:, 0] * np.cos(np.radians(xy[:, 1])), xy[:, 1]]) * KM_PER_DEGREE

    return shapely.transform(shapely.segmentize(geoms, KM_DENSIFY_DEG), sinusoidal)


def island_table(lonlat_geoms) -> IslandTable:
    """The islands among the polygons' parts (lon/lat), with their archipelagos."""
    parts, rows = shapely.get_parts(np.asarray(lonlat_geoms, dtype=object), return_index=True)
    areal = shapely.get_type_id(parts) == 3
    parts, rows = parts[areal], rows[areal]
    # areas by the cosine of each part's latitude (true enough to tell Sicily from a continent); the
    # sinusoidal outlines are made for the islands only (densifying every country took most of the time)
    lat = np.radians(shapely.get_y(shapely.centroid(parts)))
    small = np.flatnonzero(shapely.area(parts) * np.cos(lat) * KM_PER_DEGREE**2 < ISLAND_MAX_KM2)
    # touching another part: boxes first, then each near pair exactly against prepared outlines
    touch = COAST_TOUCH_KM / KM_PER_DEGREE
    a, b = STRtree(parts).query(shapely.buffer(shapely.envelope(parts[small]), touch))
    a, b = a[small[a] != b], b[small[a] != b]
    shapely.prepare(parts[b])
    near = shapely.dwithin(parts[b], parts[small[a]], touch)
    keep = small[np.bincount(a[near], minlength=len(small)) == 0]
    km = _km(parts[keep])
    return IslandTable(parts[keep], shapely.area(km), _chains(km, ARCHIPELAGO_GAP_KM), rows[keep])


def stored_island_table(gdf) -> IslandTable:
    """``island_table`` of a boundaries layer, kept in the user's cache folder (geo/disk_cache.py) by a
    digest of the layer's geometry: finding the islands took ~35 ms and ~7 MB of a cold render's peak
    (distances from every small part to its neighbours, the coast indexed to measure them)."""
    from geo import disk_cache

    key = disk_cache.key_for("islands", disk_cache.geometry_digest(gdf), disk_cache.code_version(__name__)) \
        if disk_cache.cache_dir() is not None else None
    arrays = disk_cache.load("islands", key)
    if arrays is not None:
        try:
            outlines = disk_cache.unpack_geometries(arrays)
            table = IslandTable(outlines, arrays["area"], arrays["group"], arrays["row"])
            if all(len(a) == len(outlines) for a in (table.area_km2, table.group, table.row)):
                return table
        except Exception:  # damaged or foreign: found again and stored below
            pass
    table = island_table(gdf.geometry.to_numpy())
    if key is not None:
        disk_cache.save("islands", key, {**disk_cache.pack_geometries(table.outlines), "area": table.area_km2,
                                         "group": table.group.astype(np.int64), "row": table.row.astype(np.int64)})
    return table


def _chains(geoms: np.ndarray, gap: float) -> np.ndarray:
    """Connected groups of geometries closer than ``gap`` to one another (union–find)."""
    parent = np.arange(len(geoms))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if len(geoms):
        a, b = STRtree(geoms).query(geoms, predicate="dwithin", distance=gap)
        for i, j in zip(a, b, strict=True):
            ri, rj = root(int(i)), root(int(j))
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    return np.array([root(i) for i in range(len(geoms))], dtype=int)


def named_islands(table: IslandTable, points_lonlat: np.ndarray, kinds: np.ndarray) -> list[np.ndarray]:
    """For each place, the islands its name stands for: an island's own (the one holding its point, or
    the nearest within PLACE_SNAP_KM), an archipelago's every island of the group holding its point;
    none for towns and enclaves (their dot is what they name)."""
    out: list[np.ndarray] = [np.empty(0, int) for _ in kinds]
    if not len(table.outlines):
        return out
    km = _km(table.outlines)
    pts = _km(shapely.points(np.asarray(points_lonlat, float).reshape(-1, 2)))
    tree = STRtree(km)
    for i, kind in enumerate(kinds):
        if kind not in ISLAND_KINDS | GROUP_KINDS:
            continue
        hits = tree.query(pts[i], predicate="dwithin", distance=PLACE_SNAP_KM)
        if not len(hits):
            continue
        own = int(hits[np.argmin(shapely.distance(km[hits], pts[i]))])
        out[i] = np.flatnonzero(table.group == table.group[own]) if kind in GROUP_KINDS else np.array([own])
    return out


def projected_outlines(table: IslandTable, crs: str) -> np.ndarray:
    """The islands' outlines in ``crs`` (densified like every layer, so curved projections bend them)."""
    from geo.projection import DENSIFY_DEG

    dense = shapely.segmentize(table.outlines, DENSIFY_DEG)
    t = transformer("EPSG:4326", crs)

    def project(xy: np.ndarray) -> np.ndarray:
        x, y = t.transform(xy[:, 0], xy[:, 1], errcheck=False)
        return np.column_stack([x, y])

    return shapely.transform(dense, project)


@dataclass(frozen=True)
class IslandsOnPage:
    """The islands inside a view's frame, in page pixels."""

    index: np.ndarray
    """Which islands of the table (indices)."""
    shapes: np.ndarray
    """Their outlines in pixels, simplified to under a pixel (label tests stay cheap)."""

    def of(self, islands: np.ndarray):
        """The pixel outline(s) of these islands of the table that are on the page, or None."""
        on = np.isin(self.index, islands)
        return shapely.union_all(self.shapes[on]) if on.any() else None


def islands_on_page(outlines: np.ndarray, view: MapView, simplify_px: float = 0.5) -> IslandsOnPage:
    """Islands (projected outlines) whose outline reaches into the view's frame, in pixels."""
    minx, miny, maxx, maxy = view.extent
    index = np.flatnonzero(shapely.intersects(outlines, shapely.box(minx, miny, maxx, maxy)))
    shapes = shapely.simplify(shapely.transform(outlines[index], view.to_px), simplify_px)
    valid = ~shapely.is_empty(shapes)
    return IslandsOnPage(index[valid], shapes[valid])


def covered_islands(page: IslandsOnPage, symbols_px: list, largest_px: float) -> np.ndarray:
    """Indices (into ``page``) of the islands no wider or taller than ``largest_px`` that a flow symbol
    covers in part: drawn again above the flows, so a small island a flow reaches stays visible
    (Malta under the Libya arrowhead's barb, Lampedusa at the Tunisia arrow's tip). Not one a symbol
    covers whole: drawn again inside the 2023 Tunisia arrow, Kerkennah and Djerba read as holes in it."""
    if not len(page.shapes) or not len(symbols_px):
        return np.empty(0, int)
    b = shapely.bounds(page.shapes)
    small = np.flatnonzero(np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]) <= largest_px)
    if not len(small):
        return small
    tree = STRtree(np.asarray(symbols_px, dtype=object))
    hits, _ = tree.query(page.shapes[small], predicate="intersects")
    inside, _ = tree.query(page.shapes[small], predicate="within")
    return small[np.setdiff1d(np.unique(hits), inside)]


_CACHE: dict = {}
CACHE_SIZE = 8
"""Islands kept for this many (boundaries layer, projection) pairs: finding them takes ~50 ms."""


def document_islands(doc) -> tuple[IslandTable, np.ndarray] | None:
    """The islands of a document's boundaries layer and their outlines in its projection, kept per
    layer and projection (a layer's id is never reused; its data is checked to be the same object)."""
    layer = doc.layer("boundaries")
    if layer is None:
        return None
    key = (layer.id, doc.crs)
    hit = _CACHE.get(key)
    if hit is None or hit[0] is not layer.data:
        table = next((v[1] for (lid, _), v in _CACHE.items() if lid == layer.id and v[0] is layer.data), None)
        table = table if table is not None else stored_island_table(layer.data)
        while len(_CACHE) >= CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        hit = _CACHE[key] = (layer.data, table, projected_outlines(table, doc.crs))
    return hit[1], hit[2]
