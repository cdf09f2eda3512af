"""Map styles as plain data: colours, widths in millimetres, fonts in points."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, fields

from geo.figure_values import MAX_VALUE, quote_cell
from geo.point_style import PointStyle

# Okabe–Ito: distinguishable with every common colour-vision deficiency, and print-safe.
ROUTE_GROUP_COLOURS: dict[str, str] = {
    "Atlantic": "#0072B2",
    "WMR": "#E69F00",
    "CMR": "#D55E00",
    "Algeria–Balearic": "#CC79A7",
    "Expulsions": "#5B4A3F",
}
# Origin–destination flows: one colour per destination, in this order (Okabe–Ito again).
OD_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
FALLBACK_COLOURS = ("#009E73", "#56B4E9", "#F0E442", "#999999")

# Change styling: ColorBrewer's PRGn ends, purple for an increase and green for a decrease (apart for every
# colour-vision deficiency), in no route's colour: with the routes' own vermillion and blue, the change map
# printed beside the others drew the Atlantic orange and the Central Mediterranean blue, each read as the
# other's route. No earlier figure in neutral grey.
CHANGE_COLOURS: dict[str, str] = {"up": "#762A83", "down": "#1B7837", "same": "#6b6b6b", "new": "#8f8f8f", "none": "#8f8f8f"}

GROUP_LABELS: dict[str, str] = {
    "Atlantic": "Atlantic route",
    "WMR": "Western Mediterranean route",
    "CMR": "Central Mediterranean route",
    "Algeria–Balearic": "Algeria–Balearic route",
    "Expulsions": "Expulsions (land)",
}


CASING_MM = 0.2
"""The casing round a filled figure, outside its colour (the figure keeps all its width in colour): it
parts a band from the coast and from the larger band it crosses."""

_HEX_COLOUR = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
# A font family name as CSS and Qt take it: letters (any script), digits, spaces, dots and dashes.
_FONT_FAMILY = re.compile(r"[\w .\-]{1,64}")


def css_colour(value: object, what: str) -> str:
    """``value`` as '#rrggbb' (a short '#rgb' written out), or ValueError naming ``what``: a colour from a project file or a setting is
    parsed and written anew, never pasted into CSS, SVG or HTML as given (a 'colour' of
    ``red;}</style><script>…`` would otherwise run in the web map)."""
    text = value.strip() if isinstance(value, str) else ""
    m = _HEX_COLOUR.fullmatch(text)
    if m is None:
        raise ValueError(f"{what} {quote_cell(str(value))} is not a colour: write it as #rrggbb, e.g. #0072b2")
    digits = m.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


def font_family(value: object, what: str = "font_family") -> str:
    if not isinstance(value, str) or not _FONT_FAMILY.fullmatch(value.strip()):
        raise ValueError(f"{what} {quote_cell(str(value))} is not a font family name (letters, digits, spaces, dots, "
                         "dashes)")
    return value.strip()


# Sizes on paper a flow style may set: beyond these a map is hairlines or one solid sheet.
FLOW_SIZE_LIMITS_MM = {"max_width_mm": (0.2, 40.0), "min_width_mm": (0.0, 10.0),
                       "max_circle_mm": (0.5, 60.0), "min_circle_mm": (0.0, 20.0)}


def _finite(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


@dataclass
class LayerStyle:
    """How one layer is drawn; colours are CSS hex strings (#RRGGBB)."""

    visible: bool = True
    opacity: float = 1.0
    fill: str = "#efebe4"
    stroke: str = "#ffffff"
    stroke_width_mm: float = 0.25
    labels: bool = True
    points: PointStyle = field(default_factory=PointStyle)
    """A point layer's category, size and label columns (geo.point_style); other kinds ignore it."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.opacity <= 1.0:
            raise ValueError(f"opacity {self.opacity} is outside 0–1")
        self.points = PointStyle.from_value(self.points)
        self.fill = css_colour(self.fill, "fill")
        self.stroke = css_colour(self.stroke, "stroke")


@dataclass
class FlowStyle:
    """Proportional flow symbols: the width scale, arrowheads and value labels."""

    max_width_mm: float = 7.5
    min_width_mm: float = 0.6
    max_circle_mm: float = 14.0
    """Diameter of the largest circle, for metrics drawn as circles (dead and missing)."""
    min_circle_mm: float = 1.6
    reference_value: float | None = None
    """Value drawn ``max_width_mm`` wide; fix it to compare quarters, None fits the largest flow."""
    classes: tuple[float, ...] = ()
    """Class limits for classed widths (e.g. 1000, 5000, 10000); empty for proportional widths."""
    smoothing: int = 3
    show_values: bool = True
    group_colours: dict[str, str] = field(default_factory=lambda: dict(ROUTE_GROUP_COLOURS))
    casing: str = "#ffffff"
    compare: str | None = None
    """Show the change against 'previous' period or the same period a year ago ('year_ago')."""
    part_period: str | None = None
    """A shorter period within the map's whose figure each flow's label also prints, as the update
    writes it ("65,474 in 2024, of which 16,166 in Q4"); the band stays the map's period's. Printed
    only while it lies within the map's period (geo.periods.part_problem)."""
    max_labels: int = 40
    """At most this many value labels (the largest flows): beyond that labels are clutter."""
    max_flows: int = 300
    """Origin–destination maps draw at most this many flows (the largest); the rest are reported."""
    colour_by: str = "group"
    """'group' (route colours) or 'change' (increase / decrease against ``compare``)."""
    hold_scale: bool = True
    """Without a ``reference_value``: fit the widths to the largest figure of every period of the
    selection's kind (quarters with quarters), so widths compare from one map to the next."""
    route_colours: dict[str, str] = field(default_factory=dict)
    """Colours of single routes, over their group's (a new route told apart from its group)."""

    def __post_init__(self) -> None:
        for name, (low, high) in FLOW_SIZE_LIMITS_MM.items():
            value = getattr(self, name)
            if not _finite(value) or not low <= value <= high:
                raise ValueError(f"{name} {value!r} is outside {low:g}–{high:g} mm")
        if self.min_width_mm > self.max_width_mm or self.min_circle_mm > self.max_circle_mm:
            raise ValueError("a minimum width or size is larger than its maximum")
        if self.reference_value is not None and not (_finite(self.reference_value)
                                                     and 0 < self.reference_value <= MAX_VALUE):
            raise ValueError(f"reference_value {self.reference_value!r} is not a figure between 0 and {MAX_VALUE:,}")
        self.classes = tuple(self.classes)
        bad = next((c for c in self.classes if not (_finite(c) and 0 < c <= MAX_VALUE)), None)
        if bad is not None:
            raise ValueError(f"classes: {bad!r} is not a figure between 0 and {MAX_VALUE:,}")
        for name in ("max_labels", "max_flows"):
            if not isinstance(getattr(self, name), int) or isinstance(getattr(self, name), bool) or getattr(self, name) < 0:
                raise ValueError(f"{name} {getattr(self, name)!r} is not a whole number ≥ 0")
        if not isinstance(self.hold_scale, bool):
            raise ValueError(f"hold_scale {self.hold_scale!r} is not true or false")
        if self.compare not in (None, "previous", "year_ago"):
            raise ValueError(f"compare {self.compare!r} is not one of previous, year_ago (or none)")
        if self.colour_by not in ("group", "change"):
            raise ValueError(f"colour_by {self.colour_by!r} is not one of group, change")
        self.casing = css_colour(self.casing, "casing")
        if not isinstance(self.group_colours, dict):
            raise ValueError("group_colours must map route groups to colours")
        self.group_colours = {str(g): css_colour(c, f"group_colours[{g!r}]") for g, c in self.group_colours.items()}
        if not isinstance(self.route_colours, dict):
            raise ValueError("route_colours must map route ids to colours")
        self.route_colours = {str(r): css_colour(c, f"route_colours[{r!r}]") for r, c in self.route_colours.items()}

    def colour_for(self, group: str) -> str:
        if group in self.group_colours:
            return self.group_colours[group]
        return FALLBACK_COLOURS[sum(map(ord, group)) % len(FALLBACK_COLOURS)]


@dataclass
class MapTheme:
    """Page-wide colours and type."""

    sea: str = "#dbe9f2"
    land: str = "#f1eee8"
    focus_land: str = "#e4ded3"
    border: str = "#ffffff"
    coast: str = "#b9c9d4"
    graticule: str = "#c9dbe7"
    text: str = "#222222"
    muted_text: str = "#555555"
    country_label: str = "#7a7065"
    font_family: str = "Noto Sans"

    def __post_init__(self) -> None:
        for f in fields(self):
            if f.name != "font_family":
                setattr(self, f.name, css_colour(getattr(self, f.name), f.name))
        self.font_family = font_family(self.font_family)
