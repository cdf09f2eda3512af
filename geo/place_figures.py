"""Figures counted at a place or in a country, drawn as proportional circles (issue 14, item 2).

Much of what a quarterly update reports is no route's: 787,326 migrants in Libya (IOM DTM, as of
October 2024), 15,514 refugees and asylum-seekers registered in Tunisia, over 5,400 assisted returns
from Tunisia, about 400 people stranded in Dirkou. A figures file names the place (``place_id`` of
the places layer) or the country (``country``, ISO 3166 alpha-3) instead of a route
(geo.flow_table); a map shows them through *place-figure layers*, thematic layers each with its own
selection (metric, period, source), drawn as circles whose area is to scale at the place or at the
country's anchor (the point of its largest land part farthest from its coast, so the circle sits
inside the country).

Every layer on a map shares one circle scale, so a circle means the same number of people whatever
layer it belongs to (a stock of 787,326 and 400 stranded are compared honestly); the legend gives the
scale once and a heading and colour per layer. The circles are described here once, for the painter
(gui/place_figure_painter.py) and the web map alike.

A figure whose place id or country code the map's layers do not hold is never dropped silently:
``check_place_layers`` refuses it by name, with the figures file's row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
import shapely.ops

from geo.colours import apart_from, value_label_colour
from geo.errors import CrossingsError
from geo.flow_geometry import WidthScale
from geo.map_language import map_language
from geo.map_words import NBSP
from geo.metrics import metric_meaning
from geo.periods import parse_period, part_problem
from geo.projection import to_crs

PLACE_CIRCLE_MAX_MM = 16.0
"""The diameter of the largest figure's circle on paper (A4, 1:15 million: Libya's 787,326 fills a
good part of the country without reaching its coast)."""
OWN_SCALE_MAX_MM = 12.0
"""The largest circle of a scale of its own (a layer naming ``scale``): smaller than the common scale's,
so that the dead and missing (9,757 at most) and the migrants in Libya (787,326) are not drawn the same
size side by side, and the circles of three scales do not crowd the map."""
PLACE_CIRCLE_MIN_MM = 1.6
"""No circle is drawn smaller (a point stays visible); the legend says so, as for route circles."""
PLACE_CIRCLE_OPACITY = 0.72
"""Circles are filled see-through: a smaller one drawn over a larger one at the same anchor, and the
land and names under them, still read."""
PLACE_CIRCLE_CASING_MM = 0.3
"""A white casing parts a circle from the land and from the circle under it."""
PLACE_COLOURS = ("#7B3294", "#1B7837", "#2166AC", "#8C510A", "#C51B7D", "#35978F", "#4D4D4D", "#B2ABD2")
"""One colour per circle layer, in layer order (a layer may name its own): dark purple, green, blue,
dark brown, magenta, teal, grey, lavender; distinct from the routes' Okabe–Ito colours (no orange,
sky blue or vermilion) so a circle never reads as a route's figure."""
TOTALS_APART_DE = 20.0
"""A circle's figure stands at least this far (CIE76) from the totals' black (the theme's text colour):
the legend says the figures in black are totals of several routes, not to be added to their figures,
and the IOM's dead and missing, printed in their dark grey darkened to RGB 62, read as such a total
beside the Caminando Fronteras count. Lightened just enough, while it keeps 4.5:1 on its ground: to
RGB 81 (ΔE 21 from the totals, 13 from Caminando Fronteras' RGB 112 in the same stack; at 25 the two
dead and missing counts were 8 apart, their lines' colours no longer telling their circles apart)."""


def figure_colour(colour: str, ground: str, totals: str) -> str:
    """The colour a circle layer's figure is printed in: its circle's (geo.colours.value_label_colour),
    kept TOTALS_APART_DE from ``totals``, the colour the totals of several routes are printed in."""
    return apart_from(value_label_colour(colour, ground), totals, ground, TOTALS_APART_DE)


RETURN_CIRCLE_AT = 0.12
"""Where along its route a circle of a figure moving people back stands (interceptions, returns: the
metric's symbol is a return band): near the coast they were taken back to, not mid-sea on the
crossing's band."""
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
ANCHOR_TOLERANCE_DEG = 0.05
"""How exactly a country's anchor (its pole of inaccessibility) is found: about 5 km."""


CIRCLES, FLOWS = "circles", "flows"
"""The symbol kinds of a thematic layer."""


@dataclass(frozen=True)
class PlaceFigureLayer:
    """A thematic layer of figures drawn as circles: what it selects and whether it is drawn.

    ``period`` None is the map's own period; ``source`` None takes every source's figures (a place
    rarely has two; a route that has two must be given one: ``check_place_layers``). ``title`` is the
    legend's heading (empty: the metric's label). ``part_period`` is a shorter period within
    ``period`` whose figure each circle's label also prints, as the update does ("1,062 in 2024, of
    which 208 in Q4"): the circle stays the whole period's."""

    metric: str
    period: str | None = None
    source: str | None = None
    title: str = ""
    visible: bool = True
    part_period: str | None = None
    colour: str = ""
    """Its circles' colour (#rrggbb); empty: the next of ``PLACE_COLOURS``."""
    kind: str = CIRCLES
    """How its figures are drawn: ``CIRCLES`` (at places, in countries, on routes) or ``FLOWS`` (route
    figures drawn as the metric's own symbol — a band, a return band, a corridor — on the map's width
    scale, beside the map's own flows: geo.thematic_join)."""
    scale: str = ""
    """The circle scale it is drawn on: "" the map's common one; any name, the one scale of the layers
    giving that name. Stocks of 787,326 people and 412 dead on one scale leave the dead all at the
    smallest size, where 1,659 and 412 look alike: the dead and missing of both counts get a scale of
    their own, shared, so the two counts compare honestly with each other."""

    def to_dict(self) -> dict:
        return {"metric": self.metric, "period": self.period, "source": self.source, "title": self.title,
                "visible": self.visible, "part_period": self.part_period, "colour": self.colour, "kind": self.kind,
                "scale": self.scale}

    @property
    def draws_circles(self) -> bool:
        return self.visible and self.kind == CIRCLES

    @classmethod
    def from_dict(cls, data: dict, where: str = "place_figures") -> PlaceFigureLayer:
        if not isinstance(data, dict) or not isinstance(data.get("metric"), str) or not data["metric"].strip():
            raise CrossingsError(f"{where}: each layer needs a metric (text)")
        for key in ("period", "source", "part_period", "scale"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise CrossingsError(f"{where}: {key} must be text or null")
        if not isinstance(data.get("title", ""), str) or not isinstance(data.get("visible", True), bool):
            raise CrossingsError(f"{where}: title must be text and visible true or false")
        if data.get("colour") and not (isinstance(data["colour"], str) and _HEX.fullmatch(data["colour"])):
            raise CrossingsError(f"{where}: colour {data['colour']!r} is not a #rrggbb colour")
        if data.get("kind", CIRCLES) not in (CIRCLES, FLOWS):
            raise CrossingsError(f"{where}: kind {data.get('kind')!r} is not {CIRCLES!r} or {FLOWS!r}")
        from geo.flow_table import normalise_metric

        return cls(normalise_metric(data["metric"]), _period_label(data.get("period"), where),
                   data.get("source") or None, data.get("title", ""), data.get("visible", True),
                   _period_label(data.get("part_period"), where), data.get("colour") or "", data.get("kind", CIRCLES),
                   (data.get("scale") or "").strip())


def _period_label(text: str | None, where: str) -> str | None:
    if not text:
        return None
    try:
        return parse_period(text.strip()).label
    except ValueError as exc:
        raise CrossingsError(f"{where}: {exc}") from None


def parse_place_layer(text: str, option: str = "--place-figures", kind: str = CIRCLES) -> PlaceFigureLayer:
    """A layer from the command line: ``METRIC``, ``METRIC@PERIOD``, ``METRIC@PERIOD,PART_PERIOD``,
    each optionally ``…~SCALE`` (a scale of its own, shared by the layers naming it) and ``…#SOURCE``."""
    from geo.flow_table import normalise_metric

    rest, _, source = text.partition("#")
    rest, _, scale = rest.partition("~")
    metric, _, periods = rest.partition("@")
    period, _, part = periods.partition(",")
    if not normalise_metric(metric):
        raise CrossingsError(f"{option} {text!r}: name a metric, e.g. stranded or migrants_present@2024Q4")
    if part and not period.strip():
        raise CrossingsError(f"{option} {text!r}: a part period needs the layer's period first, e.g. dead_missing@2024,2024Q4")
    return PlaceFigureLayer(normalise_metric(metric), _period_label(period, f"{option} {text!r}"), source.strip() or None,
                            part_period=_period_label(part, f"{option} {text!r}"), kind=kind, scale=scale.strip())


def layer_period(doc, layer: PlaceFigureLayer) -> str | None:
    return layer.period or doc.period


WHERE_KEYS = ("route_id", "place_id", "country")
"""What a circle layer's figure is counted on: a route, a place or a country (one of them per row)."""


def layer_figures(doc, layer: PlaceFigureLayer, period: str | None = None, totals: bool | None = False) -> pd.DataFrame:
    """The figures ``layer`` selects (or would for ``period``), on routes, at places and in countries
    (value given: an empty cell is no figure); columns ``WHERE_KEYS`` then the figures' own. A figure
    on a country's total over its routes (geo.relations.TOTAL_OVER) is no circle's: ``totals`` False
    leaves those out (the circles and their scale), True keeps only those (geo.place_totals), None
    keeps all (the checks)."""
    from geo.flow_table import FRAME_COLUMNS

    columns = [*WHERE_KEYS, *FRAME_COLUMNS[1:]]
    period = period or layer_period(doc, layer)
    if doc.flows is None or period is None:
        return pd.DataFrame(columns=columns)
    label = parse_period(period).label
    parts = []
    places = doc.flows.places()
    if len(places):
        parts.append(places[(places["period"] == label) & (places["metric"] == layer.metric)].assign(route_id=""))
    if not doc.is_od:  # origin-destination figures have no route to put a circle on
        routes = doc.flows.frame
        parts.append(routes[(routes["period"] == label) & (routes["metric"] == layer.metric)]
                     .assign(place_id="", country=""))
    parts = [p[columns] for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=columns)
    rows = pd.concat(parts, ignore_index=True)
    if layer.source is not None:
        rows = rows[rows["source"] == layer.source]
    rows = rows[rows["value"].notna()]
    if totals is not None:
        over = np.array([bool(r) and doc.relations.country_of_total(r) is not None for r in rows["route_id"]], bool)
        rows = rows[over if totals else ~over]
    return rows.reset_index(drop=True)


def _where(row) -> str:
    return row.route_id or row.place_id or row.country


def check_place_layers(doc, layers=None) -> None:
    """Refuse layers the figures cannot draw honestly: no figure selected at all; a figure at a place,
    country or route the map does not hold (named with its row, never dropped); a route or place with
    figures from two sources and none chosen (two circles for one count); a figure the map already
    draws, by its flows or by another layer (each figure appears once); a part period not within the
    layer's period."""
    layers = doc.place_layers if layers is None else layers
    seen: dict[tuple, int] = {}
    for n, layer in enumerate(layers, start=1):
        name = f"{layer.kind} layer {n} ({layer.metric} {layer_period(doc, layer)})"
        rows = layer_figures(doc, layer, totals=None)
        if layer.kind == FLOWS:
            rows = rows[rows["route_id"] != ""]  # its place figures are another layer's (drawn as circles)
        if not len(rows):
            offered = sorted({f"{m}@{p}" for m, p in zip(doc.flows.places()["metric"], doc.flows.places()["period"],
                                                         strict=True)}) if doc.flows is not None else []
            raise CrossingsError(f"{name}: the figures hold no {layer.metric} figure for {layer_period(doc, layer)}"
                                 + (f"; place figures in the data: {', '.join(offered)}" if offered else ""))
        _anchors(doc, rows, strict=True)
        for where, sources in rows.groupby(rows.apply(_where, axis=1))["source"]:
            if sources.nunique() > 1 and layer.kind == CIRCLES:  # flows choose one source, saying so (geo.join)
                raise CrossingsError(f"{name}: {where} has figures from {' and '.join(sorted(set(sources)))}; "
                                     "choose one source for the layer (METRIC@PERIOD#SOURCE), or one layer each")
        if (rows["route_id"] != "").any() and doc.metric == layer.metric and doc.period is not None \
                and parse_period(doc.period).label == parse_period(layer_period(doc, layer)).label:
            raise CrossingsError(f"{name}: the map's flows already draw {layer.metric} for {doc.period}; "
                                 "a figure is drawn once")
        for r in rows.itertuples():
            key = (_where(r), r.metric, r.period, r.source)
            if key in seen:
                raise CrossingsError(f"{name}: {_where(r)}'s {r.metric} figure for {r.period} is drawn by "
                                     f"layer {seen[key]} already; a figure is drawn once")
            seen[key] = n
        if layer.part_period:
            problem = part_problem(layer_period(doc, layer), layer.part_period)
            if problem:
                raise CrossingsError(f"{name}: its part period {problem}")


def place_scale(doc, scale: str = "") -> WidthScale | None:
    """The circle scale the visible layers naming ``scale`` share (area to scale); "" the map's common one."""
    values = [v for layer in doc.place_layers if layer.draws_circles and layer.scale == scale
              for v in layer_figures(doc, layer)["value"]]
    if not values:
        return None
    return WidthScale.fit(values, OWN_SCALE_MAX_MM if scale else PLACE_CIRCLE_MAX_MM, PLACE_CIRCLE_MIN_MM, by_area=True)


def scale_names(doc) -> list[str]:
    """The circle scales of the visible layers, in the order the layers first name them."""
    return list(dict.fromkeys(layer.scale for layer in doc.place_layers if layer.draws_circles))


def layer_colour(index: int, layer: PlaceFigureLayer | None = None) -> str:
    """The colour of the ``index``-th layer's circles: its own, else the palette's next."""
    return layer.colour if layer is not None and layer.colour else PLACE_COLOURS[index % len(PLACE_COLOURS)]


SOURCE_KEPT_WHOLE = 24
"""A source's name up to this many characters is never broken across lines in a layer's title."""


def layer_title(doc, layer: PlaceFigureLayer) -> str:
    """The layer's legend heading in the map's language: its title, else its metric's label, with its
    source when it takes one (two counts of the dead and missing are told apart)."""
    if layer.title:
        return layer.title
    lang = map_language(doc)
    label = lang.phrase(metric_meaning(layer.metric).label)
    if not layer.source:
        return label
    source = lang.phrase(layer.source)
    # a short source's name is kept on one line: in Arabic '(Caminando' ended one line and 'Fronteras)'
    # began the next, each half's bracket turned by the bidi rules
    source = source.replace(" ", NBSP) if len(source) <= SOURCE_KEPT_WHOLE else source
    return lang("layer_source", title=label, source=source)


def legend_title(doc, layer: PlaceFigureLayer) -> str:
    """The layer's words in the legend and wherever its circles are named (web map, GeoPackage): its
    title, with its period where that is not the map's ('Interceptions, 1 Jan – 31 Oct 2024')."""
    from geo.map_texts import period_as_said

    title = layer_title(doc, layer)
    if not layer.period or layer.period == doc.period:
        return title
    key = (*selection_key(doc, "legend-title"), layer)  # asked once per circle by the GeoPackage and web map
    if key not in doc._cache:
        lang = map_language(doc)
        said = period_as_said(lang, layer.period, layer_figures(doc, layer).query("value.notna()"))
        doc._cache[key] = lang("place_layer_period", title=title, period=said)
    return doc._cache[key]


def place_circles(doc) -> pd.DataFrame:
    """Every circle of the visible place-figure layers, largest first: key, group, layer, where, name, x, y
    (the anchor, in the map's CRS), offset_mm (its centre east of the anchor on paper: circles at one
    anchor stand side by side), value, qualifier, diameter_mm, colour, text_colour, text, source, source_ref, row.

    Worked out once per selection: the painter, the frame fit (every refit), the legend, the sources
    line and the web map all ask, and a country's anchor is a pole of inaccessibility on 1:10m land.
    The document drops it with its other caches when layers or the projection change."""
    key = selection_key(doc, "place-circles")
    if key not in doc._cache:
        doc._cache[key] = _circles(doc)
    return doc._cache[key]


def selection_key(doc, what: str) -> tuple:
    """The cache key of what the circle layers draw (``what``) for ``doc``'s selection and map: the
    figures, the layers, the period, the projection, the language, the land's colour, the layers'."""
    places, countries, routes = doc.layer("places"), doc.layer("boundaries"), doc.layer("routes")
    return (what, doc.flows.token if doc.flows is not None else 0, doc.place_layers, doc.period, doc.crs,
            doc.label_language, doc.theme.focus_land, *(None if lay is None else lay.id for lay in (places, countries, routes)))


def _circles(doc) -> pd.DataFrame:
    scales = {name: place_scale(doc, name) for name in scale_names(doc)}
    columns = ["key", "group", "layer", "where", "name", "x", "y", "offset_mm", "value", "qualifier", "diameter_mm", "colour",
               "text_colour", "text", "source", "source_ref", "row"]
    if not any(scales.values()):
        return pd.DataFrame(columns=columns)
    lang = map_language(doc)
    from geo.map_marks import value_label_ground  # map_marks reads the map's texts, which read this module

    ground = value_label_ground(doc)
    records = []
    for i, layer in enumerate(doc.place_layers):
        if not layer.draws_circles:
            continue
        rows = layer_figures(doc, layer)
        colour, scale = layer_colour(i, layer), scales[layer.scale]
        parts = layer_part_lines(doc, layer, lang)
        wholes = _route_wholes(doc, rows, lang)
        for r, (where, name, x, y) in zip(rows.itertuples(), _anchors(doc, rows), strict=True):
            if where is None:
                continue
            qualifier = r.qualifier if isinstance(r.qualifier, str) else ""
            lines = [lang.figure(r.value, qualifier), *parts.get((where, r.source), ()), *wholes.get(where, ())]
            records.append({"key": f"place:{i}:{where}:{r.row}", "group": "", "layer": i, "where": where, "name": name, "x": x,
                            "y": y, "offset_mm": 0.0, "value": r.value, "qualifier": qualifier, "diameter_mm": scale.width_mm(r.value),
                            "colour": colour, "text_colour": figure_colour(colour, ground, doc.theme.text),
                            "text": "\n".join(lines), "source": r.source, "source_ref": r.source_ref, "row": r.row})
    frame = pd.DataFrame(records, columns=columns)
    frame = frame.sort_values("diameter_mm", ascending=False, kind="stable").reset_index(drop=True)
    return _side_by_side(frame)


SIDE_GAP_MM = 0.4
"""Paper between two circles set side by side at one anchor."""


def _side_by_side(frame: pd.DataFrame) -> pd.DataFrame:
    """Circles of several layers at one anchor set side by side, largest on the left, the row centred on
    the anchor (``offset_mm``, paper mm east of it), and their ``group`` (the largest's key: their figures
    are one stacked label, on the page and the web map alike): drawn one inside the other, two counts of the dead
    (Caminando Fronteras' 9,757 and IOM's 1,062) or Libya's refugees inside its migrants read as a total
    and its part, which they are not."""
    for _at, rows in frame.groupby(["x", "y"], sort=False).groups.items():
        frame.loc[rows, "group"] = frame.at[rows[0], "key"]  # one stacked label per anchor (largest first)
        if len(rows) < 2:
            continue
        widths = frame.loc[rows, "diameter_mm"].to_numpy(float)
        left = -(widths.sum() + SIDE_GAP_MM * (len(widths) - 1)) / 2
        for index, width in zip(rows, widths, strict=True):
            frame.at[index, "offset_mm"] = left + width / 2
            left += width + SIDE_GAP_MM
    return frame


def layer_part_lines(doc, layer: PlaceFigureLayer, lang) -> dict[tuple[str, str], list[str]]:
    """(where, source) -> the line printing its figure for the layer's part period: "of which Q4 2024: 208"."""
    if not layer.part_period:
        return {}
    rows = layer_figures(doc, layer, layer.part_period, totals=None)  # a country's total prints its part too
    period = lang.period(layer.part_period)
    return {(_where(r), r.source): [lang("of_which", period=period, figure=lang.figure(
        r.value, r.qualifier if isinstance(r.qualifier, str) else ""))] for r in rows.itertuples()}


def _route_wholes(doc, rows: pd.DataFrame, lang) -> dict[str, list[str]]:
    """route_id -> "part of the Italy" for a route whose parent route (or its parent) has a circle of the
    same layer: the smaller circle is a part of the larger one, never a figure to add to it."""
    routes = doc.layer("routes")
    route_ids = set(rows["route_id"]) - {""}
    if routes is None or not route_ids or "parent" not in routes.data.columns:
        return {}
    parent = dict(zip(routes.data["route_id"], routes.data["parent"], strict=True))
    names = dict(zip(routes.data["route_id"], routes.data.get("name", routes.data["route_id"]), strict=True))
    out = {}
    for rid in route_ids:
        up, hops = parent.get(rid), 0
        while isinstance(up, str) and up and up not in route_ids and hops < 20:
            up, hops = parent.get(up), hops + 1
        if isinstance(up, str) and up in route_ids:
            out[rid] = [lang("part_of_name", whole=lang.phrase(doc.relations.total_name(up, names.get(up, up))))]
    return out


def _anchors(doc, rows: pd.DataFrame, strict: bool = False) -> list[tuple]:
    """(where, name in the map's language, x, y) of each row's route, place or country in the map's CRS;
    (None, ...) for one the map does not hold, or with ``strict`` a CrossingsError naming it."""
    from geo.map_texts import label_names

    places, countries, routes = doc.layer("places"), doc.layer("boundaries"), doc.layer("routes")
    out = []
    for r in rows.itertuples():
        route_id, place_id, country = (r.route_id or ""), (r.place_id or ""), (r.country or "")
        layer, column, key = ((routes, "route_id", route_id) if route_id else (places, "place_id", place_id)
                              if place_id else (countries, "iso_a3", country))
        found = None
        if layer is not None and column in layer.data.columns:
            hits = np.flatnonzero(layer.data[column].astype(str).str.casefold().to_numpy() == key.casefold())
            found = int(hits[0]) if len(hits) else None
        if found is None:
            if strict:
                what = {"route_id": "route_id", "place_id": "place_id", "iso_a3": "country"}[column]
                holder = {"route_id": "routes", "place_id": "places layer", "iso_a3": "country boundaries"}[column]
                name = doc.flows.path.name if doc.flows is not None and doc.flows.path else "figures"
                raise CrossingsError(f"{name}, row {r.row}: {what} {key!r} is not in the map's {holder}, so its "
                                     f"{r.metric} figure cannot be drawn")
            out.append((None, "", np.nan, np.nan))
            continue
        if route_id:
            x, y = _route_anchor_xy(doc, layer, found, r.metric)
            name = map_language(doc).phrase(doc.relations.total_name(route_id, str(layer.data["name"].iloc[found])
                                                             if "name" in layer.data.columns else route_id))
        else:
            x, y = _anchor_xy(doc, layer, found)
            name = (label_names(layer.data.iloc[[found]], doc.label_language).iloc[0] if "name" in layer.data.columns
                    else key)
        out.append((key, name, x, y))
    return out



def _route_anchor_xy(doc, layer, index: int, metric: str) -> tuple[float, float]:
    """The point a route's circle stands on, in the map's CRS: along its longest part where the flows'
    own circles stand (geo.flow_geometry.CIRCLE_AT), so a figure on a route is put where the reader
    looks for that route's figures."""
    from geo.flow_geometry import CIRCLE_AT

    geom = doc.projected(layer).geometry.iloc[index]
    parts = list(getattr(geom, "geoms", [geom]))
    line = max(parts, key=lambda g: g.length)
    point = line.interpolate(RETURN_CIRCLE_AT if metric_meaning(metric).symbol == "return_flow" else CIRCLE_AT,
                             normalized=True)
    return float(point.x), float(point.y)


def _anchor_xy(doc, layer, index: int) -> tuple[float, float]:
    """A place's point, or a country's pole of inaccessibility on its largest part, in the map's CRS."""
    geom = layer.data.geometry.iloc[index]
    if geom.geom_type != "Point":
        parts = shapely.get_parts(geom)
        largest = parts[int(np.argmax(shapely.area(parts)))]
        geom = shapely.ops.polylabel(largest, tolerance=ANCHOR_TOLERANCE_DEG)
    projected = to_crs(layer.data.iloc[[index]].set_geometry([geom], crs=layer.data.crs), doc.crs).geometry.iloc[0]
    return float(projected.x), float(projected.y)

