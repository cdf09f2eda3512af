"""Property-based tests: whatever a file holds, the loaders raise nothing but the project's own error.

Each loader gets arbitrary bytes and, more usefully, input that is structured but wrong: CSV rows
built from plausible and implausible cells, workbooks with odd cell types and merges, GeoJSON
with the right keys and the wrong values, shapefiles with flipped bytes, project files with one
value replaced. A loader may accept the input (and what it returns must then be usable) or
raise a CrossingsError with a one-line message naming the file; anything else is a bug.
"""

from __future__ import annotations

import json
import math
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from geo import paths
from geo.errors import CrossingsError
from geo.flow_table import read_flow_table
from geo.periods import Period, parse_period
from geo.routes import read_routes
from geo.vector_io import read_vector

FUZZ = settings(max_examples=80, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def refused_cleanly(exc: BaseException, name: str | None) -> None:
    """A CrossingsError on one line, naming ``name`` first (None: any file, e.g. one a project names)."""
    assert isinstance(exc, CrossingsError), f"{type(exc).__name__}: {exc}"
    text = str(exc)
    assert "\n" not in text and text.strip() == text and text, repr(text)
    assert name is None or text.startswith(name), text


def attempt(load, path: Path, *, any_file: bool = False):
    try:
        return load(path)
    except Exception as exc:
        refused_cleanly(exc, None if any_file else path.name)
        return None


# -- figures: CSV -----------------------------------------------------------------------------------
CELLS = st.sampled_from([
    "route_id", "period", "metric", "value", "source", "date_from", "date_to", "note", "Route ID", "Quarter",
    "CMR-LY", "ATL", "", " ", "2024", "2024Q4", "Q4 2024", "T4 2024", "2024-07", "July 2024", "2024Q5",
    "Q4 24", "2024-02-30", "2024-01-01/2024-10-16", "2090Q1", "1899", "arrivals", "Dead and missing", "???",
    "11341", "41,484", "41.484", "1.234,5", "-5", "−5", "1e400", "nan", "inf", "n/a", "-", "0", "12000000",
    "1 000", "1\u00a0000", "'", '"', '""', "é", "\ufeff", "=1+1", "\t", "a\nb", "x" * 300,
])


@st.composite
def csv_files(draw) -> bytes:
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    rows = draw(st.lists(st.lists(CELLS, min_size=0, max_size=8), min_size=0, max_size=12))
    if draw(st.booleans()):
        rows.insert(0, ["route_id", "period", "metric", "value", "source"][: draw(st.integers(1, 5))])
    quote = draw(st.booleans())

    def cell(c: str) -> str:
        return '"' + c.replace('"', '""') + '"' if quote or delimiter in c or "\n" in c else c

    text = "\n".join(delimiter.join(cell(c) for c in row) for row in rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return text.encode(encoding, errors="replace")


@FUZZ
@given(data=st.one_of(csv_files(), st.binary(max_size=300)))
def test_figures_csv(tmp_path, data):
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    table = attempt(read_flow_table, path)
    if table is not None:
        assert not table.frame.empty
        period = table.default_period()
        for metric in table.metrics(period):
            table.select(period, metric)


# -- figures: Excel ---------------------------------------------------------------------------------
XLSX_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True, allow_infinity=True),
    CELLS, st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(["=A1", "=1/0", "=SUM(D2:D3)", "#DIV/0!"]),
)


@FUZZ
@given(rows=st.lists(st.lists(XLSX_VALUES, max_size=6), max_size=6),
       merge=st.sampled_from([None, "A1:B1", "B2:B3", "A1:A1", "C4:D5"]), header=st.booleans())
def test_figures_xlsx(tmp_path, rows, merge, header):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    if header:
        sheet.append(["route_id", "period", "metric", "value"])
    for row in rows:
        try:
            sheet.append(row)
        except (ValueError, TypeError):  # openpyxl refuses to *write* some values; not our reader
            assume(False)
    if merge:
        sheet.merge_cells(merge)
    path = tmp_path / "fuzz.xlsx"
    book.save(path)
    table = attempt(read_flow_table, path)
    if table is not None:
        table.default_period()


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=8),
       cut=st.one_of(st.none(), st.integers(0, 6000)))
def test_figures_xlsx_damaged(tmp_path, flips, cut):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["route_id", "period", "metric", "value"])
    book.active.append(["CMR-LY", "2024Q4", "arrivals", 11341])
    path = tmp_path / "fuzz.xlsx"
    book.save(path)
    data = bytearray(path.read_bytes())
    for at, byte in flips:
        data[at % len(data)] = byte
    path.write_bytes(bytes(data[:cut] if cut is not None else data))
    attempt(read_flow_table, path)


# -- vector layers: GeoJSON -------------------------------------------------------------------------
NUMBERS = st.one_of(st.floats(-200, 200), st.sampled_from([math.nan, math.inf, -math.inf, 1e308, 0.0]),
                    st.integers(-10**6, 10**6))
POSITIONS = st.lists(NUMBERS, min_size=0, max_size=4)
COORDS = st.recursive(POSITIONS, lambda inner: st.lists(inner, max_size=5), max_leaves=25)
GEOM_TYPES = st.sampled_from(["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon",
                              "GeometryCollection", "Feature", "Line", "", None])
JSON_SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, st.text(max_size=12))


@st.composite
def geojson_docs(draw):
    def geometry():
        if draw(st.integers(0, 9)) == 0:
            return draw(JSON_SCALARS)
        g = {"type": draw(GEOM_TYPES), "coordinates": draw(COORDS)}
        if draw(st.booleans()):
            g = {"type": draw(GEOM_TYPES), "coordinates": draw(st.sampled_from([
                [[10, 33], [12, 36]], [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]], [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]],
                [[[0, 0], [1, 1], [2, 2]]], [10, 33], [[10, 33]], []]))}
        return g

    features = [{"type": draw(st.sampled_from(["Feature", "feature", "Point", None])),
                 "properties": draw(st.one_of(st.none(), st.dictionaries(
                     st.sampled_from(["route_id", "parent", "name", "mode", "", "geometry"]),
                     JSON_SCALARS, max_size=4))),
                 "geometry": geometry()} for _ in range(draw(st.integers(0, 4)))]
    doc = {"type": draw(st.sampled_from(["FeatureCollection", "Feature", "Topology", 5])), "features": features}
    if draw(st.booleans()):
        doc["crs"] = draw(st.sampled_from([{"type": "name", "properties": {"name": "EPSG:3857"}},
                                           {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::99999"}},
                                           {"type": "link", "properties": {"href": "http://example.invalid/crs"}},
                                           "EPSG:4326", None]))
    return json.dumps(doc, allow_nan=True)


@FUZZ
@given(text=st.one_of(geojson_docs(), st.text(max_size=200)), kind=st.sampled_from(["routes", "polygon", "point", None]))
def test_geojson(tmp_path, text, kind):
    path = tmp_path / "fuzz.geojson"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    if kind == "routes":
        gdf = attempt(read_routes, path)
    else:
        gdf = attempt(lambda p: read_vector(p, expect=kind), path)
    if gdf is not None:
        assert len(gdf) and gdf.crs.to_epsg() == 4326 and gdf.geometry.is_valid.all()
        assert not gdf.geometry.is_empty.any()


@FUZZ
@given(body=st.lists(st.sampled_from([
    "<Document>", "</Document>", "<Folder>", "</Folder>", "<Placemark>", "</Placemark>", "<name>A</name>",
    "<LineString><coordinates>10,33 12,36</coordinates></LineString>", "<Point><coordinates>10,33</coordinates></Point>",
    "<coordinates>nan,1</coordinates>", "<Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 1,1 0,0"
    "</coordinates></LinearRing></outerBoundaryIs></Polygon>", "<![CDATA[x]]>", "&amp;", "<", ">",
    '<NetworkLink><Link><href>http://example.invalid/x.kml</href></Link></NetworkLink>',
    "<ExtendedData><Data name=\"route_id\"><value>CMR-LY</value></Data></ExtendedData>"]), max_size=14))
def test_kml(tmp_path, body):
    path = tmp_path / "fuzz.kml"
    path.write_text('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2">' + "".join(body) + "</kml>")
    attempt(read_routes, path)


# -- vector layers: damaged shapefiles --------------------------------------------------------------
@FUZZ
@given(part=st.sampled_from([".shp", ".shx", ".dbf", ".prj"]),
       flips=st.lists(st.tuples(st.integers(0, 20_000), st.integers(0, 255)), min_size=1, max_size=6))
def test_shapefile_with_flipped_bytes(tmp_path, part, flips):
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        shutil.copy(paths.data_path("shapefiles", "routes" + ext), tmp_path / ("routes" + ext))
    target = tmp_path / ("routes" + part)
    data = bytearray(target.read_bytes())
    for at, byte in flips:
        data[at % len(data)] = byte
    target.write_bytes(bytes(data))
    gdf = attempt(read_routes, tmp_path / "routes.shp")
    if gdf is not None:
        assert gdf.crs.to_epsg() == 4326 and gdf.geometry.is_valid.all()


# -- periods ----------------------------------------------------------------------------------------
@settings(max_examples=150, deadline=None, derandomize=True)
@given(text=st.one_of(st.text(max_size=40), st.from_regex(r"[QqTt]?[0-9]{1,5}[ \-/_Qq]*[0-9]{0,4}", fullmatch=True)))
def test_parse_period_raises_only_value_error(text):
    try:
        period = parse_period(text)
    except ValueError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(period, Period) and parse_period(period.label) == period


# -- project files ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def small_project(tmp_path_factory):
    """A valid project on three tiny files, so that each example loads in milliseconds."""
    from geo.project import FORMAT, VERSION

    folder = tmp_path_factory.mktemp("project")
    (folder / "countries.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "X"},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 30], [20, 30], [20, 40], [0, 40], [0, 30]]]}}]}))
    (folder / "routes.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"route_id": "CMR-LY"},
         "geometry": {"type": "LineString", "coordinates": [[13, 33], [12, 36]]}}]}))
    (folder / "figures.csv").write_text("route_id,period,metric,value\nCMR-LY,2024Q4,arrivals,11341\n")
    data = {"format": FORMAT, "version": VERSION, "title": "T", "subtitle": None, "notes": "", "crs": "EPSG:3035",
            "page": {}, "selection": {"period": "2024Q4", "metric": "arrivals", "source": None},
            "figures": "figures.csv", "extent_lonlat": [0, 30, 20, 40], "flow_style": {}, "theme": {},
            "layers": [{"kind": "boundaries", "title": "C", "path": "countries.geojson", "style": {}},
                       {"kind": "routes", "title": "R", "path": "routes.geojson", "style": {}}]}
    from geo.project import load_project

    path = folder / "base.crossings.json"
    path.write_text(json.dumps(data))
    load_project(path)  # the base itself is valid
    return folder, data


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
              st.text(max_size=10), st.sampled_from(["../x", "bundled:../../etc/passwd", "/etc/passwd",
                                                     "routes.geojson", "figures.csv", "EPSG:4326", "A0"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
KEY_PATHS = st.sampled_from([
    ("format",), ("version",), ("title",), ("subtitle",), ("notes",), ("crs",), ("page",), ("page", "size"),
    ("page", "dpi"), ("page", "orientation"), ("selection",), ("selection", "period"), ("selection", "metric"),
    ("selection", "source"), ("figures",), ("extent_lonlat",), ("extent_lonlat", 0), ("flow_style",),
    ("flow_style", "max_width_mm"), ("flow_style", "reference_value"), ("flow_style", "group_colours"),
    ("theme",), ("layers",), ("layers", 0), ("layers", 1, "kind"), ("layers", 1, "path"), ("layers", 1, "style"),
    ("layers", 1, "style", "opacity"), ("layers", 0, "title")])


@FUZZ
@given(edits=st.lists(st.tuples(KEY_PATHS, JSON_VALUES), min_size=1, max_size=3))
def test_project_with_wrong_values(small_project, tmp_path, edits):
    from geo.project import load_project

    folder, base = small_project
    data = json.loads(json.dumps(base))
    for key_path, value in edits:
        target = data
        try:
            for key in key_path[:-1]:
                target = target[key]
            target[key_path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    path = folder / "fuzz.crossings.json"
    path.write_text(json.dumps(data, allow_nan=True))
    doc = attempt(load_project, path, any_file=True)  # a missing data file is named by its own name
    if doc is not None:
        doc.join() if doc.flows is not None and doc.layer("routes") is not None else None


@FUZZ
@given(text=st.one_of(st.text(max_size=200), JSON_VALUES.map(json.dumps)))
def test_project_arbitrary_text(tmp_path, text):
    from geo.project import load_project

    path = tmp_path / "fuzz.crossings.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    attempt(load_project, path)


@pytest.mark.parametrize("text", [
    pytest.param("[" * 100_000, id="deeply-nested"),
    pytest.param('{"format": "crossings-project", "version": 1, "layers": [], "crs": "EPSG:3035", '
                 '"figures": "f.csv", "selection": [1]}', id="selection-not-an-object"),
])
def test_project_pathological(tmp_path, text):
    from geo.project import load_project

    (tmp_path / "f.csv").write_text("route_id,period,metric,value\nA,2024Q4,arrivals,5\n")
    path = tmp_path / "odd.crossings.json"
    path.write_text(text, encoding="utf-8")
    attempt(load_project, path)


# -- point layers (CSV with lat/lon) ----------------------------------------------------------------
@FUZZ
@given(data=st.one_of(csv_files(), st.binary(max_size=200),
                      st.lists(st.lists(st.sampled_from(["lat", "lon", "name", "33.5", "12,5", "200", "", "x", '"']),
                                        max_size=4), max_size=6).map(lambda r: "\n".join(",".join(x) for x in r).encode())))
def test_point_csv(tmp_path, data):
    from geo.point_layers import looks_like_point_csv, read_point_csv

    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        looks_like_point_csv(path)
    except Exception as exc:
        raise AssertionError(f"looks_like_point_csv raised {type(exc).__name__}: {exc}") from None
    attempt(read_point_csv, path)
