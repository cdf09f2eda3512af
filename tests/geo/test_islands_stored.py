"""The islands of a boundaries layer, kept in the cache folder, are exactly the islands found afresh;
a damaged file is found again, and another layer never meets them."""

import numpy as np
import pytest
import shapely

from geo import disk_cache
from geo.document import MapDocument
from geo.islands import island_table, stored_island_table


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(disk_cache.CACHE_DIR_ENV, str(tmp_path))
    return tmp_path


@pytest.fixture(scope="module")
def countries():
    return MapDocument.from_files().layer("boundaries").data


def _same(a, b) -> None:
    assert len(a.outlines) == len(b.outlines) > 20
    assert shapely.equals_exact(a.outlines, b.outlines, tolerance=0.0).all()
    for name in ("area_km2", "group", "row"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name


def test_the_stored_islands_are_the_islands_found_afresh(cache, countries):
    fresh = island_table(countries.geometry.to_numpy())
    first = stored_island_table(countries)
    files = list((cache / "islands").iterdir())
    assert len(files) == 1
    again = stored_island_table(countries)  # read back from the file
    _same(first, fresh)
    _same(again, fresh)
    # Malta (a country of one island, which the Libya arrowhead reaches) is among them, by its row
    (malta,) = np.flatnonzero((countries["name"] == "Malta").to_numpy())
    assert malta in set(again.row.tolist())


def test_a_damaged_file_is_found_again_and_rewritten(cache, countries):
    fresh = stored_island_table(countries)
    (path,) = (cache / "islands").iterdir()
    path.write_bytes(path.read_bytes()[:200])
    _same(stored_island_table(countries), fresh)
    assert path.stat().st_size > 200


def test_an_edited_layer_never_meets_the_islands_of_the_original(cache, countries):
    stored_island_table(countries)
    edited = countries.copy()
    malta = edited.index[edited["name"] == "Malta"]
    edited.loc[malta, "geometry"] = edited.loc[malta, "geometry"].translate(0.0, 0.5)
    moved = stored_island_table(edited)
    _same(moved, island_table(edited.geometry.to_numpy()))
    assert len(list((cache / "islands").iterdir())) == 2
