"""Where a page's legend stands: over the map, in its corner, or in a column beside the map frame.

Over the map, a legend costs the map room twice: it covers what lies under it, and the frame is
fitted to keep every flow clear of it (geo.extent_fit), so a tall legend makes the whole map
smaller. The regional overview's legend (two width scales, eleven circle layers, three circle
scales) is 60 x 186 mm: a tenth of an A3 frame, but a fifth of an A4 one, where keeping clear of it
zoomed the map out from the Sahel to Germany and Iraq and left the Central Mediterranean a few
millimetres wide. There a cartographer sets the legend beside the map, in a column of its own, and
gives the frame the rest of the page.

The choice is the document's ``legend_place``: ``auto`` (beside when over the map it would cover
more than LEGEND_OVER_MAP_MAX_SHARE of the frame and one column beside the map holds it), ``inside``
or ``beside``.
"""

from __future__ import annotations

from geo.errors import CrossingsError

AUTO, INSIDE, BESIDE = "auto", "inside", "beside"
CHOICES = (AUTO, INSIDE, BESIDE)

LEGEND_OVER_MAP_MAX_SHARE = 0.15
"""A legend over the map covers at most this share of the frame's area; larger, it goes beside. The
bundled maps' legends cover 4 to 10 % of an A3 or A4 frame; the overview's covers 21 % of A4."""
LEGEND_COLUMN_W_MM = 70.0
"""A legend beside the map is this wide: wider than over the map (60 mm), as its room costs the map
no more, so fewer entries wrap onto a second line and the column stays within the frame's height."""
LEGEND_COLUMN_GAP_MM = 4.0
"""Paper between the map frame and the legend column."""


def parse_legend_place(value: object, option: str = "legend") -> str:
    """``auto``, ``inside`` or ``beside`` (any case); anything else is an error naming ``option``."""
    text = str(value).strip().lower() if value is not None else AUTO
    if text not in CHOICES:
        raise CrossingsError(f"{option}: {value!r} is not one of {', '.join(CHOICES)}")
    return text


def legend_beside(choice: str, frame_mm: tuple[float, float], over_map_mm: tuple[float, float],
                  column_h_mm: float, column_room_mm: float | None = None) -> bool:
    """Whether the legend stands beside the map: ``choice`` when it is not ``auto``; else when, over a
    frame of ``frame_mm`` (width, height), the legend as laid out there (``over_map_mm``, one or two
    columns) would cover more than LEGEND_OVER_MAP_MAX_SHARE of it, and one column LEGEND_COLUMN_W_MM
    wide beside the map is ``column_h_mm`` tall, no taller than ``column_room_mm`` (the page's height
    within its margins: a column taller than the frame runs on beside the footer; default the frame's
    height). Two columns beside an A4 map would leave it narrower than the legend over it does."""
    if choice != AUTO:
        return choice == BESIDE
    share = over_map_mm[0] * over_map_mm[1] / max(frame_mm[0] * frame_mm[1], 1e-9)
    return share > LEGEND_OVER_MAP_MAX_SHARE and column_h_mm <= (frame_mm[1] if column_room_mm is None else column_room_mm)
