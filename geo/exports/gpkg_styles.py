"""The map's style for every layer of its GeoPackage, so QGIS opens the file looking like the PNG.

Each layer gets a :class:`~geo.exports.layer_look.Look` built from what the painter draws with:
the theme's land colours and the boundaries layer's white borders, each flow's colour from the
``colour`` field the exporter wrote from ``doc.flow_colour`` (its white casing, the dashed darker
outline of a figure inside another, the open ring of a zero), the dashed routes without a figure
in their group's colour, place dots, and the names and figures the map prints (``map_name``,
``map_label`` and ``label_colour``, geo.exports.map_fields) at the map's sizes in millimetres and
points. Legend words come from geo.legend, in the map's language.

The pens below are the painter's (gui/render.py ``_paint_symbol``, ``_paint_flows``,
``_paint_circle_routes``, ``_paint_nodes``; gui/point_layer_painter.py; gui/place_labels.py;
gui/value_labels.py), named here once for the styles; a Qt dash pattern is in pen widths, so each
is given that way and multiplied out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geo.colours import OUTLINE_DARKER, readable_on
from geo.exports.layer_look import All, Eq, In, Labels, Look, Not, Paint, Rule, Yes
from geo.exports.qml import to_qml
from geo.exports.sld import to_sld
from geo.join import ZERO
from geo.legend import COLOUR, NO_DATA, OUTLINE, RING, legend_entries
from geo.map_language import map_language
from geo.map_marks import (
    CIRCLE_ROUTE_MM,
    CIRCLE_ROUTE_OPACITY,
    COUNTRY_NAME_PT,
    COUNTRY_SPACING,
    DOT_CASING_MM,
    DOT_FILLS,
    NAME_PT,
    NO_FIGURE_DASH,
    NO_FIGURE_MM,
    NO_FIGURE_OPACITY,
    NODE_CASING_MM,
    NODE_FILL,
    NODE_OPACITY,
    OUTLINE_DASH,
    OUTLINE_MM,
    RING_MM,
    VALUE_HALO_OPACITY,
)
from geo.map_texts import map_title, subtitle
from geo.metrics import CIRCLE
from geo.place_layout import DOT_RADIUS_MM, NAME_GAPS_MM, SIDE_COSTS, TOWN_KINDS
from geo.styles import CASING_MM

VALUE_PT, VALUE_HALO_MM, VALUE_GAP_MM = 8.5, 0.55, 1.0
"""A figure: bold, its halo, and its gap beyond the widest band."""
PLACE_PT, PLACE_HALO_MM, PLACE_HALO_OPACITY = NAME_PT, 0.45, 0.85
COUNTRY_PT, COUNTRY_HALO_MM, COUNTRY_HALO_OPACITY = COUNTRY_NAME_PT, 0.3, 0.6
"""Country names: spaced out by COUNTRY_SPACING of the size (never in Arabic, whose letters join)."""
ITALIC_KINDS = ("island", "region_label")
"""Island and archipelago names are italic where the language has italics."""
QGIS_SIDES = {"right": "R", "left": "L", "above": "T", "below": "B", "above right": "TR", "above left": "TL",
              "below right": "BR", "below left": "BL"}


@dataclass(frozen=True)
class StoredStyle:
    """One row of the GeoPackage's ``layer_styles`` table."""

    name: str
    qml: str
    sld: str
    description: str


def map_styles(doc, layers: dict[str, pd.DataFrame]) -> dict[str, StoredStyle]:
    """The style of every layer of ``layers`` (geo.exports.layers.export_layers of ``doc``)."""
    from geo.exports.layers import doc_layer_names

    by_name = doc_layer_names(doc)
    legend = _Legend(doc)
    about = f"Crossings: {map_title(doc)}. {subtitle(doc)}"
    out = {}
    for name, data in layers.items():
        layer = by_name.get(name)
        look = _look(doc, layer.kind if layer is not None else name, layer, data, legend)
        out[name] = StoredStyle(name[:30], to_qml(look), to_sld(name, look), about)
    return out


class _Legend:
    """The legend's words for each colour and mark (geo.legend), for the rules' names in QGIS."""

    def __init__(self, doc) -> None:
        entries = legend_entries(doc)
        self.colours = {e.colour.lower(): e.text for e in entries if e.kind == COLOUR}
        self.marks = {e.kind: e.text for e in entries if e.kind in (OUTLINE, RING, NO_DATA)}

    def colour(self, colour: str, fallback: str) -> str:
        return self.colours.get(colour.lower(), fallback)


def _look(doc, kind: str, layer, data: pd.DataFrame, legend: _Legend) -> Look:
    routes = doc.layer("routes")
    flow_opacity = routes.style.opacity if routes is not None else 1.0
    if kind == "boundaries":
        return _countries(doc, layer, data)
    if kind == "routes":
        return _routes(doc, layer, data, legend)
    if kind == "places":
        return _places(doc, layer, data)
    if kind == "points":
        return _points(doc, layer)
    if kind == "flow_symbols":
        return _flow_symbols(doc, data, legend, flow_opacity)
    if kind == "flows":
        return _circle_routes(data, legend, flow_opacity)
    if kind == "figures":
        return _figures(doc)
    if kind == "nodes":
        return _nodes(doc, data, flow_opacity)
    if kind == "place_figures":
        return _place_figures(doc, data)
    if kind == "callouts":
        return _callouts(doc)
    raise ValueError(f"no map style for a layer of kind {kind!r}")


def _countries(doc, layer, data: pd.DataFrame) -> Look:
    """Focus countries darker than the others, white borders; names in capitals, spaced out."""
    theme, style = doc.theme, layer.style

    def land(colour: str) -> Paint:
        return Paint("fill", fill=colour, stroke=style.stroke, stroke_mm=style.stroke_width_mm)

    focus = Eq("focus", 1)
    rules = (Rule("Focus countries", focus, land(theme.focus_land)), Rule("Other countries", Not(focus), land(theme.land))) \
        if "focus" in data.columns else (Rule("Countries", None, land(theme.land)),)
    arabic = doc.label_language == "ar"
    labels = Labels("map_name", theme.font_family, COUNTRY_PT, readable_on(theme.country_label, theme.focus_land),
                    "polygon", uppercase=True, letter_spacing_pt=0.0 if arabic else COUNTRY_SPACING * COUNTRY_PT,
                    halo=theme.land, halo_mm=COUNTRY_HALO_MM, halo_opacity=COUNTRY_HALO_OPACITY) \
        if style.labels and "map_name" in data.columns else None
    return Look("polygon", rules, labels, opacity=style.opacity)


def _routes(doc, layer, data: pd.DataFrame, legend: _Legend) -> Look:
    """Only the routes the map draws as lines: those without a figure, dashed in their group's colour
    (the painter asks the document for the group's colour, not for the flow's)."""
    no_data = data[data["route_id"].isin(doc.join().no_data)] if doc.flows is not None else data.iloc[0:0]
    rules, words = [], legend.marks.get(NO_DATA, "No figure")
    for group, rows in no_data.groupby("group", sort=False):
        colour = doc.group_colour(group)
        rules.append(Rule(f"{legend.colour(colour, group)}: {words}", In("route_id", tuple(rows["route_id"])),
                          Paint("line", stroke=colour, stroke_mm=NO_FIGURE_MM,
                                dash_mm=tuple(d * NO_FIGURE_MM for d in NO_FIGURE_DASH), opacity=NO_FIGURE_OPACITY)))
    return Look("line", tuple(rules) or (_drawn_elsewhere("the flow_symbols layer draws the routes' figures"),),
                opacity=layer.style.opacity)


def _places(doc, layer, data: pd.DataFrame) -> Look:
    """The places the map shows (``on_map``): dots for enclaves and towns, names only for islands
    and archipelagos; names around them in the painter's order of positions and nearest gap, italic
    for islands where the language allows."""
    theme = doc.theme

    def dot(kind: str) -> Paint:
        return Paint("marker", fill=DOT_FILLS[kind], stroke="#ffffff", stroke_mm=DOT_CASING_MM,
                     size_mm=2 * DOT_RADIUS_MM[kind])

    def shown(f):
        return All((Yes("on_map"), f)) if "on_map" in data.columns else f

    dotted = ("enclave", *sorted(TOWN_KINDS))
    rules = (Rule("Enclave", shown(Eq("kind", "enclave")), dot("enclave")),
             Rule("Town", shown(In("kind", dotted[1:])), dot("town")),
             Rule("Island or archipelago: its name", shown(Not(In("kind", dotted))), None))
    labels = Labels("map_name", theme.font_family, PLACE_PT, theme.text, "point",
                    italic=In("kind", ITALIC_KINDS) if map_language(doc).italic else None,
                    halo="#ffffff", halo_mm=PLACE_HALO_MM, halo_opacity=PLACE_HALO_OPACITY,
                    distance_mm=NAME_GAPS_MM[0], positions=_name_positions(),
                    where=Yes("on_map") if "on_map" in data.columns else None) if layer.style.labels else None
    return Look("point", rules, labels, opacity=layer.style.opacity)


def _nodes(doc, data: pd.DataFrame, opacity: float) -> Look:
    """An OD map's nodes: circles as wide as the map draws them (``diameter_mm``), each named beside its
    circle in the map's language (``map_name``, gui.node_names), as a place is: its size, halo, gap
    from the circle's edge and order of positions."""
    theme = doc.theme
    node = Rule("Node", None, Paint("marker", fill=NODE_FILL, stroke="#ffffff", stroke_mm=NODE_CASING_MM,
                                    size_field="diameter_mm", opacity=NODE_OPACITY))
    labels = Labels("map_name", theme.font_family, PLACE_PT, theme.text, "point", halo="#ffffff",
                    halo_mm=PLACE_HALO_MM, halo_opacity=PLACE_HALO_OPACITY, distance_mm=NAME_GAPS_MM[0],
                    positions=_name_positions(), size_field="diameter_mm") if "map_name" in data.columns else None
    return Look("point", (node,), labels, opacity=opacity)


def _place_figures(doc, data: pd.DataFrame) -> Look:
    """The thematic layers' circles as the map draws them: a category per layer (``layer_title``) in its
    colour, see-through with a white casing, as wide as on paper (``diameter_mm``); the figure beside it
    (``map_label``) in its readable colour."""
    from geo.place_figures import PLACE_CIRCLE_CASING_MM, PLACE_CIRCLE_OPACITY

    kinds = data["symbol"] if "symbol" in data.columns else ["circle"] * len(data)
    pairs = dict.fromkeys(zip(data["layer_title"], data["colour"], kinds, strict=True)) if len(data) else {}
    # a layer's country total is no circle: drawn unseen (QGIS labels only what it renders), its figure set
    rules = tuple(Rule(title, Eq("layer_title", title),
                       Paint("marker", fill=colour, stroke="#ffffff", stroke_mm=PLACE_CIRCLE_CASING_MM,
                             size_field="diameter_mm", opacity=PLACE_CIRCLE_OPACITY) if kind == "circle" else
                       Paint("marker", fill=colour, size_mm=0.0, opacity=0.0)) for title, colour, kind in pairs)
    labels = Labels("map_label", doc.theme.font_family, PLACE_PT, doc.theme.text, "point", halo="#ffffff",
                    halo_mm=PLACE_HALO_MM, halo_opacity=PLACE_HALO_OPACITY, distance_mm=NAME_GAPS_MM[0],
                    positions=_name_positions(), size_field="diameter_mm")
    return Look("point", rules, labels, category_field="layer_title")


CALLOUT_WRAP_CHARS = 40
"""A callout's text in QGIS wraps at about this many characters: the map's 38 mm at 7 pt."""


def _callouts(doc) -> Look:
    """The callouts as QGIS can show them: the dot at each anchor as the map draws it (dark, white-cased)
    and the text beside it (``map_label``) in the callout's size and colour on a white halo, wrapped as the
    map wraps it and always shown (the map never leaves a callout out). The box, its leader and its place
    clear of everything are the map's layout, which QGIS does its own way."""
    from geo.callout_layout import ANCHOR_DOT_MM, CALLOUT_PT

    theme = doc.theme
    dot = Rule("Callout", None, Paint("marker", fill=theme.text, stroke="#ffffff", stroke_mm=0.2, size_mm=2 * ANCHOR_DOT_MM))
    labels = Labels("map_label", theme.font_family, CALLOUT_PT, theme.text, "point", halo="#ffffff", halo_mm=0.8,
                    distance_mm=1.0, positions=("TR", "R", "BR", "TL", "L", "BL"), wrap_chars=CALLOUT_WRAP_CHARS,
                    show_all=True)
    return Look("point", (dot,), labels)


def _name_positions() -> tuple[str, ...]:
    """QGIS's positions around a point in the painter's order of preference for a name (SIDE_COSTS)."""
    return tuple(QGIS_SIDES[side] for side in sorted(SIDE_COSTS, key=SIDE_COSTS.get))


def _points(doc, layer) -> Look:
    """A point layer as the map draws it (geo.point_symbols): by category, a rule (QGIS: a category on
    ``map_category``) per category in its colour; sized by its ``diameter_mm`` field; labelled from
    ``map_label`` as place names are. Unstyled: one dot per feature in the layer's fill."""
    from geo.map_language import map_language
    from geo.point_symbols import POINT_CASING_MM, SIZED_OPACITY, category_text, point_symbols

    style, symbols = layer.style, point_symbols(layer)
    sized = symbols.scale is not None

    def marker(colour: str) -> Paint:
        return Paint("marker", fill=colour, stroke="#ffffff", stroke_mm=POINT_CASING_MM,
                     size_mm=float(symbols.frame["diameter_mm"].max()) if len(symbols.frame) else 0.0,
                     size_field="diameter_mm", opacity=SIZED_OPACITY if sized else 1.0)

    lang = map_language(doc)
    rules = tuple(Rule(text, Eq("map_category", text), marker(c.colour))
                  for c in symbols.categories for text in (category_text(lang, symbols, c.key),))
    labels = Labels("map_label", doc.theme.font_family, PLACE_PT, doc.theme.text, "point", halo="#ffffff",
                    halo_mm=PLACE_HALO_MM, halo_opacity=PLACE_HALO_OPACITY, distance_mm=NAME_GAPS_MM[0],
                    positions=_name_positions(), size_field="diameter_mm") if symbols.style.label and style.labels else None
    if rules:
        return Look("point", rules, labels, opacity=style.opacity, category_field="map_category")
    return Look("point", (Rule(layer.title or "Points", None, marker(style.fill)),), labels, opacity=style.opacity)


def _flow_symbols(doc, data: pd.DataFrame, legend: _Legend, opacity: float) -> Look:
    """Per colour on the map: the filled figures with their casing, the outlined ones (a figure inside
    another: dashed, darker); and the zeros as rings. Each feature's colour is its ``colour`` field."""
    zero, rules = Eq("symbol", ZERO), []
    marks = data[data["symbol"] != ZERO]
    for colour, filled in dict.fromkeys(zip(marks["colour"], marks["filled"].astype(bool), strict=True)):
        name, this = legend.colour(colour, colour), Eq("colour", colour)
        if filled:
            rules.append(Rule(name, All((this, Yes("filled"), Not(zero))),
                              # QGIS strokes a fill's outline centred on it: CASING_MM wide, half of it over the
                              # colour, where the painter strokes 2 x CASING_MM under the fill (all outside)
                              Paint("fill", fill=colour, fill_field="colour", stroke=doc.flow_style.casing,
                                    stroke_mm=CASING_MM)))
        else:
            rules.append(Rule(f"{name}: {legend.marks.get(OUTLINE, 'outline')}", All((this, Not(Yes("filled")), Not(zero))),
                              Paint("fill", stroke=colour, stroke_field="colour",
                                    stroke_expression=f'darker("colour", {OUTLINE_DARKER})', stroke_mm=OUTLINE_MM,
                                    dash_mm=tuple(d * OUTLINE_MM for d in OUTLINE_DASH))))
    if (data["symbol"] == ZERO).any():
        rules.append(Rule(legend.marks.get(RING, "0"), zero, Paint("fill", fill="#ffffff", stroke=doc.theme.text,
                                                                    stroke_mm=RING_MM)))
    return Look("polygon", tuple(rules), opacity=opacity, blocks_labels=True)


def _circle_routes(data: pd.DataFrame, legend: _Legend, opacity: float) -> Look:
    """The flows' centre lines are drawn only under circles and rings: the route the toll belongs to."""
    rows = data[data["symbol"].isin((CIRCLE, ZERO))] if "symbol" in data.columns else data.iloc[0:0]
    rules = tuple(Rule(legend.colour(colour, colour), All((In("symbol", (CIRCLE, ZERO)), Eq("colour", colour))),
                       Paint("line", stroke=colour, stroke_field="colour", stroke_mm=CIRCLE_ROUTE_MM,
                             opacity=CIRCLE_ROUTE_OPACITY))
                  for colour in dict.fromkeys(rows["colour"]))
    return Look("line", rules or (_drawn_elsewhere("the flow_symbols layer draws these flows"),), opacity=opacity)


def _figures(doc) -> Look:
    """No lines of its own (the routes and flows layers draw them): the figures the map prints,
    bold, in their ``label_colour``, with the map's white halo, around their route's middle as far
    out as half the widest symbol, never on a flow (the flow_symbols layer blocks labels)."""
    labels = Labels("map_label", doc.theme.font_family, VALUE_PT, doc.theme.text, "line", colour_field="label_colour",
                    bold=True, halo="#ffffff", halo_mm=VALUE_HALO_MM, halo_opacity=VALUE_HALO_OPACITY,
                    distance_mm=_widest_mm(doc) / 2 + VALUE_GAP_MM)
    return Look("line", (_drawn_elsewhere("the routes and flow_symbols layers draw these figures; here, their labels"),),
                labels)


def _widest_mm(doc) -> float:
    """The widest symbol the map's style allows: its largest circle, or its widest band."""
    style = doc.flow_style
    return style.max_circle_mm if doc.meaning.symbol == CIRCLE else style.max_width_mm


def _drawn_elsewhere(words: str) -> Rule:
    """A legend line for a layer the map does not draw itself (its lines are drawn by another)."""
    return Rule(f"Not drawn: {words}", None, None)
