"""A change the source states without the earlier figure ('a 16% increase compared to 2023'): read from
a figures file's stated_change column, kept through the figures editor, refused with the file and row
when it is not a change in percent, and printed where no earlier figure is there to compute it or where it
agrees with the one the figures give."""

from pathlib import Path

import pandas as pd
import pytest

from geo import paths
from geo.compare import Change, changes
from geo.errors import DataError
from geo.figure_values import parse_stated_change, stated_change_text
from geo.figures_edit import table_from_rows, table_rows
from geo.flow_table import read_flow_table
from geo.map_language import MapLanguage


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


def test_a_stated_change_agreeing_with_both_figures_is_printed_in_the_updates_words():
    """Algeria's 583 to 1,257 is +115.6 %: the map printed '+116%' where the update says 'increased by
    115%'. Within a point of the figures' change, the source's words are printed; further off (another
    base, a typing mistake) the figures drawn decide."""
    said = Change("CMR-DZ", 1257.0, 583.0, 1.15)
    # both figures are on the map to check it by: the update's words, not marked as resting on them alone
    assert not said.is_stated and MapLanguage("en").change(said) == "+115%"
    assert MapLanguage("en").change(Change("CMR-DZ", 1257.0, 583.0)) == "+116%"
    assert MapLanguage("en").change(Change("CMR-DZ", 1257.0, 583.0, 1.30)) == "+116%"


def test_the_change_map_prints_the_updates_own_changes(bundled_doc_factory, tmp_path):
    """Tunisia −80 %, Libya −20 %, Algeria +115 %: the update's words on the exported page."""
    import xml.etree.ElementTree as ET

    from geo.page import Page
    from gui.export import VectorExportSettings, export_svg

    doc = change_map(bundled_doc_factory)
    path = export_svg(doc, tmp_path / "change.svg", VectorExportSettings(Page("A4", "landscape", 96.0)))
    texts = " | ".join(" ".join("".join(t.itertext()).split())
                       for t in ET.parse(path).getroot().iter("{http://www.w3.org/2000/svg}text"))
    for said in ("1,257 +115%", "19,238 −80%", "41,484 −20%"):
        assert said in texts.replace(" | ", " "), said
    assert "+116%" not in texts


def test_a_stated_change_counts_only_where_no_earlier_figure_is_given():
    now = {"ATL": 46524.0, "CMR-TN": 19238.0, "ALB": 6000.0}
    got = changes(now, {"CMR-TN": 97306.0, "ALB": 0.0}, {"ATL": 0.16, "CMR-TN": 0.5, "ALB": 0.3})
    assert got["ATL"].is_stated and got["ATL"].ratio == pytest.approx(0.16) and got["ATL"].direction == "up"
    assert not got["CMR-TN"].is_stated and got["CMR-TN"].ratio == pytest.approx(19238 / 97306 - 1)
    assert got["ALB"].is_stated  # an earlier figure of 0 gives no ratio: the source's stands
    assert Change("X", 5.0, None).ratio is None and Change("X", 5.0, None).direction == "new"


def change_map(bundled_doc_factory, language="en"):
    doc = bundled_doc_factory()
    doc.select("2024", "arrivals")
    doc.label_language = language
    doc.flow_style.compare, doc.flow_style.colour_by = "previous", "change"
    return doc


def test_a_total_on_the_change_map_prints_its_change(bundled_doc_factory):
    """The update's headline for Italy, '−58 % compared to 2023', and Spain's '+11 %' were on the rows of
    the totals and printed nowhere: only the drawn flows had changes."""
    from geo.map_marks import figure_items, figure_labels, total_key
    from geo.view import MapView

    doc = change_map(bundled_doc_factory)
    view = MapView(doc.crs, doc.default_extent(), (0, 0, 3000, 2000), 300)
    labels = figure_labels(doc, doc.flow_symbols(view))
    assert labels[total_key("CMR")].text.endswith("\n−58% (stated)")
    assert labels[total_key("ESP")].text.endswith("\n+11% (stated)")
    # the Western Mediterranean's 'slight decline of 1% compared to 2023': its 2023 total is not given
    assert labels[total_key("WMR")].text.endswith("\n−1% (stated)")
    assert "+11% (stated)" in figure_items(doc, [total_key("ESP")])[total_key("ESP")]  # numbered, in the key box
    doc.flow_style.compare = None
    assert "stated" not in figure_labels(doc, doc.flow_symbols(view))[total_key("CMR")].text


def test_a_change_from_an_approximate_figure_is_approximate(bundled_doc_factory):
    """'nearly 6,000' Balearic arrivals against 2,278: '+163%' read as exact; the update says 'tripled'."""
    from geo.map_language import MapLanguage
    from geo.map_texts import flow_label_texts

    doc = change_map(bundled_doc_factory)
    assert flow_label_texts(doc)["ALB"].endswith("\n~+163%")
    assert flow_label_texts(doc)["WMR-CEUTA"].endswith("\n+137%")  # both figures exact, no change stated
    assert MapLanguage("en").change(Change("X", 6000, 2278, approximate=True)) == "~+163%"
    assert MapLanguage("en").change(Change("X", 6000, None, 0.16, approximate=True)) == "+16% (stated)"


def test_the_change_legend_lists_the_colours_drawn_only(bundled_doc_factory):
    """Once totals had changes, 'No earlier figure' came into the legend for Spain's WMR total, which
    is printed, not coloured: no flow on the map was grey."""
    from geo.legend import legend_entries

    doc = change_map(bundled_doc_factory)
    texts = [e.text for e in legend_entries(doc)]
    assert "Increase since 2023" in texts and "Decrease since 2023" in texts
    assert "No earlier figure" not in texts
