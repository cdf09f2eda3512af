"""The routes layer: one line per route or branch, keyed by a stable ``route_id``."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.errors import DataError
from geo.vector_io import read_vector

# A route on a regional map needs a few hundred vertices; flow geometry (offsets, keeping bands off
# land and off each other) grows faster than linearly with them: 5,000 took 10 s, 20,000 over 3 min.
MAX_ROUTE_VERTICES = 2_000
# Simplification tolerances tried in turn (degrees: about 50 m, 200 m, 1 km at these latitudes).
SIMPLIFY_STEPS_DEG = (0.0005, 0.002, 0.01)

REQUIRED = ("route_id",)
OPTIONAL_TEXT = ("name", "group", "parent", "mode", "origin", "dest")


def read_routes(path: str | Path, layer: str | None = None) -> gpd.GeoDataFrame:
    """Read and check a routes file: lines with unique ids, parents that exist, no cycles."""
    gdf = read_vector(path, expect="line", layer=layer)
    cols = {c.lower(): c for c in gdf.columns}
    if "route_id" not in cols:
        raise DataError(path, None, f"no 'route_id' field (fields: {', '.join(c for c in gdf.columns if c != 'geometry')})")
    if "group" not in cols and "route_group" in cols:  # as Crossings exports it (GROUP is SQL-reserved)
        cols["group"] = cols.pop("route_group")
    gdf = gdf.rename(columns={cols[k]: k for k in cols if k in REQUIRED + OPTIONAL_TEXT})
    for col in OPTIONAL_TEXT:
        if col not in gdf.columns:
            gdf[col] = ""
    for col in ("route_id", "parent"):
        gdf[col] = _as_text(gdf[col])
    gdf[list(REQUIRED + OPTIONAL_TEXT)] = gdf[list(REQUIRED + OPTIONAL_TEXT)].fillna("").astype(str).apply(lambda s: s.str.strip())
    gdf.loc[gdf["name"] == "", "name"] = gdf["route_id"]
    gdf.loc[gdf["group"] == "", "group"] = gdf["route_id"]
    gdf.loc[gdf["mode"] == "", "mode"] = "sea"
    for i, rid in enumerate(gdf["route_id"]):
        if not rid:
            raise DataError(path, f"feature {i + 1}", "has an empty route_id")
    dup = gdf["route_id"].duplicated(keep=False)
    if dup.any():
        rid = gdf.loc[dup, "route_id"].iloc[0]
        rows = [str(i + 1) for i in gdf.index[gdf["route_id"] == rid]]
        raise DataError(path, f"features {' and '.join(rows)}", f"share the route_id {rid!r}")
    ids = set(gdf["route_id"])
    parent_of = dict(zip(gdf["route_id"], gdf["parent"], strict=True))
    for i, (rid, parent) in enumerate(parent_of.items()):
        if parent and parent not in ids:
            raise DataError(path, f"feature {i + 1} ({rid})", f"names parent {parent!r}, which is not a route_id here")
        seen, p = {rid}, parent
        while p:
            if p in seen:
                raise DataError(path, f"feature {i + 1} ({rid})", "its parents form a loop")
            seen.add(p)
            p = parent_of.get(p, "")
    gdf = gdf.reset_index(drop=True)
    _simplify_dense_routes(path, gdf)
    return gdf


def _simplify_dense_routes(path: str | Path, gdf: gpd.GeoDataFrame) -> None:
    """A route with more than MAX_ROUTE_VERTICES (a GPS track) is simplified, and the warnings say so;
    one that stays above the limit at 1 km is refused by feature."""
    counts = shapely.get_num_coordinates(gdf.geometry.to_numpy())
    notes = gdf.attrs.setdefault("warnings", [])
    for i in np.flatnonzero(counts > MAX_ROUTE_VERTICES):
        geom = gdf.geometry.iloc[i]
        for tolerance in SIMPLIFY_STEPS_DEG:
            simpler = shapely.simplify(geom, tolerance, preserve_topology=False)
            if shapely.get_num_coordinates(simpler) <= MAX_ROUTE_VERTICES and not simpler.is_empty:
                break
        else:
            raise DataError(path, f"feature {i + 1} ({gdf['route_id'].iloc[i]})",
                            f"has {counts[i]:,} vertices and still {shapely.get_num_coordinates(simpler):,} after "
                            f"simplifying to 1 km, over the {MAX_ROUTE_VERTICES:,} a route may have; draw the route "
                            "with fewer vertices")
        gdf.loc[gdf.index[i], "geometry"] = simpler
        notes.append(f"{Path(path).name}, feature {i + 1} ({gdf['route_id'].iloc[i]}): {counts[i]:,} vertices "
                     f"simplified to {shapely.get_num_coordinates(simpler):,} (within about "
                     f"{tolerance * 111_000:,.0f} m), over the {MAX_ROUTE_VERTICES:,} a route may have")


def _as_text(values: pd.Series) -> pd.Series:
    """Ids as text, with whole numbers from a numeric field written without ".0" (a shapefile's
    integer field with an empty value is read as float, and 7.0 would not match "7" in the figures)."""
    if pd.api.types.is_float_dtype(values):
        whole = values.dropna()
        if (whole == whole.round()).all():
            return values.astype("Int64").astype(str).replace("<NA>", "")
    return values


def children_of(routes: gpd.GeoDataFrame) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for rid, parent in zip(routes["route_id"], routes["parent"], strict=True):
        if parent:
            out.setdefault(parent, []).append(rid)
    return out


def route_caption(routes: gpd.GeoDataFrame, route_id: str) -> str:
    """A route as a reader knows it: 'Atlantic route' for a main route, 'Libya to Italy' for a branch
    (route names read 'Central Mediterranean route: Libya to Italy')."""
    if route_id not in set(routes["route_id"]):
        return route_id
    data = routes.set_index("route_id")
    head, _, tail = str(data.at[route_id, "name"]).partition(": ")
    parent = data.at[route_id, "parent"]
    # a branch is named after its parent's route ('Atlantic route: Senegal …'); a route of its own under
    # a country's total ('Routes to Spain' over the Atlantic route) keeps its own name
    branch = bool(parent) and (parent not in data.index or str(data.at[parent, "name"]).partition(": ")[0] == head)
    mains = data[data["parent"] == ""]["name"].astype(str).str.partition(": ")[0]
    if tail and (branch or (mains == head).sum() > 1):
        return tail
    return head


def total_anchor(routes: gpd.GeoDataFrame, route_id: str) -> tuple[np.ndarray, np.ndarray]:
    """Where a parent's total is written, and where its branches start (in the routes' units).

    The total sits where the route arrives (the middle of its parts' ends for a two-legged route,
    Ceuta and Melilla); labels prefer the side away from the branches' starts, beyond the destination.
    """
    geoms = dict(zip(routes["route_id"], routes.geometry, strict=True))
    parts = getattr(geoms[route_id], "geoms", [geoms[route_id]])
    end = np.mean([p.coords[-1][:2] for p in parts], axis=0)
    starts = [getattr(g, "geoms", [g])[0].coords[0][:2]
              for g, parent in zip(routes.geometry, routes["parent"], strict=True) if parent == route_id]
    return end, (np.mean(starts, axis=0) if starts else end - np.array([0.0, 1.0]))

