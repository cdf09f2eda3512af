"""GeoJSON and GeoPackage writers: atomic, lon/lat, named after the map."""

from __future__ import annotations

import warnings
from pathlib import Path

import geopandas as gpd
import pyogrio

from geo.atomic import atomic_output
from geo.errors import ExportError


def write_geojson(gdf: gpd.GeoDataFrame, path: str | Path) -> Path:
    """RFC 7946 GeoJSON: WGS84 lon/lat, right-hand winding, 7 decimals (about 1 cm)."""
    path = Path(path)
    try:
        with atomic_output(path) as tmp, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pyogrio.write_dataframe(gdf.to_crs(4326), tmp, driver="GeoJSON",
                                    layer_options={"RFC7946": "YES", "WRITE_NAME": "NO"})
    except (pyogrio.errors.DataSourceError, pyogrio.errors.FieldError, OSError, ValueError) as exc:
        raise ExportError(f"{path.name}: could not write GeoJSON ({exc})") from None
    return path


def write_geopackage(layers: dict[str, gpd.GeoDataFrame], path: str | Path) -> Path:
    """All layers in one GeoPackage, one table each, written to a temporary file first."""
    path = Path(path)
    try:
        with atomic_output(path) as tmp, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name, gdf in layers.items():
                pyogrio.write_dataframe(gdf, tmp, layer=name, driver="GPKG", append=tmp.exists())
    except (pyogrio.errors.DataSourceError, pyogrio.errors.FieldError, OSError, ValueError) as exc:
        raise ExportError(f"{path.name}: could not write GeoPackage ({exc})") from None
    return path
