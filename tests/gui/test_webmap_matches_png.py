"""The web map draws what the PNG draws: feature by feature, the same colours, the same printed
figures in the same colours, the same places, the OD map's nodes and the same legend (issue 13).

Each map is painted as every export paints it (``painted.paint``) and the web map is built through
the very view the PNG was drawn through, so both hold the same symbols; the PNG side is read from
the painter's report and from the PNG's own pixels, the web side from the GeoJSON folium embeds
and the page's legend.
"""

from __future__ import annotations

import html
import re

import folium  # noqa: F401  (urllib3 probes IPv6 on import: import it at collection, outside any test)
import numpy as np
import pytest
import shapely
import shapely.ops
from painted import paint, pixels
from shapely.geometry import shape
from webmap_support import features, geojson_blocks, legend_rows

from geo import paths
from geo.colours import contrast_ratio
from geo.document import MapDocument
from geo.furniture import graticule
from geo.legend import COLOUR, HEADING, NESTED, NODE, NOTE, SIZE, LegendEntry, legend_entries, totals_unwritten
from geo.map_marks import NODE_FILL, country_label_colour, node_marks, value_label_ground
from geo.map_texts import map_title
from geo.page import Page
from geo.place_layout import DOT_KINDS
from geo.placed_marks import KEYS_SEP
from geo.projection import resolve_crs
from geo.styles import CHANGE_COLOURS
from gui.web_export import webmap_html

MAPS = ("default", "change", "od", "dead", "interceptions", "legend_beside")


def make_doc(name: str) -> MapDocument:
    """The maps compared: the default one, a change map, an OD map, circles (the dead and missing)
    and the 2024 interceptions (the web map lost Garabulli, near where a route starts)."""
    if name == "od":
        doc = MapDocument.from_files(flows=paths.data_path("flows", "od_2024.csv"))
        doc.select("2024", "departures")
        return doc
    doc = MapDocument.from_files()
    if name == "change":
        doc.select("2024", "arrivals")
        doc.flow_style.compare = "previous"
        doc.flow_style.colour_by = "change"
    elif name == "dead":
        doc.select("2024Q4", "dead_missing")
    elif name == "interceptions":
        doc.select("2024", "interceptions")
        doc.legend_place = "inside"  # over the map, as when Garabulli was lost (on A5, auto sets it beside)
    elif name == "legend_beside":  # the page's frame narrowed by the legend's column (geo.legend_place)
        doc.legend_place = "beside"
    return doc


@pytest.fixture(scope="module", params=MAPS)
def both(request, qapp):
    """(document, PNG pixels, view, painter's report, web map HTML) of one map."""
    doc = make_doc(request.param)
    doc.insets = "none"  # the web map is the page's map without its insets (gui.web_export)
    # the interceptions on A5: at that scale a town 2.5 mm from a route's start is shown (Garabulli)
    page = Page("A5", "landscape", 150) if request.param == "interceptions" else Page("A4", "landscape", 150)
    doc.page = page  # the document's page, as an export's: its legend's place is decided for it (gui.layout)
    image, view, report = paint(doc, page)
    return request.param, doc, pixels(image), view, report, webmap_html(doc, view)


def interior_points(geom, view, n: int = 3) -> list[tuple[int, int]]:
    """Pixels deep inside a symbol (its pole of inaccessibility and points along its longest axis)."""
    poly = max(shapely.get_parts(shapely.transform(geom, view.to_px)), key=lambda g: g.area)
    core = poly.buffer(-2.5)  # clear of the casing and of antialiasing
    core = max(shapely.get_parts(core), key=lambda g: g.area) if not core.is_empty else poly
    pole = shapely.ops.polylabel(core, tolerance=0.5)
    pts = [(pole.x, pole.y)]
    ring = core.exterior
    for k in range(1, n):
        p = ring.interpolate(k / n, normalized=True)
        pts.append(((p.x + pole.x) / 2, (p.y + pole.y) / 2))
    return [(round(x), round(y)) for x, y in pts if core.contains(shapely.Point(x, y))]


def rgb_hex(px) -> str:
    return "#" + "".join(f"{int(c):02x}" for c in px)


def close(a: str, b: str, tol: int = 3) -> bool:
    return all(abs(int(a[i:i + 2], 16) - int(b[i:i + 2], 16)) <= tol for i in (1, 3, 5))


# -- colours ---------------------------------------------------------------------------------------
def test_every_flow_is_filled_and_stroked_as_on_the_png(both):
    """Each symbol's fill on the web map is the colour the PNG has inside it (read from its pixels);
    a hollow one (part of another figure) has no fill and the PNG's outline colour on its outline."""
    name, _, img, view, report, text = both
    web = {f["properties"]["route_id"]: f["properties"] for f in features(text, "flow")}
    assert set(web) == set(report.symbols["route_id"]), name
    hollow = 0
    for row in report.symbols.itertuples():
        p = web[row.route_id]
        if not row.filled:
            hollow += 1
            assert p["fill"] is None, (name, row.route_id)
            ring = shapely.transform(row.geometry, view.to_px).exterior
            seen = {rgb_hex(img[round(q.y), round(q.x)])
                    for q in (ring.interpolate(d) for d in np.arange(0, ring.length, 0.5))}
            assert any(close(c, p["stroke"], 4) for c in seen), (name, row.route_id, p["stroke"])
            continue
        inside = [rgb_hex(img[y, x]) for x, y in interior_points(row.geometry, view)]
        assert inside, (name, row.route_id)
        assert all(close(c, p["fill"]) for c in inside), (name, row.route_id, p["fill"], inside)
        assert p["colour"] == (p["fill"] if row.symbol != "zero" else p["colour"])
    if name == "change":
        assert hollow and {p["fill"] for p in web.values()} - {None} <= set(CHANGE_COLOURS.values())


# -- figures ---------------------------------------------------------------------------------------
def test_every_printed_figure_says_the_same_in_the_same_colour(both):
    """The figures (and totals) the PNG prints, text and colour, are the web map's, one for one: the
    change map's '−80%' lines, the OD map's figures, 'Italy 16,166 / incl. 832 …' alike."""
    name, _, _, _, report, text = both
    png = sorted((t, c) for kind, t, c, _ in report.texts if kind in ("value", "total"))
    web = sorted((f["properties"]["value_label"], f["properties"]["colour"])
                 for f in features(text, "flow_label") + features(text, "total_label"))
    assert png and web == png, name
    if name == "change":
        assert any("−80%" in t for t, _ in web) and any("+163%" in t for t, _ in web)


def test_web_figures_read_at_4_5_to_1(both):
    """Every figure the web map prints reaches 4.5:1 on the darkest ground its halo stands on, and so
    do the names (the text colour on the halo, countries' names on the focus land)."""
    name, doc, _, _, _, text = both
    ground = value_label_ground(doc)
    labels = features(text, "flow_label") + features(text, "total_label")
    assert labels
    for f in labels:
        assert contrast_ratio(f["properties"]["colour"], ground) >= 4.5, (name, f["properties"])
    country = re.search(r"\.crossings-country \{ color: (#[0-9a-fA-F]{6})", text).group(1)
    assert country == country_label_colour(doc.theme) and contrast_ratio(country, doc.theme.focus_land) >= 4.5
    assert contrast_ratio(doc.theme.text, ground) >= 4.5


# -- labels where the PNG sets them ------------------------------------------------------------------
# Where the web map pins a label on its box, for each way its text runs from there (Leaflet's tooltip
# direction): the middle of the side the text runs away from, or the centre. At the paper's scale a
# box the PNG's size pinned there is the PNG's box.
PINNED_AT = {"right": lambda x0, y0, x1, y1: (x0, (y0 + y1) / 2), "left": lambda x0, y0, x1, y1: (x1, (y0 + y1) / 2),
             "bottom": lambda x0, y0, x1, y1: ((x0 + x1) / 2, y0), "top": lambda x0, y0, x1, y1: ((x0 + x1) / 2, y1),
             "center": lambda x0, y0, x1, y1: ((x0 + x1) / 2, (y0 + y1) / 2)}
OPPOSITE = {"right": "left", "left": "right", "top": "bottom", "bottom": "top"}


def page_px(view, lonlat) -> tuple[float, float]:
    """A web map's lon/lat back on the PNG's page, in pixels."""
    to_view = __import__("pyproj").Transformer.from_crs("EPSG:4326", resolve_crs(view.crs), always_xy=True)
    (x, y), = view.to_px(np.array([to_view.transform(*lonlat)]))
    return float(x), float(y)


def pinned_where_the_png_sets_it(view, feature, rect) -> str:
    """The web label's direction, after checking its pin, back on the page, is within 1 mm of the point
    of the PNG's box that direction pins (the middle of the side its text runs away from, or the centre)."""
    p = feature["properties"]
    pin = page_px(view, feature["geometry"]["coordinates"])
    want = PINNED_AT[p["direction"]](*rect)
    assert np.hypot(pin[0] - want[0], pin[1] - want[1]) <= view.px_per_mm, (p.get("text"), p["direction"], pin, rect)
    return p["direction"]


def runs_away_from(direction: str, rect, named) -> bool:
    """Whether a label pinned on ``rect`` as ``direction`` says has its pinned side nearer ``named`` (what
    it names, in page pixels: a dot, a leader's start, its band) than the opposite side: it runs away
    from it, and zoomed out it grows away from it, not over it."""
    near = shapely.Point(PINNED_AT[direction](*rect))
    far = shapely.Point(PINNED_AT[OPPOSITE[direction]](*rect))
    return shapely.distance(near, named) <= shapely.distance(far, named) + 1e-6


def test_the_web_maps_labels_are_the_pngs_placement(both):
    """One placement: the labels the web export lays out (nothing painted, on the PNG's view and dpi)
    are, mark for mark, those the PNG's render placed and recorded."""
    from gui.web_export import page_marks

    name, doc, _, view, report, _ = both
    assert report.marks and page_marks(doc, view).marks == tuple(report.marks), name


def test_every_name_is_where_the_png_sets_it(both):
    """Every place and country name the PNG draws is in the web map's data with its text, pinned within
    1 mm of where the PNG's box has that point, running away from the dot or leader it is tied to; a
    country name at its centre; and every leader of a name the PNG draws, the web map draws."""
    name, _, _, view, report, text = both
    web = {f["properties"]["place_id"]: f for f in features(text, "place_name")}
    dots = {pid: shapely.Point(x, y) for pid, x, y, _ in report.dots}
    tied = {key.split(":", 1)[1]: shapely.Point(a) for key, a, _ in report.leaders if key.startswith("place:")}
    names = [*report.place_labels, *report.node_names]  # an OD map's node names are set as place names are
    assert report.place_labels and set(web) == {pid for pid, *_ in names}, name
    for pid, label, rect in names:
        f = web[pid]
        assert f["properties"]["name"] == f["properties"]["text"] == label
        direction = pinned_where_the_png_sets_it(view, f, rect)
        named = tied.get(pid, dots.get(pid))
        if named is not None:
            assert direction != "center" and runs_away_from(direction, rect, named), (name, label, direction)
    countries = [f for f in features(text, "country_label")]
    png = list(zip([t for kind, t, *_ in report.texts if kind == "country"],
                   [r for kind, r in report.labels if kind == "country"], strict=True))
    # on the OD map every country in the frame large enough for a name is a node, which names it
    assert (png or name == "od") and sorted(f["properties"]["text"] for f in countries) == sorted(t for t, _ in png), name
    by_text = {f["properties"]["text"]: f for f in countries}
    for label, rect in png:
        assert pinned_where_the_png_sets_it(view, by_text[label], rect) == "center", (name, label)
    leaders = {f["properties"]["key"]: f for f in features(text, "leader") if f["properties"]["of"] == "place_name"}
    assert set(leaders) == set(tied), name
    for key, a, b in (lead for lead in report.leaders if lead[0].startswith("place:")):
        ends = [page_px(view, c) for c in leaders[key.split(":", 1)[1]]["geometry"]["coordinates"]]
        assert np.hypot(*np.subtract(ends, [a, b]).T).max() <= view.px_per_mm, (name, key)


def test_every_figure_is_on_the_pngs_side_of_its_band(both):
    """Every figure and total is pinned within 1 mm of where the PNG's box has that point, running away
    from its band; a figure beside its band is on the side of the band's centre line the PNG puts it;
    and every figure's leader the PNG draws, the web map draws."""
    name, _, _, view, report, text = both
    web = {f["properties"]["route_id"] if f["properties"]["kind"] == "flow_label" else "total:" + f["properties"]["route_id"]: f
           for f in features(text, "flow_label") + features(text, "total_label")}
    symbols = report.symbols.set_index("route_id")
    assert report.value_labels and set(web) == {lab.key for lab in report.value_labels}, name
    beside = 0
    for lab in report.value_labels:
        direction = pinned_where_the_png_sets_it(view, web[lab.key], lab.rect)
        if lab.key.startswith("total:"):
            continue
        band = shapely.transform(symbols.at[lab.key, "geometry"], view.to_px)
        assert direction != "center" and runs_away_from(direction, lab.rect, band), (name, lab.key, direction)
        line = symbols.at[lab.key, "centreline"]
        line = shapely.transform(line if line.geom_type == "LineString" else max(line.geoms, key=lambda g: g.length),
                                 view.to_px)
        pin = page_px(view, web[lab.key]["geometry"]["coordinates"])
        centre = ((lab.rect[0] + lab.rect[2]) / 2, (lab.rect[1] + lab.rect[3]) / 2)
        sides = {side_of(line, pin), side_of(line, centre)}
        if None not in sides:  # beyond the tip or behind the start, a figure has no side
            beside += 1
            assert len(sides) == 1, (name, lab.key, pin, lab.rect)
    assert beside, name
    leaders = {f["properties"]["key"]: f for f in features(text, "leader") if f["properties"]["of"] != "place_name"}
    png = {key: (a, b) for key, a, b in report.leaders if not key.startswith("place:")}
    # a figure numbered for want of room (the PNG's number disc, tied to its symbol): its leader too
    png.update({KEYS_SEP.join(k.keys): k.leader for k in report.numbered if k.leader is not None})
    assert set(leaders) == set(png), name
    for key, ends in png.items():
        web_ends = [page_px(view, c) for c in leaders[key]["geometry"]["coordinates"]]
        assert np.hypot(*np.subtract(web_ends, ends).T).max() <= view.px_per_mm, (name, key)


def side_of(line, xy) -> int | None:
    """+1 or -1: the side of ``line`` (page pixels) ``xy`` lies on; None where its nearest point on the
    line is an end (a figure beyond the arrow's tip)."""
    d = line.project(shapely.Point(xy))
    if d <= 1e-6 or d >= line.length - 1e-6:
        return None
    a, b = line.interpolate(max(d - 1.0, 0.0)), line.interpolate(min(d + 1.0, line.length))
    cross = (b.x - a.x) * (xy[1] - a.y) - (b.y - a.y) * (xy[0] - a.x)
    return 1 if cross > 0 else -1


# -- places and nodes ------------------------------------------------------------------------------
def test_the_web_map_shows_the_places_the_png_shows(both):
    """The dots the PNG draws are the web map's markers, and every name the PNG writes is a place of
    the web map, named alike (the web map had its own towns filter: Garabulli was missing)."""
    name, _, _, _, report, text = both
    places = {f["properties"]["place_id"]: f["properties"] for b in ("port", "city", "border_post", "enclave",
                                                                      "island", "archipelago", "region_label")
              for f in features(text, b)}
    markers = {pid for pid, p in places.items() if p["marker"]}
    assert markers == {pid for pid, *_ in report.dots}, name
    assert all(places[pid]["kind"] in DOT_KINDS for pid in markers)
    for pid, label, _ in report.place_labels:
        assert pid in places and places[pid]["name"] == label, (name, pid, label)
    if name == "interceptions":  # CMR-LY starts 40 km off it: the PNG names it, and so does the web map
        assert "Garabulli" in {label for _, label, _ in report.place_labels}
        assert places["garabulli"]["marker"] and places["garabulli"]["name"] == "Garabulli"


def test_od_nodes_are_the_pngs_circles(both):
    """The OD map's nodes: each node the PNG draws, with its total, as a circle of the PNG's radius on
    paper (measured on the PNG's pixels) in the painter's node colour; other maps have none."""
    name, doc, img, view, report, text = both
    nodes = {f["properties"]["name"]: f for f in features(text, "node")}
    if name != "od":
        assert not nodes and not report.nodes
        return
    assert {n: f["properties"]["value"] for n, f in nodes.items()} == report.nodes
    marks = node_marks(doc, view).set_index("name")
    to_view = __import__("pyproj").Transformer.from_crs("EPSG:4326", resolve_crs(view.crs), always_xy=True)
    assert f'"fillColor": "{NODE_FILL}"' in text
    for n, f in nodes.items():
        circle = shapely.transform(shape(f["geometry"]), lambda c: np.column_stack(to_view.transform(c[:, 0], c[:, 1])))
        r_mm = (circle.area / np.pi) ** 0.5 / view.mm_to_units(1.0)
        assert r_mm == pytest.approx(marks.at[n, "radius_mm"], rel=0.01), n
        # on the PNG: dark from the centre out to that radius (less its white casing), then not
        (cx, cy), = view.to_px(np.array([[marks.at[n, "geometry"].x, marks.at[n, "geometry"].y]]))
        r_px = r_mm * view.px_per_mm
        dark = [max(img[round(cy), round(cx + d)]) < 120 for d in np.arange(0, r_px + 4, 0.5)]
        edge = dark.index(False) * 0.5 if False in dark else r_px + 4
        assert abs(edge - r_px) <= 2.0, (n, edge, r_px)


def test_islands_the_flows_cover_are_lifted_above_them_as_on_the_png(both):
    """The small islands the PNG draws again above the flows that cover them (Malta under the Libya
    arrow's barb) are on the web map too, each over its PNG outline, in its land colour, after the flow
    symbols in their pane (so above them) and before the OD nodes."""
    name, doc, _img, view, report, text = both
    lifted = features(text, "lifted_island")
    assert len(lifted) == len(report.lifted_islands)
    if name == "default":
        assert lifted, "Malta lies under the Libya arrow on the default map"
    to_view = __import__("pyproj").Transformer.from_crs("EPSG:4326", resolve_crs(view.crs), always_xy=True)
    for png, feature in zip(report.lifted_islands, lifted, strict=True):
        web = shapely.transform(shape(feature["geometry"]), lambda c: view.to_px(np.column_stack(to_view.transform(c[:, 0], c[:, 1]))))
        # the same outline within a pixel (the PNG's page islands are simplified to half a pixel)
        assert png.buffer(1.0).contains(web) and web.buffer(1.0).contains(png), (png.centroid, web.area, png.area)
        assert feature["properties"]["fill"] in (doc.theme.land, doc.theme.focus_land)
    if lifted:
        at = {f"{f['properties']['kind']}": text.find(json_id) for f in (*features(text, "flow")[:1], lifted[0])
              for json_id in [f'"id": "{f["id"]}"']}
        assert at["flow"] < at["lifted_island"]
        if features(text, "node"):
            assert at["lifted_island"] < text.find('"kind": "node"')


def test_the_graticule_is_the_pngs(both):
    """The meridians and parallels the PNG draws across its frame (geo.furniture.graticule) are the web
    map's, and it draws no others."""
    import geopandas as gpd

    name, _, _, view, _, text = both
    frame = shapely.box(*view.extent)
    png = gpd.GeoSeries([g for g in graticule(view) if g.intersects(frame)], crs=resolve_crs(view.crs)).to_crs(4326)
    web = [shape(f["geometry"]) for b in geojson_blocks(text) for f in b["features"] if f["id"].startswith("g")]

    def constant(line) -> tuple[str, float]:  # a meridian's longitude or a parallel's latitude
        xy = np.asarray(line.coords)
        return ("lon", round(float(xy[0, 0]), 3)) if np.ptp(xy[:, 0]) < 1e-6 else ("lat", round(float(xy[0, 1]), 3))

    drawn = {constant(g) for g in png}
    assert drawn and drawn <= {constant(g) for g in web}, name
    assert all(v % 10 == 0 for _, v in {constant(g) for g in web}), name


# -- legend, title, language --------------------------------------------------------------------------
def test_the_legend_is_the_pngs(both):
    """The web legend lists geo.legend's entries in order, in their colours: the change map's
    increase and decrease, the OD map's node line; and every legend text the PNG prints is there."""
    name, doc, _, _, report, text = both
    rows = legend_rows(text)
    entries = []  # a nested circles' sample is a row per circle on the web page, each as large as on paper
    # naming no total the page numbers (the default map's A4 numbers Italy's: its key names Spain's)
    unwritten = totals_unwritten([*report.dropped_labels, *(k for n in report.numbered for k in n.keys)])
    for e in legend_entries(doc, unwritten=unwritten):
        if e.kind == NESTED:
            entries += [LegendEntry(SIZE, text, e.colour, size, "circle") for text, size in e.sizes]
        elif e.kind not in (HEADING, NOTE):
            entries.append(e)
    assert [r[1] for r in rows] == [e.text for e in entries], name
    for (_, _, colour, size), e in zip(rows, entries, strict=True):
        if e.kind == COLOUR:
            assert colour == e.colour, (name, e.text)
        if e.kind == SIZE:
            assert size == pytest.approx(e.size_mm, abs=1e-4)
        if e.kind == NODE:
            assert colour == NODE_FILL
    printed = {t for kind, t, *_ in report.texts if kind == "legend"}
    page = html.unescape(text)
    assert printed and all(t in page for t in printed), printed
    if name == "change":
        assert [r[2] for r in rows if r[0] == COLOUR][:2] == [CHANGE_COLOURS["up"], CHANGE_COLOURS["down"]]
    if name == "od":  # the node circles' mark and their sizes' key
        assert NODE in [r[0] for r in rows] and [e.kind for e in legend_entries(doc)].count(NESTED) == 1


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_page_has_the_maps_title_language_and_direction(qapp, bundled_doc_factory, language):
    doc = bundled_doc_factory()
    doc.label_language = language
    from gui.layout import PageLayout

    text = webmap_html(doc, PageLayout().view(doc.page, doc.crs, doc.default_extent()))
    direction = "rtl" if language == "ar" else "ltr"
    assert re.search(r"<html[^>]*>", text).group(0) == f'<html lang="{language}" dir="{direction}">'
    titles = re.findall(r"<title>(.*?)</title>", text, flags=re.S)
    assert titles == [html.escape(map_title(doc))]
    head = text[:text.index("</head>")]
    assert head.index("charset") < head.index("<title>")
