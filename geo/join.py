"""Routes x figures for one period, metric and source: the flow layer, and every problem by name.

Nothing is dropped silently: unknown route ids, conflicting sources, missing figures and parents
drawn through their branches all end up in ``JoinResult.issues``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.flow_table import FlowTable
from geo.routes import children_of

FLOW_COLUMNS = ("route_id", "name", "group", "parent", "mode", "origin", "dest", "value", "period",
                "metric", "source", "source_ref", "note", "date_from", "date_to", "row")


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


@dataclass
class JoinResult:
    flows: gpd.GeoDataFrame
    """Drawn flows, lon/lat, one row per route drawn, with the figure and its provenance."""
    period: str
    metric: str
    source: str | None
    issues: list[JoinIssue] = field(default_factory=list)
    figured: pd.DataFrame | None = None
    """Every figure chosen in this selection, drawn or not (a parent shown through its branches)."""
    no_data: list[str] = field(default_factory=list)
    """Routes with no figure here, nor above or below them: drawn as 'no figure', never as zero."""

    def issues_at(self, level: str) -> list[JoinIssue]:
        return [i for i in self.issues if i.level == level]


def join_flows(routes: gpd.GeoDataFrame, table: FlowTable, period: str, metric: str,
               source: str | None = None) -> JoinResult:
    """Attach the figures for (period, metric[, source]) to the routes they name.

    With no ``source``, each route takes the source that covers most routes in this selection
    (one source per map where possible; on a tie, the source listed first in the file); a
    disagreeing figure from another source is reported.
    A parent route is drawn only while some branch of it has no figure: when every branch has
    one, the branches are drawn and the parent's total is reported instead.
    """
    rows = table.select(period, metric)
    issues: list[JoinIssue] = []
    file = table.path.name if table.path else "figures"
    known = set(routes["route_id"])

    unknown = rows[~rows["route_id"].isin(known)]
    for r in unknown.itertuples():
        issues.append(JoinIssue("warning", r.route_id, f"is in {file} but not in the routes layer; not drawn", int(r.row)))
    rows = rows[rows["route_id"].isin(known)]

    if source is not None:
        others = rows[rows["source"] != source]
        rows = rows[rows["source"] == source]
        for rid, grp in others.groupby("route_id", sort=True):
            if rid not in set(rows["route_id"]):
                alt = ", ".join(f"{s}: {_fmt(v)}" for s, v in zip(grp["source"], grp["value"], strict=True))
                issues.append(JoinIssue("info", rid, f"no figure from {source}; other sources have one ({alt})"))
    chosen = _choose_per_route(rows, issues)

    empty = chosen[chosen["value"].isna()]
    for r in empty.itertuples():
        issues.append(JoinIssue("warning", r.route_id, "the figure is empty (no data); not drawn", int(r.row)))
    chosen = chosen[chosen["value"].notna()]

    drawn_ids = _drawable(routes, set(chosen["route_id"]), chosen, issues)
    no_data = _report_uncovered(routes, set(chosen["route_id"]), period, metric, issues)

    figures = chosen.set_index("route_id")
    drawn = routes[routes["route_id"].isin(drawn_ids)].copy()
    for col in ("value", "period", "metric", "source", "source_ref", "note", "date_from", "date_to", "row"):
        drawn[col] = drawn["route_id"].map(figures[col])
    drawn = drawn.sort_values("value", ascending=False, kind="stable")
    drawn = drawn[[*FLOW_COLUMNS, "geometry"]].reset_index(drop=True)
    drawn["value"] = drawn["value"].astype(float)
    drawn["row"] = drawn["row"].astype(int)
    return JoinResult(gpd.GeoDataFrame(drawn, geometry="geometry", crs=routes.crs), str(period), metric,
                      source, issues, chosen.reset_index(drop=True), no_data)


def _choose_per_route(rows: pd.DataFrame, issues: list[JoinIssue]) -> pd.DataFrame:
    if rows.empty:
        return rows
    coverage = rows.groupby("source")["route_id"].nunique()
    first_row = rows.groupby("source")["row"].min()
    rank = {s: (-n, first_row[s]) for s, n in coverage.items()}  # ties: the file's own order
    picked = []
    for rid, grp in rows.groupby("route_id", sort=True):
        grp = grp.assign(_rank=grp["source"].map(rank), _span=_span_days(grp))
        grp = grp.sort_values(["_rank", "_span"], ascending=[True, False], kind="stable")
        best = grp.iloc[0]
        picked.append(best)
        rest = grp.iloc[1:]
        if len(rest):
            alt = "; ".join(f"{s}: {_fmt(v)} (row {r})" for s, v, r in zip(rest["source"], rest["value"], rest["row"], strict=True))
            issues.append(JoinIssue(
                "warning", rid,
                f"sources disagree; showing {best['source'] or 'unnamed source'}: {_fmt(best['value'])}, also {alt}. "
                "Choose one with the source selector (--source).", int(best["row"])))
    return pd.DataFrame(picked).drop(columns=["_rank", "_span"]).reset_index(drop=True)


def _span_days(grp: pd.DataFrame) -> pd.Series:
    start = pd.to_datetime(grp["date_from"].replace("", None), errors="coerce")
    end = pd.to_datetime(grp["date_to"].replace("", None), errors="coerce")
    return (end - start).dt.days.fillna(np.inf)


def _drawable(routes: gpd.GeoDataFrame, figured: set[str], chosen: pd.DataFrame, issues: list[JoinIssue]) -> set[str]:
    """Figured routes minus parents whose every branch is covered by a figure of its own."""
    kids = children_of(routes)

    def covered(rid: str) -> bool:
        return rid in figured or (bool(kids.get(rid)) and all(covered(k) for k in kids[rid]))

    drawn = set()
    values = dict(zip(chosen["route_id"], chosen["value"], strict=True))
    for rid in figured:
        branches = kids.get(rid, [])
        if branches and all(covered(k) for k in branches):
            issues.append(JoinIssue("info", rid, f"total {_fmt(values[rid])} is shown through its branches "
                                                 f"{', '.join(sorted(branches))}"))
        else:
            drawn.add(rid)
    return drawn


def _report_uncovered(routes: gpd.GeoDataFrame, figured: set[str], period: str, metric: str,
                      issues: list[JoinIssue]) -> list[str]:
    """Routes with no figure themselves, above or below them: 'no data', never zero."""
    parent_of = dict(zip(routes["route_id"], routes["parent"], strict=True))
    kids = children_of(routes)

    def ancestors(rid: str):
        p = parent_of.get(rid, "")
        while p:
            yield p
            p = parent_of.get(p, "")

    def descendants(rid: str):
        for k in kids.get(rid, []):
            yield k
            yield from descendants(k)

    out = []
    for rid in routes["route_id"]:
        if rid in figured or any(a in figured for a in ancestors(rid)) or any(d in figured for d in descendants(rid)):
            continue
        issues.append(JoinIssue("info", rid, f"no data for {metric} in {period}"))
        out.append(rid)
    return out


def _fmt(value: float) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "no data"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
