"""GeoJSON and GeoPackage writers: atomic, lon/lat, named after the map, with fields GIS users can trust.

Every written layer goes through :func:`public_fields`: field names that are not SQL reserved
words (``group`` breaks ``select group from flows``), absent values as null rather than ``''``
(an empty string makes QGIS type a date field as text in one file and as a date in the next),
and one declared type per field: dates are written as dates, counts as reals, file rows as
integers, whatever the values of this particular map.
"""

from __future__ import annotations

import warnings
from datetime import datetime, timezone
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

# GDAL offline and with only our drivers before pyogrio loads it: a render whose layers all came
# from the prepared-data cache has not imported geo.vector_io's reader, which used to see to it
from geo import gdal_offline  # noqa: F401

# isort: split

import pyogrio
from pyogrio.raw import write as raw_write

from geo.atomic import atomic_output, diagnose_failure, failure_cause
from geo.errors import ExportError

# Internal column -> exported field. SQL:2016 reserves GROUP, VALUE, ROW and PERIOD.
FIELD_NAMES = {"group": "route_group", "value": "figure", "row": "file_row", "period": "period_id"}
DATE_FIELDS = ("date_from", "date_to")
INTEGER_FIELDS = ("file_row", "callout")
# Columns that hold numbers even when a layer has none of them.
REAL_FIELDS = ("figure", "width_mm", "arrow_width_mm", "total", "stated_change")
GPKG_VERSION = "1.2"
"""GeoPackage 1.2: QGIS 3.22 and GDAL 3.6, which field offices run, warn about a 1.4 file on every open."""
STYLES_TABLE = "layer_styles"
"""The table QGIS reads a layer's default style from (the OGR provider's schema, QgsOgrProviderMetadata::saveStyle)."""


def public_fields(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The layer with its exported field names (nulls and types are set as it is written)."""
    return gdf.rename(columns={k: v for k, v in FIELD_NAMES.items() if k in gdf.columns})


def _field_arrays(gdf: gpd.GeoDataFrame) -> tuple[list, list, list]:
    """Arrays (with null masks) whose numpy types fix each field's OGR type."""
    names, data, masks = [], [], []
    for col in gdf.columns:
        if col == gdf.geometry.name:
            continue
        s = gdf[col]
        if col in DATE_FIELDS:
            arr = pd.to_datetime(s, errors="coerce").to_numpy().astype("datetime64[D]")
            mask = None
        elif col in INTEGER_FIELDS:
            num = pd.to_numeric(s, errors="coerce")
            mask = num.isna().to_numpy()
            arr = num.fillna(0).astype("int64").to_numpy()
        elif col in REAL_FIELDS or pd.api.types.is_float_dtype(s) or pd.api.types.is_integer_dtype(s):
            arr = pd.to_numeric(s, errors="coerce").astype("float64").to_numpy()
            mask = None
        elif pd.api.types.is_bool_dtype(s):
            arr, mask = s.astype(bool).to_numpy(), None
        else:
            arr = np.array([None if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)) or v == ""
                            else str(v) for v in s], dtype=object)
            mask = None
        names.append(col)
        data.append(arr)
        masks.append(mask)
    return names, data, masks


def _geometry_type(geoms) -> tuple[str, bool]:
    """One geometry type per layer (lines and multilines become multilines, as QGIS expects)."""
    kinds = {g.geom_type for g in geoms if g is not None and not g.is_empty}
    if len(kinds) == 1:
        return kinds.pop(), False
    for single in ("Point", "LineString", "Polygon"):
        if kinds <= {single, "Multi" + single}:
            return "Multi" + single, True
    return "Unknown", False


def _write(gdf: gpd.GeoDataFrame, path: Path, driver: str, layer: str | None = None, append: bool = False,
           layer_options: dict | None = None, dataset_options: dict | None = None) -> None:
    gdf = public_fields(gdf.to_crs(4326))
    names, data, masks = _field_arrays(gdf)
    geoms = gdf.geometry.to_numpy()
    gtype, promote = _geometry_type(geoms)
    if promote:
        geoms = np.array([shapely.multipolygons([g]) if g is not None and g.geom_type == "Polygon" else
                          shapely.multilinestrings([g]) if g is not None and g.geom_type == "LineString" else
                          shapely.multipoints([g]) if g is not None and g.geom_type == "Point" else g for g in geoms],
                         dtype=object)
    raw_write(str(path), geometry=shapely.to_wkb(geoms), field_data=data, fields=names,
              field_mask=masks if any(m is not None for m in masks) else None, layer=layer, driver=driver,
              geometry_type=gtype, crs="EPSG:4326", encoding="UTF-8", append=append, layer_options=layer_options,
              dataset_options=dataset_options)


def write_geojson(gdf: gpd.GeoDataFrame, path: str | Path) -> Path:
    """RFC 7946 GeoJSON: WGS84 lon/lat, right-hand winding, 7 decimals (about 1 cm)."""
    path = Path(path)
    with atomic_output(path) as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            _write(gdf, tmp, "GeoJSON", layer_options={"RFC7946": "YES", "WRITE_NAME": "NO"})
            _check_written(tmp, {None: len(gdf)})
        except _WRITE_ERRORS as exc:
            raise ExportError(f"{path.name}: could not write GeoJSON: {diagnose_failure(tmp, exc)}") from None
    return path


def write_geopackage(layers: dict[str, gpd.GeoDataFrame], path: str | Path, styles: dict | None = None) -> Path:
    """All layers in one GeoPackage 1.2, one table each, written to a temporary file first.

    ``styles`` (layer name -> geo.exports.gpkg_styles.StoredStyle) go into the ``layer_styles``
    table as each layer's default, so QGIS opens the layers looking like the map.
    """
    path = Path(path)
    with atomic_output(path) as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            for name, gdf in layers.items():
                first = not tmp.exists()
                _write(gdf, tmp, "GPKG", layer=name, append=not first,
                       dataset_options={"VERSION": GPKG_VERSION} if first else None)
            _check_written(tmp, {name: len(gdf) for name, gdf in layers.items()})
        except _WRITE_ERRORS as exc:
            raise ExportError(f"{path.name}: could not write GeoPackage: {diagnose_failure(tmp, exc)}") from None
        if styles:
            try:
                _write_styles(tmp, styles)
                _check_written(tmp, {STYLES_TABLE: len(styles)})
            except _WRITE_ERRORS as exc:
                raise ExportError(f"{path.name}: could not write the layer styles: {diagnose_failure(tmp, exc)}") from None
    return path


def _write_styles(path: Path, styles: dict) -> None:
    """One default style per layer, in the columns QGIS's OGR provider creates (and through GDAL, as
    it does: the table is registered in the GeoPackage's contents with ``id`` as its key)."""
    names = list(styles)
    geometry_columns = [pyogrio.read_info(path, layer=name)["geometry_name"] or "" for name in names]
    now = np.datetime64(datetime.now(timezone.utc).replace(tzinfo=None), "ms")

    def text(values) -> np.ndarray:
        return np.array(list(values), dtype=object)

    columns = {
        "f_table_catalog": text("" for _ in names), "f_table_schema": text("" for _ in names),
        "f_table_name": text(names), "f_geometry_column": text(geometry_columns),
        "styleName": text(styles[n].name for n in names), "styleQML": text(styles[n].qml for n in names),
        "styleSLD": text(styles[n].sld for n in names), "useAsDefault": np.ones(len(names), dtype=bool),
        "description": text(styles[n].description for n in names), "owner": text("" for _ in names),
        "ui": text(None for _ in names), "update_time": np.full(len(names), now),
    }
    raw_write(str(path), geometry=None, field_data=list(columns.values()), fields=list(columns), layer=STYLES_TABLE,
              driver="GPKG", geometry_type=None, crs=None, encoding="UTF-8", append=True, layer_options={"FID": "id"})


# GDAL reports a full disk in some drivers only as a warning and a short file: every error type it
# raises is caught, and the file is read back before it may replace the target.
_WRITE_ERRORS = (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError, ValueError, RuntimeError)


def _check_written(path: Path, counts: dict[str | None, int]) -> None:
    """Read the written file back: every layer there with every feature, or the write failed."""
    for layer, expected in counts.items():
        try:
            found = pyogrio.read_info(path, layer=layer)["features"]
        except Exception as exc:  # a truncated file: GDAL's message says what it found
            raise RuntimeError(f"the written file cannot be read back ({failure_cause(exc)})") from None
        if found != expected:
            raise RuntimeError(f"the written file holds {found} of {expected} features"
                               + (f" in layer {layer}" if layer else ""))
