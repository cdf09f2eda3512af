"""The point layers on the web map: the PNG's circles (geo.point_symbols: each point's category colour and
diameter on paper) and their labels where the PNG sets them (geo.placed_marks). No colour is decided here."""

from __future__ import annotations

import html
import math

import shapely

from geo.document import MapDocument
from geo.exports.webmap_labels import mark_features
from geo.exports.webmap_layers import (
    SYMBOL_SMOOTH_FACTOR,
    _collection,
    _leader_layer,
    _lonlat_features,
    _text_layer,
)
from geo.map_language import map_language
from geo.placed_marks import PageMarks
from geo.point_symbols import POINT_CASING_MM, POINT_LABEL, SIZED_OPACITY, category_text, point_symbols, point_xy
from geo.view import MapView


def add_point_layers(m, doc: MapDocument, view: MapView, marks: PageMarks) -> None:
    """One overlay per visible point layer: a disc per point (its diameter on the PNG's paper, so it grows
    with the zoom as the flows do), largest first, each in its category's colour, with a tooltip; then the
    labels the PNG placed."""
    import folium

    lang = map_language(doc)
    for layer in doc.layers:
        if layer.kind != "points" or not layer.style.visible:
            continue
        symbols = point_symbols(layer)
        frame = symbols.frame
        xy = point_xy(doc.projected(layer).geometry.to_numpy())
        order = frame["diameter_mm"].to_numpy().argsort(kind="stable")[::-1]
        discs, props = [], []
        for i in order:
            row = frame.iloc[i]
            radius = view.mm_to_units(row["diameter_mm"] / 2)
            discs.append(shapely.Point(*xy[i]).buffer(radius, quad_segs=16))
            category = category_text(lang, symbols, row["category"]) if symbols.categories else ""
            value = row["value"]
            props.append({"kind": "point", "layer": layer.title, "row": int(i), "label": row["label"],
                          "category": category, "value": None if math.isnan(value) else float(value),
                          "value_label": "" if math.isnan(value) else lang.number(value), "fill": row["colour"]})
        opacity = (SIZED_OPACITY if symbols.scale is not None else 1.0) * layer.style.opacity
        weight = max(1.0, POINT_CASING_MM * 4)  # about the casing at the paper scale's usual zoom
        group = folium.FeatureGroup(name=html.escape(layer.title), overlay=True, control=True, show=True)
        folium.GeoJson(
            _collection(_lonlat_features(f"pt{layer.id}_", discs, view.crs, props, 5)), name=f"points {layer.id}",
            control=False, pane="crossings-places", smooth_factor=SYMBOL_SMOOTH_FACTOR,
            style_function=lambda f, o=opacity, w=weight: {
                "fillColor": f["properties"]["fill"], "fillOpacity": o, "color": "#ffffff", "weight": w,
                "opacity": 1.0, "className": "crossings-point"},
            tooltip=folium.GeoJsonTooltip(fields=["label", "category", "value_label"], labels=False),
        ).add_to(group)
        mine = f"point:{layer.id}:"
        labels, leaders = mark_features(PageMarks(marks.view, tuple(k for k in marks.marks if k.key.startswith(mine))),
                                        (POINT_LABEL,), lambda mark: {"kind": "point_label", "key": mark.key,
                                                                          "name": mark.text})
        if leaders:
            _leader_layer(leaders, f"{layer.title} leaders", "crossings-places", doc.theme.muted_text).add_to(group)
        if labels:
            _text_layer(labels, f"{layer.title} labels", "crossings-places", "crossings.markLabel").add_to(group)
        group.add_to(m)
