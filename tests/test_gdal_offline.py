"""A mailed data file never makes GDAL reach the network (geo/gdal_offline.py, geo/vector_io.py).

Each hostile file is read in a fresh Python process traced by strace, so what GDAL's C code does
(libcurl, the C library's resolver) is seen, not what Python's socket module would do: this suite
blocks Python sockets with pytest-socket, which neither GDAL nor a subprocess knows about. The
trace must hold no connection or datagram to an internet address (a DNS query is one) and no
inet socket but libcurl's IPv6 probe (``socket(AF_INET6, SOCK_DGRAM)``, never connected), nor a
connection to a local resolver daemon (nscd, systemd-resolved).

Three ways in, all traced: ``read_vector`` (the app's loader, with its refusals by name and
content), pyogrio directly with only geo.gdal_offline imported and an environment that asks for
the network (so the process-wide settings are proven on their own), and ``crossings render``.
Last, the loader runs in a network namespace without network: every case must end in a one-line
refusal or a load, never a hang or a network error.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOST = "crossings-offline-test.invalid"  # never resolves; a look-up still shows as a DNS query in the trace
STRACE = shutil.which("strace") or "/usr/bin/strace"

_POINT = {"type": "Feature", "properties": {"route_id": "A"}, "geometry": {"type": "Point", "coordinates": [10, 35]}}
_CRS = {
    "link": {"type": "link", "properties": {"href": f"http://{HOST}/crs", "type": "proj4"}},
    "url": {"type": "url", "properties": {"url": f"https://{HOST}/crs"}},
    "name": {"type": "name", "properties": {"name": f"http://{HOST}/crs.wkt"}},
}
_GML = """<?xml version="1.0" encoding="utf-8"?>
<ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" xmlns:gml="http://www.opengis.net/gml"
  xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://ogr.maptools.org/ {schema}">
  <gml:featureMember><ogr:routes fid="routes.0">{geometry}<ogr:route_id>A</ogr:route_id></ogr:routes></gml:featureMember>
</ogr:FeatureCollection>
"""
_GML_POINT = '<ogr:geometryProperty><gml:Point srsName="{srs}"><gml:coordinates>10,35</gml:coordinates></gml:Point></ogr:geometryProperty>'
_XSD = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema targetNamespace="http://ogr.maptools.org/" xmlns:ogr="http://ogr.maptools.org/"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:gml="http://www.opengis.net/gml" elementFormDefault="qualified">
<xs:import namespace="http://www.opengis.net/gml" schemaLocation="http://{HOST}/gml/3.1.1/base/feature.xsd"/>
<xs:include schemaLocation="http://{HOST}/more.xsd"/>
<xs:element name="routes" type="ogr:routes_Type" substitutionGroup="gml:_Feature"/>
<xs:complexType name="routes_Type"><xs:complexContent><xs:extension base="gml:AbstractFeatureType"><xs:sequence>
<xs:element name="geometryProperty" type="gml:PointPropertyType" minOccurs="0" maxOccurs="1"/>
<xs:element name="route_id" type="xs:string" minOccurs="0" maxOccurs="1"/>
</xs:sequence></xs:extension></xs:complexContent></xs:complexType>
</xs:schema>
"""
_KML = f"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<NetworkLink><name>more</name><Link><href>http://{HOST}/more.kml</href></Link></NetworkLink>
<Placemark><name>A</name><styleUrl>http://{HOST}/styles.kml#s</styleUrl><Point><coordinates>10,35</coordinates></Point></Placemark>
</Document></kml>
"""

WEB = "is a web address or a GDAL virtual path"
CRS_LINK = "'crs' member points at a web address, which is not accepted"


def _geojson(crs: dict | None) -> str:
    data = {"type": "FeatureCollection", "features": [_POINT]}
    return json.dumps({**data, "crs": crs} if crs else data)


def _write_hostile(folder: Path) -> list[tuple[str, str, str | None]]:
    """Hostile inputs in ``folder``: (case, the path as a user or a project would give it, the refusal
    read_vector must give, or None where loading or another one-line refusal is fine)."""
    import geopandas as gpd
    from shapely import Point

    cases: list[tuple[str, str, str | None]] = []

    def add(case: str, name: str, text: str | bytes, refusal: str | None) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        cases.append((case, str(path), refusal))

    for kind, crs in _CRS.items():
        add(f"geojson-crs-{kind}", f"crs_{kind}.geojson", _geojson(crs), CRS_LINK)
    add("topojson-crs-link", "crs_link.topojson", json.dumps(
        {"type": "Topology", "crs": _CRS["link"], "arcs": [], "objects": {"r": {"type": "GeometryCollection", "geometries": [
            {"type": "Point", "coordinates": [10, 35], "properties": {"route_id": "A"}}]}}}), CRS_LINK)
    add("geojsonseq-crs-link", "crs_link.geojsonl", json.dumps({**_POINT, "crs": _CRS["link"]}) + "\n", CRS_LINK)
    zipped = folder / "zipped_crs_link.zip"  # read_vector scans zipped GeoJSON too; GDAL alone tries the link
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("routes.geojson", _geojson(_CRS["link"]))
    cases.append(("zipped-geojson-crs-link", str(zipped), CRS_LINK))
    add("gml-wfs-schema", "wfs.gml", _GML.format(
        schema=f"http://{HOST}/wfs?SERVICE=WFS&amp;VERSION=1.1.0&amp;REQUEST=DescribeFeatureType&amp;TYPENAME=ogr:routes",
        geometry=_GML_POINT.format(srs="EPSG:4326")), None)
    add("gml-xsd-includes-web-schema", "schema/routes.gml", _GML.format(
        schema="routes.xsd", geometry=_GML_POINT.format(srs="EPSG:4326")), None)
    (folder / "schema" / "routes.xsd").write_text(_XSD)
    add("gml-xlink-geometry", "xlink.gml", _GML.format(
        schema="routes.xsd", geometry=f'<ogr:geometryProperty xlink:href="http://{HOST}/g.gml#g1"/>'), None)
    add("gml-srsname-url", "srsname.gml", _GML.format(
        schema="routes.xsd", geometry=_GML_POINT.format(srs=f"http://{HOST}/crs/4326")), None)
    add("kml-networklink-remote-style", "networklink.kml", _KML, None)
    shp = folder / "prj_url.shp"
    gpd.GeoDataFrame({"route_id": ["A"]}, geometry=[Point(10, 35)], crs=4326).to_file(shp, engine="pyogrio")
    shp.with_suffix(".prj").write_text(f"http://{HOST}/crs.prj")
    cases.append(("shapefile-prj-url", str(shp), None))
    for case, path in (("vsicurl-path", f"/vsicurl/http://{HOST}/routes.geojson"),
                       ("web-address", f"https://{HOST}/routes.geojson"),
                       ("vsis3-path", "/vsis3/crossings/routes.geojson"),
                       ("vsiaz-path", "/vsiaz/crossings/routes.geojson")):
        cases.append((case, path, WEB))
    # A local file whose relative name pyogrio would take for a web address: read as the file it is.
    (folder / "http:routes.geojson").write_text(_geojson(None))
    cases.append(("relative-name-like-a-url", "http:routes.geojson", None))
    return cases


# -- reading strace's log -----------------------------------------------------------------------
_SEND = re.compile(r"\b(connect|sendto|sendmsg|sendmmsg|bind)\(.*\bAF_INET6?\b")
_INET_SOCKET = re.compile(r"\bsocket\((AF_INET|PF_INET)\b|\bsocket\((AF_INET6|PF_INET6), SOCK_STREAM")
_RESOLVER = re.compile(r'\bconnect\(.*AF_UNIX.*sun_path="[^"]*(nscd|resolve)')
DEAD_PROXY_TRIED = re.compile(r'\bconnect\(.*AF_UNIX.*sun_path="/dev/null/crossings-offline"')


def network_use(log: str) -> list[str]:
    """The lines of an strace log that reach, or set out to reach, the network."""
    return [line for line in log.splitlines()
            if _SEND.search(line) or _INET_SOCKET.search(line) or _RESOLVER.search(line)]


def test_network_use_sees_what_gdal_did_without_protection():
    """The log lines of a DNS look-up and a connection, as seen before geo/gdal_offline.py existed."""
    seen = """\
13846 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 7
13873 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 7
13873 connect(7, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0
13976 connect(7, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0)}, 28) = -1 EINPROGRESS
13980 sendmmsg(7, [{msg_hdr={msg_name=NULL, msg_namelen=0}}], 2, MSG_NOSIGNAL) = 2
13981 connect(3, {sa_family=AF_UNIX, sun_path="/run/systemd/resolve/io.systemd.Resolve"}, 42) = 0
13982 connect(3, {sa_family=AF_UNIX, sun_path="/dev/null/crossings-offline"}, 30) = -1 ENOTDIR
"""
    assert [line.split()[0] for line in network_use(seen)] == ["13873", "13873", "13976", "13981"]


# -- running a process under strace --------------------------------------------------------------
@pytest.fixture(scope="module")
def strace() -> str:
    if not Path(STRACE).exists():
        pytest.skip("strace is not installed (Debian: apt-get install strace; `make test` does)")
    probe = subprocess.run([STRACE, "-f", "-qq", "-e", "trace=network", "-o", "/dev/null", "/bin/true"],
                           capture_output=True, text=True, timeout=30)
    if probe.returncode != 0:
        pytest.skip(f"strace cannot trace a process here (ptrace not permitted?): {probe.stderr.strip()}")
    return STRACE


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), **extra}
    return {k: v for k, v in env.items() if v is not None}


def _traced(strace: str, log: Path, argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[subprocess.CompletedProcess, str]:
    out = subprocess.run([strace, "-f", "-qq", "-e", "trace=network", "-o", str(log), *argv],
                         cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    return out, log.read_text(errors="replace")


# read_vector on each case; one JSON line per case. No pytest, so no pytest-socket: nothing hides an attempt.
LOADER = """\
import json, sys
from geo.errors import DataError
from geo.vector_io import read_vector
for case, path in json.loads(sys.argv[1]):
    try:
        print(json.dumps({"case": case, "loaded": len(read_vector(path))}), flush=True)
    except DataError as exc:
        print(json.dumps({"case": case, "refused": str(exc)}), flush=True)
"""

# pyogrio itself, with only geo.gdal_offline imported: none of read_vector's refusals.
GDAL_ONLY = """\
import json, sys, warnings
import geo.gdal_offline
import pyogrio
warnings.simplefilter("ignore")
for case, path in json.loads(sys.argv[1]):
    try:
        print(json.dumps({"case": case, "loaded": len(pyogrio.read_dataframe(path))}), flush=True)
    except Exception as exc:
        print(json.dumps({"case": case, "refused": str(exc).splitlines()[0] if str(exc) else repr(exc)}), flush=True)
"""

# What a user's environment could hold that asks GDAL for the network: the settings must win.
NETWORK_FRIENDLY_ENV = {
    "no_proxy": "*", "NO_PROXY": "*", "GDAL_HTTP_PROXY": "", "GDAL_HTTPS_PROXY": "",
    "GML_DOWNLOAD_WFS_SCHEMA": "YES", "GML_SKIP_RESOLVE_ELEMS": "NONE", "PROJ_NETWORK": "ON",
    "AZURE_STORAGE_ACCOUNT": "crossings", "AWS_NO_SIGN_REQUEST": "YES", "GS_NO_SIGN_REQUEST": "YES",
}


def _results(stdout: str) -> dict[str, dict]:
    return {r["case"]: r for r in map(json.loads, stdout.splitlines())}


def _check_outcomes(cases, results) -> None:
    assert set(results) == {case for case, _, _ in cases}
    for case, _, refusal in cases:
        got = results[case]
        if "refused" in got:
            message = got["refused"]
            assert "\n" not in message and message.strip(), (case, message)
            unquoted = re.sub(r"'[^']*'", "", message)  # the path a refusal quotes may hold "curl"
            assert not re.search(r"curl|resolve|http response|network|timed? ?out", unquoted, re.I), (case, message)
        if refusal:
            assert refusal in got.get("refused", ""), (case, got)
        else:
            assert "refused" in got or got["loaded"] >= 1, (case, got)


def test_read_vector_reaches_no_network_for_any_hostile_file(strace, tmp_path):
    cases = _write_hostile(tmp_path)
    out, log = _traced(strace, tmp_path / "strace.log", [sys.executable, "-c", LOADER, json.dumps(
        [(c, p) for c, p, _ in cases])], tmp_path, _env(**NETWORK_FRIENDLY_ENV))
    assert out.returncode == 0, out.stderr[-3000:]
    assert network_use(log) == []
    results = _results(out.stdout)
    _check_outcomes(cases, results)
    assert results["relative-name-like-a-url"] == {"case": "relative-name-like-a-url", "loaded": 1}


GDAL_CASES = ["geojson-crs-link", "geojson-crs-url", "topojson-crs-link", "geojsonseq-crs-link", "zipped-geojson-crs-link",
              "gml-wfs-schema", "gml-xsd-includes-web-schema", "gml-xlink-geometry", "vsicurl-path", "web-address",
              "vsis3-path", "vsiaz-path", "relative-name-like-a-url"]


def test_gdal_itself_reaches_no_network_even_when_the_environment_asks_it_to(strace, tmp_path):
    """Without read_vector's refusals, GDAL tries these addresses; the process-wide settings stop every try."""
    cases = {c: p for c, p, _ in _write_hostile(tmp_path)}
    argv = [sys.executable, "-c", GDAL_ONLY, json.dumps([(c, cases[c]) for c in GDAL_CASES])]
    out, log = _traced(strace, tmp_path / "strace.log", argv, tmp_path, _env(**NETWORK_FRIENDLY_ENV))
    assert out.returncode == 0, out.stderr[-3000:]
    assert set(_results(out.stdout)) == set(GDAL_CASES)
    assert network_use(log) == []
    # and the cases are real: GDAL did set out for the web, and met the dead proxy
    assert DEAD_PROXY_TRIED.search(log), "no case made GDAL try the network: the test proves nothing"


@pytest.mark.parametrize("case", ["geojson-crs-link", "zipped-geojson-crs-link"])
def test_the_cli_reaches_no_network(strace, tmp_path, case):
    """``crossings render --routes`` on a file whose crs links to the web, plain or zipped: refused in one
    line, before GDAL opens it."""
    import geopandas as gpd

    from geo import paths

    routes = json.loads(gpd.read_file(paths.default_routes()).to_crs(4326).to_json())
    routes["crs"] = _CRS["link"]
    src = tmp_path / "routes.geojson"
    if case == "zipped-geojson-crs-link":
        src = tmp_path / "routes.zip"
        with zipfile.ZipFile(src, "w") as z:
            z.writestr("routes.geojson", json.dumps(routes))
    else:
        src.write_text(json.dumps(routes))
    (tmp_path / "out").mkdir()
    argv = [sys.executable, "-m", "gui.cli", "render", "--routes", str(src), "--out-dir", str(tmp_path / "out"),
            "--no-png", "-q"]
    out, log = _traced(strace, tmp_path / "strace.log", argv, ROOT, _env(**NETWORK_FRIENDLY_ENV))
    assert network_use(log) == []
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert CRS_LINK in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
    if case == "zipped-geojson-crs-link":
        assert "routes.zip, routes.geojson: its 'crs' member" in out.stderr


# -- without any network at all (the ``offline`` fixture: tests/conftest.py) -----------------------
def test_in_a_network_namespace_every_hostile_file_ends_in_a_refusal_or_a_load(offline, tmp_path):
    cases = _write_hostile(tmp_path)
    out = subprocess.run([*offline, sys.executable, "-c", LOADER, json.dumps([(c, p) for c, p, _ in cases])],
                         cwd=tmp_path, env=_env(**NETWORK_FRIENDLY_ENV), capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    _check_outcomes(cases, _results(out.stdout))


# -- the settings themselves, in this process ----------------------------------------------------
def test_the_settings_are_in_force_once_the_loader_is_imported():
    import pyogrio

    import geo.vector_io  # noqa: F401 - what every way into the app imports before GDAL is used
    from geo import gdal_offline

    assert {"GDAL_HTTP_PROXY", "GDAL_HTTPS_PROXY", "CPL_VSIL_CURL_ALLOWED_FILENAME", "GML_DOWNLOAD_WFS_SCHEMA",
            "GML_SKIP_RESOLVE_ELEMS", "PROJ_NETWORK"} <= set(gdal_offline.SETTINGS)
    for name, value in gdal_offline.SETTINGS.items():
        got = pyogrio.get_gdal_config_option(name)  # pyogrio turns some values into booleans
        assert got == value or (got is False and value in ("NO", "OFF")), (name, got)
        assert os.environ[name] == value
    assert "no_proxy" not in os.environ and "NO_PROXY" not in os.environ
    assert set(pyogrio.list_drivers()) <= gdal_offline.READ_DRIVERS


@pytest.mark.parametrize("suffix, driver, options", [
    (".shp", "ESRI Shapefile", {}), (".geojson", "GeoJSON", {}), (".geojsonl", "GeoJSONSeq", {}),
    (".geojsons", "GeoJSONSeq", {}),
    (".gpkg", "GPKG", {}), (".sqlite", "SQLite", {}), (".kml", "KML", {}), (".fgb", "FlatGeobuf", {}),
    (".gml", "GML", {}), (".gpx", "GPX", {}), (".tab", "MapInfo File", {}), (".mif", "MapInfo File", {}),
    (".dxf", "DXF", {}), (".csv", "CSV", {"GEOMETRY": "AS_WKT"}), (".gdb", "OpenFileGDB", {}),
])
def test_the_drivers_left_read_every_format_crossings_accepts(tmp_path, suffix, driver, options):
    import geopandas as gpd
    import pyogrio
    from shapely import Point

    from geo.vector_io import VECTOR_SUFFIXES

    assert suffix in VECTOR_SUFFIXES
    gdf = gpd.GeoDataFrame({"name": ["A", "B"]}, geometry=[Point(10, 35), Point(11, 36)], crs=4326)
    path = tmp_path / f"points{suffix}"
    (gdf[["geometry"]] if driver == "DXF" else gdf).to_file(path, driver=driver, engine="pyogrio", **options)
    assert pyogrio.read_info(path, layer=0)["driver"] in (driver, "LIBKML" if driver == "KML" else driver)


def test_web_addresses_and_gdal_virtual_paths_are_refused_before_gdal(tmp_path, monkeypatch):
    from geo.errors import DataError
    from geo.gdal_offline import local_path

    for text in (f"/vsicurl/http://{HOST}/r.geojson", f"http://{HOST}/r.geojson", f"s3://{HOST}/r.geojson",
                 "/vsizip//tmp/r.zip/r.shp", "/VSIS3/b/r.geojson", Path(f"https://{HOST}/r.geojson")):
        with pytest.raises(DataError, match=WEB):
            local_path(text)
    monkeypatch.chdir(tmp_path)
    assert local_path("http:routes.geojson") == tmp_path / "http:routes.geojson"  # a local file, made absolute
    assert local_path("data/routes.geojson") == tmp_path / "data" / "routes.geojson"
