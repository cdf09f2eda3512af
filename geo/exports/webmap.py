"""Offline interactive web map: one self-contained HTML file built with folium.

The file opens with no network at all: Leaflet's script and stylesheet are inlined from the copies
vendored in ``resources/web/`` (the images its stylesheet refers to become ``data:`` URIs), folium's
CDN lists are replaced on the map instance (never through ``add_js_link``, which changes a list
shared by every later map), there is no tile layer unless one is asked for, and then its name says
that it needs an internet connection.

Flows are the ``flow_symbols`` polygons of :func:`geo.exports.layers.export_layers`, the very band
and arrow shapes the PNG draws for the same view, so the web map is not a second approximation.

Every text that comes from data (names, sources, notes, titles) reaches the page as text: in the
furniture through :func:`html.escape`, in tooltips and popups through DOM ``textContent`` from the
embedded GeoJSON (which folium writes with ``tojson``, so ``</script>`` cannot end the script).

Example
-------
>>> from geo.document import MapDocument
>>> from gui.layout import PageLayout          # doctest: +SKIP
>>> doc = MapDocument.from_files()              # doctest: +SKIP
>>> view = PageLayout().view(doc.page, doc.crs, doc.default_extent())   # doctest: +SKIP
>>> export_webmap(doc, view, "map.html")        # doctest: +SKIP
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, MultiLineString, Point, mapping

from geo import paths
from geo.atomic import atomic_output
from geo.document import MapDocument
from geo.errors import CrossingsError, ExportError
from geo.flow_geometry import smooth_line
from geo.map_texts import day, format_value, sources_text, subtitle
from geo.metrics import metric_label
from geo.periods import parse_period
from geo.projection import WGS84, to_crs
from geo.styles import GROUP_LABELS
from geo.view import MapView

#: Vendored files inlined into every web map, relative to ``resources/web/``.
LEAFLET_JS = "leaflet/leaflet.js"
LEAFLET_CSS = "leaflet/leaflet.css"
_VENDOR_SCHEME = "crossings-vendored:"

#: Size budget of the default map's HTML (the issue asks for under 3 MB).
MAX_DEFAULT_BYTES = 3_000_000

_EARTH_CIRCUMFERENCE_M = 40_075_016.686


@dataclass(frozen=True)
class WebMapSettings:
    """Options of the web map export (the defaults make a fully offline file).

    Parameters
    ----------
    tiles : str or None
        An XYZ URL template of an online basemap, e.g. ``https://tile.openstreetmap.org/{z}/{x}/{y}.png``.
        None (the default) adds no tile layer at all. When given, the layer's name in the layer
        control says it needs an internet connection; it is drawn over the offline countries (which
        show wherever tiles cannot load) and under the routes and flows.
    tiles_name, tiles_attribution : str
        Name and attribution (plain text) of that tile layer.
    simplify_deg : float
        Tolerance, in degrees, of the boundaries simplified for the web (0.01° is about 1 km).
    decimals : int
        Decimals kept in coordinates (4 is about 11 m).
    places : bool
        Draw islands, enclaves and the towns routes start and end at.
    """

    tiles: str | None = None
    tiles_name: str = "Online basemap"
    tiles_attribution: str = ""
    simplify_deg: float = 0.01
    decimals: int = 4
    places: bool = True


# -- public API ---------------------------------------------------------------------------------
def export_webmap(doc: MapDocument, view: MapView, path: str | Path,
                  settings: WebMapSettings | None = None) -> Path:
    """Write the map as one self-contained HTML file (atomically) and return its path.

    ``view`` is the page view the PNG is drawn through (``PageLayout().view(...)``): flow widths
    come from it, so both outputs show the same polygons.
    """
    text = webmap_html(doc, view, settings)
    path = Path(path)
    try:
        with atomic_output(path) as tmp:
            tmp.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"{path}: {exc.strerror or exc}") from None
    return path


def webmap_html(doc: MapDocument, view: MapView, settings: WebMapSettings | None = None) -> str:
    """The HTML text of the web map: every script and stylesheet inline, stable element names."""
    settings = settings or WebMapSettings()
    m = build_webmap(doc, view, settings)
    root = m.get_root()
    text = root.render()
    text = _inline_vendored(text)
    text = _stable_names(root, text)
    leftover = re.findall(r"<(?:script|link)\b[^>]*(?:src|href)\s*=", text, flags=re.I)
    if leftover:
        raise ExportError(f"web map: an external script or stylesheet was left in the page: {leftover[0]}")
    return text


def build_webmap(doc: MapDocument, view: MapView, settings: WebMapSettings | None = None):
    """The ``folium.Map`` (not yet inlined; use :func:`webmap_html` for the file's text)."""
    try:
        import folium
    except ImportError:  # pragma: no cover - folium is a dependency
        raise CrossingsError("the web map needs folium: pip install folium") from None
    settings = settings or WebMapSettings()
    if doc.flows is None or doc.layer("routes") is None:
        raise CrossingsError("a routes layer and figures are needed for a web map")

    from geo.exports.layers import export_layers

    layers = export_layers(doc, view)
    bounds = _view_bounds_lonlat(view)
    fit = _fit_bounds_lonlat(doc, view)
    m = folium.Map(location=None, tiles=None, zoom_control=False, control_scale=False, prefer_canvas=False,
                   zoom_snap=0.25, zoom_delta=0.5, world_copy_jump=False)
    # Instance-level lists: the class lists point at CDNs and are shared by every Map.
    m.default_js = [("leaflet", _VENDOR_SCHEME + LEAFLET_JS)]
    m.default_css = [("leaflet_css", _VENDOR_SCHEME + LEAFLET_CSS)]
    root = m.get_root()
    root.header.add_child(folium.Element(_style_block(doc, settings)), name="crossings_style")
    root.header.add_child(folium.Element(f"<script>{_HELPERS_JS}</script>"), name="crossings_helpers")

    for name, z in (("crossings-land", 350), ("crossings-tiles", 370), ("crossings-routes", 390), ("crossings-flows", 400),
                    ("crossings-places", 420)):
        folium.map.CustomPane(name, z_index=z, pointer_events=True).add_to(m)

    if settings.tiles:
        folium.TileLayer(tiles=settings.tiles, attr=html.escape(settings.tiles_attribution or settings.tiles_name),
                         name=html.escape(f"{settings.tiles_name} (needs an internet connection)"),
                         overlay=True, control=True, show=True, pane="crossings-tiles", opacity=0.9).add_to(m)

    if "countries" in layers:
        _add_boundaries(m, doc, view, layers["countries"], settings, bounds)
    _add_no_data_routes(m, doc)
    _add_flows(m, doc, view, layers)
    if settings.places and "places" in layers:
        _add_places(m, doc, layers["places"])

    root.html.add_child(folium.Element(_furniture_html(doc, view, settings)), name="crossings_furniture")
    folium.LayerControl(position="topright", collapsed=False).add_to(m)
    _Controls(fit, _clip_box(bounds)).add_to(m)
    return m


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
    names = _names(data, _language(doc))
    feats = []
    for i, g in enumerate(geoms):
        if g is None or g.is_empty:
            continue
        feats.append(_feature(f"c{i}", g, {"name": names[i], "focus": bool(focus[i])}))
    fill_opacity = style.opacity
    group = folium.FeatureGroup(name="Countries", overlay=True, control=True, show=style.visible)

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
    folium.GeoJson(
        _collection(label_feats), name="country names", control=False, pane="crossings-land",
        marker=folium.CircleMarker(radius=0, stroke=False, fill=False, interactive=False),
        on_each_feature=folium.JsCode("crossings.countryLabel"),
    ).add_to(group)
    group.add_to(m)


def _add_no_data_routes(m, doc: MapDocument) -> None:
    """Routes with no figure this period: dashed centre lines, as in the PNG."""
    import folium

    join = doc.join()
    if not join.no_data:
        return
    style = doc.flow_style
    routes = doc.projected(doc.layer("routes"))
    rows = routes[routes["route_id"].isin(join.no_data)]
    lines, props = [], []
    for row in rows.itertuples():
        parts = getattr(row.geometry, "geoms", [row.geometry])
        smooth = [smooth_line(p, style.smoothing) for p in parts]
        lines.append(smooth[0] if len(smooth) == 1 else MultiLineString(smooth))
        group = str(getattr(row, "group", "") or "")
        props.append({"kind": "no_data", "route_id": str(row.route_id), "name": _text(getattr(row, "name", "")),
                      "group": group, "group_label": GROUP_LABELS.get(group, group), "colour": style.colour_for(group),
                      "period_label": parse_period(doc.period).display(), "metric_label": metric_label(doc.metric)})
    import geopandas as gpd

    ll = gpd.GeoSeries(lines, crs=routes.crs).to_crs(WGS84)
    geoms = _round_geoms(ll.to_numpy(), 4)
    feats = [_feature(f"n{i}", g, p) for i, (g, p) in enumerate(zip(geoms, props, strict=True))]
    layer = folium.FeatureGroup(name="Routes without a figure", overlay=True, control=True,
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
    period_label = parse_period(doc.period).display() if doc.period else ""
    geoms = _round_geoms(symbols.geometry.to_numpy(), 5)
    feats = []
    for i, row in enumerate(symbols.itertuples()):
        f = flows.loc[row.route_id] if row.route_id in flows.index else None
        dates = ""
        if f is not None and _text(f["date_from"]) and _text(f["date_to"]):
            dates = f"{day(f['date_from'])} – {day(f['date_to'])}"
        group = str(row.group)
        feats.append(_feature(f"f{i}", geoms[i], {
            "kind": "flow", "route_id": str(row.route_id), "name": _text(row.name), "group": group,
            "group_label": GROUP_LABELS.get(group, group), "colour": style.colour_for(group),
            "value": float(row.value), "value_label": format_value(row.value), "metric": str(row.metric),
            "metric_label": metric_label(str(row.metric)), "period": str(row.period), "period_label": period_label,
            "dates": dates, "source": _text(row.source), "source_ref": _text(row.source_ref), "note": _text(row.note),
            "origin": _text(f["origin"]) if f is not None and "origin" in f else "",
            "dest": _text(f["dest"]) if f is not None and "dest" in f else "",
            "width_mm": float(row.width_mm),
        }))
    visible = doc.layer("routes").style.visible
    title = f"Flows: {metric_label(doc.metric).lower()}, {period_label}"
    layer = folium.FeatureGroup(name=html.escape(title), overlay=True, control=True, show=visible)
    folium.GeoJson(
        _collection(feats), name="flow symbols", control=False, pane="crossings-flows",
        style_function=lambda f: {"fillColor": f["properties"]["colour"], "fillOpacity": 1.0, "color": style.casing,
                                  "weight": 1.0, "opacity": 1.0, "lineJoin": "round",
                                  "className": "crossings-flow crossings-flow-" + _css_ident(f["properties"]["route_id"])},
        highlight_function=lambda f: {"weight": 2.5, "color": "#222222"},
        on_each_feature=folium.JsCode("crossings.flowFeature"),
    ).add_to(layer)
    if style.show_values:
        labels = _value_label_points(doc, view, layers)
        folium.GeoJson(
            _collection(labels), name="flow figures", control=False, pane="crossings-flows",
            marker=folium.CircleMarker(radius=0, stroke=False, fill=False, interactive=False),
            on_each_feature=folium.JsCode("crossings.valueLabel"),
        ).add_to(layer)
    layer.add_to(m)


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
    placed: list = []
    out = []
    for row in flows.sort_values("value", ascending=False).itertuples():
        parts = row.geometry.geoms if isinstance(row.geometry, MultiLineString) else [row.geometry]
        line = max((smooth_line(p, style.smoothing) for p in parts), key=lambda g: g.length)
        half = view.mm_to_units(scale.width_mm(row.value)) / 2 + mm
        text = format_value(row.value)
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
            "value_label": text, "colour": _darker(style.colour_for(str(row.group))),
            "direction": direction,
        }))
    return out


def _darker(hex_colour: str, factor: float = 1.35) -> str:
    """Like QColor.darker(135): the label colour of the PNG."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return "#{:02x}{:02x}{:02x}".format(*(round(c / factor) for c in (r, g, b)))


def _add_places(m, doc: MapDocument, places) -> None:
    """Islands, enclaves and region names always; towns only where a route starts or ends (as the PNG)."""
    import folium

    layer_style = doc.layer("places").style
    proj = doc.projected(doc.layer("places"))
    ends = _route_ends(doc)
    names = _names(proj, _language(doc))
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
    layer = folium.FeatureGroup(name="Places", overlay=True, control=True, show=layer_style.visible)
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


def _language(doc: MapDocument) -> str:
    return getattr(doc, "label_language", "en") or "en"


def _names(data, language: str) -> np.ndarray:
    """Names in the map's language (``name_fr``, ``name_ar``), falling back to ``name`` where missing."""
    base = data["name"].fillna("").astype(str) if "name" in data.columns else None
    if base is None:
        return np.full(len(data), "", dtype=object)
    col = f"name_{language}"
    if language != "en" and col in data.columns:
        local = data[col].fillna("").astype(str)
        base = local.where(local.str.strip() != "", base)
    return base.to_numpy(dtype=object)


def _route_ends(doc: MapDocument) -> np.ndarray:
    join = doc.join()
    routes = doc.projected(doc.layer("routes"))
    shown = routes[routes["route_id"].isin(set(join.flows["route_id"]) | set(join.no_data))]
    pts = []
    for geom in shown.geometry:
        for part in getattr(geom, "geoms", [geom]):
            c = np.asarray(part.coords)
            pts.extend([c[0, :2], c[-1, :2]])
    return np.array(pts) if pts else np.empty((0, 2))


# -- furniture ----------------------------------------------------------------------------------
def _furniture_html(doc: MapDocument, view: MapView, settings: WebMapSettings) -> str:
    """Title, legend and footer as HTML; every text from data goes through html.escape."""
    e = html.escape
    style = doc.flow_style
    scale = doc.width_scale()
    join = doc.join()
    largest = float(join.flows["value"].max()) if len(join.flows) else 0.0
    samples = scale.legend_values(max(largest, scale.reference_value if style.reference_value else 0)) if scale else []
    from geo.furniture import km_per_unit_at_centre

    metres_per_unit = km_per_unit_at_centre(view) * 1000.0
    rows = []
    for v in samples:
        width_m = view.mm_to_units(scale.width_mm(v)) * metres_per_unit
        rows.append(f'<div class="crossings-legend-row"><span class="crossings-bar-box">'
                    f'<span class="crossings-bar" data-width-m="{width_m:.1f}"></span></span>'
                    f'<span class="crossings-legend-value">{e(format_value(v))}</span></div>')
    groups = list(dict.fromkeys(join.flows["group"]))
    if join.no_data:
        routes = doc.layer("routes").data
        groups += [g for g in dict.fromkeys(routes.loc[routes["route_id"].isin(join.no_data), "group"]) if g not in groups]
    for g in groups:
        rows.append(f'<div class="crossings-legend-row"><span class="crossings-swatch" '
                    f'style="background:{e(style.colour_for(g))}"></span>'
                    f'<span>{e(GROUP_LABELS.get(g, g))}</span></div>')
    if join.no_data:
        rows.append('<div class="crossings-legend-row"><span class="crossings-dash"></span>'
                    '<span>No figure for this period</span></div>')
    note = "Widths to scale at the map centre; the smallest flows are drawn at a minimum width."
    if style.reference_value:
        note = f"Fixed scale: {format_value(style.reference_value)} = {scale.reference_width_mm:g} mm on the printed map."
    heading = f"{metric_label(doc.metric)} (width to scale)"
    tiles_note = ""
    if settings.tiles:
        tiles_note = (f'<div class="crossings-online">The layer “{e(settings.tiles_name)}” needs an internet '
                      f'connection; without one the offline countries show through.</div>')
    sub = subtitle(doc)
    return (
        '<div id="crossings-title" class="crossings-box">'
        f'<div class="crossings-title-text">{e(doc.title)}</div>'
        + (f'<div class="crossings-subtitle">{e(sub)}</div>' if sub else "")
        + '</div>'
        '<div id="crossings-legend" class="crossings-box">'
        f'<div class="crossings-legend-heading">{e(heading)}</div>'
        + "".join(rows)
        + f'<div class="crossings-legend-note">{e(note)}</div></div>'
        '<div id="crossings-footer">'
        f'<div class="crossings-sources">{e(sources_text(doc))}</div>'
        + (f'<div class="crossings-notes">{e(doc.notes)}</div>' if doc.notes else "")
        + f'<div class="crossings-disclaimer">{e(doc.disclaimer)}</div>'
        + tiles_note
        + '</div>'
    )


def _style_block(doc: MapDocument, settings: WebMapSettings) -> str:
    t = doc.theme
    font = f'"{t.font_family}", "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", "Segoe UI", Arial, sans-serif'
    spacing = "0" if _language(doc) == "ar" else "0.12em"  # spacing would break Arabic joining
    css = f"""
html, body {{ height: 100%; margin: 0; padding: 0; }}
body {{ display: flex; flex-direction: column; font-family: {font}; color: {t.text}; background: #ffffff; }}
body > .folium-map {{ flex: 1 1 auto; order: 1; height: auto !important; min-height: 200px; }}
body .leaflet-container {{ background: {t.sea}; font-family: {font}; font-size: 12px; }}
.crossings-box {{ background: rgba(255,255,255,0.9); border: 1px solid rgba(153,153,153,0.7); border-radius: 4px;
  padding: 8px 12px; box-shadow: 0 1px 4px rgba(0,0,0,0.15); }}
.crossings-title-text {{ font-size: 20px; font-weight: 700; line-height: 1.25; }}
.crossings-subtitle {{ font-size: 13px; color: {t.muted_text}; margin-top: 2px; }}
#crossings-legend {{ font-size: 12px; min-width: 190px; max-width: 260px; }}
.crossings-legend-heading {{ font-weight: 700; margin-bottom: 6px; }}
.crossings-legend-row {{ display: flex; align-items: center; gap: 8px; margin: 3px 0; }}
.crossings-bar-box {{ display: inline-flex; align-items: center; width: 44px; min-height: 10px; }}
.crossings-bar {{ display: block; width: 44px; height: 4px; background: #6f6f6f; }}
.crossings-swatch {{ display: inline-block; width: 22px; height: 10px; flex: none; }}
.crossings-dash {{ display: inline-block; width: 22px; height: 0; border-top: 2px dashed #777777; flex: none; }}
.crossings-legend-note {{ font-size: 10.5px; font-style: italic; color: {t.muted_text}; margin-top: 6px; }}
#crossings-footer {{ flex: none; order: 2; padding: 4px 10px 6px; font-size: 11.5px; line-height: 1.35; }}
.crossings-disclaimer, .crossings-notes {{ font-style: italic; color: {t.muted_text}; font-size: 11px; }}
.crossings-online {{ color: #8a4b00; font-size: 11px; }}
.leaflet-tooltip.crossings-tip {{ font-size: 12px; line-height: 1.35; width: max-content; max-width: 300px; white-space: normal; }}
.crossings-tip-name {{ font-weight: 700; }}
.crossings-tip-value {{ font-size: 14px; font-weight: 700; }}
.crossings-popup {{ font-size: 12px; line-height: 1.4; }}
.crossings-popup dt {{ font-weight: 700; margin-top: 4px; }}
.crossings-popup dd {{ margin: 0; }}
.leaflet-tooltip.crossings-value, .leaflet-tooltip.crossings-label {{ background: transparent; border: 0;
  box-shadow: none; padding: 0 2px; white-space: nowrap; pointer-events: none; }}
.leaflet-tooltip.crossings-value::before, .leaflet-tooltip.crossings-label::before {{ display: none; }}
.leaflet-tooltip.crossings-value {{ font-size: 14px; font-weight: 700;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; }}
.leaflet-tooltip.crossings-label {{ font-size: 11px; color: {t.text};
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }}
.leaflet-tooltip.crossings-label.crossings-italic {{ font-style: italic; }}
.leaflet-tooltip.crossings-label.crossings-country {{ color: {t.country_label}; font-size: 11px; letter-spacing: {spacing};
  text-shadow: 0 0 2px {t.land}, 0 0 3px {t.land}; }}
body .leaflet-control-layers {{ font-size: 13px; }}
body .leaflet-control-scale-line {{ font-size: 11px; }}
"""
    return f"<style>{css}</style>"


# JS helpers, in the page head before folium's script. Data texts only ever go into textContent.
_HELPERS_JS = r"""
var crossings = (function () {
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    e.dir = 'auto';
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function flowTip(p) {
    var d = el('div');
    d.appendChild(el('div', 'crossings-tip-name', p.name || p.route_id));
    d.appendChild(el('div', 'crossings-tip-value', p.value_label + ' ' + String(p.metric_label).toLowerCase()));
    d.appendChild(el('div', 'crossings-tip-period', p.period_label + (p.dates ? ' (' + p.dates + ')' : '')));
    d.appendChild(el('div', 'crossings-tip-source', 'Source: ' + (p.source || 'not given')));
    return d;
  }
  function flowPopup(p) {
    var d = el('div', 'crossings-popup');
    d.appendChild(el('div', 'crossings-tip-name', p.name || p.route_id));
    var dl = el('dl');
    function row(k, v) { if (v) { dl.appendChild(el('dt', null, k)); dl.appendChild(el('dd', null, v)); } }
    row(p.metric_label, p.value_label);
    row('Period', p.period_label + (p.dates ? ' (' + p.dates + ')' : ''));
    row('Route', p.group_label);
    row('From', p.origin);
    row('To', p.dest);
    row('Source', p.source);
    row('Reported in', p.source_ref);
    row('Note', p.note);
    d.appendChild(dl);
    return d;
  }
  function flowFeature(feature, layer) {
    var p = feature.properties;
    layer.bindTooltip(function () { return flowTip(p); }, {sticky: true, className: 'crossings-tip', direction: 'top', offset: [0, -8]});
    layer.bindPopup(function () { return flowPopup(p); }, {maxWidth: 340});
  }
  function noDataFeature(feature, layer) {
    var p = feature.properties;
    layer.bindTooltip(function () {
      var d = el('div');
      d.appendChild(el('div', 'crossings-tip-name', p.name || p.route_id));
      d.appendChild(el('div', null, 'No ' + String(p.metric_label).toLowerCase() + ' figure for ' + p.period_label));
      return d;
    }, {sticky: true, className: 'crossings-tip'});
  }
  function permanent(layer, text, cls, direction, offset) {
    layer.bindTooltip(el('span', null, text), {permanent: true, interactive: false, direction: direction,
                                               offset: offset, className: cls, opacity: 1});
  }
  function valueLabel(feature, layer) {
    var p = feature.properties;
    var off = {right: [2, 0], left: [-2, 0], top: [0, -2], bottom: [0, 2]}[p.direction] || [0, 0];
    var span = el('span', null, p.value_label);
    span.style.color = p.colour;
    layer.bindTooltip(span, {permanent: true, interactive: false, direction: p.direction, offset: off, opacity: 1,
                             className: 'crossings-value crossings-value-' + String(p.route_id).replace(/[^A-Za-z0-9_-]/g, '_')});
  }
  function countryLabel(feature, layer) {
    permanent(layer, feature.properties.label, 'crossings-label crossings-country crossings-collide', 'center', [0, 0]);
  }
  function placeFeature(feature, layer) {
    var p = feature.properties;
    var names = [p.name_en, p.name_fr, p.name_ar].filter(function (n, i, all) {
      return n && all.indexOf(n) === i;
    }).join(' · ');
    if (p.marker) {
      layer.bindTooltip(el('span', null, names), {className: 'crossings-tip', direction: 'top', offset: [0, -4]});
    }
    if (p.labels && p.name) {
      var italic = (p.kind === 'island' || p.kind === 'region_label') ? ' crossings-italic' : '';
      var label = L.tooltip({permanent: true, interactive: false, direction: p.marker ? 'right' : 'center',
                             offset: p.marker ? [4, 0] : [0, 0], className: 'crossings-label crossings-collide' + italic,
                             opacity: 1});
      label.setContent(el('span', null, p.name));
      layer.on('add', function () { label.setLatLng(layer.getLatLng()); layer._map.openTooltip(label); });
      layer.on('remove', function () { if (label._map) { label._map.closeTooltip(label); } });
    }
  }
  function onFlow(r) {
    var xs = [r.left + 1, (r.left + r.right) / 2, r.right - 1], ys = [r.top + 2, (r.top + r.bottom) / 2, r.bottom - 2];
    for (var i = 0; i < xs.length; i++) {
      for (var j = 0; j < ys.length; j++) {
        var hits = document.elementsFromPoint(xs[i], ys[j]);
        for (var k = 0; k < hits.length; k++) {
          var c = hits[k].getAttribute && hits[k].getAttribute('class');
          if (c && c.indexOf('crossings-flow') >= 0) { return true; }
        }
      }
    }
    return false;
  }
  // Hide labels that overlap a control, a figure, a flow or a label drawn earlier (figures always win).
  function declutter(map) {
    var boxes = [];
    document.querySelectorAll('.leaflet-control, .leaflet-tooltip.crossings-value').forEach(function (e) {
      boxes.push(e.getBoundingClientRect());
    });
    document.querySelectorAll('.leaflet-tooltip.crossings-collide').forEach(function (e) {
      e.style.visibility = 'visible';
      var r = e.getBoundingClientRect();
      var hit = boxes.some(function (b) {
        return r.left < b.right + 2 && r.right > b.left - 2 && r.top < b.bottom + 1 && r.bottom > b.top - 1;
      }) || onFlow(r);
      if (hit) { e.style.visibility = 'hidden'; } else { boxes.push(r); }
    });
  }
  // Legend bars drawn as wide as the flows are at the current zoom (web Mercator at the map centre).
  function legendWidths(map) {
    var lat = map.getCenter().lat * Math.PI / 180;
    var metresPerPx = 40075016.686 * Math.cos(lat) / (256 * Math.pow(2, map.getZoom()));
    document.querySelectorAll('.crossings-bar').forEach(function (e) {
      var px = parseFloat(e.getAttribute('data-width-m')) / metresPerPx;
      e.style.height = Math.max(1, Math.min(px, 48)).toFixed(1) + 'px';
    });
  }
  function control(id, position) {
    var node = document.getElementById(id);
    if (!node) { return null; }
    var C = L.Control.extend({onAdd: function () {
      L.DomEvent.disableClickPropagation(node);
      L.DomEvent.disableScrollPropagation(node);
      return node;
    }});
    return new C({position: position});
  }
  return {flowFeature: flowFeature, noDataFeature: noDataFeature, valueLabel: valueLabel, countryLabel: countryLabel,
          placeFeature: placeFeature, declutter: declutter, legendWidths: legendWidths, control: control,
          flowTip: flowTip, flowPopup: flowPopup};
})();
"""


class _Controls:
    """Title, zoom, legend and scale as Leaflet controls; fit the view; declutter labels."""

    def __init__(self, fit, clip) -> None:
        self.fit = fit
        w, s, e, n = clip
        self.max_bounds = [[s, w], [n, e]]

    def add_to(self, m) -> None:
        from branca.element import MacroElement
        from jinja2 import Template

        el = MacroElement()
        el._name = "CrossingsControls"
        el._template = Template("""
{% macro script(this, kwargs) %}
(function (map) {
  window.crossingsMap = map;
  map.attributionControl.setPrefix('Leaflet');
  var title = crossings.control('crossings-title', 'topleft');
  if (title) { title.addTo(map); }
  L.control.zoom({position: 'topleft'}).addTo(map);
  var legend = crossings.control('crossings-legend', 'bottomright');
  if (legend) { legend.addTo(map); }
  L.control.scale({position: 'bottomleft', imperial: false, maxWidth: 160}).addTo(map);
  var fit = L.latLngBounds(""" + json.dumps(self.fit) + """);
  map.invalidateSize({pan: false});
  map.fitBounds(fit, {padding: [4, 4], animate: false});
  map.setMinZoom(Math.max(2, Math.floor(map.getBoundsZoom(fit)) - 1));
  map.setMaxZoom(11);
  map.setMaxBounds(""" + json.dumps(self.max_bounds) + """);
  var tidy = function () { crossings.legendWidths(map); crossings.declutter(map); };
  map.on('zoomend moveend overlayadd overlayremove resize', tidy);
  setTimeout(tidy, 0);
  tidy();
})({{ this._parent.get_name() }});
{% endmacro %}
""")
        m.add_child(el, name="crossings_controls")


# -- inlining and names -------------------------------------------------------------------------
def _vendored(rel: str) -> str:
    path = paths.resource_path("web", rel)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"web map: vendored file {path} is missing ({exc.strerror})") from None


def _inline_css(css: str, folder: str) -> str:
    """The stylesheet with its relative images as data: URIs (inlined CSS cannot find images/)."""

    def repl(match: re.Match) -> str:
        url = match.group(1).strip("'\"")
        if url.startswith(("#", "data:")):
            return match.group(0)
        path = paths.resource_path("web", folder, url)
        if not path.exists():
            raise ExportError(f"web map: {path} referred to by the stylesheet is missing")
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\(([^)]*)\)", repl, css)


def _inline_vendored(text: str) -> str:
    def script(match: re.Match) -> str:
        js = _vendored(match.group(1))
        js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.M)
        if "</script" in js.lower():
            raise ExportError(f"web map: {match.group(1)} cannot be inlined (it contains </script>)")
        return f"<script>/* {match.group(1)} (vendored, see resources/web/README.md) */\n{js}</script>"

    def link(match: re.Match) -> str:
        rel = match.group(1)
        css = _inline_css(_vendored(rel), str(Path(rel).parent))
        return f"<style>/* {rel} (vendored, see resources/web/README.md) */\n{css}</style>"

    scheme = re.escape(_VENDOR_SCHEME)
    text = re.sub(r'<script src="' + scheme + r'([^"]+)"></script>', lambda mt: script(mt), text)
    text = re.sub(r'<link rel="stylesheet" href="' + scheme + r'([^"]+)"\s*/?>', lambda mt: link(mt), text)
    if _VENDOR_SCHEME in text:
        raise ExportError("web map: a vendored file was not inlined")
    return text


def _stable_names(root, text: str) -> str:
    """Replace folium's random element ids with numbers in document order, so exports are reproducible."""
    ids: set[str] = set()

    def walk(element) -> None:
        ids.add(element._id)
        for child in element._children.values():
            walk(child)

    walk(root)
    order: dict[str, str] = {}

    def repl(match: re.Match) -> str:
        hexid = match.group(1)
        if hexid not in ids:
            return match.group(0)
        return "_" + order.setdefault(hexid, str(len(order) + 1))

    return re.sub(r"_([0-9a-f]{32})(?![0-9a-f])", repl, text)
