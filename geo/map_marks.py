"""The marks the painter draws, decided once for every output that draws the map again.

The PNG, SVG and PDF are painted by gui/render.py; the web map (geo.exports.webmap) draws the same
map in a browser. What both must agree on is decided here and asked by both: how a figure's symbol
is filled and stroked, which figures are labelled and in what words and colour, where an
origin–destination node stands and how large it is, the pens of the routes without a figure and of
the routes under circles, the colour of a country's name. The web map used to keep its own pens,
filters and colours, and drifted from the PNG (issue 13: OD flows in another colour, no nodes).

Sizes are millimetres on paper; a dash is in pen widths, as Qt's dash patterns are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from geo.colours import OUTLINE_DARKER, blend, darker, readable_on, value_label_colour
from geo.join import ZERO
from geo.map_language import map_language
from geo.map_texts import flow_label_texts, part_lines
from geo.projection import resolve_crs
from geo.styles import CASING_MM

OUTLINE_MM, OUTLINE_DASH = 0.45, (3.0, 1.5)
"""A figure inside another one shown: no fill, a dashed outline in its colour made darker."""
RING_MM = 0.4
"""A zero: an open white ring in the text colour."""
NO_FIGURE_MM, NO_FIGURE_DASH, NO_FIGURE_OPACITY = 0.45, (4.0, 3.0), 0.9
"""A route with no figure this period: dashed, in its group's colour."""
CIRCLE_ROUTE_MM, CIRCLE_ROUTE_OPACITY = 0.5, 0.9
"""The route under a circle or ring: thin, in its flow's colour (the toll belongs to the route)."""
NODE_FILL, NODE_OPACITY, NODE_CASING_MM = "#3d3d3d", 0.85, 0.35
"""An origin–destination node: dark grey, nearly opaque, with a white casing that parts it from the flows."""


VALUE_HALO_OPACITY = 0.9
"""The white halo behind a figure; its ground is the halo over the darkest land."""
NODE_RADIUS_MM = 1.2
"""An origin–destination node the layout gave no radius (gui/render.py ``_paint_nodes``)."""


def value_label_ground(doc) -> str:
    """The darkest ground a figure's text can sit on: its halo over the focus countries' land."""
    return blend("#ffffff", VALUE_HALO_OPACITY, doc.theme.focus_land)


@dataclass(frozen=True)
class SymbolPaint:
    """How one flow symbol is painted: ``fill`` (None: hollow), the ``stroke`` and its width; with
    ``casing`` the stroke is drawn first and the fill over its inner half, so it shows only outside
    the colour and a band keeps all the width its figure gives it."""

    fill: str | None
    stroke: str
    stroke_mm: float
    dash: tuple[float, float] | None = None
    casing: bool = False


def symbol_paint(doc, route_id: str, group: str, symbol: str, filled: bool) -> SymbolPaint:
    """The paint of a figure's symbol: filled with a casing; a dashed darker outline when it is part
    of another figure shown (so it reads as "not added"); a zero as an open ring."""
    if symbol == ZERO:
        return SymbolPaint("#ffffff", doc.theme.text, RING_MM)
    colour = doc.flow_colour(route_id, group)
    if not filled:
        return SymbolPaint(None, darker(colour, OUTLINE_DARKER), OUTLINE_MM, OUTLINE_DASH)
    return SymbolPaint(colour, doc.flow_style.casing, 2 * CASING_MM, casing=True)


def node_marks(doc, view) -> gpd.GeoDataFrame:
    """The OD map's node circles in the view's CRS, largest total first (the painter draws them in
    that order): ``name``, ``total`` (everything in and out) and ``radius_mm`` on paper."""
    from geo.od import node_points

    _, radii, totals = doc.od_curves(view)
    nodes = node_points(doc.join().flows, totals).to_crs(resolve_crs(view.crs))
    nodes["radius_mm"] = [float(radii.get(n, NODE_RADIUS_MM)) for n in nodes["name"]]
    return nodes.sort_values("total", ascending=False)


# -- figures ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FigureLabel:
    """A figure the map prints: its symbol's (``value``) or a total's (``total``), as the painter
    reports it (RenderReport.texts), with the key it is laid out under."""

    key: str
    route_id: str
    kind: str
    text: str
    colour: str
    value: float


def shows_figures(doc) -> bool:
    """Whether the map prints figures: asked for, and the routes layer shown with its labels (an
    OD map needs no routes layer)."""
    routes = doc.layer("routes")
    labelled = routes is not None and routes.style.visible and routes.style.labels
    return (doc.is_od or labelled) and doc.flow_style.show_values and doc.flows is not None


def labelled_symbols(doc, symbols: pd.DataFrame) -> pd.DataFrame:
    """The symbols that get a figure: the largest ``FlowStyle.max_labels`` (the rest are listed as
    unlabelled rather than crowding the map)."""
    limit = doc.flow_style.max_labels
    return symbols.nlargest(limit, "value") if limit and len(symbols) > limit else symbols


def total_key(route_id: str) -> str:
    """The layout key of a parent's total, apart from its route's own figure."""
    return f"total:{route_id}"


def unplaced_figures(doc, dropped: list[str]) -> list[str]:
    """The figures among the layout keys the renderer found no room for (``RenderReport.dropped_labels``,
    a page's and its insets'), named for a reader: 'CMR-TN', 'the total of CMR', 'ALB: rescues'. A
    place name left out is no figure lost; a figure left out is, and is said."""
    routes = set(doc.join().flows["route_id"]) if doc.flows is not None else set()
    out = []
    for key in dict.fromkeys(dropped):
        if key.startswith("total:"):
            out.append(f"the total of {key[len('total:'):]}")
        elif key.startswith("place-total:"):  # geo.place_totals.TOTAL_KEY
            _, i, where, _row = key.split(":", 3)
            out.append(f"the total of {where}: {doc.place_layers[int(i)].metric}" if int(i) < len(doc.place_layers) else where)
        elif key.startswith("place:"):
            _, i, where, _row = key.split(":", 3)
            out.append(f"{where}: {doc.place_layers[int(i)].metric}" if int(i) < len(doc.place_layers) else where)
        elif key in routes:
            out.append(key)
    return out


def unplaced_note(doc, dropped: list[str], numbered: Sequence = ()) -> str:
    """The footer's sentences, in the map's language: the key to each figure numbered on the map for
    want of room (``numbered``: geo.figure_keys.KeyedFigure, numbered), then each figure the page had no
    room for at all, each with its figure. A reader of the printed map learns every figure, not only the
    command line. Empty when every figure found room."""
    lang = map_language(doc)
    sentences = []
    if numbered:
        sentences.append(lang("numbered", items=lang("items_sep").join(numbered_entries(doc, numbered))))
    lost = dropped_figures(doc, dropped, {key for k in numbered for key in k.keys})
    if lost:
        sentences.append(lang("no_room", items=lang("items_sep").join(lost)))
    return " ".join(sentences)


def dropped_figures(doc, dropped: Sequence[str], keyed: set[str] = frozenset()) -> list[str]:
    """The figures among the layout keys ``dropped`` (not those ``keyed``, numbered), each as the footer
    names it with its figure: names left out are not figures lost."""
    items = figure_items(doc, list(dropped)) if dropped else {}
    return [items[key] for key in dict.fromkeys(dropped) if key in items and key not in keyed]


def numbered_entries(doc, numbered: Sequence) -> list[str]:
    """The key's entries, in the map's language and in number order: '(1) Italy 65,474, of which …', one
    per number (geo.figure_keys.KeyedFigure), its figures (those at one anchor) in one entry."""
    lang = map_language(doc)
    ordered = sorted(numbered, key=lambda k: k.number)
    items = figure_items(doc, [key for k in ordered for key in k.keys])
    return [lang("numbered_item", n=k.number, figure=lang("items_sep").join(items[key] for key in k.keys if key in items))
            for k in ordered]


def figure_items(doc, keys: list[str]) -> dict[str, str]:
    """Each figure among the layout ``keys`` as the footer names it in the map's language: what it is
    (route, total, place and layer) and its figure with qualifier and parts ('Italy 65,474, of which …')."""
    from geo.place_figures import legend_title, place_circles
    from geo.place_totals import TOTAL_KEY, place_totals

    lang = map_language(doc)
    routes = doc.layer("routes")
    flows = doc.join().flows if doc.flows is not None else None
    names = dict(zip(routes.data["route_id"], routes.data["name"], strict=True)) if routes is not None and \
        "name" in routes.data.columns else {}
    texts = flow_label_texts(doc)
    totals = {t.route_id: t for t in doc.join().totals} if doc.flows is not None else {}
    circles = place_circles(doc).set_index("key") if doc.place_layers else None
    layer_totals = place_totals(doc).set_index("key") if doc.place_layers else pd.DataFrame()
    route_ids = set(flows["route_id"]) if flows is not None else set()
    parts = {rid: line for (rid, _), line in part_lines(doc, lang).items()}
    items = {}
    for key in dict.fromkeys(keys):
        if key.startswith("total:") and key[6:] in totals:
            items[key] = total_text(totals[key[6:]], lang, parts, width=999,
                                    change=total_change(doc, lang, key[6:])).replace("\n", lang("comma"))
        elif key.startswith("place:") and circles is not None and key in circles.index:
            c = circles.loc[key]
            title = lang.mid_sentence(legend_title(doc, doc.place_layers[int(c['layer'])]))  # ', dead and missing'
            items[key] = (f"{_phrased(lang, c['name'])}{lang('comma')}{title}"
                          f"{lang('colon')}" + c["text"].replace("\n", lang("comma")))
        elif key.startswith(TOTAL_KEY) and key in layer_totals.index:  # 'Routes to Spain: ≥ 10,000 dead and missing'
            t = layer_totals.loc[key]
            items[key] = " ".join(t["text"].split("\n")) + f" ({lang.phrase(t['source'])})"
        elif key in route_ids:
            items[key] = _phrased(lang, doc.relations.total_name(key, names.get(key, key))) + lang("colon") \
                + texts.get(key, "").replace("\n", lang("comma"))
    return items


def _phrased(lang, name: str) -> str:
    """A route's or place's name in the map's language, a route's group and branch each
    ('Central Mediterranean route: Tunisia to Italy')."""
    first, *rest = (lang.phrase(part) for part in name.split(": "))
    return lang("colon").join([first, *(lang.after_colon(part) for part in rest)])


def figure_labels(doc, symbols: pd.DataFrame | None) -> dict[str, FigureLabel]:
    """Every figure the map prints beside ``symbols`` (``doc.flow_symbols(view)``) and every total,
    keyed as they are laid out: the symbol's label text (figure, qualifier, marker, what contains
    it, its change; geo.map_texts) in its flow's colour made readable on the darkest ground its
    halo stands on, a total's lines ('Italy 16,166', 'incl. 832 from …') in the text colour."""
    if symbols is None or not len(symbols) or not shows_figures(doc):
        return {}
    lang, ground = map_language(doc), value_label_ground(doc)
    texts = flow_label_texts(doc)
    out = {}
    for row in labelled_symbols(doc, symbols).itertuples():
        rid = str(row.route_id)
        out[rid] = FigureLabel(rid, rid, "value", texts.get(rid) or lang.number(row.value),
                               value_label_colour(doc.flow_colour(rid, str(row.group)), ground), float(row.value))
    if doc.layer("routes") is not None:
        total_colour = readable_on(doc.theme.text, ground)
        parts = {rid: line for (rid, _), line in part_lines(doc, lang).items()}  # 'of which Q4 2024: 16,166'
        for t in doc.join().totals:
            key = total_key(t.route_id)
            out[key] = FigureLabel(key, str(t.route_id), "total",
                                   total_text(t, lang, parts, change=total_change(doc, lang, t.route_id)), total_colour,
                                   float(t.value))
    return out


def total_change(doc, lang, route_id: str) -> str:
    """A total's change on a change map as printed ('−58% (stated)'); empty on other maps or without one."""
    change = (doc.changes() or {}).get(route_id)
    return lang.change(change) if change is not None else ""


def total_text(total, lang, parts: dict, width: int = 30, change: str = "") -> str:
    """A parent's total as printed: its name and figure, the lines of its part periods (``parts``, by
    route: 'of which Q4 2024: 16,166'), what it includes beyond its drawn routes, then its ``change`` on
    a change map ('−58% (stated)': the update's headline for Italy, lost while only the drawn flows had
    changes). With both, the part is set in brackets under the figure it is part of: under Italy's
    'incl. 3,495 (derived) via other or unknown routes' (the year's rest), 'of which Q4 2024: 16,166'
    read as part of the 3,495; above it, unbracketed, the 3,495 read as part of the quarter's 16,166."""
    head, rest = lang.total_lines(total, width=width)
    own = parts.get(total.route_id, [])
    if rest and own:
        return "\n".join([*head, *(lang("aside", text=line) for line in own), *rest, *([change] if change else [])])
    return "\n".join([*head, *rest, *own, *([change] if change else [])])


LEADER_WIDTH_MM = 0.2
"""Leader lines, from a figure or a name to what it names, in the muted text colour."""

NAME_PT, NAME_PAD_MM = 6.5, (1.2, 0.6)
"""Place names: their size on paper, and how much wider and taller than its text a name's box is."""
COUNTRY_NAME_PT, COUNTRY_PAD_MM, COUNTRY_SPACING = 7.0, (1.0, 0.0), 0.12
"""Country names: their size, their box beyond the text, and their letters spaced out by 12 % of the
size (never in Arabic, whose letters join)."""

DOT_FILLS, DOT_CASING_MM = {"enclave": "#000000", "town": "#333333"}, 0.15
"""Place dots: an enclave black, a town dark grey; a white ring, so a dot reads on land and on a flow."""


def dot_fill(kind: str) -> str:
    """The fill of a place's dot (geo.place_layout.DOT_KINDS: an enclave, or a town of any kind)."""
    return DOT_FILLS["enclave" if kind == "enclave" else "town"]


def country_label_colour(theme) -> str:
    """Country names: the theme's colour for them, darkened to read at 4.5:1 on the focus land."""
    return readable_on(theme.country_label, theme.focus_land)
