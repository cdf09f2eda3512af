"""The figures model (geo.join): every figure shown once, with its meaning, source and qualifier.

Read against the Q4 2024 update (shared/seeds/000_…): totals versus parts, figures inside other
figures, metrics that are not arrivals, competing sources, "at least" and "nearly".
"""

from __future__ import annotations

import math

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString

from geo import paths
from geo.errors import DataError
from geo.flow_table import FlowTable, read_flow_table
from geo.join import (
    ALL_SOURCES,
    CONTAINED,
    DRAWN,
    IN_REMAINDER,
    NO_DATA,
    NOT_APPLICABLE,
    OTHER_SOURCE,
    REMAINDER,
    TOTAL,
    ZERO,
    join_flows,
    return_line,
)
from geo.metrics import CIRCLE, CORRIDOR, RETURN_FLOW, metric_meaning, read_metrics
from geo.qualifiers import figure_text, parse_qualifier
from geo.relations import FigureRelations, read_relations

UNNAMED = "Not named in the update (linked)"


@pytest.fixture(scope="module")
def relations(routes):
    return read_relations(paths.default_relations(), set(routes["route_id"]))


def join(routes, table, relations, period, metric, source=None):
    return join_flows(routes, table, period, metric, source, relations)


def status_of(result) -> dict[str, str]:
    """route_id -> how the map shows the figure it draws for that route (or the route itself)."""
    f = result.figures
    out = dict(zip(f["route_id"], f["status"], strict=True))
    shown = f[f["status"].isin((DRAWN, TOTAL, CONTAINED))]
    out.update(zip(shown["route_id"], shown["status"], strict=True))
    return out


def drawn_values(result) -> dict[str, float]:
    return dict(zip(result.flows["route_id"], result.flows["value"], strict=True))


# -- the bundled quarter -----------------------------------------------------------------------
def test_q4_italy_total_is_a_label_with_the_part_not_broken_down(routes, table, relations):
    r = join(routes, table, relations, "2024Q4", "arrivals")
    assert drawn_values(r) == {"ATL": 16109, "WMR": 5128, "CMR-LY": 11341, "CMR-TN": 3438, "CMR-DZ": 555}
    assert status_of(r)["CMR"] == TOTAL  # never a band beside its own branches
    spain, italy = r.totals  # Spain's over its routes (total_over): Canaries 16,109 and WMR 5,128, none left
    assert (spain.name, spain.value, spain.remainder, spain.country) == ("Spain", 21237, 0, "ESP")
    assert "ESP" not in drawn_values(r) and "ESP" not in r.no_data  # never drawn, not even dashed
    assert (italy.name, italy.value, italy.remainder, italy.country) == ("Italy", 16166, 832, None)
    assert italy.lines() == ["Italy 16,166", "incl. 832 (derived) via other", "or unknown routes"]
    rem = r.figures[r.figures["status"] == REMAINDER]
    assert rem[["route_id", "value", "qualifier"]].values.tolist() == [["CMR", 832.0, "derived"]]


def test_canary_islands_figure_is_unhcr_and_marked(routes, table, relations):
    """A figure 'not named in the update' never beats a named, dated one for the same figure."""
    q4 = join(routes, table, relations, "2024Q4", "arrivals")
    assert q4.main_source == UNNAMED and q4.markers == {"UNHCR": "a"}
    assert q4.flows.set_index("route_id").loc["ATL", "label"] == "16,109 (a)"
    year = join(routes, table, relations, "2024", "arrivals")
    f = year.figures[year.figures["route_id"] == "ATL"].set_index("source")
    assert f.loc["UNHCR", "status"] == DRAWN and f.loc["UNHCR", "value"] == 46524
    assert f.loc[UNNAMED, "status"] == OTHER_SOURCE
    assert any("sources disagree; showing UNHCR: 46,524" in i.message for i in year.issues_at("warning"))


def test_balearic_arrivals_are_never_added_to_the_spanish_sea_arrivals_that_contain_them(routes, table, relations):
    r = join(routes, table, relations, "2024", "arrivals")
    alb = r.flows.set_index("route_id").loc["ALB"]
    assert alb["status"] == CONTAINED and not alb["filled"] and alb["contained_in"] == "WMR-SEA"
    assert alb["label"] == "~6,000"  # "nearly 6,000"
    assert status_of(r)["WMR-SEA"] == DRAWN
    # 2023: both figures again, same rule
    r23 = join(routes, table, relations, "2023", "arrivals", UNNAMED)
    assert status_of(r23)["ALB"] == CONTAINED


def test_one_source_wmr_total_keeps_its_land_share_as_a_stated_remainder(routes, table, relations):
    """--period 2024 --source 'Not named…' drew WMR, WMR-SEA and ALB as three flows; now the sea
    arrivals are drawn, Balearics outlined inside them and the WMR total labelled."""
    r = join(routes, table, relations, "2024", "arrivals", UNNAMED)
    st_ = status_of(r)
    assert st_["WMR"] == TOTAL and st_["WMR-SEA"] == DRAWN and st_["ALB"] == CONTAINED
    assert st_["WMR-LAND"] == IN_REMAINDER and "WMR-LAND" in r.no_data
    wmr = next(t for t in r.totals if t.route_id == "WMR")
    assert wmr.remainder == 16903 - 14431
    assert "land arrivals to Ceuta and Melilla" in wmr.note()
    filled = r.flows[r.flows["filled"]]
    assert set(filled["route_id"]) == {"ATL", "WMR-SEA", "CMR-LY", "CMR-TN", "CMR-DZ"}


def test_parts_from_other_sources_that_exceed_their_total_are_said_so(routes, table, relations):
    r = join(routes, table, relations, "2024", "arrivals")
    wmr = next(t for t in r.totals if t.route_id == "WMR")
    assert wmr.exceeded and wmr.parts_sum == 14431 + 2647 and wmr.remainder == 0
    assert "its routes sum to 17,078" in wmr.note()
    assert any(i.route_id == "WMR" and "more than its total 16,903" in i.message for i in r.issues_at("warning"))


def test_a_branch_without_a_figure_is_part_of_the_total_never_dropped(routes, table, relations, tmp_path):
    frame = table.frame.copy()
    frame.loc[(frame["route_id"] == "CMR-TN") & (frame["period"] == "2024Q4"), "value"] = math.nan
    r = join(routes, FlowTable(frame, tmp_path / "f.csv"), relations, "2024Q4", "arrivals")
    assert "CMR" not in drawn_values(r)  # was drawn beside CMR-LY: 16,166 and 11,341 side by side
    assert status_of(r)["CMR-TN"] == IN_REMAINDER and "CMR-TN" in r.no_data
    _spain, italy = r.totals
    assert italy.remainder == 16166 - 11341 - 555
    assert "Tunisia to Italy" in italy.note()


def test_dead_and_missing_take_one_source_per_scale(routes, table, relations):
    auto = join(routes, table, relations, "2024", "dead_missing")
    assert drawn_values(auto) == {"ATL": 1062, "WMR": 412, "CMR": 1659}
    assert set(auto.flows["source"]) == {"IOM Missing Migrants Project"}
    assert set(auto.flows["symbol"]) == {CIRCLE}  # a toll on the route, not an arrow into Europe
    assert auto.flows.set_index("route_id").loc["CMR", "label"] == "≥ 1,659"
    cf = join(routes, table, relations, "2024", "dead_missing", "Caminando Fronteras")
    assert drawn_values(cf) == {"ATL": 9757, "WMR": 183, "ALB": 513}
    both = join(routes, table, relations, "2024", "dead_missing", ALL_SOURCES)
    assert len(set(both.flows["source"])) == 2 and both.markers  # mixing is explicit, and marked


def test_interceptions_run_back_to_the_departure_coast(routes, table, relations):
    r = join(routes, table, relations, "2024", "interceptions")
    row = r.flows.set_index("route_id").loc["CMR-LY"]
    assert row["symbol"] == RETURN_FLOW and row["label"] == "≥ 21,470"
    route = routes.set_index("route_id").loc["CMR-LY", "geometry"]
    start, end = row["geometry"].coords[0], row["geometry"].coords[-1]
    assert end == route.coords[0]  # the arrow ends at the Libyan coast, where people were returned
    assert route.project(__import__("shapely").Point(start), normalized=True) == pytest.approx(0.45, abs=0.01)
    # land routes cannot have sea interceptions: not drawn at all
    assert status_of(r)["WMR-CEUTA"] == NOT_APPLICABLE and "WMR-CEUTA" not in r.no_data


def test_expulsion_maps_do_not_dash_every_sea_route(routes, table, relations):
    r = join(routes, table, relations, "2024", "expulsions")
    assert r.flows.set_index("route_id").loc["EXP-DZ-NE", "symbol"] == CORRIDOR
    assert r.no_data == ["EXP-LY-NE"]  # no 2024 figure, but one could exist
    sea = routes.loc[routes["mode"] == "sea", "route_id"]
    assert {status_of(r)[rid] for rid in sea} == {NOT_APPLICABLE}


def test_every_bundled_figure_is_in_the_figures_layer_exactly_once(routes, table, relations):
    """For every period, metric and source choice: each row of the file once, each route once shown."""
    for period in table.periods():
        for metric in table.metrics(period):
            for source in [None, ALL_SOURCES, *table.sources(period, metric)]:
                r = join(routes, table, relations, str(period), metric, source)
                rows = table.select(period, metric)
                listed = r.figures.dropna(subset=["row"])
                listed = listed[listed["status"] != REMAINDER]
                assert sorted(listed["row"].astype(int)) == sorted(rows["row"]), (period, metric, source)
                shown = r.figures[r.figures["status"].isin((DRAWN, TOTAL, CONTAINED))]
                assert not shown["route_id"].duplicated().any(), (period, metric, source)
                for rid in routes["route_id"]:  # and every route has a say
                    assert rid in set(r.figures["route_id"])


HEADLINES = [  # the update's headline figures, on the default map of their period
    ("2024Q4", "arrivals", "CMR", 16166), ("2024", "arrivals", "CMR", 65474), ("2024", "arrivals", "WMR", 16903),
    ("2024Q4", "arrivals", "ATL", 16109), ("2024", "arrivals", "ATL", 46524), ("2024", "dead_missing", "CMR", 1659),
    ("2024", "expulsions", "EXP-DZ-NE", 31404), ("2024", "interceptions", "CMR-LY", 21470),
]


@pytest.mark.parametrize(("period", "metric", "route", "value"), HEADLINES)
def test_headline_figures_are_shown_on_their_periods_map(routes, table, relations, period, metric, route, value):
    r = join(routes, table, relations, period, metric)
    shown = r.shown()
    assert ((shown["route_id"] == route) & (shown["value"] == value)).sum() == 1


def test_a_zero_is_drawn_as_zero_not_as_a_thin_flow_or_no_data(routes, tmp_path):
    t = tmp_path / "f.csv"
    t.write_text("route_id,period,metric,value\nALB,2025Q1,arrivals,0\nATL,2025Q1,arrivals,9000\n", encoding="utf-8")
    r = join_flows(routes, read_flow_table(t), "2025Q1", "arrivals")
    alb = r.flows.set_index("route_id").loc["ALB"]
    assert alb["symbol"] == ZERO and alb["label"] == "0" and "ALB" not in r.no_data


# -- qualifiers, metrics and relations as data -------------------------------------------------
@pytest.mark.parametrize(("text", "canonical"), [
    ("", ""), ("at least", "at_least"), ("Over", "at_least"), ("≥", "at_least"), ("nearly", "about"),
    ("approx.", "about"), ("~", "about"), ("up to", "at_most"), ("rounded", "rounded"), ("Derived", "derived"),
    ("lower_bound", "at_least"),
])
def test_qualifier_spellings(text, canonical):
    assert parse_qualifier(text) == canonical


def test_qualified_figures_are_written_as_the_update_words_them():
    assert figure_text(31404, "at_least") == "≥ 31,404"
    assert figure_text(6000, "about") == "~6,000"
    assert figure_text(17000, "rounded") == "~17,000"
    assert figure_text(116, "derived", "b") == "116 (derived) (b)"
    assert figure_text(0) == "0" and figure_text(float("nan")) == "no figure"


def test_bundled_qualifiers_follow_the_update(table):
    q = {(r.route_id, r.period, r.metric): r.qualifier for r in table.frame.itertuples()}
    assert q[("EXP-DZ-NE", "2024", "expulsions")] == "at_least"  # "at least 31,404"
    assert q[("ALB", "2024", "arrivals")] == "about"  # "nearly 6,000"
    assert q[("CMR-LY", "2024", "interceptions")] == "at_least"  # "at least 21,470"
    assert q[("CMR", "2024", "dead_missing")] == "at_least"  # "at least 1,659"
    assert q[("ALB", "2024-11", "rescues")] == "at_least"  # "over 700"
    assert q[("ATL", "2024Q4", "arrivals")] == ""


def test_an_unknown_qualifier_names_the_row(tmp_path):
    p = tmp_path / "f.csv"
    p.write_text("route_id,period,metric,value,qualifier\nATL,2024,arrivals,5,roughly-ish\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"f.csv, row 2: qualifier 'roughly-ish' is not one of"):
        read_flow_table(p)


def test_metric_meanings_are_data(tmp_path):
    assert metric_meaning("dead_missing").symbol == CIRCLE
    assert metric_meaning("interceptions").symbol == RETURN_FLOW
    assert not metric_meaning("expulsions").applies("sea")
    assert metric_meaning("new_metric").symbol == "flow" and metric_meaning("new_metric").applies("sea")
    bad = tmp_path / "metrics.csv"
    bad.write_text("metric,label,symbol,applies_to,legend\nstranded,Stranded,blob,land,x\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"metrics.csv, row 2: symbol 'blob' is not one of"):
        read_metrics(bad)
    bad.write_text("metric,label,symbol,applies_to,legend\nstranded,Stranded,circle,desert,x\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"route mode 'desert'"):
        read_metrics(bad)


def test_relations_refuse_unknown_routes_and_loops(tmp_path):
    p = tmp_path / "relations.csv"
    p.write_text("route_id,relation,other,metric,text\nA,contained_in,ZZ,,\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"row 2: other 'ZZ' is not a route"):
        read_relations(p, {"A", "B"})
    p.write_text("route_id,relation,other,metric,text\nA,contained_in,B,,\nB,contained_in,A,,\n", encoding="utf-8")
    with pytest.raises(DataError, match="contained in itself"):
        read_relations(p, {"A", "B"})


# -- properties over random route trees and figures --------------------------------------------
@st.composite
def trees_and_figures(draw):
    """A random forest of routes (parents before children) and random figures for some of them,
    from one or two sources, sometimes consistent (parts within their total), sometimes not."""
    n = draw(st.integers(1, 9))
    parents = [""] + [draw(st.sampled_from(["", *[f"R{j}" for j in range(i)]])) for i in range(1, n)]
    ids = [f"R{i}" for i in range(n)]
    figured = draw(st.lists(st.sampled_from(ids), unique=True, max_size=n))
    consistent = draw(st.booleans())
    values: dict[str, float] = {}

    def covered(rid: str) -> float:
        """What a route's figure must at least be for its parts to fit: its own, or its branches'."""
        return values.get(rid, sum(covered(k) for k, p in zip(ids, parents, strict=True) if p == rid))

    for rid in reversed(ids):  # children first, so a consistent parent can cover them
        if rid not in figured:
            continue
        kids = sum(covered(k) for k, p in zip(ids, parents, strict=True) if p == rid)
        extra = draw(st.integers(0, 5000))
        values[rid] = float(kids + extra if consistent else draw(st.integers(0, 20000)))
    sources = {rid: draw(st.sampled_from(["S1", "S2"])) for rid in values}
    contained = draw(st.one_of(st.none(), st.tuples(st.sampled_from(ids), st.sampled_from(ids))))
    return ids, parents, values, sources, consistent, contained


def _random_case(ids, parents, values, sources, contained, tmp_path):
    routes = gpd.GeoDataFrame({
        "route_id": ids, "name": ids, "group": "G", "parent": parents, "mode": "sea", "origin": "", "dest": ""},
        geometry=[LineString([(i, 0), (i, 1)]) for i in range(len(ids))], crs=4326)
    frame = pd.DataFrame({
        "route_id": list(values), "period": "2024", "metric": "arrivals", "value": list(values.values()),
        "qualifier": "", "source": [sources[r] for r in values], "source_ref": "", "note": "", "date_from": "",
        "date_to": "", "row": range(2, 2 + len(values))})
    rel = FigureRelations()
    if contained and contained[0] != contained[1]:
        rel = FigureRelations()
        from geo.relations import Containment

        rel.contained.append(Containment(contained[0], contained[1], None))
    return routes, FlowTable(frame, tmp_path / "f.csv"), rel


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=trees_and_figures(), choice=st.sampled_from([None, ALL_SOURCES, "S1"]))
def test_no_figure_is_drawn_twice_and_drawn_parts_never_exceed_their_total(case, choice, tmp_path):
    ids, parents, values, sources, consistent, contained = case
    routes, table, rel = _random_case(ids, parents, values, sources, contained, tmp_path)
    r = join_flows(routes, table, "2024", "arrivals", choice, rel)
    parent_of = dict(zip(ids, parents, strict=True))

    def ancestors(rid):
        p = parent_of[rid]
        while p:
            yield p
            p = parent_of[p]

    filled = set(r.flows.loc[r.flows["filled"], "route_id"])
    # a route is filled at most once, and never together with one of its ancestors (that would count
    # the same people twice)
    assert not r.flows["route_id"].duplicated().any()
    for rid in filled:
        assert not set(ancestors(rid)) & filled
    # contained figures are outlines, never filled, when what contains them is shown
    shown = set(r.shown()["route_id"])
    for c in rel.contained:
        if c.part in set(r.flows["route_id"]) and c.whole in shown and c.part not in set(ancestors(c.whole)):
            assert c.part not in filled
    # a total: its remainder plus its drawn parts is the total, unless the parts exceed it and it says so
    for t in r.totals:
        if t.exceeded:
            assert t.remainder == 0 and "sum to" in t.note()
            assert any(i.route_id == t.route_id and "more than its total" in i.message for i in r.issues)
        else:
            assert t.remainder + t.parts_sum == pytest.approx(t.value)
        if (consistent and choice in ("S1",)) or (consistent and len(set(sources.values())) == 1):
            assert not t.exceeded
    # every chosen figure is shown exactly once; nothing silently dropped
    chosen = r.figures[r.figures["status"].isin((DRAWN, TOTAL, CONTAINED))]
    assert not chosen["route_id"].duplicated().any()
    listed = r.figures.dropna(subset=["row"])
    assert sorted(listed.loc[listed["status"] != REMAINDER, "row"].astype(int)) == sorted(table.frame["row"])
    for rid in ids:
        st_ = status_of(r).get(rid)
        assert st_ is not None
        if st_ == NO_DATA:
            assert rid in r.no_data


def test_return_line_keeps_multi_part_routes():
    from shapely.geometry import MultiLineString

    back = return_line(MultiLineString([[(0, 0), (10, 0)], [(0, 5), (10, 5)]]))
    assert [p.coords[-1] for p in back.geoms] == [(0.0, 0.0), (0.0, 5.0)]


def test_every_figure_of_every_selection_is_on_its_map_once_drawn_labelled_or_in_the_footer():
    """The map itself, not only the figures layer: a figure is drawn, written as a total, outlined, or
    (another source's) listed in the footer; never silently absent."""
    from geo.document import MapDocument
    from geo.map_texts import flow_label_texts, sources_text
    from geo.routes import route_caption

    doc = MapDocument.from_files()
    for period in doc.flows.periods():
        for metric in doc.flows.metrics(period):
            for source in [None, ALL_SOURCES, *doc.flows.sources(period, metric)]:
                doc.select(str(period), metric, source)
                join, footer, labels = doc.join(), sources_text(doc), flow_label_texts(doc)
                totals = {t.route_id: t for t in join.totals}
                for r in join.figures.dropna(subset=["row"]).itertuples():
                    where = (str(period), metric, source, r.route_id, r.value)
                    if r.status in (DRAWN, CONTAINED):
                        assert labels[r.route_id].splitlines()[0] == r.label, where
                    elif r.status == TOTAL:
                        assert totals[r.route_id].lines()[0].endswith(r.label), where
                    elif r.status == OTHER_SOURCE:
                        assert f"{route_caption(doc.layer('routes').data, r.route_id)} {figure_text(r.value, r.qualifier)}" in footer, where
                    else:
                        assert r.status in ("empty", "unknown_route"), where


def test_relations_come_with_the_routes_file_and_survive_a_project(tmp_path):
    """Derived from the routes layer, never stored twice: a saved and reopened project keeps the
    Balearic arrivals inside the Spanish ones; user routes bring their own ``<routes>.relations.csv``."""
    import shutil

    from geo.document import MapDocument
    from geo.project import load_project, save_project

    doc = MapDocument.from_files()
    doc.select("2024", "arrivals")
    project = save_project(doc, tmp_path / "map.crossings.json")
    again = load_project(project)
    assert again.period == "2024"
    assert again.join().flows.set_index("route_id").loc["ALB", "status"] == CONTAINED
    # user routes: no relations unless a file beside them says so
    for ext in ("shp", "shx", "dbf", "prj", "cpg"):
        shutil.copy(paths.default_routes().with_suffix(f".{ext}"), tmp_path / f"myroutes.{ext}")
    mine = MapDocument.from_files(routes=tmp_path / "myroutes.shp")
    mine.select("2024", "arrivals")
    assert mine.join().flows.set_index("route_id").loc["ALB", "status"] == DRAWN
    (tmp_path / "myroutes.relations.csv").write_text(
        "route_id,relation,other,metric,text\nALB,contained_in,WMR-SEA,arrivals,sea arrivals include the islands\n"
        "CMR,total_name,,,Italia\n", encoding="utf-8")
    mine = MapDocument.from_files(routes=tmp_path / "myroutes.shp")
    mine.select("2024", "arrivals")
    assert mine.join().flows.set_index("route_id").loc["ALB", "status"] == CONTAINED
    assert next(t for t in mine.join().totals if t.route_id == "CMR").name == "Italia"


def test_a_total_s_rest_is_marked_derived_and_the_footer_says_what_that_means(bundled_doc_factory):
    """'Italy 65,474 … incl. 3,495 from other or unknown departure points' (as it read): 3,495 is the total less its
    drawn branches, a number the update never gives (it gives shares of 67, 31 and 2 %), printed
    as if quoted. It is marked '(derived)' like Melilla's 116, and the footer explains the mark, even
    on the Q4 map where no other figure is derived."""
    from geo.legend import footnote_parts
    from geo.map_language import map_language

    doc = bundled_doc_factory()
    doc.select("2024Q4", "arrivals", None)
    _spain, italy = doc.join().totals
    assert "incl. 832 (derived) via other" in map_language(doc).total_note(italy)
    footer = footnote_parts(doc).lines()
    assert any("(derived) computed from other figures of the update" in line for line in footer), footer
    doc.label_language = "fr"
    assert "y compris 832 (calculé) par des routes" in map_language(doc).total_note(italy)


def test_spain_s_total_is_written_over_spain_and_never_drawn(routes, table, relations, tmp_path):
    """'In 2024, Spain recorded 63,970 irregular arrivals' (Key Updates); UNHCR: 63,427 as of 29 December,
    21,237 of them from 29 September. A headline of the update the map did not carry: Spain's arrivals
    come by the Atlantic and the Western Mediterranean routes, which no one arrow joins. Spain's route
    (ESP) is a total over those two (relations.csv: total_over ESP), written over Spain, never drawn."""
    from geo.relations import read_relations

    r = join(routes, table, relations, "2024", "arrivals")
    spain = next(t for t in r.totals if t.route_id == "ESP")
    assert (spain.value, spain.parts_sum, spain.remainder, spain.country) == (63427, 46524 + 16903, 0, "ESP")
    assert "ESP" not in drawn_values(r) and "ESP" not in r.no_data
    assert any("ESP (row" in str(i) and "63,970" in str(i) for i in r.issues)  # the other source, said
    # a metric with no figure on any of its routes: the country's total is not drawn dashed either
    r = join(routes, table, relations, "2024", "interceptions")
    assert "ESP" not in r.no_data and "ATL" in r.no_data
    # with no figure below it, its figure is still a total (all of it in the rest), never a band
    frame = table.frame[~((table.frame["route_id"].isin(["ATL", "WMR", "WMR-SEA", "WMR-LAND", "WMR-CEUTA",
                                                         "WMR-MELILLA", "ALB"])) & (table.frame["period"] == "2024Q4"))]
    r = join(routes, FlowTable(frame.reset_index(drop=True), tmp_path / "f.csv"), relations, "2024Q4", "arrivals")
    spain = next(t for t in r.totals if t.route_id == "ESP")
    assert "ESP" not in drawn_values(r) and spain.remainder == 21237
    bad = tmp_path / "relations.csv"
    bad.write_text("route_id,relation,other,metric,text\nESP,total_over,Spain,,\n")
    with pytest.raises(DataError, match="row 2: total_over needs the country's ISO 3166-1 alpha-3 code"):
        read_relations(bad, set(routes["route_id"]))
