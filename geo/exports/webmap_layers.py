"""The web map's layers: boundaries for the web, the PNG's flow polygons, dashed routes, places."""

from __future__ import annotations

import html
import math
import re
from typing import TYPE_CHECKING

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, MultiLineString, Point, mapping

from geo.colours import OUTLINE_DARKER, darker, value_label_colour
from geo.document import MapDocument
from geo.exports.map_fields import value_label_ground
from geo.flow_geometry import smooth_line
from geo.map_language import map_language
from geo.map_texts import country_names, flow_label_texts, label_names, metric_text
from geo.projection import WGS84, to_crs
from geo.routes import total_anchor
from geo.styles import GROUP_LABELS
from geo.un_practice import country_codes, undetermined_boundaries
from geo.view import MapView

if TYPE_CHECKING:
    from geo.exports.webmap import WebMapSettings


# -- furniture texts: geo.map_texts, the same wording as the PNG ------------------------------
def _text(value) -> str:
    """A property value as display text ('' for missing)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return str(value)


# -- layers -------------------------------------------------------------------------------------
def _view_bounds_lonlat(view: MapView) -> list[list[float]]:
    """[[south, west], [north, east]] of the view's frame (folium/Leaflet order: lat, lon)."""
    from pyproj import Transformer

    from geo.projection import resolve_crs

    t = Transformer.from_crs(resolve_crs(view.crs), "EPSG:4326", always_xy=True)
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
    from pyproj import Transformer

    from geo.projection import resolve_crs

    t = Transformer.from_crs(resolve_crs(view.crs), "EPSG:4326", always_xy=True)
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


def _add_boundaries(m, doc: MapDocument, view: MapView, countries, settings: WebMapSettings, bounds) -> None:
    """Countries simplified for the web and cut to the region around the view, plus a graticule and names."""
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

    graticule = []
    for lon in range(int(math.ceil(cw / 10) * 10), int(math.floor(ce / 10) * 10) + 1, 10):
        graticule.append(LineString([(lon, cs), (lon, cn)]))
    for lat in range(int(math.ceil(max(cs, -80) / 10) * 10), int(math.floor(min(cn, 80) / 10) * 10) + 1, 10):
        graticule.append(LineString([(cw, lat), (ce, lat)]))
    folium.GeoJson(
        _collection([_feature(f"g{i}", g, {}) for i, g in enumerate(graticule)]),
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

    # Country names at the pole of inaccessibility of the largest part inside the view.
    vb = shapely.box(bounds[0][1], bounds[0][0], bounds[1][1], bounds[1][0])
    label_feats = []
    areas = []
    for i, g in enumerate(geoms):
        if g is None or g.is_empty or not names[i]:
            continue
        inside = shapely.intersection(g, vb)
        if inside.is_empty:
            continue
        big = max(shapely.get_parts(inside), key=lambda p: p.area)
        if big.geom_type != "Polygon" or big.area < 4.0:  # about 200 x 200 km at these latitudes
            continue
        pt = shapely.ops.polylabel(big, tolerance=0.05)
        areas.append((big.area, i, pt))
    for area, i, pt in sorted(areas, key=lambda t: -t[0]):
        label_feats.append(_feature(f"cl{i}", Point(round(pt.x, 3), round(pt.y, 3)),
                                    {"label": names[i].upper(), "kind": "country_label", "priority": round(area, 1)}))
    _text_layer(label_feats, "country names", "crossings-land", "crossings.countryLabel").add_to(group)
    group.add_to(m)


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


def _add_no_data_routes(m, doc: MapDocument) -> None:
    """Routes with no figure this period: dashed centre lines, as in the PNG."""
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
                      "colour": style.colour_for(group), "period_label": lang.period(doc.period),
                      "metric_label": metric_text(doc)})
    import geopandas as gpd

    ll = gpd.GeoSeries(lines, crs=routes.crs).to_crs(WGS84)
    geoms = _round_geoms(ll.to_numpy(), 4)
    feats = [_feature(f"n{i}", g, p) for i, (g, p) in enumerate(zip(geoms, props, strict=True))]
    layer = folium.FeatureGroup(name=html.escape(lang("web_no_data")), overlay=True, control=True,
                                show=doc.layer("routes").style.visible)
    folium.GeoJson(
        _collection(feats), name="no-data routes", control=False, pane="crossings-routes",
        style_function=lambda f: {"color": f["properties"]["colour"], "weight": 2.2, "opacity": 0.9,
                                  "dashArray": "7 5", "lineCap": "butt", "fill": False,
                                  "className": "crossings-nodata"},
        on_each_feature=folium.JsCode("crossings.noDataFeature"),
    ).add_to(layer)
    layer.add_to(m)


def _add_flows(m, doc: MapDocument, view: MapView, layers: dict) -> None:
    """The flow symbols (band + arrow polygons of the PNG) with tooltips, popups and figure labels."""
    import folium

    style = doc.flow_style
    symbols = layers["flow_symbols"]
    flows = layers["flows"].set_index("route_id")
    lang = map_language(doc)
    period_label = lang.period(doc.period) if doc.period else ""
    geoms = _round_geoms(symbols.geometry.to_numpy(), 5)
    feats = []
    for i, row in enumerate(symbols.itertuples()):
        f = flows.loc[row.route_id] if row.route_id in flows.index else None
        dates = ""
        if f is not None and _text(f["date_from"]) and _text(f["date_to"]):
            dates = lang("span", start=lang.day(f["date_from"]), end=lang.day(f["date_to"]))
        group = str(row.group)
        feats.append(_feature(f"f{i}", geoms[i], {
            "kind": "flow", "route_id": str(row.route_id), "name": _text(row.name), "group": group,
            "group_label": lang.phrase(GROUP_LABELS.get(group, group)), "colour": doc.flow_colour(str(row.route_id), group),
            "filled": bool(getattr(row, "filled", True)), "symbol": _text(getattr(row, "symbol", "flow")),
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
    visible = doc.layer("routes").style.visible
    title = lang("web_flows", metric=metric_text(doc).lower(), period=period_label)
    layer = folium.FeatureGroup(name=html.escape(title), overlay=True, control=True, show=visible)
    folium.GeoJson(
        _collection(feats), name="flow symbols", control=False, pane="crossings-flows",
        style_function=lambda f: _symbol_style(f["properties"], style.casing),
        highlight_function=lambda f: {"weight": 2.5, "color": "#222222"},
        on_each_feature=folium.JsCode("crossings.flowFeature"),
    ).add_to(layer)
    if style.show_values:
        labels = _value_label_points(doc, view, layers)
        _text_layer(labels, "flow figures", "crossings-flows", "crossings.valueLabel").add_to(layer)
    layer.add_to(m)


def _symbol_style(p: dict, casing: str) -> dict:
    """Leaflet style of one symbol, as the painter draws it: filled with a casing, a dashed outline
    for a figure inside another one shown, a white ring for a zero."""
    css = "crossings-flow crossings-flow-" + _css_ident(p["route_id"])
    if p.get("symbol") == "zero":
        return {"fillColor": "#ffffff", "fillOpacity": 1.0, "color": "#222222", "weight": 1.5, "opacity": 1.0,
                "className": css}
    if not p.get("filled", True):
        return {"fillOpacity": 0.0, "color": darker(p["colour"], OUTLINE_DARKER), "weight": 2.0, "opacity": 1.0,
                "dashArray": "6 3", "lineJoin": "round", "className": css}
    return {"fillColor": p["colour"], "fillOpacity": 1.0, "color": casing, "weight": 1.0, "opacity": 1.0,
            "lineJoin": "round", "className": css}


def _css_ident(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", str(text))


def _value_label_points(doc: MapDocument, view: MapView, layers: dict) -> list[dict]:
    """One anchor per flow just outside its band, near the middle, keeping the figure off other
    flows and preferably over the sea (the label box is estimated at the page scale of the PNG)."""
    style = doc.flow_style
    scale = doc.width_scale()
    flows = doc.projected_flows()
    countries = layers.get("countries")
    land = None
    if countries is not None and len(countries):
        land = shapely.union_all(to_crs(countries, doc.crs).geometry.to_numpy())
        shapely.prepare(land)
    symbols = to_crs(layers["flow_symbols"], doc.crs)
    from pyproj import Transformer

    from geo.projection import resolve_crs

    to_ll = Transformer.from_crs(resolve_crs(doc.crs), "EPSG:4326", always_xy=True)
    mm = view.mm_to_units(1.0)
    texts = flow_label_texts(doc)
    lang = map_language(doc)
    placed: list = []
    out = []
    for row in flows.sort_values("value", ascending=False).itertuples():
        parts = row.geometry.geoms if isinstance(row.geometry, MultiLineString) else [row.geometry]
        line = max((smooth_line(p, style.smoothing) for p in parts), key=lambda g: g.length)
        half = view.mm_to_units(scale.width_mm(row.value)) / 2 + mm
        text = texts.get(row.route_id, lang.number(row.value)).replace("\n", " · ")
        box_w, box_h = (len(text) * 2.6 + 1.0) * mm, 6.0 * mm
        others = [g for rid, g in zip(symbols["route_id"], symbols.geometry, strict=True) if rid != row.route_id]
        own = symbols.geometry[symbols["route_id"] == row.route_id]
        obstacles = shapely.union_all([*others, *placed]) if others or placed else None
        best = None
        for k, frac in enumerate((0.5, 0.42, 0.58, 0.34, 0.66, 0.25, 0.75)):
            p = line.interpolate(frac * line.length)
            q = line.interpolate(min(frac * line.length + line.length * 0.02, line.length))
            r = line.interpolate(max(frac * line.length - line.length * 0.02, 0))
            dx, dy = q.x - r.x, q.y - r.y
            norm = math.hypot(dx, dy) or 1.0
            nx, ny = -dy / norm, dx / norm
            for side, side_cost in ((1, 0.0), (-1, 0.05)):
                ox, oy = side * nx, side * ny
                ax, ay = p.x + ox * half, p.y + oy * half
                if abs(ox) >= abs(oy):
                    direction = "right" if ox > 0 else "left"
                    x0 = ax if ox > 0 else ax - box_w
                    box = shapely.box(x0, ay - box_h / 2, x0 + box_w, ay + box_h / 2)
                else:
                    direction = "top" if oy > 0 else "bottom"
                    y0 = ay if oy > 0 else ay - box_h
                    box = shapely.box(ax - box_w / 2, y0, ax + box_w / 2, y0 + box_h)
                cost = k * 0.1 + side_cost
                if obstacles is not None and box.intersects(obstacles):
                    cost += 3.0
                if len(own) and box.intersects(own.iloc[0]):
                    cost += 2.0
                if land is not None and land.intersects(box):
                    cost += 1.0 if land.contains(Point(ax, ay)) else 0.4
                if best is None or cost < best[0]:
                    best = (cost, ax, ay, direction, box)
        _, ax, ay, direction, box = best
        placed.append(box)
        lon, lat = to_ll.transform(ax, ay)
        out.append(_feature(f"v{len(out)}", Point(round(lon, 5), round(lat, 5)), {
            "kind": "flow_label", "route_id": str(row.route_id), "value": float(row.value),
            "value_label": text, "colour": value_label_colour(doc.flow_colour(str(row.route_id), str(row.group)), value_label_ground(doc)),
            "direction": direction,
        }))
    return out + _total_label_points(doc, symbols, placed, land, to_ll, mm)


def _total_label_points(doc: MapDocument, symbols, placed: list, land, to_ll, mm: float) -> list[dict]:
    """A parent's total near where its branches arrive ("Italy 16,166", then what they do not cover),
    clear of every flow and figure, preferably beyond the destination, as on the PNG."""
    join = doc.join()
    routes = doc.layer("routes")
    if not join.totals or routes is None:
        return []
    proj = doc.projected(routes)
    out = []
    for t in join.totals:
        (ax, ay), (sx, sy) = total_anchor(proj, t.route_id)  # where the PNG anchors it too
        lines = map_language(doc).total_lines(t)
        box_w, box_h = (max(len(s) for s in lines) * 2.3 + 1.0) * mm, (len(lines) * 4.6 + 1.0) * mm
        bx, by = ax - sx, ay - sy
        norm = math.hypot(bx, by) or 1.0
        obstacles = shapely.union_all([*symbols.geometry, *placed])
        best = None
        for dist in (3, 8, 14, 22):
            for ang in np.linspace(0, 2 * np.pi, 16, endpoint=False):
                ux, uy = math.cos(ang), math.sin(ang)
                reach = abs(ux) * box_w / 2 + abs(uy) * box_h / 2
                cx, cy = ax + ux * (dist * mm + reach), ay + uy * (dist * mm + reach)
                box = shapely.box(cx - box_w / 2, cy - box_h / 2, cx + box_w / 2, cy + box_h / 2)
                cost = dist / 10 + 1.2 * (1 - (ux * bx + uy * by) / norm) / 2
                if box.intersects(obstacles):
                    cost += 10.0
                if land is not None and land.intersects(box):
                    cost += 0.3
                if best is None or cost < best[0]:
                    best = (cost, cx, cy, box)
        _, cx, cy, box = best
        placed.append(box)
        lon, lat = to_ll.transform(cx, cy)
        out.append(_feature(f"t{len(out)}", Point(round(lon, 5), round(lat, 5)), {
            "kind": "total_label", "route_id": str(t.route_id), "value": float(t.value),
            "value_label": "\n".join(lines), "colour": doc.theme.text, "direction": "center"}))
    return out


def _add_places(m, doc: MapDocument, places) -> None:
    """Islands, enclaves and region names always; towns only where a route starts or ends (as the PNG)."""
    import folium

    layer_style = doc.layer("places").style
    proj = doc.projected(doc.layer("places"))
    ends = doc.route_ends()  # projected, like proj
    names = label_names(proj, doc.label_language).to_numpy(dtype=object)
    reach_m = 40_000.0
    feats = []
    for i, row in enumerate(proj.itertuples()):
        kind = str(getattr(row, "kind", "city") or "city")
        town = kind in ("port", "city", "border_post")
        if town:
            if not len(ends) or float(np.hypot(ends[:, 0] - row.geometry.x, ends[:, 1] - row.geometry.y).min()) > reach_m:
                continue
        ll = places.geometry.iloc[i]
        feats.append(_feature(f"p{i}", Point(round(ll.x, 4), round(ll.y, 4)), {
            "kind": kind, "name": names[i], "name_en": _text(getattr(row, "name", "")), "name_fr": _text(getattr(row, "name_fr", "")),
            "name_ar": _text(getattr(row, "name_ar", "")), "marker": town or kind == "enclave",
            "labels": bool(layer_style.labels),
        }))
    layer = folium.FeatureGroup(name=html.escape(map_language(doc)("web_places")), overlay=True, control=True,
                                show=layer_style.visible)
    folium.GeoJson(
        _collection(feats), name="places", control=False, pane="crossings-places",
        marker=folium.CircleMarker(radius=3, weight=1, color="#ffffff", fill=True, fill_color="#333333", fill_opacity=1.0),
        style_function=lambda f: ({"radius": 3.0 if f["properties"]["kind"] == "enclave" else 2.4,
                                   "fillColor": "#000000" if f["properties"]["kind"] == "enclave" else "#333333",
                                   "stroke": True, "color": "#ffffff", "weight": 1, "fillOpacity": 1.0,
                                   "className": "crossings-place"}
                                  if f["properties"]["marker"] else
                                  {"radius": 0, "stroke": False, "fill": False, "interactive": False,
                                   "className": "crossings-place-label-only"}),
        on_each_feature=folium.JsCode("crossings.placeFeature"),
    ).add_to(layer)
    layer.add_to(m)



