"""CSV with lat/lon columns -> point layer, with messages naming the row and column."""

import pytest

from geo.errors import DataError
from geo.point_layers import looks_like_point_csv, read_point_csv


def write(tmp_path, text, name="offices.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_text(text, encoding=encoding)
    return p


def test_reads_points_with_attributes(tmp_path):
    p = write(tmp_path, "name,Latitude,Longitude,type\nUNHCR Tripoli,32.89,13.19,office\nLampedusa hotspot,35.50,12.60,dp\n")
    gdf = read_point_csv(p)
    assert looks_like_point_csv(p)
    assert list(gdf["name"]) == ["UNHCR Tripoli", "Lampedusa hotspot"]
    assert gdf.crs.to_epsg() == 4326
    assert (gdf.geometry.x.round(2).tolist(), gdf.geometry.y.round(2).tolist()) == ([13.19, 12.6], [32.89, 35.5])
    assert "type" in gdf.columns and "Latitude" not in gdf.columns


def test_semicolons_decimal_commas_and_windows_1252(tmp_path):
    p = write(tmp_path, "nom;lat;lon\nOran bureau régional;35,70;-0,63\n", encoding="cp1252")
    gdf = read_point_csv(p)
    assert gdf["name"].iloc[0] == "Oran bureau régional"
    assert gdf.geometry.x.iloc[0] == pytest.approx(-0.63)


@pytest.mark.parametrize("text,where,what", [
    ("name,lat,lon\nA,32.1,13\nB,abc,13\n", "row 3, column 'lat'", "not a number"),
    ("name,lat,lon\nA,,13\n", "row 2, column 'lat'", "is empty"),
    ("name,lat,lon\nA,13.2,95.0\nB,95,13\n", "row 3, column 'lat'", "swapped"),
    ("name,north,east\nA,1,2\n", "row 1", "no latitude column"),
])
def test_errors_name_file_row_and_column(tmp_path, text, where, what):
    p = write(tmp_path, text)
    with pytest.raises(DataError) as err:
        read_point_csv(p)
    assert where in str(err.value) and what in str(err.value) and "offices.csv" in str(err.value)


def test_figures_file_is_not_a_point_csv(flows_csv):
    assert not looks_like_point_csv(flows_csv)


@pytest.mark.parametrize("data,what", [
    (b"name,lat,lon\nA,\x81\x8d,13\n", "not a number"),  # bytes neither UTF-8 nor cp1252
    (b"name,lat,lon\n" + b'"' + b"x" * 200_000 + b'",1,2\n', "not readable CSV"),  # past csv's field limit
    (b"\x00\x01PK\x03\x04", "binary"),
    (b"na\nme,north\n1,2\n", "no latitude column"),
])
def test_odd_files_are_refused_on_one_line(tmp_path, data, what):
    p = tmp_path / "odd.csv"
    p.write_bytes(data)
    assert looks_like_point_csv(p) is (b"lat,lon" in data)  # sniffing never raises
    with pytest.raises(DataError) as err:
        read_point_csv(p)
    text = str(err.value)
    assert what in text and "\n" not in text and text.startswith("odd.csv")
