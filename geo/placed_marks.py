"""The labels the renderer set on the page, as plain data, for the outputs that draw the map again.

The painter places every figure, place name and country name once (gui/value_labels.py and
gui/place_labels.py, with geo.figure_layout, geo.place_layout and geo.labels) against everything
drawn before it: the flows and nodes, the dots and small islands, the title, legend and scale bar,
the names placed earlier. The web map used to lay its labels out again with fewer of those
obstacles, or left them to Leaflet and a script that hid the ones that collided: names stood where
the PNG does not put them (Sfax, Tripoli, Lampedusa and Malta were hidden on the change map) and a
figure could take the other side of its band. So the renderer records each label as it set it, and
geo.exports.webmap only converts these records to the earth: one placement, every output.

A mark keeps its box in page pixels and the side of the box that faces what it names (a town's dot,
an island, a figure's band). On a page that zooms, that side's middle is the point that stays on the
earth and the text runs away from it, so a name never grows back over its dot nor a figure over its
band; a mark that names nothing beside it (a country's name, a name inside its island) keeps its centre.
"""

from __future__ import annotations

from dataclasses import dataclass

import shapely
import shapely.ops

from geo.view import MapView

FIGURE, TOTAL, PLACE, COUNTRY = "value", "total", "place", "country"
"""The kinds of mark: a symbol's figure, a parent's total, a place's name, a country's name."""
PLACE_FIGURE = "place_figure"
"""A figure counted at a place or in a country, beside its circle (geo.place_figures)."""
PLACE_TOTAL = "place_total"
"""A circle layer's total over a country's routes, over the country and no circle's (geo.place_totals)."""
FIGURE_KEY = "figure_key"
"""A figure's number where its label found no room (geo.figure_keys); its key holds the figures' layout
keys joined by KEYS_SEP."""
KEYS_SEP = "|"
LEFT, RIGHT, TOP, BOTTOM, CENTRE = "left", "right", "top", "bottom", "centre"
"""The side of a mark's box that faces what it names (page pixels, y down), or its centre."""
PT_MM = 25.4 / 72
"""Millimetres in a typographic point."""

Rect = tuple[float, float, float, float]
Point = tuple[float, float]


@dataclass(frozen=True)
class PlacedMark:
    """One label as the renderer set it: what it says, how, and where on the page."""

    kind: str
    key: str
    """What it labels: the figure's layout key (a route id, or ``total:<route id>``), the place's id, the
    country's row in the boundaries layer."""
    text: str
    """Its words, lines parted by ``\\n`` (a long country name is set on two lines)."""
    colour: str
    rect: Rect
    """Its box (x0, y0, x1, y1) in page pixels: the text centred in it with ``pad_mm`` around."""
    facing: str
    """The side of ``rect`` facing what it names (LEFT, RIGHT, TOP, BOTTOM) or CENTRE."""
    size_pt: float
    """The font size on paper."""
    line_mm: float
    """One line's height on paper (the font's ascent and descent, as the painter stacks lines)."""
    pad_mm: tuple[float, float]
    """How much wider and taller than its text the box is, on paper (room for the halo)."""
    bold: bool = False
    italic: bool = False
    spacing: float = 0.0
    """Extra space after each letter, as a share of the font size (country names)."""
    leader: tuple[Point, Point] | None = None
    """(anchor, end on the box) of the leader line the painter drew, page pixels; or None."""

    @property
    def size_mm(self) -> float:
        return self.size_pt * PT_MM

    def pin(self) -> Point:
        """The point of the box that stays put when the page zooms: the middle of its facing side, or
        its centre."""
        x0, y0, x1, y1 = self.rect
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        return {LEFT: (x0, cy), RIGHT: (x1, cy), TOP: (cx, y0), BOTTOM: (cx, y1)}.get(self.facing, (cx, cy))

    @property
    def align(self) -> str:
        """How its lines stand in its box (line_align)."""
        return line_align(self.facing)


@dataclass(frozen=True)
class PageMarks:
    """The marks of one render and the view they were set through (their pixels are its pixels)."""

    view: MapView
    marks: tuple[PlacedMark, ...]
    lifted: tuple[tuple[object, str], ...] = ()
    """The small islands the renderer drew again above the flows that cover them: (outline in the
    view's CRS, fill colour). Not labels, but placed by the same pass, and the web map copies them."""
    under_circles: tuple[tuple[object, str], ...] = ()
    """The sea and land the renderer drew again under the circles where they cover a flow
    (geo.circle_ground): (shape in the view's CRS, fill colour), the sea first. The web map copies them."""

    def of_kind(self, *kinds: str) -> list[PlacedMark]:
        return [m for m in self.marks if m.kind in kinds]


def facing_side(rect: Rect, anchor: Point | None) -> str:
    """The side of ``rect`` that faces ``anchor``: left or right where the anchor lies beyond that side
    (a side is preferred to the top or bottom: a face wider than the painter's spreads along the line
    of text, away from the anchor, and not back over it), else top or bottom; CENTRE for no anchor or
    one inside the box."""
    if anchor is None:
        return CENTRE
    x0, y0, x1, y1 = rect
    ax, ay = anchor
    if ax <= x0:
        return LEFT
    if ax >= x1:
        return RIGHT
    if ay <= y0:
        return TOP
    if ay >= y1:
        return BOTTOM
    return CENTRE


def line_align(facing: str) -> str:
    """How the lines of a mark facing ``facing`` stand in its box: flush with a side facing what it
    names (LEFT or RIGHT), else centred. A figure east of its circle starts at the circle, one west of it
    ends there, and a leader meets the end of a line, not the paper a shorter centred line leaves: on the
    A3 overview the leader of the Central Mediterranean's dead and missing ('≥ 1,659' over 'of which Q4
    2024: 438') ended 5 mm from any letter, at the corner of the longer line's box."""
    return facing if facing in (LEFT, RIGHT) else CENTRE


def nearest_anchor(rect: Rect, feature) -> Point | None:
    """The point of ``feature`` (a shapely geometry in page pixels: an island, a group of islands)
    nearest ``rect``; None where the box lies on it (a name inside its island faces nothing)."""
    if feature is None or feature.is_empty:
        return None
    box = shapely.box(*rect)
    if shapely.intersects(box, feature):
        return None
    near = shapely.ops.nearest_points(feature, box)[0]
    return float(near.x), float(near.y)
