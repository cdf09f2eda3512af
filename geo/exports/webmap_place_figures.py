"""The place-figure layers on the web map: the PNG's circles (geo.place_figures.place_circles: where,
how large on paper, in what colour) and its figures where the PNG sets them (geo.placed_marks)."""

from __future__ import annotations

import html

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
from geo.place_figures import PLACE_CIRCLE_OPACITY, legend_title, place_circles
from geo.placed_marks import PLACE_FIGURE, PLACE_TOTAL, PageMarks
from geo.view import MapView


def add_place_figures(m, doc: MapDocument, view: MapView, marks: PageMarks) -> None:
    """One overlay with every circle (a polygon of its diameter on the PNG's paper, so it grows with
    the zoom as the flows do), a tooltip with the figure's source, and the figures' labels."""
    import folium

    circles = place_circles(doc)
    if not len(circles) and not any(m.kind == PLACE_TOTAL for m in marks.marks):
        return
    lang = map_language(doc)
    shapes = [_disc(view, row) for row in circles.itertuples()]
    props = [{"kind": "place_figure", "key": row.key, "name": row.name, "value": float(row.value),
              "value_label": row.text, "layer": legend_title(doc, doc.place_layers[row.layer]),
              "source": lang.phrase(row.source or ""), "source_ref": row.source_ref or "", "fill": row.colour}
             for row in circles.itertuples()]
    layer = folium.FeatureGroup(name=html.escape(lang("place_heading")), overlay=True, control=True, show=True)
    _add_ground_under_circles(layer, doc, marks)
    folium.GeoJson(
        _collection(_lonlat_features("c", shapes, view.crs, props, 5)), name="place figures", control=False,
        pane="crossings-flows", smooth_factor=SYMBOL_SMOOTH_FACTOR,
        style_function=lambda f: {"fillColor": f["properties"]["fill"], "fillOpacity": PLACE_CIRCLE_OPACITY,
                                  "color": "#ffffff", "weight": 1, "opacity": 1.0, "className": "crossings-place-figure"},
        tooltip=folium.GeoJsonTooltip(fields=["name", "layer", "value_label", "source"], labels=False),
    ).add_to(layer)
    # the figures at one anchor are one stacked label in the PNG: one group, shown or hidden together
    group = dict(zip(circles["key"], circles["group"], strict=True))
    labels, leaders = mark_features(marks, (PLACE_FIGURE, PLACE_TOTAL), lambda mark: {  # a layer's totals too
        "kind": "flow_label", "key": mark.key, "group": group.get(mark.key, mark.key)})
    if leaders:
        _leader_layer(leaders, "place figure leaders", "crossings-flows", doc.theme.muted_text).add_to(layer)
    if labels:
        _text_layer(labels, "place figures' labels", "crossings-flows", "crossings.markLabel").add_to(layer)
    layer.add_to(m)


def _disc(view: MapView, row):
    import shapely

    return shapely.Point(row.x + view.mm_to_units(row.offset_mm), row.y).buffer(view.mm_to_units(row.diameter_mm / 2),
                                                                              quad_segs=16)


def _add_ground_under_circles(layer, doc: MapDocument, marks: PageMarks) -> None:
    """The sea and land the PNG draws again under the circles where they cover a flow (geo.circle_ground),
    before the circles: a circle over a band is seen in its key's colour, as on paper."""
    import folium

    if not marks.under_circles:
        return
    boundaries = doc.layer("boundaries")
    land_opacity = boundaries.style.opacity if boundaries is not None else 1.0
    shapes, fills = zip(*marks.under_circles, strict=True)
    props = [{"kind": "ground_under_circle", "fill": fill, "opacity": 1.0 if k == 0 else land_opacity}
             for k, fill in enumerate(fills)]
    folium.GeoJson(
        _collection(_lonlat_features("g", list(shapes), marks.view.crs, props, 5)), name="ground under the circles",
        control=False, pane="crossings-flows", interactive=False, smooth_factor=SYMBOL_SMOOTH_FACTOR,
        style_function=lambda f: {"fillColor": f["properties"]["fill"], "fillOpacity": f["properties"]["opacity"],
                                  "stroke": False},
    ).add_to(layer)
