"""Project files: human-readable JSON, relative paths resolved safely, bad content named by key."""

import json
import shutil

import pytest

from geo import paths
from geo.errors import DataError
from geo.page import Page
from geo.project import load_project, resolve_path, save_project


@pytest.fixture
def doc(bundled_doc_factory):
    return bundled_doc_factory()


def test_round_trip_keeps_every_setting(doc, tmp_path):
    doc.select("2024", "dead_missing", "IOM Missing Migrants Project")
    doc.layer("routes").style.opacity = 0.6
    doc.layer("places").style.labels = False
    doc.flow_style.group_colours["Atlantic"] = "#123456"
    doc.flow_style.max_width_mm = 9.5
    doc.page = Page("A3", "portrait", 150)
    doc.crs = "EPSG:3035"
    doc.title, doc.notes = "Deaths 2024", "checked against IOM MMP on 5 Jan"
    doc.label_language = "ar"
    path = save_project(doc, tmp_path / "map.crossings.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["layers"][0]["path"] == "bundled:shapefiles/countries.shp"
    assert data["selection"] == {"period": "2024", "metric": "dead_missing", "source": "IOM Missing Migrants Project"}
    back = load_project(path)
    assert (back.period, back.metric, back.source) == ("2024", "dead_missing", "IOM Missing Migrants Project")
    assert back.layer("routes").style.opacity == 0.6 and back.layer("places").style.labels is False
    assert back.flow_style.group_colours["Atlantic"] == "#123456" and back.flow_style.max_width_mm == 9.5
    assert back.page == Page("A3", "portrait", 150) and back.crs == "EPSG:3035"
    assert (back.title, back.notes) == ("Deaths 2024", "checked against IOM MMP on 5 Jan")
    assert [lyr.kind for lyr in back.layers] == [lyr.kind for lyr in doc.layers]
    assert back.extent_lonlat == doc.extent_lonlat and back.label_language == "ar"


def test_files_inside_the_project_folder_are_relative(doc, tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(paths.default_flows(), data_dir / "figures.csv")
    from geo.flow_table import read_flow_table

    doc.set_flows(read_flow_table(data_dir / "figures.csv"))
    path = save_project(doc, tmp_path / "p.crossings.json")
    assert json.loads(path.read_text())["figures"] == "data/figures.csv"
    moved = tmp_path.parent / (tmp_path.name + "_moved")
    shutil.copytree(tmp_path, moved)
    assert load_project(moved / "p.crossings.json").flows.path == (moved / "data" / "figures.csv").resolve()


def test_paths_escaping_the_project_folder_are_refused(tmp_path):
    project = tmp_path / "p.crossings.json"
    with pytest.raises(DataError, match=r"key 'layers\[0\].path'.*outside the project folder"):
        resolve_path(project, "../../etc/passwd", "layers[0].path")
    with pytest.raises(DataError, match="outside"):
        resolve_path(project, "bundled:../../../etc/passwd", "figures")
    assert resolve_path(project, str(paths.default_flows()), "figures") == paths.default_flows()


@pytest.mark.parametrize("mutate,where", [
    (lambda d: d.pop("layers"), "key 'layers'"),
    (lambda d: d["layers"][1].update(kind="rivers"), "key 'layers[1].kind'"),
    (lambda d: d["layers"][1]["style"].update(opacity=3), "key 'layers[1].style'"),
    (lambda d: d["page"].update(paper="B7"), "key 'page'"),
    (lambda d: d["flow_style"].update(wdith=3), "key 'flow_style.wdith'"),
    (lambda d: d.update(crs="EPSG:999999"), "key 'crs'"),
    (lambda d: d.update(format="other"), "key 'format'"),
    (lambda d: d.update(label_language="de"), "key 'label_language'"),
])
def test_bad_content_names_file_and_key(doc, tmp_path, mutate, where):
    path = save_project(doc, tmp_path / "bad.crossings.json")
    data = json.loads(path.read_text())
    mutate(data)
    path.write_text(json.dumps(data))
    with pytest.raises(DataError) as err:
        load_project(path)
    assert str(err.value).startswith("bad.crossings.json") and where in str(err.value)


def test_invalid_json_names_line(tmp_path):
    path = tmp_path / "broken.crossings.json"
    path.write_text('{\n  "format": "crossings-project",\n  "version": 1,,\n}')
    with pytest.raises(DataError, match=r"broken.crossings.json, line 3"):
        load_project(path)


def test_a_failed_save_leaves_the_previous_file(doc, tmp_path, monkeypatch):
    path = save_project(doc, tmp_path / "p.crossings.json")
    before = path.read_text()
    import geo.project as project

    monkeypatch.setattr(project.json, "dumps", lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        save_project(doc, path)
    assert path.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.crossings.json"]


def test_autosave_round_trip(doc, tmp_path):
    from geo.autosave import autosave_of, discard_autosave, pending_recovery, write_autosave

    assert pending_recovery(tmp_path) is None
    doc.title = "unsaved work"
    saved = write_autosave(doc, tmp_path, tmp_path / "map.crossings.json")
    assert pending_recovery(tmp_path) == saved
    assert load_project(saved).title == "unsaved work"
    assert autosave_of(saved).endswith("map.crossings.json")
    discard_autosave(tmp_path)
    assert pending_recovery(tmp_path) is None


def test_guess_layer_reads_any_ogr_format_in_any_crs(doc, tmp_path):
    import pyogrio

    from geo.project import guess_layer, is_figures_file

    routes = doc.layer("routes").data
    routes.to_crs(3857).to_file(tmp_path / "routes.gpkg", driver="GPKG")
    doc.layer("boundaries").data.iloc[:5].to_file(tmp_path / "countries.geojson", driver="GeoJSON")
    layer = guess_layer(tmp_path / "routes.gpkg")
    assert layer.kind == "routes" and layer.data.crs.to_epsg() == 4326
    assert abs(layer.data.total_bounds[0] - routes.total_bounds[0]) < 1e-6
    assert guess_layer(tmp_path / "countries.geojson").kind == "boundaries"
    if "KML" in pyogrio.list_drivers(write=True):
        doc.layer("places").data[["name", "geometry"]].to_file(tmp_path / "places.kml", driver="KML")
        assert guess_layer(tmp_path / "places.kml").kind == "points"
    assert is_figures_file(paths.default_flows()) and not is_figures_file(tmp_path / "routes.gpkg")


@pytest.mark.parametrize("text,where", [
    ("[" * 100_000, "nested too deeply"),
    ('{"format": "crossings-project", "version": 1, "layers": [], "crs": "EPSG:3035", "figures": "f.csv", '
     '"selection": [1]}', "key 'selection'"),
    ('{"format": "crossings-project", "version": 1, "layers": [], "crs": "EPSG:3035", "title": 5}', "key 'title'"),
])
def test_pathological_projects_are_refused_on_one_line(tmp_path, text, where):
    shutil.copy(paths.default_flows(), tmp_path / "f.csv")
    path = tmp_path / "odd.crossings.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_project(path)
    assert where in str(err.value) and "\n" not in str(err.value)


# -- the path rule: a project reads only its own folder and the bundled data ----------------------
def _routes_elsewhere(tmp_path):
    """The bundled routes shapefile copied to a folder that is not the project's."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for part in paths.default_routes().parent.glob("routes.*"):
        shutil.copy(part, elsewhere / part.name)
    return elsewhere / "routes.shp"


def test_saving_copies_data_from_outside_the_folder_so_the_project_obeys_its_own_rule(doc, tmp_path):
    from geo.routes import read_routes

    routes = _routes_elsewhere(tmp_path)
    layer = doc.layer("routes")
    layer.path, layer.data = routes, read_routes(routes)
    project = tmp_path / "maps" / "q1.crossings.json"
    project.parent.mkdir()
    copied = []
    save_project(doc, project, copied)
    data = json.loads(project.read_text(encoding="utf-8"))
    stored = next(item["path"] for item in data["layers"] if item["kind"] == "routes")
    assert stored == "q1_data/routes.shp" and copied == [project.parent / "q1_data" / "routes.shp"]
    assert sorted(p.name for p in (project.parent / "q1_data").iterdir()) == sorted(
        p.name for p in routes.parent.iterdir())  # every part of the shapefile
    assert data["figures"].startswith("bundled:")  # bundled data stays bundled
    # the folder travels: mailed elsewhere, it opens without the original files
    moved = tmp_path / "mailed"
    shutil.copytree(project.parent, moved)
    shutil.rmtree(routes.parent)
    reopened = load_project(moved / "q1.crossings.json")
    assert reopened.layer("routes").path == (moved / "q1_data" / "routes.shp").resolve()
    assert len(reopened.layer("routes").data) == len(layer.data)


def test_saving_again_reuses_the_copy_and_a_second_file_of_that_name_gets_its_own(doc, tmp_path):
    from geo.routes import read_routes

    routes = _routes_elsewhere(tmp_path)
    doc.layer("routes").path, doc.layer("routes").data = routes, read_routes(routes)
    maps = tmp_path / "maps"
    maps.mkdir()
    save_project(doc, maps / "p.crossings.json")
    save_project(doc, maps / "p.crossings.json")
    assert sorted(p.name for p in (maps / "p_data").glob("*.shp")) == ["routes.shp"]
    other = tmp_path / "other"
    shutil.copytree(routes.parent, other)
    with (other / "routes.dbf").open("r+b") as f:  # same name, different content
        f.seek(40)
        f.write(b"X")
    doc.layer("routes").path = other / "routes.shp"
    save_project(doc, maps / "p.crossings.json")
    assert sorted(p.name for p in (maps / "p_data").glob("*.shp")) == ["routes.shp", "routes_2.shp"]


def test_an_absolute_path_outside_the_folder_is_refused_except_in_the_autosave(tmp_path):
    project = tmp_path / "p.crossings.json"
    with pytest.raises(DataError, match=r"key 'figures': '/etc/hostname' is an absolute path"):
        resolve_path(project, "/etc/hostname", "figures")
    assert str(resolve_path(project, "/etc/hostname", "figures", absolute_paths=True)) == "/etc/hostname"
    with pytest.raises(DataError, match="is an absolute path"):  # bundled: never leaves the bundled data
        resolve_path(project, "bundled:/etc/hostname", "figures", absolute_paths=True)
    inside = tmp_path / "data" / "f.csv"
    assert resolve_path(project, str(inside), "figures") == inside.resolve()
