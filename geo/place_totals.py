"""A circle layer's figure for a country's total over its routes: written over the country, never a circle.

Caminando Fronteras counts "over 10,000" dead and missing on the routes to Spain in 2024 (the update's
Key Updates: "a record number of 10,000"): its 9,757 on the Atlantic route, 183 on the Western
Mediterranean and 513 on the Algerian route together, which the layer draws as circles on those routes.
A circle for the total on one of them (Spain's total over its routes runs along the Western
Mediterranean's line, geo.relations.TOTAL_OVER) drew the dead twice, and the routes' circles read as
"part of the Spain". The total is a figure of its own: written over its country with no leader, in its
layer's colour, as the arrivals' country total is (geo.figure_layout.country_total_request); the legend
says what it is. Described here once for the painter, the numbers' key and the web map (which sets it
where the page does).
"""

from __future__ import annotations

import dataclasses
import textwrap

import pandas as pd

from geo.map_language import map_language
from geo.map_words import NBSP

TOTAL_KEY = "place-total:"
"""How a circle layer's country total is keyed among the page's labels and numbered figures."""

TOTAL_WRAP = 30
"""Characters a line of the total holds ('Routes to Spain: ≥ 10,000' above 'dead and missing'), as an
arrivals total's (geo.map_language.MapLanguage.total_lines)."""

TOTALS_APART_MM = 3.0
"""A layer's total keeps this far off the totals written before it: a line and a half of type under Spain's
arrivals' total, the two read as one block (a review of the A3 overview); 3 mm apart, it stands over
Catalonia's coast, clearly a total of its own."""
HEAD_MAX = 36
"""A name and figure this long stay on one line above what the total counts ('Routes vers l'Espagne :
≥ 10 000' is 32 characters): the figure broken off its name made three lines where two hold it."""

COLUMNS = ["key", "layer", "where", "country", "name", "value", "qualifier", "colour", "text_colour", "figure",
           "text", "source", "source_ref", "row"]


def place_totals(doc) -> pd.DataFrame:
    """Every visible circle layer's country totals: key, layer (its index), where (the total's route),
    country (ISO 3166-1 alpha-3), name (the total's route's, 'Routes to Spain', in the map's language), value, qualifier, colour
    and text_colour (the layer's, as its circles' figures), figure (the figure and its part period's
    line), text (the name, the figure and what it counts: 'Routes to Spain: ≥ 10,000 dead and missing'), source, source_ref, row. Worked out once per
    selection, as the circles are."""
    from geo.place_figures import selection_key

    key = selection_key(doc, "place-totals")
    if key not in doc._cache:
        doc._cache[key] = _totals(doc)
    return doc._cache[key]


def _totals(doc) -> pd.DataFrame:
    from geo.map_marks import value_label_ground  # map_marks reads the map's texts, which read this module
    from geo.place_figures import figure_colour, layer_colour, layer_figures, layer_part_lines, layer_title

    records = []
    lang = map_language(doc)
    routes = doc.layer("routes")
    names = dict(zip(routes.data["route_id"], routes.data["name"], strict=True)) \
        if routes is not None and "name" in routes.data.columns else {}
    ground = None
    for i, layer in enumerate(doc.place_layers):
        if not layer.draws_circles:
            continue
        rows = layer_figures(doc, layer, totals=True)
        if not len(rows):
            continue
        ground = ground or value_label_ground(doc)
        colour, parts = layer_colour(i, layer), layer_part_lines(doc, layer, lang)
        for r in rows.itertuples():
            # what it counts, as its layer's legend entry in its colour says with its source (named in the
            # page's key when numbered); a third line for the source left no room over Spain on A3
            what = lang.mid_sentence(layer_title(doc, dataclasses.replace(layer, title="", source=None)))
            qualifier = r.qualifier if isinstance(r.qualifier, str) else ""
            # the route's name's head ('Routes to Spain', not its branches after the colon), else the country's
            name = lang.phrase(str(names.get(r.route_id) or "").split(": ")[0] or doc.relations.total_name(r.route_id, r.route_id))
            figure = [lang.figure(r.value, qualifier), *parts.get((r.route_id, r.source), ())]
            whole = figure[0].replace(" ", NBSP)  # its sign and digits never parted: '≥' above '10 000'
            head = _wrapped(lang("layer_total", name=name, figure=whole, what=what), what)
            records.append({"key": f"{TOTAL_KEY}{i}:{r.route_id}:{r.row}", "layer": i, "where": r.route_id,
                            "country": doc.relations.country_of_total(r.route_id), "name": name, "value": r.value,
                            "qualifier": qualifier, "colour": colour, "text_colour": figure_colour(colour, ground, doc.theme.text),
                            "figure": "\n".join(figure), "text": "\n".join([head, *figure[1:]]), "source": r.source,
                            "source_ref": r.source_ref, "row": r.row})
    return pd.DataFrame(records, columns=COLUMNS)


def _wrapped(text: str, what: str) -> str:
    """``text`` on one line where it fits TOTAL_WRAP, else broken before what it counts (``what``, its
    end), which starts a line of its own: 'Routes to Spain: ≥ 10,000' above 'dead and missing', not
    '… dead' above 'and missing'."""
    if len(text) <= TOTAL_WRAP or not text.endswith(what):
        return textwrap.fill(text, TOTAL_WRAP, break_on_hyphens=False)
    head = text[: len(text) - len(what)].rstrip()
    head = head if len(head) <= HEAD_MAX else textwrap.fill(head, TOTAL_WRAP, break_on_hyphens=False)
    return "\n".join([head, *textwrap.wrap(what, TOTAL_WRAP, break_on_hyphens=False)])


def total_anchors(doc, totals: pd.DataFrame) -> list[tuple[float, float]]:
    """Where each of ``totals`` is counted, in the map's CRS, for the data exports: its country's anchor,
    as a country's circle stands (geo.place_figures._anchors), (nan, nan) where the boundaries do not hold it."""
    from geo.place_figures import _anchors

    rows = pd.DataFrame({"route_id": "", "place_id": "", "country": totals["country"]})
    return [(x, y) for _where, _name, x, y in _anchors(doc, rows)]
