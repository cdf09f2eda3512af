"""What the map paints and prints for each exported feature, written into the feature as fields.

A GIS reading the GeoPackage or the GeoJSON learns from these fields what the PNG shows: a flow's
``colour`` (``doc.flow_colour``, the painter's own call), a figure's ``map_label`` (the words set
beside it, in the map's language) and ``label_colour``, a country's or place's ``map_name``. The
QGIS styles of ``geo.exports.gpkg_styles`` draw from these fields, so a colour is decided once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from geo.join import TOTAL
from geo.map_marks import figure_labels, total_key
from geo.map_texts import country_names, label_names, node_names
from geo.place_layout import ground_units_per_km, named_dots, place_dots, places_shown, route_end_places
from geo.placed_marks import PLACE


def flow_colours(doc, frame: pd.DataFrame) -> list[str]:
    """The fill of each flow of ``frame`` (route_id and group columns), as the painter asks for it."""
    return [doc.flow_colour(r, g) for r, g in zip(frame["route_id"], frame["group"], strict=True)]


def figure_label_fields(doc, figures: pd.DataFrame, symbols: pd.DataFrame | None) -> pd.DataFrame:
    """``map_label`` and ``label_colour`` of each row of the figures layer: a drawn symbol's label
    (its figure, qualifier, marker, what contains it, its change) in its flow's colour, darkened
    and made readable; a total's lines ('Italy 16,166', 'incl. 832 from …') in the text colour;
    null for every row the map writes nothing for (parts in a total, other sources, remainders,
    and flows beyond ``max_labels``). A symbol's row is the one with its flow's status (drawn, or
    contained in another figure)."""
    out = pd.DataFrame({"map_label": [None] * len(figures), "label_colour": [None] * len(figures)},
                       index=figures.index, dtype=object)
    printed = figure_labels(doc, symbols)  # the painter's and the web map's own (geo.map_marks)
    if not printed or "status" not in figures.columns:
        return out
    drawn_as = dict(zip(doc.join().flows["route_id"], doc.join().flows["status"], strict=True))
    for i, rid, status in zip(figures.index, figures["route_id"], figures["status"], strict=True):
        label = printed.get(rid) if status == drawn_as.get(rid) else \
            printed.get(total_key(rid)) if status == TOTAL else None
        if label is not None:
            out.at[i, "map_label"], out.at[i, "label_colour"] = label.text, label.colour
    return out


def map_names(doc, kind: str, data: pd.DataFrame) -> pd.Series | None:
    """The names the map writes for a layer of ``kind``, in the map's language: countries with the
    asterisk of a Non-Self-Governing Territory, places as their labels read, an OD map's nodes as
    named beside their circles; None for other kinds."""
    if "name" not in data.columns:
        return None
    if kind == "boundaries":
        return country_names(data, doc.label_language)
    if kind == "places":
        return label_names(data, doc.label_language)
    if kind == "nodes":
        return pd.Series(node_names(doc, data["name"]), index=data.index, dtype=object)
    return None


def places_on_map(doc, view, layer, marks=None) -> np.ndarray:
    """Whether the map draws each place of ``layer`` at ``view``: islands, archipelagos and enclaves
    in the frame always, a town only where a drawn route (or one without a figure) starts or ends
    near it and no flow symbol covers it, and of two places whose dots would touch only the
    higher-ranked (geo.place_layout, as the painter asks it); with the painter's ``marks``
    (geo.placed_marks.PageMarks), a town only where its name found room (``named_dots``)."""
    data = doc.projected(layer)
    kinds = data["kind"].astype(str).to_numpy() if "kind" in data.columns else np.full(len(data), "city")
    xy = view.to_px(shapely.get_coordinates(data.geometry.to_numpy()))
    ends = doc.route_ends()
    ends = view.to_px(ends) if len(ends) else ends
    bands = shapely.transform(doc.flow_symbols(view).geometry.to_numpy(), view.to_px) if doc.flows is not None else None
    per_km = ground_units_per_km(doc)
    shown = places_shown(kinds, xy, view.frame_px, ends, view.units_per_px, view.px_per_mm, bands, per_km)
    keep = place_dots(kinds, xy, shown, view.px_per_mm,
                      route_end_places(kinds, xy, shown, ends, view.units_per_px, view.px_per_mm, per_km)).keep
    if marks is None:
        return keep
    ids = data["place_id"].astype(str).to_numpy() if "place_id" in data.columns else np.arange(len(data)).astype(str)
    named = {m.key for m in marks.of_kind(PLACE)}
    return named_dots(kinds, label_names(data, doc.label_language).to_numpy(dtype=object), keep, ids, named,
                      layer.style.labels)
