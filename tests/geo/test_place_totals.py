"""A circle layer's figure for a country's total over its routes (geo.place_totals): the dead and missing
on the routes to Spain, "over 10,000" by Caminando Fronteras, is a total of its own, never a fourth circle."""

from __future__ import annotations

import dataclasses

from geo import paths
from geo.place_figures import OWN_SCALE_MAX_MM, place_circles
from geo.place_totals import TOTAL_KEY, place_totals
from geo.project import load_project

OVERVIEW = paths.data_path() / "projects" / "q4_2024_overview.crossings.json"


def test_the_dead_on_the_routes_to_spain_are_a_total_not_a_circle():
    doc = load_project(OVERVIEW)
    circles = place_circles(doc)
    assert "ESP" not in set(circles["where"])  # on the Western Mediterranean's line, it drew the dead twice
    caminando = circles[circles["source"] == "Caminando Fronteras"]
    assert sorted(caminando["value"]) == [183, 513, 9757]
    assert not any("part of" in text for text in caminando["text"]), list(caminando["text"])  # 'part of the Spain'
    totals = place_totals(doc)
    assert len(totals) == 1
    total = totals.iloc[0]
    assert total["key"].startswith(TOTAL_KEY) and total["country"] == "ESP" and total["where"] == "ESP"
    assert (total["value"], total["qualifier"], total["source"]) == (10000, "at_least", "Caminando Fronteras")
    # says what it counts and over what, broken before what it counts: not '… dead' above 'and missing'
    assert total["text"] == "Routes to Spain: ≥\u00a010,000\ndead and missing"
    assert total["text_colour"] == caminando["text_colour"].iloc[0]  # read with its layer's circles


def test_a_total_does_not_size_its_layers_circles():
    """The largest circle of the dead's own scale is still the Atlantic's 9,757: the total, drawn as no
    circle, takes no part in the scale."""
    doc = load_project(OVERVIEW)
    circles = place_circles(doc)
    atlantic = circles[(circles["source"] == "Caminando Fronteras") & (circles["where"] == "ATL")]
    assert float(atlantic["diameter_mm"].iloc[0]) == OWN_SCALE_MAX_MM


def test_a_total_is_written_in_the_maps_language():
    doc = load_project(OVERVIEW)
    doc.label_language = "fr"
    assert place_totals(doc).iloc[0]["text"] == "Routes vers l’Espagne\u00a0: ≥\u00a010\u202f000\nmorts et disparus"
    doc.label_language = "ar"
    text = place_totals(doc).iloc[0]["text"]
    assert text.startswith("الطرق إلى إسبانيا") and text.endswith("\nالموتى والمفقودون") and "10" in text


def test_a_lower_bound_total_on_its_own_map_derives_no_rest():
    """On the map of Caminando Fronteras' dead and missing, Spain's 'over 10,000' is the flows' total
    (geo.join): 10,000 less the Atlantic's 9,757 and the Western Mediterranean's 183 read 'incl. 60 (derived)
    via other or unknown routes', a number the source never gave (its Algerian route alone has 513). A
    bound's rest is not known, and parts above a lower bound contradict nothing."""
    from geo.document import MapDocument

    doc = MapDocument.from_files()
    doc.select("2024", "dead_missing", "Caminando Fronteras")
    spain = {t.route_id: t for t in doc.join().totals}["ESP"]
    assert (spain.value, spain.qualifier, spain.remainder, spain.exceeded, spain.note()) == (10000, "at_least", 0, False, "")
    assert dataclasses.replace(spain, parts_sum=10453.0).exceeded is False  # 'over 10,000': 10,453 is no contradiction
    assert dataclasses.replace(spain, qualifier="", parts_sum=10453.0).exceeded  # an exact total below its parts is


def test_the_legend_says_a_country_total_stands_over_its_country_with_its_qualifier():
    """The legend said 'Spain 10,000: a total, shown where its routes arrive' of a lower bound written over
    Spain: neither the 'at least' nor the place was true."""
    from geo.document import MapDocument
    from geo.legend import TOTAL, legend_entries

    doc = MapDocument.from_files()
    doc.select("2024", "dead_missing", "Caminando Fronteras")
    assert [e.text for e in legend_entries(doc) if e.kind == TOTAL] == [
        "Spain ≥ 10,000: the total of its routes, shown over the country"]
    doc.select("2024", "arrivals", None)  # of several totals, the largest where its routes arrive is the example
    assert [e.text for e in legend_entries(doc) if e.kind == TOTAL] == [
        "Italy 65,474 and the other figures in black: totals of several routes, not to be added to their figures"]
    doc.select("2023", "arrivals", None)  # one total: where it stands
    assert [e.text for e in legend_entries(doc) if e.kind == TOTAL] == [
        "Ceuta and Melilla 1,234: a total, shown where its routes arrive"]


def test_the_legend_names_only_a_total_written_out_and_none_where_every_total_is_numbered():
    """Told which totals the map numbers for want of room, the entry names the largest of the others, and
    none where every one is numbered: it never names a figure the reader cannot find."""
    from geo.document import MapDocument
    from geo.legend import TOTAL, legend_entries, totals_unwritten

    doc = MapDocument.from_files()
    doc.select("2024", "arrivals", None)

    def entry(keys):
        return [e.text for e in legend_entries(doc, unwritten=totals_unwritten(keys)) if e.kind == TOTAL]
    assert entry([]) == entry(["WMR", "place:3:ESP:1|place:4:ESP:2"]) == [
        "Italy 65,474 and the other figures in black: totals of several routes, not to be added to their figures"]
    assert entry(["total:CMR", "CMR-TN"]) == [
        "Spain (WMR) 16,903 and the other figures in black: totals of several routes, not to be added to their figures"]
    every = [f"total:{t.route_id}" for t in doc.join().totals]
    assert entry(["|".join(every)]) == ["Figures in black: totals of several routes, not to be added to their figures"]
    doc.label_language = "fr"
    assert entry(every) == ["Chiffres en noir\u00a0: totaux de plusieurs routes, à ne pas ajouter à leurs chiffres"]
