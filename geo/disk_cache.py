"""Prepared data kept between processes: layers as read and checked, basemaps as projected and simplified.

A cold ``crossings render`` of the default map read three shapefiles through GDAL (importing it
costs 30 MB and ~25 ms) and projected and simplified 107,000 country vertices (~75 ms) to draw the
same basemap as the run before. Both results depend only on their inputs, so they are kept in the
user's cache folder and found again by a digest of everything they depend on:

- a layer read by ``geo.vector_io.read_vector``: the bytes of the file and of every file beside
  it that shares its name (a shapefile's .shx, .dbf, .prj, .cpg; a GeoPackage's -wal), the layer
  and geometry kind asked for;
- a basemap: the layer's lon/lat geometry itself (so a layer edited in memory never meets a stale
  basemap), its CRS, the target CRS and the simplification tolerance;
- for both, the library versions (GEOS, PROJ, pandas…) and the source of the code that makes them,
  so an upgrade or an edit of that code is a miss, not a wrong map.

A file is a JSON table of contents followed by raw arrays of booleans, integers and floats, read
with ``numpy.frombuffer`` and nothing else: geometry is stored as WKB, text as UTF-8, and there is no
way to store an object, so a damaged or planted file can at worst fail to load, never run code (no
pickle, and not ``numpy.load``, which the security tests keep out of geo/ and gui/). Any failure to
load is a miss: the caller computes the value and writes the file again. Writes go
through geo.atomic (a temporary renamed into place), so no process ever reads half a file, and a
write that fails (read-only home, full disk) is skipped: a cache must never break a render.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import struct
import sys
from pathlib import Path

import numpy as np
import shapely

# Points the cache somewhere else (tests use a temporary folder); set but empty turns it off.
CACHE_DIR_ENV = "CROSSINGS_CACHE_DIR"
# Files and bytes kept per kind of entry; the least recently used beyond either are removed when one
# is written (the default map's layers and basemap take 2.6 MB).
MAX_ENTRIES = 48
MAX_KIND_BYTES = 512 << 20
# Sources larger than this (all parts together) are not cached: hashing them would cost more than
# a cold render saves, and such layers are not what a cold process draws by default.
MAX_SOURCE_BYTES = 64 << 20
# A cache file larger than this is not what Crossings writes (a planted file): not opened.
MAX_FILE_BYTES = 256 << 20
# The first bytes of every cache file, with the format's version.
MAGIC = b"CROSSINGS-CACHE1"
SUFFIX = ".bin"
# The only array types a cache file holds: booleans, integers and floats (numpy's dtype strings).
_DTYPE = re.compile(r"[<>|][biuf][1248]")

_GEOMETRY = "__geometry__"
# Settings a user's environment can give GDAL's drivers that change what a file reads as
# (SHAPE_ENCODING…); not GDAL_/CPL_ ones, which pyogrio itself sets on import (a CA bundle).
_GDAL_ENV = ("SHAPE_", "OGR_", "GML_", "GPKG_", "CSV_", "DXF_")


def cache_dir() -> Path | None:
    """The per-user folder for prepared data, or None when caching is turned off.

    ``CROSSINGS_CACHE_DIR`` wins; otherwise the platform's convention: ``%LOCALAPPDATA%`` on Windows,
    ``~/Library/Caches`` on macOS, ``$XDG_CACHE_HOME`` (if absolute) or ``~/.cache`` elsewhere.
    """
    env = os.environ.get(CACHE_DIR_ENV)
    if env is not None:
        return Path(env).expanduser() if env.strip() else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "Crossings" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "Crossings"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache") / "crossings"


@functools.lru_cache(maxsize=8)
def code_version(*modules: str) -> str:
    """A digest of the source of ``modules`` and of this one, with the libraries' versions: what
    makes a cached value. A frozen bundle has no sources: its executable's size and date stand in."""
    import pandas
    import pyproj

    h = hashlib.blake2b(digest_size=16)
    h.update(f"{sys.version}|{np.__version__}|{pandas.__version__}|{shapely.__version__}|"
             f"{shapely.geos_version_string}|{pyproj.__version__}|{pyproj.proj_version_str}".encode())
    for name in (__name__, *modules):
        try:
            h.update(Path(sys.modules[name].__file__).read_bytes())
        except (KeyError, TypeError, OSError):
            info = os.stat(sys.executable)
            h.update(f"{name}|{sys.executable}|{info.st_size}|{info.st_mtime_ns}".encode())
    return h.hexdigest()


def _digest(*parts: object) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(part if isinstance(part, bytes) else repr(part).encode())
        h.update(b"\x00")
    return h.hexdigest()


def _file(kind: str, key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / kind / f"{key}{SUFFIX}"


def load(kind: str, key: str | None) -> dict[str, np.ndarray] | None:
    """The arrays stored under ``key``, or None if there are none or they cannot be read."""
    path = _file(kind, key) if key else None
    if path is None:
        return None
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        arrays = read_arrays(path.read_bytes())
    except Exception:  # missing, truncated, foreign: a miss, recomputed
        return None
    with contextlib.suppress(OSError):  # recently used: kept when older entries are removed
        os.utime(path)
    return arrays


def save(kind: str, key: str | None, arrays: dict[str, np.ndarray]) -> None:
    """Store ``arrays`` under ``key`` atomically; a failure (read-only, disk full) is ignored."""
    from geo.atomic import atomic_output
    from geo.errors import ExportError

    path = _file(kind, key) if key else None
    if path is None:
        return
    with contextlib.suppress(OSError, ExportError, ValueError):  # read-only, full, a foreign dtype: not stored
        data = write_arrays(arrays)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with atomic_output(path, alone=True) as tmp:
            tmp.write_bytes(data)
        _prune(path.parent)


def _prune(folder: Path) -> None:
    """Keep the most recently used files of one kind: at most MAX_ENTRIES and MAX_KIND_BYTES."""
    entries = []
    for entry in os.scandir(folder):
        if entry.name.endswith(SUFFIX) and not entry.name.startswith(".") and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                info = entry.stat()
                entries.append((info.st_mtime_ns, info.st_size, entry.path))
    kept = total = 0
    for _, size, path in sorted(entries, reverse=True):  # newest first
        kept, total = kept + 1, total + size
        if kept > MAX_ENTRIES or (total > MAX_KIND_BYTES and kept > 1):
            with contextlib.suppress(OSError):
                os.unlink(path)


def write_arrays(arrays: dict[str, np.ndarray]) -> bytes:
    """The file: MAGIC, the length of the table of contents, the table (JSON: name -> dtype, shape,
    offset), then each array's bytes."""
    table, parts, offset = {}, [], 0
    for name, array in arrays.items():
        array = np.ascontiguousarray(array)
        if not _DTYPE.fullmatch(array.dtype.str):
            raise ValueError(f"{name}: a cache file holds only booleans, integers and floats")
        table[name] = [array.dtype.str, list(array.shape), offset]
        parts.append(array.tobytes())
        offset += array.nbytes
    head = json.dumps(table).encode()
    return b"".join([MAGIC, struct.pack("<Q", len(head)), head, *parts])


def read_arrays(data: bytes) -> dict[str, np.ndarray]:
    """The arrays of a file :func:`write_arrays` made (read-only views of ``data``); ValueError for
    anything else."""
    if not data.startswith(MAGIC):
        raise ValueError("not a Crossings cache file")
    (size,) = struct.unpack_from("<Q", data, len(MAGIC))
    start = len(MAGIC) + 8
    table = json.loads(data[start:start + size])
    body = start + size
    arrays = {}
    for name, (dtype, shape, offset) in table.items():
        if not (isinstance(dtype, str) and _DTYPE.fullmatch(dtype) and isinstance(offset, int) and offset >= 0
                and all(isinstance(n, int) and n >= 0 for n in shape)):
            raise ValueError(f"{name}: not an array of booleans, integers or floats")
        count = int(np.prod(shape, dtype=np.int64))
        arrays[name] = np.frombuffer(data, np.dtype(dtype), count=count, offset=body + offset).reshape(shape)
    return arrays


# -- packing: bytes as one buffer and offsets, geometry as WKB ------------------------------------
def _pack_blobs(items: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    offsets = np.zeros(len(items) + 1, np.int64)
    np.cumsum([len(b) for b in items], out=offsets[1:])
    return np.frombuffer(b"".join(items), np.uint8), offsets


def _unpack_blobs(buffer: np.ndarray, offsets: np.ndarray) -> list[bytes]:
    if buffer.dtype != np.uint8 or offsets.dtype != np.int64 or buffer.ndim != 1 or offsets.ndim != 1:
        raise ValueError("not a packed list of bytes")
    if len(offsets) == 0 or offsets[0] != 0 or offsets[-1] != len(buffer) or (np.diff(offsets) < 0).any():
        raise ValueError("offsets do not match the buffer")
    data = buffer.tobytes()
    return [data[a:b] for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True)]


@functools.cache
def _wkb_dimensions() -> int:
    """4 (x, y, z and m) where shapely writes measures (2.1 and later), else 3."""
    try:
        shapely.to_wkb(shapely.Point(0, 0), output_dimension=4)
        return 4
    except (ValueError, TypeError, shapely.errors.GEOSException):
        return 3


def _wkb(geoms: np.ndarray) -> np.ndarray:
    return shapely.to_wkb(geoms, output_dimension=_wkb_dimensions())


def pack_geometries(geoms: np.ndarray, name: str = _GEOMETRY) -> dict[str, np.ndarray]:
    """Geometries as WKB in one buffer (exact: WKB keeps every float64 as it is); missing ones masked."""
    missing = shapely.is_missing(geoms)
    wkb = _wkb(np.where(missing, shapely.Point(), geoms))
    buffer, offsets = _pack_blobs(list(wkb))
    return {f"{name}.wkb": buffer, f"{name}.offsets": offsets, f"{name}.missing": missing}


def unpack_geometries(arrays: dict[str, np.ndarray], name: str = _GEOMETRY) -> np.ndarray:
    geoms = shapely.from_wkb(_unpack_blobs(arrays[f"{name}.wkb"], arrays[f"{name}.offsets"]))
    missing = arrays[f"{name}.missing"]
    if missing.dtype != bool or missing.shape != geoms.shape:
        raise ValueError("the mask does not match the geometries")
    geoms[missing] = None
    return geoms


def key_for(kind: str, *parts: object) -> str | None:
    """The key of a value of ``kind`` made from ``parts`` (digested), or None when caching is off."""
    return _digest(kind, *parts) if cache_dir() is not None else None


def geometry_digest(gdf) -> str:
    """A digest of a layer's geometry (as WKB) and CRS: what is made from it (the basemap, its islands)
    is keyed by this, so no edit of the layer can meet a value prepared before it (~5 ms for the 1:10m
    countries; not remembered per frame, as a layer may be edited in place)."""
    h = hashlib.blake2b(digest_size=20)
    for blob in _wkb(gdf.geometry.to_numpy()):
        h.update(b"-" if blob is None else blob)
    h.update(str(gdf.crs.to_wkt() if gdf.crs is not None else None).encode())
    return h.hexdigest()


def geometries(kind: str, parts, count: int, compute) -> np.ndarray:
    """``count`` geometries prepared by ``compute()`` and kept under a digest of what ``parts()``
    returns (called only when caching is on): read back when present and whole, else computed
    and stored."""
    key = _digest(kind, *parts()) if cache_dir() is not None else None
    arrays = load(kind, key)
    if arrays is not None:
        try:
            geoms = unpack_geometries(arrays)
            if len(geoms) == count:
                return geoms
        except Exception:  # damaged: recomputed and written again below
            pass
    geoms = compute()
    if key is not None:
        save(kind, key, pack_geometries(geoms))
    return geoms


# -- layers as geo.vector_io.read_vector returns them ---------------------------------------------
def layer_key(path: Path, expect: str | None, layer: str | None, limits: tuple = ()) -> str | None:
    """The key of a layer read from ``path``: a digest of the bytes of the file and of every file
    beside it that shares its name, and of the ``limits`` the read checked it against (a layer
    accepted under a higher limit must be refused under a lower one); None (not cached) for
    folders, large sources or no cache."""
    if cache_dir() is None or not path.is_file():
        return None
    stem, name = path.stem.lower() + ".", path.name.lower()
    parts = []
    try:
        for entry in os.scandir(path.parent):
            low = entry.name.lower()
            if (low == name or low.startswith(stem)) and entry.is_file():
                parts.append((entry.name, entry.stat().st_size, entry.path))
        if not parts or sum(size for _, size, _ in parts) > MAX_SOURCE_BYTES:
            return None
        h = hashlib.blake2b(digest_size=20)
        for part_name, _, part_path in sorted(parts):
            h.update(part_name.encode() + b"\x00" + Path(part_path).read_bytes() + b"\x00")
    except OSError:
        return None
    gdal_env = sorted((k, v) for k, v in os.environ.items() if k.startswith(_GDAL_ENV))  # e.g. SHAPE_ENCODING
    return _digest("layer", h.hexdigest(), str(path), expect, layer, gdal_env, list(limits),
                   code_version("geo.vector_io"))


def save_layer(key: str | None, gdf) -> None:
    """Store a layer read and checked; one whose columns would not come back exactly is not stored."""
    if key is None:
        return
    try:
        arrays = _pack_frame(gdf)
        same = arrays is not None and _same_frame(_unpack_frame(arrays), gdf)
    except Exception:  # a layer this packing does not foresee: read with GDAL each time, as before
        return
    if same:
        save("layers", key, arrays)


def load_layer(key: str | None):
    """The layer stored under ``key`` (a new GeoDataFrame each time), or None."""
    arrays = load("layers", key)
    if arrays is None:
        return None
    try:
        return _unpack_frame(arrays)
    except Exception:  # damaged or foreign: read the file again (and store it again)
        return None


def _pack_frame(gdf) -> dict[str, np.ndarray] | None:
    """Columns as plain arrays (numbers, booleans, text as UTF-8) with their dtypes, the geometry as
    WKB, the CRS and attrs as JSON; None for anything else (dates, categories, a non-default index)."""
    import pandas as pd

    if not isinstance(gdf.index, pd.RangeIndex) or gdf.index.start != 0 or gdf.index.step != 1:
        return None
    geometry = gdf.geometry.name
    meta = {"columns": [], "geometry": geometry, "attrs": gdf.attrs,
            "crs": None if gdf.crs is None else (gdf.crs.srs or gdf.crs.to_wkt())}
    arrays: dict[str, np.ndarray] = {}
    for i, column in enumerate(gdf.columns):
        if not isinstance(column, str):
            return None
        if column == geometry:
            meta["columns"].append([column, "geometry"])
            continue
        series = gdf[column]
        dtype = series.dtype
        if isinstance(dtype, np.dtype) and dtype.kind in "biuf":  # not pandas' nullable Int64 and the like
            arrays[f"c{i}"] = series.to_numpy()
        elif dtype.kind == "O" or pd.api.types.is_string_dtype(dtype):
            missing = series.isna().to_numpy()
            values = series.to_numpy(dtype=object)
            if not all(isinstance(v, str) for v in values[~missing]):
                return None
            buffer, offsets = _pack_blobs([b"" if m else v.encode("utf-8", "surrogatepass")
                                           for v, m in zip(values, missing, strict=True)])
            arrays[f"c{i}.utf8"], arrays[f"c{i}.offsets"], arrays[f"c{i}.missing"] = buffer, offsets, missing
        else:
            return None
        meta["columns"].append([column, str(dtype)])
    try:
        arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), np.uint8)
    except (TypeError, ValueError):  # attrs holding something JSON cannot say
        return None
    arrays.update(pack_geometries(gdf.geometry.to_numpy()))
    return arrays


def _unpack_frame(arrays: dict[str, np.ndarray]):
    import geopandas as gpd
    import pandas as pd

    meta = json.loads(arrays["meta"].tobytes())
    geoms = unpack_geometries(arrays)
    n = len(geoms)
    data = {}
    for i, (column, dtype) in enumerate(meta["columns"]):
        if dtype == "geometry":
            data[column] = gpd.GeoSeries(geoms)
            continue
        if f"c{i}" in arrays:
            values = arrays[f"c{i}"]
            if values.dtype.kind not in "biuf" or values.shape != (n,):
                raise ValueError(f"column {column!r} is not numbers")
            data[column] = pd.Series(values.copy(), dtype=dtype)  # writable: callers may edit the layer
        else:
            missing = arrays[f"c{i}.missing"]
            texts = _unpack_blobs(arrays[f"c{i}.utf8"], arrays[f"c{i}.offsets"])
            if len(texts) != n or missing.shape != (n,) or missing.dtype != bool:
                raise ValueError(f"column {column!r} has the wrong length")
            data[column] = pd.Series([None if m else t.decode("utf-8", "surrogatepass")
                                      for t, m in zip(texts, missing.tolist(), strict=True)], dtype=dtype)
    gdf = gpd.GeoDataFrame(data, geometry=meta["geometry"], crs=meta["crs"])
    gdf.attrs.update(meta["attrs"])
    return gdf


def _same_frame(a, b) -> bool:
    return (list(a.columns) == list(b.columns) and list(a.dtypes) == list(b.dtypes) and a.crs == b.crs
            and a.attrs == b.attrs and a.drop(columns=a.geometry.name).equals(b.drop(columns=b.geometry.name))
            and list(_wkb(a.geometry.to_numpy())) == list(_wkb(b.geometry.to_numpy())))
