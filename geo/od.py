"""Origin–destination flows: figures between countries or places, drawn as laid-out curves.

An OD figures file is a figures file whose rows name an ``origin`` and a ``destination``
instead of a ``route_id`` (see data/flows/README.md). Nodes are resolved against the
boundaries (ISO code or name, in English or French) and the places (id or name); each flow is
a quadratic Bézier curve placed by geo.flow_layout, so the painter, GeoJSON and web map share it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.ops
from shapely.geometry import LineString, Point

from geo.errors import DataError
from geo.flow_geometry import ArrowStyle, WidthScale
from geo.flow_layout import LayoutSettings, bezier, drier_sides, layout_flows
from geo.flow_table import FlowTable
from geo.join import FLOW_COLUMNS, JoinIssue, JoinResult
from geo.projection import resolve_crs, transformer
from geo.qualifiers import ABOUT, DERIVED, figure_text
from geo.view import MapView


def node_key(text: str) -> str:
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return " ".join(s.replace("-", " ").replace("_", " ").split())


@dataclass(frozen=True)
class Node:
    key: str
    name: str
    lon: float
    lat: float


def node_index(countries: gpd.GeoDataFrame | None, places: gpd.GeoDataFrame | None) -> dict[str, Node]:
    """Every spelling a node may be given in -> the node (places win over countries)."""
    index: dict[str, Node] = {}
    if countries is not None:
        for row in countries.itertuples():
            part = max(shapely.get_parts(row.geometry), key=lambda g: g.area)
            p = shapely.ops.polylabel(part, tolerance=0.05) if part.geom_type == "Polygon" else part.representative_point()
            name = str(getattr(row, "name", "") or getattr(row, "iso_a3", ""))
            node = Node(str(getattr(row, "iso_a3", name)), name, p.x, p.y)
            for spelling in (getattr(row, "iso_a3", ""), getattr(row, "name", ""), getattr(row, "name_fr", "")):
                if isinstance(spelling, str) and spelling:
                    index.setdefault(node_key(spelling), node)
    if places is not None:
        for row in places.itertuples():
            name = str(getattr(row, "name", "") or getattr(row, "place_id", ""))
            node = Node(str(getattr(row, "place_id", name)), name, row.geometry.x, row.geometry.y)
            for spelling in (getattr(row, "place_id", ""), getattr(row, "name", ""), getattr(row, "name_fr", "")):
                if isinstance(spelling, str) and spelling:
                    index[node_key(spelling)] = node
    return index


def placed_nodes(index: dict[str, Node], points: dict) -> dict[str, Node]:
    """``index`` with the nodes a node table places (``NodeTable.for_metric``: node key -> point)
    moved there, under every spelling of the node; a node the table names that no layer knows is
    added with the table's spelling as its name. A country's label point is kept only where the
    table says nothing: a flow of boats leaves from a coast, never from the middle of the Sahara."""
    out = dict(index)
    for key, point in points.items():
        old = index.get(key)
        node = Node(old.key if old else key, old.name if old else point.node, point.lon, point.lat)
        if old is None:
            out[key] = node
            continue
        for spelling, known in index.items():
            if known is old:
                out[spelling] = node
    return out


def document_join(doc) -> JoinResult:
    """The OD flows ``doc`` draws: its figures between nodes placed by its node table (else the
    layers' label points), filtered to a legible map."""
    b, p = doc.layer("boundaries"), doc.layer("places")
    nodes = node_index(b.data if b is not None else None, p.data if p is not None else None)
    if doc.node_table() is not None:
        nodes = placed_nodes(nodes, doc.node_table().for_metric(doc.metric))
    result = od_join(doc.flows, nodes, doc.period, doc.metric, doc.source, doc.od_net)
    st = doc.flow_style
    keep = len(result.flows)
    if keep > st.max_labels:
        # a legible map, not a solid sheet: many flows are filtered to those wide enough to be
        # read in proportion (above the minimum width), at most max_flows; the rest is reported
        threshold = result.flows["value"].iloc[0] * st.min_width_mm / st.max_width_mm
        keep = min(st.max_flows, int((result.flows["value"] >= threshold).sum()))
    if keep < len(result.flows):
        rest = result.flows.iloc[keep:]
        result.issues.append(JoinIssue(
            "info", "(smaller flows)", f"{len(rest):,} smaller flows totalling {rest['value'].sum():,.0f} are not "
            f"drawn (largest {rest['value'].max():,.0f}); node sizes still count them"))
        result.flows = result.flows.iloc[:keep].reset_index(drop=True)
    return result


def od_join(table: FlowTable, nodes: dict[str, Node], period: str, metric: str, source: str | None = None,
            net: bool = False) -> JoinResult:
    """OD figures for (period, metric[, source]) as straight lon/lat lines between their nodes.

    Unknown node names are an error naming the row; with ``net``, A->B and B->A become one
    flow of their difference in the larger direction.
    """
    rows = table.select(period, metric, source)
    issues: list[JoinIssue] = []
    # vectorised: a national OD matrix has tens of thousands of rows
    spellings = pd.unique(pd.concat([rows["origin"], rows["destination"]]))
    lookup = {sp: nodes.get(node_key(sp)) for sp in spellings}
    o_nodes, d_nodes = rows["origin"].map(lookup), rows["destination"].map(lookup)
    for label, col, found in (("origin", "origin", o_nodes), ("destination", "destination", d_nodes)):
        missing = found.isna()
        if missing.any():
            r = rows[missing].iloc[0]
            raise DataError(table.path, f"row {r['row']}", f"{label} {r[col]!r} is not a country (ISO code or name) "
                                                           "or a place of the places layer")
    o_key, d_key = o_nodes.map(lambda n: n.key), d_nodes.map(lambda n: n.key)
    same = o_key == d_key
    if same.any():
        r = rows[same].iloc[0]
        raise DataError(table.path, f"row {r['row']}", f"origin and destination are both {o_nodes[same].iloc[0].name!r}")
    route_id = o_key + "→" + d_key
    empty = rows["value"].isna()
    for rid, r in zip(route_id[empty], rows.loc[empty, "row"], strict=True):
        issues.append(JoinIssue("warning", rid, "the figure is empty (no data); not drawn", int(r)))
    keep = ~empty
    o_nodes, d_nodes, route_id, rows = o_nodes[keep], d_nodes[keep], route_id[keep], rows[keep]
    o_name, d_name = o_nodes.map(lambda n: n.name), d_nodes.map(lambda n: n.name)
    coords = np.column_stack([o_nodes.map(lambda n: n.lon), o_nodes.map(lambda n: n.lat),
                              d_nodes.map(lambda n: n.lon), d_nodes.map(lambda n: n.lat)]).astype(float)
    records = pd.DataFrame({
        "route_id": route_id.to_numpy(), "name": (o_name + " to " + d_name).to_numpy(), "group": ("To " + d_name).to_numpy(),
        "parent": "", "mode": "od", "origin": o_name.to_numpy(), "dest": d_name.to_numpy(),
        "value": rows["value"].astype(float).to_numpy(), "period": rows["period"].to_numpy(),
        "metric": rows["metric"].to_numpy(), "source": rows["source"].to_numpy(),
        "source_ref": rows["source_ref"].to_numpy(), "note": rows["note"].to_numpy(),
        "date_from": rows["date_from"].to_numpy(), "date_to": rows["date_to"].to_numpy(),
        "row": rows["row"].astype(int).to_numpy(), "qualifier": rows["qualifier"].to_numpy(),
        "geometry": shapely.linestrings(coords.reshape(-1, 2, 2)) if len(coords) else []})
    frame = records[[*FLOW_COLUMNS, "qualifier", "geometry"]]
    dup = frame["route_id"].duplicated(keep=False)
    if dup.any():
        rid = frame.loc[dup, "route_id"].iloc[0]
        rs = frame.loc[frame["route_id"] == rid, "row"].tolist()
        issues.append(JoinIssue("warning", rid, f"rows {' and '.join(map(str, rs))} give the same flow; "
                                                "their sum is drawn (choose a source to avoid this)"))
        frame = _sum_duplicates(frame)
    if net:
        frame = _net(frame)
    frame = frame.sort_values("value", ascending=False, kind="stable").reset_index(drop=True)
    frame["label"] = [figure_text(v, q) for v, q in zip(frame["value"], frame["qualifier"], strict=True)]
    flows = gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")
    return JoinResult(flows, str(period), metric, source, issues, frame.drop(columns="geometry"), [])


def _sum_duplicates(frame: pd.DataFrame) -> pd.DataFrame:
    agg = {c: "first" for c in frame.columns if c not in ("route_id", "value")}
    agg["value"] = "sum"
    # a sum is as exact as its least exact part: one "about" makes the sum "about"
    agg["qualifier"] = lambda q: q.iloc[0] if q.nunique() == 1 else ABOUT
    return frame.groupby("route_id", as_index=False, sort=False).agg(agg)


def _net(frame: pd.DataFrame) -> pd.DataFrame:
    """Pairs A->B / B->A replaced by one flow of the difference, in the larger direction."""
    by_id = {r.route_id: r for r in frame.itertuples(index=False)}
    keep, done = [], set()
    for rid, r in by_id.items():
        if rid in done:
            continue
        a, b = rid.split("→")
        back = by_id.get(f"{b}→{a}")
        done.update({rid, f"{b}→{a}"})
        if back is None:
            keep.append(r._asdict())
            continue
        big, small = (r, back) if r.value >= back.value else (back, r)
        row = big._asdict()
        row["value"] = big.value - small.value
        row["qualifier"] = DERIVED
        row["note"] = f"net of {big.value:,.0f} and {small.value:,.0f} the other way"
        if row["value"] > 0:
            keep.append(row)
    return pd.DataFrame(keep, columns=frame.columns)


def node_totals(flows: pd.DataFrame) -> dict[str, float]:
    """Total in plus out per node name: what node symbols are sized by."""
    if not len(flows):
        return {}
    out = flows.groupby("origin")["value"].sum().add(flows.groupby("dest")["value"].sum(), fill_value=0.0)
    return {str(k): float(v) for k, v in out.items()}


NODE_MIN_RADIUS_MM = 0.8
"""The smallest node circle drawn: under it a node reads as a town's dot."""
NODE_AREA_BUDGET_MM = 40.0
"""The largest node's radius is at most this over the square root of the node count: many nodes get smaller
circles, so circles do not bury the flows."""


def node_sizes(join: JoinResult, max_radius_mm: float) -> tuple[dict[str, float], WidthScale]:
    """Each node's total in and out (of the figures drawn, or of all) and the scale its circle is drawn
    on: area in proportion to the total, ``width_mm`` its diameter. One scale for the map's circles and
    the legend's key (the circles had no key, and their sizes could not be read)."""
    totals = node_totals(join.figured if join.figured is not None else join.flows)
    top = max(totals.values(), default=0.0) or 1.0
    biggest = min(max_radius_mm, NODE_AREA_BUDGET_MM / max(len(totals), 1) ** 0.5)
    return totals, WidthScale(top, 2 * biggest, 2 * NODE_MIN_RADIUS_MM, by_area=True)


def od_curves(flows: gpd.GeoDataFrame, view: MapView, scale: WidthScale, node_radius_mm: dict[str, float],
              settings: LayoutSettings = LayoutSettings(), progress=None, is_cancelled=None, land=None) -> gpd.GeoDataFrame:
    """The OD flows as laid-out curves in the view's CRS, trimmed to leave their node symbols clear; with
    ``land`` (projected), each bent to the side it crosses less land on (``flow_layout.drier_sides``)."""
    if not len(flows):
        return flows.to_crs(resolve_crs(view.crs))
    t = transformer("EPSG:4326", view.crs)
    coords = np.array([ln.coords for ln in flows.geometry])  # (N, 2, 2)
    sx, sy = t.transform(coords[:, 0, 0], coords[:, 0, 1])
    ex, ey = t.transform(coords[:, 1, 0], coords[:, 1, 1])
    starts, ends = np.column_stack([sx, sy]), np.column_stack([ex, ey])
    widths = np.array([view.mm_to_units(scale.width_mm(v)) for v in flows["value"]])
    names = list(dict.fromkeys([*flows["origin"], *flows["dest"]]))
    where = {}
    for r, s, e in zip(flows.itertuples(), starts, ends, strict=True):
        where[r.origin], where[r.dest] = s, e
    nodes = np.array([where[n] for n in names])
    radii = np.array([view.mm_to_units(node_radius_mm.get(n, 1.0)) for n in names])
    arrow = ArrowStyle()
    head_mm = np.array([arrow.head_width_mm(scale.width_mm(v)) for v in flows["value"]])
    base_mm = np.array([node_radius_mm.get(d, 1.0) + NODE_TIP_GAP_MM + arrow.head_length_mm(scale.width_mm(v))
                        for d, v in zip(flows["dest"], flows["value"], strict=True)])
    heads = np.column_stack([view.mm_to_units(head_mm + HEAD_GAP_MM), view.mm_to_units(base_mm)])
    sides = drier_sides(starts, ends, land, settings.curvature) if land is not None else None
    ctrl = layout_flows(starts, ends, widths, nodes, radii, settings, progress, is_cancelled, heads, sides)
    pts = bezier(starts, ctrl, ends, 48)
    lines = []
    for i, r in enumerate(flows.itertuples()):
        line = LineString(pts[i])
        gap_start = view.mm_to_units(node_radius_mm.get(r.origin, 1.0) + 0.6)
        gap_end = _end_gap(line.length - gap_start, view.mm_to_units(node_radius_mm.get(r.dest, 1.0) + NODE_TIP_GAP_MM),
                           view.mm_to_units(ArrowStyle().end_gap_mm))
        if line.length > 2 * (gap_start + gap_end):
            line = shapely.ops.substring(line, gap_start, line.length - gap_end)
        lines.append(line)
    out = flows.copy()
    out = gpd.GeoDataFrame(out.drop(columns="geometry"), geometry=lines, crs=resolve_crs(view.crs))
    out["control_x"], out["control_y"] = ctrl[:, 0], ctrl[:, 1]
    return out


HEAD_GAP_MM = 0.5
"""Two arrowheads reaching one node keep at least this far apart at their bases."""
# The arrow's tip stops this far outside its destination's circle: it reaches the node, with the
# circle's white outline between them.
NODE_TIP_GAP_MM = 0.35


def _end_gap(length: float, reach: float, arrow_gap: float) -> float:
    """How much to cut from a curve's end (``length`` long after its start was cut) so that its
    arrow's tip lands ``reach`` from the node's centre. ``build_flow_symbols`` stops every tip
    ``min(arrow_gap, a tenth of the line)`` short of the line's end (so a small island shows); cut
    by the node's radius alone, OD tips stopped 1.5 mm short of their node and none seemed to
    arrive (issue 11)."""
    gap = reach - arrow_gap
    if arrow_gap > 0.1 * (length - gap):  # the tenth of the line is the shorter cut
        gap = (reach - 0.1 * length) / 0.9
    return max(gap, 0.0)  # the curve ends at the node's centre: it cannot be drawn further


def node_points(flows: gpd.GeoDataFrame, totals: dict[str, float] | None = None) -> gpd.GeoDataFrame:
    """One lon/lat point per node of the drawn flows with its total (in + out) figure."""
    all_totals = totals if totals is not None else node_totals(flows)
    where = {}
    for r in flows.itertuples():
        where[r.origin] = r.geometry.coords[0]
        where[r.dest] = r.geometry.coords[-1]
    totals = {n: all_totals.get(n, 0.0) for n in where}
    return gpd.GeoDataFrame({"name": list(totals), "total": list(totals.values())},
                            geometry=[Point(where[n]) for n in totals], crs="EPSG:4326")
