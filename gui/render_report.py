"""What a render placed and drew, for the tests, the quality checks and the outputs that draw the map
again (the web map, the GeoPackage's fields): measured by the painter, never guessed. Split from
gui.render, which fills it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from geo.flow_geometry import WidthScale
from geo.insets import PlacedInset
from geo.labels import PlacedLabel
from geo.view import MapView


@dataclass
class RenderReport:
    """What the last render placed, for tests and quality checks (pixels, not guesses)."""

    view: MapView | None = None
    scale: WidthScale | None = None
    symbols: object = None
    value_labels: list[PlacedLabel] = field(default_factory=list)
    dropped_labels: list[str] = field(default_factory=list)
    """Figures (layout keys) with no room on the map, not even for a number."""
    numbered: list = field(default_factory=list)
    key_box: tuple[float, float, float, float] | None = None
    """Where the key to the numbered figures stands on the map (page pixels); None: the footer keys them."""
    """Figures whose label found no room, numbered beside their symbols (geo.figure_keys.KeyedFigure):
    the page's footer keys each number to its figure."""
    furniture_rects: dict[str, QRectF] = field(default_factory=dict)
    labels: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)
    """Every placed label: (kind, (x0, y0, x1, y1) in page pixels)."""
    texts: list[tuple[str, str, str, str]] = field(default_factory=list)
    """Every text drawn: (kind, text, colour, effective background), for legibility checks."""
    unlabelled: list[str] = field(default_factory=list)
    """Flows left without a value label on purpose (beyond FlowStyle.max_labels)."""
    nodes: dict[str, float] = field(default_factory=dict)
    """OD node name -> total drawn, when the figures are origin–destination."""
    place_labels: list[tuple[str, str, tuple[float, float, float, float]]] = field(default_factory=list)
    """Every place name drawn: (place id, text, (x0, y0, x1, y1) in page pixels)."""
    node_names: list[tuple[str, str, tuple[float, float, float, float]]] = field(default_factory=list)
    """Every OD node's name drawn: ("node:<node>", text, (x0, y0, x1, y1) in page pixels)."""
    dots: list[tuple[str, float, float, float]] = field(default_factory=list)
    """Every place dot drawn: (place id, x, y, radius) in page pixels."""
    leaders: list[tuple[str, tuple[float, float], tuple[float, float]]] = field(default_factory=list)
    """Every leader line drawn: (label key, anchor, end on the label's box) in page pixels."""
    marks: list = field(default_factory=list)
    """Every figure, place and country name placed, in placement order (geo.placed_marks.PlacedMark):
    what the web map sets where the PNG sets it."""
    lifted_islands: list = field(default_factory=list)
    """Small islands drawn again above the flows that cover them (pixel outlines)."""
    lifted_land: list = field(default_factory=list)
    """The same islands as (outline in the view's CRS, fill colour): what the web map lifts too."""
    points: list[tuple[int, int, float, float, float, str]] = field(default_factory=list)
    """Every point of a point layer drawn: (layer id, row, x, y, radius, colour), page pixels (gui.point_layer_painter)."""
    ground_under_circles: list = field(default_factory=list)
    """The sea and land drawn again under the circles where they cover a flow (geo.circle_ground): (shape
    in the view's CRS, fill colour), the sea first; the web map draws them too."""
    place_circles: object = None
    """The place-figure circles drawn (geo.place_figures.place_circles), largest first."""
    insets: list[tuple[PlacedInset, RenderReport]] = field(default_factory=list)
    """Every inset map painted on the page (geo.insets.PlacedInset) with its own map's report."""
    insets_left_out: list[tuple[str, str]] = field(default_factory=list)
    """Insets chosen that found no free room on the map: (area key, why)."""
    callouts: list = field(default_factory=list)
    """Every callout drawn (geo.callout_layout.PlacedCallout): its box, anchor, leader, what it overlaps."""
    keyed_callouts: list[tuple[str, int]] = field(default_factory=list)
    """The callouts set as a letter by their anchor, their text in the footer: (letter, callout index)."""
    callout_notes: list[str] = field(default_factory=list)
    """What the render says of its callouts: a text printed in another language, an overlap, an anchor off the map."""


@contextmanager
def layout_painter(dpi: float) -> Iterator[QPainter]:
    """A painter on a 1 x 1 image of ``dpi``: a render through it with no phases (``RenderOptions(phases=
    frozenset())``) lays out every label as the page's export would and paints nothing, for what its
    report says (the web map's labels, the callouts' notes)."""
    from gui.qt_app import ensure_gui_app

    ensure_gui_app(widgets=True)  # fonts need an application: a command-line export has not started one
    image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(dpi / 0.0254))  # the page's dpi, as the PNG's image has it
    image.setDotsPerMeterY(round(dpi / 0.0254))
    painter = QPainter(image)
    try:
        yield painter
    finally:
        painter.end()
