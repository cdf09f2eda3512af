"""Figures numbered on the map for want of room (geo.figure_keys): numbered in the page's reading order,
keyed in the footer in the map's language with their figures, qualifiers and parts."""

from __future__ import annotations

from geo.figure_keys import KeyedFigure, disc_size, key_box_candidates, numbered
from geo.map_marks import numbered_entries, unplaced_note


def test_numbers_follow_the_reading_order_west_to_east_or_east_to_west_in_arabic():
    mm = 10.0
    west, east_low, east_high = (KeyedFigure(("a",), (100, 500, 130, 530), "#000"),
                                 KeyedFigure(("b",), (900, 700, 930, 730), "#000"),
                                 KeyedFigure(("c",), (905, 200, 935, 230), "#000"))
    order = {k.keys[0]: k.number for k in numbered([east_low, west, east_high], mm)}
    assert order == {"a": 1, "c": 2, "b": 3}  # a column (within 4 mm) is read north to south
    rtl = {k.keys[0]: k.number for k in numbered([east_low, west, east_high], mm, rtl=True)}
    assert rtl == {"c": 1, "b": 2, "a": 3}


def test_a_disc_is_round_for_two_digits_and_a_pill_for_more():
    w, h = disc_size(20.0, 30.0, 10.0)
    assert w == h == 44.0
    w, h = disc_size(60.0, 30.0, 10.0)
    assert w > h


def test_the_key_box_prefers_the_frame_s_lower_corners():
    cands = key_box_candidates((0.0, 0.0, 1000.0, 600.0), (200.0, 100.0), 5.0)
    best = min(cands, key=lambda c: c[2])
    assert best[1] > 450 and (best[0] < 250 or best[0] > 750)
    assert key_box_candidates((0.0, 0.0, 100.0, 100.0), (200.0, 100.0), 5.0) == []  # larger than the frame


def test_the_footer_keys_each_number_to_its_figures_in_the_map_s_language(bundled_doc_factory):
    from geo.place_figures import PlaceFigureLayer

    doc = bundled_doc_factory()
    doc.select("2024", "arrivals", None)
    doc.place_layers = (PlaceFigureLayer("dead_missing", "2024", "IOM Missing Migrants Project"),)
    from geo.place_figures import place_circles

    circle = place_circles(doc).iloc[0]
    keyed = [KeyedFigure(("total:CMR",), (0, 0, 10, 10), "#000", number=2),
             KeyedFigure(("CMR-TN",), (0, 0, 10, 10), "#000", number=1),
             KeyedFigure((circle.key,), (0, 0, 10, 10), "#000", number=3)]
    note = unplaced_note(doc, ["ALB", "CMR-TN", "total:CMR", circle.key], keyed)
    entries = numbered_entries(doc, keyed)
    assert [e[:4] for e in entries] == ["(1) ", "(2) ", "(3) "]
    assert entries[0].startswith("(1) Central Mediterranean route: Tunisia to Italy: 19,238")
    assert entries[1].startswith("(2) Italy 65,474") and "incl. 3,495 (derived) via other or unknown routes" in entries[1]
    assert ", dead and missing" in entries[2]  # a layer's title inside a sentence: lower case (IOM stays)
    assert note.startswith("Numbered on the map, for want of room beside their symbols: (1) ")
    # a figure neither printed nor numbered is still named, apart
    assert "No room on this page for: Algerian route: Algeria to the Balearic Islands: ~6,000" in note
    doc.label_language = "fr"
    french = unplaced_note(doc, ["ALB"], keyed)
    assert french.startswith("Numérotés sur la carte")
    assert "(1)\u00a0Route de la Méditerranée centrale\u00a0: de la Tunisie à l’Italie\u00a0: 19\u202f238" in french
    assert "Route algérienne\u00a0: de l’Algérie aux îles Baléares" in french  # lower case after a colon
    assert unplaced_note(doc, [], ()) == ""


def test_a_legend_for_several_periods_names_a_total_without_one_period_s_figure(bundled_doc_factory):
    """The small multiples' one legend explained the bold total as 'Ceuta and Melilla 1,234', the 2023 figure,
    beside a 2024 panel whose total is 2,647."""
    from geo.legend import TOTAL, legend_entries

    doc = bundled_doc_factory()
    doc.select("2023", "arrivals", None)
    both = [e.text for e in legend_entries(doc, ["2023", "2024"]) if e.kind == TOTAL]
    # the 2024 panel prints Spain's and Italy's totals too: every figure in black is one
    assert both == ["Ceuta and Melilla and the other figures in black: totals of several routes, not to be added to their figures"]
    one = [e.text for e in legend_entries(doc) if e.kind == TOTAL]
    assert one == ["Ceuta and Melilla 1,234: a total, shown where its routes arrive"]


def test_a_figure_with_a_start_and_no_end_is_dated_as_its_source_says_since():
    """'2,024 rescued since August': the subtitle read '(1 Aug 2024 – …)', a span with no end, beside a
    period ending 31 Dec. It says 'since 1 Aug 2024'; a figure with an end and no start, 'until'."""
    import pandas as pd

    from geo.map_language import MapLanguage
    from geo.map_texts import figure_dates

    since = pd.DataFrame({"date_from": ["2024-08-01"], "date_to": [None]})
    until = pd.DataFrame({"date_from": [None], "date_to": ["2024-10-31"]})
    both = pd.DataFrame({"date_from": ["2024-01-01"], "date_to": ["2024-10-31"]})
    assert figure_dates(since) == "since 1\u00a0Aug\u00a02024"
    assert figure_dates(until) == "until 31\u00a0Oct\u00a02024"
    assert figure_dates(both) == "1\u00a0Jan\u00a02024 – 31\u00a0Oct\u00a02024"
    french = figure_dates(since, MapLanguage("fr"))
    assert french.startswith("depuis le ") and "2024" in french
