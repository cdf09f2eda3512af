"""The web map's layers, drawn from what the painter draws with: the PNG's flow polygons in the
colours of ``doc.flow_colour`` (geo.exports.map_fields), each symbol's paint, the OD nodes, the
figures' words and colours and the routes' pens (geo.map_marks), the places the PNG shows
(``places_on_map``), its graticule (geo.furniture), the countries simplified for the web, and every
figure, place name and country name where the renderer placed it (``marks``, geo.placed_marks,
through geo.exports.webmap_labels).

Widths on paper become widths on the page through one CSS variable, ``--crossings-mm`` (pixels per
millimetre of the PNG's paper at the current zoom, set by the page's script), so a stroke keeps the
share of its band it has on the PNG at every zoom, as the legend's samples do.
"""

from __future__ import annotations

import html
import math
import re
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry import MultiLineString, Point, mapping

from geo.dash_fit import outline_dashes
from geo.document import MapDocument
from geo.exports.map_fields import flow_colours, places_on_map
from geo.exports.webmap_labels import CSS_PX_PER_MM, mark_features  # a dot's size on a screen, too
from geo.flow_geometry import smooth_line
from geo.furniture import graticule
from geo.join import ZERO
from geo.map_language import map_language
from geo.map_marks import (
    NODE_FILL,
    NODE_OPACITY,
    OUTLINE_DASH,
    OUTLINE_MM,
    dot_fill,
    figure_labels,
    node_marks,
    symbol_paint,
)
from geo.map_texts import country_names, label_names, metric_text
from geo.metrics import CIRCLE
from geo.place_layout import DOT_KINDS, dot_radius
from geo.placed_marks import COUNTRY, FIGURE, PLACE, TOTAL, PageMarks
from geo.projection import WGS84, resolve_crs, transformer
from geo.styles import GROUP_LABELS
from geo.un_practice import country_codes, undetermined_boundaries
from geo.view import MapView

if TYPE_CHECKING:
    from geo.exports.webmap import WebMapSettings

SYMBOL_SMOOTH_FACTOR = 0.1
"""Leaflet's smoothFactor for symbols (bands, circles, nodes): it drops vertices within this many CSS
pixels of the line through their neighbours. At Leaflet's default, 1, a circle 20 px across kept 8
of its vertices and the Atlantic band's curve a few kinks; the PNG has neither."""


# -- furniture texts: geo.map_texts, the same wording as the PNG ------------------------------
def _text(value) -> str:
    """A property value as display text ('' for missing)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return str(value)


# -- layers -------------------------------------------------------------------------------------
def _view_bounds_lonlat(view: MapView) -> list[list[float]]:
    """[[south, west], [north, east]] of the view's frame (folium/Leaflet order: lat, lon)."""
    t = transformer(view.crs, "EPSG:4326")
    minx, miny, maxx, maxy = view.extent
    xs = np.concatenate([np.linspace(minx, maxx, 50), np.full(50, maxx), np.linspace(maxx, minx, 50), np.full(50, minx)])
    ys = np.concatenate([np.full(50, miny), np.linspace(miny, maxy, 50), np.full(50, maxy), np.linspace(maxy, miny, 50)])
    lon, lat = t.transform(xs, ys)
    lon, lat = np.asarray(lon), np.asarray(lat)
    ok = np.isfinite(lon) & np.isfinite(lat)
    return [[float(lat[ok].min()), float(lon[ok].min())], [float(lat[ok].max()), float(lon[ok].max())]]


def _fit_bounds_lonlat(doc: MapDocument, view: MapView) -> list[list[float]]:
    """What the map opens on: the document's lon/lat extent, else the middle cross of the view."""
    if doc.extent_lonlat is not None:
        w, s, e, n = doc.extent_lonlat
        return [[s, w], [n, e]]
    t = transformer(view.crs, "EPSG:4326")
    minx, miny, maxx, maxy = view.extent
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    xs = np.concatenate([np.linspace(minx, maxx, 50), np.full(50, cx)])
    ys = np.concatenate([np.full(50, cy), np.linspace(miny, maxy, 50)])
    lon, lat = (np.asarray(a) for a in t.transform(xs, ys))
    ok = np.isfinite(lon) & np.isfinite(lat)
    return [[float(lat[ok].min()), float(lon[ok].min())], [float(lat[ok].max()), float(lon[ok].max())]]


def _clip_box(bounds) -> tuple[float, float, float, float]:
    """The lon/lat box the web map carries boundaries for (and may be panned within)."""
    (s, w), (n, e) = bounds
    pad_x, pad_y = (e - w) * 0.6, (n - s) * 0.6
    return (w - pad_x, max(s - pad_y, -85.0), e + pad_x, min(n + pad_y, 85.0))


def _round_geoms(geoms, decimals: int):
    return shapely.transform(np.asarray(geoms, dtype=object), lambda c: np.round(c, decimals))


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def _feature(fid: str, geom, props: dict) -> dict:
    return {"type": "Feature", "id": fid, "geometry": mapping(geom), "properties": props}


def _add_boundaries(m, doc: MapDocument, view: MapView, countries, settings: WebMapSettings, bounds,
                    marks: PageMarks) -> None:
    """Countries simplified for the web and cut to the region around the view, the PNG's graticule, and
    the country names the PNG prints, where it prints them."""
    import folium

    theme, style = doc.theme, doc.layer("boundaries").style
    cw, cs, ce, cn = _clip_box(bounds)
    clip = shapely.box(cw, cs, ce, cn)
    geoms = countries.geometry.to_numpy()
    keep = shapely.intersects(geoms, clip)
    geoms = shapely.intersection(geoms[keep], clip)
    geoms = shapely.simplify(geoms, settings.simplify_deg, preserve_topology=True)
    geoms = _round_geoms(geoms, settings.decimals)
    data = countries[keep].reset_index(drop=True)
    focus = data["focus"].astype(int).to_numpy() == 1 if "focus" in data.columns else np.zeros(len(data), bool)
    names = country_names(data, doc.label_language).to_numpy(dtype=object)
    lang = map_language(doc)
    feats = []
    for i, g in enumerate(geoms):
        if g is None or g.is_empty:
            continue
        feats.append(_feature(f"c{i}", g, {"name": names[i], "focus": bool(focus[i])}))
    fill_opacity = style.opacity
    group = folium.FeatureGroup(name=html.escape(lang("web_countries")), overlay=True, control=True,
                                show=style.visible)

    lines = _graticule_lonlat(view, (cw, cs, ce, cn), settings.decimals)
    folium.GeoJson(
        _collection([_feature(f"g{i}", g, {}) for i, g in enumerate(lines)]),
        name="graticule", control=False, interactive=False, pane="crossings-land",
        style_function=lambda f: {"color": theme.graticule, "weight": 0.8, "opacity": 1.0, "className": "crossings-graticule"},
    ).add_to(group)

    folium.GeoJson(
        _collection(feats), name="countries", control=False, pane="crossings-land", interactive=False,
        style_function=lambda f: {
            "fillColor": theme.focus_land if f["properties"]["focus"] else theme.land, "fillOpacity": fill_opacity,
            "color": style.stroke, "weight": 0.8, "opacity": 1.0, "className": "crossings-country",
        },
    ).add_to(group)
    _add_undetermined_boundaries(group, geoms, data, focus, theme, style, settings)

    names_placed, _ = mark_features(marks, (COUNTRY,), lambda mark: {"kind": "country_label"})
    _text_layer(names_placed, "country names", "crossings-land", "crossings.markLabel").add_to(group)
    group.add_to(m)


def _graticule_lonlat(view: MapView, clip: tuple[float, float, float, float], decimals: int) -> list:
    """The PNG's graticule (geo.furniture.graticule: its step, its lines) over the region the page
    may be panned across, in lon/lat."""
    import geopandas as gpd

    wide = view.zoomed(1 / 2.5)  # the clip box reaches 0.6 of the view beyond each side
    lines = gpd.GeoSeries(graticule(wide), crs=resolve_crs(view.crs)).to_crs(WGS84).to_numpy()
    lines = shapely.intersection(lines, shapely.box(*clip))
    return [g for g in _round_geoms(lines, decimals) if not g.is_empty]


def _add_undetermined_boundaries(group, geoms, data, focus, theme, style, settings) -> None:
    """UN practice (geo.un_practice): Western Sahara's boundary with Morocco dashed, as on the PNG. The
    countries' solid white outline under it is covered with the land colour, then the dashes drawn."""
    import folium

    codes = country_codes(data)
    solid, dashed = undetermined_boundaries(geoms, codes, 2 * max(settings.simplify_deg, 10.0 ** -settings.decimals))
    if not dashed:
        return
    land = theme.focus_land if all(focus[i] for i in solid) else theme.land
    feats = [_feature(f"u{i}", g, {}) for i, g in enumerate(_round_geoms(np.array(dashed, dtype=object),
                                                                        settings.decimals))]
    for name, line in (("boundary under the dashes", {"color": land, "weight": 1.6, "lineCap": "butt"}),
                       ("undetermined boundaries", {"color": style.stroke, "weight": 0.8, "dashArray": "6 4",
                                                    "lineCap": "butt", "className": "crossings-undetermined"})):
        folium.GeoJson(_collection(feats), name=name, control=False, pane="crossings-land", interactive=False,
                       style_function=lambda f, line=line: {**line, "opacity": 1.0, "fill": False}).add_to(group)


def _text_layer(features: list[dict], name: str, pane: str, js: str):
    """Points that only carry text: an invisible marker each, the label made by ``js`` in the page."""
    import folium

    return folium.GeoJson(
        _collection(features), name=name, control=False, pane=pane,
        marker=folium.CircleMarker(radius=0, stroke=False, fill=False, interactive=False),
        on_each_feature=folium.JsCode(js),
    )


def _leader_layer(leaders: list[dict], name: str, pane: str, colour: str):
    """The PNG's leader lines, in the muted text colour, each named after its label's rank (the page
    hides a leader with its label)."""
    import folium

    return folium.GeoJson(_collection(leaders), name=name, control=False, pane=pane, interactive=False,
                          style_function=lambda f: {"color": colour, "opacity": 1.0, "fill": False,
                                                    "className": "crossings-leader crossings-leader-"
                                                                 + str(f["properties"]["rank"])})


def _add_no_data_routes(m, doc: MapDocument) -> None:
    """Routes with no figure this period: dashed centre lines in their group's colour, as in the PNG
    (the pen is geo.map_marks' NO_FIGURE_*, written into the page's CSS)."""
    import folium

    join = doc.join()
    if not join.no_data:
        return
    style = doc.flow_style
    lang = map_language(doc)
    routes = doc.projected(doc.layer("routes"))
    rows = routes[routes["route_id"].isin(join.no_data)]
    lines, props = [], []
    for row in rows.itertuples():
        parts = getattr(row.geometry, "geoms", [row.geometry])
        smooth = [smooth_line(p, style.smoothing) for p in parts]
        lines.append(smooth[0] if len(smooth) == 1 else MultiLineString(smooth))
        group = str(getattr(row, "group", "") or "")
        props.append({"kind": "no_data", "route_id": str(row.route_id), "name": _text(getattr(row, "name", "")),
                      "group": group, "group_label": lang.phrase(GROUP_LABELS.get(group, group)),
                      "colour": doc.group_colour(group), "period_label": lang.period(doc.period),
                      "metric_label": metric_text(doc)})
    layer = folium.FeatureGroup(name=html.escape(lang("web_no_data")), overlay=True, control=True,
                                show=doc.layer("routes").style.visible)
    folium.GeoJson(
        _collection(_lonlat_features("n", lines, routes.crs, props)), name="no-data routes", control=False,
        pane="crossings-routes",
        style_function=lambda f: {"color": f["properties"]["colour"], "opacity": 1.0, "fill": False,
                                  "className": "crossings-nodata"},
        on_each_feature=folium.JsCode("crossings.noDataFeature"),
    ).add_to(layer)
    layer.add_to(m)


def _lonlat_features(prefix: str, geoms: list, crs, props: list[dict], decimals: int = 4) -> list[dict]:
    """Projected geometries as lon/lat GeoJSON features with ``props``."""
    import geopandas as gpd

    ll = _round_geoms(gpd.GeoSeries(geoms, crs=crs).to_crs(WGS84).to_numpy(), decimals)
    return [_feature(f"{prefix}{i}", g, p) for i, (g, p) in enumerate(zip(ll, props, strict=True))]


def _add_flows(m, doc: MapDocument, view: MapView, layers: dict, marks: PageMarks) -> None:
    """The flow symbols (the PNG's band, arrow and circle polygons, in its colours and paints), the
    routes under circles, the OD nodes above them, and the figures the PNG prints, where it prints them."""
    import folium

    symbols = layers["flow_symbols"]
    flows = layers["flows"].set_index("route_id")
    lang = map_language(doc)
    period_label = lang.period(doc.period) if doc.period else ""
    geoms = _round_geoms(symbols.geometry.to_numpy(), 5)
    colours = flow_colours(doc, symbols)  # doc.flow_colour, as the painter asks it
    feats = []
    for i, row in enumerate(symbols.itertuples()):
        f = flows.loc[row.route_id] if row.route_id in flows.index else None
        dates = ""
        if f is not None and _text(f["date_from"]) and _text(f["date_to"]):
            dates = lang("span", start=lang.day(f["date_from"]), end=lang.day(f["date_to"]))
        group, symbol, filled = str(row.group), _text(getattr(row, "symbol", "flow")), bool(getattr(row, "filled", True))
        paint = symbol_paint(doc, str(row.route_id), group, symbol, filled)
        feats.append(_feature(f"f{i}", geoms[i], {
            "kind": "flow", "route_id": str(row.route_id), "name": _text(row.name), "group": group,
            "group_label": lang.phrase(GROUP_LABELS.get(group, group)), "colour": colours[i],
            "fill": paint.fill, "stroke": paint.stroke, "paint": _paint_class(symbol, filled),
            "filled": filled, "symbol": symbol,
            "status": _text(getattr(row, "status", "drawn")), "qualifier": _text(getattr(row, "qualifier", "")),
            "value": float(row.value), "value_label": _text(getattr(row, "label", "")) or lang.number(row.value),
            "metric": str(row.metric),
            "metric_label": metric_text(doc, str(row.metric)), "period": str(row.period), "period_label": period_label,
            "dates": dates, "source": lang.phrase(_text(row.source)), "source_ref": _text(row.source_ref),
            "note": _text(row.note),
            "origin": _text(f["origin"]) if f is not None and "origin" in f else "",
            "dest": _text(f["dest"]) if f is not None and "dest" in f else "",
            "width_mm": float(row.width_mm),
        }))
    visible = doc.layer("routes").style.visible if doc.layer("routes") is not None else True
    title = lang("web_flows", metric=metric_text(doc).lower(), period=period_label)
    layer = folium.FeatureGroup(name=html.escape(title), overlay=True, control=True, show=visible)
    _add_circle_routes(layer, doc, view)
    folium.GeoJson(
        _collection(feats), name="flow symbols", control=False, pane="crossings-flows", smooth_factor=SYMBOL_SMOOTH_FACTOR,
        style_function=lambda f: _symbol_style(f["properties"]),
        highlight_function=lambda f: {"color": "#222222"},
        on_each_feature=folium.JsCode("crossings.flowFeature"),
    ).add_to(layer)
    _add_outline_dashes(layer, doc, view, doc.flow_symbols(view))  # in the view's units, as painted
    _add_lifted_islands(layer, doc, view, marks)
    if doc.is_od:
        _add_nodes(layer, doc, view)
    figures = figure_labels(doc, doc.flow_symbols(view))  # what each figure stands for

    def figure(mark) -> dict:
        fig = figures[mark.key]
        return {"kind": "total_label" if mark.kind == TOTAL else "flow_label", "route_id": fig.route_id,
                "value": fig.value, "value_label": mark.text}

    labels, leaders = mark_features(marks, (FIGURE, TOTAL), figure)
    if leaders:
        _leader_layer(leaders, "leaders", "crossings-flows", doc.theme.muted_text).add_to(layer)
    if labels:
        _text_layer(labels, "flow figures", "crossings-flows", "crossings.markLabel").add_to(layer)
    layer.add_to(m)


def _add_outline_dashes(layer, doc: MapDocument, view: MapView, symbols) -> None:
    """A hollow symbol's dashes (a figure inside another one shown), fitted to its corners as the PNG
    draws them (geo.dash_fit): lines in the map's units, so at every zoom they are the PNG's dashes at
    the PNG's scale, as the band is. A CSS dash pattern ran round the outline from wherever Leaflet's
    path began: the Algeria–Balearic arrowhead had a gap at one corner and an 'L' at the other. The
    symbol's own outline stays, unstroked, to be pointed at."""
    import folium

    lines, props = [], []
    dash, gap = (view.mm_to_units(d * OUTLINE_MM) for d in OUTLINE_DASH)
    for row in symbols.itertuples():
        symbol, filled = _text(getattr(row, "symbol", "flow")), bool(getattr(row, "filled", True))
        if filled or symbol == ZERO:
            continue
        lines.append(outline_dashes(row.geometry, dash, gap))
        props.append({"kind": "outline_dashes", "route_id": str(row.route_id),
                      "colour": symbol_paint(doc, str(row.route_id), str(row.group), symbol, filled).stroke})
    if not lines:
        return
    feats = _lonlat_features("d", lines, symbols.crs, props, 6)
    folium.GeoJson(
        _collection(feats), name="outline dashes", control=False, pane="crossings-flows", interactive=False,
        smooth_factor=SYMBOL_SMOOTH_FACTOR,
        style_function=lambda f: {"color": f["properties"]["colour"], "opacity": 1.0, "fill": False,
                                  "lineCap": "round", "className": "crossings-outline-dash"},
    ).add_to(layer)


def _add_lifted_islands(layer, doc: MapDocument, view: MapView, marks: PageMarks) -> None:
    """The small islands the PNG draws again above the flows that cover them (Malta under the Libya
    arrow's barb), after the flows and before the nodes, in their land colour and the borders' stroke."""
    import folium

    if not marks.lifted:
        return
    style = doc.layer("boundaries").style
    outlines, fills = zip(*marks.lifted, strict=True)
    feats = _lonlat_features("i", list(outlines), view.crs, [{"kind": "lifted_island", "fill": f} for f in fills], 5)
    folium.GeoJson(
        _collection(feats), name="islands above the flows", control=False, pane="crossings-flows", interactive=False,
        style_function=lambda f: {"fillColor": f["properties"]["fill"], "fillOpacity": style.opacity,
                                  "color": style.stroke, "weight": 0.8, "opacity": 1.0,
                                  "className": "crossings-lifted-island"},
    ).add_to(layer)


def _paint_class(symbol: str, filled: bool) -> str:
    """The CSS class that gives a symbol its stroke in paper millimetres (webmap_page's style block)."""
    if symbol == ZERO:
        return "crossings-zero"
    return "crossings-cased" if filled else "crossings-hollow"


def _symbol_style(p: dict) -> dict:
    """Leaflet style of one symbol, as geo.map_marks.symbol_paint paints it; the stroke's width (and
    dashes) are its paint class's, in millimetres of paper."""
    css = "crossings-flow crossings-flow-" + _css_ident(p["route_id"]) + " " + p["paint"]
    fill = p.get("fill")
    return {"fill": fill is not None, "fillColor": fill or "#000000", "fillOpacity": 1.0 if fill else 0.0,
            "color": p["stroke"], "opacity": 1.0, "lineJoin": "round", "lineCap": "round", "className": css}


def _css_ident(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", str(text))


def _add_circle_routes(layer, doc: MapDocument, view: MapView) -> None:
    """The route under each circle or ring, thin, in its flow's colour (gui/render.py
    ``_paint_circle_routes``; the pen is geo.map_marks' CIRCLE_ROUTE_*)."""
    import folium

    if doc.is_od:
        return
    symbols = doc.flow_symbols(view)
    round_ids = set(symbols.loc[symbols["symbol"].isin((CIRCLE, ZERO)), "route_id"])
    flows = doc.projected_flows()
    flows = flows[flows["route_id"].isin(round_ids)]
    if not len(flows):
        return
    lines, props = [], []
    for row in flows.itertuples():
        parts = [smooth_line(p, doc.flow_style.smoothing) for p in getattr(row.geometry, "geoms", [row.geometry])]
        lines.append(parts[0] if len(parts) == 1 else MultiLineString(parts))
        props.append({"kind": "circle_route", "route_id": str(row.route_id),
                      "colour": doc.flow_colour(str(row.route_id), str(row.group))})
    folium.GeoJson(
        _collection(_lonlat_features("r", lines, flows.crs, props)), name="routes under circles", control=False,
        pane="crossings-flows", interactive=False,
        style_function=lambda f: {"color": f["properties"]["colour"], "opacity": 1.0, "fill": False,
                                  "className": "crossings-circle-route"},
    ).add_to(layer)


def _add_nodes(layer, doc: MapDocument, view: MapView) -> None:
    """The OD map's node circles above the flows, as the PNG paints them (geo.map_marks.node_marks:
    where, how large on paper, in what colour): polygons of their radius on the PNG's paper, so they
    grow with the zoom as the bands do."""
    import folium

    nodes = node_marks(doc, view)
    circles = [g.buffer(view.mm_to_units(r), quad_segs=16) for g, r in zip(nodes.geometry, nodes["radius_mm"],
                                                                            strict=True)]
    lang = map_language(doc)
    props = [{"kind": "node", "name": str(n), "value": float(t), "value_label": lang.number(t),
              "radius_mm": round(float(r), 4)}
             for n, t, r in zip(nodes["name"], nodes["total"], nodes["radius_mm"], strict=True)]
    folium.GeoJson(
        _collection(_lonlat_features("o", circles, nodes.crs, props, 5)), name="nodes", control=False, smooth_factor=SYMBOL_SMOOTH_FACTOR,
        pane="crossings-flows",
        style_function=lambda f: {"fillColor": NODE_FILL, "fillOpacity": NODE_OPACITY, "color": "#ffffff",
                                  "opacity": 1.0,
                                  "className": "crossings-node-mark crossings-node-" + _css_ident(f["properties"]["name"])},
        on_each_feature=folium.JsCode("crossings.nodeFeature"),
    ).add_to(layer)


def _add_places(m, doc: MapDocument, view: MapView, places, marks: PageMarks) -> None:
    """The places the PNG shows (geo.exports.map_fields.places_on_map, the painter's rule: islands,
    enclaves and region names in the frame, towns where a drawn route starts or ends and their names
    found room, crowded dots thinned), with the painter's dot fills; and their names where the PNG sets them, tied back by the
    PNG's leader lines."""
    import folium

    layer = doc.layer("places")
    layer_style = layer.style
    proj = doc.projected(layer)
    shown = places_on_map(doc, view, layer, marks)
    names = label_names(proj, doc.label_language).to_numpy(dtype=object)
    ids = proj["place_id"].astype(str).to_numpy() if "place_id" in proj.columns else np.arange(len(proj)).astype(str)
    feats = []
    for i, row in enumerate(proj.itertuples()):
        if not shown[i]:
            continue
        kind = str(getattr(row, "kind", "city") or "city")
        dot = kind in DOT_KINDS
        ll = places.geometry.iloc[i]
        feats.append(_feature(f"p{i}", Point(round(ll.x, 4), round(ll.y, 4)), {
            "kind": kind, "place_id": str(ids[i]), "name": names[i], "name_en": _text(getattr(row, "name", "")),
            "name_fr": _text(getattr(row, "name_fr", "")), "name_ar": _text(getattr(row, "name_ar", "")),
            "marker": dot, "fill": dot_fill(kind) if dot else None,
            "radius": round(dot_radius(kind, CSS_PX_PER_MM), 2) if dot else 0.0,
        }))
    group = folium.FeatureGroup(name=html.escape(map_language(doc)("web_places")), overlay=True, control=True,
                                show=layer_style.visible)
    folium.GeoJson(
        _collection(feats), name="places", control=False, pane="crossings-places",
        marker=folium.CircleMarker(radius=2, weight=1, color="#ffffff", fill=True, fill_color="#333333", fill_opacity=1.0),
        style_function=lambda f: ({"radius": f["properties"]["radius"], "fillColor": f["properties"]["fill"],
                                   "stroke": True, "color": "#ffffff", "fillOpacity": 1.0,
                                   "className": "crossings-place"}
                                  if f["properties"]["marker"] else
                                  {"radius": 0, "stroke": False, "fill": False, "interactive": False,
                                   "className": "crossings-place-label-only"}),
        on_each_feature=folium.JsCode("crossings.placeFeature"),
    ).add_to(group)
    names, leaders = mark_features(marks, (PLACE,), lambda mark: {"kind": "place_name", "place_id": mark.key,
                                                                  "name": mark.text})
    if leaders:
        _leader_layer(leaders, "place leaders", "crossings-places", doc.theme.muted_text).add_to(group)
    if names:
        _text_layer(names, "place names", "crossings-places", "crossings.markLabel").add_to(group)
    group.add_to(m)
