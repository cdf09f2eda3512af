"""What the overview's words say of its figures, read from the SVG the page writes.

The subtitle said '1 Jan 2024 – 29 Dec 2024; 7 figures undated': it did not say which, and one of the
seven, the ~460 expelled from Libya in July 2024, is dated by its month, printed beside it. The figures
the update gives 'in 2024' without a date are counted in the subtitle and listed in the footer as printed
on the map. Italy's 'of which Q4 2024: 16,166', set under 'incl. 3,495 (derived) via other or unknown
routes', read as part of the 3,495: the quarter stands, bracketed, under the year's figure it is part of.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from geo.page import Page
from geo.project import load_project
from gui.export import VectorExportSettings, export_svg

OVERVIEW = "data/projects/q4_2024_overview.crossings.json"
SVG = "{http://www.w3.org/2000/svg}"


def page_text(doc, path) -> str:
    """Every text element of the exported page, its runs joined as a reader reads them."""
    export_svg(doc, path, VectorExportSettings(Page("A3", "landscape", 96.0)))
    root = ET.parse(path).getroot()
    # a run in another face (the ≥ of Noto Sans Math) is its own element: one label's runs are joined
    return " | ".join(" ".join("".join(t.itertext()).split()) for t in root.iter(f"{SVG}text"))


@pytest.fixture(scope="module")
def overview_texts(qapp, tmp_path_factory):
    doc = load_project(OVERVIEW)
    return page_text(doc, tmp_path_factory.mktemp("dates") / "overview.svg")


def test_the_subtitle_counts_the_years_figures_without_dates_and_the_footer_names_them(overview_texts):
    texts = overview_texts
    counted = re.search(r"29 Dec 2024; (\d+) figures given for 2024 without dates", texts)
    assert counted, "the subtitle does not say how many figures stand for 2024 without dates"
    listed = re.search(r"Given for 2024 without dates: (.*?)\.", texts.replace(" | ", " "))
    assert listed, "the footer does not say which figures those are"
    figures = listed.group(1).split("; ")
    assert len(figures) == int(counted.group(1))
    assert figures == ["14,431", "2,647", "2,531", "116 (derived)", "~6,000", "≥ 31,404"]
    # each is a figure the map prints, so a reader can find it
    for figure in figures:
        assert texts.count(figure.split(" (")[0]) >= 2, figure


def test_a_figure_of_another_period_is_dated_by_it_not_counted_undated(overview_texts):
    assert "~460, July 2024" in overview_texts
    assert "~460" not in overview_texts.split("Given for 2024 without dates:")[1].split(".")[0]


def test_french_says_which_with_its_own_separators(qapp, tmp_path):
    doc = load_project(OVERVIEW)
    doc.label_language = "fr"
    texts = page_text(doc, tmp_path / "fr.svg")
    assert "6 chiffres donnés pour 2024 sans date" in texts
    assert "Chiffres donnés pour 2024 sans date : 14 431 ; 2 647" in texts.replace("\u202f", " ").replace("\u00a0", " ")


def test_a_layer_of_figures_since_a_date_is_keyed_as_since_not_to_an_end_it_does_not_state(overview_texts):
    """'2,024 people have been rescued since August': the key said 'Rescues, 1 Aug – 31 Dec 2024', an
    end the update does not give (the figures file takes the quarter's end to place the figure)."""
    assert "Rescues, since 1 Aug 2024" in overview_texts
    assert "Rescues, 1 Aug" not in overview_texts


def test_a_totals_quarter_stands_under_the_figure_it_is_part_of(overview_texts):
    assert "Italy 65,474 (of which Q4 2024: 16,166) incl. 3,495 (derived)" in overview_texts.replace(" | ", " ")
    assert "Spain (WMR) 16,903 (of which Q4 2024: 5,128) its routes sum to 17,078" in overview_texts.replace(" | ", " ")
    assert "unknown routes of which Q4 2024" not in overview_texts.replace(" | ", " ")


def test_a_key_of_several_circle_scales_counts_them(overview_texts, qapp, tmp_path):
    """The overview draws its circles on three scales, each keyed under its layers: under a heading of one
    'area to scale', a 5,000 dead and missing and a 500,000 migrants present, drawn alike, invited
    comparison. The heading counts the scales; a key of one scale says nothing of it."""
    from geo.place_figures import scale_names

    doc = load_project(OVERVIEW)
    keys = [n for n in scale_names(doc) if any(layer.draws_circles and layer.scale == n for layer in doc.place_layers)]
    assert len(keys) == 3
    assert "Circles: area to scale, 3 scales" in overview_texts
    doc.place_layers = tuple(layer for layer in doc.place_layers if layer.scale == keys[0])
    one = page_text(doc, tmp_path / "one.svg")
    assert "Circles: area to scale" in one and "scales" not in one
