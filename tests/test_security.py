"""No data file can run code or reach the network, and data text cannot inject markup.

- No source under geo/ or gui/ evaluates, unpickles or unmarshals anything (checked on the AST,
  so ``dialog.exec()`` is not mistaken for ``exec``), nor imports a network client.
- The test suite itself runs with sockets blocked (pytest-socket, see pyproject.toml), so any
  test that reaches the network fails.
- GDAL drivers that follow references to other files, web addresses or programs are not
  registered, and PROJ does not download grids.
- Data text (titles, place names, sources, notes) is escaped in SVG and in the web map.
- Paths in project files cannot climb out of the project folder, not even through a symlink.
"""

from __future__ import annotations

import ast
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(p for folder in ("geo", "gui") for p in (ROOT / folder).rglob("*.py"))

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile", "input"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "dill", "cloudpickle", "marshal", "shelve", "yaml", "jsonpickle",
                     "urllib.request", "http.client", "requests", "httpx", "aiohttp", "ftplib", "smtplib",
                     "telnetlib", "xmlrpc", "socket", "PySide6.QtNetwork", "PySide6.QtWebEngineCore"}
# The web preview is the one place that configures QtWebEngine: its locked-down profile, settings,
# request interceptor and page (tests/test_web_preview_isolation.py holds it to that). Nothing else may.
ALLOWED_IMPORTS = {"gui/web_preview.py": {"PySide6.QtWebEngineCore"}}
FORBIDDEN_ATTRIBUTES = {("os", "system"), ("os", "popen"), ("pd", "read_pickle"), ("pandas", "read_pickle"),
                        ("np", "load"), ("numpy", "load"), ("joblib", "load"), ("torch", "load")}


def violations(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(root)}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            found.append(f"{where}: calls {node.func.id}()")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            if (node.func.value.id, node.func.attr) in FORBIDDEN_ATTRIBUTES:
                found.append(f"{where}: calls {node.func.value.id}.{node.func.attr}()")
            if node.func.value.id == "subprocess" and any(
                    k.arg == "shell" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
                    for k in node.keywords):
                found.append(f"{where}: subprocess with shell=True")
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        allowed = ALLOWED_IMPORTS.get(path.relative_to(root).as_posix(), set())
        for name in names:
            if any(name == m or name.startswith(m + ".") for m in FORBIDDEN_MODULES) and not any(
                    name == a or name.startswith(a + ".") for a in allowed):
                found.append(f"{where}: imports {name}")
    return found


def test_sources_found():
    assert len(SOURCES) > 20 and ROOT / "geo" / "vector_io.py" in SOURCES


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_eval_pickle_or_network_client(path):
    assert violations(path) == []


def test_the_checker_catches_what_it_should(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import pickle\nfrom urllib.request import urlopen\nimport os\nx = eval('1')\n"
                     "os.system('x')\nimport subprocess\nsubprocess.run('x', shell=True)\ndialog.exec()\n")
    found = violations(probe, tmp_path)
    assert len(found) == 6 and not any(":8:" in f for f in found), found


# -- the network ----------------------------------------------------------------------------------
def test_the_suite_runs_with_sockets_blocked():
    pytest_socket = pytest.importorskip("pytest_socket")
    with pytest.raises(pytest_socket.SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(pytest_socket.SocketBlockedError):
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)


def test_unix_sockets_stay_allowed_for_qt_and_browsers():
    a, b = socket.socketpair()
    a.close()
    b.close()


@pytest.mark.parametrize("start", [
    "import geo.document", "import geo.project", "import gui.main_window",
    "import gui.cli; gui.cli.main(['info'])",
])
def test_gdal_reference_following_drivers_are_not_registered(start):
    """GDAL_SKIP only works if geo.vector_io is imported before pyogrio: true for every way in."""
    code = (f"{start}\nimport pyogrio\nfrom geo.vector_io import _UNSAFE_DRIVERS as u\n"
            "print([d for d in u if d in pyogrio.list_drivers()])")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)
    assert out.returncode == 0 and out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr


def test_proj_does_not_download_grids():
    import pyproj.network

    import geo.projection  # noqa: F401 - what the app imports before any transformation

    assert pyproj.network.is_network_enabled() is False


@pytest.mark.parametrize("name, text", [
    ("routes.vrt", '<OGRVRTDataSource><OGRVRTLayer name="r"><SrcDataSource>/vsicurl/http://127.0.0.1:9/r.geojson'
                   '</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>'),
    ("routes.geojson", '<OGRVRTDataSource><OGRVRTLayer name="r"><SrcDataSource>/vsicurl/http://127.0.0.1:9/x'
                       '</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>'),
    ("routes.gdalg.json", '{"type": "gdal_streamed_alg", "command_line": "gdal vector pipeline ! read '
                          '/vsicurl/http://127.0.0.1:9/x ! write out.gpkg"}'),
    ("routes.json", '{"type": "gdal_streamed_alg", "command_line": "gdal vector read /etc/passwd"}'),
])
def test_files_that_point_elsewhere_are_refused_before_gdal_opens_them(tmp_path, name, text):
    from geo.errors import DataError
    from geo.vector_io import read_vector

    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(DataError, match="not accepted"):
        read_vector(path)


def test_zip_holding_a_vrt_is_refused(tmp_path):
    import zipfile

    from geo.errors import DataError
    from geo.vector_io import read_vector

    with zipfile.ZipFile(tmp_path / "routes.zip", "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("routes.vrt", "<OGRVRTDataSource/>" + " " * 5000)
    with pytest.raises(DataError, match=r"the archive holds 'routes\.vrt', which is not accepted"):
        read_vector(tmp_path / "routes.zip")


# -- markup injection -----------------------------------------------------------------------------
EVIL = "</script><script>alert('x')</script><img src=x onerror=alert(1)> & \"q\""


@pytest.fixture
def hostile_doc(bundled_doc_factory, qapp):
    from geo.flow_table import FlowTable

    doc = bundled_doc_factory()
    doc.title, doc.subtitle, doc.notes = EVIL, EVIL, EVIL
    places = doc.layer("places")
    places.data = places.data.copy()
    places.data.loc[places.data.index[0], "name"] = EVIL
    frame = doc.flows.frame.copy()
    frame["source"] = EVIL
    frame["note"] = EVIL
    doc.set_flows(FlowTable(frame=frame, path=doc.flows.path, warnings=[]))
    doc.invalidate("layers")
    return doc


def test_data_text_is_escaped_in_svg(hostile_doc, tmp_path):
    from geo.page import Page
    from gui.export import VectorExportSettings, export_svg

    raw = export_svg(hostile_doc, tmp_path / "map.svg", VectorExportSettings(Page("A4", "landscape", 72))).read_text(
        encoding="utf-8")
    assert "<script" not in raw and "<img" not in raw


def test_data_text_is_escaped_in_the_web_map(hostile_doc):
    pytest.importorskip("geo.exports.webmap")
    from gui.layout import PageLayout
    from gui.web_export import webmap_html

    view = PageLayout().view(hostile_doc.page, hostile_doc.crs, hostile_doc.default_extent())
    html = webmap_html(hostile_doc, view)
    assert "<img src=x" not in html
    assert "<script>alert" not in html
    assert "</script><script>alert" not in html


# -- paths in project files -----------------------------------------------------------------------
def test_project_paths_cannot_escape_through_a_symlink(tmp_path):
    from geo.errors import DataError
    from geo.project import resolve_path

    project = tmp_path / "p.crossings.json"
    (tmp_path / "data").symlink_to("/etc")
    with pytest.raises(DataError, match="outside the project folder"):
        resolve_path(project, "data/passwd", "layers[0].path")
    assert resolve_path(project, "figures.csv", "figures") == (tmp_path / "figures.csv").resolve()


def test_project_file_is_plain_json(tmp_path, bundled_doc_factory):
    """Saved projects hold data and settings only: no code, no pickled objects."""
    from geo.project import save_project

    path = save_project(bundled_doc_factory(), tmp_path / "p.crossings.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(data)
    assert "py/object" not in text and "__reduce__" not in text


# -- colours and font names from a project file never reach CSS, SVG or HTML as given ------------------
HOSTILE_STYLES = [
    ("theme", "sea", "red;}</style><script>alert(1)</script>", "key 'theme': sea"),
    ("theme", "land", "url(http://127.0.0.1:9/x)", "key 'theme': land"),
    ("theme", "font_family", 'x"; } body { background: url(http://127.0.0.1:9/) } a {', "key 'theme': font_family"),
    ("flow_style", "casing", "#fff;background:url(x)", "key 'flow_style': casing"),
    ("layer", "stroke", "url(file:///etc/hostname)", "key 'layers[1].style': stroke"),
]


@pytest.mark.parametrize(("where", "key", "value", "message"), HOSTILE_STYLES)
def test_a_project_with_a_hostile_colour_or_font_is_refused_by_name(tmp_path, bundled_doc_factory, where, key, value,
                                                                    message):
    import json

    from geo.errors import DataError
    from geo.project import load_project, save_project

    path = save_project(bundled_doc_factory(), tmp_path / "p.crossings.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    target = data["layers"][1]["style"] if where == "layer" else data[where]
    target[key] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_project(path)
    text = str(err.value)
    assert text.startswith(f"{path.name}, {message} ") and "\n" not in text
    assert "<script>" not in text or "is not a colour" in text


def test_group_colours_are_checked_and_short_hex_is_written_out(tmp_path, bundled_doc_factory):
    import json

    from geo.errors import DataError
    from geo.project import load_project, save_project

    path = save_project(bundled_doc_factory(), tmp_path / "p.crossings.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["flow_style"]["group_colours"]["CMR"] = "#ABC"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_project(path).flow_style.group_colours["CMR"] == "#AABBCC"
    data["flow_style"]["group_colours"]["CMR"] = "#12345"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=r"group_colours\['CMR'\] '#12345' is not a colour"):
        load_project(path)


def test_a_colour_set_in_code_is_checked_again_before_the_web_map_is_written(tmp_path, bundled_doc_factory):
    from geo.errors import ExportError
    from geo.page import Page
    from geo.view import MapView
    from gui.web_export import export_webmap

    doc = bundled_doc_factory()
    doc.theme.sea = "red;}</style><script>alert(1)</script>"
    w, h = Page().size_px
    with pytest.raises(ExportError, match=r"sea .* is not a colour"):
        export_webmap(doc, MapView(doc.crs, doc.default_extent(), (0, 0, w, h), 300), tmp_path / "m.html")
    assert not list(tmp_path.iterdir())  # nothing written, not even a temporary file


# -- a data file never makes GDAL reach the network ----------------------------------------------------
LINKED_CRS = [
    '{"type": "link", "properties": {"href": "http://127.0.0.1:9/crs", "type": "proj4"}}',
    '{"properties": {"href": "http://127.0.0.1:9/crs"}, "type": "link"}',
    '{"type": "url", "properties": {"url": "http://127.0.0.1:9/crs"}}',
    '{"type": "name", "properties": {"name": "http://127.0.0.1:9/crs.wkt"}}',
]


@pytest.mark.parametrize("crs", LINKED_CRS)
def test_a_geojson_crs_that_points_at_a_web_address_is_refused_before_gdal_opens_it(tmp_path, monkeypatch, crs):
    import pyogrio

    from geo.errors import DataError
    from geo.vector_io import read_vector

    opened = []
    monkeypatch.setattr(pyogrio, "read_dataframe", lambda *a, **k: opened.append(a))
    monkeypatch.setattr(pyogrio, "read_info", lambda *a, **k: opened.append(a))
    features = [{"type": "Feature", "properties": {"route_id": f"A{i}"},
                 "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}} for i in range(300)]
    path = tmp_path / "routes.geojson"  # the crs member comes last, far beyond the first 4 kB
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features})[:-1] + f', "crs": {crs}}}')
    with pytest.raises(DataError, match="'crs' member points at a web address, which is not accepted"):
        read_vector(path)
    assert not opened


def test_named_crs_of_ogc_and_epsg_still_open(tmp_path):
    from geo.vector_io import read_vector

    for name in ("urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326", "http://www.opengis.net/def/crs/EPSG/0/4326"):
        path = tmp_path / "points.geojson"
        path.write_text(json.dumps({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": name}},
                                    "features": [{"type": "Feature", "properties": {"name": "x"},
                                                  "geometry": {"type": "Point", "coordinates": [10, 35]}}]}))
        assert len(read_vector(path, expect="point")) == 1


def test_message_boxes_and_labels_show_data_as_plain_text(qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QMessageBox

    from gui.dialogs.prompts import message_box

    box = message_box(QMessageBox.Icon.Warning, "Cannot open", "f.csv, row 2: '<h1>big</h1><a href=x>link</a>'")
    assert box.textFormat() == Qt.TextFormat.PlainText
    label = next(w for w in box.findChildren(QLabel) if "row 2" in w.text())
    assert label.textFormat() == Qt.TextFormat.PlainText and "<h1>" in label.text()


# -- control characters: refused by row or feature, never left to break an export half-way ----------------
@pytest.mark.parametrize(("char", "code"), [("\x01", "U+0001"), ("\u202e", "U+202E"), ("\u2066", "U+2066")])
def test_a_control_character_in_a_figures_cell_is_refused_by_row(tmp_path, char, code):
    from geo.errors import DataError
    from geo.flow_table import read_flow_table

    path = tmp_path / "f.csv"
    path.write_text(f"route_id,period,metric,value,source\nATL,2024,arrivals,5,UNHCR\nCMR,2024,arrivals,7,Min{char}istry\n",
                    encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(f"f.csv, row 3: source holds the control character {code},")):
        read_flow_table(path)


def test_arabic_marks_and_tabs_are_not_control_characters(tmp_path):
    from geo.flow_table import read_flow_table

    path = tmp_path / "f.csv"
    path.write_text("route_id,period,metric,value,note\nATL,2024,arrivals,5,\u0648\u0632\u0627\u0631\u0629\u200f note\n",
                    encoding="utf-8")
    assert read_flow_table(path).frame["note"].iloc[0].endswith("note")


def test_a_control_character_in_a_layer_name_is_refused_by_feature(tmp_path):
    from geo.errors import DataError
    from geo.vector_io import read_vector

    path = tmp_path / "places.geojson"
    path.write_text('{"type": "FeatureCollection", "features": ['
                    '{"type": "Feature", "properties": {"name": "Tripoli"}, "geometry": {"type": "Point", "coordinates": [13, 33]}},'
                    '{"type": "Feature", "properties": {"name": "Sfax\\u202e"}, "geometry": {"type": "Point", "coordinates": [10, 35]}}]}')
    with pytest.raises(DataError, match=r"places.geojson, feature 2: field 'name' holds the control character U\+202E"):
        read_vector(path, expect="point")


@pytest.mark.parametrize(("key", "value", "message"), [
    ("max_width_mm", float("nan"), "max_width_mm nan is outside 0.2–40 mm"),
    ("reference_value", float("inf"), "reference_value inf is not a figure"),
    ("max_flows", -1, "max_flows -1 is not a whole number"),
])
def test_a_project_with_a_size_out_of_range_is_refused_by_name(tmp_path, bundled_doc_factory, key, value, message):
    from geo.errors import DataError
    from geo.project import load_project, save_project

    path = save_project(bundled_doc_factory(), tmp_path / "p.crossings.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["flow_style"][key] = value
    path.write_text(json.dumps(data), encoding="utf-8")  # Python writes NaN and Infinity, and reads them back
    with pytest.raises(DataError, match=re.escape(f"key 'flow_style': {message}")):
        load_project(path)


@pytest.mark.parametrize(("option", "name"), [("--flows", "figures.csv"), ("--routes", "routes.geojson")])
def test_a_named_pipe_is_refused_instead_of_hanging(tmp_path, monkeypatch, capsys, option, name):
    import threading
    import time

    from gui.cli import main

    pipe = tmp_path / name
    os.mkfifo(pipe)
    monkeypatch.chdir(tmp_path)

    def release():  # should the check regress, a reader blocked on the pipe gets EOF: a failure, not a hang
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not done.is_set():
            time.sleep(0.1)
        try:
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass

    done = threading.Event()
    threading.Thread(target=release, daemon=True).start()
    try:
        assert main(["render", "-q", option, str(pipe), "--no-png", "--no-geojson"]) == 2
    finally:
        done.set()
    err = capsys.readouterr().err.strip()
    assert err == f"crossings: error: {name}: is not a regular file (a pipe, socket or device): save the " + \
        ("figures" if option == "--flows" else "layer") + " to a file"


def test_two_outputs_on_one_path_are_refused_before_anything_is_written(tmp_path, monkeypatch, capsys):
    from gui.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["render", "-q", "--no-geojson", "--png", "m.png", "--pdf", "m.png"]) == 2
    assert capsys.readouterr().err.strip() == "crossings: error: --pdf and --png name the same file m.png: choose two names"
    assert not list(tmp_path.iterdir())
