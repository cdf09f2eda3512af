"""The figures model: which figure of (period, metric) each route shows, and how, honestly.

A figure on a map must mean what its source says. This module decides, for one period, metric and
source choice, the status of every figure and every route, and nothing draws a figure any other
way:

- ``drawn``: a filled symbol on its route (band, return band, circle or corridor, from the
  metric's meaning; a zero is a ring labelled "0", never a thin flow and never "no figure");
- ``total``: a parent whose branches are drawn; its figure is a label at the destination
  ("Italy 16,166"), never a band beside its own parts;
- ``remainder``: derived, the part of a total its drawn branches do not cover ("832 (derived) via
  other or unknown routes"), stated on the total's label;
- ``contained``: inside another figure drawn on the map (relations.csv): an outline, never
  added to the figure that contains it;
- ``other_source``: a figure of another source than the one this map draws for the route;
- ``unknown_route``: a figure whose route is not in the routes layer.

Routes with no figure get ``no_data`` (dashed: a figure could exist), ``not_applicable`` (the metric
cannot exist there: not drawn at all), ``in_total`` (covered by an ancestor's drawn figure) or
``in_remainder`` (a branch without a figure under a total: dashed, named in the remainder).

Sources. ``source=None`` (the default) never puts two named sources' figures for the same thing on
one scale: where two named sources both give a figure for some route (competing methods, e.g. IOM
and Caminando Fronteras on deaths), only the one covering more routes is drawn, on every route
(ties: the one with dated figures, then the file's order). For each route, a named source beats a
figure "Not named in the update", and a dated figure beats an undated one. ``ALL_SOURCES`` draws
the best figure of every route whatever its source, an explicit choice. When the drawn figures
come from more than one source, every figure not from the main source carries a marker letter
that the footer resolves ("(a) UNHCR").
"""

from __future__ import annotations

import string
import textwrap
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.ops import substring

from geo.figure_values import format_value
from geo.flow_table import FlowTable, normalise_metric
from geo.metrics import RETURN_FLOW, MetricMeaning, metric_meaning
from geo.qualifiers import DERIVED, figure_text
from geo.relations import FigureRelations
from geo.routes import children_of, route_caption

ALL_SOURCES = "(all sources)"
"""The source choice that draws every route's best figure whatever its source, marked."""

FLOW_COLUMNS = ("route_id", "name", "group", "parent", "mode", "origin", "dest", "value", "period",
                "metric", "source", "source_ref", "note", "date_from", "date_to", "row")
# What the figures model adds to each drawn flow.
PLAN_COLUMNS = ("qualifier", "status", "symbol", "filled", "marker", "label", "contained_in")

# Statuses: see the module docstring. The ones drawn as symbols with a width or size:
DRAWN, TOTAL, REMAINDER, CONTAINED = "drawn", "total", "remainder", "contained"
OTHER_SOURCE, UNKNOWN_ROUTE, EMPTY = "other_source", "unknown_route", "empty"
NO_DATA, NOT_APPLICABLE, IN_TOTAL, IN_REMAINDER, BRANCHES = (
    "no_data", "not_applicable", "in_total", "in_remainder", "shown_by_branches")
STATUSES = (DRAWN, TOTAL, REMAINDER, CONTAINED, OTHER_SOURCE, UNKNOWN_ROUTE, EMPTY, NO_DATA, NOT_APPLICABLE,
            IN_TOTAL, IN_REMAINDER, BRANCHES)
ZERO = "zero"
"""The symbol of a figure of zero: a ring and "0"."""

# How far out to sea a return band starts, as a fraction of its route's length: people are
# intercepted at sea, then taken back to the coast they left.
RETURN_FROM = 0.45

FIGURE_COLUMNS = ("route_id", "name", "group", "parent", "mode", "status", "symbol", "value", "qualifier", "label",
                  "marker", "source", "source_ref", "note", "date_from", "date_to", "row", "contained_in",
                  "total_of", "period", "metric", "stated_change")


@dataclass(frozen=True)
class JoinIssue:
    """One thing the cartographer should know about this join; ``level`` is error, warning or info."""

    level: str
    route_id: str
    message: str
    row: int | None = None

    def __str__(self) -> str:
        where = f" (row {self.row})" if self.row else ""
        return f"{self.route_id}{where}: {self.message}"


@dataclass(frozen=True)
class TotalLabel:
    """A parent's figure shown as a label where its drawn branches arrive ("Italy 16,166")."""

    route_id: str
    name: str
    value: float
    qualifier: str
    marker: str
    remainder: float
    """Part of the total not covered by the drawn branches (0 when none, or when they exceed it)."""
    unbroken: tuple[str, ...]
    """Names of the branches without a figure of their own, whose share is in the remainder."""
    parts_sum: float
    group: str
    country: str | None = None
    """The ISO code of the country this is the total of, written over it with no leader
    (geo.relations.TOTAL_OVER); None: written where its branches arrive."""

    @property
    def exceeded(self) -> bool:  # a lower bound ("over 10,000") below its parts is no contradiction
        return self.parts_sum > self.value and self.qualifier != "at_least"

    def lines(self, width: int = 30) -> list[str]:
        """The label: the total, then what its branches do not show, wrapped at ``width`` characters."""
        out = [f"{self.name} {figure_text(self.value, self.qualifier, self.marker)}"]
        return out + textwrap.wrap(self.note(), width) if self.note() else out

    def note(self) -> str:
        """What the drawn branches do not show, in English: the map's words (geo.map_language)."""
        from geo.map_language import MapLanguage

        return MapLanguage("en").total_note(self)


@dataclass
class JoinResult:
    flows: gpd.GeoDataFrame
    """Drawn symbols (status drawn or contained), lon/lat, one row per route, with the figure and
    its provenance, qualifier, marker and label; return bands already run back to the coast."""
    period: str
    metric: str
    source: str | None
    issues: list[JoinIssue] = field(default_factory=list)
    figured: pd.DataFrame | None = None
    """Every figure chosen in this selection, drawn, total or contained (not other sources)."""
    no_data: list[str] = field(default_factory=list)
    """Routes drawn dashed: no figure here where one could exist (also a total's unbroken branches)."""
    figures: pd.DataFrame | None = None
    """Every figure of (period, metric) in any source, and every route without one, with its status."""
    totals: list[TotalLabel] = field(default_factory=list)
    markers: dict[str, str] = field(default_factory=dict)
    """Source -> footnote letter, for figures not from the main source."""
    main_source: str | None = None
    meaning: MetricMeaning | None = None

    def issues_at(self, level: str) -> list[JoinIssue]:
        return [i for i in self.issues if i.level == level]

    def shown(self) -> pd.DataFrame:
        """The figures the map shows (drawn, outlined, total labels, remainders)."""
        f = self.figures
        return f[f["status"].isin((DRAWN, CONTAINED, TOTAL, REMAINDER))] if f is not None else pd.DataFrame()


def is_named(source: str) -> bool:
    """A source the update names (not 'Not named in the update (linked)', not empty)."""
    return bool(source) and not source.strip().lower().startswith("not named")


def join_flows(routes: gpd.GeoDataFrame, table: FlowTable, period: str, metric: str,
               source: str | None = None, relations: FigureRelations | None = None,
               meaning: MetricMeaning | None = None) -> JoinResult:
    """Decide how every figure of (period, metric) and every route is shown; see the module docstring."""
    meaning = meaning or metric_meaning(metric)
    relations = relations or FigureRelations()
    rows = table.select(period, metric).copy()
    if "qualifier" not in rows.columns:
        rows["qualifier"] = ""
    rows["status"] = ""
    rows["contained_in"] = ""
    issues: list[JoinIssue] = []
    file = table.path.name if table.path else "figures"
    known = set(routes["route_id"])

    unknown = ~rows["route_id"].isin(known)
    for r in rows[unknown].itertuples():
        issues.append(JoinIssue("warning", r.route_id, f"is in {file} but not in the routes layer; not drawn", int(r.row)))
    rows.loc[unknown, "status"] = UNKNOWN_ROUTE
    empty = ~unknown & rows["value"].isna()
    for r in rows[empty].itertuples():
        issues.append(JoinIssue("warning", r.route_id, "the figure is empty (no data); not drawn", int(r.row)))
    rows.loc[empty, "status"] = EMPTY

    candidates = rows[rows["status"] == ""]
    chosen_idx = _choose_sources(candidates, source, issues, set(relations.totals_over))
    rows.loc[candidates.index.difference(chosen_idx), "status"] = OTHER_SOURCE
    chosen = rows.loc[chosen_idx]

    mode_of = dict(zip(routes["route_id"], routes["mode"], strict=True))
    for r in chosen.itertuples():
        if not meaning.applies(mode_of[r.route_id]):
            issues.append(JoinIssue("warning", r.route_id, f"{meaning.label.lower()} are not expected on a "
                                    f"{mode_of[r.route_id]} route (metrics table); drawn as given", int(r.row)))

    main, markers = _markers(chosen, table.frame[table.frame["metric"] == normalise_metric(metric)])
    fig_of = {r.route_id: i for i, r in zip(chosen.index, chosen.itertuples(), strict=True)}
    route_status, totals = _resolve_tree(routes, rows, fig_of, meaning, relations, markers, metric, issues)
    _apply_containment(rows, fig_of, relations, metric, issues)

    figures = _figures_frame(routes, rows, route_status, markers, str(period), metric, meaning)
    figures = pd.concat([figures, _remainder_rows(totals, routes, str(period), metric)], ignore_index=True)
    drawn_rows = figures[figures["status"].isin((DRAWN, CONTAINED))]
    flows = _flow_frame(routes, drawn_rows, meaning)
    no_data = [rid for rid, st in route_status.items() if st in (NO_DATA, IN_REMAINDER)]
    for rid in no_data:
        issues.append(JoinIssue("info", rid, f"no figure for {metric} in {period}"))
    figured = rows[rows["status"].isin((DRAWN, TOTAL, CONTAINED))].drop(columns=["status"]).reset_index(drop=True)
    return JoinResult(flows, str(period), metric, source, issues, figured, no_data, figures, totals, markers, main, meaning)


# -- sources -----------------------------------------------------------------------------------
def _choose_sources(rows: pd.DataFrame, source: str | None, issues: list[JoinIssue], totals: set = frozenset()) -> pd.Index:
    """Index of the one figure chosen per route under this source choice (``totals``: country totals' routes)."""
    if rows.empty:
        return rows.index
    if source not in (None, ALL_SOURCES):
        picked = rows[rows["source"] == source]
        have = set(picked["route_id"])
        for rid, grp in rows[rows["source"] != source].groupby("route_id", sort=True):
            if rid not in have:
                alt = ", ".join(f"{s or 'unnamed source'}: {format_value(v)}" for s, v in zip(grp["source"], grp["value"], strict=True))
                issues.append(JoinIssue("info", rid, f"no figure from {source}; other sources have one ({alt})"))
        rows = picked
    elif source is None:
        rows = _drop_competing_sources(rows, issues, totals)
    return _best_per_route(rows, issues)


def _source_rank(rows: pd.DataFrame, totals: set = frozenset()) -> dict[str, tuple]:
    """Sources ordered: more routes covered (a country's total over its routes is none), more dated
    figures, then the file's order. Caminando Fronteras' total for Spain outranked IOM's three routes."""
    coverage = rows[~rows["route_id"].isin(totals)].groupby("source")["route_id"].nunique()
    coverage = coverage.reindex(rows["source"].unique(), fill_value=0)
    dated = rows.assign(_d=(rows["date_from"] != "") | (rows["date_to"] != "")).groupby("source")["_d"].sum()
    first = rows.groupby("source")["row"].min()
    return {s: (-int(coverage[s]), -int(dated[s]), int(first[s])) for s in coverage.index}


def _drop_competing_sources(rows: pd.DataFrame, issues: list[JoinIssue], totals: set = frozenset()) -> pd.DataFrame:
    """Named sources that both report some route compete: keep the best of each competing set."""
    named = rows[rows["source"].map(is_named)]
    routes_of = {s: set(g["route_id"]) for s, g in named.groupby("source")}
    rank = _source_rank(named, totals) if len(named) else {}
    # connected sets of sources that share a route
    groups: list[set[str]] = []
    for s in sorted(routes_of, key=rank.get):
        joined = [g for g in groups if any(routes_of[s] & routes_of[o] for o in g)]
        merged = {s}.union(*joined) if joined else {s}
        groups = [g for g in groups if g not in joined] + [merged]
    losers: set[str] = set()
    for g in groups:
        if len(g) < 2:
            continue
        best = min(g, key=rank.get)
        for other in sorted(g - {best}, key=rank.get):
            losers.add(other)
            shared = sorted(routes_of[best] & routes_of[other])
            issues.append(JoinIssue(
                "warning", ", ".join(shared),
                f"{best} and {other} both report {', '.join(shared)} (their methods differ): this map draws "
                f"{best} only, on one scale; choose {other} with the source selector (--source), or all "
                "sources, marked, explicitly"))
    return rows[~rows["source"].isin(losers)]


def _best_per_route(rows: pd.DataFrame, issues: list[JoinIssue]) -> pd.Index:
    """Per route: a named source over an unnamed one, dated over undated, then the source rank; ties
    in the file's order. One sort of all rows, not a filter and sort per route (seconds at 5,000)."""
    if rows.empty:
        return rows.index
    rank = _source_rank(rows)
    position = {s: i for i, s in enumerate(sorted(rank, key=rank.get))}  # ranks are distinct (first rows differ)
    key = pd.DataFrame({
        "route_id": rows["route_id"].to_numpy(),
        "unnamed": ~rows["source"].map(is_named).to_numpy(dtype=bool),
        "undated": ((rows["date_from"] == "") & (rows["date_to"] == "")).to_numpy(),
        "rank": rows["source"].map(position).to_numpy(),
        "span": -_span_days(rows).to_numpy(),
        "at": np.arange(len(rows)),
    })
    at = key.sort_values(["route_id", "unnamed", "undated", "rank", "span", "at"])["at"].to_numpy()
    rid, src = rows["route_id"].to_numpy()[at], rows["source"].to_numpy()[at]
    val, num = rows["value"].to_numpy()[at], rows["row"].to_numpy()[at]
    starts = np.flatnonzero(np.r_[True, rid[1:] != rid[:-1]])
    for b, e in zip(starts, np.r_[starts[1:], len(at)], strict=True):
        if e - b < 2:
            continue
        differ = any(v != val[b] for v in val[b + 1:e])
        alt = "; ".join(f"{s or 'unnamed source'}: {format_value(v)} (row {r})"
                        for s, v, r in zip(src[b + 1:e], val[b + 1:e], num[b + 1:e], strict=True))
        level, what = ("warning", "sources disagree") if differ else ("info", "several sources give this figure")
        issues.append(JoinIssue(level, rid[b], f"{what}; showing {src[b] or 'unnamed source'}: "
                                f"{format_value(val[b])}, also {alt}. Choose one with the source "
                                "selector (--source).", int(num[b])))
    return rows.index[at[starts]]


def _span_days(rows: pd.DataFrame) -> pd.Series:
    start = pd.to_datetime(rows["date_from"].replace("", None), errors="coerce")
    end = pd.to_datetime(rows["date_to"].replace("", None), errors="coerce")
    return (end - start).dt.days.fillna(-1)


def _markers(chosen: pd.DataFrame, metric_rows: pd.DataFrame) -> tuple[str | None, dict[str, str]]:
    """The main source and a letter for every other source drawn.

    Letters belong to sources for the whole metric, whatever the period: the source with most figures
    of this metric in the file is the main one (unmarked) wherever it is drawn, and the others are
    lettered in the file's order. So a series of maps (quarters side by side, a year's atlas) marks
    one source with one letter throughout, and one footer can resolve them all.
    """
    if chosen.empty or chosen["source"].nunique() < 2:
        return (chosen["source"].iloc[0] if len(chosen) else None), {}
    counts = metric_rows.groupby("source")["route_id"].count()
    first = metric_rows.groupby("source")["row"].min()
    order = sorted(counts.index, key=lambda s: (-counts[s], first[s]))
    main = order[0] if order[0] in set(chosen["source"]) else chosen["source"].value_counts().index[0]
    letters = {s: string.ascii_lowercase[i % 26] for i, s in enumerate(sorted(
        (s for s in counts.index if s != main), key=lambda s: first[s]))}
    return main, {s: letters[s] for s in sorted(set(chosen["source"]) - {main}, key=lambda s: first[s])}


# -- totals and parts --------------------------------------------------------------------------
def _resolve_tree(routes, rows, fig_of, meaning, relations, markers, metric, issues):
    """Status of every route, top down; figures of parents with drawn branches become totals."""
    kids = children_of(routes)
    parent_of = dict(zip(routes["route_id"], routes["parent"], strict=True))
    names = dict(zip(routes["route_id"], routes["name"], strict=True))
    groups = dict(zip(routes["route_id"], routes["group"], strict=True))
    mode_of = dict(zip(routes["route_id"], routes["mode"], strict=True))
    status: dict[str, str] = {}
    totals: list[TotalLabel] = []
    has_below: dict[str, bool] = {}

    def figured_below(rid: str) -> bool:
        if rid not in has_below:
            has_below[rid] = any(k in fig_of or figured_below(k) for k in kids.get(rid, []))
        return has_below[rid]

    def shown_part(rid: str) -> float:
        """What a branch contributes to its parent's drawn parts: its figure, or its drawn branches'."""
        if rid in fig_of:
            return float(rows.at[fig_of[rid], "value"])
        return sum(shown_part(k) for k in kids.get(rid, []) if k in fig_of or figured_below(k))

    def mark_covered(rid: str, how: str) -> None:
        for k in kids.get(rid, []):
            status[k] = how
            mark_covered(k, how)

    def visit(rid: str) -> None:
        over = relations.country_of_total(rid)  # a country's total of its own routes: never drawn
        if rid in fig_of:
            i = fig_of[rid]
            if not figured_below(rid) and over is None:
                rows.at[i, "status"] = DRAWN
                status[rid] = DRAWN
                mark_covered(rid, IN_TOTAL)
                return
            rows.at[i, "status"] = TOTAL
            status[rid] = TOTAL
            total = float(rows.at[i, "value"])
            parts, unbroken = 0.0, []
            for k in kids.get(rid, []):
                if k in fig_of or figured_below(k):
                    parts += shown_part(k)
                    visit(k)
                else:
                    status[k] = IN_REMAINDER
                    mark_covered(k, IN_TOTAL)
                    unbroken.append(k)
            label = TotalLabel(rid, relations.total_name(rid, names[rid]), total, q := rows.at[i, "qualifier"],  # a bound's,
                               markers.get(rows.at[i, "source"], ""), total - parts if parts <= total and not q else 0.0,  # rest unknown
                               tuple(route_caption(routes, k) for k in unbroken), parts, groups[rid], over)
            if label.exceeded:
                issues.append(JoinIssue("warning", rid, f"its drawn branches sum to {format_value(parts)}, more than "
                                        f"its total {format_value(total)} (sources or dates differ); the map says so"))
            else:
                issues.append(JoinIssue("info", rid, f"total {format_value(total)} is shown as a label where its "
                                        f"branches arrive; {format_value(label.remainder)} not broken down"))
            totals.append(label)
            return
        if figured_below(rid):
            status[rid] = BRANCHES
            for k in kids.get(rid, []):
                visit(k)
            return
        status[rid] = NO_DATA if meaning.applies(mode_of[rid]) and over is None else NOT_APPLICABLE
        for k in kids.get(rid, []):
            visit(k)

    for rid in routes["route_id"]:
        if not parent_of.get(rid):
            visit(rid)
    # a route without a figure inside one whose figure is shown (Balearic arrivals inside the
    # Spanish ones of the WMR) is part of that figure, not "no figure"
    for rid, st in list(status.items()):
        c = relations.container_of(rid, metric)
        if st == NO_DATA and c is not None and status.get(c.whole) in (DRAWN, TOTAL, IN_TOTAL, CONTAINED):
            status[rid] = IN_TOTAL
            mark_covered(rid, IN_TOTAL)
    return status, totals


def _apply_containment(rows, fig_of, relations, metric, issues) -> None:
    """A drawn figure inside another figure shown on this map becomes an outline, never added."""
    for rid, i in fig_of.items():
        c = relations.container_of(rid, metric)
        if c is None or c.whole not in fig_of:
            continue
        whole = rows.loc[fig_of[c.whole]]
        if rows.at[i, "status"] == DRAWN:
            rows.at[i, "status"] = CONTAINED
        rows.at[i, "contained_in"] = c.whole
        issues.append(JoinIssue("info", rid, f"{format_value(rows.at[i, 'value'])} is part of {c.whole} "
                                f"({format_value(whole['value'])}): drawn as an outline, not added. {c.text}".strip()))


# -- frames ------------------------------------------------------------------------------------
def _figures_frame(routes, rows, route_status, markers, period, metric, meaning) -> pd.DataFrame:
    """One row per figure (any status) and one per route that has no figure of its own shown."""
    attrs = routes.drop(columns="geometry").set_index("route_id")
    f = rows.copy()
    if "contained_in" not in f.columns:
        f["contained_in"] = ""
    f["contained_in"] = f["contained_in"].fillna("")
    for col in ("name", "group", "parent", "mode"):
        f[col] = f["route_id"].map(attrs[col]).fillna("")
    f["marker"] = [markers.get(s, "") if st in (DRAWN, TOTAL, CONTAINED) else ""
                   for s, st in zip(f["source"], f["status"], strict=True)]
    f["symbol"] = [(_symbol(meaning, v) if st in (DRAWN, CONTAINED) else "")
                   for v, st in zip(f["value"], f["status"], strict=True)]
    f["label"] = [figure_text(v, q, m) if st != EMPTY else "no figure"
                  for v, q, m, st in zip(f["value"], f["qualifier"], f["marker"], f["status"], strict=True)]
    f["total_of"] = ""
    kids = children_of(routes)
    f.loc[f["status"] == TOTAL, "total_of"] = f.loc[f["status"] == TOTAL, "route_id"].map(
        lambda r: ", ".join(kids.get(r, [])))
    shown = set(f.loc[f["status"].isin((DRAWN, TOTAL, CONTAINED)), "route_id"])
    bare = [rid for rid in routes["route_id"] if rid not in shown]
    extra = pd.DataFrame({
        "route_id": bare, "status": [route_status.get(r, NO_DATA) for r in bare], "value": np.nan, "qualifier": "",
        "label": "", "marker": "", "symbol": "", "source": "", "source_ref": "", "note": "", "date_from": "",
        "date_to": "", "row": pd.NA, "contained_in": "", "total_of": "",
    })
    for col in ("name", "group", "parent", "mode"):
        extra[col] = extra["route_id"].map(attrs[col]).fillna("")
    # a route with figures only from other sources keeps its route row: it is drawn as no figure
    f = pd.concat([f, extra], ignore_index=True)
    f["period"], f["metric"] = period, metric
    return f.reindex(columns=list(FIGURE_COLUMNS)) if "stated_change" not in f else f[list(FIGURE_COLUMNS)]


def _remainder_rows(totals: list[TotalLabel], routes, period: str, metric: str) -> pd.DataFrame:
    rows = []
    attrs = routes.drop(columns="geometry").set_index("route_id")
    for t in totals:
        if t.remainder <= 0:
            continue
        rows.append({
            "route_id": t.route_id, "name": attrs.at[t.route_id, "name"], "group": t.group,
            "parent": attrs.at[t.route_id, "parent"], "mode": attrs.at[t.route_id, "mode"], "status": REMAINDER,
            "symbol": "", "value": t.remainder, "qualifier": DERIVED, "label": t.note(), "marker": "",
            "source": "", "source_ref": "", "note": f"derived: total {format_value(t.value)} minus the drawn branches "
            f"({format_value(t.parts_sum)})", "date_from": "", "date_to": "", "row": pd.NA, "contained_in": "",
            "total_of": "", "period": period, "metric": metric})
    return pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))


def _symbol(meaning: MetricMeaning, value: float) -> str:
    return ZERO if value == 0 else meaning.symbol


def _flow_frame(routes: gpd.GeoDataFrame, drawn: pd.DataFrame, meaning: MetricMeaning) -> gpd.GeoDataFrame:
    """Drawn symbols with their route geometry (lon/lat); a return band runs back to the coast."""
    geom = dict(zip(routes["route_id"], routes.geometry, strict=True))
    extra = {"origin": dict(zip(routes["route_id"], routes["origin"], strict=True)),
             "dest": dict(zip(routes["route_id"], routes["dest"], strict=True))}
    out = drawn.copy()
    out["origin"] = out["route_id"].map(extra["origin"])
    out["dest"] = out["route_id"].map(extra["dest"])
    out["filled"] = out["status"] == DRAWN
    out["geometry"] = [return_line(geom[r]) if meaning.symbol == RETURN_FLOW else geom[r] for r in out["route_id"]]
    out = out.sort_values("value", ascending=False, kind="stable")
    stated = ["stated_change"] if "stated_change" in out.columns else []  # the source's own change, if any
    out = out[[*FLOW_COLUMNS, *stated, *PLAN_COLUMNS, "geometry"]].reset_index(drop=True)
    out["value"] = out["value"].astype(float)
    out["row"] = out["row"].astype(int)
    out["filled"] = out["filled"].astype(bool)
    return gpd.GeoDataFrame(out, geometry="geometry", crs=routes.crs)


def return_line(geom):
    """The course of people returned: from out at sea back to the route's start (the arrow's end)."""
    parts = getattr(geom, "geoms", [geom])
    back = [shapely.reverse(substring(p, 0.0, RETURN_FROM, normalized=True)) for p in parts]
    return back[0] if len(back) == 1 else shapely.MultiLineString(back)

