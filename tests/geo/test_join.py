"""The join: routes x figures for a period, metric and source, with every problem reported by name."""

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import LineString

from geo import paths
from geo.figure_values import format_value
from geo.flow_table import read_flow_table
from geo.join import JoinIssue, _best_per_route, _source_rank, _span_days, is_named, join_flows
from geo.relations import read_relations


def values(result):
    return dict(zip(result.flows["route_id"], result.flows["value"], strict=True))


def test_q4_arrivals_draws_branches_of_the_cmr_and_reports_the_total(routes, table):
    relations = read_relations(paths.default_relations(), set(routes["route_id"]))
    result = join_flows(routes, table, "2024Q4", "arrivals", relations=relations)
    assert values(result) == {"ATL": 16109, "CMR-LY": 11341, "WMR": 5128, "CMR-TN": 3438, "CMR-DZ": 555}
    info = [str(i) for i in result.issues_at("info")]
    assert any(i.startswith("CMR: total 16,166 is shown as a label where its branches arrive; 832 not broken down")
               for i in info)
    # no Q4 figure for the Balearic route, but its arrivals are inside the WMR's 5,128 (Spain less the
    # Canaries): part of that figure, never "no figure", never zero
    assert "ALB" not in result.no_data and "ALB" not in values(result)
    bare = join_flows(routes, table, "2024Q4", "arrivals")  # without the relations file: no figure
    assert "ALB" in bare.no_data


def test_joined_rows_carry_provenance(routes, table):
    flows = join_flows(routes, table, "2024Q4", "arrivals").flows.set_index("route_id")
    assert flows.loc["ATL", "source"] == "UNHCR"
    assert flows.loc["ATL", "date_from"] == "2024-09-29" and flows.loc["ATL", "date_to"] == "2024-12-29"
    assert "Canary Islands" in flows.loc["ATL", "note"]
    assert flows.crs.to_epsg() == 4326


def test_conflicting_sources_are_reported_and_choosable(routes, table):
    relations = read_relations(paths.default_relations(), set(routes["route_id"]))
    auto = join_flows(routes, table, "2024", "dead_missing", relations=relations)
    # both sources cover three routes and both report ATL and WMR (their methods differ): one scale,
    # one source; the tie goes to the one with dated figures (IOM's WMR figure is as of 31 December).
    # Caminando Fronteras' total over Spain's routes (ESP) is no route covered: it outranked IOM
    assert values(auto) == {"ATL": 1062, "WMR": 412, "CMR": 1659}
    warn = [str(i) for i in auto.issues_at("warning")]
    assert len(warn) == 1 and warn[0].startswith("ATL, WMR: IOM Missing Migrants Project and Caminando Fronteras")
    assert "--source" in warn[0]
    iom = join_flows(routes, table, "2024", "dead_missing", source="IOM Missing Migrants Project")
    assert values(iom)["ATL"] == 1062
    cf = join_flows(routes, table, "2024", "dead_missing", source="Caminando Fronteras")
    assert values(cf)["ATL"] == 9757 and values(cf)["ALB"] == 513
    assert "CMR" not in values(cf)
    assert any(i.route_id == "CMR" and "no figure from Caminando Fronteras" in i.message for i in cf.issues)


def test_two_sources_for_canary_arrivals_keep_both(routes, table):
    unhcr = join_flows(routes, table, "2024", "arrivals", source="UNHCR")
    assert values(unhcr)["ATL"] == 46524
    other = join_flows(routes, table, "2024", "arrivals", source="Not named in the update (linked)")
    assert values(other)["ATL"] == 46843


def test_land_arrivals_shown_through_ceuta_and_melilla(routes, table):
    v = values(join_flows(routes, table, "2024", "arrivals"))
    assert v["WMR-CEUTA"] == 2531 and v["WMR-MELILLA"] == 116
    assert "WMR-LAND" not in v  # every branch has a figure
    assert v["WMR-SEA"] == 14431  # WMR-MA and WMR-DZ have no figures, so the sea total is drawn


def make_table(tmp_path, text):
    p = tmp_path / "figures.csv"
    p.write_text(text, encoding="utf-8")
    return read_flow_table(p)


def test_unknown_route_ids_and_empty_figures_are_reported(tmp_path):
    routes = gpd.GeoDataFrame(
        {"route_id": ["A", "B"], "name": ["a", "b"], "group": ["G", "G"], "parent": ["", ""], "mode": ["sea", "sea"],
         "origin": ["", ""], "dest": ["", ""]},
        geometry=[LineString([(0, 0), (1, 1)]), LineString([(0, 1), (1, 2)])], crs=4326)
    table = make_table(tmp_path, "route_id,period,metric,value\nA,2024Q4,arrivals,10\nB,2024Q4,arrivals,\nZZ,2024Q4,arrivals,5\n")
    result = join_flows(routes, table, "2024Q4", "arrivals")
    assert values(result) == {"A": 10}
    msgs = [str(i) for i in result.issues]
    assert "ZZ (row 4): is in figures.csv but not in the routes layer; not drawn" in msgs
    assert "B (row 3): the figure is empty (no data); not drawn" in msgs
    assert result.no_data == ["B"]


def _best_per_route_reference(rows, issues):
    """The rule as it was first written, one filter and sort per route: the slow reference."""
    rank = _source_rank(rows)
    key = pd.DataFrame({"unnamed": ~rows["source"].map(is_named),
                        "undated": (rows["date_from"] == "") & (rows["date_to"] == ""),
                        "rank": rows["source"].map(rank), "span": -_span_days(rows)}, index=rows.index)
    picked = []
    for rid, grp in rows.groupby("route_id", sort=True):
        k = key.loc[grp.index].sort_values(["unnamed", "undated", "rank", "span"], kind="stable")
        best, rest = rows.loc[k.index[0]], rows.loc[k.index[1:]]
        picked.append(k.index[0])
        if len(rest):
            differ = (rest["value"] != best["value"]).any()
            alt = "; ".join(f"{s or 'unnamed source'}: {format_value(v)} (row {r})"
                            for s, v, r in zip(rest["source"], rest["value"], rest["row"], strict=True))
            what = "sources disagree" if differ else "several sources give this figure"
            issues.append(JoinIssue("warning" if differ else "info", rid, f"{what}; showing "
                                    f"{best['source'] or 'unnamed source'}: {format_value(best['value'])}, also "
                                    f"{alt}. Choose one with the source selector (--source).", int(best["row"])))
    return pd.Index(picked)


def test_one_sort_picks_the_figure_a_sort_per_route_picks():
    """The best figure of every route from one sort of all rows (5,000 routes took seconds with a
    filter and sort per route): the same figure, and the same notes, as the rule written per route."""
    rng = np.random.default_rng(7)
    sources = ["UNHCR", "IOM", "Frontex", "", "Not named in the update (linked)"]
    dates = ["", "2024-01-01", "2024-07-01", "2024-12-31"]
    for trial in range(40):
        n = int(rng.integers(1, 120))
        rows = pd.DataFrame({
            "route_id": [f"R{int(i)}" for i in rng.integers(0, max(n // 3, 1), n)],
            "source": rng.choice(sources, n), "value": rng.integers(0, 4, n).astype(float) * 100,
            "date_from": rng.choice(dates, n), "date_to": rng.choice(dates, n),
            "row": rng.permutation(n) + 2,
        }, index=rng.permutation(n) * 3 + 5)  # a selection's index: neither ordered nor from 0
        fast, slow = [], []
        assert list(_best_per_route(rows, fast)) == list(_best_per_route_reference(rows, slow)), trial
        assert fast == slow, trial
