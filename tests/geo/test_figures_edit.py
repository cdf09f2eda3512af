"""Figures typed, pasted and merged: the file reader's rules and words, conflicts kept side by side,
and edited figures saved with the project and read back equal."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from geo.errors import DataError
from geo.figures_edit import (
    EDIT_COLUMNS,
    AddRow,
    DeleteRow,
    SetRow,
    edited_table,
    merge_tables,
    parse_pasted,
    pasted_rows,
    set_figure,
    table_from_rows,
    table_rows,
    write_figures_csv,
)
from geo.flow_table import read_flow_table
from geo.history import History
from geo.project import load_project, project_dict, save_project

GOOD = {"route_id": "CMR-LY", "period": "2024Q4", "metric": "arrivals", "value": "11341", "source": "UNHCR"}


def reader_error(tmp_path, rows: list[dict]) -> DataError:
    path = tmp_path / "flows.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=EDIT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(DataError) as info:
        read_flow_table(path)
    return info.value


def editor_error(rows: list[dict], origin: str = "") -> DataError:
    with pytest.raises(DataError) as info:
        table_from_rows(rows, origin=origin)
    return info.value


# -- the reader's rules and words ---------------------------------------------------------------------
@pytest.mark.parametrize("bad", [
    {"value": "abc"}, {"value": "n/a"}, {"value": "-35"}, {"value": "350000000"}, {"period": "Q9 2024"},
    {"period": ""}, {"metric": ""}, {"route_id": ""}, {"qualifier": "maybe"}, {"date_from": "29/09/2024"},
    {"date_from": "2024-12-01", "date_to": "2024-11-01"}, {"date_from": "2023-01-01", "date_to": "2023-02-01"},
    {"note": "evil\u202etext"}, {"route_id": "CMR-LY", "period": "Q4 2024", "source": "unhcr"},
])
def test_a_typed_row_is_refused_with_the_readers_words(tmp_path, bad):
    rows = [GOOD, {**GOOD, "route_id": "CMR-TN", **bad}]
    from_file, typed = reader_error(tmp_path, rows), editor_error(rows)
    assert (typed.where, typed.what) == (from_file.where, from_file.what) == ("row 3", from_file.what)
    assert typed.problems == [line.removeprefix("flows.csv, ") for line in from_file.problems]
    assert str(typed).startswith("row 3: ") and typed.rows == [3]


def test_every_problem_is_listed_and_the_origin_named():
    err = editor_error([{**GOOD, "value": "abc"}, GOOD, {**GOOD, "route_id": "ATL", "period": "2024Q9"}], "pasted text")
    assert str(err) == "pasted text, row 2: value 'abc' is not a number (+1 more problem)"
    assert err.rows == [2, 4] and err.problems[1].startswith("pasted text, row 4: ")


def test_no_rows_is_refused():
    assert "no figures" in str(editor_error([{"route_id": " "}]))


# -- rows as text, and back -------------------------------------------------------------------------
def test_the_bundled_table_survives_text_and_csv(table, tmp_path):
    again = table_from_rows(table_rows(table), table)
    pd.testing.assert_frame_equal(again.frame, table.frame)
    assert again.path is None and again.token != table.token
    write_figures_csv(again, tmp_path / "figures.csv")
    back = read_flow_table(tmp_path / "figures.csv")
    pd.testing.assert_frame_equal(back.frame, table.frame)  # qualifiers, dates, notes, sources, rows
    assert set(back.frame["qualifier"]) == {"", "derived", "about", "at_least", "rounded"} and not back.warnings


# -- edits ------------------------------------------------------------------------------------------
def test_adding_a_period_keeps_every_other(table):
    new = edited_table(table, [AddRow({**GOOD, "period": "Q1 2025", "value": "8,900"})])
    assert [str(p) for p in new.periods()] == [str(p) for p in table.periods()] + ["2025Q1"]
    added = new.select("2025Q1", "arrivals")
    assert added[["route_id", "value", "source", "row"]].values.tolist() == [["CMR-LY", 8900.0, "UNHCR", 49]]
    assert new.path is None and len(table.frame) == 47  # the table edited is never changed


def test_set_and_delete_rows(table):
    new = edited_table(table, [SetRow(29, {"value": "12000", "qualifier": "about"}), DeleteRow(0)])
    assert len(new.frame) == 46 and new.frame.iloc[0]["route_id"] == "ATL" and new.frame.iloc[0]["period"] == "2024"
    row = new.select("2024Q4", "arrivals")
    assert row[row["route_id"] == "CMR-LY"][["value", "qualifier"]].values.tolist() == [[12000.0, "about"]]


def test_a_duplicate_is_refused_with_the_readers_message(table):
    with pytest.raises(DataError) as info:
        edited_table(table, [AddRow({**table_rows(table)[29], "source": "NOT NAMED in the update (linked)"})])
    assert str(info.value) == ("row 49: duplicates row 31: same route_id, period, metric, source, date_from and "
                               "date_to")


def test_set_figure_changes_a_route_or_adds_its_row(table):
    source = "Not named in the update (linked)"
    changed = set_figure(table, "CMR-LY", "2024Q4", "arrivals", source, "11 000")
    assert changed.frame.loc[29, "value"] == 11000 and len(changed.frame) == 47
    added = set_figure(table, "ATL-SN", "2024Q4", "arrivals", "", "250")
    assert len(added.frame) == 48 and added.frame.iloc[-1][["route_id", "value"]].tolist() == ["ATL-SN", 250.0]
    with pytest.raises(DataError, match="value 'lots' is not a number"):
        set_figure(table, "CMR-LY", "2024Q4", "arrivals", source, "lots")


# -- adding a file to the loaded figures ------------------------------------------------------------
def test_merging_drops_equal_rows_and_keeps_conflicts_side_by_side(table):
    rows = table_rows(table)
    q4 = rows[29]  # CMR-LY 2024Q4 arrivals 11,341
    added = table_from_rows([rows[0], {**q4, "value": "11400"}, {**GOOD, "period": "2025Q1", "value": "8900"}])
    merged, conflicts = merge_tables(table, added, "q1_2025.csv")
    assert len(merged.frame) == 49 and merged.path is None
    both = merged.select("2024Q4", "arrivals")
    both = both[both["route_id"] == "CMR-LY"]
    assert both[["value", "source"]].values.tolist() == [
        [11341.0, q4["source"]], [11400.0, f"{q4['source']} (q1_2025.csv)"]]
    assert conflicts == [f"CMR-LY 2024Q4 arrivals: 11,341 in mmc_na_2024q4.csv but 11,400 in q1_2025.csv; both kept, "
                         f"the added figure as source '{q4['source']} (q1_2025.csv)'"]
    assert "2025Q1" in [str(p) for p in merged.periods()] and "2023" in [str(p) for p in merged.periods()]
    again, more = merge_tables(merged, added, "q1_2025.csv")  # the same file twice adds nothing
    assert len(again.frame) == 49 and more == []


def test_a_conflict_shows_in_the_join_as_another_source(bundled_doc_factory):
    doc = bundled_doc_factory()
    rows = table_rows(doc.flows)
    merged, _ = merge_tables(doc.flows, table_from_rows([{**rows[29], "value": "11400"}]), "q.csv")
    doc.set_flows(merged)
    doc.select("2024Q4", "arrivals", rows[29]["source"])
    figures = doc.join().figures
    assert set(figures.loc[figures["route_id"] == "CMR-LY", "status"]) == {"drawn", "other_source"}


def test_qualifier_differences_are_conflicts_too(table):
    rows = table_rows(table)
    _, conflicts = merge_tables(table, table_from_rows([{**rows[31], "qualifier": ""}]), "b.csv")
    assert conflicts and "21,470 (at_least) in mmc_na_2024q4.csv but 21,470 in b.csv" in conflicts[0]


def test_od_and_route_figures_are_not_merged(table):
    od = table_from_rows([{"origin": "LY", "destination": "IT", "period": "2024", "metric": "arrivals", "value": "5"}])
    with pytest.raises(DataError, match="cannot be added together"):
        merge_tables(table, od, "od.csv")


# -- pasted spreadsheet cells -----------------------------------------------------------------------
def test_pasted_cells_with_a_header_are_read_by_name():
    text = "Quarter\troute_id\tFigure\tmetric\r\nQ1 2025\tCMR-LY\t8,900\tarrivals\r\n2025Q1\tCMR-TN\t\"1\u00a0234\"\tarrivals\r\n"
    header, rows = parse_pasted(text)
    assert header == ["period", "route_id", "value", "metric"] and len(rows) == 2
    table = table_from_rows(pasted_rows(text))
    assert table.frame[["route_id", "period", "value"]].values.tolist() == [["CMR-LY", "2025Q1", 8900.0],
                                                                            ["CMR-TN", "2025Q1", 1234.0]]


def test_pasted_cells_without_a_header_go_in_column_order():
    text = 'CMR-LY\t2025Q1\tarrivals\t41,484\n\nATL\t2025Q1\tarrivals\t"16 109"\t\t"UNHCR"\n'
    assert parse_pasted(text)[0] is None
    rows = pasted_rows(text)
    assert rows[1] == {"route_id": "ATL", "period": "2025Q1", "metric": "arrivals", "value": "16 109",
                       "qualifier": "", "source": "UNHCR"}
    assert table_from_rows(rows).frame["value"].tolist() == [41484.0, 16109.0]
    assert parse_pasted("") == (None, [])
    assert parse_pasted('a note\t"two\nlines"\n')[1] == [["a note", "two\nlines"]]


# -- saved with the project -------------------------------------------------------------------------
def test_edited_figures_are_saved_beside_the_project_and_read_back_equal(bundled_doc_factory, tmp_path):
    doc = bundled_doc_factory()
    history = History(doc)
    note = 'typed in the window, "quoted", with a comma\nand a second line'
    edited = edited_table(doc.flows, [AddRow({**GOOD, "period": "2025Q1", "value": "8900", "qualifier": "about",
                                              "date_from": "2025-01-01", "date_to": "2025-03-31", "note": note})])
    history.edit("Edit figures", lambda: doc.set_flows(edited))
    path = save_project(doc, tmp_path / "quarterly.crossings.json")
    history.mark_clean()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["figures"] == "quarterly_data/figures.csv" and data["figures_sheet"] is None
    assert doc.flows.path == tmp_path / "quarterly_data" / "figures.csv" and not history.is_dirty
    back = load_project(path)
    pd.testing.assert_frame_equal(back.flows.frame, edited.frame)
    assert back.flows.frame.iloc[-1]["note"] == note
    history.undo()  # the bundled figures again
    assert doc.flows.path.name == "mmc_na_2024q4.csv" and history.is_dirty


def test_an_undo_after_saving_is_saved_as_it_is_shown(bundled_doc_factory, tmp_path):
    """The saved figures file is rewritten from the figures shown, not trusted: an undo may have brought
    back the version an earlier save wrote to it."""
    doc = bundled_doc_factory()
    history = History(doc)
    project = tmp_path / "p.crossings.json"
    first = edited_table(doc.flows, [AddRow({**GOOD, "period": "2025Q1", "value": "1"})])
    history.edit("one", lambda: doc.set_flows(first))
    save_project(doc, project)
    second = set_figure(doc.flows, "CMR-LY", "2025Q1", "arrivals", "UNHCR", "2")
    history.edit("two", lambda: doc.set_flows(second))
    save_project(doc, project)
    history.undo()
    save_project(doc, project)
    assert load_project(project).flows.select("2025Q1", "arrivals")["value"].tolist() == [1.0]


def test_the_autosave_keeps_edited_figures(bundled_doc_factory, tmp_path):
    doc = bundled_doc_factory()
    doc.set_flows(edited_table(doc.flows, [AddRow({**GOOD, "period": "2025Q1", "value": "8900"})]))
    data = project_dict(doc, tmp_path)
    written = tmp_path / data["figures"]
    assert written.parent.parent == tmp_path and doc.flows.path is None  # nothing in the document changed
    pd.testing.assert_frame_equal(read_flow_table(written).frame, doc.flows.frame)
