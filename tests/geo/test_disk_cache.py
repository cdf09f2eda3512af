"""Prepared layers and basemaps kept between processes (geo/disk_cache.py): found again without GDAL,
projection or simplification; read again from the source when damaged, planted or out of date; never
run as code; and never able to break a read or an export."""

import io
import json
import os
import pickle
import shutil
import struct

import numpy as np
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal

from geo import disk_cache, paths
from geo.atomic import atomic_output, output_set
from geo.document import MapDocument
from geo.vector_io import read_vector

# A level of detail of the bundled countries (metres per pixel; half of it is the tolerance).
UNITS_PER_PX = 1_000.0


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(disk_cache.CACHE_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def countries(tmp_path):
    """A copy of the bundled countries with every part of the shapefile, which a test may change."""
    out = tmp_path / "data"
    out.mkdir()
    src = paths.default_countries()
    for part in src.parent.glob(f"{src.stem}.*"):
        shutil.copy(part, out / part.name)
    return out / src.name


def entries(cache, kind="*"):
    """The cache files in place (not a temporary waiting to be renamed, which starts with a dot)."""
    return sorted(p for p in cache.glob(f"{kind}/*{disk_cache.SUFFIX}") if not p.name.startswith("."))


def refuse(*args, **kwargs):
    raise AssertionError("computed again instead of read from the cache")


def boundaries(doc):
    return doc.simplified(doc.layer("boundaries"), UNITS_PER_PX)


def same_layer(a, b):
    assert_geodataframe_equal(a, b, check_less_precise=False)
    assert a.attrs == b.attrs
    assert list(shapely.to_wkb(a.geometry.to_numpy())) == list(shapely.to_wkb(b.geometry.to_numpy()))


def same_geometry(a, b):
    assert list(a.index) == list(b.index) and a.crs == b.crs
    assert list(shapely.to_wkb(a.to_numpy())) == list(shapely.to_wkb(b.to_numpy()))


@pytest.mark.parametrize("path, kind", [(paths.default_countries(), "polygon"), (paths.default_routes(), "line"),
                                        (paths.default_places(), "point")])
def test_a_layer_read_before_comes_back_identical_without_gdal(cache, monkeypatch, path, kind):
    monkeypatch.setenv(disk_cache.CACHE_DIR_ENV, "")  # off: what the reader itself returns
    fresh = read_vector(path, expect=kind)
    monkeypatch.setenv(disk_cache.CACHE_DIR_ENV, str(cache))
    same_layer(read_vector(path, expect=kind), fresh)  # read with GDAL, and stored
    assert len(entries(cache, "layers")) == 1
    monkeypatch.setattr("geo.vector_io._gdal", refuse)
    again = read_vector(path, expect=kind)
    same_layer(again, fresh)
    again.attrs["warnings"].append("changed by a caller")  # a new frame each time: callers may change it
    assert read_vector(path, expect=kind).attrs == fresh.attrs


def test_a_second_document_finds_the_basemap_without_projecting_or_simplifying(cache, monkeypatch):
    first = boundaries(MapDocument.from_files())
    assert len(entries(cache, "basemap")) == 1
    doc = MapDocument.from_files()
    monkeypatch.setattr("geo.document_geometry.to_crs", refuse)
    monkeypatch.setattr(shapely, "simplify", refuse)
    same_geometry(boundaries(doc), first)


def test_the_cached_basemap_is_the_one_computed_without_a_cache(cache, monkeypatch):
    cached = boundaries(MapDocument.from_files())
    cached_again = boundaries(MapDocument.from_files())
    monkeypatch.setenv(disk_cache.CACHE_DIR_ENV, "")
    same_geometry(boundaries(MapDocument.from_files()), cached)
    same_geometry(cached_again, cached)


def _damage(path, how):
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "garbage":
        path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 40)
    elif how == "garbage after the mark":
        path.write_bytes(disk_cache.MAGIC + bytes(range(256)) * 40)
    else:  # a readable file whose arrays do not fit together
        arrays = dict(disk_cache.read_arrays(data))
        arrays["__geometry__.offsets"] = arrays["__geometry__.offsets"][::-1].copy()
        path.write_bytes(disk_cache.write_arrays(arrays))


@pytest.mark.parametrize("how", ["truncated", "empty", "garbage", "garbage after the mark", "inconsistent"])
def test_a_damaged_cache_file_is_read_again_from_the_source_and_replaced(cache, countries, how):
    layer = read_vector(countries, expect="polygon")
    basemap = boundaries(MapDocument.from_files(countries))
    files = entries(cache)
    assert {f.parent.name for f in files} == {"layers", "basemap"}
    for f in files:
        _damage(f, how)
    damaged = {f: f.read_bytes() for f in files}
    same_layer(read_vector(countries, expect="polygon"), layer)
    same_geometry(boundaries(MapDocument.from_files(countries)), basemap)
    for f in files:  # written again, whole
        assert f.read_bytes() != damaged[f]
        assert disk_cache.read_arrays(f.read_bytes())


class _Planted:
    """An object whose unpickling creates a file: what a planted cache file could run."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _planted(how, marker):
    payload = pickle.dumps(_Planted(marker))
    if how == "pickle":
        return payload
    if how == "npz with objects":  # numpy's own format, which numpy.load would unpickle if allowed
        out = io.BytesIO()
        np.savez(out, meta=np.array([_Planted(marker)], dtype=object))
        return out.getvalue()
    # the cache's own format, its table of contents naming an object array holding the pickle
    table = json.dumps({"meta": ["|O", [1], 0], "__geometry__.wkb": ["|O", [1], 0]}).encode()
    return disk_cache.MAGIC + struct.pack("<Q", len(table)) + table + payload


@pytest.mark.parametrize("how", ["pickle", "npz with objects", "object array in the table"])
def test_a_planted_cache_file_never_runs_code(cache, countries, tmp_path, how):
    layer = read_vector(countries, expect="polygon")
    basemap = boundaries(MapDocument.from_files(countries))
    marker = tmp_path / "code-ran"
    pickle.loads(_planted("pickle", marker))  # the payload does run when unpickled
    assert marker.exists()
    marker.unlink()
    for f in entries(cache):  # the right names, holding code
        f.write_bytes(_planted(how, marker))
    same_layer(read_vector(countries, expect="polygon"), layer)
    same_geometry(boundaries(MapDocument.from_files(countries)), basemap)
    assert not marker.exists()
    assert all(f.read_bytes().startswith(disk_cache.MAGIC) for f in entries(cache))  # replaced


def test_a_changed_source_file_is_read_again(cache, countries, monkeypatch):
    before = read_vector(countries, expect="polygon")
    dbf = countries.with_suffix(".dbf")
    data = dbf.read_bytes()
    assert data.count(b"Morocco") >= 1
    dbf.write_bytes(data.replace(b"Morocco", b"Marokko"))  # same length: only the content differs
    after = read_vector(countries, expect="polygon")
    assert "Marokko" in set(after["name"]) and "Morocco" in set(before["name"])
    countries.with_suffix(".cpg").unlink()  # a sidecar gone changes how the file reads: a new key too
    monkeypatch.setattr("geo.vector_io._gdal", refuse)
    with pytest.raises(AssertionError, match="computed again"):
        read_vector(countries, expect="polygon")


def test_another_crs_or_an_edited_layer_is_prepared_again(cache, monkeypatch):
    import geo.document_geometry

    calls = []
    real = geo.document_geometry.to_crs
    monkeypatch.setattr("geo.document_geometry.to_crs", lambda gdf, crs: calls.append(crs) or real(gdf, crs))
    doc = MapDocument.from_files()
    first = boundaries(doc)
    assert len(calls) == 1
    boundaries(MapDocument.from_files())
    assert len(calls) == 1  # the cache
    doc.crs = "EPSG:3035"
    other = boundaries(doc)
    assert calls[-1] == "EPSG:3035" and len(calls) == 2
    doc.crs = geo.document.DEFAULT_CRS
    layer = doc.layer("boundaries")
    layer.data.loc[0, "geometry"] = shapely.affinity.translate(layer.data.geometry.iloc[0], 0.5, 0.0)
    doc.layer_changed(layer)
    moved = boundaries(doc)
    assert len(calls) == 3
    assert not shapely.equals_exact(moved.iloc[0], first.iloc[0], 0.0)
    assert not shapely.equals_exact(other.iloc[0], first.iloc[0], 0.0)


def test_a_cache_that_cannot_be_written_never_breaks_a_read(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv(disk_cache.CACHE_DIR_ENV, str(blocker / "cache"))
    fresh = read_vector(paths.default_routes(), expect="line")
    assert len(boundaries(MapDocument.from_files())) > 100
    assert len(fresh) > 0


def test_cache_files_land_at_once_inside_an_export_set(cache, tmp_path):
    """An export writes its files inside output_set, where renames wait for the whole set; a cache
    file written mid-render is not part of the export and must neither wait nor fail it."""
    target = tmp_path / "map.txt"
    with output_set():
        with atomic_output(target) as tmp:
            tmp.write_text("map")
        boundaries(MapDocument.from_files())
        assert entries(cache, "basemap")  # already in place
        assert not target.exists()  # the export's own file waits for the set
    assert target.read_text() == "map"


def test_the_cache_folder_follows_the_platform_and_the_override(monkeypatch, tmp_path):
    monkeypatch.delenv(disk_cache.CACHE_DIR_ENV, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert disk_cache.cache_dir() == tmp_path / "xdg" / "crossings"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert disk_cache.cache_dir().parent.name == ".cache"
    monkeypatch.setenv(disk_cache.CACHE_DIR_ENV, "")
    assert disk_cache.cache_dir() is None
    monkeypatch.setenv(disk_cache.CACHE_DIR_ENV, str(tmp_path / "mine"))
    assert disk_cache.cache_dir() == tmp_path / "mine"


def test_old_entries_are_removed_beyond_the_limit(cache, monkeypatch):
    monkeypatch.setattr(disk_cache, "MAX_ENTRIES", 3)
    for i in range(6):
        disk_cache.save("basemap", f"k{i}", {"x": np.arange(i + 1)})
    assert len(entries(cache, "basemap")) == 3
    assert disk_cache.load("basemap", "k5")["x"].tolist() == list(range(6))


def test_entries_beyond_the_byte_limit_are_removed_oldest_first(cache, monkeypatch):
    monkeypatch.setattr(disk_cache, "MAX_KIND_BYTES", 3 * 8_200)
    for i in range(5):
        disk_cache.save("basemap", f"k{i}", {"x": np.zeros(1_000)})  # ~8.1 kB a file
        os.utime(cache / "basemap" / f"k{i}{disk_cache.SUFFIX}", ns=(i * 10**9, i * 10**9))
    assert [p.stem for p in entries(cache, "basemap")] == ["k2", "k3", "k4"]


def test_geometries_come_back_exactly_with_z_m_empty_and_missing():
    geoms = np.array([shapely.from_wkt("POINT ZM (1 2 3 4)"), None, shapely.from_wkt("LINESTRING Z (0 0 1, 1 1 2)"),
                      shapely.from_wkt("POLYGON EMPTY"), shapely.from_wkt("GEOMETRYCOLLECTION (POINT (1 1))"),
                      shapely.Point(0.1 + 0.2, 1 / 3)], dtype=object)
    back = disk_cache.unpack_geometries(disk_cache.read_arrays(disk_cache.write_arrays(disk_cache.pack_geometries(geoms))))
    assert back[1] is None
    keep = [0, 2, 3, 4, 5]
    assert [g.wkt for g in back[keep]] == [g.wkt for g in geoms[keep]]
    assert shapely.get_coordinates(back[5]).tolist() == [[0.1 + 0.2, 1 / 3]]  # every float64 bit kept
