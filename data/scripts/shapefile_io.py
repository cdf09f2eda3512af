"""Shared writer for the bundled shapefiles (UTF-8 with .cpg, reproducible bytes)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

# Fixed DBF header date so that re-running a script gives byte-identical files.
DBF_DATE = "2025-01-01"


def write_shapefile(gdf: gpd.GeoDataFrame, path: Path) -> int:
    """Write ``gdf`` as an EPSG:4326 UTF-8 shapefile; return the total size in bytes."""
    if gdf.crs is None or gdf.crs.to_epsg() != 4326:
        raise ValueError("bundled shapefiles must be EPSG:4326")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    gdf.to_file(path, driver="ESRI Shapefile", engine="pyogrio", encoding="UTF-8",
                layer_options={"DBF_DATE_LAST_UPDATE": DBF_DATE})
    return sum(p.stat().st_size for p in path.parent.glob(path.stem + ".*"))
