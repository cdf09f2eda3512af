"""Editing routes as in a GIS: add, reshape and delete routes, and set their fields.

Every function takes a routes frame (lon/lat, as ``geo.routes.read_routes`` returns it) and gives
a NEW frame: a layer's data never changes in place, so an edit is a new layer the undo history can
swap back (``MapDocument.replace_layer``). What a route may be is checked here, with messages that
name the route and the field, so the canvas, the route form and a future command line refuse the
same things in the same words.
"""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import LineString, MultiLineString, Point
from shapely.ops import substring

from geo.errors import CrossingsError
from geo.metrics import ROUTE_MODES
from geo.routes import OPTIONAL_TEXT, children_of

# A route needs a start and an end; a sea leg drawn with fewer vertices than this is a straight line.
MIN_ROUTE_VERTICES = 2
# A sea leg starts and ends at a coast town, on land: the first and last stretch of this length may
# touch land without being a crossing (about a harbour's width at a regional map's scale).
COAST_ALLOWANCE_KM = 8.0
# Route ids are typed by people and matched against figures files: letters, digits and - _ . only.
ROUTE_ID_CHARACTERS = frozenset("-_.")
MAX_ROUTE_ID = 40
MAX_FIELD_TEXT = 200


@dataclass(frozen=True)
class RouteFields:
    """The fields of one route, as the route form shows them."""

    route_id: str
    name: str = ""
    group: str = ""
    parent: str = ""
    mode: str = "sea"
    origin: str = ""
    dest: str = ""

    def cleaned(self) -> RouteFields:
        return RouteFields(**{k: " ".join(str(v).split()) for k, v in asdict(self).items()})


@dataclass(frozen=True)
class LandCrossing:
    """A stretch of a sea leg over land: where, how long, and whose land."""

    length_km: float
    lonlat: tuple[float, float]
    country: str

    def describe(self) -> str:
        lon, lat = self.lonlat
        where = f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.2f}° {'E' if lon >= 0 else 'W'}"
        return f"crosses land for {self.length_km:,.0f} km" + (f" in {self.country}" if self.country else "") + \
            f" near {where}"


def fields_of(routes: gpd.GeoDataFrame, route_id: str) -> RouteFields:
    row = routes.loc[routes["route_id"] == route_id].iloc[0]
    return RouteFields(route_id, *(str(row.get(c, "") or "") for c in OPTIONAL_TEXT))


def check_fields(fields: RouteFields, routes: gpd.GeoDataFrame, taken: set[str], editing: str | None = None) -> RouteFields:
    """``fields`` cleaned, or CrossingsError naming the route and the field that is wrong.

    ``routes`` is the layer being edited, ``taken`` every route id in the document (all routes layers),
    ``editing`` the id of the route being changed (None for a new route).
    """
    f = fields.cleaned()
    who = f"route {editing!r}" if editing else "the new route"
    rid = f.route_id
    if not rid:
        raise CrossingsError(f"{who}: the route id is empty")
    if len(rid) > MAX_ROUTE_ID or not all(c.isalnum() or c in ROUTE_ID_CHARACTERS for c in rid):
        raise CrossingsError(f"{who}: route id {rid!r} may hold only letters, digits and - _ . "
                             f"(at most {MAX_ROUTE_ID} characters), as figures files name it")
    if rid != editing and rid in taken:
        raise CrossingsError(f"{who}: route id {rid!r} is already used by another route")
    for name, value in asdict(f).items():
        if len(value) > MAX_FIELD_TEXT:
            raise CrossingsError(f"{who}: {name} is longer than {MAX_FIELD_TEXT} characters")
        bad = next((c for c in value if unicodedata.category(c) in ("Cc", "Cf") and c not in "\u200e\u200f"), None)
        if bad is not None:
            raise CrossingsError(f"{who}: {name} holds the control character U+{ord(bad):04X}")
    if f.mode not in ROUTE_MODES:
        raise CrossingsError(f"{who}: mode {f.mode!r} is not one of {', '.join(ROUTE_MODES)}")
    if f.parent:
        ids = set(routes["route_id"])
        if f.parent not in ids - {editing}:
            raise CrossingsError(f"{who}: parent {f.parent!r} is not a route of this layer")
        parent_of = dict(zip(routes["route_id"], routes["parent"], strict=True))
        seen, p = {editing, rid}, f.parent
        while p:
            if p in seen:
                raise CrossingsError(f"{who}: parent {f.parent!r} would make its parents a loop")
            seen.add(p)
            p = parent_of.get(p, "")
    return RouteFields(rid, f.name or rid, f.group or rid, f.parent, f.mode, f.origin, f.dest)


def add_route(routes: gpd.GeoDataFrame, lonlat: list[tuple[float, float]], fields: RouteFields) -> gpd.GeoDataFrame:
    """``routes`` with a new route along ``lonlat`` (fields already checked with ``check_fields``)."""
    line = _line(lonlat, fields.route_id)
    row = {c: getattr(fields, c) for c in ("route_id", *OPTIONAL_TEXT)}
    new = gpd.GeoDataFrame([row], geometry=[line], crs=routes.crs or "EPSG:4326")
    for col in routes.columns:
        if col not in new.columns:
            new[col] = pd.NA
    out = pd.concat([routes, new[routes.columns]], ignore_index=True)
    return gpd.GeoDataFrame(out, geometry=routes.geometry.name, crs=routes.crs)


def set_fields(routes: gpd.GeoDataFrame, route_id: str, fields: RouteFields) -> gpd.GeoDataFrame:
    """``routes`` with ``route_id``'s fields replaced; branches follow a renamed parent."""
    out = routes.copy()
    at = out["route_id"] == route_id
    _require(at, route_id)
    for col in ("route_id", *OPTIONAL_TEXT):
        out.loc[at, col] = getattr(fields, col)
    if fields.route_id != route_id:
        out.loc[out["parent"] == route_id, "parent"] = fields.route_id
    return out


def delete_route(routes: gpd.GeoDataFrame, route_id: str) -> gpd.GeoDataFrame:
    """``routes`` without ``route_id``; a route with branches is refused (their figures are its parts)."""
    at = routes["route_id"] == route_id
    _require(at, route_id)
    branches = children_of(routes).get(route_id, [])
    if branches:
        raise CrossingsError(f"route {route_id!r} has the branches {', '.join(branches)}: delete them or give them "
                             "another parent first")
    return routes.loc[~at].reset_index(drop=True)


def vertices(routes: gpd.GeoDataFrame, route_id: str) -> list[np.ndarray]:
    """The route's parts as arrays of lon/lat vertices."""
    at = routes["route_id"] == route_id
    _require(at, route_id)
    geom = routes.geometry[at].iloc[0]
    return [np.asarray(p.coords)[:, :2] for p in getattr(geom, "geoms", [geom])]


def move_vertex(routes, route_id: str, part: int, index: int, lonlat: tuple[float, float]) -> gpd.GeoDataFrame:
    parts = vertices(routes, route_id)
    parts[part] = parts[part].copy()
    parts[part][index] = lonlat
    return _with_parts(routes, route_id, parts)


def insert_vertex(routes, route_id: str, part: int, index: int, lonlat: tuple[float, float]) -> gpd.GeoDataFrame:
    """A vertex before ``index`` of ``part`` (``index`` = len appends one at the end)."""
    parts = vertices(routes, route_id)
    parts[part] = np.insert(parts[part], index, lonlat, axis=0)
    return _with_parts(routes, route_id, parts)


def delete_vertex(routes, route_id: str, part: int, index: int) -> gpd.GeoDataFrame:
    parts = vertices(routes, route_id)
    if len(parts[part]) <= MIN_ROUTE_VERTICES:
        raise CrossingsError(f"route {route_id!r}: a route keeps at least {MIN_ROUTE_VERTICES} vertices; "
                             "delete the route instead")
    parts[part] = np.delete(parts[part], index, axis=0)
    return _with_parts(routes, route_id, parts)


def nearest_vertex(parts_px: list[np.ndarray], xy: tuple[float, float], tolerance: float) -> tuple[int, int] | None:
    """(part, index) of the vertex within ``tolerance`` of ``xy`` (any planar units), nearest first."""
    best, found = tolerance, None
    for p, pts in enumerate(parts_px):
        if len(pts):
            d = np.hypot(pts[:, 0] - xy[0], pts[:, 1] - xy[1])
            i = int(np.argmin(d))
            if d[i] <= best:
                best, found = float(d[i]), (p, i)
    return found


def nearest_segment(parts_px: list[np.ndarray], xy: tuple[float, float], tolerance: float) -> tuple[int, int] | None:
    """(part, index of the segment's second vertex) of the segment within ``tolerance`` of ``xy``: where a
    vertex is inserted."""
    best, found = tolerance, None
    pt = Point(xy)
    for p, pts in enumerate(parts_px):
        for i in range(1, len(pts)):
            d = LineString(pts[i - 1:i + 1]).distance(pt)
            if d <= best:
                best, found = d, (p, i)
    return found


def snap(xy: tuple[float, float], targets: np.ndarray, tolerance: float) -> int | None:
    """Index of the snap target (places, other routes' ends) within ``tolerance`` of ``xy``, nearest first."""
    if len(targets) == 0:
        return None
    d = np.hypot(targets[:, 0] - xy[0], targets[:, 1] - xy[1])
    i = int(np.argmin(d))
    return i if d[i] <= tolerance else None


def route_ends(routes: gpd.GeoDataFrame) -> np.ndarray:
    """Start and end of every part of every route (lon/lat): where a new route snaps to."""
    pts = [pts[[0, -1]] for rid in routes["route_id"] for pts in vertices(routes, rid)]
    return np.vstack(pts) if pts else np.empty((0, 2))


class LandCheck:
    """Finds where a sea leg crosses land, fast enough to run on every mouse move while drawing.

    Countries are projected once to the regional equal-area CRS (lengths in km) and indexed; a
    leg is tested against only the country parts its box touches.
    """

    def __init__(self, countries: gpd.GeoDataFrame) -> None:
        from geo.projection import DEFAULT_CRS, to_crs, transformer

        projected = to_crs(countries, DEFAULT_CRS)
        self._to_m = transformer("EPSG:4326", DEFAULT_CRS)
        self._to_lonlat = transformer(DEFAULT_CRS, "EPSG:4326")
        parts, owners = shapely.get_parts(projected.geometry.to_numpy(), return_index=True)
        name_col = next((c for c in ("name", "NAME", "name_en", "ADMIN") if c in countries.columns), None)
        names = countries[name_col].astype(str).to_numpy() if name_col else np.full(len(countries), "")
        self._parts, self._names = parts, names[owners]
        self._tree = shapely.STRtree(parts)

    def crossings(self, lonlat, mode: str = "sea") -> list[LandCrossing]:
        """The stretches of a sea leg over land, beyond its first and last COAST_ALLOWANCE_KM (a sea leg
        starts and ends at coast towns). Land routes and expulsion corridors cross land by nature."""
        out = []
        for piece, country in self._pieces(lonlat, mode):
            mid = piece.interpolate(0.5, normalized=True)
            lon, lat = self._to_lonlat.transform(mid.x, mid.y)
            out.append(LandCrossing(piece.length / 1000, (float(lon), float(lat)), country))
        return out

    def crossing_lines(self, lonlat, mode: str = "sea") -> list[np.ndarray]:
        """The crossings as lon/lat polylines (drawn red on the canvas while drawing)."""
        out = []
        for piece, _ in self._pieces(lonlat, mode):
            c = np.asarray(piece.coords)
            lon, lat = self._to_lonlat.transform(c[:, 0], c[:, 1])
            out.append(np.column_stack([lon, lat]))
        return out

    def _pieces(self, lonlat, mode: str):
        """(line in metres, country name) for each stretch over land."""
        pts = np.asarray(lonlat, dtype=float)
        if mode != "sea" or len(pts) < 2:
            return
        xs, ys = self._to_m.transform(pts[:, 0], pts[:, 1])
        line = LineString(np.column_stack([xs, ys]))
        allowance = COAST_ALLOWANCE_KM * 1000
        if line.length <= 2 * allowance:
            return
        inner = substring(line, allowance, line.length - allowance)
        for i in self._tree.query(inner, predicate="intersects"):
            for piece in shapely.get_parts(inner.intersection(self._parts[i])):
                if piece.geom_type == "LineString" and piece.length >= 1.0:  # a touch is not a crossing
                    yield piece, str(self._names[i])


def _line(lonlat, route_id: str) -> LineString:
    pts = np.asarray(lonlat, dtype=float)[:, :2]
    keep = np.concatenate([[True], np.any(np.diff(pts, axis=0) != 0, axis=1)]) if len(pts) else pts
    pts = pts[keep] if len(pts) else pts
    if len(pts) < MIN_ROUTE_VERTICES:
        raise CrossingsError(f"route {route_id!r}: a route needs at least {MIN_ROUTE_VERTICES} distinct vertices")
    if not np.isfinite(pts).all() or (np.abs(pts[:, 0]) > 180).any() or (np.abs(pts[:, 1]) > 90).any():
        raise CrossingsError(f"route {route_id!r}: a vertex lies outside longitude ±180°, latitude ±90°")
    return LineString(pts)


def _with_parts(routes: gpd.GeoDataFrame, route_id: str, parts: list[np.ndarray]) -> gpd.GeoDataFrame:
    lines = [_line(p, route_id) for p in parts]
    geom = lines[0] if len(lines) == 1 else MultiLineString(lines)
    out = routes.copy()
    out.loc[out["route_id"] == route_id, out.geometry.name] = geom
    return gpd.GeoDataFrame(out, geometry=routes.geometry.name, crs=routes.crs)


def _require(at: pd.Series, route_id: str) -> None:
    if not at.any():
        raise CrossingsError(f"route {route_id!r} is not in this layer")
