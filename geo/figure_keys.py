"""Figures numbered on the map where their label finds no room, and read in the footer's key.

A regional overview on A4 holds more figures than its crowded coasts have room for: around Tunisia,
Lampedusa and Malta five labels compete for the same sea. A figure whose label fits nowhere is not
left off the page: a small numbered disc stands beside its symbol, where the label would have gone
(the same candidates, so a band's number sits on the band's side, a circle's beside the circle), and
the footer keys each number to its figure, source and qualifier. This is the cartographer's
reference-number convention; the disc is a few millimetres, so it finds room where a four-line total
could not. Only a figure with no room even for its number stays out of the map, named in the
footer's 'no room' sentence as before.

Numbers follow the reading order of the page (west to east, or east to west in Arabic; north to
south within a column), so a reader scanning the map meets 1, 2, 3 in turn.

The key stands on the map's face, in a box of its own set where it covers nothing (the Sahara has
room), placed after every label and callout: a reader finds it beside the numbers. Where no such
room is left, the footer carries it instead (geo.map_marks.unplaced_note). The footer could not
always: in Arabic, on A4, its lines ran off the bottom of the page with the disclaimer after them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

KEY_PT = 7.0
"""The number in its disc is set bold at this size on paper: below the figures' 8.5 pt, still legible."""
KEY_PAD_MM = 0.7
"""Paper between the number and its disc's edge."""
KEY_OUTLINE_MM = 0.3
"""The disc's outline, in the figure's colour: a number in a white disc reads as a reference, not a figure."""
KEY_COLUMN_MM = 4.0
"""Numbers whose discs lie within this much paper east–west are one column, read north to south."""


@dataclass(frozen=True)
class KeyedFigure:
    """A figure (or the figures at one anchor: ``keys``) whose number stands in ``rect`` (page pixels)
    with, where the disc stands apart, a ``leader`` to its symbol; ``colour`` is its figure's."""

    keys: tuple[str, ...]
    rect: tuple[float, float, float, float]
    colour: str
    leader: tuple[tuple[float, float], tuple[float, float]] | None = None
    number: int = 0


def disc_size(number_width: float, line_height: float, mm: float) -> tuple[float, float]:
    """The box of a number's disc (page pixels): round for one or two digits, a pill for wider ones."""
    h = line_height + 2 * KEY_PAD_MM * mm
    return max(h, number_width + 2 * KEY_PAD_MM * mm), h


def widest_number(count: int) -> str:
    """The text measured for every disc when ``count`` figures may be numbered: as many digits as the
    largest number, the widest digit."""
    return "8" * len(str(max(count, 1)))


def numbered(keyed: Sequence[KeyedFigure], mm: float, rtl: bool = False) -> list[KeyedFigure]:
    """``keyed`` numbered 1, 2, … in reading order: columns west to east (east to west in Arabic),
    north to south within a column."""
    def order(k: KeyedFigure):
        x = (k.rect[0] + k.rect[2]) / 2
        y = (k.rect[1] + k.rect[3]) / 2
        column = round((-x if rtl else x) / (KEY_COLUMN_MM * mm))
        return column, y

    from dataclasses import replace

    return [replace(k, number=i) for i, k in enumerate(sorted(keyed, key=order), start=1)]


KEY_BOX_PT = 7.0
"""The key's lines are set at this size (the legend's is 7.5 pt, the footer's 7 pt)."""
KEY_BOX_WIDTHS_MM = (72.0, 56.0, 44.0)
"""The key box's text is wrapped to the first of these widths at which the box finds room: wide and
short first (few lines to read), narrower and taller between the Sahel's names and the legend."""
KEY_BOX_PAD_MM = 2.0
"""Paper between the key box's edge and its text."""
KEY_BOX_STEP_MM = 4.0
"""Candidate places for the key box lie on a grid this fine across the map frame."""


def key_box_candidates(frame: tuple[float, float, float, float], size: tuple[float, float], mm: float
                       ) -> list[tuple[float, float, float]]:
    """(centre x, centre y, cost) of key boxes of ``size`` inside ``frame`` (page pixels) on a grid:
    nearer the frame's bottom and its sides costs less, where a reader looks for what the map's
    furniture says (the legend and scale bar stand there too)."""
    fx, fy, fw, fh = frame
    w, h = size
    inset = 2.0 * mm
    xs = np.arange(fx + inset + w / 2, fx + fw - inset - w / 2 + 1e-9, KEY_BOX_STEP_MM * mm)
    ys = np.arange(fy + inset + h / 2, fy + fh - inset - h / 2 + 1e-9, KEY_BOX_STEP_MM * mm)
    if not len(xs) or not len(ys):
        return []
    gx, gy = np.meshgrid(xs, ys)
    gx, gy = gx.ravel(), gy.ravel()
    side = np.minimum(gx - fx, fx + fw - gx) / max(fw, 1.0)  # 0 at a side, 0.5 in the middle
    low = (fy + fh - gy) / max(fh, 1.0)  # 0 at the bottom, 1 at the top
    cost = side + low
    return [(float(x), float(y), float(c)) for x, y, c in zip(gx, gy, cost, strict=True)]


def keyed_from_marks(marks) -> list[KeyedFigure]:
    """The numbered figures a render recorded as marks (geo.placed_marks, kind FIGURE_KEY): what the web
    map, built from the PNG's marks, keys in its footer as the PNG does."""
    from geo.placed_marks import FIGURE_KEY, KEYS_SEP

    return [KeyedFigure(tuple(m.key.split(KEYS_SEP)), m.rect, m.colour, m.leader, int(m.text))
            for m in marks if m.kind == FIGURE_KEY]
