"""Reading vector layers with messages a cartographer can act on (file, feature, what is wrong)."""

from __future__ import annotations

import warnings
from pathlib import Path

import geopandas as gpd
import pyogrio
import shapely

from geo.errors import DataError

_SIDECARS = (".shx", ".dbf")


def read_vector(path: str | Path, *, expect: str | None = None, layer: str | None = None) -> gpd.GeoDataFrame:
    """Read any OGR vector file into lon/lat (EPSG:4326) with valid geometries.

    ``expect`` ("polygon", "line" or "point") rejects a layer of the wrong kind. Invalid
    geometries are repaired with ``make_valid``; empty or missing geometries are refused by
    feature number (1-based, as QGIS' attribute table counts).
    """
    path = Path(path)
    if not path.exists():
        raise DataError(path, None, "file not found")
    if path.suffix.lower() == ".shp":
        for ext in _SIDECARS:
            if not path.with_suffix(ext).exists() and not path.with_suffix(ext.upper()).exists():
                raise DataError(path, None, f"the shapefile's {ext} file is missing; copy all its parts together")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gdf = gpd.read_file(path, layer=layer, engine="pyogrio", encoding=_encoding_for(path))
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, pyogrio.errors.FieldError) as exc:
        raise DataError(path, None, f"cannot be read as a vector layer ({_first_line(exc)})") from None
    except (ValueError, RuntimeError, OSError, UnicodeDecodeError) as exc:
        raise DataError(path, None, f"cannot be read ({_first_line(exc)})") from None
    if len(gdf) == 0:
        raise DataError(path, None, "the layer has no features")
    if gdf.crs is None:
        hint = " (its .prj file is missing)" if path.suffix.lower() == ".shp" else ""
        raise DataError(path, None, f"the layer has no coordinate reference system{hint}")
    missing = gdf.geometry.isna() | gdf.geometry.is_empty
    if missing.any():
        raise DataError(path, f"feature {int(missing.to_numpy().argmax()) + 1}", "has no geometry")
    if expect is not None:
        kinds = {"polygon": ("Polygon", "MultiPolygon"), "line": ("LineString", "MultiLineString"),
                 "point": ("Point", "MultiPoint")}[expect]
        wrong = ~gdf.geom_type.isin(kinds)
        if wrong.any():
            i = int(wrong.to_numpy().argmax())
            raise DataError(path, f"feature {i + 1}", f"is a {gdf.geom_type.iloc[i]}; this layer needs {expect}s")
    invalid = ~gdf.geometry.is_valid
    if invalid.any():
        gdf.loc[invalid, gdf.geometry.name] = shapely.make_valid(gdf.geometry[invalid].to_numpy())
    if not gdf.crs.is_geographic or gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    bounds = gdf.total_bounds
    if not (-180.5 <= bounds[0] and bounds[2] <= 180.5 and -90.5 <= bounds[1] and bounds[3] <= 90.5):
        raise DataError(path, None, "coordinates fall outside the globe; is the declared CRS right?")
    return gdf


def _encoding_for(path: Path) -> str | None:
    """Shapefiles without a .cpg are read as UTF-8 (what QGIS writes), not GDAL's Latin-1 guess."""
    if path.suffix.lower() == ".shp" and not path.with_suffix(".cpg").exists():
        return "utf-8"
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
