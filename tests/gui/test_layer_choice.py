"""A file holding several layers or sheets: the window asks which, the command line needs a name,
and the choice travels with the project. Crossings never picks one silently."""
# ruff: noqa: F811
# Fixtures come from window_support by import, so test arguments "redefine" them.

from __future__ import annotations

import pytest
from multi_part_files import two_layer_gpkg, workbook
from window_support import isolated_settings, prompts, wait_idle, window  # noqa: F401

from geo.project import load_project, save_project

ROWS = [["route_id", "period", "metric", "value", "source"], ["CMR-LY", "2024Q4", "arrivals", 11341, "UNHCR"]]
DRAFT = [["route_id", "period", "metric", "value", "source"], ["CMR-LY", "2024Q4", "arrivals", 9757, "UNHCR"]]


def test_the_window_asks_which_layer_and_opens_the_one_chosen(window, prompts, qtbot, tmp_path):
    path = two_layer_gpkg("routes.gpkg", id_suffix="-2023")(tmp_path)
    layers_before = len(window.doc.layers)
    prompts.choice = "routes"
    window.files.open_paths([path])
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    assert prompts.choices_offered == [("routes.gpkg holds several layers. Which one should be opened?",
                                        ["routes_draft_2023", "routes"])]
    added = window.doc.layers[-1]
    assert len(window.doc.layers) == layers_before + 1 and not prompts.errors
    bundled = len(window.doc.routes_layers()[0].data)
    assert (added.kind, added.title, added.source, len(added.data)) == ("routes", "routes", "routes", bundled)
    assert len(window.doc.layer("routes").data) == 2 * bundled  # both routes layers are drawn and joined


def test_cancelling_the_choice_changes_nothing(window, prompts, qtbot, tmp_path):
    path = two_layer_gpkg("routes.gpkg")(tmp_path)
    layers_before = list(window.doc.layers)
    prompts.choice = None
    window.files.open_paths([path])
    wait_idle(qtbot, window)
    assert len(prompts.choices_offered) == 1 and window.doc.layers == layers_before
    assert not window.history.can_undo and not prompts.errors


def test_the_window_asks_which_sheet_and_reads_the_visible_figures(window, prompts, qtbot, tmp_path):
    path = workbook(ROWS, hidden_first=DRAFT)(tmp_path)
    prompts.choice = "Q4 2024"
    window.files.open_paths([path])
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    assert prompts.choices_offered[0][1] == ["Q4 draft", "Q4 2024"]
    frame = window.doc.flows.frame
    assert frame["value"].tolist() == [11341] and window.doc.flows.sheet == "Q4 2024"


def test_the_chosen_layer_and_sheet_are_saved_with_the_project(bundled_doc_factory, tmp_path):
    from geo.flow_table import read_flow_table
    from geo.project import guess_layer

    doc = bundled_doc_factory()
    gpkg = two_layer_gpkg("routes.gpkg", id_suffix="-2023")(tmp_path)
    book = workbook(ROWS, hidden_first=DRAFT)(tmp_path)
    doc.add_layer(guess_layer(gpkg, None, layer="routes_draft_2023"))
    doc.flows = read_flow_table(book, sheet="Q4 2024")
    save_project(doc, tmp_path / "p.crossings.json")
    again = load_project(tmp_path / "p.crossings.json")
    assert again.layers[-1].source == "routes_draft_2023" and len(again.layers[-1].data) == 3
    assert again.flows.sheet == "Q4 2024" and again.flows.frame["value"].tolist() == [11341]


def test_the_command_line_takes_the_name_after_a_hash(tmp_path, capsys):
    from gui.cli import main

    gpkg = two_layer_gpkg("routes.gpkg")(tmp_path)
    book = workbook(ROWS, hidden_first=DRAFT)(tmp_path)
    code = main(["render", "--routes", f"{gpkg}#routes", "--flows", f"{book}#Q4 2024", "--out-dir", str(tmp_path),
                 "--no-png", "--no-geojson"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "CMR-LY 11,341" in err and "9,757" not in err


@pytest.mark.parametrize("name", ["nope"])
def test_a_name_that_is_not_there_lists_the_layers(tmp_path, capsys, name):
    from gui.cli import main

    gpkg = two_layer_gpkg("routes.gpkg")(tmp_path)
    code = main(["render", "--routes", f"{gpkg}#{name}", "--out-dir", str(tmp_path), "--no-png", "--no-geojson"])
    assert code == 2
    assert capsys.readouterr().err.strip() == (f"crossings: error: routes.gpkg: has no layer '{name}'; its layers: "
                                               "routes_draft_2023, routes")


def test_saving_in_the_window_says_which_files_it_copied_beside_the_project(window, prompts, qtbot, tmp_path):
    from geo.routes import read_routes

    gpkg = two_layer_gpkg("routes.gpkg")(tmp_path)
    layer = window.doc.layer("routes")
    layer.path, layer.source, layer.data = gpkg, "routes", read_routes(gpkg, "routes")
    shown = []
    window.files.message.connect(shown.append)
    maps = tmp_path / "maps"
    maps.mkdir()
    assert window.files.save_as(maps / "q1.crossings.json")
    assert shown[-1] == "Saved q1.crossings.json; copied routes.gpkg into q1_data"
    assert (maps / "q1_data" / "routes.gpkg").exists()
    assert load_project(maps / "q1.crossings.json").layer("routes").source == "routes"
