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

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
import shapely.ops

from geo.colours import value_label_colour
from geo.errors import CrossingsError
from geo.flow_geometry import WidthScale
from geo.map_language import map_language
from geo.metrics import metric_meaning
from geo.periods import parse_period
from geo.projection import to_crs

PLACE_CIRCLE_MAX_MM = 16.0
"""The diameter of the largest figure's circle on paper (A4, 1:15 million: Libya's 787,326 fills a
good part of the country without reaching its coast)."""
PLACE_CIRCLE_MIN_MM = 1.6
"""No circle is drawn smaller (a point stays visible); the legend says so, as for route circles."""
PLACE_CIRCLE_OPACITY = 0.72
"""Circles are filled see-through: a smaller one drawn over a larger one at the same anchor, and the
land and names under them, still read."""
PLACE_CIRCLE_CASING_MM = 0.3
"""A white casing parts a circle from the land and from the circle under it."""
PLACE_COLOURS = ("#7B3294", "#1B7837", "#B35806", "#2166AC", "#762A83", "#8C510A")
"""One colour per place-figure layer, in layer order: dark purple, green, brown, blue, distinct from
the routes' Okabe–Ito colours so a circle never reads as a route's figure."""
ANCHOR_TOLERANCE_DEG = 0.05
"""How exactly a country's anchor (its pole of inaccessibility) is found: about 5 km."""


@dataclass(frozen=True)
class PlaceFigureLayer:
    """A thematic layer of place and country figures: what it selects and whether it is drawn.

    ``period`` None is the map's own period; ``source`` None takes every source's figures (a place
    rarely has two). ``title`` is the legend's heading (empty: the metric's label)."""

    metric: str
    period: str | None = None
    source: str | None = None
    title: str = ""
    visible: bool = True

    def to_dict(self) -> dict:
        return {"metric": self.metric, "period": self.period, "source": self.source, "title": self.title,
                "visible": self.visible}

    @classmethod
    def from_dict(cls, data: dict, where: str = "place_figures") -> PlaceFigureLayer:
        if not isinstance(data, dict) or not isinstance(data.get("metric"), str) or not data["metric"].strip():
            raise CrossingsError(f"{where}: each layer needs a metric (text)")
        for key in ("period", "source"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise CrossingsError(f"{where}: {key} must be text or null")
        if not isinstance(data.get("title", ""), str) or not isinstance(data.get("visible", True), bool):
            raise CrossingsError(f"{where}: title must be text and visible true or false")
        from geo.flow_table import normalise_metric

        return cls(normalise_metric(data["metric"]), data.get("period") or None, data.get("source") or None,
                   data.get("title", ""), data.get("visible", True))


def parse_place_layer(text: str, option: str = "--place-figures") -> PlaceFigureLayer:
    """A layer from the command line: ``METRIC``, ``METRIC@PERIOD``, optionally ``…#SOURCE``."""
    from geo.flow_table import normalise_metric

    rest, _, source = text.partition("#")
    metric, _, period = rest.partition("@")
    if not normalise_metric(metric):
        raise CrossingsError(f"{option} {text!r}: name a metric, e.g. stranded or migrants_present@2024Q4")
    if period:
        try:
            period = parse_period(period.strip()).label
        except ValueError as exc:
            raise CrossingsError(f"{option} {text!r}: {exc}") from None
    return PlaceFigureLayer(normalise_metric(metric), period or None, source.strip() or None)


def layer_period(doc, layer: PlaceFigureLayer) -> str | None:
    return layer.period or doc.period


def layer_figures(doc, layer: PlaceFigureLayer) -> pd.DataFrame:
    """The place and country figures ``layer`` selects (value given: an empty cell is no figure)."""
    places = doc.flows.places() if doc.flows is not None else None
    period = layer_period(doc, layer)
    if places is None or not len(places) or period is None:
        return pd.DataFrame(columns=[] if places is None else places.columns)
    rows = places[(places["period"] == parse_period(period).label) & (places["metric"] == layer.metric)]
    if layer.source is not None:
        rows = rows[rows["source"] == layer.source]
    return rows[rows["value"].notna()]


def check_place_layers(doc, layers=None) -> None:
    """Refuse layers the figures cannot draw: no figure selected at all, or a figure at a place or
    country the map does not hold (named with its row, never dropped)."""
    layers = doc.place_layers if layers is None else layers
    for layer in layers:
        rows = layer_figures(doc, layer)
        if not len(rows):
            offered = sorted({f"{m}@{p}" for m, p in zip(doc.flows.places()["metric"], doc.flows.places()["period"],
                                                         strict=True)}) if doc.flows is not None else []
            raise CrossingsError(f"place figures {layer.metric} for {layer_period(doc, layer)}: the figures hold none"
                                 + (f"; place figures in the data: {', '.join(offered)}" if offered else ""))
        _anchors(doc, rows, strict=True)


def place_scale(doc) -> WidthScale | None:
    """The circle scale every place-figure layer of the map shares (area to scale)."""
    values = [v for layer in doc.place_layers if layer.visible for v in layer_figures(doc, layer)["value"]]
    if not values:
        return None
    return WidthScale.fit(values, PLACE_CIRCLE_MAX_MM, PLACE_CIRCLE_MIN_MM, by_area=True)


def layer_colour(index: int) -> str:
    return PLACE_COLOURS[index % len(PLACE_COLOURS)]


def layer_title(doc, layer: PlaceFigureLayer) -> str:
    """The layer's legend heading in the map's language: its title, else its metric's label."""
    return layer.title or map_language(doc).phrase(metric_meaning(layer.metric).label)


def place_circles(doc) -> pd.DataFrame:
    """Every circle of the visible place-figure layers, largest first (the order they are drawn, so
    a smaller circle at the same anchor lies over a larger one): key, layer, where, name, x, y (the
    map's CRS), value, qualifier, diameter_mm, colour, text_colour, text, source, source_ref, row.

    Worked out once per selection: the painter, the frame fit (every refit), the legend, the sources
    line and the web map all ask, and a country's anchor is a pole of inaccessibility on 1:10m land.
    The document drops it with its other caches when layers or the projection change."""
    places, countries = doc.layer("places"), doc.layer("boundaries")
    key = ("place-circles", doc.flows.token if doc.flows is not None else 0, doc.place_layers, doc.period, doc.crs,
           doc.label_language, doc.theme.focus_land, None if places is None else places.id,
           None if countries is None else countries.id)
    if key not in doc._cache:
        doc._cache[key] = _circles(doc)
    return doc._cache[key]


def _circles(doc) -> pd.DataFrame:
    scale = place_scale(doc)
    columns = ["key", "layer", "where", "name", "x", "y", "value", "qualifier", "diameter_mm", "colour",
               "text_colour", "text", "source", "source_ref", "row"]
    if scale is None:
        return pd.DataFrame(columns=columns)
    lang = map_language(doc)
    from geo.map_marks import value_label_ground  # map_marks reads the map's texts, which read this module

    ground = value_label_ground(doc)
    records = []
    for i, layer in enumerate(doc.place_layers):
        if not layer.visible:
            continue
        rows = layer_figures(doc, layer)
        colour = layer_colour(i)
        for r, (where, name, x, y) in zip(rows.itertuples(), _anchors(doc, rows), strict=True):
            if where is None:
                continue
            qualifier = r.qualifier if isinstance(r.qualifier, str) else ""
            records.append({"key": f"place:{i}:{where}:{r.row}", "layer": i, "where": where, "name": name, "x": x,
                            "y": y, "value": r.value, "qualifier": qualifier, "diameter_mm": scale.width_mm(r.value),
                            "colour": colour, "text_colour": value_label_colour(colour, ground),
                            "text": lang.figure(r.value, qualifier), "source": r.source, "source_ref": r.source_ref,
                            "row": r.row})
    frame = pd.DataFrame(records, columns=columns)
    return frame.sort_values("diameter_mm", ascending=False, kind="stable").reset_index(drop=True)


def _anchors(doc, rows: pd.DataFrame, strict: bool = False) -> list[tuple]:
    """(where, name in the map's language, x, y) of each row's place or country in the map's CRS;
    (None, ...) for one the map does not hold, or with ``strict`` a CrossingsError naming it."""
    from geo.map_texts import label_names

    places, countries = doc.layer("places"), doc.layer("boundaries")
    out = []
    for r in rows.itertuples():
        place_id, country = (r.place_id or ""), (r.country or "")
        layer, column, key = (places, "place_id", place_id) if place_id else (countries, "iso_a3", country)
        found = None
        if layer is not None and column in layer.data.columns:
            hits = np.flatnonzero(layer.data[column].astype(str).str.casefold().to_numpy() == key.casefold())
            found = int(hits[0]) if len(hits) else None
        if found is None:
            if strict:
                what = f"place_id {key!r}" if place_id else f"country {key!r}"
                holder = "places layer" if place_id else "country boundaries"
                name = doc.flows.path.name if doc.flows is not None and doc.flows.path else "figures"
                raise CrossingsError(f"{name}, row {r.row}: {what} is not in the map's {holder}, so its "
                                     f"{r.metric} figure cannot be drawn")
            out.append((None, "", np.nan, np.nan))
            continue
        x, y = _anchor_xy(doc, layer, found)
        name = label_names(layer.data.iloc[[found]], doc.label_language).iloc[0] if "name" in layer.data.columns else key
        out.append((key, name, x, y))
    return out


def _anchor_xy(doc, layer, index: int) -> tuple[float, float]:
    """A place's point, or a country's pole of inaccessibility on its largest part, in the map's CRS."""
    geom = layer.data.geometry.iloc[index]
    if geom.geom_type != "Point":
        parts = shapely.get_parts(geom)
        largest = parts[int(np.argmax(shapely.area(parts)))]
        geom = shapely.ops.polylabel(largest, tolerance=ANCHOR_TOLERANCE_DEG)
    projected = to_crs(layer.data.iloc[[index]].set_geometry([geom], crs=layer.data.crs), doc.crs).geometry.iloc[0]
    return float(projected.x), float(projected.y)

