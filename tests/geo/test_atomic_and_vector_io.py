"""Atomic writes, and the messages for bad vector input."""

import shutil

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Point

from geo import paths
from geo.atomic import atomic_output
from geo.errors import DataError, ExportError
from geo.exports.vector import write_geojson
from geo.routes import read_routes
from geo.vector_io import read_vector


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "map.geojson"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.geojson"]


def test_write_into_missing_folder_is_an_export_error(tmp_path):
    gdf = gpd.GeoDataFrame({"a": [1]}, geometry=[Point(0, 0)], crs=4326)
    with pytest.raises(ExportError, match=r"folder .* does not exist"):
        write_geojson(gdf, tmp_path / "no" / "x.geojson")


def copy_shapefile(tmp_path, stem="routes"):
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        shutil.copy(paths.data_path("shapefiles", stem + ext), tmp_path / (stem + ext))
    return tmp_path / f"{stem}.shp"


@pytest.mark.parametrize("missing, message", [
    (".shx", "routes.shp: the shapefile's .shx file is missing"),
    (".dbf", "routes.shp: the shapefile's .dbf file is missing"),
    (".prj", "routes.shp: the layer has no coordinate reference system (its .prj file is missing)"),
])
def test_shapefile_missing_a_part(tmp_path, missing, message):
    shp = copy_shapefile(tmp_path)
    (tmp_path / f"routes{missing}").unlink()
    with pytest.raises(DataError) as err:
        read_vector(shp)
    assert str(err.value).startswith(message)


def test_wrong_geometry_kind_names_the_feature(tmp_path):
    f = tmp_path / "pts.geojson"
    gpd.GeoDataFrame({"route_id": ["A", "B"]}, geometry=[LineString([(0, 0), (1, 1)]), Point(1, 1)], crs=4326).to_file(f)
    with pytest.raises(DataError, match=r"pts.geojson, feature 2: is a Point; this layer needs lines"):
        read_routes(f)


def test_not_json_is_a_data_error(tmp_path):
    f = tmp_path / "broken.geojson"
    f.write_text("{ this is not json")
    with pytest.raises(DataError, match=r"broken\.geojson: cannot be read"):
        read_vector(f)


def routes_file(tmp_path, ids, parents):
    f = tmp_path / "r.geojson"
    gpd.GeoDataFrame({"route_id": ids, "parent": parents},
                     geometry=[LineString([(i, 0), (i, 1)]) for i in range(len(ids))], crs=4326).to_file(f)
    return f


def test_route_ids_must_be_unique_and_parents_must_exist(tmp_path):
    with pytest.raises(DataError, match=r"r.geojson, features 1 and 3: share the route_id 'A'"):
        read_routes(routes_file(tmp_path, ["A", "B", "A"], ["", "", ""]))
    with pytest.raises(DataError, match=r"feature 2 \(B\): names parent 'Q', which is not a route_id here"):
        read_routes(routes_file(tmp_path, ["A", "B"], ["", "Q"]))
    with pytest.raises(DataError, match="its parents form a loop"):
        read_routes(routes_file(tmp_path, ["A", "B"], ["B", "A"]))


def test_layer_in_another_crs_is_brought_to_lonlat(tmp_path):
    f = tmp_path / "m.gpkg"
    gdf = gpd.GeoDataFrame({"route_id": ["A"]}, geometry=[LineString([(0, 30), (10, 35)])], crs=4326)
    gdf.to_crs(3857).to_file(f)
    back = read_routes(f)
    assert back.crs.to_epsg() == 4326
    assert back.geometry.iloc[0].coords[0] == pytest.approx((0, 30))
