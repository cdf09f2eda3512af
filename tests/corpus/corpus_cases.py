"""The corpus of bad (and merely awkward) input files, one table row per case.

Every file is generated in the test's tmp_path from the bundled data or a few lines of text: no
binary fixture is committed. Each case names the loader it goes through, and either the exact
one-line ``DataError`` message a user must see, or, for input that is awkward but readable,
what must come out (and the warning that must say so).

The same table drives ``test_corpus_loaders.py`` (the geo loaders and the window's loaders) and
``test_corpus_cli.py`` (``crossings render``, in-process and as a real process).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FUTURE = "2090Q1"  # a quarter that starts after any day these tests run on


@dataclass(frozen=True)
class Case:
    id: str
    category: str
    loader: str
    """flows, routes, boundaries, places or project: which file the case is, and which CLI option takes it."""
    build: Callable[[Path], Path]
    error: str | Callable[[Path], str] | None = None
    """The exact DataError text; None when the file must load."""
    prefix: bool = False
    """The error text is only the start: the rest is GDAL's own wording, which varies by version."""
    warning: str | None = None
    """A text the loader's warnings (or, for flows, the join's issues) must contain."""
    check: Callable[[object], None] | None = None
    """Asserts on what was loaded."""
    cli_error: str | None = None
    """What ``crossings render`` says when it differs from ``error`` (the file loads, the map cannot be drawn)."""
    cli: bool = True
    gui: bool = True
    """Also through the window's file loader (dropping the file on the map)."""
    table_warning: bool = False
    """``warning`` is a FlowTable warning (else a warning of the join)."""

    def expected(self, folder: Path) -> str | None:
        return self.error(folder) if callable(self.error) else self.error


from corpus_builders import (  # noqa: E402  (the case table reads as calls to these builders)
    GOOD_ROUTE,
    HEADER,
    bundled_routes_with,
    copy_shapefile,
    dense_route,
    expect,
    feature,
    flows,
    folder_in_place_of,
    geojson,
    gpkg,
    kml,
    latin1_places,
    line,
    many_layers,
    polygon,
    project,
    q4_rows,
    routes_layer,
    self_crossing,
    set_layer_path,
    sparse,
    truncated,
    truncated_message,
    two_layer_gpkg,
    value_of,
    workbook,
    write,
    zip_bomb,
    zipped,
)

# -- the cases ------------------------------------------------------------------------------------
CASES: list[Case] = [
    # shapefiles: missing, truncated and foreign parts
    Case("shp-missing-shx", "shapefile", "routes", lambda d: copy_shapefile(d, without=".shx"),
         "routes.shp: the shapefile's .shx file is missing; copy all its parts together"),
    Case("shp-missing-dbf", "shapefile", "routes", lambda d: copy_shapefile(d, without=".dbf"),
         "routes.shp: the shapefile's .dbf file is missing; copy all its parts together"),
    Case("shp-missing-prj", "shapefile", "routes", lambda d: copy_shapefile(d, without=".prj"),
         "routes.shp: the layer has no coordinate reference system (its .prj file is missing)"),
    Case("shp-truncated-shp", "shapefile", "routes", truncated(".shp", 1000), truncated_message(".shp", 1000)),
    Case("shp-truncated-shx", "shapefile", "routes", truncated(".shx", 120), truncated_message(".shx", 120)),
    Case("shp-truncated-dbf", "shapefile", "routes", truncated(".dbf", 200), truncated_message(".dbf", 200)),
    Case("shp-header-only-part", "shapefile", "routes", truncated(".shp", 50),
         "routes.shp: the shapefile's .shp file is too short to be a shapefile part (50 bytes); "
         "copy it again from its source"),
    Case("shp-empty", "shapefile", "routes", truncated(".shp", 0), "routes.shp: the file is empty (0 bytes)"),
    Case("shp-text-renamed", "shapefile", "routes",
         lambda d: (write(d, "routes.shp", "route_id,geometry\n" * 20), copy_shapefile(d, without=".shp"))[1],
         "routes.shp: the shapefile's .shp file is not a shapefile part (360 bytes); copy it again from its source"),
    Case("shp-missing-file", "shapefile", "routes", lambda d: d / "nope.shp", "nope.shp: file not found"),
    Case("shp-prj-garbage", "shapefile", "routes",
         lambda d: (copy_shapefile(d), write(d, "routes.prj", "not a coordinate reference system"))[0],
         "routes.shp: the layer has no coordinate reference system (its .prj file does not hold one GDAL "
         "understands)"),
    Case("shp-prj-of-another-crs", "shapefile", "routes", lambda d: (copy_shapefile(d), write(
        d, "routes.prj", __import__("pyproj").CRS(3857).to_wkt("WKT1_ESRI")))[0],
         "routes.shp: the layer declares the projected CRS EPSG:3857 (WGS 84 / Pseudo-Mercator), but its "
         "coordinates look like longitude/latitude degrees; is the declared CRS right?"),
    Case("shp-latin-1-without-cpg", "shapefile", "places", lambda d: latin1_places(d),
         check=lambda gdf: expect("Lampédusa" in set(gdf["name"]) and any(
             "not UTF-8: read them as Windows-1252/Latin-1" in w for w in gdf.attrs["warnings"]), gdf.attrs)),

    # geometries: invalid, collapsed, broken, missing, the wrong kind
    Case("geom-line-one-distinct-point", "geometry", "routes",
         geojson("routes.geojson", GOOD_ROUTE, feature(line((0, 30), (0, 30)), route_id="ATL")),
         "routes.geojson, feature 2: is an invalid line with fewer than two distinct points "
         "(Too few points in geometry component[0 30]); fix or delete it"),
    Case("geom-line-single-coordinate", "geometry", "routes",
         geojson("routes.geojson", feature(line((0, 30)), route_id="ATL")),
         "routes.geojson, feature 1: has a broken geometry (point array must contain 0 or >1 elements); "
         "fix or delete it"),
    Case("geom-unclosed-ring", "geometry", "boundaries",
         geojson("countries.geojson", feature(polygon((0, 30), (1, 31), (2, 30)), name="X")),
         "countries.geojson, feature 1: has a broken geometry (Points of LinearRing do not form a closed "
         "linestring); fix or delete it"),
    Case("geom-polygon-without-area", "geometry", "boundaries",
         geojson("countries.geojson", feature(polygon((0, 30), (1, 31), (2, 32), (0, 30)), name="X")),
         "countries.geojson, feature 1: is an invalid polygon with no area (Self-intersection[1 31]); "
         "fix or delete it"),
    Case("geom-self-intersecting-polygon-repaired", "geometry", "boundaries",
         geojson("countries.geojson", feature(polygon((0, 30), (10, 40), (10, 30), (0, 40), (0, 30)), name="Bow")),
         check=lambda gdf: expect(gdf.attrs["repaired"] == [1] and gdf.geometry.is_valid.all()
                                  and list(gdf.geom_type) == ["MultiPolygon"], gdf.attrs)),
    Case("geom-self-crossing-route-drawn", "geometry", "routes", bundled_routes_with(self_crossing),
         check=lambda gdf: expect(not gdf.set_index("route_id").loc["CMR-LY", "geometry"].is_simple, gdf)),
    Case("geom-nan-coordinate", "geometry", "routes",
         geojson("routes.geojson", raw='{"type":"FeatureCollection","features":[{"type":"Feature","properties":'
                                       '{"route_id":"A"},"geometry":{"type":"LineString","coordinates":'
                                       '[[0,30],[NaN,31]]}}]}'),
         "routes.geojson, feature 1: has coordinates that are not numbers (NaN or infinite)"),
    Case("geom-null-geometry", "geometry", "routes",
         geojson("routes.geojson", GOOD_ROUTE, feature(None, route_id="ATL")),
         "routes.geojson, feature 2: has no geometry"),
    Case("geom-points-as-routes", "geometry", "routes",
         geojson("routes.geojson", GOOD_ROUTE, feature({"type": "Point", "coordinates": [0, 30]}, route_id="ATL")),
         "routes.geojson, feature 2: is a Point; this layer needs lines", gui=False),
    Case("geom-lines-as-places", "geometry", "places", geojson("places.geojson", GOOD_ROUTE),
         "places.geojson, feature 1: is a LineString; this layer needs points", gui=False),
    Case("geom-mixed-kinds-dropped", "geometry", "routes",
         geojson("mixed.geojson", GOOD_ROUTE, feature(polygon((0, 30), (1, 31), (2, 30), (0, 30)), route_id="X")),
         "mixed.geojson, feature 2: is a Polygon; this layer needs lines", cli=True, gui=False),

    # empty layers and coordinate reference systems
    Case("layer-empty-feature-collection", "empty/crs", "routes", geojson("routes.geojson"),
         "routes.geojson: the layer has no features"),
    Case("layer-no-crs", "empty/crs", "routes", gpkg("routes.gpkg", None),
         "routes.gpkg: the layer has no coordinate reference system"),
    Case("layer-lonlat-declared-mercator", "empty/crs", "routes", gpkg("routes.gpkg", 3857),
         "routes.gpkg: the layer declares the projected CRS EPSG:3857 (WGS 84 / Pseudo-Mercator), but its "
         "coordinates look like longitude/latitude degrees; is the declared CRS right?"),
    Case("layer-metres-declared-lonlat", "empty/crs", "routes",
         geojson("routes.geojson", feature(line((1_200_000, 3_900_000), (1_300_000, 4_300_000)), route_id="CMR-LY")),
         "routes.geojson: coordinates fall outside the globe; is the declared CRS right?"),
    Case("layer-other-crs-reprojected", "empty/crs", "boundaries",
         gpkg("countries.gpkg", 3857, geometry=__import__("shapely").box(1_000_000, 3_500_000, 1_500_000, 4_000_000)),
         check=lambda gdf: expect(gdf.crs.to_epsg() == 4326 and 8.9 < gdf.total_bounds[0] < 9.0, gdf.total_bounds)),

    # file formats: not JSON, not GeoJSON, KML without features, foreign files
    Case("geojson-not-json", "format", "routes", geojson("routes.geojson", raw="{ this is not json"),
         "routes.geojson: cannot be read: it is not valid JSON (line 1, column 3: Expecting property name "
         "enclosed in double quotes)"),
    Case("geojson-json-array", "format", "routes", geojson("routes.geojson", raw="[1, 2, 3]"),
         "routes.geojson: cannot be read: it is JSON (list), but not GeoJSON: expected an object with a \"type\" "
         "such as FeatureCollection"),
    Case("geojson-empty-file", "format", "routes", geojson("routes.geojson", raw=""),
         "routes.geojson: the file is empty (0 bytes)"),
    Case("kml-no-placemarks", "format", "routes", kml("routes.kml", "<Document><name>Routes</name></Document>"),
         "routes.kml: the file holds no layers, so no features"),
    Case("kml-empty-folders", "format", "routes",
         kml("routes.kml", "<Document><Folder><name>A</name></Folder><Folder><name>B</name></Folder></Document>"),
         "routes.kml: the layer has no features"),
    Case("kml-broken-xml", "format", "routes", lambda d: write(d, "routes.kml", "<kml><Document><Placemark>"),
         "routes.kml: cannot be read as a vector layer (", prefix=True),
    Case("kml-lines-without-route-id", "format", "routes",
         kml("routes.kml", "<Document><Placemark><name>A</name><LineString><coordinates>10,33 12,36"
                           "</coordinates></LineString></Placemark></Document>"),
         "routes.kml: no 'route_id' field (fields: ", prefix=True),
    Case("gpkg-that-is-text", "format", "routes", lambda d: write(d, "routes.gpkg", "hello"),
         "routes.gpkg: cannot be read: it is not in a vector format Crossings knows (GeoPackage, GeoJSON, "
         "Shapefile, KML, …)"),
    Case("unknown-suffix", "format", "routes", lambda d: write(d, "routes.txt", "hello"),
         "routes.txt: .txt is not a vector format Crossings reads: use GeoPackage, GeoJSON, Shapefile, KML, "
         "FlatGeobuf or GML", gui=False),
    Case("folder-instead-of-file", "format", "routes", lambda d: (d / "routes.geojson").mkdir() or d / "routes.geojson",
         "routes.geojson: is a folder that holds no vector layer Crossings can read"),
    Case("geojson-200mb-sparse", "size", "routes", sparse("routes.geojson", b""),
         "routes.geojson: cannot be read: it is not GeoJSON"),

    # files that could make the reader open other files, the network or a program
    Case("vrt-pointing-at-the-web", "security", "routes",
         lambda d: write(d, "routes.vrt", '<OGRVRTDataSource><OGRVRTLayer name="r"><SrcDataSource>'
                                          '/vsicurl/http://example.invalid/r.geojson</SrcDataSource></OGRVRTLayer>'
                                          '</OGRVRTDataSource>'),
         "routes.vrt: VRT and GDAL pipeline files are not accepted: they can point at other files or web "
         "addresses; export the layer as GeoPackage or GeoJSON", gui=False),
    Case("vrt-disguised-as-geojson", "security", "routes",
         lambda d: write(d, "routes.geojson", '<OGRVRTDataSource><OGRVRTLayer name="r"><SrcDataSource>'
                                              '/etc/passwd</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>'),
         "routes.geojson: holds a GDAL VRT file, which is not accepted: it can make the reader open other "
         "files or web addresses"),
    Case("gdal-pipeline-disguised-as-geojson", "security", "routes",
         lambda d: write(d, "routes.geojson", '{"type": "gdal_streamed_alg", "command_line": '
                                              '"gdal vector pipeline ! read /vsicurl/http://example.invalid/x"}'),
         "routes.geojson: holds a GDAL pipeline (.gdalg.json), which is not accepted: it can make the reader "
         "open other files or web addresses"),
    Case("zipped-geojson-crs-link", "security", "routes", zipped("routes.zip", "routes.geojson",
         '{"type": "FeatureCollection", "crs": {"type": "link", "properties": {"href": "http://example.invalid/crs"}},'
         ' "features": []}'),
         "routes.zip, routes.geojson: its 'crs' member points at a web address, which is not accepted: Crossings "
         "never follows links in data files. Remove the member (GeoJSON is WGS84 lon/lat) or name the CRS, e.g. "
         "EPSG:4326"),

    # routes: the fields the flows are joined on
    Case("routes-no-route-id", "routes", "routes",
         geojson("routes.geojson", feature(line((10, 33), (12, 36)), name="Libya")),
         "routes.geojson: no 'route_id' field (fields: name)", gui=False),
    Case("routes-duplicate-ids", "routes", "routes",
         geojson("routes.geojson", GOOD_ROUTE, feature(line((0, 30), (1, 31)), route_id="ATL"), GOOD_ROUTE),
         "routes.geojson, features 1 and 3: share the route_id 'CMR-LY'"),
    Case("routes-unknown-parent", "routes", "routes",
         geojson("routes.geojson", GOOD_ROUTE, feature(line((0, 30), (1, 31)), route_id="ATL-SN", parent="ATLX")),
         "routes.geojson, feature 2 (ATL-SN): names parent 'ATLX', which is not a route_id here"),
    Case("routes-parent-loop", "routes", "routes",
         geojson("routes.geojson", feature(line((0, 30), (1, 31)), route_id="A", parent="B"),
                 feature(line((0, 30), (1, 32)), route_id="B", parent="A")),
         "routes.geojson, feature 1 (A): its parents form a loop"),
    Case("routes-numeric-ids", "routes", "routes",
         geojson("routes.geojson", feature(line((0, 30), (1, 31)), route_id=7.0),
                 feature(line((0, 30), (1, 32)), route_id=8.0, parent=7.0)),
         check=lambda gdf: expect(list(gdf["route_id"]) == ["7", "8"] and list(gdf["parent"]) == ["", "7"],
                                  gdf[["route_id", "parent"]]), cli=False),
    Case("routes-empty-id", "routes", "routes",
         geojson("routes.geojson", GOOD_ROUTE, feature(line((0, 30), (1, 31)), route_id="  ")),
         "routes.geojson, feature 2: has an empty route_id"),

    # figures (CSV): delimiters, encodings, number formats, values, ids, periods
    Case("csv-tab-delimiter", "figures", "flows", flows(q4_rows().replace(",", "\t")),
         "flows.csv, row 1: found a single column 'route_id period metric value source': columns must be "
         "separated by commas or semicolons; this file seems to use tabs"),
    Case("csv-pipe-delimiter", "figures", "flows", flows(q4_rows().replace(",", "|")),
         "flows.csv, row 1: found a single column 'route_id|period|metric|value|source': columns must be "
         "separated by commas or semicolons; this file seems to use '|'"),
    Case("csv-latin-1", "figures", "flows",
         flows(q4_rows("CMR-TN,2024Q4,arrivals,3500,Ministère de l'Intérieur"), encoding="latin-1"),
         warning="flows.csv is not UTF-8: read it as Windows-1252/Latin-1 (Western European)",
         check=lambda t: expect(t.frame["source"].iloc[2] == "Ministère de l'Intérieur", t.frame),
         table_warning=True),
    Case("csv-utf8-bom", "figures", "flows", flows("\ufeff" + q4_rows()), check=value_of("CMR-LY", 11341)),
    Case("csv-thousands-separators", "figures", "flows",
         flows(HEADER + 'CMR-LY,2024Q4,arrivals,"11,341",UNHCR\nATL,2024Q4,arrivals,16 109,UNHCR\n'
                        "CMR-TN,2024Q4,arrivals,3'500,UNHCR\n"),
         check=lambda t: expect(list(t.frame["value"]) == [11341, 16109, 3500], t.frame)),
    Case("csv-decimal-comma-in-semicolon-file", "figures", "flows",
         flows("route_id;period;metric;value\nCMR-LY;2024Q4;arrivals;11.341\nATL;2024Q4;arrivals;16109,5\n"),
         check=lambda t: expect(list(t.frame["value"]) == [11341, 16109.5], t.frame)),
    Case("csv-decimal-comma-in-comma-file", "figures", "flows", flows(q4_rows('CMR-TN,2024Q4,arrivals,"12,5",UNHCR')),
         "flows.csv, row 4: value '12,5' is not a number (in a comma-separated file the decimal mark is '.')"),
    Case("csv-unquoted-thousands-comma", "figures", "flows", flows(q4_rows("CMR-TN,2024Q4,arrivals,3,500,UNHCR")),
         "flows.csv, row 4: has 6 cells but the header has 5 columns; is there a comma inside a value? "
         "Quote it (\"41,484\") or write 41484"),
    Case("csv-non-numeric", "figures", "flows", flows(q4_rows("CMR-TN,2024Q4,arrivals,lots,UNHCR")),
         "flows.csv, row 4: value 'lots' is not a number"),
    Case("csv-no-data-marker", "figures", "flows", flows(q4_rows("CMR-TN,2024Q4,arrivals,n/a,UNHCR")),
         "flows.csv, row 4: value 'n/a' is not a number (leave the cell empty when there is no data)"),
    Case("csv-negative", "figures", "flows", flows(q4_rows("CMR-TN,2024Q4,arrivals,-35,UNHCR")),
         "flows.csv, row 4: value '-35' is negative: a count cannot be below zero"),
    Case("csv-absurd-value", "figures", "flows", flows(q4_rows("CMR-TN,2024Q4,arrivals,350000000,UNHCR")),
         "flows.csv, row 4: value '350000000' is over 10,000,000: too large for a migration figure "
         "(a misplaced separator?)"),
    Case("csv-duplicate-row", "figures", "flows", flows(q4_rows("CMR-LY,Q4 2024,Arrivals,11341,unhcr")),
         "flows.csv, row 4: duplicates row 2: same route_id, period, metric, source, date_from and date_to"),
    Case("csv-several-problems", "figures", "flows",
         flows(q4_rows("CMR-TN,2024Q4,arrivals,lots,UNHCR", "CMR-DZ,2024Q5,arrivals,-1,UNHCR")),
         "flows.csv, row 4: value 'lots' is not a number (+2 more problems)"),
    Case("csv-unknown-route-id", "figures", "flows", flows(q4_rows("CMR-XX,2024Q4,arrivals,10,UNHCR")),
         warning="CMR-XX (row 4): is in flows.csv but not in the routes layer; not drawn"),
    Case("csv-only-unknown-route-ids", "figures", "flows", flows(HEADER + "NOWHERE,2024Q4,arrivals,10,UNHCR\n"),
         warning="NOWHERE (row 2): is in flows.csv but not in the routes layer; not drawn",
         cli_error="no route has a arrivals figure for 2024Q4; try `crossings info`"),
    Case("csv-malformed-period", "figures", "flows", flows(q4_rows("CMR-TN,2024Q5,arrivals,35,UNHCR")),
         "flows.csv, row 4: '2024Q5' is not a period: quarters run Q1–Q4; write e.g. 2024Q4, Q4 2024 or 2024"),
    Case("csv-two-digit-year", "figures", "flows", flows(q4_rows("CMR-TN,Q4 24,arrivals,35,UNHCR")),
         "flows.csv, row 4: 'Q4 24' is not a period: write the year with four digits, e.g. Q4 2024 or 2024Q4"),
    Case("csv-date-as-period", "figures", "flows", flows(q4_rows("CMR-TN,2024-12-31,arrivals,35,UNHCR")),
         "flows.csv, row 4: '2024-12-31' is a date, not a period: write 2024-07 for a month or "
         "2024-01-01/2024-07-15 for a date range"),
    Case("csv-year-out-of-range", "figures", "flows", flows(q4_rows("CMR-TN,2204Q4,arrivals,35,UNHCR")),
         "flows.csv, row 4: '2204Q4' is not a period: year 2204 is outside 1900–2100"),
    Case("csv-future-period", "figures", "flows", flows(q4_rows(f"CMR-TN,{FUTURE},arrivals,35,UNHCR")),
         warning=f"flows.csv, row 4: period {FUTURE} is in the future (it starts 2090-01-01, after today ",
         check=lambda t: expect(str(t.default_period()) == "2024Q4", t.periods()),
         table_warning=True),
    Case("csv-utf16", "figures", "flows", flows(q4_rows(), encoding="utf-16"),
         "flows.csv: is UTF-16 text; save it as CSV UTF-8 (comma or semicolon separated)"),
    Case("csv-nul-bytes", "figures", "flows", flows(q4_rows().encode() + b"CMR\x00,2024Q4\n"),
         "flows.csv, row 4: contains NUL bytes: this is not a CSV text file"),
    Case("csv-empty", "figures", "flows", flows(""),
         "flows.csv: the file is empty: expected a header row with route_id, period, metric, value"),
    Case("csv-header-only", "figures", "flows", flows(HEADER),
         "flows.csv, row 1: there are no figures below the header"),
    Case("csv-missing-columns", "figures", "flows", flows("route,quarter,amount\nCMR-LY,2024Q4,5\n"),
         "flows.csv, row 1: missing required columns metric, value; found columns: 'route', 'quarter', 'amount'"),
    Case("csv-field-over-csv-limit", "figures", "flows", flows(q4_rows('CMR-TN,2024Q4,arrivals,35,"' + "x" * 200_000)),
         "flows.csv, row 4: is not a readable CSV row (field larger than field limit (131072))"),
    Case("csv-200mb-sparse", "size", "flows", sparse("flows.csv", HEADER.encode()),
         "flows.csv: the file is 210 MB, over the 50 MB a figures file may have: is it the right file?"),
    Case("csv-missing-file", "figures", "flows", lambda d: d / "nope.csv", "nope.csv: file not found", gui=False),

    # figures (Excel)
    Case("xlsx-merged-header-cells", "figures-xlsx", "flows",
         workbook([["route_id", "period", None, "value"], ["CMR-LY", "2024Q4", "arrivals", 11341]], merge="B1:C1"),
         "flows.xlsx, row 1: cells B1:C1 are merged; only B1 holds a value, so the other cells would read as "
         "empty: unmerge them and fill every cell (one column name per header cell)"),
    Case("xlsx-merged-title-row", "figures-xlsx", "flows",
         workbook([["Arrivals Q4 2024", None, None, None], ["route_id", "period", "metric", "value"],
                   ["CMR-LY", "2024Q4", "arrivals", 11341]], merge="A1:D1"),
         "flows.xlsx, row 1: cells A1:D1 are merged; only A1 holds a value, so the other cells would read as "
         "empty: unmerge them and fill every cell (one column name per header cell)"),
    Case("xlsx-merged-source-cells", "figures-xlsx", "flows",
         workbook([["route_id", "period", "metric", "value", "source"], ["CMR-LY", "2024Q4", "arrivals", 11341, "UNHCR"],
                   ["ATL", "2024Q4", "arrivals", 16109, None]], merge="E2:E3"),
         "flows.xlsx, row 2: cells E2:E3 are merged; only E2 holds a value, so the other cells would read as "
         "empty: unmerge them and fill every cell (one column name per header cell)"),
    Case("xlsx-formula-without-result", "figures-xlsx", "flows",
         workbook([["route_id", "period", "metric", "value"], ["CMR-LY", "2024Q4", "arrivals", "=11000+341"]]),
         "flows.xlsx, row 2: cell D2 holds the formula '=11000+341' with no saved result; open and save the "
         "workbook in Excel or LibreOffice, or paste the values"),
    Case("xlsx-text-renamed", "figures-xlsx", "flows", flows(q4_rows(), name="flows.xlsx"),
         "flows.xlsx: is not a readable Excel .xlsx workbook (File is not a zip file)"),
    Case("xlsx-saved-as-csv-name", "figures-xlsx", "flows",
         lambda d: workbook([["route_id"]], name="flows.xlsx")(d).rename(d / "flows.csv") or d / "flows.csv",
         "flows.csv: is a zipped workbook (e.g. Excel), not CSV text: name it .xlsx or save it as CSV"),
    Case("xls-old-excel", "figures-xlsx", "flows", flows(b"\xd0\xcf\x11\xe0", name="flows.xls"),
         "flows.xls: old Excel .xls workbooks are not supported: save it as .xlsx or CSV"),
    Case("xlsx-well-formed", "figures-xlsx", "flows",
         workbook([["Route ID", "Quarter", "Indicator", "Figure"], ["CMR-LY", "Q4 2024", "Arrivals", 11341]]),
         check=value_of("CMR-LY", 11341)),

    # project files (the window's File > Open; the CLI takes data files only)
    Case("project-not-json", "project", "project", project("map.crossings.json", text="{ not json"),
         "map.crossings.json, line 1, column 3: is not valid JSON (Expecting property name enclosed in double "
         "quotes)", cli=False),
    Case("project-not-a-project", "project", "project", project("map.crossings.json", text='{"layers": []}'),
         "map.crossings.json, key 'format': is not 'crossings-project'; this is not a Crossings project file",
         cli=False),
    Case("project-newer-version", "project", "project",
         project("map.crossings.json", lambda d, f: d.update(version=99)),
         "map.crossings.json, key 'version': 99 is not a version this Crossings reads (1)", cli=False),
    Case("project-layers-wrong-type", "project", "project",
         project("map.crossings.json", lambda d, f: d.update(layers={"routes": "r.shp"})),
         "map.crossings.json, key 'layers': must be a list, not dict", cli=False),
    Case("project-unknown-layer-kind", "project", "project",
         project("map.crossings.json", lambda d, f: routes_layer(d).update(kind="rivers")),
         "map.crossings.json, key 'layers[1].kind': 'rivers' is not one of boundaries, routes, places, points",
         cli=False),
    Case("project-missing-data-file", "project", "project",
         project("map.crossings.json", set_layer_path("data/routes.shp")),
         "routes.shp: file not found", cli=False),
    Case("project-path-escapes-folder", "project", "project",
         project("map.crossings.json", set_layer_path("../../etc/passwd")),
         "map.crossings.json, key 'layers[1].path': '../../etc/passwd' points outside the project folder; "
         "a project reads only files in its own folder or bundled with Crossings", cli=False),
    Case("project-bundled-path-escapes", "project", "project",
         project("map.crossings.json", set_layer_path("bundled:../../../etc/passwd")),
         "map.crossings.json, key 'layers[1].path': 'bundled:../../../etc/passwd' points outside the project "
         "folder; a project reads only files in its own folder or bundled with Crossings", cli=False),
    # an absolute path: refused by key, and nothing of the file is quoted (it once showed passwd's first line)
    Case("project-absolute-layer-path", "project", "project",
         project("map.crossings.json", set_layer_path("/etc/passwd")),
         "map.crossings.json, key 'layers[1].path': '/etc/passwd' is an absolute path; a project reads only files "
         "in its own folder or bundled with Crossings: copy the file beside the project and name it relative to it",
         cli=False),
    Case("project-absolute-figures-path", "project", "project",
         project("map.crossings.json", lambda d, f: d.update(figures="/etc/passwd")),
         "map.crossings.json, key 'figures': '/etc/passwd' is an absolute path; a project reads only files "
         "in its own folder or bundled with Crossings: copy the file beside the project and name it relative to it",
         cli=False),
    Case("project-bundled-absolute-path", "project", "project",
         project("map.crossings.json", set_layer_path("bundled:/etc/passwd")),
         "map.crossings.json, key 'layers[1].path': 'bundled:/etc/passwd' is an absolute path; a project reads only "
         "files in its own folder or bundled with Crossings: copy the file beside the project and name it relative "
         "to it", cli=False),
    # Windows Notepad saves UTF-8 with a byte-order mark: read, not refused
    Case("project-utf8-bom", "project", "project", project("map.crossings.json", bom=True),
         check=lambda doc: _check_bundled_project(doc), cli=False),
    Case("project-path-not-text", "project", "project",
         project("map.crossings.json", set_layer_path(42)),  # type: ignore[arg-type]
         "map.crossings.json, key 'layers[1].path': must be a str, not int", cli=False),
    Case("project-bad-crs", "project", "project", project("map.crossings.json", lambda d, f: d.update(crs="EPSG:999999")),
         "map.crossings.json, key 'crs': projection 'EPSG:999999' is not a CRS", prefix=True, cli=False),
    Case("project-bad-extent", "project", "project",
         project("map.crossings.json", lambda d, f: d.update(extent_lonlat=[10, 40, 0, "north"])),
         "map.crossings.json, key 'extent_lonlat': must be [west, south, east, north] in degrees", cli=False),
    Case("project-unknown-style-key", "project", "project",
         project("map.crossings.json", lambda d, f: routes_layer(d)["style"].update(colour_of_sky="blue")),
         "map.crossings.json, key 'layers[1].style.colour_of_sky': is not a setting of layers[1].style (",
         prefix=True, cli=False),
    Case("project-not-utf8", "project", "project",
         lambda d: write(d, "map.crossings.json", b'{"format": "crossings-project", "title": "\xe9"}'),
         "map.crossings.json: is not UTF-8 text; is it a Crossings project?", cli=False),
]


# A part the operating system will not read (a folder in its place; permission, for a user who is not root)
CASES += [
    Case("shp-dbf-unreadable", "shapefile", "routes", folder_in_place_of(".dbf"),
         "routes.shp: its part routes.dbf cannot be read (a folder stands where the file should be)"),
]

# Limits that protect the machine, each named in its message (documented in the README's Reliability table).
CASES += [
    Case("project-too-many-layers", "project", "project", project("map.crossings.json", many_layers(4000)),
         "map.crossings.json, key 'layers': holds 4,000 layers, over the 100 a project may have", cli=False),
    Case("route-gps-track-simplified", "routes", "routes",
         bundled_routes_with(dense_route("CMR-LY", 20_000, 0.0001)),
         warning="routes.geojson, feature 15 (CMR-LY): 20,000 vertices simplified to "),
    Case("route-too-dense-after-simplifying", "routes", "routes",
         bundled_routes_with(dense_route("CMR-LY", 5_000, 0.2)),
         "routes.geojson, feature 15 (CMR-LY): has 5,000 vertices and still ", prefix=True),
    Case("places-as-lat-lon-csv", "routes", "places",
         lambda d: write(d, "places.csv", "name,lat,lon\nTripoli,32.9,13.2\nLampedusa,35.5,12.6\n"),
         check=lambda gdf: _check_points(gdf), gui=False),
]


def _check_points(gdf) -> None:
    assert list(gdf["name"]) == ["Tripoli", "Lampedusa"] and gdf.geometry.x.round(1).tolist() == [13.2, 12.6]


# Several layers or sheets that could be meant: a named choice (file#name) in the CLI, a question in the
# window (tests/gui/test_layer_choice.py), never a silent pick.
CASES += [
    Case("gpkg-two-line-layers", "choice", "routes", two_layer_gpkg("routes.gpkg"),
         "routes.gpkg: holds 2 line layers (routes_draft_2023, routes): name the one to read after a '#', as "
         "routes.gpkg#<layer>", gui=False),
    Case("xlsx-hidden-first-sheet", "choice", "flows",
         workbook([["route_id", "period", "metric", "value"], ["CMR-LY", "2024Q4", "arrivals", 11341]],
                  hidden_first=[["route_id", "period", "metric", "value"], ["CMR-LY", "2024Q4", "arrivals", 9757]]),
         "flows.xlsx: holds 2 sheets ('Q4 draft' (hidden), 'Q4 2024'): name the one to read after a '#', as "
         "flows.xlsx#<sheet>", gui=False),
    Case("zipped-layer-unpacks-to-300-mb", "size", "routes", zip_bomb("routes.zip", 300 * (1 << 20)),
         "routes.zip: unpacks to 315 MB, over the 250 MB a zipped layer may hold"),
    Case("xlsx-unpacks-to-300-mb", "size", "flows", zip_bomb("flows.xlsx", 300 * (1 << 20)),
         "flows.xlsx: unpacks to 315 MB, over the 250 MB a figures workbook may hold; save the figures as CSV, "
         "or split the workbook"),
]


def _check_bundled_project(doc) -> None:
    assert [lyr.kind for lyr in doc.layers] == ["boundaries", "routes", "places"] and doc.period == "2024Q4"


def by_id(case_id: str) -> Case:
    return next(c for c in CASES if c.id == case_id)
