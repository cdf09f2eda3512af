"""Thematic layers (issue 14, item 1): route figures as circles, flow layers beside the map's own
flows, part periods, circle scales of their own, and the refusals that keep each figure drawn once."""

from __future__ import annotations

import dataclasses

import pytest

from geo.document import MapDocument
from geo.errors import CrossingsError
from geo.legend import EXPLAIN, NESTED, PLACE_LAYER, SUBHEADING, legend_entries
from geo.map_marks import figure_labels
from geo.map_texts import flow_label_texts, subtitle
from geo.map_words import NBSP
from geo.place_figures import (
    CIRCLES,
    FLOWS,
    OWN_SCALE_MAX_MM,
    RETURN_CIRCLE_AT,
    PlaceFigureLayer,
    check_place_layers,
    parse_place_layer,
    place_circles,
)
from geo.project import load_project, save_project

IOM, CF = "IOM Missing Migrants Project", "Caminando Fronteras"


@pytest.fixture()
def doc():
    d = MapDocument.from_files()
    d.select("2024", "arrivals")
    return d


def test_route_figures_draw_as_circles_on_their_routes_with_their_quarter(doc):
    doc.place_layers = (PlaceFigureLayer("dead_missing", "2024", IOM, part_period="2024Q4"),)
    circles = place_circles(doc).set_index("where")
    assert set(circles.index) == {"ATL", "WMR", "CMR"}  # the update's three IOM counts, none lost
    assert circles.loc["ATL", "text"] == "1,062\nof which Q4 2024: 208"
    assert circles.loc["CMR", "text"] == "≥ 1,659\nof which Q4 2024: 438"
    routes = doc.projected(doc.layer("routes")).set_index("route_id")
    for rid, c in circles.iterrows():  # on the route, half way along it
        line = max(getattr(routes.geometry[rid], "geoms", [routes.geometry[rid]]), key=lambda g: g.length)
        at = line.project(__import__("shapely").Point(c.x, c.y), normalized=True)
        assert line.distance(__import__("shapely").Point(c.x, c.y)) < 1.0 and at == pytest.approx(0.5, abs=0.01)


def test_a_returning_figure_stands_near_the_coast_people_were_taken_back_to(doc):
    import shapely

    doc.place_layers = (PlaceFigureLayer("interceptions", "2024"),)
    c = place_circles(doc).set_index("where").loc["CMR-LY"]
    route = doc.projected(doc.layer("routes")).set_index("route_id").geometry["CMR-LY"]
    line = max(getattr(route, "geoms", [route]), key=lambda g: g.length)
    assert line.project(shapely.Point(c.x, c.y), normalized=True) == pytest.approx(RETURN_CIRCLE_AT, abs=0.01)


def test_two_counts_of_one_route_are_never_two_circles_unless_asked(doc):
    with pytest.raises(CrossingsError, match=r"ATL has figures from Caminando Fronteras and IOM Missing Migrants Project"):
        check_place_layers(doc, (PlaceFigureLayer("dead_missing", "2024"),))
    check_place_layers(doc, (PlaceFigureLayer("dead_missing", "2024", IOM), PlaceFigureLayer("dead_missing", "2024", CF)))


def test_a_figure_is_drawn_once(doc):
    with pytest.raises(CrossingsError, match="the map's flows already draw arrivals for 2024"):
        check_place_layers(doc, (PlaceFigureLayer("arrivals", "2024", "UNHCR"),))
    with pytest.raises(CrossingsError, match="is drawn by layer 1 already"):
        check_place_layers(doc, (PlaceFigureLayer("stranded", "2024Q4"), PlaceFigureLayer("stranded", "2024Q4")))
    with pytest.raises(CrossingsError, match="2024 is not a part of 2024Q4"):
        check_place_layers(doc, (PlaceFigureLayer("dead_missing", "2024Q4", IOM, part_period="2024"),))


def test_each_circle_scale_has_its_own_sizes_in_the_legend(doc):
    doc.place_layers = (PlaceFigureLayer("dead_missing", "2024", IOM, scale="dead"),
                        PlaceFigureLayer("dead_missing", "2024", CF, scale="dead"),
                        PlaceFigureLayer("migrants_present", "2024Q4"))
    circles = place_circles(doc).set_index("key")
    largest = {w: circles[circles["where"] == w]["diameter_mm"].max() for w in ("ATL", "LBY")}
    assert largest == {"ATL": pytest.approx(OWN_SCALE_MAX_MM), "LBY": pytest.approx(16.0)}  # each its scale's largest
    everything = legend_entries(doc)
    circles_from = next(i for i, e in enumerate(everything) if e.kind == SUBHEADING)
    entries = [e for e in everything[circles_from:] if e.kind in (PLACE_LAYER, NESTED)]
    kinds = [e.kind for e in entries]
    # the two dead-and-missing layers, the nested sizes of their scale, then the stock and its own
    assert kinds == [PLACE_LAYER, PLACE_LAYER, NESTED, PLACE_LAYER, NESTED]
    assert entries[0].text == f"Dead and missing ({IOM})" and entries[1].text == "Dead and missing (" + CF.replace(" ", NBSP) + ")"
    dead, stock = entries[2], entries[4]
    assert dead.sizes[0][0] == "5,000" and stock.sizes[0][0] == "500,000"  # each scale its own figures
    assert dead.size_mm == pytest.approx(OWN_SCALE_MAX_MM * (5000 / 9757) ** 0.5, rel=0.01)  # 9,757 at 12 mm
    assert [d for _t, d in dead.sizes] == sorted((d for _t, d in dead.sizes), reverse=True)


def test_a_flow_layer_draws_its_routes_beside_the_maps_own_on_one_width_scale(doc):
    doc.place_layers = (PlaceFigureLayer("expulsions", "2024", kind=FLOWS, part_period="2024-08-14/2024-12-31"),
                        PlaceFigureLayer("expulsions", "2024-07", kind=FLOWS))
    check_place_layers(doc)
    flows = doc.join().flows.set_index("route_id")
    assert flows.loc["EXP-DZ-NE", "value"] == 31404 and flows.loc["EXP-DZ-NE", "symbol"] == "corridor"
    assert flows.loc["CMR-LY", "value"] == 41484  # the map's own flows stay
    assert "EXP-LY-NE" not in doc.join().no_data  # the second layer draws what the first left dashed
    texts = flow_label_texts(doc)
    assert texts["EXP-DZ-NE"] == "≥ 31,404\nof which 14\u00a0Aug – 31\u00a0Dec\u00a02024: ≥ 11,606"
    assert texts["EXP-LY-NE"] == "~460, July\u00a02024"  # another period than the map's says which
    scale = doc.width_scale()
    assert scale.reference_value >= 41484
    # the legend says what its widths are of: it was headed 'Arrivals' over 'Expulsions (land)' (issue 11)
    entries = legend_entries(doc)
    assert entries[0].text == "Arrivals and expulsions (width to scale)"
    assert [e.text for e in entries if e.kind == EXPLAIN] == ["People arriving, arrow at the destination"]
    assert subtitle(doc).startswith("Arrivals and expulsions, 2024 (")  # and so does the title block
    doc.label_language = "fr"
    assert legend_entries(doc)[0].text == "Arrivées et expulsions (largeur proportionnelle)"


def test_a_flow_layer_never_draws_over_the_maps_own_band(doc):
    doc.place_layers = (PlaceFigureLayer("interceptions", "2024", kind=FLOWS),)
    join = doc.join()
    assert list(join.flows["route_id"]).count("CMR-LY") == 1
    assert join.flows.set_index("route_id").loc["CMR-LY", "metric"] == "arrivals"
    assert any(i.route_id == "CMR-LY" and "not drawn over them" in i.message for i in join.issues)


def test_the_quarter_is_printed_under_the_year_for_flows_and_totals(doc):
    doc.flow_style = dataclasses.replace(doc.flow_style, part_period="2024Q4")
    texts = flow_label_texts(doc)
    assert texts["ATL"].splitlines()[1] == "of which Q4 2024: 16,109"
    assert "of which" not in texts["WMR-SEA"]  # no quarter figure: nothing invented
    totals = {k: v.text for k, v in figure_labels(doc, doc.flow_symbols(_view(doc))).items() if v.kind == "total"}
    # the quarter in brackets under the year's figure it is part of, then the year's rest: under 'incl. 3,495
    # (derived) …', 'of which Q4 2024: 16,166' read as part of the 3,495; above it, unbracketed, the 3,495
    # read as the quarter's
    cmr = totals["total:CMR"].splitlines()
    assert cmr[:2] == ["Italy 65,474", "(of which Q4 2024: 16,166)"] and cmr[2].startswith("incl. 3,495 (derived)")
    assert totals["total:WMR"].splitlines()[:2] == ["Spain (WMR) 16,903", "(of which Q4 2024: 5,128)"]
    assert totals["total:ESP"].splitlines() == ["Spain 63,427 (a)", "of which Q4 2024: 21,237"]  # nothing between
    doc.select("2023", "arrivals")  # the quarter is no part of 2023: no line, not a wrong one
    assert not any("of which" in t for t in flow_label_texts(doc).values())


def test_a_long_total_name_wraps_with_its_figure_whole_and_its_quarter_under_it(doc):
    """In French Spain's total began 'Espagne (Méditerranée occidentale) 16 903', one line 69 mm wide
    on the A3 overview: no sea near the Strait held it. The name wraps at the width the note wraps at,
    the figure stays whole on the name's last line, and the quarter's line, in brackets, comes under it."""
    doc.flow_style = dataclasses.replace(doc.flow_style, part_period="2024Q4")
    doc.label_language = "fr"
    totals = {k: v.text for k, v in figure_labels(doc, doc.flow_symbols(_view(doc))).items() if v.kind == "total"}
    lines = totals["total:WMR"].splitlines()
    assert lines[:2] == ["Espagne (Méditerranée", "occidentale) 16\u202f903"], lines
    assert lines[2] == "(dont T4 2024\u00a0: 5\u202f128)", lines  # under its figure, before the year's rest
    assert max(len(line) for line in lines) <= 30
    assert totals["total:CMR"].splitlines()[0] == "Italie 65\u202f474"  # a short name keeps its line


def test_the_cli_grammar_and_the_project_keep_every_setting(doc, tmp_path):
    layer = parse_place_layer(f"dead_missing@2024,2024Q4~dead#{IOM}")
    assert (layer.period, layer.part_period, layer.scale, layer.source, layer.kind) == ("2024", "2024Q4", "dead", IOM,
                                                                                       CIRCLES)
    with pytest.raises(CrossingsError, match="needs the layer's period first"):
        parse_place_layer("dead_missing@,2024Q4")
    doc.place_layers = (layer, PlaceFigureLayer("expulsions", "2024", kind=FLOWS, colour="#112233"))
    doc.flow_style = dataclasses.replace(doc.flow_style, part_period="2024Q4")
    back = load_project(save_project(doc, tmp_path / "p.crossings.json"))
    assert back.place_layers == doc.place_layers and back.flow_style.part_period == "2024Q4"
    with pytest.raises(CrossingsError, match="kind 'bars' is not"):
        PlaceFigureLayer.from_dict({"metric": "stranded", "kind": "bars"})
    with pytest.raises(CrossingsError, match="colour 'red' is not a #rrggbb"):
        PlaceFigureLayer.from_dict({"metric": "stranded", "colour": "red"})


def _view(doc):
    from geo.page import Page
    from geo.view import MapView

    page = Page("A4", "landscape", 100.0)
    w, h = page.size_px
    return MapView(doc.crs, doc.default_extent(), (0, 0, w, h), dpi=100.0)


def test_the_circles_are_exported_as_a_layer_styled_as_drawn(doc):
    from geo.exports.gpkg_styles import map_styles
    from geo.exports.layers import export_layers

    doc.place_layers = (PlaceFigureLayer("dead_missing", "2024", IOM, part_period="2024Q4", colour="#4d4d4d"),
                        PlaceFigureLayer("migrants_present", "2024Q4", colour="#7b3294"),
                        PlaceFigureLayer("interceptions", "2024", colour="#2166ac"),
                        PlaceFigureLayer("interceptions", "2024-01-01/2024-10-31", colour="#67a9cf"))
    layers = export_layers(doc, _view(doc))
    circles = layers["place_figures"].set_index("place_key")
    assert set(circles.index) == {"ATL", "WMR", "CMR", "LBY", "CMR-LY", "MAR"}
    assert circles.loc["ATL", "map_label"] == "1,062 / of which Q4 2024: 208"
    assert circles.loc["LBY", "figure"] == 787326 and circles.loc["LBY", "colour"] == "#7b3294"
    lon, lat = circles.loc["LBY"].geometry.x, circles.loc["LBY"].geometry.y
    assert 10 < lon < 25 and 20 < lat < 33  # inside Libya, in lon/lat
    qml = map_styles(doc, layers)["place_figures"].qml
    assert 'type="categorizedSymbol"' in qml and 'attr="layer_title"' in qml
    # one category per layer, named as the legend names it: two layers of one metric stay apart
    for title in (f"Dead and missing ({IOM})", "Migrants present, Q4 2024", "Interceptions",
                  "Interceptions, 1\u00a0Jan – 31\u00a0Oct\u00a02024"):
        assert f'value="{title}"' in qml, title
    assert circles.loc["MAR", "layer_title"] != circles.loc["CMR-LY", "layer_title"]


def test_a_layers_source_is_named_in_the_maps_language(doc):
    from geo.place_figures import layer_title

    doc.label_language = "fr"
    assert layer_title(doc, PlaceFigureLayer("dead_missing", "2024", IOM)) == \
        "Morts et disparus (Projet Migrants disparus de l’OIM)"  # as the French footer names it
    assert layer_title(doc, PlaceFigureLayer("dead_missing", "2024", CF)) == "Morts et disparus (Caminando\u00a0Fronteras)"
