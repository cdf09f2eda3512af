"""How a layer is drawn, as plain data, for the QGIS style (geo.exports.qml) and the SLD
(geo.exports.sld) of each GeoPackage layer: one description, so the two cannot tell different stories.

:class:`Look` holds the rules (a filter, a label for the legend, one symbol) and the labels, with
sizes in millimetres and points on paper. A colour can come from a field of the layer
(``fill_field``): the exporter writes the map's colour into every feature, and the style reads it
there instead of keeping a second table of colours. Filters are a small tree written as a QGIS
expression here and as an OGC filter by the SLD writer.
"""

from __future__ import annotations

from dataclasses import dataclass


# -- filters: one small tree, written as a QGIS expression and as an OGC filter ---------------------
@dataclass(frozen=True)
class Eq:
    field: str
    value: str | float


@dataclass(frozen=True)
class In:
    field: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Yes:
    """A boolean field that holds (GeoPackage stores true as 1)."""

    field: str


@dataclass(frozen=True)
class Not:
    term: Eq | In | Yes


@dataclass(frozen=True)
class All:
    terms: tuple


Filter = Eq | In | Yes | Not | All


def _literal(value) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(float(value))


def _name(field: str) -> str:
    return '"' + field.replace('"', '""') + '"'


def expression(f: Filter) -> str:
    """The filter as a QGIS expression."""
    if isinstance(f, Eq):
        return f"{_name(f.field)} = {_literal(f.value)}"
    if isinstance(f, In):
        return f"{_name(f.field)} IN ({', '.join(map(_literal, f.values))})"
    if isinstance(f, Yes):
        return _name(f.field)
    if isinstance(f, Not):
        return f"NOT ({expression(f.term)})"
    return " AND ".join(f"({expression(t)})" for t in f.terms)


# -- the description ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Paint:
    """One symbol: a polygon ("fill"), a "line" or a round "marker"; sizes in mm on paper.

    ``fill``/``stroke`` are '#rrggbb' (None: none); they are also the legend's swatch when the
    feature's own colour comes from ``fill_field``/``stroke_field``. ``stroke_expression`` is a
    QGIS expression for the stroke (QGIS's ``darker()`` is Qt's, as the painter's); SLD uses
    ``stroke_field``. ``dash_mm`` is (dash, gap); ``size_mm`` a marker's diameter, or
    ``size_field`` per feature.
    """

    shape: str
    fill: str | None = None
    fill_field: str | None = None
    stroke: str | None = None
    stroke_field: str | None = None
    stroke_expression: str | None = None
    stroke_mm: float = 0.0
    dash_mm: tuple[float, float] | None = None
    size_mm: float = 0.0
    size_field: str | None = None
    opacity: float = 1.0


@dataclass(frozen=True)
class Rule:
    """Features matching ``filter`` (None: all) drawn with ``paint``; with no paint, features that
    are only labelled, or a legend line saying why the layer draws nothing itself (drawn with an
    invisible symbol: QGIS labels only what it renders, and SLD needs a symbolizer in every rule)."""

    label: str
    filter: Filter | None
    paint: Paint | None


@dataclass(frozen=True)
class Labels:
    """Text from ``field`` (null: no label), in points, with a halo of ``halo_mm`` around each letter.

    ``placement``: "point" (around the point at ``distance_mm``, trying ``positions`` in order:
    QGIS's R, L, T, B, TR, ...), "line" (horizontal, anywhere around the line's middle at
    ``distance_mm``: clear of a band drawn along it) or "polygon" (horizontal, inside).
    ``italic``: a filter of the features set in italics (None: none). ``where``: which features
    are labelled in SLD (QGIS labels the features its rules render). ``size_field``: a point's
    marker is this field's millimetres across, and ``distance_mm`` is from its edge (an OD node's
    circle, whose name is set beside it, not on it). ``wrap_chars``: lines are wrapped at about this
    many characters (0: never). ``show_all``: set even where it collides (a callout, which the map
    never leaves out).
    """

    field: str
    family: str
    size_pt: float
    colour: str
    placement: str
    colour_field: str | None = None
    bold: bool = False
    italic: Filter | None = None
    uppercase: bool = False
    letter_spacing_pt: float = 0.0
    halo: str = "#ffffff"
    halo_mm: float = 0.0
    halo_opacity: float = 1.0
    distance_mm: float = 0.0
    positions: tuple[str, ...] = ()
    where: Filter | None = None
    size_field: str | None = None
    wrap_chars: int = 0
    show_all: bool = False


@dataclass(frozen=True)
class Look:
    """A layer: its rules in drawing order, its labels, its opacity; ``blocks_labels`` keeps the
    labels of every layer off its features (the flows: a figure never sits on a flow)."""

    geometry: str
    rules: tuple[Rule, ...]
    labels: Labels | None = None
    opacity: float = 1.0
    blocks_labels: bool = False
    category_field: str | None = None
    """Every rule's filter is ``Eq(category_field, value)``: QGIS gets a categorized renderer on that field
    (a category per rule, as its Layer Styling panel shows one), SLD the rules as they are."""


def number(x: float) -> str:
    return f"{x:.6g}"
