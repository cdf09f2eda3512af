"""Thematic flow layers joined beside the map's own flows (issue 14, item 1).

A regional overview draws more than one selection along the routes: the year's arrivals at sea, and
the expulsions into Niger along the desert corridors, each with its metric's own symbol (a band with
its arrow at the destination, a corridor). A thematic layer of kind ``flows``
(geo.place_figures.PlaceFigureLayer) selects its figures (metric, period, source) and is joined like
the map's own (geo.join: sources, totals and parts, qualifiers); its drawn rows then join the map's
in one ``JoinResult``, so the layout that keeps bands apart, the figures beside them, the legend's
colours, the sources line and every export treat them as one map.

Their widths share the map's width scale: a band's width means the same number of people whatever
it carries. A route carries one band: where the map's own flows already draw or outline a route, a
layer's figure for it is not drawn over it, and the join says so (a warning naming the route).
Source markers are the map's: a layer's figure from any source but the map's main one gets the
letter that source has on the map (a new one after the map's own), so one footer resolves them all.
"""

from __future__ import annotations

import string
from dataclasses import replace

import pandas as pd

from geo.join import CONTAINED, DRAWN, TOTAL, JoinIssue, JoinResult, join_flows
from geo.metrics import metric_meaning
from geo.qualifiers import figure_text


def flow_layers(doc) -> list:
    """The visible thematic layers drawn as flows, in the Layers panel's order."""
    from geo.place_figures import FLOWS

    return [layer for layer in getattr(doc, "place_layers", ()) if layer.visible and layer.kind == FLOWS]


def with_flow_layers(doc, main: JoinResult) -> JoinResult:
    """``main`` (the map's own selection) with every visible flows layer's drawn figures added."""
    from geo.place_figures import layer_period

    layers = flow_layers(doc)
    routes = doc.layer("routes")
    if not layers or routes is None or doc.is_od:
        return main
    flows, figures, figured = [main.flows], [main.figures], [main.figured]
    issues, totals, no_data = list(main.issues), list(main.totals), list(main.no_data)
    markers = dict(main.markers)
    taken = set(main.flows["route_id"]) | {t.route_id for t in main.totals}  # a dashed 'no figure' route is free
    for layer in layers:
        period = layer_period(doc, layer)
        part = join_flows(routes.data, doc.flows, period, layer.metric, layer.source, doc.relations,
                          metric_meaning(layer.metric))
        clash = sorted((set(part.flows["route_id"]) | {t.route_id for t in part.totals}) & taken)
        for rid in clash:
            issues.append(JoinIssue("warning", rid, f"is drawn by the map's own flows: its {layer.metric} figure "
                                                    f"for {period} is not drawn over them"))
        letters = _letters(part, main.main_source, markers)
        drawn = part.flows[~part.flows["route_id"].isin(clash)].copy()
        flows.append(_marked(drawn, letters))
        if part.figures is not None:
            figures.append(_marked(part.figures[~part.figures["route_id"].isin(clash)].copy(), letters))
        if part.figured is not None:
            figured.append(part.figured[~part.figured["route_id"].isin(clash)])
        totals += [replace(t, marker=letters.get(_total_source(part, t.route_id), ""))
                   for t in part.totals if t.route_id not in clash]
        no_data += [rid for rid in part.no_data if rid not in taken]
        issues += [i for i in part.issues if i.route_id not in clash]
        taken |= set(drawn["route_id"]) | {t.route_id for t in part.totals}
    no_data = list(dict.fromkeys(rid for rid in no_data if rid not in taken))  # a layer drew it after all
    return replace(main, flows=_concat(flows, main.flows), figures=_concat(figures, main.figures),
                   figured=_concat(figured, main.figured), issues=issues, totals=totals, no_data=no_data,
                   markers=markers)


def _letters(part: JoinResult, main_source: str | None, markers: dict[str, str]) -> dict[str, str]:
    """The map's letter for each source the layer draws that is not the map's main source; a source
    new to the map gets the next free letter (added to ``markers``)."""
    out = {}
    for source in dict.fromkeys(part.flows["source"]):
        if not source or source == main_source:
            continue
        if source not in markers:
            used = set(markers.values())
            markers[source] = next(c for c in string.ascii_lowercase if c not in used)
        out[source] = markers[source]
    return out


def _total_source(part: JoinResult, route_id: str) -> str:
    if part.figures is None:
        return ""
    rows = part.figures[part.figures["route_id"] == route_id]
    return str(rows["source"].iloc[0]) if len(rows) else ""


def _marked(frame: pd.DataFrame, letters: dict[str, str]) -> pd.DataFrame:
    """``frame``'s drawn, total and outlined figures marked with the map's letters (the layer's own join
    lettered them against its own main source), their labels written again."""
    status = frame["status"] if "status" in frame.columns else pd.Series(DRAWN, index=frame.index)
    shown = status.isin((DRAWN, TOTAL, CONTAINED)).to_numpy()
    frame["marker"] = [letters.get(s, "") if on else "" for s, on in zip(frame["source"], shown, strict=True)]
    if "label" in frame.columns:
        frame["label"] = [figure_text(v, q if isinstance(q, str) else "", m) if on else label for v, q, m, on, label
                          in zip(frame["value"], frame["qualifier"], frame["marker"], shown, frame["label"], strict=True)]
    return frame


def _concat(frames: list, first):
    """The frames one after another (a GeoDataFrame stays one); ``first`` when none has rows."""
    frames = [f for f in frames if f is not None and len(f)]
    return pd.concat(frames, ignore_index=True) if frames else first
