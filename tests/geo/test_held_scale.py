"""One width scale held across the periods of a kind: a width means one figure on every quarter's map.

Evidence this guards: Libya → Italy (CMR-LY) at 8,900 in a test Q1 2025 was drawn wider than at
11,341 the quarter before, because each period's widths were fitted to its own largest flow.
Widths are measured on the drawn geometry (a cut across the band), not read from the scale.
"""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString

from geo import paths
from geo.document import MapDocument
from geo.flow_table import read_flow_table
from geo.legend import NOTE, SIZE, legend_entries
from geo.project import load_project, save_project
from geo.series import plan_series
from geo.styles import FlowStyle
from geo.view import MapView


def figures_with_q1(folder, extra=(("CMR-LY", "8900"),)):
    """The bundled figures plus a 2025Q1 with ``extra`` (route, value) arrivals rows."""
    rows = list(csv.DictReader(paths.default_flows().open(encoding="utf-8")))
    q4 = {r["route_id"]: r for r in rows if r["period"] == "2024Q4" and r["metric"] == "arrivals"}
    added = [{**q4[rid], "period": "2025Q1", "value": value, "date_from": "", "date_to": "", "note": ""}
             for rid, value in extra]
    out = folder / "figures_q1.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows + added)
    return out


@pytest.fixture
def doc(bundled_doc_factory, tmp_path):
    d = bundled_doc_factory()
    d.set_flows(read_flow_table(figures_with_q1(tmp_path)))
    return d


def drawn_width_mm(doc: MapDocument, view: MapView, route_id: str, at: float = 0.4) -> float:
    """The band's width on paper: the length of a cut across it, square to its centreline at ``at``
    of its length (well before the arrowhead), in millimetres."""
    symbols = doc.flow_symbols(view)
    row = symbols[symbols["route_id"] == route_id].iloc[0]
    line = row["centreline"]
    d = at * line.length
    p, q = np.array(line.interpolate(d).coords[0]), np.array(line.interpolate(d + 1.0).coords[0])
    normal = np.array([-(q - p)[1], (q - p)[0]]) / np.hypot(*(q - p))
    reach = view.mm_to_units(30)
    cut = LineString([p - normal * reach, p + normal * reach]).intersection(row["geometry"])
    # the part of the cut through the centre (a neighbouring band of the same symbol is not this one)
    parts = [g for g in getattr(cut, "geoms", [cut]) if g.distance(shapely.Point(p)) < 1e-6 * reach]
    return parts[0].length / view.mm_to_units(1.0)


def view_of(doc: MapDocument) -> MapView:
    return MapView(doc.crs, doc.default_extent(), (0.0, 0.0, 1600.0, 1100.0), dpi=150.0)


def test_a_smaller_figure_is_drawn_narrower_in_the_next_quarter(doc):
    view = view_of(doc)
    doc.select("2024Q4", "arrivals")
    q4 = drawn_width_mm(doc, view, "CMR-LY")
    doc.select("2025Q1", "arrivals")
    q1 = drawn_width_mm(doc, view, "CMR-LY")
    assert q1 < q4
    assert q1 / q4 == pytest.approx(8900 / 11341, rel=0.03)  # widths in proportion to the figures
    assert q4 == pytest.approx(7.5 * 11341 / 16109, rel=0.03)  # ATL 16,109 in Q4 is the largest of any quarter


def test_with_the_scale_not_held_each_quarter_is_fitted_to_itself(doc):
    doc.flow_style.hold_scale = False
    view = view_of(doc)
    doc.select("2024Q4", "arrivals")
    q4 = drawn_width_mm(doc, view, "CMR-LY")
    doc.select("2025Q1", "arrivals")
    q1 = drawn_width_mm(doc, view, "CMR-LY")
    assert q1 > q4 and q1 == pytest.approx(7.5, rel=0.03)  # the old behaviour: the only Q1 flow is full width


def test_the_legend_says_the_scale_is_held_and_only_when_it_is(doc):
    doc.select("2025Q1", "arrivals")
    notes = [e.text for e in legend_entries(doc) if e.kind == NOTE]
    # the held scale said, and the minimum too where a figure is drawn at it (wider than its value): the held
    # overview's 2,000 bar stood nearly as wide as its 10,000 one with no word why. Every sample is drawn in
    # proportion (geo.flow_geometry.WidthScale.legend_values), so only a figure can be widened.
    scale = doc.width_scale()
    widened = (doc.join().flows["value"].map(scale.proportional_mm) < scale.min_width_mm).any()
    assert notes == ["Widths on one scale for every quarter"] + (["Smallest flows drawn 0.6 mm wide"] if widened else [])
    sizes = [e.size_mm for e in legend_entries(doc) if e.kind == SIZE]
    assert min(sizes) > 0.6
    doc.flow_style.hold_scale = False  # fitted to this map alone, and said: the Q4 map drew Libya's 11,341
    # wider than the year map its 41,484, and a reader setting them side by side had no word of it
    assert next(e.text for e in legend_entries(doc) if e.kind == NOTE) == "Widths to this map's own scale"
    doc.flow_style.hold_scale = True
    doc.flow_style.reference_value = 20000.0  # a fixed value overrides the held scale, and says so
    assert next(e.text for e in legend_entries(doc) if e.kind == NOTE) == "Fixed scale: 20,000 = 7.5 mm"
    assert doc.width_scale().reference_value == 20000.0
    doc.flow_style.reference_value = 1000.0  # every figure and sample drawn in proportion: no minimum to say
    assert [e.text for e in legend_entries(doc) if e.kind == NOTE] == ["Fixed scale: 1,000 = 7.5 mm"]


def test_quarters_hold_with_quarters_and_years_with_years(doc):
    doc.select("2025Q1", "arrivals")
    assert doc.width_scale().reference_value == 16109.0  # the 2024Q4 Atlantic figure, not a year's
    doc.select("2024", "arrivals")
    year_largest = max(float(doc.join().flows["value"].max()), 0.0)
    doc.select("2023", "arrivals")
    assert doc.width_scale().reference_value == pytest.approx(max(year_largest, float(doc.join().flows["value"].max())))
    doc.select("2024", "dead_missing")  # the only year with deaths: nothing to hold it to
    assert doc.held_reference() is None
    assert next(e.text for e in legend_entries(doc) if e.kind == NOTE) == "Sizes to this map's own scale"
    # several maps on one scale (small multiples) are not each on its own
    assert not [e for e in legend_entries(doc, ["2023", "2024"]) if "own scale" in e.text]


def test_the_held_scale_follows_the_source_choice_and_leaves_the_selection_alone(doc):
    from geo.join import ALL_SOURCES

    said = []
    doc.changed.connect(said.append)
    doc.select("2025Q1", "arrivals", ALL_SOURCES)
    said.clear()
    scale = doc.width_scale()
    assert (doc.period, doc.metric, doc.source) == ("2025Q1", "arrivals", ALL_SOURCES) and said == []
    assert scale.reference_value == 16109.0


def test_the_series_plan_holds_the_same_largest_figure(doc):
    plan = plan_series(doc, ["2024Q4", "2025Q1"], ["arrivals"])
    doc.select("2025Q1", "arrivals")
    assert plan.scales["arrivals"] == doc.width_scale().reference_value == 16109.0


def test_hold_scale_is_validated_and_saved_and_old_projects_still_open(doc, tmp_path):
    with pytest.raises(ValueError, match="hold_scale"):
        FlowStyle(hold_scale="yes")
    with pytest.raises(ValueError, match="compare"):
        FlowStyle(compare="last week")
    doc.flow_style.hold_scale = False
    path = save_project(doc, tmp_path / "map.crossings.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["flow_style"]["hold_scale"] is False
    assert load_project(path).flow_style.hold_scale is False
    del data["flow_style"]["hold_scale"]  # a project saved before the setting existed
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_project(path).flow_style.hold_scale is True
