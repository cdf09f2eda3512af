"""A point layer's symbols, described once: a colour per category, a circle per size, a text per label.

The painter (gui/point_layer_painter.py), the legend (:func:`point_entries`, through geo.legend), the
web map (geo.exports.webmap_points) and the GeoPackage's style (geo.exports.gpkg_styles) all read the
categories and colours from :func:`point_symbols`; none decides a colour of its own.

Bad input is named, never drawn wrong: a style column the layer does not have (with the columns it
has), a size cell that is not a number or is negative (with its file, row and column).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.colours import OTHER_COLOUR, QUALITATIVE_PALETTES
from geo.errors import DataError
from geo.figure_values import parse_value, quote_cell
from geo.flow_geometry import WidthScale
from geo.point_layers import FILE_ROWS
from geo.point_style import PointStyle

POINT_MAX_MM = 10.0
"""The diameter of the largest sized point's circle on paper."""
POINT_MIN_MM = 1.6
"""No sized circle is drawn smaller (and a point without a figure is drawn this size; the legend says so)."""
POINT_CASING_MM = 0.25
"""The white casing round every point, parting it from the land and from the point under it."""
SIZED_OPACITY = 0.8
"""Sized circles are see-through: a smaller one over a larger one, and the land under both, still read."""
MIN_DOT_RADIUS_MM = 0.6
"""An unsized point's radius is four times its layer's outline width, and never under this."""
OTHER = "\x00other"
"""The key of the bucket of categories beyond the palette (no cell can hold a NUL: geo.point_layers)."""
_CACHE: dict = {}


@dataclass(frozen=True)
class PointCategory:
    key: str
    """The cell's text ('' for an empty cell), or OTHER."""
    colour: str
    count: int
    """How many points it colours."""
    members: tuple[str, ...] = ()
    """For OTHER: the values it holds, in order of first appearance."""


@dataclass(frozen=True)
class PointSymbols:
    """What every point of a layer is drawn as. ``frame`` is in the layer's row order: ``category``
    (a key of ``categories``, '' unstyled), ``colour``, ``value`` (NaN: none), ``diameter_mm``,
    ``label`` ('' for none)."""

    style: PointStyle
    categories: tuple[PointCategory, ...]
    frame: pd.DataFrame
    scale: WidthScale | None
    no_value: int
    """Points drawn at POINT_MIN_MM because their size cell is empty."""

    @property
    def message(self) -> str | None:
        """Why some categories are grey, for the command line and the Layers panel; None when none is."""
        other = next((c for c in self.categories if c.key == OTHER), None)
        if other is None:
            return None
        n = len(QUALITATIVE_PALETTES[self.style.palette])
        shown = ", ".join(repr(m) for m in other.members[:5]) + (", …" if len(other.members) > 5 else "")
        return (f"column {self.style.category!r} has {n + len(other.members)} categories and the palette "
                f"{self.style.palette} {n} colours: {len(other.members)} ({shown}) are drawn grey as one 'other' "
                "entry; merge categories or choose a longer palette")


def point_symbols(layer, style: PointStyle | None = None) -> PointSymbols:
    """The symbols of ``layer`` (a Layer of kind points) under its style, or under ``style``; a
    DataError names the file, row and column of a cell that cannot be drawn as asked."""
    style = layer.style.points if style is None else style
    key = (layer.id, style, layer.style.fill, layer.style.stroke_width_mm)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is layer.data:
        return hit[1]
    symbols = _describe(layer, style)
    if len(_CACHE) >= 32:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (layer.data, symbols)  # the data held, so its id is never another frame's
    return symbols


def check_point_style(layer, style: PointStyle | None = None) -> None:
    """Raise the DataError :func:`point_symbols` would, before a style is applied or a map drawn."""
    point_symbols(layer, style)


def _describe(layer, style: PointStyle) -> PointSymbols:
    data = layer.data
    for role, column in style.columns().items():
        if column not in data.columns or column == data.geometry.name:
            raise DataError(layer.path, "row 1" if _is_csv(layer) else None,
                            f"no column {column!r} for the points' {role} (columns: {_columns(data)})")
    n = len(data)
    frame = pd.DataFrame({"category": [""] * n, "colour": [layer.style.fill] * n, "value": np.full(n, np.nan),
                          "diameter_mm": np.full(n, 2 * max(MIN_DOT_RADIUS_MM, layer.style.stroke_width_mm * 4)),
                          "label": [""] * n}, index=data.index)
    categories: tuple[PointCategory, ...] = ()
    if style.category:
        keys = [_text(v) for v in data[style.category]]
        categories = _categories(keys, QUALITATIVE_PALETTES[style.palette])
        colour = {c.key: c.colour for c in categories}
        bucket = {m: OTHER for c in categories for m in c.members}
        frame["category"] = [bucket.get(k, k) for k in keys]
        frame["colour"] = [colour[k] for k in frame["category"]]
    scale, no_value = None, 0
    if style.size:
        values = np.array([_size_value(layer, i, style.size, v) for i, v in enumerate(data[style.size])], float)
        frame["value"] = values
        scale = WidthScale.fit(values, POINT_MAX_MM, POINT_MIN_MM, by_area=True)
        frame["diameter_mm"] = [POINT_MIN_MM if math.isnan(v) else scale.width_mm(v) for v in values]
        no_value = int(np.isnan(values).sum())
    if style.label:
        frame["label"] = [_text(v) for v in data[style.label]]
    return PointSymbols(style, categories, frame, scale, no_value)


def _categories(keys: list[str], palette: tuple[str, ...]) -> tuple[PointCategory, ...]:
    """One category per distinct value in order of first appearance, coloured in palette order; when
    there are more values than colours, the last colour's place goes to a grey OTHER bucket too, so
    the legend never shows more entries than the palette has colours plus one."""
    counts = pd.Series(keys, dtype=object).value_counts(sort=False)
    order = list(dict.fromkeys(keys))
    own = order if len(order) <= len(palette) else order[:len(palette)]
    out = [PointCategory(k, palette[i], int(counts[k])) for i, k in enumerate(own)]
    rest = order[len(own):]
    if rest:
        out.append(PointCategory(OTHER, OTHER_COLOUR, int(sum(counts[k] for k in rest)), tuple(rest)))
    return tuple(out)


def _size_value(layer, i: int, column: str, cell) -> float:
    """A size cell as a number (NaN: empty), or a DataError naming its row and column."""
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return math.nan
    try:
        if isinstance(cell, (int, float, np.integer, np.floating)) and not isinstance(cell, bool):
            if cell < 0:
                raise ValueError(f"value {cell:g} is negative: a size cannot be below zero")
            return float(cell)
        return parse_value(str(cell))
    except ValueError as exc:
        what = str(exc).replace("a count cannot", "a size cannot")
        raise DataError(layer.path, f"{_row(layer, i)}, column {quote_cell(column)}",
                        f"{what}; the size column needs a number in every cell (or an empty cell)") from None


def numeric_cells(series: pd.Series) -> bool:
    """Whether every non-empty cell of ``series`` is a number ≥ 0 (and one at least is not empty)."""
    seen = False
    for cell in series:
        if cell is None or (isinstance(cell, float) and math.isnan(cell)) or (isinstance(cell, str) and not cell.strip()):
            continue
        try:
            v = float(cell) if isinstance(cell, (int, float)) else parse_value(str(cell))
        except ValueError:
            return False
        if v < 0:
            return False
        seen = True
    return seen


def _row(layer, i: int) -> str:
    rows = layer.data.attrs.get(FILE_ROWS)
    return f"row {rows[i]}" if rows is not None and i < len(rows) else f"feature {i + 1}"


def _is_csv(layer) -> bool:
    return layer.data.attrs.get(FILE_ROWS) is not None


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _columns(data) -> str:
    names = [str(c) for c in data.columns if c != data.geometry.name]
    return ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")


LABEL_ROOM_MM = 6.0
"""Beyond a labelled point's circle, paper the frame keeps for its label (as for a place figure's)."""


def point_xy(geoms) -> np.ndarray:
    """One (x, y) per feature: the point, or a multipoint's centroid (so rows and symbols stay aligned)."""
    import shapely

    return shapely.get_coordinates(shapely.centroid(np.asarray(geoms, dtype=object))).reshape(-1, 2)


def point_reach_mm(doc, layer) -> tuple[np.ndarray, np.ndarray]:
    """Each point of ``layer`` in the map's CRS, and how far around it on paper the frame must show:
    its circle, and room for its label where it has one."""
    symbols = point_symbols(layer)
    xy = point_xy(doc.projected(layer).geometry.to_numpy())
    labelled = (symbols.frame["label"] != "").to_numpy() & layer.style.labels
    return xy, symbols.frame["diameter_mm"].to_numpy(float) / 2 + POINT_CASING_MM + np.where(labelled, LABEL_ROOM_MM, 0.0)


def category_text(lang, symbols: PointSymbols, key: str) -> str:
    """A category's words on the map (legend, web map, GeoPackage): the cell's text, 'Not given' for an
    empty cell, 'Other (n categories)' for the bucket beyond the palette, in the map's language."""
    if key == OTHER:
        members = next((c.members for c in symbols.categories if c.key == OTHER), ())
        return lang("points_other", n=lang.number(len(members)))
    return key or lang("points_no_category")


def export_fields(doc, layer) -> dict[str, list]:
    """What the map draws for each point, as fields of its exported layer (the GeoPackage's style reads
    them): ``map_category`` (the legend's words; null unstyled), ``colour``, ``diameter_mm``,
    ``map_label`` (null: none)."""
    from geo.map_language import map_language

    lang = map_language(doc)
    symbols = point_symbols(layer)
    f = symbols.frame
    return {"map_category": [category_text(lang, symbols, k) if symbols.categories else None for k in f["category"]],
            "colour": list(f["colour"]), "diameter_mm": [round(float(d), 3) for d in f["diameter_mm"]],
            "map_label": [t or None for t in f["label"]]}


# -- the legend ------------------------------------------------------------------------------------
POINT_CATEGORY = "point_category"
"""A legend entry: a point layer's category, a circle in its colour."""
POINT_LABEL = "point_label"
"""A placed mark (geo.placed_marks): a point's label, from its layer's label column."""


def point_entries(doc) -> list:
    """Each visible styled point layer's legend group: its title as a heading, a circle per category
    in its colour, and, when sized, what the area means, its sizes and the note on points without a
    figure. An unstyled point layer keeps its plain dots and no legend entry, as before."""
    from geo.legend import EXPLAIN, NOTE, SIZE, SUBHEADING, LegendEntry, size_rows
    from geo.map_language import map_language

    lang = map_language(doc)
    entries = []
    for layer in doc.layers:
        if layer.kind != "points" or not layer.style.visible:
            continue
        symbols = point_symbols(layer)
        if not symbols.categories and symbols.scale is None:
            continue
        entries.append(LegendEntry(SUBHEADING, layer.title))
        entries += [LegendEntry(POINT_CATEGORY, category_text(lang, symbols, c.key), c.colour) for c in symbols.categories]
        if symbols.scale is not None:
            values = symbols.frame["value"].dropna()
            entries.append(LegendEntry(EXPLAIN, lang("points_area", column=symbols.style.size)))
            grey = symbols.categories[0].colour if len(symbols.categories) == 1 else "#6f6f6f"
            entries += [LegendEntry(SIZE, text, grey, size, "circle")
                        for text, size in size_rows(symbols.scale, float(values.max()) if len(values) else 0.0, lang)]
            if symbols.no_value:
                entries.append(LegendEntry(NOTE, lang("points_no_value", mm=lang.decimal(POINT_MIN_MM))))
    return entries
