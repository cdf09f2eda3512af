"""A change the source states without the earlier figure ('a 16% increase compared to 2023'): read from
a figures file's stated_change column, kept through the figures editor, refused with the file and row
when it is not a change in percent, and used only where no earlier figure is there to compute it."""

from pathlib import Path

import pandas as pd
import pytest

from geo import paths
from geo.compare import Change, changes
from geo.errors import DataError
from geo.figure_values import parse_stated_change, stated_change_text
from geo.figures_edit import table_from_rows, table_rows
from geo.flow_table import read_flow_table


@pytest.mark.parametrize("text, fraction", [("+16%", 0.16), ("16%", 0.16), ("-58%", -0.58), ("−31 %", -0.31),
                                            ("47", 0.47), ("+2.5%", 0.025), ("12,5%", 0.125), ("", None)])
def test_a_stated_change_is_read_in_percent(text, fraction):
    assert parse_stated_change(text) == (pytest.approx(fraction) if fraction is not None else None)


@pytest.mark.parametrize("text, words", [("lots", "is not a change in percent"), ("16%%", "is not a change"),
                                         ("-120%", "over 100%"), ("46524", "typed into the change cell")])
def test_a_bad_stated_change_is_refused_with_its_file_and_row(tmp_path: Path, text, words):
    f = tmp_path / "figures.csv"
    f.write_text("route_id,period,metric,value,stated_change\nATL,2024,arrivals,46524,+16%\n"
                 f"CMR,2024,arrivals,65474,{text}\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_flow_table(f)
    message = str(info.value)
    assert "figures.csv" in message and "row 3" in message and words in message


@pytest.mark.parametrize("fraction", [0.16, -0.58, 0.025, -0.125, 1.0])
def test_a_stated_change_written_back_reads_the_same(fraction):
    assert parse_stated_change(stated_change_text(fraction)) == pytest.approx(fraction)


def test_the_figures_editor_keeps_the_bundled_stated_changes():
    """Opened in the figures table and saved, every stated change of the bundled figures is the same."""
    table = read_flow_table(paths.default_flows())
    again = table_from_rows(table_rows(table), table)
    before = table.frame.set_index("row")["stated_change"]
    after = again.frame.set_index("row")["stated_change"]
    assert before.notna().sum() >= 7
    pd.testing.assert_series_equal(before, after, check_names=False)


def test_a_stated_change_counts_only_where_no_earlier_figure_is_given():
    now = {"ATL": 46524.0, "CMR-TN": 19238.0, "ALB": 6000.0}
    got = changes(now, {"CMR-TN": 97306.0, "ALB": 0.0}, {"ATL": 0.16, "CMR-TN": 0.5, "ALB": 0.3})
    assert got["ATL"].is_stated and got["ATL"].ratio == pytest.approx(0.16) and got["ATL"].direction == "up"
    assert not got["CMR-TN"].is_stated and got["CMR-TN"].ratio == pytest.approx(19238 / 97306 - 1)
    assert got["ALB"].is_stated  # an earlier figure of 0 gives no ratio: the source's stands
    assert Change("X", 5.0, None).ratio is None and Change("X", 5.0, None).direction == "new"
