"""The layers a map exports, as lon/lat GeoDataFrames with their figures and sources as properties."""

from __future__ import annotations

import re
import unicodedata

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.document import MapDocument
from geo.exports.map_fields import figure_label_fields, flow_colours, map_names, places_on_map
from geo.map_language import map_language
from geo.map_marks import NODE_RADIUS_MM
from geo.map_texts import figure_labels
from geo.placed_marks import PageMarks
from geo.projection import WGS84
from geo.view import MapView


def slug(title: str | None) -> str:
    """A title as a file or table name: ASCII lower case, digits and underscores, at most 40."""
    ascii_title = unicodedata.normalize("NFKD", title or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_title.lower()).strip("_")[:40]


def _layer_name(layer, taken) -> str:
    """The first layer of a kind keeps the kind's name (countries, routes, places); another is named
    after its title ("routes_tobruk_crete"), as the Layers panel shows it, never by an internal id."""
    kind = {"boundaries": "countries"}.get(layer.kind, layer.kind)
    if kind not in taken:
        return kind
    title = slug(layer.title)
    name = f"{kind}_{title}" if title and title != kind else f"{kind}_2"
    base, n = name, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    return name


def doc_layer_names(doc: MapDocument) -> dict:
    """The exported name of each layer of ``doc`` (geo.layer.Layer), in the document's order."""
    names: dict = {}
    for layer in doc.layers:
        names[_layer_name(layer, names)] = layer
    return names


def export_layers(doc: MapDocument, view: MapView, marks: PageMarks | None = None) -> dict[str, gpd.GeoDataFrame]:
    """Every layer of the map keyed by a file-friendly name, in EPSG:4326.

    ``flows`` are the drawn symbols' centre lines with the figure, its qualifier, status, label,
    period, metric and source; ``flow_symbols`` are the band, arrow and circle polygons exactly as
    drawn at this view's scale; ``figures`` is every figure of the selection in any source and every
    route without one, with how the map shows it (geo.join's statuses), on its route's line.
    What the map paints and prints for a feature is in its fields too (geo.exports.map_fields):
    ``colour``, ``map_label``, ``label_colour``, ``map_name``, ``on_map`` (with the painter's ``marks``,
    a town is on the map only where its name found room, as on the PNG).
    """
    out: dict[str, gpd.GeoDataFrame] = {}
    for name, layer in doc_layer_names(doc).items():
        out[name] = _clean(layer.data)
        names = map_names(doc, layer.kind, layer.data)
        if names is not None:
            out[name]["map_name"] = names.to_numpy()
        if layer.kind == "places":
            out[name]["on_map"] = places_on_map(doc, view, layer, marks)
        if layer.kind == "points":  # what the map draws for each point (geo.point_symbols)
            from geo.point_symbols import export_fields

            for field, values in export_fields(doc, layer).items():
                out[name][field] = values
    if doc.flows is not None and (doc.layer("routes") is not None or doc.is_od):
        join = doc.join()
        lang = map_language(doc)
        flows = join.flows.copy()
        flows["label"] = figure_labels(doc, flows)  # display texts in the map's language, as drawn
        flows["period_label"] = lang.period(join.period)
        scale = doc.width_scale()  # fitted over every flow: once, not once per flow (17 s at 5,000)
        flows["width_mm"] = [round(scale.width_mm(v), 3) for v in flows["value"]]
        if doc.is_od:  # the laid-out curves, as drawn, rather than straight origin-destination lines
            curves, radii, totals = doc.od_curves(view)
            flows = flows.set_geometry(curves.to_crs(WGS84).geometry.values)
            from geo.od import node_points

            nodes = node_points(join.flows, totals)
            nodes["diameter_mm"] = [2 * radii.get(n, NODE_RADIUS_MM) for n in nodes["name"]]
            nodes["map_name"] = map_names(doc, "nodes", nodes).to_numpy()
            out["nodes"] = _clean(nodes)
            projected = curves
        else:
            projected = doc.projected_flows()
        if "qualifier" in flows.columns:  # exact is a qualifier too: null would read as "unknown"
            flows["qualifier"] = flows["qualifier"].replace("", "exact")
        flows["colour"] = flow_colours(doc, flows)
        out["flows"] = _clean(flows)
        drawn = doc.flow_symbols(view)
        keep = [c for c in ("route_id", "name", "period", "metric", "qualifier", "label", "marker", "status",
                            "source", "source_ref", "note") if c in join.flows.columns]
        symbols = drawn.drop(columns=["centreline"]).merge(flows[keep], on="route_id")
        symbols["colour"] = flow_colours(doc, symbols)
        out["flow_symbols"] = _clean(gpd.GeoDataFrame(symbols, geometry="geometry", crs=projected.crs).to_crs(WGS84))
        if join.figures is not None:
            out["figures"] = figures_layer(doc, drawn)
    circles = place_figures_layer(doc)
    if len(circles):
        out["place_figures"] = circles
    notes = callouts_layer(doc)
    if len(notes):
        out["callouts"] = notes
    return out


def callouts_layer(doc: MapDocument) -> gpd.GeoDataFrame:
    """The map's callouts (geo.callouts) as points at their anchors (a route's: the middle of its line, as
    the map ties it): the text the map prints (``map_label``, in ``label_language``) and every language's,
    what it is tied to, and the box's offset where it was moved by hand (page mm, x right, y down). An
    anchor no longer in the map's layers is left out, as the map leaves its callout out and says so."""
    from geo.callouts import LANGUAGES, anchor_point
    from geo.errors import CrossingsError

    rows, points = [], []
    for i, callout in enumerate(getattr(doc, "callouts", ())):
        try:
            x, y = anchor_point(doc, callout, i)
        except CrossingsError:
            continue
        text, language = callout.text_for(doc.label_language)
        texts = callout.text_by_language
        offset = callout.offset_mm
        rows.append({"callout": i + 1, "anchor": str(callout.anchor), "map_label": " ".join(text.split()),
                     "label_language": language, **{f"text_{lang}": texts.get(lang) for lang in LANGUAGES},
                     "offset_x_mm": offset[0] if offset else None, "offset_y_mm": offset[1] if offset else None})
        points.append((x, y))
    if not rows:
        return gpd.GeoDataFrame()
    frame = pd.DataFrame(rows).astype({"callout": "Int64", "offset_x_mm": "Float64", "offset_y_mm": "Float64"})
    xy = np.asarray(points, float)
    return _clean(gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1], crs=doc.crs)))


def place_figures_layer(doc: MapDocument) -> gpd.GeoDataFrame:
    """The thematic layers' circles (geo.place_figures.place_circles) as points: what each counts, where,
    its figure as the map prints it, its layer's title and colour, its diameter on paper, its source; and
    the layers' country totals (geo.place_totals), at their country's anchor, drawn as no circle
    (``diameter_mm`` 0, ``symbol`` 'total'): every figure of the map is in its data."""
    from geo.place_figures import legend_title, place_circles
    from geo.place_totals import place_totals, total_anchors

    c = place_circles(doc).assign(symbol="circle")
    totals = place_totals(doc)
    if len(totals):
        xy = total_anchors(doc, totals)
        c = pd.concat([c, totals.assign(symbol="total", diameter_mm=0.0, x=[p[0] for p in xy], y=[p[1] for p in xy])
                       [[col for col in c.columns if col in totals.columns or col in ("symbol", "diameter_mm", "x", "y")]]],
                      ignore_index=True)
    layers = doc.place_layers
    frame = pd.DataFrame({
        # a total is a category of its own, drawn as no circle (geo.exports.gpkg_styles): 'Dead and … : Routes to Spain'
        "layer_title": [legend_title(doc, layers[i]) + (f": {name}" if kind == "total" else "")
                        for i, kind, name in zip(c["layer"], c["symbol"], c["name"], strict=True)],
        "metric": [layers[i].metric for i in c["layer"]],
        "period_id": [layers[i].period or doc.period for i in c["layer"]],
        "place_key": c["where"], "map_name": c["name"], "symbol": c["symbol"], "figure": c["value"].astype(float),
        "qualifier": c["qualifier"].replace("", "exact"), "map_label": c["text"].str.replace("\n", " / "),
        "colour": c["colour"], "label_colour": c["text_colour"], "diameter_mm": c["diameter_mm"].astype(float),
        "source": c["source"], "source_ref": c["source_ref"], "file_row": c["row"].astype("Int64"),
    })
    points = gpd.points_from_xy(c["x"].astype(float), c["y"].astype(float), crs=doc.crs)
    return _clean(gpd.GeoDataFrame(frame, geometry=points, crs=doc.crs).to_crs(WGS84))


def figures_layer(doc: MapDocument, symbols: pd.DataFrame | None = None) -> gpd.GeoDataFrame:
    """Every figure chosen for the map, the others of its selection, and the routes without one;
    with ``symbols`` (the drawn flow symbols), the label the map prints beside each figure."""
    join = doc.join()
    routes = doc.layer("routes").data
    geom = dict(zip(routes["route_id"], routes.geometry, strict=True))
    f = join.figures.copy()
    lang = map_language(doc)
    f["label"] = figure_labels(doc, f)
    f["qualifier"] = f["qualifier"].replace("", "exact").where(f["value"].notna(), None)
    f["period_label"] = f["period"].map(lang.period)
    f["metric_label"] = lang.phrase(doc.meaning.label)
    f["row"] = f["row"].astype("Int64")
    f[["map_label", "label_colour"]] = figure_label_fields(doc, f, symbols)
    return gpd.GeoDataFrame(f, geometry=[geom.get(r) for r in f["route_id"]], crs=routes.crs)


def _clean(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Lon/lat, and only columns every OGR driver can write (no nested objects)."""
    gdf = gdf.to_crs(WGS84) if gdf.crs is not None and gdf.crs.to_epsg() != 4326 else gdf
    keep = {}
    for col in gdf.columns:
        if col == gdf.geometry.name:
            continue
        s = gdf[col]
        if s.dtype == object and s.map(lambda v: v is not None and not isinstance(v, (str, int, float, bool))).any():
            continue
        keep[col] = s
    return gpd.GeoDataFrame(pd.DataFrame(keep), geometry=gdf.geometry.values, crs=gdf.crs)
