"""Names of places and countries drawn last, so that one in the way of a callout can make way.

The names are laid out before the figures and the callouts, as always (gui.place_labels), and recorded
in the report then; their drawing waits until the callouts are laid out (geo.callout_layout). A callout
that finds no place clear of everything may take a name's room (on the French A3 overview, Cabrera's
name fenced off every leader of the Algerian callout): that name is not drawn, nor a town's dot drawn
only with its name, and their entries leave the report, so the SVG, the PDF and the web map (built
from the report's marks) lose them too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QPainter


@dataclass
class WaitingName:
    """A name laid out and recorded, not yet drawn: its box, its leader's report key (None: no leader),
    its text and report kind, and what draws it (None on a layout with nothing painted)."""

    kind: str
    text: str
    rect: tuple[float, float, float, float]
    leader_key: str | None
    draw: Callable[[QPainter], None] | None
    yielded: bool = False
    dot_id: str | None = None
    """The place whose dot is drawn with the name only (a town's): making way, it takes its dot with it."""


class YieldingNamesMixin:
    """MapRenderer's names waiting to be drawn; needs ``self.report``. ``render_map`` starts each map
    with an empty list and draws them once the callouts are laid out."""

    _waiting: list | tuple = ()

    def _name_later(self, kind: str, text: str, rect, leader_key: str | None, draw: Callable[[QPainter], None] | None,
                    dot_id: str | None = None) -> None:
        self._waiting = [*self._waiting, WaitingName(kind, text, tuple(rect), leader_key, draw, dot_id=dot_id)]

    def _make_way(self, rects: list[tuple[float, float, float, float]], leader_keys: list[str]) -> list[str]:
        """The names whose box is one of ``rects``, or whose leader is one of ``leader_keys``, make way:
        not drawn, and gone from the report. Returns their texts."""
        boxes, keys = {tuple(r) for r in rects}, set(leader_keys)
        gone = [n for n in self._waiting if not n.yielded and (n.rect in boxes or (n.leader_key or "") in keys)]
        if not gone:
            return []
        report = self.report
        rects_gone = {n.rect for n in gone}
        keys_gone = {n.leader_key for n in gone if n.leader_key}
        for n in gone:
            n.yielded = True
            for i, (kind, text, *_rest) in enumerate(report.texts):
                if (kind, text) == (n.kind, n.text):
                    del report.texts[i]
                    break
        report.labels[:] = [(k, r) for k, r in report.labels if tuple(r) not in rects_gone]
        report.marks[:] = [m for m in report.marks if tuple(m.rect) not in rects_gone]
        report.place_labels[:] = [p for p in report.place_labels if tuple(p[2]) not in rects_gone]
        report.leaders[:] = [ld for ld in report.leaders if ld[0] not in keys_gone]
        dots_gone = {n.dot_id for n in gone if n.dot_id}
        report.dots[:] = [d for d in report.dots if d[0] not in dots_gone]
        report.dropped_labels += [n.text for n in gone]
        return [n.text for n in gone]

    def _draw_waiting_names(self, painter: QPainter) -> None:
        for n in self._waiting:
            if not n.yielded and n.draw is not None:
                n.draw(painter)
        self._waiting = []
