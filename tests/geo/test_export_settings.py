"""Export settings: validated by key, kept in the project relative to its folder, part of undo."""

import json

import pytest

from geo.errors import CrossingsError, DataError
from geo.export_settings import ExportSettings, output_folder, relative_folder
from geo.history import History
from geo.project import load_project, project_dict, save_project


@pytest.fixture
def doc(bundled_doc_factory):
    return bundled_doc_factory()


@pytest.mark.parametrize(("values", "key"), [
    ({"formats": ("png", "jpg")}, "formats"),
    ({"formats": ()}, "formats"),
    ({"formats": "png"}, "formats"),
    ({"base": "q3/map"}, "base"),
    ({"base": "q3\\map"}, "base"),
    ({"base": "map\nrm -rf"}, "base"),
    ({"base": ".."}, "base"),
    ({"base": "  "}, "base"),
    ({"folder": "/tmp/exports"}, "folder"),
    ({"folder": "C:\\exports"}, "folder"),
    ({"folder": "../exports"}, "folder"),
    ({"folder": "exports/../../etc"}, "folder"),
    ({"folder": "exports\x00"}, "folder"),
    ({"transparent": "yes"}, "transparent"),
])
def test_bad_settings_are_refused_in_one_line_naming_the_key(values, key):
    with pytest.raises(CrossingsError) as err:
        ExportSettings(**values)
    message = str(err.value)
    assert message.startswith(key) and "\n" not in message


def test_settings_are_normalised_so_equal_choices_compare_equal():
    s = ExportSettings(["svg", "png", "png"], "./exports//q3/", "atlas")
    assert s.formats == ("png", "svg") and s.folder == "exports/q3"
    assert s == ExportSettings(("png", "svg"), "exports/q3", "atlas")
    assert ExportSettings(folder=".").folder is None
    assert ExportSettings() == ExportSettings(("geojson", "png"))


def test_folder_is_stored_only_inside_the_project_folder(tmp_path):
    project = tmp_path / "project"
    (project / "exports" / "q3").mkdir(parents=True)
    assert relative_folder(project / "exports" / "q3", project) == "exports/q3"
    assert relative_folder(project / "exports" / ".." / "exports", project) == "exports"
    assert relative_folder(project, project) is None
    assert relative_folder(tmp_path / "elsewhere", project) is None
    assert relative_folder(project / ".." / "elsewhere", project) is None
    assert output_folder(ExportSettings(folder="exports/q3"), project) == project / "exports" / "q3"
    assert output_folder(ExportSettings(folder="gone"), project) == project  # moved without it
    assert output_folder(ExportSettings(), project) == project


def test_project_round_trip_keeps_the_export_settings(doc, tmp_path):
    doc.export_settings = ExportSettings(("pdf", "png"), "exports/q3", "deaths_q3", True)
    path = save_project(doc, tmp_path / "map.crossings.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["export"] == {"formats": ["png", "pdf"], "folder": "exports/q3", "base": "deaths_q3",
                              "transparent": True}
    assert "dpi" not in data["export"] and "paper" not in data["export"]  # the page keeps those
    back = load_project(path)
    assert back.export_settings == doc.export_settings


def test_an_outside_folder_is_not_stored(doc, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    doc.export_settings = ExportSettings(folder=relative_folder(tmp_path / "desktop", project))
    data = project_dict(doc, project)
    assert data["export"]["folder"] is None
    assert str(tmp_path) not in json.dumps(data["export"])


def test_old_project_without_the_key_loads_with_defaults(doc, tmp_path):
    path = save_project(doc, tmp_path / "old.crossings.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["export"]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_project(path).export_settings == ExportSettings()


@pytest.mark.parametrize(("export", "match"), [
    ({"folder": "/etc"}, r"old\.crossings\.json, key 'export': folder '/etc' is absolute"),
    ({"folder": "../../home"}, r"key 'export': folder '\.\./\.\./home' climbs out"),
    ({"formats": ["png", "exe"]}, r"key 'export': formats: 'exe' is not an export format"),
    ({"base": "a/b"}, r"key 'export': base 'a/b' must be a plain file name"),
    ({"dpi": 300}, r"key 'export\.dpi': is not a setting of export"),
    (["png"], r"key 'export': must be an object"),
])
def test_bad_export_settings_in_a_project_name_the_file_and_key(doc, tmp_path, export, match):
    path = save_project(doc, tmp_path / "old.crossings.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["export"] = export
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=match):
        load_project(path)


def test_export_settings_are_one_undoable_edit_and_make_the_project_dirty(doc):
    history = History(doc)
    before = doc.export_settings
    history.edit("Export settings", lambda: setattr(doc, "export_settings", ExportSettings(("pdf",))))
    assert history.can_undo and history.is_dirty
    history.undo()
    assert doc.export_settings == before and not history.is_dirty
    # an equal value is no edit at all
    history.edit("Export settings", lambda: setattr(doc, "export_settings", ExportSettings(("geojson", "png"))))
    assert not history.can_undo
