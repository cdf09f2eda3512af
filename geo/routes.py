"""The routes layer: one line per route or branch, keyed by a stable ``route_id``."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.errors import DataError
from geo.vector_io import read_vector

REQUIRED = ("route_id",)
OPTIONAL_TEXT = ("name", "group", "parent", "mode", "origin", "dest")


def read_routes(path: str | Path) -> gpd.GeoDataFrame:
    """Read and check a routes file: lines with unique ids, parents that exist, no cycles."""
    gdf = read_vector(path, expect="line")
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
    return gdf.reset_index(drop=True)


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
    mains = data[data["parent"] == ""]["name"].astype(str).str.partition(": ")[0]
    if tail and (data.at[route_id, "parent"] or (mains == head).sum() > 1):
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

