"""Reading vector layers with messages a cartographer can act on (file, feature, what is wrong).

Every problem a file can have (missing or truncated parts, an unknown format, broken or
collapsed geometries, a missing or implausible CRS) ends in a :class:`DataError`, never in an
exception from GDAL, GEOS or PROJ. Files that can make GDAL open other files, run programs or
reach the network (VRT, GDALG pipelines, GPSBabel) are refused before GDAL sees them, and GDAL
itself runs without network access and with only the drivers Crossings reads (geo/gdal_offline.py).
"""

from __future__ import annotations

import json
import mmap
import os
import re
import struct
import warnings
import zipfile
from pathlib import Path

# GDAL drivers that can read other files, web addresses or run programs on the strength of a
# file's content. Skipped when GDAL registers its drivers (if pyogrio is first imported after this
# module); the content sniffing in _refuse_unsafe protects either way.
_UNSAFE_DRIVERS = ("OGR_VRT", "VRT", "GDALG", "GPSBabel", "HTTP", "WFS", "OAPIF", "OGCAPI", "CSW",
                   "Elasticsearch", "Carto", "AmigoCloud", "PLSCENES", "NGW", "EEDA", "ADBC", "AIVector")
os.environ["GDAL_SKIP"] = " ".join(
    dict.fromkeys([*os.environ.get("GDAL_SKIP", "").split(), *_UNSAFE_DRIVERS]))
os.environ.setdefault("GML_DOWNLOAD_WFS_SCHEMA", "NO")  # a GML file must not fetch its schema
from geo import offline_env  # noqa: E402 - GDAL, libcurl and PROJ without network, before any of them runs

# isort: split

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import shapely  # noqa: E402

from geo import disk_cache  # noqa: E402
from geo.atomic import failure_cause  # noqa: E402
from geo.errors import ChoiceNeeded, DataError, split_choice  # noqa: E402
from geo.figure_values import forbidden_character  # noqa: E402

_SIDECARS = (".shx", ".dbf")

# What a cartographer exports vector layers as. Anything else is refused by name before GDAL
# guesses a format from the content (GDAL would open, e.g., a VRT or a pipeline disguised as .txt).
VECTOR_SUFFIXES = (".shp", ".geojson", ".json", ".geojsonl", ".geojsons", ".gpkg", ".sqlite", ".kml",
                   ".kmz", ".fgb", ".gml", ".gpx", ".zip", ".gdb", ".tab", ".mif", ".dxf", ".csv",
                   ".topojson")

_KINDS = {"polygon": ("Polygon", "MultiPolygon"), "line": ("LineString", "MultiLineString"),
          "point": ("Point", "MultiPoint")}
_DIMENSION = {"point": 0, "line": 1, "polygon": 2}

# Content that makes GDAL open other files, URLs or programs; checked in the file's first bytes.
_UNSAFE_CONTENT = ((b"<ogrvrtdatasource", "a GDAL VRT file"), (b"<vrtdataset", "a GDAL VRT file"),
                   (b"gdal_streamed_alg", "a GDAL pipeline (.gdalg.json)"), (b"msrc", "a GPSBabel file"))


# One feature with more vertices than any map of the region needs (all the world's country borders
# at the bundled detail hold 83,000); painting and projecting it would hold the app for minutes.
MAX_FEATURE_VERTICES = 1_000_000


def _gdal():
    """pyogrio, imported by the first read that needs GDAL: a layer found in the prepared-data cache
    (geo/disk_cache.py) needs none, which spares a cold ``crossings render`` 30 MB and ~25 ms."""
    from geo import gdal_offline  # GDAL without network, and only the drivers we read, before pyogrio is used

    return gdal_offline.pyogrio


def read_vector(path: str | Path, *, expect: str | None = None, layer: str | None = None) -> gpd.GeoDataFrame:
    """Read any OGR vector file into lon/lat (EPSG:4326) with valid geometries.

    ``expect`` ("polygon", "line" or "point") rejects a layer of the wrong kind. Invalid
    geometries are repaired with ``make_valid``; a geometry that collapses to another kind when
    repaired (a line with one distinct point, a polygon without area), empty or missing
    geometries and non-finite coordinates are refused by feature number (1-based, as QGIS'
    attribute table counts). ``gdf.attrs["repaired"]`` lists the features repaired and
    ``gdf.attrs["warnings"]`` what a user should check (repairs, a Latin-1 .dbf), one line each.
    """
    try:
        return _read_vector(path, expect=expect, layer=layer)
    except OSError as exc:  # a part that cannot be read: permission, a folder in its place, a failing disk
        part = Path(exc.filename).name if getattr(exc, "filename", None) else None
        named = Path(path).name
        where = f"its part {part}" if part and part != named else "the file"
        raise DataError(path, None, f"{where} cannot be read ({failure_cause(exc)})") from None


def _read_vector(path: str | Path, *, expect: str | None, layer: str | None) -> gpd.GeoDataFrame:
    path, chosen = split_choice(path)  # routes.gpkg#routes_2024: the layer named after '#'
    layer = layer or chosen
    path = offline_env.local_path(path)  # absolute: pyogrio takes a relative "http:x.geojson" for a web address
    if not path.exists():
        raise DataError(path, None, "file not found")
    _refuse_unsafe(path)
    if path.is_file() and path.stat().st_size == 0:
        raise DataError(path, None, "the file is empty (0 bytes)")
    if path.suffix.lower() == ".shp":
        for ext in _SIDECARS:
            if not path.with_suffix(ext).exists() and not path.with_suffix(ext.upper()).exists():
                raise DataError(path, None, f"the shapefile's {ext} file is missing; copy all its parts together")
        _check_shapefile_sizes(path)
    cache_key = disk_cache.layer_key(path, expect, layer, limits=(MAX_FEATURE_VERTICES, MAX_ZIP_UNPACKED_BYTES))
    cached = disk_cache.load_layer(cache_key)
    if cached is not None:  # the same bytes read and checked before: the same layer, without GDAL
        return cached
    pyogrio = _gdal()
    notes: list[str] = []
    try:
        layer = _choose_layer(path, pyogrio.list_layers(path), expect, layer)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                gdf = gpd.read_file(path, layer=layer, engine="pyogrio", encoding=_encoding_for(path))
            except UnicodeDecodeError:
                if _encoding_for(path) != "utf-8":
                    raise
                # an older shapefile without a .cpg: Windows-1252, as the figures reader assumes too
                gdf = gpd.read_file(path, layer=layer, engine="pyogrio", encoding="cp1252")
                notes.append(f"{path.name} has no .cpg file and its attributes are not UTF-8: read them as "
                             "Windows-1252/Latin-1 (Western European); check accented names")
        if not isinstance(gdf, gpd.GeoDataFrame):  # a table: a CSV without WKT, a GML whose geometry is a link
            raise DataError(path, None, "the layer has no geometry column, so it is a table, not a map layer")
    except DataError:
        raise
    except shapely.errors.GEOSException as exc:  # GDAL read a geometry GEOS cannot build
        raise _broken_geometry(path, layer, exc) from None
    except Exception as exc:  # GDAL raises many types for a broken or foreign file
        raise DataError(path, None, _read_failure(path, exc)) from None
    if len(gdf) == 0:
        raise DataError(path, None, "the layer has no features")
    if gdf.crs is None:
        hint = ""
        if path.suffix.lower() == ".shp":
            prj = path.with_suffix(".prj").exists() or path.with_suffix(".PRJ").exists()
            hint = " (its .prj file does not hold one GDAL understands)" if prj else " (its .prj file is missing)"
        raise DataError(path, None, f"the layer has no coordinate reference system{hint}")
    missing = gdf.geometry.isna() | gdf.geometry.is_empty
    if missing.any():
        raise DataError(path, f"feature {_first(missing)}", "has no geometry")
    coords, owner = shapely.get_coordinates(gdf.geometry.to_numpy(), return_index=True)
    bad = ~np.isfinite(coords).all(axis=1)
    if bad.any():
        raise DataError(path, f"feature {int(owner[bad].min()) + 1}", "has coordinates that are not numbers (NaN or infinite)")
    per_feature = np.bincount(owner, minlength=len(gdf)) if len(owner) else np.zeros(len(gdf), int)
    if len(per_feature) and per_feature.max() > MAX_FEATURE_VERTICES:
        i = int(per_feature.argmax())
        raise DataError(path, f"feature {i + 1}", f"has {per_feature[i]:,} vertices, over the {MAX_FEATURE_VERTICES:,} a "
                                                  "feature may have; simplify the layer (e.g. in QGIS) and try again")
    if expect is not None:
        wrong = ~gdf.geom_type.isin(_KINDS[expect])
        if wrong.any():
            i = _first(wrong)
            raise DataError(path, f"feature {i}", f"is a {gdf.geom_type.iloc[i - 1]}; this layer needs {expect}s")
    _refuse_control_characters(path, gdf)
    gdf.attrs["repaired"] = _repair(path, gdf, expect)
    gdf.attrs["warnings"] = notes + [f"{path.name}, feature {n}: an invalid geometry was repaired"
                                     for n in gdf.attrs["repaired"]]
    _check_crs_plausible(path, gdf)
    if not gdf.crs.is_geographic or gdf.crs.to_epsg() != 4326:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                gdf = gdf.to_crs(4326)
        except Exception as exc:  # pyproj: a CRS with no transformation to WGS 84
            raise DataError(path, None, f"its coordinate reference system {_crs_name(gdf.crs)} cannot be "
                                        f"converted to longitude/latitude ({_first_line(exc)})") from None
    bounds = gdf.total_bounds
    if not np.isfinite(bounds).all() or not (
            -180.5 <= bounds[0] and bounds[2] <= 180.5 and -90.5 <= bounds[1] and bounds[3] <= 90.5):
        raise DataError(path, None, "coordinates fall outside the globe; is the declared CRS right?")
    disk_cache.save_layer(cache_key, gdf)
    return gdf


# Geometry types GDAL reports per layer that can hold each kind.
_LAYER_TYPES = {"polygon": ("Polygon", "MultiPolygon", "Polygon Z", "MultiPolygon Z"),
                "line": ("LineString", "MultiLineString", "LineString Z", "MultiLineString Z"),
                "point": ("Point", "MultiPoint", "Point Z", "MultiPoint Z")}


def _choose_layer(path: Path, layers, expect: str | None, layer: str | None) -> str | None:
    """The layer to read: the one named, or the only one that can be meant; never a silent first pick.

    A GeoPackage holding this quarter's routes and last year's draft once gave the draft. Layers
    of another geometry kind (a table of notes, the boundaries beside the routes) do not compete.
    """
    names = [str(n) for n, _ in layers]
    if not names:
        raise DataError(path, None, "the file holds no layers, so no features")
    if layer is not None:
        if layer not in names:
            raise DataError(path, None, f"has no layer {layer!r}; its layers: {', '.join(names)}")
        return layer
    if len(names) == 1:
        return None
    fits = [str(n) for n, kind in layers if kind is not None and (
        expect is None or kind in _LAYER_TYPES[expect] or kind in ("Unknown", "Geometry", "GeometryCollection"))]
    if len(fits) == 1:
        return fits[0]
    candidates = [n for n in (fits or names) if _feature_count(path, n) != 0]  # empty KML folders do not compete
    if len(candidates) <= 1:
        return candidates[0] if candidates else (fits or names)[0]
    what = f"{expect} layers" if expect and fits else "layers"
    raise ChoiceNeeded(path, "layer", candidates, f"holds {len(candidates)} {what} ({', '.join(candidates)}): name the "
                                                  f"one to read after a '#', as {path.name}#<layer>")


def _feature_count(path: Path, layer: str) -> int | None:
    try:
        return _gdal().read_info(path, layer=layer)["features"]
    except Exception:  # the layer cannot even be counted: let the read say why
        return None


def _first(mask) -> int:
    """The 1-based number of the first True in ``mask``."""
    return int(np.asarray(mask).argmax()) + 1


def _refuse_unsafe(path: Path) -> None:
    """Refuse files that would make GDAL read other files, web addresses or run programs."""
    name = path.name.lower()
    if name.endswith((".vrt", ".gdalg.json")):
        raise DataError(path, None, "VRT and GDAL pipeline files are not accepted: they can point at other "
                                    "files or web addresses; export the layer as GeoPackage or GeoJSON")
    if path.is_dir():
        return
    if path.exists() and not path.is_file():  # a named pipe or device: reading it would block or never end
        raise DataError(path, None, "is not a regular file (a pipe, socket or device): save the layer to a file")
    if path.suffix.lower() not in VECTOR_SUFFIXES:
        raise DataError(path, None, f"{path.suffix or 'a file without a suffix'} is not a vector format "
                                    "Crossings reads: use GeoPackage, GeoJSON, Shapefile, KML, FlatGeobuf or GML")
    try:
        with path.open("rb") as f:
            head = f.read(4096).lower()
    except OSError as exc:
        raise DataError(path, None, f"cannot be read: {exc.strerror or exc}") from None
    for marker, what in _UNSAFE_CONTENT:
        if marker in head and not (marker == b"msrc" and not head.startswith(b"msrc")):
            raise DataError(path, None, f"holds {what}, which is not accepted: it can make the reader open "
                                        "other files or web addresses")
    if path.suffix.lower() in _JSON_SUFFIXES:
        _refuse_crs_links(path)
    if head.startswith(b"pk\x03\x04") and path.suffix.lower() in (".zip", ".kmz"):
        try:
            with zipfile.ZipFile(path) as z:
                names = [n.lower() for n in z.namelist()]
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise DataError(path, None, f"is not a readable zip archive ({_first_line(exc)})") from None
        bad = next((n for n in names if n.endswith((".vrt", ".gdalg.json", ".zip"))), None)
        if bad:
            raise DataError(path, None, f"the archive holds {bad!r}, which is not accepted: unzip it and "
                                        "open the layer itself")
        _check_zip_members(path)


_JSON_SUFFIXES = (".geojson", ".json", ".topojson", ".geojsonl", ".geojsons")
# A zipped layer is read whole by GDAL; what it unpacks to is limited like a workbook's.
MAX_ZIP_UNPACKED_BYTES = 250_000_000


def _check_zip_members(path: Path) -> None:
    """A zip's size once unpacked, and the 'crs' links of its GeoJSON members (GDAL would follow a
    link inside a zip as it does outside), scanned in chunks without unpacking the archive."""
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        unpacked = sum(i.file_size for i in infos)
        if unpacked > MAX_ZIP_UNPACKED_BYTES:
            raise DataError(path, None, f"unpacks to {unpacked / 1e6:,.0f} MB, over the "
                                        f"{MAX_ZIP_UNPACKED_BYTES // 1_000_000} MB a zipped layer may hold")
        for info in infos:
            if not info.filename.lower().endswith(_JSON_SUFFIXES):
                continue
            tail = b""
            with z.open(info) as member:
                while chunk := member.read(1 << 20):
                    if _CRS_LINK.search(tail + chunk):
                        raise DataError(path, info.filename, _CRS_LINK_MESSAGE)
                    tail = chunk[-4096:]


# A GeoJSON "crs" member (pre-RFC 7946) of type link or url, or named by a web address, makes GDAL
# fetch that address to learn the CRS: a mailed file would reach the network. OGC and EPSG names
# resolve locally and stay accepted.
_CRS_LINK = re.compile(
    rb'"crs"\s*:\s*\{\s*"type"\s*:\s*"(?:link|url)"'
    rb'|"crs"\s*:\s*\{[^{}]*"properties"\s*:\s*\{[^{}]*"(?:href|url)"'
    rb'|"crs"\s*:\s*\{[^{}]*"properties"\s*:\s*\{[^{}]*"name"\s*:\s*"(?!https?://www\.opengis\.net/)(?:https?|ftp)://',
    re.IGNORECASE)


def _refuse_crs_links(path: Path) -> None:
    try:
        with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
            found = _CRS_LINK.search(data)
    except ValueError:  # an empty file: GDAL says what is wrong with it
        return
    except OSError as exc:
        raise DataError(path, None, f"cannot be read: {exc.strerror or exc}") from None
    if found:
        raise DataError(path, None, _CRS_LINK_MESSAGE)


_CRS_LINK_MESSAGE = ("its 'crs' member points at a web address, which is not accepted: Crossings never follows links "
                     "in data files. Remove the member (GeoJSON is WGS84 lon/lat) or name the CRS, e.g. EPSG:4326")


def _refuse_control_characters(path: Path, gdf: gpd.GeoDataFrame) -> None:
    """Names and ids become map text (PNG, SVG, the web map): a control or bidi-override character in
    one is refused by feature and field, not left to break an export half-way through a set."""
    for col in gdf.columns:
        if col == gdf.geometry.name or not (gdf[col].dtype == object or pd.api.types.is_string_dtype(gdf[col])):
            continue
        for i, value in enumerate(gdf[col]):
            bad = forbidden_character(value) if isinstance(value, str) else None
            if bad:
                raise DataError(path, f"feature {i + 1}", f"field {col!r} holds the control character {bad}, "
                                                          "which no map text may carry")


def _check_shapefile_sizes(path: Path) -> None:
    """A .shp, .shx or .dbf shorter than its header says was cut off in a copy or download."""
    def part(ext: str) -> Path:
        p = path.with_suffix(ext)
        return p if p.exists() else path.with_suffix(ext.upper())

    for p in (path, part(".shx")):
        if not p.exists():
            continue
        with p.open("rb") as f:
            data = f.read(100)
        actual = p.stat().st_size
        if len(data) < 100 or struct.unpack(">i", data[:4])[0] != 9994:
            what = "too short to be" if actual < 100 else "not"
            raise DataError(path, None, f"the shapefile's {p.suffix.lower()} file is {what} a shapefile part "
                                        f"({actual:,} bytes); copy it again from its source")
        declared = struct.unpack(">i", data[24:28])[0] * 2
        if actual < declared:
            raise DataError(path, None, f"the shapefile's {p.suffix.lower()} file is truncated ({actual:,} of "
                                        f"{declared:,} bytes); copy it again from its source")
    dbf = part(".dbf")
    with dbf.open("rb") as f:
        head = f.read(12)
    actual = dbf.stat().st_size
    if len(head) < 12:
        raise DataError(path, None, f"the shapefile's .dbf file is truncated ({actual:,} bytes)")
    records, header_len, record_len = struct.unpack("<IHH", head[4:12])
    declared = header_len + records * record_len
    if actual < declared:
        raise DataError(path, None, f"the shapefile's .dbf file is truncated ({actual:,} of {declared:,} bytes); "
                                    "copy it again from its source")


def _broken_geometry(path: Path, layer: str | None, exc: BaseException) -> DataError:
    """The DataError for a geometry GEOS refuses to build, naming the first such feature."""
    reason = _first_line(exc).removeprefix("IllegalArgumentException: ")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wkb = _gdal().raw.read(path, layer=layer)[2]
        for i, blob in enumerate(wkb):
            try:
                shapely.from_wkb(blob)
            except shapely.errors.GEOSException:
                return DataError(path, f"feature {i + 1}", f"has a broken geometry ({reason}); fix or delete it")
    except Exception:
        pass
    return DataError(path, None, f"a feature has a broken geometry ({reason}); fix or delete it")


def _repair(path: Path, gdf: gpd.GeoDataFrame, expect: str | None) -> list[int]:
    """Make invalid geometries valid in place; refuse those that cannot be or change kind."""
    try:
        invalid = ~gdf.geometry.is_valid.to_numpy()
    except shapely.errors.GEOSException:
        invalid = np.ones(len(gdf), dtype=bool)
    repaired = []
    column = gdf.columns.get_loc(gdf.geometry.name)
    for i in np.flatnonzero(invalid):
        geom = gdf.geometry.iloc[i]
        try:
            reason = shapely.is_valid_reason(geom)
            if reason == "Valid Geometry":
                continue
            fixed = shapely.make_valid(geom)
        except shapely.errors.GEOSException as exc:
            raise DataError(path, f"feature {i + 1}", f"has a broken geometry that cannot be repaired "
                                                      f"({_first_line(exc)})") from None
        kind = expect or _kind_of(geom)
        if kind is not None:
            parts = [g for g in shapely.get_parts(fixed) if shapely.get_dimensions(g) == _DIMENSION[kind]]
            multi = {"point": shapely.multipoints, "line": shapely.multilinestrings,
                     "polygon": shapely.multipolygons}[kind]
            fixed = multi(parts) if len(parts) > 1 else (parts[0] if parts else None)
            if fixed is None or fixed.is_empty:
                what = {"line": "fewer than two distinct points", "polygon": "no area",
                        "point": "no point"}[kind]
                raise DataError(path, f"feature {i + 1}", f"is an invalid {kind} with {what} ({reason}); "
                                                          "fix or delete it")
        gdf.iat[i, column] = fixed
        repaired.append(int(i) + 1)
    return repaired


def _kind_of(geom) -> str | None:
    return next((k for k, types in _KINDS.items() if geom.geom_type in types), None)


def _check_crs_plausible(path: Path, gdf: gpd.GeoDataFrame) -> None:
    """Catch a layer in longitude/latitude that declares a projected CRS (it would land near 0°, 0°)."""
    crs = gdf.crs
    if crs.is_geographic:
        return
    x0, y0, x1, y1 = gdf.total_bounds
    if -180 <= x0 and x1 <= 180 and -90 <= y0 and y1 <= 90 and max(x1 - x0, y1 - y0) > 0.01:
        raise DataError(path, None, f"the layer declares the projected CRS {_crs_name(crs)}, but its coordinates "
                                    "look like longitude/latitude degrees; is the declared CRS right?")


def _crs_name(crs) -> str:
    epsg = crs.to_epsg()
    return f"EPSG:{epsg} ({crs.name})" if epsg else repr(crs.name)


def _read_failure(path: Path, exc: BaseException) -> str:
    text = _first_line(exc).replace(str(path.resolve()), path.name).replace(str(path), path.name)
    if "not recognized as" in text or "not recognised as" in text:
        if path.is_dir():
            return "is a folder that holds no vector layer Crossings can read"
        if path.suffix.lower() in (".geojson", ".json", ".topojson", ".geojsonl", ".geojsons"):
            return f"cannot be read: {_json_problem(path)}"
        return "cannot be read: it is not in a vector format Crossings knows (GeoPackage, GeoJSON, Shapefile, KML, …)"
    errors = _gdal().errors
    if isinstance(exc, (errors.DataSourceError, errors.DataLayerError, errors.FieldError)):
        return f"cannot be read as a vector layer ({text})"
    return f"cannot be read ({text})"


def _json_problem(path: Path) -> str:
    """Why a .geojson file is not GeoJSON: where its JSON breaks, or what it holds instead."""
    if path.stat().st_size > 20_000_000:
        return "it is not GeoJSON"
    try:
        data = json.loads(path.read_bytes())
    except RecursionError:
        return "its JSON is nested too deeply to be GeoJSON"
    except UnicodeDecodeError:
        return "it is not UTF-8 text, so not GeoJSON"
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError):
            return f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        return f"it is not valid JSON ({_first_line(exc)})"
    kind = data.get("type") if isinstance(data, dict) else None
    if isinstance(kind, str):
        return f"it is JSON, but not GeoJSON GDAL can read (type {kind!r})"
    return f"it is JSON ({type(data).__name__}), but not GeoJSON: expected an object with a \"type\" such as FeatureCollection"


def _encoding_for(path: Path) -> str | None:
    """Shapefiles without a .cpg are read as UTF-8 (what QGIS writes), not GDAL's Latin-1 guess."""
    if path.suffix.lower() == ".shp" and not path.with_suffix(".cpg").exists():
        return "utf-8"
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    line = text[0] if text else type(exc).__name__
    line = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in line)
    return line if len(line) <= 160 else line[:157] + "..."
